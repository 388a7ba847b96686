package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

// The data source lists one config per qualifier, in FC's order (by
// qualifier), with what each holds.
func TestAccFunctionAsyncInvokeConfigsDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-asyncs")
	const addr = "data.fc_function_async_invoke_configs.test"
	testAccParallel(t, env, resource.TestStep{
		Config: env.Config(testAccProvisionBaseConfig(t, service) + `
resource "fc_function_async_invoke_config" "latest" {
  service_name                   = fc_service.test.name
  function_name                  = fc_function.test.name
  max_async_event_age_in_seconds = 120
  destination_config = {
    on_success = "` + testAccQueueARN + `"
  }
}

resource "fc_function_async_invoke_config" "prod" {
  service_name             = fc_service.test.name
  function_name            = fc_function.test.name
  qualifier                = fc_alias.prod.name
  max_async_retry_attempts = 7
  stateful_invocation      = true
}

data "fc_function_async_invoke_configs" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  depends_on    = [fc_function_async_invoke_config.latest, fc_function_async_invoke_config.prod]
}
`),
		ConfigPlanChecks: expectEmptyPlanAfterApply,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(addr, tfjsonpath.New("configs"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"qualifier":                      knownvalue.StringExact("LATEST"),
					"max_async_event_age_in_seconds": knownvalue.Int64Exact(120),
					"max_async_retry_attempts":       knownvalue.Int64Exact(3),
					"destination_config": knownvalue.ObjectExact(map[string]knownvalue.Check{
						"on_success": knownvalue.StringExact(testAccQueueARN),
						"on_failure": knownvalue.Null(),
					}),
				}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"qualifier":                      knownvalue.StringExact("prod"),
					"max_async_event_age_in_seconds": knownvalue.Null(),
					"max_async_retry_attempts":       knownvalue.Int64Exact(7),
					"stateful_invocation":            knownvalue.Bool(true),
					"destination_config":             knownvalue.Null(),
					"created_time":                   knownvalue.StringRegexp(timestampRE),
				}),
			})),
		},
	})
}
