package provider_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const asyncAddr = "fc_function_async_invoke_config.test"

// Destination ARNs of the tests (the account the emulator serves).
var (
	testAccQueueARN = "acs:mns:" + acctest.Region + ":" + acctest.AccountID + ":/queues/results/messages"
	testAccFnARN    = "acs:fc:" + acctest.Region + ":" + acctest.AccountID + ":services/errors.prod/functions/handle"
)

// testAccAsyncConfig is the base of the provision tests (a function, two
// versions, aliases prod and canary) plus fc_function_async_invoke_config.test
// with the given arguments.
func testAccAsyncConfig(t *testing.T, env *acctest.Env, service, args string) string {
	t.Helper()
	return env.Config(testAccProvisionBaseConfig(t, service) + fmt.Sprintf(`
resource "fc_function_async_invoke_config" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
%s
}
`, args))
}

func testAccCheckAsyncAPI(env *acctest.Env, service, qualifier string, check func(*fc.AsyncInvokeConfig) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a, err := env.Client.GetFunctionAsyncInvokeConfig(context.Background(), service, qualifier, "hello")
		if err != nil {
			return fmt.Errorf("reading the async invoke config at %s: %w", qualifier, err)
		}
		return check(a)
	}
}

func destinationOf(d *fc.DestinationConfig, success bool) string {
	if d == nil {
		return ""
	}
	if success && d.OnSuccess != nil {
		return d.OnSuccess.Destination
	}
	if !success && d.OnFailure != nil {
		return d.OnFailure.Destination
	}
	return ""
}

func TestAccFunctionAsyncInvokeConfigResource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-async")
	testAccParallel(t, env,
		resource.TestStep{
			Config: testAccAsyncConfig(t, env, service, fmt.Sprintf(`
  max_async_event_age_in_seconds = 3600
  max_async_retry_attempts       = 0
  destination_config = {
    on_failure = %q
  }
`, testAccQueueARN)),
			ConfigPlanChecks: expectActionThenEmptyPlan(asyncAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/hello/LATEST")),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("qualifier"), knownvalue.StringExact("LATEST")),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("max_async_retry_attempts"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("stateful_invocation"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("destination_config").AtMapKey("on_success"), knownvalue.Null()),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
			},
			Check: testAccCheckAsyncAPI(env, service, "LATEST", func(a *fc.AsyncInvokeConfig) error {
				if deref64(a.MaxAsyncEventAgeInSeconds) != 3600 || a.MaxAsyncRetryAttempts == nil || *a.MaxAsyncRetryAttempts != 0 ||
					destinationOf(a.DestinationConfig, false) != testAccQueueARN || destinationOf(a.DestinationConfig, true) != "" {
					return fmt.Errorf("on FC: %+v", a)
				}
				return nil
			}),
		},
		resource.TestStep{ResourceName: asyncAddr, ImportState: true, ImportStateVerify: true},
		// SERVICE/FUNCTION is the config at LATEST.
		resource.TestStep{ResourceName: asyncAddr, ImportState: true, ImportStateId: service + "/hello", ImportStateVerify: true},
		resource.TestStep{
			ResourceName: asyncAddr, ImportState: true, ImportStateId: service,
			ExpectError: expectError("expected SERVICE/FUNCTION or SERVICE/FUNCTION/QUALIFIER, got"),
		},
	)
}

