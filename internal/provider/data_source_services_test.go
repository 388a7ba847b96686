package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccServicesDataSource_namePrefix(t *testing.T) {
	env := acctest.New(t)
	prefix := acctest.RandomName("tf-acc-list")
	// Two services match the prefix, one does not (it only shares the
	// first part of the prefix).
	matchA, matchB, other := prefix+"-a", prefix+"-b", acctest.RandomName("tf-acc-list")
	const dataAddr = "data.fc_services.test"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
resource "fc_service" "b" {
  name        = %[2]q
  description = "second match"
}

resource "fc_service" "a" {
  name        = %[1]q
  description = "first match"
}

resource "fc_service" "other" {
  name = %[3]q
}

data "fc_services" "test" {
  name_prefix = %[4]q
  depends_on  = [fc_service.a, fc_service.b, fc_service.other]
}
`, matchA, matchB, other, prefix)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(matchA),
						knownvalue.StringExact(matchB),
					})),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact(matchA)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(0).AtMapKey("description"), knownvalue.StringExact("first match")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(0).AtMapKey("internet_access"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(0).AtMapKey("log_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(1).AtMapKey("name"), knownvalue.StringExact(matchB)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(1).AtMapKey("description"), knownvalue.StringExact("second match")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services").AtSliceIndex(1).AtMapKey("service_id"), knownvalue.NotNull()),
				},
			},
		},
	})
}

func TestAccServicesDataSource_noMatch(t *testing.T) {
	env := acctest.New(t)
	const dataAddr = "data.fc_services.test"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
data "fc_services" "test" {
  name_prefix = %q
}
`, acctest.RandomName("tf-acc-none"))),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				// No match is an empty list, not an error.
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{})),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("services"), knownvalue.ListExact([]knownvalue.Check{})),
				},
			},
		},
	})
}
