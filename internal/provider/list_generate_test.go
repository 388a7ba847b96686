package provider_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/provider"
)

// `terraform query -generate-config-out` end to end. plugin-testing's query
// mode does not pass -generate-config-out, so this test drives the
// Terraform CLI itself (terraform-exec) against the provider served in
// this process (TF_REATTACH_PROVIDERS) and an in-process emulator, the way
// the guide "Bring existing FC services under Terraform" walks a user
// through it:
//
//  1. objects of all nine types exist in FC, made by another Terraform
//     configuration whose state is thrown away, and one function made
//     through the API;
//  2. `terraform query -generate-config-out=generated.tf` with a list
//     block per type writes a resource and an import block per object;
//  3. the user puts the code packages where the generated configuration
//     says (code.filename), which is the one thing no API returns;
//  4. the plan imports every object and changes nothing else but the code
//     source arguments of the functions and layer versions entering the
//     state; the apply uploads and publishes nothing, and the next plan is
//     empty.

const providerAddress = "registry.terraform.io/terraform-fc/fc"

// terraformCLI returns the Terraform CLI of TF_ACC_TERRAFORM_PATH, skipping
// the test without TF_ACC or below Terraform 1.14 (list blocks, query).
func terraformCLI(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: skipping a test that runs the Terraform CLI")
	}
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set: this test runs `terraform query`, which needs Terraform 1.14 or later")
	}
	tf, err := tfexec.NewTerraform(t.TempDir(), bin)
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := tf.Version(context.Background(), true)
	if err != nil {
		t.Fatalf("terraform version: %v", err)
	}
	if v.LessThan(version.Must(version.NewVersion("1.14.0"))) {
		t.Skipf("Terraform %s has no `terraform query` (1.14 and later)", v)
	}
	return bin
}

// serveProvider serves the provider in this process in debug mode and
// returns the reattach information for Terraform; the server stops when
// the test ends.
func serveProvider(t *testing.T) tfexec.ReattachInfo {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	configCh := make(chan *plugin.ReattachConfig)
	closeCh := make(chan struct{})
	factory := providerserver.NewProtocol6(provider.New("test", "none")())
	go func() {
		err := tf6server.Serve(providerAddress, factory,
			tf6server.WithDebug(ctx, configCh, closeCh),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithLoggingSink(t))
		if err != nil {
			t.Errorf("serving the provider: %v", err)
		}
	}()
	var cfg *plugin.ReattachConfig
	select {
	case cfg = <-configCh:
	case <-closeCh:
		t.Fatal("the provider server stopped before it was ready")
	}
	t.Cleanup(func() {
		cancel()
		<-closeCh
	})
	return tfexec.ReattachInfo{providerAddress: tfexec.ReattachConfig{
		Protocol:        string(cfg.Protocol),
		ProtocolVersion: cfg.ProtocolVersion,
		Pid:             cfg.Pid,
		Test:            cfg.Test,
		Addr:            tfexec.ReattachConfigAddr{Network: cfg.Addr.Network(), String: cfg.Addr.String()},
	}}
}

// workDir is a Terraform working directory of the test.
type workDir struct {
	t        *testing.T
	dir      string
	tf       *tfexec.Terraform
	reattach tfexec.ReattachInfo
	out      bytes.Buffer
}

func newWorkDir(t *testing.T, bin string, reattach tfexec.ReattachInfo, files map[string]string) *workDir {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		writeFile(t, filepath.Join(dir, name), []byte(body))
	}
	tf, err := tfexec.NewTerraform(dir, bin)
	if err != nil {
		t.Fatal(err)
	}
	w := &workDir{t: t, dir: dir, tf: tf, reattach: reattach}
	tf.SetStdout(&w.out)
	tf.SetStderr(&w.out)
	if err := tf.SetEnv(map[string]string{"CHECKPOINT_DISABLE": "1"}); err != nil {
		t.Fatal(err)
	}
	w.must("init", tf.Init(context.Background(), tfexec.Reattach(reattach)))
	return w
}