// A destination the configuration removes is gone from FC, and a retry
// count it removes returns to FC's default: FC merges a put into the
// stored config, so the update deletes it and puts it again.
func TestAccFunctionAsyncInvokeConfigResource_update(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-async")
	testAccParallel(t, env,
		resource.TestStep{
			Config: testAccAsyncConfig(t, env, service, fmt.Sprintf(`
  max_async_event_age_in_seconds = 600
  max_async_retry_attempts       = 5
  stateful_invocation            = true
  destination_config = {
    on_success = %q
    on_failure = %q
  }
`, testAccQueueARN, testAccFnARN)),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		// In place, without removing anything: a plain put.
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config: testAccAsyncConfig(t, env, service, fmt.Sprintf(`
  max_async_event_age_in_seconds = 1200
  max_async_retry_attempts       = 4
  stateful_invocation            = true
  destination_config = {
    on_success = %q
    on_failure = %q
  }
`, testAccFnARN, testAccQueueARN)),
			ConfigPlanChecks: expectActionThenEmptyPlan(asyncAddr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeTestCheckFunc(
				testAccCheckRequestCounts(env, map[string]int{"DeleteFunctionAsyncInvokeConfig": 0, "PutFunctionAsyncInvokeConfig": 1}),
				testAccCheckAsyncAPI(env, service, "LATEST", func(a *fc.AsyncInvokeConfig) error {
					if deref64(a.MaxAsyncEventAgeInSeconds) != 1200 || deref64(a.MaxAsyncRetryAttempts) != 4 ||
						destinationOf(a.DestinationConfig, true) != testAccFnARN || destinationOf(a.DestinationConfig, false) != testAccQueueARN {
						return fmt.Errorf("on FC: %+v", a)
					}
					return nil
				}),
			),
		},
		// Remove on_success, the retry count, the event age and stateful.
		resource.TestStep{
			Config: testAccAsyncConfig(t, env, service, fmt.Sprintf(`
  destination_config = {
    on_failure = %q
  }
`, testAccQueueARN)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(asyncAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("max_async_retry_attempts"), knownvalue.Int64Exact(3)),
					plancheck.ExpectUnknownValue(asyncAddr, tfjsonpath.New("max_async_event_age_in_seconds")),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("destination_config").AtMapKey("on_success"), knownvalue.Null()),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("max_async_retry_attempts"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("max_async_event_age_in_seconds"), knownvalue.Null()),
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("stateful_invocation"), knownvalue.Bool(false)),
			},
			Check: testAccCheckAsyncAPI(env, service, "LATEST", func(a *fc.AsyncInvokeConfig) error {
				if destinationOf(a.DestinationConfig, true) != "" || destinationOf(a.DestinationConfig, false) != testAccQueueARN ||
					deref64(a.MaxAsyncRetryAttempts) != 3 || a.MaxAsyncEventAgeInSeconds != nil || a.StatefulInvocation == nil || *a.StatefulInvocation {
					return fmt.Errorf("left behind on FC: %+v", a)
				}
				return nil
			}),
		},
		// Remove destination_config altogether.
		resource.TestStep{
			Config:           testAccAsyncConfig(t, env, service, ""),
			ConfigPlanChecks: expectActionThenEmptyPlan(asyncAddr, plancheck.ResourceActionUpdate),
			Check: testAccCheckAsyncAPI(env, service, "LATEST", func(a *fc.AsyncInvokeConfig) error {
				if a.DestinationConfig != nil {
					return fmt.Errorf("destinations left behind on FC: %+v", a.DestinationConfig)
				}
				return nil
			}),
		},
	)
}

func TestAccFunctionAsyncInvokeConfigResource_replace(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-async")
	testAccParallel(t, env,
		resource.TestStep{
			Config:           testAccAsyncConfig(t, env, service, `max_async_retry_attempts = 1`),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			Config: testAccAsyncConfig(t, env, service, `
  qualifier                = fc_alias.prod.name
  max_async_retry_attempts = 1
`),
			ConfigPlanChecks: expectActionThenEmptyPlan(asyncAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/hello/prod")),
			},
			Check: func(*terraform.State) error {
				if _, err := env.Client.GetFunctionAsyncInvokeConfig(context.Background(), service, "LATEST", "hello"); !fc.IsNotFound(err) {
					return fmt.Errorf("the LATEST config was not deleted: %v", err)
				}
				return nil
			},
		},
	)
}

func TestAccFunctionAsyncInvokeConfigResource_disappears(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-async")
	testAccParallel(t, env, disappearsStep(testAccAsyncConfig(t, env, service, `max_async_retry_attempts = 2`), asyncAddr,
		func(ctx context.Context) error {
			return env.Client.DeleteFunctionAsyncInvokeConfig(ctx, service, "LATEST", "hello")
		}))
}

