package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const provisionAddr = "fc_provision_config.test"

// provisionStep is how long the emulator takes per provisioned instance in
// these tests: the applies wait a few steps, and the provider polls at that
// pace (provision_poll_test.go).
const provisionStep = 20 * time.Millisecond

// testAccProvisioning sets how the emulator brings provisioned instances up;
// a no-op against real FC.
func testAccProvisioning(t *testing.T, env *acctest.Env, p emulator.Provisioning) {
	t.Helper()
	if env.Live {
		return
	}
	if err := env.Emulator.SetProvisioning(p); err != nil {
		t.Fatal(err)
	}
}

// testAccProvisionBaseConfig declares a service, the function "hello", two
// versions and two aliases: prod (on v1) and canary (on v2).
func testAccProvisionBaseConfig(t *testing.T, service string) string {
	t.Helper()
	return testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "prod" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}

resource "fc_alias" "canary" {
  service_name = fc_service.test.name
  name         = "canary"
  version_id   = fc_service_version.v2.version_id
}
`
}

// testAccProvisionConfig is the base plus fc_provision_config.test at
// qualifier (an HCL expression) with the given target and extra arguments.
func testAccProvisionConfig(t *testing.T, env *acctest.Env, service, qualifier string, target int, extra string) string {
	t.Helper()
	return env.Config(testAccProvisionBaseConfig(t, service) + fmt.Sprintf(`
resource "fc_provision_config" "test" {
  service_name  = fc_service.test.name
  qualifier     = %s
  function_name = fc_function.test.name
  target        = %d
%s
}
`, qualifier, target, extra))
}

// testAccCheckProvisionAPI reads the provision config from FC and runs check.
func testAccCheckProvisionAPI(env *acctest.Env, service, qualifier string, check func(*fc.ProvisionConfig) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		pc, err := env.Client.GetProvisionConfig(context.Background(), service, qualifier, "hello")
		if err != nil {
			return fmt.Errorf("reading the provision config at %s: %w", qualifier, err)
		}
		return check(pc)
	}
}

func expectProvisioned(target int64) func(*fc.ProvisionConfig) error {
	return func(pc *fc.ProvisionConfig) error {
		if deref64(pc.Target) != target || pc.Current.Int64() != target {
			return fmt.Errorf("target %d, current %d on FC, want both %d", deref64(pc.Target), pc.Current.Int64(), target)
		}
		return nil
	}
}

// The apply waits until current reaches the target: the state says
// current = target, and so does FC right after the apply.
func TestAccProvisionConfigResource_basic(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-prov")

	testAccParallel(t, env,
		resource.TestStep{
			Config:           testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 3, ""),
			ConfigPlanChecks: expectActionThenEmptyPlan(provisionAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/prod/hello")),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("target"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("current"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("always_allocate_cpu"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("scheduled_actions"), knownvalue.Null()),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("target_tracking_policies"), knownvalue.Null()),
			},
			Check: testAccCheckProvisionAPI(env, service, "prod", expectProvisioned(3)),
		},
		resource.TestStep{
			ResourceName:            provisionAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"timeouts"},
		},
		resource.TestStep{
			ResourceName:  provisionAddr,
			ImportState:   true,
			ImportStateId: service + "/hello",
			ExpectError:   expectError("expected SERVICE/QUALIFIER/FUNCTION, got"),
		},
	)
}

// Target, schedules, policies and always_allocate_cpu change in place and
// can be cleared again.
func TestAccProvisionConfigResource_update(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-prov")
	full := `
  always_allocate_cpu = false
  scheduled_actions = [
    {
      name                = "morning"
      schedule_expression = "cron(0 0 8 * * *)"
      target              = 4
      start_time          = "2024-01-01T00:00:00Z"
      end_time            = "2030-01-01T00:00:00Z"
    },
    {
      name                = "launch"
      schedule_expression = "at(2030-06-01T08:00:00)"
      target              = 0
    },
  ]
  target_tracking_policies = [
    {
      name          = "util"
      metric_type   = "ProvisionedConcurrencyUtilization"
      metric_target = 0.6
      min_capacity  = 0
      max_capacity  = 5
    },
  ]
