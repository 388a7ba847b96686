package provider_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccAliasDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")
	const dataAddr = "data.fc_alias.test"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "test" {
  service_name              = fc_service.test.name
  name                      = "prod"
  version_id                = fc_service_version.v2.version_id
  description               = "canary"
  additional_version_weight = { (fc_service_version.v1.version_id) = 0.25 }
}

resource "fc_alias" "plain" {
  service_name = fc_service.test.name
  name         = "plain"
  version_id   = fc_service_version.v1.version_id
}

data "fc_alias" "test" {
  service_name = fc_alias.test.service_name
  name         = fc_alias.test.name
}

data "fc_alias" "plain" {
  service_name = fc_alias.plain.service_name
  name         = fc_alias.plain.name
}
`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/prod")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("description"), knownvalue.StringExact("canary")),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("additional_version_weight"), knownvalue.MapExact(map[string]knownvalue.Check{
						"1": knownvalue.Float64Exact(0.25),
					})),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue("data.fc_alias.plain", tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue("data.fc_alias.plain", tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.fc_alias.plain", tfjsonpath.New("additional_version_weight"), knownvalue.Null()),
				},
			},
		},
	})
}

func TestAccAliasDataSource_missing(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccServiceConfig(service) + `
data "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "no-such-alias"
}
`),
				ExpectError: regexp.MustCompile(`(?s)Error reading FC alias.*"no-such-alias".*does\s+not\s+exist.*AliasNotFound`),
			},
		},
	})
}
