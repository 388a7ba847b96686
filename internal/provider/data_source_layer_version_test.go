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

// testAccTwoLayerVersions is versions 1 ("one") and 2 (no description) of
// a layer, published in that order.
func testAccTwoLayerVersions(t *testing.T, name string) string {
	t.Helper()
	return fmt.Sprintf(`
resource "fc_layer_version" "v1" {
  layer_name         = %[1]q
  description        = "one"
  compatible_runtime = ["python3.10"]
  code = {
    source_dir = %[2]q
  }
}

resource "fc_layer_version" "v2" {
  layer_name         = %[1]q
  compatible_runtime = ["python3.10", "python3.9"]
  code = {
    source_dir = %[2]q
  }
  depends_on = [fc_layer_version.v1]
}
`, name, testdataDir(t, "hello"))
}

func TestAccLayerVersionDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-layer")
	const latest, first = "data.fc_layer_version.latest", "data.fc_layer_version.first"
	same := sameAttribute("fc_layer_version.v2", latest)

	testAccParallel(t, env,
		resource.TestStep{
			Config: env.Config(testAccTwoLayerVersions(t, name) + `
data "fc_layer_version" "latest" {
  layer_name = fc_layer_version.v2.layer_name
  depends_on = [fc_layer_version.v2]
}

data "fc_layer_version" "first" {
  layer_name = fc_layer_version.v1.layer_name
  version    = fc_layer_version.v1.version
}
`),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				// Without a version: the newest.
				statecheck.ExpectKnownValue(latest, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(latest, tfjsonpath.New("id"), knownvalue.StringExact(name+"/2")),
				statecheck.ExpectKnownValue(latest, tfjsonpath.New("description"), knownvalue.Null()),
				same("arn"), same("arn_v2"), same("code_checksum"), same("code_size"), same("compatible_runtime"),
				same("create_time"), same("acl"),
				// A given version.
				statecheck.ExpectKnownValue(first, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(first, tfjsonpath.New("description"), knownvalue.StringExact("one")),
				statecheck.ExpectKnownValue(first, tfjsonpath.New("arn"), knownvalue.StringRegexp(layerARNRE(name, 1))),
				statecheck.ExpectKnownValue(first, tfjsonpath.New("compatible_runtime"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("python3.10"),
				})),
			},
		},
	)
}

func TestAccLayerVersionDataSource_missing(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-none")
	testAccParallel(t, env,
		resource.TestStep{
			Config: env.Config(fmt.Sprintf(`
data "fc_layer_version" "test" {
  layer_name = %q
}
`, name)),
			ExpectError: expectError("Error reading FC layer version", fmt.Sprintf("Layer %q has no version", name)),
		},
		resource.TestStep{
			Config: env.Config(fmt.Sprintf(`
data "fc_layer_version" "test" {
  layer_name = %q
  version    = 3
}
`, name)),
			ExpectError: expectError(fmt.Sprintf("Version 3 of layer %q does not exist", name)),
		},
		resource.TestStep{
			Config: env.Config(`
data "fc_layer_version" "test" {
  layer_name = "ok"
  version    = 0
}
`),
			PlanOnly:    true,
			ExpectError: expectError("version", "at least 1"),
		},
	)
}