`
	testAccParallel(t, env,
		resource.TestStep{
			Config:           testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 1, ""),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			Config:           testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 2, full),
			ConfigPlanChecks: expectActionThenEmptyPlan(provisionAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("current"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("always_allocate_cpu"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("scheduled_actions").AtSliceIndex(1).AtMapKey("start_time"), knownvalue.Null()),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("target_tracking_policies").AtSliceIndex(0).AtMapKey("metric_target"), knownvalue.Float64Exact(0.6)),
			},
			Check: testAccCheckProvisionAPI(env, service, "prod", func(pc *fc.ProvisionConfig) error {
				if pc.Current.Int64() != 2 || pc.AlwaysAllocateCPU == nil || *pc.AlwaysAllocateCPU ||
					len(pc.ScheduledActions) != 2 || pc.ScheduledActions[0].EndTime != "2030-01-01T00:00:00Z" ||
					len(pc.TargetTrackingPolicies) != 1 || pc.TargetTrackingPolicies[0].MaxCapacity != 5 {
					return fmt.Errorf("on FC: %+v", pc)
				}
				return nil
			}),
		},
		// Removing the arguments clears them on FC, and the target goes
		// down (the wait covers scaling in too).
		resource.TestStep{
			Config:           testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 0, ""),
			ConfigPlanChecks: expectActionThenEmptyPlan(provisionAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("current"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("always_allocate_cpu"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("scheduled_actions"), knownvalue.Null()),
			},
			Check: testAccCheckProvisionAPI(env, service, "prod", func(pc *fc.ProvisionConfig) error {
				if pc.Current.Int64() != 0 || len(pc.ScheduledActions) != 0 || len(pc.TargetTrackingPolicies) != 0 || !*pc.AlwaysAllocateCPU {
					return fmt.Errorf("on FC: %+v", pc)
				}
				return nil
			}),
		},
	)
}

// Another qualifier is another config: the old one is released (target
// 0, no instance left) before the new one comes up.
func TestAccProvisionConfigResource_replace(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-prov")
	testAccParallel(t, env,
		resource.TestStep{
			Config:           testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 2, ""),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			Config:           testAccProvisionConfig(t, env, service, "fc_alias.canary.name", 2, ""),
			ConfigPlanChecks: expectActionThenEmptyPlan(provisionAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/canary/hello")),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckProvisionAPI(env, service, "canary", expectProvisioned(2)),
				testAccCheckProvisionAPI(env, service, "prod", expectProvisioned(0)),
			),
		},
	)
}

// Deleting the alias outside Terraform takes its provision config with it.
func TestAccProvisionConfigResource_disappears(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-prov")
	testAccParallel(t, env, disappearsStep(testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 1, ""), provisionAddr,
		func(ctx context.Context) error {
			if _, err := env.Client.PutProvisionConfig(ctx, service, "prod", "hello", &fc.ProvisionConfig{Target: fc.Ptr(int64(0))}); err != nil {
				return err
			}
			return env.Client.DeleteAlias(ctx, service, "prod", "")
		}))
}

// A target changed outside Terraform is seen and set back.
func TestAccProvisionConfigResource_drift(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-prov")
	testAccParallel(t, env, driftCase{
		config: testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 2, ""),
		addr:   provisionAddr,
		change: func(ctx context.Context) error {
			_, err := env.Client.PutProvisionConfig(ctx, service, "prod", "hello", &fc.ProvisionConfig{Target: fc.Ptr(int64(1))})
			return err
		},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("target"), knownvalue.Int64Exact(2)),
			plancheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("current"), knownvalue.Int64Exact(2)),
		},
		state: []statecheck.StateCheck{statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("current"), knownvalue.Int64Exact(2))},
		check: testAccCheckProvisionAPI(env, service, "prod", expectProvisioned(2)),
	}.steps(t)...)
}

// When FC stops short and says why, the apply fails with FC's reason; the
// config (which exists on FC) stays in the state, tainted.
func TestAccProvisionConfigResource_stopsShort(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "the emulator is told to stop short")
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep, Shortfall: 2, Reason: "no capacity left in the zone for this instance type"})
	service := acctest.RandomName("tf-acc-prov")
	testAccParallel(t, env,
		resource.TestStep{
			Config:      testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 3, ""),
			ExpectError: expectError("Error creating FC provision config", "FC has 1 of 3 instances", "FC's reason for the shortfall: no capacity left in the zone for this instance type", "stopped coming"),
		},
		resource.TestStep{
			PreConfig: func() { testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep}) },
			Config:    testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 3, ""),
			// The tainted config is replaced and now comes up.
			ConfigPlanChecks:  expectActionThenEmptyPlan(provisionAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(provisionAddr, tfjsonpath.New("current"), knownvalue.Int64Exact(3))},
		},
	)
}

// A wait that outlasts its timeout fails with a clear error naming the
// timeout and the progress.
func TestAccProvisionConfigResource_timeout(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "the emulator is slowed down")
	testAccProvisioning(t, env, emulator.Provisioning{Step: time.Hour})
	service := acctest.RandomName("tf-acc-prov")
	testAccParallel(t, env,
		resource.TestStep{
			Config: testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 2, `
  timeouts = {
    create = "1s"
  }
`),
			ExpectError: expectError("Error creating FC provision config", "FC has 0 of 2 instances", "timed out after 1s", "Raise the timeout in the timeouts block"),
		},
	)
}

// Configs on two aliases of one function, and on LATEST, are independent:
// each waits for its own target, and none overwrites another.
func TestAccProvisionConfigResource_twoAliases(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-prov")
	config := func(prod, canary, latest int) string {
		return env.Config(testAccProvisionBaseConfig(t, service) + fmt.Sprintf(`
