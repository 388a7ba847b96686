package provider

// Unit tests of the movers from alicloud_fc_* (move_alicloud.go and
// resource_*_move.go). Each case sends the MoveResourceState request
// Terraform sends, with an old state in the JSON shape the incumbent's SDK
// v1 resources write (see the top of move_alicloud.go), to the provider
// server, and compares the moved state with the expected one. States are
// compared without their null attributes: want lists every attribute that
// is set, so a value that should be null and is not fails as surely as a
// wrong value.

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest/alicloudschema"
)

const (
	aliyunAlicloud    = "registry.terraform.io/aliyun/alicloud"
	hashicorpAlicloud = "registry.terraform.io/hashicorp/alicloud"
)

// moveCase is one move of an old state to a target type.
type moveCase struct {
	name string
	// source is the source provider address (aliyunAlicloud when "").
	source     string
	sourceType string
	version    int64
	// old is the old state, JSON.
	old string
	// want is the moved state without its null attributes, JSON; "" when
	// the move must fail.
	want string
	// malformed marks an old state that is not one of the incumbent's
	// schema, to show how a mover copes.
	malformed bool
	// wantDiag is a text every diagnostic of the answer must contain
	// (errors when want is "", warnings otherwise); "" for none.
	wantDiag string
}

func runMoveCases(t *testing.T, target string, newResource func() resource.Resource, cases []moveCase) {
	t.Helper()
	typ := terraformObjectType(resourceSchema(t, newResource()))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			source := tc.source
			if source == "" {
				source = aliyunAlicloud
			}
			checkOldState(t, tc)
			got, diags := moveResourceState(t, source, tc.sourceType, tc.version, tc.old, target, typ)
			for _, d := range diags {
				if tc.wantDiag == "" || !strings.Contains(d.Summary+" "+d.Detail, tc.wantDiag) {
					t.Errorf("unexpected diagnostic %s: %s: %s", d.Severity, d.Summary, d.Detail)
				}
				if tc.want != "" && d.Severity == tfprotov6.DiagnosticSeverityError {
					t.Errorf("the move failed: %s: %s", d.Summary, d.Detail)
				}
			}
			if tc.wantDiag != "" && len(diags) == 0 {
				t.Errorf("no diagnostic, want one containing %q", tc.wantDiag)
			}
			if tc.want == "" {
				if got != nil {
					t.Errorf("the move returned a state, want none: %s", indentJSON(t, got))
				}
				return
			}
			if got == nil {
				t.Fatal("the move returned no state")
			}
			var want any
			if err := json.Unmarshal([]byte(tc.want), &want); err != nil {
				t.Fatalf("want is not JSON: %v", err)
			}
			if !reflect.DeepEqual(normalizeJSON(t, got), want) {
				t.Errorf("moved state:\n%s\nwant:\n%s", indentJSON(t, got), indentJSON(t, want))
			}
		})
	}
}

// checkOldState fails the test when the old state of a case that must move
// is not a state of the incumbent's schema (the stand-in's, which declares
// it attribute for attribute): a misspelled attribute, or a value of the
// wrong type, would test nothing.
func checkOldState(t *testing.T, tc moveCase) {
	t.Helper()
	s, ok := alicloudschema.Schemas()[tc.sourceType]
	if !ok || tc.want == "" || tc.malformed {
		return
	}
	_, err := (&tfprotov6.RawState{JSON: []byte(tc.old)}).UnmarshalWithOpts(
		s.Type().TerraformType(context.Background()), tfprotov6.UnmarshalOpts{})
	if err != nil {
		t.Fatalf("the old state is not one of %s's schema: %v", tc.sourceType, err)
	}
}

