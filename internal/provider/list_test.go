package provider_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var skipBelowQuery = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)}

// TestAccListResources_filters: the list resources of the types under a
// service or function, with their filters, over objects made by a
// configuration; a full result (include_resource) carries the state; a
// parent that does not exist is an error, and so is a function without its
// service.
func TestAccListResources_filters(t *testing.T) {
	env := acctest.New(t)
	run := acctest.RandomName("tf-acc-ls")
	svcA, svcB, layer := run+"-a", run+"-b", run+"_lib"
	domain := run + ".example.com"
	zip, _ := zipOf(t, testdataDir(t, "hello"))
	code := fmt.Sprintf("zip_file = %q", base64.StdEncoding.EncodeToString(zip))

	config := env.Config(fmt.Sprintf(`
resource "fc_service" "a" {
  name = %[1]q
}

resource "fc_service" "b" {
  name = %[2]q
}

resource "fc_function" "f1" {
  service_name = fc_service.a.name
  name         = "f1"
  runtime      = "python3.10"
  handler      = "index.handler"
  code = {
    %[5]s
  }
}

resource "fc_function" "f2" {
  service_name = fc_service.a.name
  name         = "f2"
  runtime      = "python3.10"
  handler      = "index.handler"
  code = {
    %[5]s
  }
}

resource "fc_function" "g1" {
  service_name = fc_service.b.name
  name         = "g1"
  runtime      = "python3.10"
  handler      = "index.handler"
  code = {
    %[5]s
  }
}

resource "fc_trigger" "t1" {
  service_name  = fc_function.f1.service_name
  function_name = fc_function.f1.name
  name          = "t1"
  type          = "timer"
  timer_config = {
    cron_expression = "@every 10m"
  }
}

resource "fc_trigger" "t2" {
  service_name  = fc_function.f1.service_name
  function_name = fc_function.f1.name
  name          = "t2"
  type          = "timer"
  timer_config = {
    cron_expression = "@every 10m"
  }
}

resource "fc_trigger" "x3" {
  service_name  = fc_function.g1.service_name
  function_name = fc_function.g1.name
  name          = "x3"
  type          = "timer"
  timer_config = {
    cron_expression = "@every 10m"
  }
}

resource "fc_service_version" "v1" {
  service_name = fc_service.a.name
  depends_on   = [fc_function.f1, fc_function.f2]
}

resource "fc_alias" "prod" {
  service_name = fc_service.a.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}

resource "fc_provision_config" "prod" {
  service_name  = fc_service.a.name
  qualifier     = fc_alias.prod.name
  function_name = fc_function.f1.name
  target        = 1
}

resource "fc_function_async_invoke_config" "f1" {
  service_name             = fc_service.a.name
  function_name            = fc_function.f1.name
  max_async_retry_attempts = 2
}

resource "fc_layer_version" "v" {
  count              = 2
  layer_name         = %[3]q
  compatible_runtime = ["python3.10"]
  code = {
    %[5]s
  }
}

resource "fc_custom_domain" "d" {
  domain_name = %[4]q
  route_config = {
    routes = [{
      path          = "/*"
      service_name  = fc_service.a.name
      function_name = fc_function.f1.name
    }]
  }
}
`, svcA, svcB, layer, domain, code))

	exact := knownvalue.StringExact
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   skipBelowQuery,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				// The provider block is the configuration step's.
				Query: true,
				Config: fmt.Sprintf(`
list "fc_service" "run" {
  provider = fc
  config {
    name_prefix = %[1]q
  }
}

list "fc_trigger" "of_f1" {
  provider         = fc
  include_resource = true
  config {
    service_name  = %[2]q
    function_name = "f1"
  }
}

list "fc_trigger" "of_a" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_trigger" "t_prefix" {
  provider = fc
  config {
    name_prefix = "t"
  }
}

list "fc_service_version" "a" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_alias" "a" {
  provider = fc
  config {
    service_name = %[2]q
    name_prefix  = "pr"
  }
}

list "fc_provision_config" "a_prod" {
  provider = fc
  config {
    service_name = %[2]q
    qualifier    = "prod"
  }
}

list "fc_function_async_invoke_config" "a" {
  provider = fc
  config {
    service_name = %[2]q
  }
}

list "fc_layer_version" "by_name" {
  provider = fc
  config {
    layer_name = %[4]q
  }
}

list "fc_layer_version" "by_prefix" {
  provider = fc
  config {
    name_prefix = %[4]q
  }
}

list "fc_custom_domain" "run" {
  provider         = fc
  include_resource = true
  config {
    name_prefix = %[1]q
  }
}
`, run, svcA, svcB, layer),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("fc_service.run", 2),
					querycheck.ExpectLength("fc_trigger.of_f1", 2),
					querycheck.ExpectLength("fc_trigger.of_a", 2),
					// Across every service: this run's t1 and t2, not x3.
					querycheck.ExpectIdentity("fc_trigger.t_prefix", map[string]knownvalue.Check{
						"service_name": exact(svcA), "function_name": exact("f1"), "name": exact("t2"),
					}),
					querycheck.ExpectNoIdentity("fc_trigger.t_prefix", map[string]knownvalue.Check{
						"service_name": exact(svcB), "function_name": exact("g1"), "name": exact("x3"),
					}),
					querycheck.ExpectResourceKnownValues("fc_trigger.of_f1", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"service_name": exact(svcA), "function_name": exact("f1"), "name": exact("t1"),
					}), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("id"), KnownValue: exact(svcA + "/f1/t1")},
						{Path: tfjsonpath.New("type"), KnownValue: exact("timer")},
						{Path: tfjsonpath.New("timer_config").AtMapKey("cron_expression"), KnownValue: exact("@every 10m")},
					}),
					querycheck.ExpectLength("fc_service_version.a", 1),
					querycheck.ExpectIdentity("fc_service_version.a", map[string]knownvalue.Check{
						"service_name": exact(svcA), "version_id": exact("1"),
					}),
					querycheck.ExpectLength("fc_alias.a", 1),
					querycheck.ExpectIdentity("fc_provision_config.a_prod", map[string]knownvalue.Check{
						"service_name": exact(svcA), "qualifier": exact("prod"), "function_name": exact("f1"),
					}),
					querycheck.ExpectLength("fc_provision_config.a_prod", 1),
					querycheck.ExpectIdentity("fc_function_async_invoke_config.a", map[string]knownvalue.Check{
						"service_name": exact(svcA), "function_name": exact("f1"), "qualifier": exact("LATEST"),
					}),
					querycheck.ExpectLength("fc_function_async_invoke_config.a", 1),
					querycheck.ExpectLength("fc_layer_version.by_name", 2),
					querycheck.ExpectIdentity("fc_layer_version.by_name", map[string]knownvalue.Check{
						"layer_name": exact(layer), "version": knownvalue.Int64Exact(2),
					}),
					querycheck.ExpectLength("fc_layer_version.by_prefix", 2),
					querycheck.ExpectResourceKnownValues("fc_custom_domain.run", queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
						"domain_name": exact(domain),
					}), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("protocol"), KnownValue: exact("HTTP")},
						{Path: tfjsonpath.New("route_config").AtMapKey("routes").AtSliceIndex(0).AtMapKey("path"), KnownValue: exact("/*")},
					}),
				},
			},
			{
				Query: true,
				Config: fmt.Sprintf(`
list "fc_function" "missing" {
  provider = fc
  config {
    service_name = "%s-missing"
  }
}
`, run),
				ExpectError: regexp.MustCompile(`Could not list the functions of service "` + run + `-missing"`),
			},
			{
				Query: true,
				Config: `
list "fc_trigger" "no_service" {
  provider = fc
  config {
    function_name = "f1"
  }
}
`,
				ExpectError: regexp.MustCompile(`(?s)Attribute "service_name" must be specified when "function_name" is\s+specified`),
			},
		},
	})
}

