package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccFunctionDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	_, checksum := zipOf(t, src)
	config := env.Config(testAccFunctionConfig(service, name, src, `
  description = "read me"
  memory_size = 256
  environment_variables = {
    A = "1"
  }
  custom_dns = {
    name_servers = ["8.8.8.8"]
  }
`) + `
data "fc_function" "test" {
  service_name = fc_function.test.service_name
  name         = fc_function.test.name
}

data "fc_function" "latest" {
  service_name = fc_function.test.service_name
  name         = fc_function.test.name
  qualifier    = "LATEST"
}
`)
	same := sameAttribute(functionAddr, "data.fc_function.test")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					same("function_id"),
					same("runtime"),
					same("handler"),
					same("memory_size"),
					same("timeout"),
					same("created_time"),
					same("last_modified_time"),
					same("environment_variables"),
					same("custom_dns"),
					same("code_size"),
					statecheck.ExpectKnownValue("data.fc_function.test", tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
					statecheck.ExpectKnownValue("data.fc_function.test", tfjsonpath.New("description"), knownvalue.StringExact("read me")),
					statecheck.ExpectKnownValue("data.fc_function.test", tfjsonpath.New("initializer"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.fc_function.test", tfjsonpath.New("custom_container_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue("data.fc_function.latest", tfjsonpath.New("qualifier"), knownvalue.StringExact("LATEST")),
					statecheck.CompareValuePairs(functionAddr, tfjsonpath.New("function_id"), "data.fc_function.latest", tfjsonpath.New("function_id"), compare.ValuesSame()),
				},
			},
		},
	})
}

func TestAccFunctionDataSource_notFound(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-svc")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccServiceConfig(service) + `
data "fc_function" "test" {
  service_name = fc_service.test.name
  name         = "missing"
}
`),
				ExpectError: expectError(`Error reading FC function`, `Reading function "missing" of service "`+service+`" failed: the service, qualifier or function does not exist`, `FunctionNotFound`),
			},
			{
				Config: env.Config(`
data "fc_function" "test" {
  service_name = "no-such-service"
  name         = "missing"
}
`),
				ExpectError: expectError(`Error reading FC function`, `does not exist`, `ServiceNotFound`),
			},
		},
	})
}

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