// moveResourceState sends a MoveResourceState request to the provider
// server and returns the moved state (nil when there is none) without its
// null attributes, and the diagnostics.
func moveResourceState(t *testing.T, source, sourceType string, version int64, old, target string, typ tftypes.Object) (any, []*tfprotov6.Diagnostic) {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(New("test", "none")())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.MoveResourceState(context.Background(), &tfprotov6.MoveResourceStateRequest{
		SourceProviderAddress: source,
		SourceTypeName:        sourceType,
		SourceSchemaVersion:   version,
		SourceState:           &tfprotov6.RawState{JSON: []byte(old)},
		TargetTypeName:        target,
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.TargetState == nil {
		return nil, resp.Diagnostics
	}
	v, err := resp.TargetState.Unmarshal(typ)
	if err != nil {
		t.Fatalf("decoding the moved state: %v", err)
	}
	if v.IsNull() {
		return nil, resp.Diagnostics
	}
	state := goValue(t, v)
	checkMovedIdentity(t, server, target, resp.TargetIdentity, state)
	return state, resp.Diagnostics
}

// checkMovedIdentity fails the test unless a moved object of a resource
// with an identity has one, each attribute the state's of the same name
// (the rule of identity.go).
func checkMovedIdentity(t *testing.T, server tfprotov6.ProviderServer, target string, identity *tfprotov6.ResourceIdentityData, state any) {
	t.Helper()
	schemas, err := server.GetResourceIdentitySchemas(context.Background(), &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := schemas.IdentitySchemas[target]
	if !ok {
		return
	}
	if identity == nil || identity.IdentityData == nil {
		t.Fatal("the move returned no identity")
	}
	v, err := identity.IdentityData.Unmarshal(s.ValueType())
	if err != nil {
		t.Fatalf("decoding the moved identity: %v", err)
	}
	got, _ := goValue(t, v).(map[string]any)
	attrs, _ := state.(map[string]any)
	for _, a := range s.IdentityAttributes {
		if got[a.Name] == nil || !reflect.DeepEqual(got[a.Name], attrs[a.Name]) {
			t.Errorf("identity %s = %v, want the state's %v", a.Name, got[a.Name], attrs[a.Name])
		}
	}
}

// goValue renders a value as JSON-like Go data: objects without their null
// attributes, sets sorted, numbers as float64, unknown values as
// "<unknown>" (a moved state may hold none).
func goValue(t *testing.T, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	if !v.IsKnown() {
		return "<unknown>"
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case typ.Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		x, _ := f.Float64()
		return x
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}), typ.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := make([]any, 0, len(elems))
		for _, e := range elems {
			out = append(out, goValue(t, e))
		}
		if typ.Is(tftypes.Set{}) {
			sort.Slice(out, func(i, j int) bool { return mustJSON(t, out[i]) < mustJSON(t, out[j]) })
		}
		return out
	case typ.Is(tftypes.Map{}), typ.Is(tftypes.Object{}):
		var elems map[string]tftypes.Value
		_ = v.As(&elems)
		out := make(map[string]any, len(elems))
		for k, e := range elems {
			if typ.Is(tftypes.Object{}) && e.IsNull() {
				continue
			}
			out[k] = goValue(t, e)
		}
		return out
	}
	t.Fatalf("unexpected type %s", typ)
	return nil
}

// indentJSON returns v as indented JSON, for messages.
func indentJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// normalizeJSON returns v as json.Unmarshal would return its JSON.
func normalizeJSON(t *testing.T, v any) any {
	t.Helper()
	var out any
	if err := json.Unmarshal([]byte(mustJSON(t, v)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// ---------------------------------------------------------------------------
// Requests no mover takes, and the helpers.

func TestMoveAlicloud_declines(t *testing.T) {
	service := `{"id": "svc", "name": "svc", "internet_access": true}`
	runMoveCases(t, "fc_service", NewServiceResource, []moveCase{
		{name: "another provider", source: "registry.terraform.io/hashicorp/aws", sourceType: "alicloud_fc_service", old: service,
			wantDiag: "does not include support for the given source resource"},
		{name: "another namespace", source: "registry.terraform.io/example/alicloud", sourceType: "alicloud_fc_service", old: service,
			wantDiag: "does not include support for the given source resource"},
		{name: "another alicloud type", sourceType: "alicloud_fc_function", old: service,
			wantDiag: "does not include support for the given source resource"},
		{name: "FC 3.0 resource", sourceType: "alicloud_fcv3_function", old: service,
			wantDiag: "does not include support for the given source resource"},
		{name: "schema version 1", sourceType: "alicloud_fc_service", version: 1, old: service,
			wantDiag: "has schema version 1"},
		{name: "no JSON state", sourceType: "alicloud_fc_service", old: "",
			wantDiag: "legacy flatmap format"},
		{name: "not an object", sourceType: "alicloud_fc_service", old: `["svc"]`,
			wantDiag: "is not a JSON object"},
		{name: "no name", sourceType: "alicloud_fc_service", old: `{"id": "", "name": ""}`,
			wantDiag: "has no name"},
	})
	runMoveCases(t, "fc_trigger", NewTriggerResource, []moveCase{
		{name: "trigger ID of another shape", sourceType: "alicloud_fc_trigger", old: `{"id": "svc:fn", "type": "timer"}`,
			wantDiag: "(neither the attribute nor its part of the ID)"},
	})
}

func TestAlicloudState_values(t *testing.T) {
	st, err := parseAlicloudState([]byte(`{
  "s": "x", "empty": "", "null": null, "n": 128, "nf": 3.0, "frac": 0.5, "ns": "42", "b": true, "bs": "false",
  "list": ["a", 1, null, true], "obj": {"k": "v"}, "blk": [{"k": "v"}], "none": [],
  "map": {"a": "1", "b": 2, "c": null}
}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		got  any
		want any
	}{
		{"string", st.stringValue("s"), "x"},
		{"number as text", st.stringValue("n"), "128"},
		{"absent string", st.stringValue("nope"), ""},
		{"empty optional string", st.optionalString("empty").IsNull(), true},
		{"null optional string", st.optionalString("null").IsNull(), true},
		{"object as string", st.stringValue("obj"), ""},
		{"int", st.int64Or("n").ValueInt64(), int64(128)},
		{"whole float", st.int64Or("nf").ValueInt64(), int64(3)},
		{"fraction is no int", st.int64Or("frac").IsNull(), true},
		{"numeric string", st.int64Or("ns").ValueInt64(), int64(42)},
		{"zero or less is null", (alicloudState{"p": json.RawMessage("0")}).positiveInt64("p").IsNull(), true},
		{"bool", st.boolValue("b").ValueBool(), true},
		{"bool string", st.boolValue("bs").IsNull() || st.boolValue("bs").ValueBool(), false},
		{"absent bool", st.boolValue("nope").IsNull(), true},
		{"strings", st.strings("list"), []string{"a", "1", "true"}},
		{"block", len(st.objects("blk")), 1},
		{"lone object as block", len(st.objects("obj")), 1},
		{"empty block", len(st.objects("none")), 0},
		{"map", st.stringMap("map"), map[string]string{"a": "1", "b": "2"}},
		{"name from the ID", (alicloudState{"id": json.RawMessage(`"svc:fn"`)}).name("name", 1, 2), "fn"},
		{"ID of another shape", (alicloudState{"id": json.RawMessage(`"svc::fn"`)}).name("name", 1, 2), ""},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}
}

// TestDecimalFloat64 checks that a moved number is the number Terraform
// reads from the same text in a configuration, not the float64 nearest to
// it: a weight of 0.1 moved as a float64 would differ from the configured
// 0.1, and the first plan would show a change.
func TestDecimalFloat64(t *testing.T) {
	got, err := decimalFloat64("0.1")
	if err != nil {
		t.Fatal(err)
	}
	configured, _, err := big.ParseFloat("0.1", 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	gotTF, err := got.ToTerraformValue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !gotTF.Equal(tftypes.NewValue(tftypes.Number, configured)) {
		t.Errorf("decimalFloat64(\"0.1\") = %s, want the configuration's 0.1", gotTF)
	}
	if got.ValueFloat64() != 0.1 {
		t.Errorf("ValueFloat64() = %v, want 0.1", got.ValueFloat64())
	}
	if _, err := decimalFloat64("x"); err == nil {
		t.Error("decimalFloat64(\"x\") did not fail")
	}
}

func TestCanonicalJSON(t *testing.T) {
	for in, want := range map[string]string{
		"{\n  \"b\": 1.50,\n  \"a\": {\"d\": [1, 2], \"c\": \"<x>\"}\n}\n": `{"a":{"c":"\u003cx\u003e","d":[1,2]},"b":1.5}`,
		`[1e2, -0.0010, 12345678901234567890]`:                             `[100,-0.001,12345678901234567890]`,
		`not json`:                                                         `not json`,
	} {
		if got := string(canonicalJSON([]byte(in))); got != want {
			t.Errorf("canonicalJSON(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestIsAlicloudProvider(t *testing.T) {
	for addr, want := range map[string]bool{
		"registry.terraform.io/aliyun/alicloud":    true,
		"registry.terraform.io/hashicorp/alicloud": true,
		"registry.opentofu.org/aliyun/alicloud":    true,
		"Registry.Terraform.io/Aliyun/Alicloud":    true,
		"registry.terraform.io/aliyun/alicloudx":   false,
		"example.com/aliyun/alicloud":              false,
		"alicloud":                                 false,
		"":                                         false,
	} {
		if got := isAlicloudProvider(addr); got != want {
			t.Errorf("isAlicloudProvider(%q) = %v, want %v", addr, got, want)
		}
	}
}

// ---------------------------------------------------------------------------
// alicloud_fc_service

func TestMoveAlicloudService(t *testing.T) {
	runMoveCases(t, "fc_service", NewServiceResource, []moveCase{
		{
			// What the official module leaves: a service with a name only,
			// every copied value "" and every block [].
			name: "minimal", sourceType: "alicloud_fc_service",
			old: `{
  "description": "", "id": "svc", "internet_access": true, "last_modified": "2024-03-01T08:00:00Z",
  "log_config": [], "name": "svc", "name_prefix": null, "nas_config": [], "publish": false, "role": "",
  "service_id": "5a8c6a2e-1b0c-4a6e-9d0a-1e4d5c6b7a80", "tags": null, "tracing_config": [], "version": "", "vpc_config": []
}`,
			want: `{
  "id": "svc", "name": "svc", "internet_access": true, "last_modified_time": "2024-03-01T08:00:00Z",
  "service_id": "5a8c6a2e-1b0c-4a6e-9d0a-1e4d5c6b7a80"
}`,
		},
		{
			name: "every block, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_service",
			old: `{
  "description": "orders", "id": "svc", "internet_access": false, "last_modified": "2024-03-01T08:00:00Z",
  "log_config": [{"enable_instance_metrics": true, "enable_request_metrics": false, "logstore": "fc-logs", "project": "fc-project"}],
  "name": "svc", "name_prefix": null,
  "nas_config": [{"group_id": -1, "user_id": -1, "mount_points": [
    {"mount_dir": "/mnt/nas", "server_addr": "0a1b2c.cn-hangzhou.nas.aliyuncs.com:/data"},
    {"mount_dir": "/mnt/nas2", "server_addr": "0a1b2c.cn-hangzhou.nas.aliyuncs.com:/logs"}]}],
  "publish": true, "role": "acs:ram::1234567890123456:role/fc-service", "service_id": "5a8c",
  "tags": {"team": "orders"},
  "tracing_config": [{"params": {"endpoint": "http://tracing.example.com/api/traces"}, "type": "Jaeger"}],
  "version": "3",
  "vpc_config": [{"security_group_id": "sg-1", "vpc_id": "vpc-1", "vswitch_ids": ["vsw-2", "vsw-1"]}]
}`,
			want: `{
  "description": "orders", "id": "svc", "internet_access": false, "last_modified_time": "2024-03-01T08:00:00Z",
  "log_config": {"enable_instance_metrics": true, "enable_request_metrics": false, "log_begin_rule": "None", "logstore": "fc-logs", "project": "fc-project"},
  "name": "svc",
  "nas_config": {"group_id": -1, "user_id": -1, "mount_points": [
    {"enable_tls": false, "mount_dir": "/mnt/nas", "server_addr": "0a1b2c.cn-hangzhou.nas.aliyuncs.com:/data"},
    {"enable_tls": false, "mount_dir": "/mnt/nas2", "server_addr": "0a1b2c.cn-hangzhou.nas.aliyuncs.com:/logs"}]},
  "role": "acs:ram::1234567890123456:role/fc-service", "service_id": "5a8c",
  "tags": {"team": "orders"},
  "tracing_config": {"params": {"endpoint": "http://tracing.example.com/api/traces"}, "type": "Jaeger"},
  "vpc_config": {"security_group_id": "sg-1", "vpc_id": "vpc-1", "vswitch_ids": ["vsw-1", "vsw-2"]}
}`,
		},
		{
			// Right after the incumbent's create, before a refresh: metrics
			// flags never set are null, NAS without mount points.
			name: "unset flags and empty NAS", sourceType: "alicloud_fc_service",
			old: `{
  "id": "svc", "name": "svc", "internet_access": null,
  "log_config": [{"logstore": "fc-logs", "project": "fc-project", "enable_request_metrics": null}],
  "nas_config": [{"group_id": 0, "user_id": 0, "mount_points": []}],
  "tracing_config": [{"type": "", "params": {}}],
  "vpc_config": [{"security_group_id": "", "vpc_id": "", "vswitch_ids": []}]
}`,
			want: `{
  "id": "svc", "name": "svc",
  "log_config": {"enable_instance_metrics": false, "enable_request_metrics": false, "log_begin_rule": "None", "logstore": "fc-logs", "project": "fc-project"}
}`,
		},
		{
			name: "name from the ID", sourceType: "alicloud_fc_service",
			old:  `{"id": "svc", "description": "x"}`,
			want: `{"id": "svc", "name": "svc", "description": "x"}`,
		},
	})
}

// ---------------------------------------------------------------------------
// alicloud_fc_function

func TestMoveAlicloudFunction(t *testing.T) {
	runMoveCases(t, "fc_function", NewFunctionResource, []moveCase{
		{
			// The official module's example: a Python function from a bare
			// source file, the schema defaults, ca_port 0 and empty
			// blocks.
			name: "module example", sourceType: "alicloud_fc_function",
			old: `{
  "ca_port": 0, "code_checksum": "1520466891486474387", "custom_container_config": [], "description": "",
  "environment_variables": {}, "filename": "./index.py",
  "function_arn": "acs:fc:cn-hangzhou:1234567890123456:services/svc.LATEST/functions/fn",
  "function_id": "0c4d5f34-6a11-4f0b-9b5c-7b2f0b9e9a11", "handler": "index.handler", "id": "svc:fn",
  "initialization_timeout": 3, "initializer": "", "instance_concurrency": 1, "instance_type": "e1",
  "last_modified": "2024-03-01T08:00:00Z", "layers": [], "memory_size": 128, "name": "fn", "name_prefix": null,
  "oss_bucket": null, "oss_key": null, "runtime": "python3.9", "service": "svc", "timeout": 3
}`,
			want: `{
  "code_checksum": "1520466891486474387", "function_id": "0c4d5f34-6a11-4f0b-9b5c-7b2f0b9e9a11", "handler": "index.handler",
  "id": "svc/fn", "initialization_timeout": 3, "instance_concurrency": 1, "instance_type": "e1",
  "last_modified_time": "2024-03-01T08:00:00Z", "memory_size": 128, "name": "fn", "runtime": "python3.9",
  "service_name": "svc", "timeout": 3
}`,
		},
		{
			name: "custom container, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_function",
			old: `{
  "ca_port": 9000, "code_checksum": "", "description": "web",
  "custom_container_config": [{"args": "[\"-port\",\"9000\"]", "command": "[\"/app/server\"]", "image": "registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:v1"}],
  "environment_variables": {"MODE": "prod", "RETRIES": "3"}, "filename": null, "function_id": "f-1", "handler": "index.handler",
  "id": "svc:web", "initialization_timeout": 10, "initializer": "index.init", "instance_concurrency": 20,
  "instance_type": "c1", "last_modified": "", "layers": ["acs:fc:cn-hangzhou:1234567890123456:layers/deps/versions/2"],
  "memory_size": 1024, "name": "web", "oss_bucket": null, "oss_key": null, "runtime": "custom-container",
  "service": "svc", "timeout": 60
}`,
			want: `{
  "ca_port": 9000, "description": "web",
  "custom_container_config": {"args": ["-port", "9000"], "command": ["/app/server"], "image": "registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:v1"},
  "environment_variables": {"MODE": "prod", "RETRIES": "3"}, "function_id": "f-1", "handler": "index.handler",
  "id": "svc/web", "initialization_timeout": 10, "initializer": "index.init", "instance_concurrency": 20,
  "instance_type": "c1", "layers": ["acs:fc:cn-hangzhou:1234567890123456:layers/deps/versions/2"],
  "memory_size": 1024, "name": "web", "runtime": "custom-container", "service_name": "svc", "timeout": 60
}`,
		},
		{
			name: "container command that is not a JSON array", sourceType: "alicloud_fc_function",
			old: `{
  "id": "svc:web", "service": "svc", "name": "web", "handler": "h", "runtime": "custom-container",
  "custom_container_config": [{"args": "", "command": "/app/server --port 9000", "image": "app:v1"}]
}`,
			want: `{
  "custom_container_config": {"image": "app:v1"}, "handler": "h", "id": "svc/web", "name": "web",
  "runtime": "custom-container", "service_name": "svc"
}`,
			wantDiag: "not a JSON array of strings",
		},
		{
			// A package from OSS is carried over as code.
			name: "code from OSS", sourceType: "alicloud_fc_function",
			old: `{
  "id": "svc:fn", "service": "svc", "name": "fn", "handler": "index.handler", "runtime": "python3.10",
  "oss_bucket": "deploy-bucket", "oss_key": "fn/v7.zip", "filename": null, "code_checksum": "1520466891486474387",
  "memory_size": 128, "timeout": 3, "instance_type": "e1", "initialization_timeout": 3, "instance_concurrency": 1, "ca_port": 0
}`,
			want: `{
  "code": {"oss_bucket_name": "deploy-bucket", "oss_object_name": "fn/v7.zip"}, "code_checksum": "1520466891486474387",
  "handler": "index.handler", "id": "svc/fn", "initialization_timeout": 3, "instance_concurrency": 1, "instance_type": "e1",
  "memory_size": 128, "name": "fn", "runtime": "python3.10", "service_name": "svc", "timeout": 3
}`,
		},
		{
			name: "names from the ID", sourceType: "alicloud_fc_function",
			old:  `{"id": "svc:fn", "handler": "index.handler", "runtime": "nodejs16", "environment_variables": null, "layers": null}`,
			want: `{"handler": "index.handler", "id": "svc/fn", "name": "fn", "runtime": "nodejs16", "service_name": "svc"}`,
		},
	})
}

// ---------------------------------------------------------------------------
// alicloud_fc_trigger

func TestMoveAlicloudTrigger(t *testing.T) {
	const role = "acs:ram::1234567890123456:role/aliyunfcdefaultrole"
	old := func(name, typ, sourceARN, config, configMNS string) string {
		b, _ := json.Marshal(map[string]any{
			"config": nullIfEmpty(config), "config_mns": nullIfEmpty(configMNS), "function": "fn",
			"id": "svc:fn:" + name, "last_modified": "2024-03-01T08:00:00Z", "name": name, "name_prefix": nil,
			"role": role, "service": "svc", "source_arn": sourceARN, "trigger_id": "t-" + name, "type": typ,
		})
		return string(b)
	}
	want := func(name, typ, sourceARN, config string) string {
		var b bytes.Buffer
		b.WriteString(`{"function_name": "fn", "id": "svc/fn/` + name + `", "invocation_role": "` + role + `",
  "last_modified_time": "2024-03-01T08:00:00Z", "name": "` + name + `", "service_name": "svc", "trigger_id": "t-` + name + `",
  "type": "` + typ + `"`)
		if sourceARN != "" {
			b.WriteString(`, "source_arn": "` + sourceARN + `"`)
		}
		if config != "" {
			b.WriteString(", " + config)
		}
		b.WriteString("}")
		return b.String()
	}
	const (
		ossARN = "acs:oss:cn-hangzhou:1234567890123456:orders-bucket"
		logARN = "acs:log:cn-hangzhou:1234567890123456:project/source-project"
		mnsARN = "acs:mns:cn-hangzhou:1234567890123456:/topics/orders"
		cdnARN = "acs:cdn:*:1234567890123456"
	)
	runMoveCases(t, "fc_trigger", NewTriggerResource, []moveCase{
		{
			// A heredoc as users write it: indented, with a trailing
			// newline; the module passes "" for source_arn.
			name: "timer heredoc", sourceType: "alicloud_fc_trigger",
			old: old("timer", "timer", "", "  {\n\t\"payload\": \"some payload\",\n    \"cronExpression\": \"0 0 8 * * *\",\n    \"enable\": true\n  }\n", ""),
			want: want("timer", "timer", "",
				`"timer_config": {"cron_expression": "0 0 8 * * *", "enable": true, "payload": "some payload"}`),
		},
		{
			name: "timer as FC stores it, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_trigger",
			old:  old("t2", "timer", "", `{"cronExpression":"@every 5m","enable":false,"payload":""}`, ""),
			want: want("t2", "timer", "", `"timer_config": {"cron_expression": "@every 5m", "enable": false}`),
		},
		{
			name: "http", sourceType: "alicloud_fc_trigger",
			old: old("http", "http", "", "{\n  \"authType\": \"anonymous\",\n  \"methods\": [\"GET\", \"POST\"]\n}\n", ""),
			want: want("http", "http", "",
				`"http_config": {"auth_type": "anonymous", "disable_url_internet": false, "methods": ["GET", "POST"]}`),
		},
		{
			name: "oss", sourceType: "alicloud_fc_trigger",
			old: old("oss", "oss", ossARN,
				`{"events": ["oss:ObjectCreated:PutObject", "oss:ObjectRemoved:DeleteObject"], "filter": {"key": {"prefix": "in/", "suffix": ".csv"}}}`, ""),
			want: want("oss", "oss", ossARN,
				`"oss_config": {"events": ["oss:ObjectCreated:PutObject", "oss:ObjectRemoved:DeleteObject"], "filter_prefix": "in/", "filter_suffix": ".csv"}`),
		},
		{
			name: "log", sourceType: "alicloud_fc_trigger",
			old: old("log", "log", logARN, `{
    "sourceConfig": {"logstore": "source-store"},
    "jobConfig": {"maxRetryTime": 3, "triggerInterval": 60},
    "logConfig": {"project": "fc-project", "logstore": "fc-trigger-logs"},
    "functionParameter": {"mode": "batch"},
    "enable": true
}`, ""),
			want: want("log", "log", logARN, `"log_config": {"enable": true, "function_parameter": {"mode": "batch"}, "logstore": "fc-trigger-logs",
  "max_retry_time": 3, "project": "fc-project", "source_logstore": "source-store", "trigger_interval": 60}`),
		},
		{
			// config is null for mns_topic; the configuration is in
			// config_mns.
			name: "mns_topic", sourceType: "alicloud_fc_trigger",
			old: old("mns", "mns_topic", mnsARN, "", `{"filterTag":"orders","notifyContentFormat":"JSON","notifyStrategy":"BACKOFF_RETRY"}`),
			want: want("mns", "mns_topic", mnsARN,
				`"mns_topic_config": {"filter_tag": "orders", "notify_content_format": "JSON", "notify_strategy": "BACKOFF_RETRY"}`),
		},
		{
			name: "cdn_events", sourceType: "alicloud_fc_trigger",
			old: old("cdn", "cdn_events", cdnARN,
				`{"eventName":"LogFileCreated","eventVersion":"1.0.0","notes":"cdn logs","filter":{"domain":["www.example.com"]}}`, ""),
			want: want("cdn", "cdn_events", cdnARN,
				`"cdn_events_config": {"event_name": "LogFileCreated", "event_version": "1.0.0", "filter": {"domain": ["www.example.com"]}, "notes": "cdn logs"}`),
		},
		{
			// config_json in jsonencode()'s form: compact, keys sorted.
			name: "eventbridge", sourceType: "alicloud_fc_trigger",
			old: old("eb", "eventbridge", "", `{
  "triggerEnable": true, "asyncInvocationType": false,
  "eventRuleFilterPattern": "{\"source\":[\"acs.oss\"]}",
  "eventSourceConfig": {"eventSourceType": "Default"}
}`, ""),
			want: want("eb", "eventbridge", "",
				`"config_json": "{\"asyncInvocationType\":false,\"eventRuleFilterPattern\":\"{\\\"source\\\":[\\\"acs.oss\\\"]}\",\"eventSourceConfig\":{\"eventSourceType\":\"Default\"},\"triggerEnable\":true}"`),
		},
		{
			name: "configuration that is not JSON", sourceType: "alicloud_fc_trigger",
			old:      old("bad", "timer", "", `{"cronExpression": "@every 5m",`, ""),
			want:     want("bad", "timer", "", ""),
			wantDiag: "is not JSON",
		},
		{
			name: "configuration of another shape", sourceType: "alicloud_fc_trigger",
			old:      old("odd", "http", "", `{"authType": "anonymous", "methods": "GET"}`, ""),
			want:     want("odd", "http", "", ""),
			wantDiag: "does not have the expected shape",
		},
		{
			name: "no configuration", sourceType: "alicloud_fc_trigger",
			old:  old("none", "timer", "", "", ""),
			want: want("none", "timer", "", ""),
		},
	})
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ---------------------------------------------------------------------------
// alicloud_fc_alias

func TestMoveAlicloudAlias(t *testing.T) {
	runMoveCases(t, "fc_alias", NewAliasResource, []moveCase{
		{
			name: "canary", sourceType: "alicloud_fc_alias",
			old: `{
  "alias_name": "prod", "description": "production", "id": "svc:prod",
  "routing_config": [{"additional_version_weights": {"2": 0.1, "3": 0.25}}],
  "service_name": "svc", "service_version": "1"
}`,
			want: `{
  "additional_version_weight": {"2": 0.1, "3": 0.25}, "description": "production", "id": "svc/prod",
  "name": "prod", "service_name": "svc", "version_id": "1"
}`,
		},
		{
			name: "no routing, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_alias",
			old:  `{"alias_name": "prod", "description": "", "id": "svc:prod", "routing_config": [], "service_name": "svc", "service_version": "4"}`,
			want: `{"id": "svc/prod", "name": "prod", "service_name": "svc", "version_id": "4"}`,
		},
		{
			name: "empty weights", sourceType: "alicloud_fc_alias",
			old:  `{"alias_name": "prod", "id": "svc:prod", "routing_config": [{"additional_version_weights": {}}], "service_name": "svc", "service_version": "4"}`,
			want: `{"id": "svc/prod", "name": "prod", "service_name": "svc", "version_id": "4"}`,
		},
		{
			name: "weight that is not a number", sourceType: "alicloud_fc_alias", malformed: true,
			old:      `{"alias_name": "prod", "id": "svc:prod", "routing_config": [{"additional_version_weights": {"2": "x", "3": 0.5}}], "service_name": "svc", "service_version": "1"}`,
			want:     `{"additional_version_weight": {"3": 0.5}, "id": "svc/prod", "name": "prod", "service_name": "svc", "version_id": "1"}`,
			wantDiag: "not a number",
		},
		{
			name: "names from the ID", sourceType: "alicloud_fc_alias",
			old:  `{"id": "svc:prod", "service_version": "1"}`,
			want: `{"id": "svc/prod", "name": "prod", "service_name": "svc", "version_id": "1"}`,
		},
	})
}

// ---------------------------------------------------------------------------
// alicloud_fc_layer_version

func TestMoveAlicloudLayerVersion(t *testing.T) {
	runMoveCases(t, "fc_layer_version", NewLayerVersionResource, []moveCase{
		{
			// A local zip_file (a path) is not carried over as code.
			name: "local zip", sourceType: "alicloud_fc_layer_version",
			old: `{
  "acl": "0", "arn": "0a1b2c3d#deps#3", "code_check_sum": "1520466891486474387",
  "compatible_runtime": ["python3.10", "python3.9"], "description": "", "id": "deps:3", "layer_name": "deps",
  "oss_bucket_name": null, "oss_object_name": null, "skip_destroy": null, "timeouts": null, "version": "3",
  "zip_file": "build/deps.zip"
}`,
			want: `{
  "acl": 0, "arn": "0a1b2c3d#deps#3", "code_checksum": "1520466891486474387", "compatible_runtime": ["python3.10", "python3.9"],
  "id": "deps/3", "layer_name": "deps", "skip_destroy": false, "version": 3
}`,
		},
		{
			name: "OSS, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_layer_version",
			old: `{
  "acl": "0", "arn": "0a1b2c3d#deps#4", "code_check_sum": "42", "compatible_runtime": ["nodejs16"],
  "description": "node deps", "id": "deps:4", "layer_name": "deps", "oss_bucket_name": "deploy-bucket",
  "oss_object_name": "layers/deps-4.zip", "skip_destroy": true, "timeouts": {"create": "5m", "delete": null},
  "version": "4", "zip_file": null
}`,
			want: `{
  "acl": 0, "arn": "0a1b2c3d#deps#4", "code": {"oss_bucket_name": "deploy-bucket", "oss_object_name": "layers/deps-4.zip"},
  "code_checksum": "42", "compatible_runtime": ["nodejs16"], "description": "node deps", "id": "deps/4",
  "layer_name": "deps", "skip_destroy": true, "version": 4
}`,
		},
		{
			// Right after an import of the incumbent, or a state whose
			// computed version was never set: the names come from the ID.
			name: "names from the ID", sourceType: "alicloud_fc_layer_version",
			old:  `{"id": "deps:2", "version": "", "compatible_runtime": ["python3.10"]}`,
			want: `{"compatible_runtime": ["python3.10"], "id": "deps/2", "layer_name": "deps", "skip_destroy": false, "version": 2}`,
		},
		{
			name: "no version", sourceType: "alicloud_fc_layer_version",
			old:      `{"id": "deps:latest", "layer_name": "deps", "version": ""}`,
			wantDiag: "not a version number",
		},
	})
}

// ---------------------------------------------------------------------------
// alicloud_fc_function_async_invoke_config

func TestMoveAlicloudAsyncInvokeConfig(t *testing.T) {
	runMoveCases(t, "fc_function_async_invoke_config", NewFunctionAsyncInvokeConfigResource, []moveCase{
		{
			name: "destinations", sourceType: "alicloud_fc_function_async_invoke_config",
			old: `{
  "created_time": "2024-03-01T08:00:00Z",
  "destination_config": [{
    "on_failure": [{"destination": "acs:mns:cn-hangzhou:1234567890123456:/queues/failed/messages"}],
    "on_success": [{"destination": "acs:fc:cn-hangzhou:1234567890123456:services/svc.LATEST/functions/next"}]
  }],
  "function_name": "fn", "id": "svc:fn:prod", "last_modified_time": "2024-03-02T08:00:00Z",
  "maximum_event_age_in_seconds": 3600, "maximum_retry_attempts": 0, "qualifier": "prod", "service_name": "svc",
  "stateful_invocation": true
}`,
			want: `{
  "created_time": "2024-03-01T08:00:00Z",
  "destination_config": {
    "on_failure": "acs:mns:cn-hangzhou:1234567890123456:/queues/failed/messages",
    "on_success": "acs:fc:cn-hangzhou:1234567890123456:services/svc.LATEST/functions/next"
  },
  "function_name": "fn", "id": "svc/fn/prod", "last_modified_time": "2024-03-02T08:00:00Z",
  "max_async_event_age_in_seconds": 3600, "max_async_retry_attempts": 0, "qualifier": "prod", "service_name": "svc",
  "stateful_invocation": true
}`,
		},
		{
			// The incumbent's defaults: LATEST, 2 retries; no event age (0),
			// no destination.
			name: "defaults, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_function_async_invoke_config",
			old: `{
  "created_time": "", "destination_config": [], "function_name": "fn", "id": "svc:fn:LATEST", "last_modified_time": "",
  "maximum_event_age_in_seconds": 0, "maximum_retry_attempts": 2, "qualifier": "LATEST", "service_name": "svc",
  "stateful_invocation": false
}`,
			want: `{
  "function_name": "fn", "id": "svc/fn/LATEST", "max_async_retry_attempts": 2, "qualifier": "LATEST",
  "service_name": "svc", "stateful_invocation": false
}`,
		},
		{
			name: "one destination", sourceType: "alicloud_fc_function_async_invoke_config",
			old: `{
  "destination_config": [{"on_failure": [], "on_success": [{"destination": "acs:eventbridge:cn-hangzhou:1234567890123456:eventbus/default"}]}],
  "function_name": "fn", "id": "svc:fn:LATEST", "maximum_retry_attempts": 1, "qualifier": "LATEST", "service_name": "svc"
}`,
			want: `{
  "destination_config": {"on_success": "acs:eventbridge:cn-hangzhou:1234567890123456:eventbus/default"},
  "function_name": "fn", "id": "svc/fn/LATEST", "max_async_retry_attempts": 1, "qualifier": "LATEST",
  "service_name": "svc", "stateful_invocation": false
}`,
		},
		{
			name: "names from the ID", sourceType: "alicloud_fc_function_async_invoke_config",
			old:  `{"id": "svc:fn:LATEST"}`,
			want: `{"function_name": "fn", "id": "svc/fn/LATEST", "max_async_retry_attempts": 3, "qualifier": "LATEST", "service_name": "svc", "stateful_invocation": false}`,
		},
	})
}

// ---------------------------------------------------------------------------
// alicloud_fc_custom_domain

func TestMoveAlicloudCustomDomain(t *testing.T) {
	const (
		cert = "-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n"
		key  = "-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n"
	)
	old, _ := json.Marshal(map[string]any{
		"account_id": "1234567890123456", "api_version": "2016-08-15", "created_time": "2024-03-01T08:00:00Z",
		"domain_name": "api.example.com", "id": "api.example.com", "last_modified_time": "2024-03-02T08:00:00Z",
		"protocol":    "HTTP,HTTPS",
		"cert_config": []any{map[string]any{"cert_name": "api-cert", "certificate": cert, "private_key": key}},
		"route_config": []any{
			map[string]any{"path": "/login/*", "service_name": "svc", "function_name": "login", "qualifier": "prod", "methods": []any{"POST", "GET"}},
			map[string]any{"path": "/*", "service_name": "svc", "function_name": "web", "qualifier": "", "methods": []any{}},
		},
	})
	want, _ := json.Marshal(map[string]any{
		"account_id": "1234567890123456", "created_time": "2024-03-01T08:00:00Z",
		"domain_name": "api.example.com", "id": "api.example.com", "last_modified_time": "2024-03-02T08:00:00Z",
		"protocol":    "HTTP,HTTPS",
		"cert_config": map[string]any{"cert_name": "api-cert", "certificate": cert, "private_key": key},
		"route_config": map[string]any{"routes": []any{
			map[string]any{"path": "/login/*", "service_name": "svc", "function_name": "login", "qualifier": "prod", "methods": []any{"GET", "POST"}},
			map[string]any{"path": "/*", "service_name": "svc", "function_name": "web"},
		}},
	})
	runMoveCases(t, "fc_custom_domain", NewCustomDomainResource, []moveCase{
		{name: "HTTPS with routes", sourceType: "alicloud_fc_custom_domain", old: string(old), want: string(want)},
		{
			// Right after an import of the incumbent: FC returned no key, so
			// the state holds "".
			name: "certificate without its key, legacy address", source: hashicorpAlicloud, sourceType: "alicloud_fc_custom_domain",
			old: `{"domain_name": "api.example.com", "id": "api.example.com", "protocol": "HTTP,HTTPS",
  "cert_config": [{"cert_name": "api-cert", "certificate": "PEM", "private_key": ""}], "route_config": []}`,
			want: `{"cert_config": {"cert_name": "api-cert", "certificate": "PEM"}, "domain_name": "api.example.com",
  "id": "api.example.com", "protocol": "HTTP,HTTPS"}`,
		},
		{
			name: "HTTP only", sourceType: "alicloud_fc_custom_domain",
			old:  `{"domain_name": "api.example.com", "id": "api.example.com", "protocol": "HTTP", "cert_config": [], "route_config": null}`,
			want: `{"domain_name": "api.example.com", "id": "api.example.com", "protocol": "HTTP"}`,
		},
	})
}