// countsAfterQuery is a query check that runs check on the emulator's
// operation counts once the query is done.
type countsAfterQuery struct {
	env   *acctest.Env
	check func(counts map[string]int) error
}

func (c countsAfterQuery) CheckQuery(_ context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	resp.Error = c.check(c.env.Emulator.Counts())
}

// TestAccFunctionListResource_limitStopsPaging: a list block pages through
// ListFunctions (pages of FC's maximum, 100, or of the limit when smaller)
// only until it has its limit of results: 230 functions are 3 pages, of
// which a limit of 110 reads 2 and a limit of 4 one page of 4.
func TestAccFunctionListResource_limitStopsPaging(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts the emulator's requests")
	service := acctest.RandomName("tf-acc-page")
	if _, _, err := env.Client.CreateService(context.Background(), &fc.Service{ServiceName: fc.Ptr(service)}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { deleteServiceAndFunctions(t, env, service) })
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	createFunctionsOutside(t, env, service, 230, func(n int) string { return fmt.Sprintf("fn-%03d", n) }, zip, checksum)

	step := func(name, limit string, results, requests int, last string) resource.TestStep {
		return resource.TestStep{
			PreConfig: env.Emulator.ResetCounts,
			Query:     true,
			Config: env.ProviderConfig + fmt.Sprintf(`
list "fc_function" %q {
  provider = fc
  %s
  config {
    service_name = %q
  }
}
`, name, limit, service),
			QueryResultChecks: []querycheck.QueryResultCheck{
				querycheck.ExpectLength("fc_function."+name, results),
				querycheck.ExpectIdentity("fc_function."+name, map[string]knownvalue.Check{
					"service_name": knownvalue.StringExact(service), "name": knownvalue.StringExact(last),
				}),
				countsAfterQuery{env: env, check: func(counts map[string]int) error {
					if got := counts["ListFunctions"]; got != requests {
						return fmt.Errorf("the query sent ListFunctions %d times, want %d", got, requests)
					}
					return nil
				}},
			},
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   skipBelowQuery,
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step("four", "limit = 4", 4, 1, "fn-003"),
			step("some", "limit = 110", 110, 2, "fn-109"),
			// Terraform's default limit is 100: one page.
			step("default", "", 100, 1, "fn-099"),
			step("all", "limit = 1000", 230, 3, "fn-229"),
		},
	})
}
