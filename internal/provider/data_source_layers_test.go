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

func TestAccLayersDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	prefix := acctest.RandomName("tf-layers")
	const all, some = "data.fc_layers.all", "data.fc_layers.some"

	testAccParallel(t, env,
		resource.TestStep{
			Config: env.Config(testAccTwoLayerVersions(t, prefix+"-a") + fmt.Sprintf(`
resource "fc_layer_version" "b" {
  layer_name         = "%[1]s-b"
  description        = "b"
  compatible_runtime = ["nodejs18"]
  code = {
    source_dir = %[2]q
  }
}

data "fc_layers" "all" {
  name_prefix = %[1]q
  depends_on  = [fc_layer_version.v2, fc_layer_version.b]
}

data "fc_layers" "some" {
  name_prefix = "%[1]s-b"
  depends_on  = [fc_layer_version.v2, fc_layer_version.b]
}
`, prefix, testdataDir(t, "hello"))),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(all, tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(prefix + "-a"), knownvalue.StringExact(prefix + "-b"),
				})),
				// Each layer as its newest version.
				statecheck.ExpectKnownValue(all, tfjsonpath.New("layers").AtSliceIndex(0).AtMapKey("version"), knownvalue.Int64Exact(2)),
				statecheck.CompareValuePairs(all, tfjsonpath.New("layers").AtSliceIndex(0).AtMapKey("arn"),
					"fc_layer_version.v2", tfjsonpath.New("arn"), compare.ValuesSame()),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("layers").AtSliceIndex(0).AtMapKey("description"), knownvalue.Null()),
				statecheck.ExpectKnownValue(all, tfjsonpath.New("layers").AtSliceIndex(1), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"layer_name":         knownvalue.StringExact(prefix + "-b"),
					"version":            knownvalue.Int64Exact(1),
					"description":        knownvalue.StringExact("b"),
					"compatible_runtime": knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("nodejs18")}),
					"acl":                knownvalue.Int64Exact(0),
					"code_checksum":      knownvalue.NotNull(),
					"create_time":        knownvalue.StringRegexp(timestampRE),
				})),
				statecheck.ExpectKnownValue(some, tfjsonpath.New("names"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(prefix + "-b"),
				})),
			},
		},
	)
}
