package provider_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

func TestAccServiceVersionsDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-ver")
	const dataAddr = "data.fc_service_versions.test"
	timestamp := knownvalue.StringRegexp(timestampRE)
	base := testAccVersionBaseConfig(t, service, 128)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				// No version yet.
				Config: env.Config(base + `
data "fc_service_versions" "test" {
  service_name = fc_service.test.name
  depends_on   = [fc_function.test]
}
`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("service_name"), knownvalue.StringExact(service)),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("latest_version_id"), knownvalue.Null()),
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("versions"), knownvalue.ListExact([]knownvalue.Check{})),
				},
			},
			{
				Config: env.Config(base + `
resource "fc_service_version" "v1" {
  service_name = fc_service.test.name
  description  = "one"
  depends_on   = [fc_function.test]
}

resource "fc_service_version" "v2" {
  service_name = fc_service.test.name
  depends_on   = [fc_service_version.v1]
}

data "fc_service_versions" "test" {
  service_name = fc_service.test.name
  depends_on   = [fc_service_version.v2]
}
`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("latest_version_id"), knownvalue.StringExact("2")),
					// Newest first.
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("versions"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"version_id":         knownvalue.StringExact("2"),
							"description":        knownvalue.Null(),
							"created_time":       timestamp,
							"last_modified_time": timestamp,
						}),
						knownvalue.ObjectExact(map[string]knownvalue.Check{
							"version_id":         knownvalue.StringExact("1"),
							"description":        knownvalue.StringExact("one"),
							"created_time":       timestamp,
							"last_modified_time": timestamp,
						}),
					})),
				},
			},
		},
	})
}

// TestAccServiceVersionsDataSource_pagination lists more versions than
// one page holds (FC answers at most 100 a page), with a gap: all of them,
// newest first.
func TestAccServiceVersionsDataSource_pagination(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "publishes 130 versions of an unchanged service")
	service := acctest.RandomName("tf-acc-ver")
	const dataAddr = "data.fc_service_versions.test"
	const published, deleted = 130, "77"
	withData := env.Config(testAccServiceConfig(service) + `
data "fc_service_versions" "test" {
  service_name = fc_service.test.name
}
`)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccServiceConfig(service)),
			},
			{
				PreConfig: func() {
					ctx := context.Background()
					for range published {
						if _, err := env.Client.PublishServiceVersion(ctx, service, "", ""); err != nil {
							t.Fatalf("publishing: %v", err)
						}
					}
					if err := env.Client.DeleteServiceVersion(ctx, service, deleted); err != nil {
						t.Fatalf("deleting version %s: %v", deleted, err)
					}
				},
				Config: withData,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(dataAddr, tfjsonpath.New("latest_version_id"), knownvalue.StringExact(fmt.Sprint(published))),
				},
				Check: func(s *terraform.State) error {
					attrs := s.RootModule().Resources[dataAddr].Primary.Attributes
					if got := attrs["versions.#"]; got != fmt.Sprint(published-1) {
						return fmt.Errorf("versions.# = %s, want %d", got, published-1)
					}
					want := published
					for i := range published - 1 {
						if fmt.Sprint(want) == deleted {
							want--
						}
						if got := attrs[fmt.Sprintf("versions.%d.version_id", i)]; got != fmt.Sprint(want) {
							return fmt.Errorf("versions[%d].version_id = %s, want %d", i, got, want)
						}
						want--
					}
					return nil
				},
			},
			{
				// The versions are not Terraform's: delete them so that the
				// service can be destroyed.
				PreConfig: func() {
					for i := 1; i <= published; i++ {
						if id := fmt.Sprint(i); id != deleted {
							if err := env.Client.DeleteServiceVersion(context.Background(), service, id); err != nil {
								t.Fatalf("deleting version %s: %v", id, err)
							}
						}
					}
				},
				Config: env.Config(testAccServiceConfig(service)),
			},
		},
	})
}

func TestAccServiceVersionsDataSource_missingService(t *testing.T) {
	env := acctest.New(t)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
data "fc_service_versions" "test" {
  service_name = "tf-acc-no-such-service"
}
`),
				ExpectError: regexp.MustCompile(`(?s)Error listing FC service versions.*does\s+not\s+exist`),
			},
		},
	})
}
