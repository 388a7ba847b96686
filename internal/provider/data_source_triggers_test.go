package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccTriggersDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn")
	config := env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "a1" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "tfacc-a1"
  type          = "timer"
  description   = "first"
  timer_config  = { cron_expression = "@every 5m", payload = "p" }
}

resource "fc_trigger" "a2" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "tfacc-a2"
  type          = "http"
  http_config = {
    auth_type = "anonymous"
    methods   = ["GET"]
  }
}

resource "fc_trigger" "b1" {
  service_name    = fc_service.test.name
  function_name   = fc_function.test.name
  name            = "tfacc-b1"
  type            = "oss"
  source_arn      = %q
  invocation_role = %q
  oss_config      = { events = ["oss:ObjectCreated:*"] }
}

data "fc_triggers" "a" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name_prefix   = "tfacc-a"
  depends_on    = [fc_trigger.a1, fc_trigger.a2, fc_trigger.b1]
}

data "fc_triggers" "all" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  depends_on    = [fc_trigger.a1, fc_trigger.a2, fc_trigger.b1]
}
`, triggerTestOSSArn, triggerTestRole))

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.fc_triggers.a", tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("tfacc-a1"), knownvalue.StringExact("tfacc-a2"),
					})),
					statecheck.ExpectKnownValue("data.fc_triggers.a", tfjsonpath.New("triggers").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"name":               knownvalue.StringExact("tfacc-a1"),
						"type":               knownvalue.StringExact("timer"),
						"description":        knownvalue.StringExact("first"),
						"qualifier":          knownvalue.Null(),
						"source_arn":         knownvalue.Null(),
						"invocation_role":    knownvalue.Null(),
						"config_json":        knownvalue.StringExact(`{"cronExpression":"@every 5m","enable":true,"payload":"p"}`),
						"trigger_id":         knownvalue.StringRegexp(nonEmptyRE),
						"created_time":       knownvalue.StringRegexp(timestampRE),
						"last_modified_time": knownvalue.StringRegexp(timestampRE),
						"url_internet":       knownvalue.Null(),
						"url_intranet":       knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue("data.fc_triggers.a", tfjsonpath.New("triggers").AtSliceIndex(1).AtMapKey("url_internet"),
						knownvalue.StringRegexp(regexp.MustCompile(`^https://`))),
					// The list agrees with the resources.
					statecheck.CompareValuePairs("data.fc_triggers.a", tfjsonpath.New("triggers").AtSliceIndex(1).AtMapKey("trigger_id"),
						"fc_trigger.a2", tfjsonpath.New("trigger_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.fc_triggers.all", tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("tfacc-a1"), knownvalue.StringExact("tfacc-a2"), knownvalue.StringExact("tfacc-b1"),
					})),
					statecheck.ExpectKnownValue("data.fc_triggers.all", tfjsonpath.New("triggers").AtSliceIndex(2).AtMapKey("source_arn"),
						knownvalue.StringExact(triggerTestOSSArn)),
					statecheck.ExpectKnownValue("data.fc_triggers.all", tfjsonpath.New("triggers").AtSliceIndex(2).AtMapKey("invocation_role"),
						knownvalue.StringExact(triggerTestRole)),
				},
			},
			{
				// A prefix that matches nothing gives empty lists, not null.
				Config: env.Config(testAccFunctionZipConfig(t, service, function, "") + `
data "fc_triggers" "none" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name_prefix   = "nothing"
}
`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.fc_triggers.none", tfjsonpath.New("names"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.fc_triggers.none", tfjsonpath.New("triggers"), knownvalue.ListSizeExact(0)),
				},
			},
			{
				Config: env.Config(fmt.Sprintf(`
data "fc_triggers" "missing" {
  service_name  = %q
  function_name = "missing"
}
`, service+"-none")),
				ExpectError: expectError(`Error listing FC triggers`, `the service or function does not exist`, `HTTP 404`),
			},
		},
	})
}