// must fails the test on err, with the Terraform output so far.
func (w *workDir) must(what string, err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatalf("terraform %s: %v\n--- output ---\n%s", what, err, w.out.String())
	}
}

// query runs `terraform query -json` and returns its messages as text,
// failing the test on an error.
func (w *workDir) query(ctx context.Context, opts ...tfexec.QueryOption) string {
	w.t.Helper()
	msgs, err := w.tf.QueryJSON(ctx, append([]tfexec.QueryOption{tfexec.Reattach(w.reattach)}, opts...)...)
	w.must("query", err)
	var text strings.Builder
	var failed bool
	for m := range msgs {
		if m.Err != nil {
			fmt.Fprintf(&text, "error: %v\n", m.Err)
			failed = true
			continue
		}
		if m.Msg == nil {
			continue
		}
		if m.Msg.Level() == tfjson.Error {
			failed = true
		}
		fmt.Fprintf(&text, "%s: %s\n", m.Msg.Level(), m.Msg.Message())
	}
	w.tf.SetStdout(&w.out)
	if failed {
		w.t.Fatalf("terraform query failed:\n%s\n--- output ---\n%s", text.String(), w.out.String())
	}
	return text.String()
}

func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAccListResources_generateConfig(t *testing.T) {
	bin := terraformCLI(t)
	env := acctest.New(t)
	env.SkipIfLive(t, "counts the emulator's uploads")
	reattach := serveProvider(t)
	ctx := context.Background()

	prefix := acctest.RandomName("tf-acc-adopt")
	service, other := prefix+"-svc", prefix+"-other"
	layer := strings.ReplaceAll(prefix, "-", "_") + "_lib"
	domain := prefix + ".example.com"
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	providerBlock := `
terraform {
  required_providers {
    fc = {
      source = "terraform-fc/fc"
    }
  }
}
` + env.ProviderConfig

	// 1. What exists before Terraform manages it: made by a configuration
	// whose state is thrown away, standing in for the console or a script.
	// The provider runs in this process, whose working directory is not
	// Terraform's: the seed's package path is absolute.
	pkg := filepath.Join(t.TempDir(), "hello.zip")
	writeFile(t, pkg, zip)
	seed := newWorkDir(t, bin, reattach, map[string]string{
		"main.tf": providerBlock + fmt.Sprintf(`
resource "fc_service" "svc" {
  name        = %[1]q
  description = "orders"
  tags = {
    team = "payments"
  }
}

resource "fc_function" "api" {
  service_name = fc_service.svc.name
  name         = "api"
  runtime      = "python3.10"
  handler      = "index.handler"
  memory_size  = 256
  timeout      = 30
  environment_variables = {
    STAGE = "prod"
  }
  code = {
    filename = %[5]q
  }
}

resource "fc_function" "worker" {
  service_name = fc_service.svc.name
  name         = "worker"
  runtime      = "custom-container"
  handler      = "not-used"
  custom_container_config = {
    image   = "registry.example.com/shop/worker:v1"
    command = ["/app/worker"]
  }
}

resource "fc_trigger" "tick" {
  service_name  = fc_service.svc.name
  function_name = fc_function.api.name
  name          = "tick"
  type          = "timer"
  timer_config = {
    cron_expression = "@every 5m"
    payload         = "{}"
  }
}

resource "fc_service_version" "v1" {
  service_name = fc_service.svc.name
  description  = "first"
  depends_on   = [fc_function.api, fc_function.worker]
}

resource "fc_alias" "prod" {
  service_name = fc_service.svc.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}

resource "fc_provision_config" "prod" {
  service_name  = fc_service.svc.name
  qualifier     = fc_alias.prod.name
  function_name = fc_function.api.name
  target        = 1
}

resource "fc_function_async_invoke_config" "api" {
  service_name             = fc_service.svc.name
  function_name            = fc_function.api.name
  max_async_retry_attempts = 1
}

resource "fc_custom_domain" "shop" {
  domain_name = %[2]q
  route_config = {
    routes = [{
      path          = "/api/*"
      service_name  = fc_service.svc.name
      function_name = fc_function.api.name
      qualifier     = fc_alias.prod.name
    }]
  }
}

resource "fc_layer_version" "lib" {
  layer_name         = %[3]q
  compatible_runtime = ["python3.10"]
  code = {
    filename = %[5]q
  }
}

resource "fc_service" "other" {
  name = %[4]q
}
`, service, domain, layer, other, pkg),
	})
	seed.must("apply", seed.tf.Apply(ctx, tfexec.Reattach(reattach)))
	// And one function made through the API, with FC's defaults.
	createFunctionOutside(t, env, other, "legacy", zip, checksum, nil)

	// 2. Query every type, filtered to this test's objects, and generate.
	adopt := newWorkDir(t, bin, reattach, map[string]string{
		"main.tf": providerBlock,
		"adopt.tfquery.hcl": fmt.Sprintf(`
list "fc_service" "services" {
  provider         = fc
  include_resource = true
  config {
    name_prefix = %[1]q
  }
}

list "fc_function" "main" {
  provider         = fc
  include_resource = true
  config {
    service_name = %[2]q
  }
}

list "fc_function" "other" {
  provider = fc
  config {
    service_name = %[3]q
  }
}

list "fc_trigger" "triggers" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_service_version" "versions" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_alias" "aliases" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_provision_config" "provision" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_function_async_invoke_config" "async" {
  provider = fc
  config {
    service_name  = %[2]q
    function_name = "api"
  }
}

list "fc_custom_domain" "domains" {
  provider = fc
  config {
    name_prefix = %[1]q
  }
}

list "fc_layer_version" "layers" {
  provider = fc
  config {
    layer_name = %[4]q
  }
}
`, prefix, service, other, layer),
	})
	// A provider started by Terraform reads relative paths (the generated
	// code.filename) from Terraform's working directory: so does this one.
	t.Chdir(adopt.dir)
	query := adopt.query(ctx, tfexec.GenerateConfigOut("generated.tf"))
	generatedBytes, err := os.ReadFile(filepath.Join(adopt.dir, "generated.tf"))
	if err != nil {
		t.Fatalf("reading generated.tf: %v\n--- query output ---\n%s", err, query)
	}
	generated := string(generatedBytes)
	t.Logf("generated.tf:\n%s", generated)

	// One resource and one import block per object.
	want := map[string]string{
		"fc_service.services_0":                   "fc_service",
		"fc_service.services_1":                   "fc_service",
		"fc_function.main_0":                      "fc_function",
		"fc_function.main_1":                      "fc_function",
		"fc_function.other_0":                     "fc_function",
		"fc_trigger.triggers_0":                   "fc_trigger",
		"fc_service_version.versions_0":           "fc_service_version",
		"fc_alias.aliases_0":                      "fc_alias",
		"fc_provision_config.provision_0":         "fc_provision_config",
		"fc_function_async_invoke_config.async_0": "fc_function_async_invoke_config",
		"fc_custom_domain.domains_0":              "fc_custom_domain",
		"fc_layer_version.layers_0":               "fc_layer_version",
	}
	if n := strings.Count(generated, "\nimport {"); n != len(want) && !strings.HasPrefix(generated, "import {") {
		t.Errorf("generated.tf has %d import blocks, want %d", n, len(want))
	}
	for addr := range want {
		typ, name, _ := strings.Cut(addr, ".")
		if !strings.Contains(generated, fmt.Sprintf("resource %q %q {", typ, name)) {
			t.Errorf("generated.tf has no resource block %s", addr)
		}
		if !strings.Contains(generated, "to       = "+addr+"\n") && !strings.Contains(generated, "to = "+addr+"\n") {
			t.Errorf("generated.tf has no import block to %s", addr)
		}
	}

	// 3. The code packages, where the generated configuration says they go.
	// The custom-container function needs none.
	packages := []string{
		"fc-code/functions/" + service + "/api.zip",
		"fc-code/functions/" + other + "/legacy.zip",
		"fc-code/layers/" + layer + "/1.zip",
	}
	for _, p := range packages {
		if !strings.Contains(generated, fmt.Sprintf("filename        = %q", p)) && !strings.Contains(generated, fmt.Sprintf("filename = %q", p)) {
			t.Errorf("generated.tf does not expect a package at %s", p)
		}
		writeFile(t, filepath.Join(adopt.dir, p), zip)
	}
	if c := strings.Count(generated, `filename        = "fc-code/`) + strings.Count(generated, `filename = "fc-code/`); c != len(packages) {
		t.Errorf("generated.tf expects %d code packages, want %d (none for the custom-container function)", c, len(packages))
	}

	// 4. The plan: imports, and no change but the code source entering the
	// state of the functions and layer versions that have a package.
	planFile := filepath.Join(adopt.dir, "adopt.tfplan")
	_, err = adopt.tf.Plan(ctx, tfexec.Reattach(reattach), tfexec.Out(planFile))
	adopt.must("plan", err)
	plan, err := adopt.tf.ShowPlanFile(ctx, planFile, tfexec.Reattach(reattach))
	adopt.must("show", err)
	if updates := checkAdoptionPlan(t, plan, want); updates != len(packages) {
		t.Errorf("%d imports update code, want %d (the objects with a package)", updates, len(packages))
	}

	env.Emulator.ResetCounts()
	adopt.must("apply", adopt.tf.Apply(ctx, tfexec.Reattach(reattach), tfexec.DirOrPlan(planFile)))
	counts := env.Emulator.Counts()
	for _, op := range []string{"CreateService", "UpdateService", "CreateFunction", "UpdateFunction", "PublishLayerVersion",
		"PublishServiceVersion", "CreateTrigger", "UpdateTrigger", "CreateAlias", "UpdateAlias", "PutProvisionConfig",
		"PutFunctionAsyncInvokeConfig", "CreateCustomDomain", "UpdateCustomDomain"} {
		if counts[op] != 0 {
			t.Errorf("the apply of the imports called %s %d times, want none", op, counts[op])
		}
	}
	changed, err := adopt.tf.Plan(ctx, tfexec.Reattach(reattach))
	adopt.must("plan", err)
	if changed {
		t.Errorf("the plan after the apply is not empty:\n%s", adopt.out.String())
	}
}