resource "fc_provision_config" "prod" {
  service_name  = fc_service.test.name
  qualifier     = fc_alias.prod.name
  function_name = fc_function.test.name
  target        = %d
}

resource "fc_provision_config" "canary" {
  service_name  = fc_service.test.name
  qualifier     = fc_alias.canary.name
  function_name = fc_function.test.name
  target        = %d
}

resource "fc_provision_config" "latest" {
  service_name  = fc_service.test.name
  qualifier     = "LATEST"
  function_name = fc_function.test.name
  target        = %d
}
`, prod, canary, latest))
	}
	testAccParallel(t, env,
		resource.TestStep{
			Config:           config(1, 3, 2),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_provision_config.prod", tfjsonpath.New("current"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue("fc_provision_config.canary", tfjsonpath.New("current"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue("fc_provision_config.latest", tfjsonpath.New("id"), knownvalue.StringExact(service+"/LATEST/hello")),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckProvisionAPI(env, service, "prod", expectProvisioned(1)),
				testAccCheckProvisionAPI(env, service, "canary", expectProvisioned(3)),
				testAccCheckProvisionAPI(env, service, "LATEST", expectProvisioned(2)),
			),
		},
		// Changing one leaves the others alone.
		resource.TestStep{
			Config: config(1, 0, 2),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("fc_provision_config.canary", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("fc_provision_config.prod", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("fc_provision_config.latest", plancheck.ResourceActionNoop),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckProvisionAPI(env, service, "prod", expectProvisioned(1)),
				testAccCheckProvisionAPI(env, service, "canary", expectProvisioned(0)),
				testAccCheckProvisionAPI(env, service, "LATEST", expectProvisioned(2)),
			),
		},
	)
}

func TestAccProvisionConfigResource_validation(t *testing.T) {
	env := acctest.New(t)
	config := func(qualifier, extra string) string {
		if !regexp.MustCompile(`(?m)^\s*target\s*=`).MatchString(extra) {
			extra = "target = 1\n" + extra
		}
		return env.Config(fmt.Sprintf(`
resource "fc_provision_config" "test" {
  service_name  = "tf-acc-prov-validation"
  qualifier     = %q
  function_name = "hello"
%s
}
`, qualifier, extra))
	}
	action := func(fields string) string {
		return "scheduled_actions = [{ name = \"a\", target = 1, " + fields + " }]"
	}
	policy := func(fields string) string {
		return "target_tracking_policies = [{ name = \"p\", metric_type = \"ProvisionedConcurrencyUtilization\", " + fields + " }]"
	}
	step := func(cfg string, want ...string) resource.TestStep {
		return resource.TestStep{Config: cfg, PlanOnly: true, ExpectError: expectError(want...)}
	}
	testAccParallel(t, env,
		step(config("1", ""), "Invalid qualifier", `"1" is not a valid qualifier`, "version number"),
		step(config("prod.v1", ""), "Invalid qualifier", "alias name contains only"),
		step(config("prod", "target = -1"), "target", "at least 0"),
		step(config("prod", action(`schedule_expression = "0 0 8 * * *"`)), "Invalid schedule expression", "scheduled_actions[0].schedule_expression", `neither "cron(" nor "at("`),
		step(config("prod", action(`schedule_expression = "cron(0 8 * * *)"`)), "Invalid schedule expression", "takes 6 fields"),
		step(config("prod", action(`schedule_expression = "at(2024-06-01)"`)), "Invalid schedule expression", "YYYY-MM-DDThh:mm:ss"),
		step(config("prod", action(`schedule_expression = "cron(0 0 8 * * *)", start_time = "2024-06-01 08:00"`)), "Invalid time", "scheduled_actions[0].start_time"),
		step(config("prod", action(`schedule_expression = "cron(0 0 8 * * *)", start_time = "2025-01-01T00:00:00Z", end_time = "2024-01-01T00:00:00Z"`)),
			"Invalid time window", "scheduled_actions[0]: end_time 2024-01-01T00:00:00Z is not after start_time"),
		step(config("prod", `scheduled_actions = [{ name = "a", target = 1, schedule_expression = "cron(0 0 8 * * *)" }, { name = "a", target = 2, schedule_expression = "cron(0 0 9 * * *)" }]`),
			"Duplicate name", `scheduled_actions[0] and scheduled_actions[1] are both named "a"`),
		step(config("prod", policy(`metric_target = 0.5, min_capacity = 6, max_capacity = 5`)), "min_capacity", "must be less than or equal to", "max_capacity"),
		step(config("prod", policy(`metric_target = 0, min_capacity = 1, max_capacity = 5`)), "metric_target", "must be more than 0"),
		step(config("prod", "scheduled_actions = []"), "scheduled_actions", "at least 1"),
	)
}
