package provider_test

// Helpers shared by the Terraform-driven tests of several resources and data
// sources. A helper that serves one resource stays in that resource's test
// file.

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	// timestampRE matches the timestamps FC reports (created_time,
	// last_modified_time).
	timestampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}`)
	// nonEmptyRE matches any non-empty string.
	nonEmptyRE = regexp.MustCompile(`.`)

	// expectEmptyPlanAfterApply is the perpetual-diff check of every apply
	// step.
	expectEmptyPlanAfterApply = resource.ConfigPlanChecks{
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
)

// expectActionThenEmptyPlan checks that the plan of a step takes action on
// the resource at addr, and (as expectEmptyPlanAfterApply) that the plan
// after the apply is empty.
func expectActionThenEmptyPlan(addr string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{
		PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}
}

// ---------------------------------------------------------------------------
// Configurations and fixtures.

// testAccHCL returns the configuration in testdata/configs/name (long
// configurations live there rather than in the Go), with its fmt verbs
// filled in from args.
func testAccHCL(name string, args ...any) string {
	raw, err := os.ReadFile(filepath.Join("testdata", "configs", name))
	if err != nil {
		panic(fmt.Sprintf("reading test configuration %s: %v", name, err))
	}
	return fmt.Sprintf(string(raw), args...)
}

// testdataDir returns the absolute path of a source tree under
// testdata/function. The provider runs in the test process, so relative
// paths would work too; absolute ones keep the HCL independent of
// Terraform's working directory.
func testdataDir(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "function", name))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// zipOf returns the deterministic zip of a source tree and its FC checksum.
func zipOf(t *testing.T, dir string) ([]byte, string) {
	t.Helper()
	b, err := codepkg.ZipDir(dir)
	if err != nil {
		t.Fatalf("zipping %s: %v", dir, err)
	}
	return b, codepkg.Checksum(b)
}

// testAccServiceConfig is fc_service.test, a service with only a name.
func testAccServiceConfig(service string) string {
	return fmt.Sprintf(`
resource "fc_service" "test" {
  name = %q
}
`, service)
}

// testAccFunctionCodeConfig is fc_service.test and, in it, fc_function.test:
// a Python function whose code block holds code (HCL arguments); extra is
// inserted into the function block.
func testAccFunctionCodeConfig(service, name, code, extra string) string {
	return testAccServiceConfig(service) + fmt.Sprintf(`