func TestAccFunctionAsyncInvokeConfigResource_drift(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-async")
	testAccParallel(t, env, driftCase{
		config: testAccAsyncConfig(t, env, service, `max_async_retry_attempts = 2`),
		addr:   asyncAddr,
		change: func(ctx context.Context) error {
			_, err := env.Client.PutFunctionAsyncInvokeConfig(ctx, service, "", "hello", &fc.AsyncInvokeConfig{MaxAsyncRetryAttempts: fc.Ptr(int64(8))})
			return err
		},
		planned: []plancheck.PlanCheck{plancheck.ExpectKnownValue(asyncAddr, tfjsonpath.New("max_async_retry_attempts"), knownvalue.Int64Exact(2))},
		check: testAccCheckAsyncAPI(env, service, "LATEST", func(a *fc.AsyncInvokeConfig) error {
			if deref64(a.MaxAsyncRetryAttempts) != 2 {
				return fmt.Errorf("retries on FC %d, want 2", deref64(a.MaxAsyncRetryAttempts))
			}
			return nil
		}),
	}.steps(t)...)
}

// Configs at LATEST, a version and an alias of one function are three
// configs: none overwrites another, and the data source lists all three.
func TestAccFunctionAsyncInvokeConfigResource_perQualifier(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-async")
	config := env.Config(testAccProvisionBaseConfig(t, service) + `
resource "fc_function_async_invoke_config" "latest" {
  service_name             = fc_service.test.name
  function_name            = fc_function.test.name
  max_async_retry_attempts = 1
}

resource "fc_function_async_invoke_config" "v1" {
  service_name             = fc_service.test.name
  function_name            = fc_function.test.name
  qualifier                = fc_service_version.v1.version_id
  max_async_retry_attempts = 2
}

resource "fc_function_async_invoke_config" "prod" {
  service_name             = fc_service.test.name
  function_name            = fc_function.test.name
  qualifier                = fc_alias.prod.name
  max_async_retry_attempts = 4
}
`)
	retries := func(q string, n int64) resource.TestCheckFunc {
		return testAccCheckAsyncAPI(env, service, q, func(a *fc.AsyncInvokeConfig) error {
			if deref64(a.MaxAsyncRetryAttempts) != n {
				return fmt.Errorf("retries at %s: %d, want %d", q, deref64(a.MaxAsyncRetryAttempts), n)
			}
			return nil
		})
	}
	testAccParallel(t, env, resource.TestStep{
		Config:           config,
		ConfigPlanChecks: expectEmptyPlanAfterApply,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("fc_function_async_invoke_config.v1", tfjsonpath.New("id"), knownvalue.StringExact(service+"/hello/1")),
		},
		Check: resource.ComposeTestCheckFunc(retries("LATEST", 1), retries("1", 2), retries("prod", 4)),
	})
}

func TestAccFunctionAsyncInvokeConfigResource_validation(t *testing.T) {
	env := acctest.New(t)
	config := func(args string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_function_async_invoke_config" "test" {
  service_name  = "tf-acc-async-validation"
  function_name = "hello"
%s
}
`, args))
	}
	step := func(args string, want ...string) resource.TestStep {
		return resource.TestStep{Config: config(args), PlanOnly: true, ExpectError: expectError(want...)}
	}
	testAccParallel(t, env,
		step(`max_async_retry_attempts = 9`, "max_async_retry_attempts", "between 0 and 8"),
		step(`max_async_event_age_in_seconds = 0`, "max_async_event_age_in_seconds", "between 1 and 2592000"),
		step(`max_async_event_age_in_seconds = 2592001`, "max_async_event_age_in_seconds", "between 1 and 2592000"),
		step(`destination_config = { on_success = "my-queue" }`, "Invalid destination ARN", `destination_config.on_success: "my-queue" is not a destination ARN`),
		step(`destination_config = { on_failure = "acs:oss:cn-hangzhou:1:bucket" }`, "Invalid destination ARN", "destination_config.on_failure"),
		step(`qualifier = "01"`, "Invalid qualifier", "leading zeros"),
	)
}