// checkAdoptionPlan holds the plan of the generated configuration to
// imports of want (address -> type) that change nothing but "code" (null
// in the imported state, the package's source in the configuration), and
// returns how many update code.
func checkAdoptionPlan(t *testing.T, plan *tfjson.Plan, want map[string]string) (updates int) {
	t.Helper()
	seen := map[string]bool{}
	for _, rc := range plan.ResourceChanges {
		seen[rc.Address] = true
		if _, ok := want[rc.Address]; !ok {
			t.Errorf("the plan has %s, which the query did not generate", rc.Address)
			continue
		}
		if rc.Change.Importing == nil {
			t.Errorf("%s is not imported: actions %v", rc.Address, rc.Change.Actions)
			continue
		}
		switch {
		case rc.Change.Actions.NoOp():
		case rc.Change.Actions.Update():
			updates++
			before, _ := rc.Change.Before.(map[string]any)
			after, _ := rc.Change.After.(map[string]any)
			var diff []string
			for k := range after {
				if fmt.Sprint(before[k]) != fmt.Sprint(after[k]) {
					diff = append(diff, k)
				}
			}
			slices.Sort(diff)
			if fmt.Sprint(diff) != "[code]" || before["code"] != nil {
				t.Errorf("%s: the import changes %v (code before: %v), want only code, from null", rc.Address, diff, before["code"])
			}
			if unknown, _ := rc.Change.AfterUnknown.(map[string]any); len(unknown) > 0 {
				t.Errorf("%s: the import leaves %v unknown, want nothing", rc.Address, unknown)
			}
		default:
			t.Errorf("%s: actions %v, want an import with no change or an in-place update of code", rc.Address, rc.Change.Actions)
		}
	}
	for addr := range want {
		if !seen[addr] {
			t.Errorf("the plan does not import %s", addr)
		}
	}
	return updates
}
