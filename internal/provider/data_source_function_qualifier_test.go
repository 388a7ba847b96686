package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

// TestAccFunctionDataSource_throughAlias publishes version 1 with 128 MB,
// points alias prod at it, then raises LATEST to 256 MB: fc_function and
// fc_functions with qualifier = "prod" read the version's 128 MB (the
// client sends ?qualifier=prod), without a qualifier they read LATEST.
func TestAccFunctionDataSource_throughAlias(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-dsq")
	config := func(memory int) string {
		return env.Config(testAccVersionBaseConfig(t, service, memory) + `
resource "fc_service_version" "v1" {
  service_name = fc_service.test.name
  description  = "published with 128 MB"
  depends_on   = [fc_function.test]
  lifecycle {
    ignore_changes = [description]
  }
}

resource "fc_alias" "prod" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}

data "fc_function" "prod" {
  service_name = fc_alias.prod.service_name
  name         = fc_function.test.name
  qualifier    = fc_alias.prod.name
  depends_on   = [fc_function.test]
}

data "fc_function" "latest" {
  service_name = fc_alias.prod.service_name
  name         = fc_function.test.name
  depends_on   = [fc_function.test]
}

data "fc_functions" "prod" {
  service_name = fc_alias.prod.service_name
  qualifier    = fc_alias.prod.name
  depends_on   = [fc_function.test]
}
`)
	}
	memoryOf := func(addr string, want int64) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("memory_size"), knownvalue.Int64Exact(want))
	}
	listedMemory := func(want int64) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.fc_functions.prod", tfjsonpath.New("functions").AtSliceIndex(0),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":        knownvalue.StringExact("hello"),
				"memory_size": knownvalue.Int64Exact(want),
			}))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(128),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					memoryOf("data.fc_function.prod", 128),
					memoryOf("data.fc_function.latest", 128),
					listedMemory(128),
				},
			},
			{
				Config:           config(256),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					memoryOf("data.fc_function.prod", 128),
					memoryOf("data.fc_function.latest", 256),
					statecheck.ExpectKnownValue("data.fc_function.prod", tfjsonpath.New("qualifier"), knownvalue.StringExact("prod")),
					listedMemory(128),
				},
			},
		},
	})
}
