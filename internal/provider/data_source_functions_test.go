package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccFunctionsDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service, base := acctest.RandomName("tf-svc"), acctest.RandomName("fn")
	src := testdataDir(t, "hello")
	_, checksum := zipOf(t, src)
	config := env.Config(testAccServiceConfig(service) + fmt.Sprintf(`
resource "fc_function" "test" {
  count        = 3
  service_name = fc_service.test.name
  name         = "%[1]s-${["a1", "a2", "b1"][count.index]}"
  runtime      = "python3.10"
  handler      = "index.handler"
  description  = "function ${["a1", "a2", "b1"][count.index]}"
  code = {
    source_dir = %[2]q
  }
}

data "fc_functions" "all" {
  service_name = fc_service.test.name
  depends_on   = [fc_function.test]
}

data "fc_functions" "a" {
  service_name = fc_service.test.name
  name_prefix  = "%[1]s-a"
  depends_on   = [fc_function.test]
}

data "fc_functions" "none" {
  service_name = fc_service.test.name
  name_prefix  = "nothing-"
  depends_on   = [fc_function.test]
}
`, base, src))

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.fc_functions.all", tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(base + "-a1"), knownvalue.StringExact(base + "-a2"), knownvalue.StringExact(base + "-b1"),
					})),
					statecheck.ExpectKnownValue("data.fc_functions.a", tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact(base + "-a1"), knownvalue.StringExact(base + "-a2"),
					})),
					statecheck.ExpectKnownValue("data.fc_functions.none", tfjsonpath.New("names"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.fc_functions.none", tfjsonpath.New("functions"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.fc_functions.a", tfjsonpath.New("functions").AtSliceIndex(1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"name":          knownvalue.StringExact(base + "-a2"),
						"description":   knownvalue.StringExact("function a2"),
						"runtime":       knownvalue.StringExact("python3.10"),
						"code_checksum": knownvalue.StringExact(checksum),
						"initializer":   knownvalue.Null(),
						"custom_dns":    knownvalue.Null(),
					})),
					statecheck.CompareValuePairs("fc_function.test[2]", tfjsonpath.New("function_id"),
						"data.fc_functions.all", tfjsonpath.New("functions").AtSliceIndex(2).AtMapKey("function_id"), compare.ValuesSame()),
				},
			},
		},
	})
}
