package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// testAccStatefulBaseConfig is the greeter function with stateful
// asynchronous invocations and no retries.
func testAccStatefulBaseConfig(t *testing.T, service string) string {
	t.Helper()
	return testAccFunctionConfig(service, "greeter", testdataDir(t, "invoke"), "  timeout = 30\n") + `
resource "fc_function_async_invoke_config" "test" {
  service_name             = fc_service.test.name
  function_name            = fc_function.test.name
  stateful_invocation      = true
  max_async_retry_attempts = 0
}
`
}

// invokeAsyncAndWait starts stateful invocations (ID -> payload) out of
// band and waits until none is Running.
func invokeAsyncAndWait(t *testing.T, env *acctest.Env, service string, payloads map[string]string) {
	t.Helper()
	ctx := context.Background()
	for id, payload := range payloads {
		if _, err := env.Client.InvokeFunction(ctx, service, "", "greeter", &fc.InvokeInput{
			Payload: []byte(payload), InvocationType: fc.InvocationAsync, StatefulInvocationID: id,
		}); err != nil {
			t.Fatalf("invoking %s: %v", id, err)
		}
	}
	deadline := time.Now().Add(2 * time.Minute)
	for id := range payloads {
		for {
			got, err := env.Client.GetStatefulAsyncInvocation(ctx, service, "", "greeter", id)
			if err != nil {
				t.Fatalf("reading %s: %v", id, err)
			}
			if s := deref(got.Status); s != fc.InvocationStatusRunning && s != fc.InvocationStatusStopping {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("invocation %s still %s after 2 minutes", id, deref(got.Status))
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
}

func TestAccStatefulAsyncInvocationsDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-stateful")
	const all, failed, ok = "data.fc_stateful_async_invocations.all", "data.fc_stateful_async_invocations.failed", "data.fc_stateful_async_invocations.ok"
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { testAccInvokePrecheck(t, env) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{Config: env.Config(testAccStatefulBaseConfig(t, service))},
			{
				PreConfig: func() {
					invokeAsyncAndWait(t, env, service, map[string]string{"ok-1": `{"name": "async"}`, "bad-1": `{"fail": true}`})
				},
				Config: env.Config(testAccStatefulBaseConfig(t, service) + fmt.Sprintf(`
data "fc_stateful_async_invocations" "all" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
}

data "fc_stateful_async_invocations" "failed" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  status        = "Failed"
}

data "fc_stateful_async_invocations" "ok" {
  service_name         = fc_service.test.name
  function_name        = fc_function.test.name
  qualifier            = "LATEST"
  invocation_id_prefix = "ok-"
  include_payload      = true
  started_after        = "2000-01-01T00:00:00Z"
  started_before       = %q
}
`, time.Now().Add(24*time.Hour).UTC().Format("2006-01-02T15:04:05Z"))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(all, tfjsonpath.New("invocations"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(failed, tfjsonpath.New("invocations"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"invocation_id":         knownvalue.StringExact("bad-1"),
							"status":                knownvalue.StringExact("Failed"),
							"error_message":         knownvalue.StringExact("asked to fail"),
							"already_retried_times": knownvalue.Int64Exact(0),
							"result":                knownvalue.Null(),
							"payload":               knownvalue.Null(),
						}),
					})),
					statecheck.ExpectKnownValue(ok, tfjsonpath.New("invocations"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"invocation_id": knownvalue.StringExact("ok-1"),
							"status":        knownvalue.StringExact("Succeeded"),
							"qualifier":     knownvalue.StringExact("LATEST"),
							"payload":       knownvalue.StringExact(`{"name": "async"}`),
							"result":        knownvalue.StringRegexp(regexp.MustCompile(`"Hello, async"`)),
							"started_time":  knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)),
							"end_time":      knownvalue.NotNull(),
							"request_id":    knownvalue.NotNull(),
						}),
					})),
				},
			},
		},
	})
}

func TestAccStatefulAsyncInvocationsDataSource_validation(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "fc_stateful_async_invocations" "x" {
  service_name   = "s"
  function_name  = "f"
  started_after  = "2024-02-01T00:00:00Z"
  started_before = "2024-01-01T00:00:00Z"
}
`,
				PlanOnly:    true,
				ExpectError: expectError("Empty time range"),
			},
			{
				Config: `
data "fc_stateful_async_invocations" "x" {
  service_name  = "s"
  function_name = "f"
  status        = "Done"
}
`,
				PlanOnly:    true,
				ExpectError: expectError("status", "Succeeded"),
			},
		},
	})
}
