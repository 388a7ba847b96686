package acctest_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/provider"
)

// These benchmarks drive the provider's protocol 6 server in-process, the
// way Terraform does through gRPC, without the Terraform CLI: no plugin
// process, no gRPC and no msgpack work on Terraform's side are included.

// newBenchServer returns a fresh provider server, as a new plugin process
// would have.
func newBenchServer(b *testing.B) tfprotov6.ProviderServer {
	b.Helper()
	srv, err := providerserver.NewProtocol6WithError(provider.New("bench", "none")())()
	if err != nil {
		b.Fatalf("provider server: %v", err)
	}
	return srv
}

// BenchmarkGetProviderSchema measures the first GetProviderSchema call of a
// new provider server: building the schemas of the provider and of every
// resource and data source. Terraform makes this call once per command (the
// framework caches the schemas afterwards).
func BenchmarkGetProviderSchema(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		srv := newBenchServer(b)
		resp, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			b.Fatal(err)
		}
		failOnDiagnostics(b, "GetProviderSchema", resp.Diagnostics)
		if resp.ResourceSchemas["fc_function"] == nil {
			b.Fatalf("GetProviderSchema: no fc_function schema among %d resources", len(resp.ResourceSchemas))
		}
	}
}

// BenchmarkFunctionPlanChecksum measures what `terraform plan` costs the
// provider for a new fc_function: ValidateResourceConfig followed by
// PlanResourceChange, on a configured provider server whose schemas are
// already loaded. With source_dir (200 files of 4 KiB in 10 directories)
// the plan zips the directory and computes its checksum (internal/codepkg);
// with an OSS source the provider reads nothing, so the difference between
// the two sub-benchmarks is the plan-time cost of the code checksum. Each
// iteration checks the planned code_checksum against codepkg's.
func BenchmarkFunctionPlanChecksum(b *testing.B) {
	ctx := context.Background()
	srv := newBenchServer(b)
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	failOnDiagnostics(b, "GetProviderSchema", schemas.Diagnostics)
	configureProvider(b, srv, schemas.Provider)

	fnSchema := schemas.ResourceSchemas["fc_function"]
	if fnSchema == nil {
		b.Fatal("GetProviderSchema: no fc_function schema")
	}
	fnType := fnSchema.ValueType()
	codeType := attributeType(b, fnType, "code")

	dir, size := writeSourceTree(b, 200, 4<<10)
	zipped, err := codepkg.ZipDir(dir)
	if err != nil {
		b.Fatal(err)
	}

	for _, bc := range []struct {
		name     string
		code     map[string]tftypes.Value
		checksum string // the code_checksum to expect; "" = unknown
		bytes    int64
	}{
		{
			name:     "source_dir_200_files",
			code:     map[string]tftypes.Value{"source_dir": tftypes.NewValue(tftypes.String, dir)},
			checksum: codepkg.Checksum(zipped),
			bytes:    size,
		},
		{
			name: "oss_no_local_read",
			code: map[string]tftypes.Value{
				"oss_bucket_name": tftypes.NewValue(tftypes.String, "bucket"),
				"oss_object_name": tftypes.NewValue(tftypes.String, "code/v1.zip"),
			},
		},
	} {
		b.Run(bc.name, func(b *testing.B) {
			config := objectValue(b, fnType, map[string]tftypes.Value{
				"service_name": tftypes.NewValue(tftypes.String, "svc"),
				"name":         tftypes.NewValue(tftypes.String, "fn"),
				"runtime":      tftypes.NewValue(tftypes.String, "python3.9"),
				"handler":      tftypes.NewValue(tftypes.String, "index.handler"),
				"code":         objectValue(b, codeType, bc.code),
			})
			configDV := dynamicValue(b, fnType, config)
			// A create: no prior state, and Terraform's proposed new state
			// is the configuration itself.
			priorDV := dynamicValue(b, fnType, tftypes.NewValue(fnType, nil))

			if bc.bytes > 0 {
				b.SetBytes(bc.bytes)
			}
			b.ReportAllocs()
			for b.Loop() {
				vresp, err := srv.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{
					TypeName: "fc_function",
					Config:   configDV,
				})
				if err != nil {
					b.Fatal(err)
				}
				failOnDiagnostics(b, "ValidateResourceConfig", vresp.Diagnostics)

				presp, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
					TypeName:         "fc_function",
					PriorState:       priorDV,
					ProposedNewState: configDV,
					Config:           configDV,
				})
				if err != nil {
					b.Fatal(err)
				}
				failOnDiagnostics(b, "PlanResourceChange", presp.Diagnostics)
				checkPlannedChecksum(b, fnType, presp.PlannedState, bc.checksum)
			}
		})
	}
}

