package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
)

// The data source lists the configs of a service, or of one alias of it,
// with the instances each has.
func TestAccProvisionConfigsDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-provs")
	testAccParallel(t, env, resource.TestStep{
		Config: env.Config(testAccProvisionBaseConfig(t, service) + `
resource "fc_provision_config" "prod" {
  service_name  = fc_service.test.name
  qualifier     = fc_alias.prod.name
  function_name = fc_function.test.name
  target        = 2
  scheduled_actions = [{
    name                = "night"
    schedule_expression = "cron(0 0 22 * * *)"
    target              = 0
  }]
}

resource "fc_provision_config" "canary" {
  service_name        = fc_service.test.name
  qualifier           = fc_alias.canary.name
  function_name       = fc_function.test.name
  target              = 1
  always_allocate_cpu = false
}

data "fc_provision_configs" "service" {
  service_name = fc_service.test.name
  depends_on   = [fc_provision_config.prod, fc_provision_config.canary]
}

data "fc_provision_configs" "prod" {
  service_name = fc_service.test.name
  qualifier    = fc_alias.prod.name
  depends_on   = [fc_provision_config.prod, fc_provision_config.canary]
}
`),
		ConfigPlanChecks: expectEmptyPlanAfterApply,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.fc_provision_configs.service", tfjsonpath.New("configs"), knownvalue.ListExact([]knownvalue.Check{
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"service_name": knownvalue.StringExact(service), "qualifier": knownvalue.StringExact("canary"),
					"function_name": knownvalue.StringExact("hello"), "target": knownvalue.Int64Exact(1), "current": knownvalue.Int64Exact(1),
					"always_allocate_cpu": knownvalue.Bool(false), "current_error": knownvalue.Null(), "scheduled_actions": knownvalue.Null(),
				}),
				knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"qualifier": knownvalue.StringExact("prod"), "target": knownvalue.Int64Exact(2), "current": knownvalue.Int64Exact(2),
					"scheduled_actions": knownvalue.ListSizeExact(1),
				}),
			})),
			statecheck.ExpectKnownValue("data.fc_provision_configs.prod", tfjsonpath.New("configs"), knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownValue("data.fc_provision_configs.prod", tfjsonpath.New("configs").AtSliceIndex(0).AtMapKey("qualifier"), knownvalue.StringExact("prod")),
		},
	})
}

func TestAccProvisionConfigsDataSource_validation(t *testing.T) {
	env := acctest.New(t)
	testAccParallel(t, env, resource.TestStep{
		Config: env.Config(`
data "fc_provision_configs" "test" {
  qualifier = "prod"
}
`),
		PlanOnly:    true,
		ExpectError: expectError("Invalid Attribute Combination", "service_name"),
	})
}
