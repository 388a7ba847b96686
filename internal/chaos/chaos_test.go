package chaos

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// The test's knobs. `make test` runs the defaults (3 services with 3
// functions each = 12 resources); `make chaos` sets 10 x 9 = 100.
const (
	envServices  = "FC_CHAOS_SERVICES"
	envFunctions = "FC_CHAOS_FUNCTIONS"
	envSeed      = "FC_CHAOS_SEED"
	envRate      = "FC_CHAOS_RATE"

	defaultServices  = 3
	defaultFunctions = 3
	defaultSeed      = 1
	defaultRate      = 0.2

	// maxReapplies bounds the applies (and destroys) after the first.
	maxReapplies = 3
	// maxRetries is the provider's max_retries, as a user would set it.
	maxRetries = 5
	// commandTimeout bounds one Terraform command.
	commandTimeout = 10 * time.Minute
)

// Emulator credentials.
const (
	accountID = "1234567890123456"
	region    = "cn-hangzhou"
	keyID     = "chaos-key-id"
	keySecret = "chaos-key-secret"
)

// TestChaos applies N services with M functions each through the real
// Terraform CLI while the emulator faults a share of the API requests,
// re-applies until an apply succeeds (at most maxReapplies times), and
// then, without faults, requires: no orphan (an object in FC that is not
// in the state), no duplicate, an empty plan. It then destroys under the
// same faults (again at most maxReapplies re-runs) and requires that
// nothing is left. Run for all fault kinds that fail a request together
// and for lost responses alone.
func TestChaos(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("TF_ACC is not set: the chaos test drives the Terraform CLI (make test, make chaos or TF_ACC=1 go test)")
	}
	tfPath := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tfPath == "" {
		p, err := exec.LookPath("terraform")
		if err != nil {
			t.Skip("no Terraform CLI: set TF_ACC_TERRAFORM_PATH or put terraform on PATH")
		}
		tfPath = p
	}
	size := chaosSize{
		services:  envInt(t, envServices, defaultServices),
		functions: envInt(t, envFunctions, defaultFunctions),
		seed:      int64(envInt(t, envSeed, defaultSeed)),
		rate:      envFloat(t, envRate, defaultRate),
	}
	pluginDir := buildProvider(t)

	cases := []struct {
		name  string
		kinds []emulator.FaultKind
	}{
		{"all_kinds", emulator.DefaultFaultKinds},
		{"lost_responses", []emulator.FaultKind{emulator.FaultLostResponse}},
		{"without_lost_responses", []emulator.FaultKind{emulator.FaultThrottle, emulator.FaultInternal, emulator.FaultUnavailable, emulator.FaultReset}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runChaos(t, tfPath, pluginDir, size, tc.name, tc.kinds)
		})
	}
}

type chaosSize struct {
	services, functions int
	seed                int64
	rate                float64
}

// chaosResult are the figures of one run.
type chaosResult struct {
	applies, destroys          int
	converged, destroyed       bool
	orphans, duplicates, left  int
	planEmpty                  bool
	alreadyExists              int
	injectedApply, injectedDel string
	// requestsApply and requestsDel count the API requests the emulator
	// processed under faults (those answered by the injector not included).
	requestsApply, requestsDel int
}

