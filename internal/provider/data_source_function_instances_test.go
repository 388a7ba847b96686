package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
)

// The instances of an alias are what its provision config brought up; an
// alias without one has none.
func TestAccFunctionInstancesDataSource_provisioned(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "real FC also lists on-demand instances")
	testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
	service := acctest.RandomName("tf-acc-inst")
	config := func(target int) string {
		return env.Config(testAccProvisionBaseConfig(t, service) + fmt.Sprintf(`
resource "fc_provision_config" "prod" {
  service_name  = fc_service.test.name
  qualifier     = fc_alias.prod.name
  function_name = fc_function.test.name
  target        = %d
}

data "fc_function_instances" "prod" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  qualifier     = fc_provision_config.prod.qualifier
  depends_on    = [fc_provision_config.prod]
}

data "fc_function_instances" "canary" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  qualifier     = fc_alias.canary.name
  depends_on    = [fc_provision_config.prod]
}
`, target))
	}
	instance := knownvalue.ObjectExact(map[string]knownvalue.Check{
		"instance_id": knownvalue.StringRegexp(nonEmptyRE),
		"version_id":  knownvalue.StringExact("1"),
	})
	testAccParallel(t, env,
		resource.TestStep{
			Config:           config(2),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.fc_function_instances.prod", tfjsonpath.New("instances"), knownvalue.ListExact([]knownvalue.Check{instance, instance})),
				statecheck.ExpectKnownValue("data.fc_function_instances.prod", tfjsonpath.New("instance_ids"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue("data.fc_function_instances.canary", tfjsonpath.New("instances"), knownvalue.ListSizeExact(0)),
			},
		},
		resource.TestStep{
			Config:           config(3),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.fc_function_instances.prod", tfjsonpath.New("instance_ids"), knownvalue.ListSizeExact(3)),
			},
		},
	)
}
