package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccServiceDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	const dataAddr = "data.fc_service.test"

	same := sameAttribute(serviceAddr, dataAddr)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name            = %q
  description     = "read by the data source"
  internet_access = false

  log_config = {
    project  = "tf-acc-project"
    logstore = "tf-acc-logstore"
  }

  tracing_config = {
    type   = "Jaeger"
    params = { endpoint = "http://tracing" }
  }
}

data "fc_service" "test" {
  name = fc_service.test.name
}
`, name)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("description"), knownvalue.StringExact("read by the data source")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("role"), knownvalue.Null()),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("log_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"project":                 knownvalue.StringExact("tf-acc-project"),
						"logstore":                knownvalue.StringExact("tf-acc-logstore"),
						"enable_request_metrics":  knownvalue.Bool(false),
						"enable_instance_metrics": knownvalue.Bool(false),
						"log_begin_rule":          knownvalue.StringExact("None"), // the resource's default, sent to FC
					})),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("tracing_config").AtMapKey("params").AtMapKey("endpoint"), knownvalue.StringExact("http://tracing")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("nas_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("oss_mount_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("vpc_config"), knownvalue.Null()),
					same("service_id"),
					same("created_time"),
					same("last_modified_time"),
					same("log_config"),
					same("tracing_config"),
				},
			},
		},
	})
}

func TestAccServiceDataSource_notFound(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-missing")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
data "fc_service" "test" {
  name = %q
}
`, name)),
				// An error, not an empty result: the service must exist.
				ExpectError: regexp.MustCompile(`(?s)Error reading FC service.*` + regexp.QuoteMeta(name) + `.*does\s+not\s+exist.*ServiceNotFound`),
			},
		},
	})
}