func total(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

func runChaos(t *testing.T, tfPath, pluginDir string, size chaosSize, name string, kinds []emulator.FaultKind) {
	start := time.Now()
	em, err := emulator.New(emulator.Options{
		AccountID: accountID, Region: region, AccessKeyID: keyID, AccessKeySecret: keySecret,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(em) // 127.0.0.1
	t.Cleanup(srv.Close)
	faults := emulator.FaultConfig{Rate: size.rate, Kinds: kinds, Seed: size.seed}

	dir := t.TempDir()
	writeConfig(t, dir, srv.URL, size)
	tf := terraformRunner{t: t, path: tfPath, dir: dir, env: terraformEnv(t, pluginDir)}
	var res chaosResult

	// Apply under faults until an apply succeeds.
	setFaults(t, em, faults)
	for res.applies < 1+maxReapplies && !res.converged {
		res.applies++
		out, err := tf.run("apply", "-auto-approve", "-input=false", "-no-color")
		res.alreadyExists += strings.Count(out, "already exists")
		if err == nil {
			res.converged = true
		} else {
			t.Logf("apply %d under faults failed: %s", res.applies, errorLines(out))
		}
	}
	res.injectedApply = em.Faults().InjectedSummary()
	res.requestsApply = total(em.Counts())
	em.ResetCounts()

	// Without faults: compare FC with the state, then plan.
	setFaults(t, em, emulator.FaultConfig{})
	client := newClient(t, srv.URL)
	inFC := listObjects(t, client)
	inState := stateObjects(t, tf)
	seen := map[string]int{}
	for _, id := range inState {
		seen[id]++
		if seen[id] == 2 {
			res.duplicates++
		}
	}
	fcSeen := map[string]int{}
	for _, id := range inFC {
		fcSeen[id]++
		if fcSeen[id] == 2 {
			res.duplicates++
		}
		if seen[id] == 0 {
			res.orphans++
			t.Logf("orphan: %s is in FC but not in the state", id)
		}
	}
	_, planErr := tf.run("plan", "-detailed-exitcode", "-input=false", "-no-color")
	res.planEmpty = planErr == nil

	// Destroy under faults until a destroy succeeds.
	setFaults(t, em, faults)
	em.ResetCounts()
	for res.destroys < 1+maxReapplies && !res.destroyed {
		res.destroys++
		out, err := tf.run("destroy", "-auto-approve", "-input=false", "-no-color")
		if err == nil {
			res.destroyed = true
		} else {
			t.Logf("destroy %d under faults failed: %s", res.destroys, errorLines(out))
		}
	}
	res.injectedDel = em.Faults().InjectedSummary()
	res.requestsDel = total(em.Counts())
	setFaults(t, em, emulator.FaultConfig{})
	left := listObjects(t, client)
	res.left = len(left)
	for _, id := range left {
		t.Logf("left after destroy: %s", id)
	}

	// One greppable line per run: `go test ... | grep 'CHAOS RESULT'`.
	t.Logf("CHAOS RESULT run=%s services=%d functions_per_service=%d resources=%d rate=%.2f seed=%d "+
		"applies=%d converged=%t orphans=%d duplicates=%d plan_empty=%t already_exists_errors=%d "+
		"destroys=%d destroyed=%t left_after_destroy=%d requests_apply=%d faults_apply=[%s] requests_destroy=%d faults_destroy=[%s] wall=%s",
		name, size.services, size.functions, size.services*(1+size.functions), size.rate, size.seed,
		res.applies, res.converged, res.orphans, res.duplicates, res.planEmpty, res.alreadyExists,
		res.destroys, res.destroyed, res.left, res.requestsApply, res.injectedApply, res.requestsDel, res.injectedDel,
		time.Since(start).Round(time.Millisecond))

	if !res.converged {
		t.Errorf("the apply did not converge under faults: %d applies failed (at most %d re-applies)", res.applies, maxReapplies)
	}
	if res.orphans != 0 {
		t.Errorf("%d orphan(s): objects created in FC that are not in the Terraform state", res.orphans)
	}
	if res.duplicates != 0 {
		t.Errorf("%d duplicate(s) among the objects in FC and the state", res.duplicates)
	}
	if want := size.services * (1 + size.functions); res.converged && len(inState) != want {
		t.Errorf("the state holds %d objects after a successful apply, want %d", len(inState), want)
	}
	if !res.planEmpty {
		t.Errorf("the plan without faults after the applies is not empty (or failed): %v", planErr)
	}
	if !res.destroyed {
		t.Errorf("the destroy did not succeed under faults in %d runs", res.destroys)
	}
	if res.left != 0 {
		t.Errorf("%d object(s) left in FC after the destroy", res.left)
	}
}

func setFaults(t *testing.T, em *emulator.Server, cfg emulator.FaultConfig) {
	t.Helper()
	if err := em.SetFaults(cfg); err != nil {
		t.Fatal(err)
	}
}

// buildProvider builds the provider binary into a temporary directory,
// which a dev_overrides CLI configuration then points Terraform at.
func buildProvider(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command on PATH to build the provider: %v", err)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goBin, "build", "-o", filepath.Join(dir, "terraform-provider-fc"), ".")
	cmd.Dir = filepath.Join("..", "..") // the module root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the provider: %v\n%s", err, out)
	}
	return dir
}

// terraformEnv is the process environment of the Terraform commands: a
// CLI configuration of its own with a dev_overrides entry for the
// provider, no checkpoint calls, no prompts.
func terraformEnv(t *testing.T, pluginDir string) []string {
	t.Helper()
	rc := filepath.Join(t.TempDir(), "terraformrc")
	cfg := fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/terraform-fc/fc" = %q
  }
  direct {}
}
`, pluginDir)
	if err := os.WriteFile(rc, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "TF_CLI_CONFIG_FILE" || name == "TF_LOG" || name == "TF_LOG_PATH" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_INPUT=0")
}

type terraformRunner struct {
	t    *testing.T
	path string
	dir  string
	env  []string
}

// run runs one Terraform command in the working directory and returns its
// combined output.
func (r terraformRunner) run(args ...string) (string, error) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.path, append([]string{"-chdir=" + r.dir}, args...)...)
	cmd.Env = r.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		r.t.Fatalf("terraform %s did not finish within %s:\n%s", args[0], commandTimeout, out.String())
	}
	return out.String(), err
}

// writeConfig writes the configuration: size.services services, each with
// size.functions functions.
func writeConfig(t *testing.T, dir, endpoint string, size chaosSize) {
	t.Helper()
	cfg := fmt.Sprintf(`terraform {
  required_providers {
    fc = {
      source = "terraform-fc/fc"
    }
  }
}

provider "fc" {
  endpoint    = %q
  account_id  = %q
  region      = %q
  access_key  = %q
  secret_key  = %q
  max_retries = %d
}

locals {
  services  = %d
  functions = %d
  code      = %q
}

resource "fc_service" "s" {
  count = local.services
  name  = "chaos-${count.index}"
}

resource "fc_function" "f" {
  count        = local.services * local.functions
  service_name = fc_service.s[floor(count.index / local.functions)].name
  name         = "fn-${count.index %% local.functions}"
  runtime      = "python3.9"
  handler      = "index.handler"
  code = {
    zip_file = local.code
  }
}
`, endpoint, accountID, region, keyID, keySecret, maxRetries, size.services, size.functions, codeZip(t))
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
}

// codeZip is a base64 zip archive with a Python handler.
func codeZip(t *testing.T) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("index.py")
	if err == nil {
		_, err = w.Write([]byte("def handler(event, context):\n    return 'ok'\n"))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func newClient(t *testing.T, endpoint string) *fc.Client {
	t.Helper()
	c, err := fc.New(fc.Config{
		Endpoint: endpoint, AccountID: accountID, Region: region,
		AccessKeyID: keyID, AccessKeySecret: keySecret, MaxRetries: 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// listObjects lists every service ("service/NAME") and function
// ("function/SERVICE/NAME") in FC.
func listObjects(t *testing.T, c *fc.Client) []string {
	t.Helper()
	ctx := context.Background()
	services, err := c.ListServices(ctx, fc.ListOptions{})
	if err != nil {
		t.Fatalf("listing the services: %v", err)
	}
	var out []string
	for _, s := range services {
		name := deref(s.ServiceName)
		out = append(out, "service/"+name)
		fns, err := c.ListFunctions(ctx, name, "", fc.ListOptions{})
		if err != nil {
			t.Fatalf("listing the functions of %s: %v", name, err)
		}
		for _, f := range fns {
			out = append(out, "function/"+name+"/"+deref(f.FunctionName))
		}
	}
	return out
}

// stateObjects lists the objects the Terraform state holds, named as
// listObjects names them.
func stateObjects(t *testing.T, tf terraformRunner) []string {
	t.Helper()
	out, err := tf.run("show", "-json", "-no-color")
	if err != nil {
		t.Fatalf("terraform show -json: %v\n%s", err, out)
	}
	var state struct {
		Values *struct {
			RootModule struct {
				Resources []struct {
					Type   string         `json:"type"`
					Values map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	if err := json.Unmarshal([]byte(out), &state); err != nil {
		t.Fatalf("decoding terraform show -json: %v\n%s", err, out)
	}
	if state.Values == nil {
		return nil
	}
	var ids []string
	for _, r := range state.Values.RootModule.Resources {
		name, _ := r.Values["name"].(string)
		switch r.Type {
		case "fc_service":
			ids = append(ids, "service/"+name)
		case "fc_function":
			svc, _ := r.Values["service_name"].(string)
			ids = append(ids, "function/"+svc+"/"+name)
		}
	}
	return ids
}

// errorLines returns the "Error:" lines of Terraform's output, at most 5.
func errorLines(out string) string {
	var lines []string
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, "│ "), "Error: ") {
			n++
			if len(lines) < 5 {
				lines = append(lines, strings.TrimSpace(strings.TrimLeft(l, "│ ")))
			}
		}
	}
	if n == 0 {
		return "(no Error: line)"
	}
	if n > len(lines) {
		lines = append(lines, fmt.Sprintf("... %d errors in all", n))
	}
	return strings.Join(lines, "; ")
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive integer", name, v)
	}
	return n
}

func envFloat(t *testing.T, name string, def float64) float64 {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		t.Fatalf("%s=%q: want a number from 0 to 1", name, v)
	}
	return f
}