resource "fc_function" "test" {
  service_name = fc_service.test.name
  name         = %q
  runtime      = "python3.10"
  handler      = "index.handler"

  code = {
    %s
  }
%s
}
`, name, code, extra)
}

// testAccFunctionConfig is testAccFunctionCodeConfig with the code read from
// source_dir.
func testAccFunctionConfig(service, name, sourceDir, extra string) string {
	return testAccFunctionCodeConfig(service, name, fmt.Sprintf("source_dir = %q", sourceDir), extra)
}

// testAccFunctionZipConfig is testAccFunctionCodeConfig with the code of
// testdata/function/hello inline as a base64 zip_file: the function the
// trigger, version and alias tests hang their objects on.
func testAccFunctionZipConfig(t *testing.T, service, name, extra string) string {
	t.Helper()
	zip, _ := zipOf(t, testdataDir(t, "hello"))
	return testAccFunctionCodeConfig(service, name, fmt.Sprintf("zip_file = %q", base64.StdEncoding.EncodeToString(zip)), extra)
}

// testAccVersionBaseConfig declares a service and one function, "hello",
// with the given memory: what a version snapshots.
func testAccVersionBaseConfig(t *testing.T, service string, memory int) string {
	t.Helper()
	return testAccFunctionZipConfig(t, service, "hello", fmt.Sprintf("  memory_size = %d", memory))
}

// ---------------------------------------------------------------------------
// Checks.

// sameAttribute returns a state check that attribute attr has the same
// value in the objects at addresses a and b, e.g. a resource and the data
// source that reads it.
func sameAttribute(a, b string) func(attr string) statecheck.StateCheck {
	return func(attr string) statecheck.StateCheck {
		return statecheck.CompareValuePairs(a, tfjsonpath.New(attr), b, tfjsonpath.New(attr), compare.ValuesSame())
	}
}

// testAccCheckDestroy checks that no FC object of the state still exists:
// services, functions, triggers, aliases and versions (except those
// skip_destroy keeps), resources and data sources alike.
func testAccCheckDestroy(env *acctest.Env) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		ctx := context.Background()
		for _, rs := range s.RootModule().Resources {
			attrs := rs.Primary.Attributes
			var err error
			switch rs.Type {
			case "fc_service":
				_, _, err = env.Client.GetService(ctx, rs.Primary.ID, "")
			case "fc_function":
				_, _, err = env.Client.GetFunction(ctx, attrs["service_name"], "", attrs["name"])
			case "fc_trigger":
				_, _, err = env.Client.GetTrigger(ctx, attrs["service_name"], attrs["function_name"], attrs["name"])
			case "fc_service_version":
				if attrs["skip_destroy"] == "true" {
					continue
				}
				_, err = env.Client.GetServiceVersion(ctx, attrs["service_name"], attrs["version_id"])
			case "fc_alias":
				_, _, err = env.Client.GetAlias(ctx, attrs["service_name"], attrs["name"])
			case "fc_custom_domain":
				_, _, err = env.Client.GetCustomDomain(ctx, attrs["domain_name"])
			case "fc_provision_config":
				// FC has no delete: destroyed is target 0 with no instance left.
				var pc *fc.ProvisionConfig
				pc, err = env.Client.GetProvisionConfig(ctx, attrs["service_name"], attrs["qualifier"], attrs["function_name"])
				if err == nil && deref64(pc.Target) == 0 && pc.Current.Int64() == 0 && len(pc.ScheduledActions) == 0 && len(pc.TargetTrackingPolicies) == 0 {
					continue
				}
			case "fc_function_async_invoke_config":
				_, err = env.Client.GetFunctionAsyncInvokeConfig(ctx, attrs["service_name"], attrs["qualifier"], attrs["function_name"])
			case "fc_layer_version":
				if attrs["skip_destroy"] == "true" {
					continue
				}
				version, perr := strconv.ParseInt(attrs["version"], 10, 64)
				if perr != nil {
					return fmt.Errorf("%s %q: version %q: %w", rs.Type, rs.Primary.ID, attrs["version"], perr)
				}
				_, _, err = env.Client.GetLayerVersion(ctx, attrs["layer_name"], version)
			default:
				continue
			}
			if err == nil {
				return fmt.Errorf("%s %q still exists", rs.Type, rs.Primary.ID)
			}
			if !fc.IsNotFound(err) {
				return fmt.Errorf("checking %s %q: %w", rs.Type, rs.Primary.ID, err)
			}
		}
		return nil
	}
}

// testAccCheckRequestCounts checks the emulator's request counts since the
// last reset for the operations named in want (0: not called); other
// operations are not checked. Against real FC it checks nothing. For an
// exact comparison, see checkRequestCounts.
func testAccCheckRequestCounts(env *acctest.Env, want map[string]int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if env.Live {
			return nil
		}
		got := env.Emulator.Counts()
		var errs []error
		for op, n := range want {
			if got[op] != n {
				errs = append(errs, fmt.Errorf("%s requests: got %d, want %d", op, got[op], n))
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("%w (all counts: %v)", errors.Join(errs...), got)
		}
		return nil
	}
}

// resetCountsIfEmulated resets the emulator's request counts; a no-op on
// real FC.
func resetCountsIfEmulated(env *acctest.Env) func() {
	return func() {
		if !env.Live {
			env.Emulator.ResetCounts()
		}
	}
}

// runBeforeApply is a PreApply "plan check" that does not check the plan
// but acts between the saved plan and the apply, e.g. to change an object
// outside Terraform at the moment a concurrent user would.
func runBeforeApply(f func() error) plancheck.PlanCheck { return planCheckFunc(f) }

// planCheckFunc is a plan check that runs a function.
type planCheckFunc func() error

func (f planCheckFunc) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

// expectError matches fragments of an error in order. Fragments are plain
// text; any run of spaces matches any white space, because Terraform wraps
// long diagnostic lines.
func expectError(fragments ...string) *regexp.Regexp {
	quoted := make([]string, len(fragments))
	for i, f := range fragments {
		quoted[i] = strings.Join(strings.Fields(regexp.QuoteMeta(f)), `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*`))
}

// deref64 returns *p, or 0 for nil.
func deref64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}

// deref returns *s, or "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// ---------------------------------------------------------------------------
// Cases every resource has: disappears, drift, stale ETag. Each builds the
// steps; the resource's test supplies the configuration and what to change
// outside Terraform.

// testAccParallel runs a TestCase against the provider with CheckDestroy,
// as every Terraform-driven test does.
func testAccParallel(t *testing.T, env *acctest.Env, steps ...resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps:                    steps,
	})
}

// disappearsStep applies config, then deletes the object at addr outside
// Terraform: the refresh removes it from the state without error and the
// next plan creates it again (also: further checks on that plan).
func disappearsStep(config, addr string, remove func(context.Context) error, also ...plancheck.PlanCheck) resource.TestStep {
	return resource.TestStep{
		Config: config,
		Check:  func(*terraform.State) error { return remove(context.Background()) },
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PostApplyPostRefresh: append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate)}, also...),
		},
		ExpectNonEmptyPlan: true,
	}
}

// driftCase is the drift case: the object at addr, applied from config,
// is changed outside Terraform; the refresh sees it and the plan (checked
// by planned) updates it back in place; after the apply the plan is empty,
// and state and check hold.
type driftCase struct {
	config  string
	addr    string
	change  func(context.Context) error
	planned []plancheck.PlanCheck
	state   []statecheck.StateCheck
	check   resource.TestCheckFunc
}

func (c driftCase) steps(t *testing.T) []resource.TestStep {
	return []resource.TestStep{
		{Config: c.config, ConfigPlanChecks: expectEmptyPlanAfterApply},
		{
			PreConfig: func() {
				if err := c.change(context.Background()); err != nil {
					t.Fatalf("changing %s outside Terraform: %v", c.addr, err)
				}
			},
			Config: c.config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             append([]plancheck.PlanCheck{plancheck.ExpectResourceAction(c.addr, plancheck.ResourceActionUpdate)}, c.planned...),
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: c.state,
			Check:             c.check,
		},
	}
}

// staleETagCase is the stale-ETag case: after first is applied, second is
// planned (an in-place update of addr), and change alters the object
// between the saved plan and the apply, as a concurrent change between
// `terraform plan -out` and `terraform apply` would. The update carries the
// ETag of the refresh in If-Match, FC refuses it, and the apply fails with
// wantError; survived checks the outside change is still there; a new plan
// then refreshes (taking the new ETag) and applies second (after: its plan
// checks, state and check).
type staleETagCase struct {
	first, second string
	addr          string
	change        func(context.Context) error
	wantError     *regexp.Regexp
	survived      func(context.Context) error
	after         resource.ConfigPlanChecks
	state         []statecheck.StateCheck
	check         resource.TestCheckFunc
}

func (c staleETagCase) steps(t *testing.T) []resource.TestStep {
	last := resource.TestStep{
		Config:            c.second,
		ConfigPlanChecks:  c.after,
		ConfigStateChecks: c.state,
		Check:             c.check,
	}
	if c.survived != nil {
		last.PreConfig = func() {
			if err := c.survived(context.Background()); err != nil {
				t.Fatalf("the change made outside Terraform did not survive the refused update: %v", err)
			}
		}
	}
	return []resource.TestStep{
		{Config: c.first, ConfigPlanChecks: expectEmptyPlanAfterApply},
		{
			Config: c.second,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(c.addr, plancheck.ResourceActionUpdate),
					// Runs after the plan is saved and before the apply.
					runBeforeApply(func() error { return c.change(context.Background()) }),
				},
			},
			// The apply fails, so there is no post-apply plan to check.
			ExpectError: c.wantError,
		},
		last,
	}
}