// configureProvider sends ConfigureProvider with explicit settings (no
// environment, no profile); nothing is contacted.
func configureProvider(b *testing.B, srv tfprotov6.ProviderServer, s *tfprotov6.Schema) {
	b.Helper()
	typ := s.ValueType()
	cfg := objectValue(b, typ, map[string]tftypes.Value{
		"endpoint":    tftypes.NewValue(tftypes.String, "http://127.0.0.1:9"),
		"account_id":  tftypes.NewValue(tftypes.String, "1234567890123456"),
		"region":      tftypes.NewValue(tftypes.String, "cn-hangzhou"),
		"access_key":  tftypes.NewValue(tftypes.String, "bench-key-id"),
		"secret_key":  tftypes.NewValue(tftypes.String, "bench-key-secret"),
		"max_retries": tftypes.NewValue(tftypes.Number, 0),
	})
	resp, err := srv.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.5.7",
		Config:           dynamicValue(b, typ, cfg),
	})
	if err != nil {
		b.Fatal(err)
	}
	failOnDiagnostics(b, "ConfigureProvider", resp.Diagnostics)
}

// objectValue builds a value of object type typ from the attributes in set;
// every other attribute is null. It fails on an attribute the type does not
// have, so a renamed attribute breaks the benchmark instead of being
// ignored.
func objectValue(b *testing.B, typ tftypes.Type, set map[string]tftypes.Value) tftypes.Value {
	b.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		b.Fatalf("%s is not an object type", typ)
	}
	vals := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, t := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(t, nil)
	}
	for name, v := range set {
		if _, ok := obj.AttributeTypes[name]; !ok {
			b.Fatalf("the schema has no attribute %q", name)
		}
		vals[name] = v
	}
	return tftypes.NewValue(obj, vals)
}

func attributeType(b *testing.B, typ tftypes.Type, name string) tftypes.Type {
	b.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok || obj.AttributeTypes[name] == nil {
		b.Fatalf("no attribute %q in %s", name, typ)
	}
	return obj.AttributeTypes[name]
}

func dynamicValue(b *testing.B, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	b.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		b.Fatalf("encoding a DynamicValue: %v", err)
	}
	return &dv
}

// checkPlannedChecksum fails unless the planned code_checksum is want, or
// unknown when want is "".
func checkPlannedChecksum(b *testing.B, typ tftypes.Type, planned *tfprotov6.DynamicValue, want string) {
	b.Helper()
	if planned == nil {
		b.Fatal("PlanResourceChange returned no planned state")
	}
	v, err := planned.Unmarshal(typ)
	if err != nil {
		b.Fatalf("decoding the planned state: %v", err)
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		b.Fatal(err)
	}
	sum := attrs["code_checksum"]
	if want == "" {
		if sum.IsKnown() {
			b.Fatalf("planned code_checksum = %s, want unknown", sum)
		}
		return
	}
	var got string
	if !sum.IsKnown() || sum.As(&got) != nil || got != want {
		b.Fatalf("planned code_checksum = %s, want %q", sum, want)
	}
}

func failOnDiagnostics(b *testing.B, op string, diags []*tfprotov6.Diagnostic) {
	b.Helper()
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			b.Fatalf("%s: %s: %s", op, d.Summary, d.Detail)
		}
	}
}

// writeSourceTree writes files pseudo-random Python-like files of size bytes
// into 10 directories of a temporary directory (the same shape as
// codepkg's BenchmarkZipDir) and returns the directory and the total size.
func writeSourceTree(b *testing.B, files, size int) (string, int64) {
	b.Helper()
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"def ", "return ", "import ", "self", "(", ")", ":\n", "    ", "x", "y", "= ", "'abc'", "# comment\n"}
	for i := range files {
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString(words[rng.IntN(len(words))])
		}
		name := filepath.Join(dir, "pkg"+strconv.Itoa(i%10), "mod"+strconv.Itoa(i)+".py")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(sb.String()[:size]), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir, int64(files * size)
}
