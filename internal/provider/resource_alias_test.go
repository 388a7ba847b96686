package provider_test

import (
	"context"
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const aliasAddr = "fc_alias.test"

// testAccAliasVersionsConfig declares a service, a function and two
// versions, v1 and v2 (published in that order), for aliases to point at.
func testAccAliasVersionsConfig(t *testing.T, service string) string {
	t.Helper()
	return testAccVersionBaseConfig(t, service, 128) + `
resource "fc_service_version" "v1" {
  service_name = fc_service.test.name
  description  = "v1"
  depends_on   = [fc_function.test]
}

resource "fc_service_version" "v2" {
  service_name = fc_service.test.name
  description  = "v2"
  depends_on   = [fc_service_version.v1]
}
`
}

func TestAccAliasResource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				PreConfig: resetCountsIfEmulated(env),
				Config: env.Config(testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
  description  = "production traffic"
}
`),
				ConfigPlanChecks: expectActionThenEmptyPlan(aliasAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/prod")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("service_name"), knownvalue.StringExact(service)),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("name"), knownvalue.StringExact("prod")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.StringExact("production traffic")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.Null()),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(timestampRE)),
				},
				Check: resource.ComposeTestCheckFunc(
					// The create is one request, with no read after it (first:
					// the test's own reads count too).
					testAccCheckRequestCounts(env, map[string]int{"CreateAlias": 1, "GetAlias": 0}),
					testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
						if deref(a.VersionID) != "1" || deref(a.Description) != "production traffic" || len(a.AdditionalVersionWeight) != 0 {
							return fmt.Errorf("alias on FC: versionId %q, description %q, weights %v", deref(a.VersionID), deref(a.Description), a.AdditionalVersionWeight)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:      aliasAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:  aliasAddr,
				ImportState:   true,
				ImportStateId: service + "/prod/extra",
				ExpectError:   regexp.MustCompile(`expected SERVICE/ALIAS, got`),
			},
		},
	})
}

func TestAccAliasResource_update(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")
	config := func(version, description string) string {
		return env.Config(testAccAliasVersionsConfig(t, service) + fmt.Sprintf(`
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.%s.version_id
  %s
}
`, version, description))
	}
	sameCreatedTime := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("v1", `description = "first"`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					sameCreatedTime.AddStateValue(aliasAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
				},
			},
			{
				// Version and description change in place.
				Config:           config("v2", `description = "second"`),
				ConfigPlanChecks: expectActionThenEmptyPlan(aliasAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameCreatedTime.AddStateValue(aliasAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
				},
				Check: testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
					if deref(a.VersionID) != "2" || deref(a.Description) != "second" {
						return fmt.Errorf("alias on FC: versionId %q, description %q", deref(a.VersionID), deref(a.Description))
					}
					return nil
				}),
			},
			{
				// Removing the description clears it.
				Config:           config("v2", ""),
				ConfigPlanChecks: expectActionThenEmptyPlan(aliasAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameCreatedTime.AddStateValue(aliasAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.Null()),
				},
				Check: testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
					if got := deref(a.Description); got != "" {
						return fmt.Errorf("description not cleared on FC: %q", got)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccAliasResource_replace(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")
	config := func(name string) string {
		return env.Config(testAccAliasVersionsConfig(t, service) + fmt.Sprintf(`
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = %q
  version_id   = fc_service_version.v1.version_id
}
`, name))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("blue"),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
			{
				Config:           config("green"),
				ConfigPlanChecks: expectActionThenEmptyPlan(aliasAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/green")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAliasAPI(env, service, "green", func(*fc.Alias) error { return nil }),
					func(*terraform.State) error {
						_, _, err := env.Client.GetAlias(context.Background(), service, "blue")
						if !fc.IsNotFound(err) {
							return fmt.Errorf("the alias under the old name still exists (err %v)", err)
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccAliasResource_disappears(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}
`),
				Check: func(*terraform.State) error {
					return env.Client.DeleteAlias(context.Background(), service, "prod", "")
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectResourceAction(aliasAddr, plancheck.ResourceActionCreate)},
				},
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// TestAccAliasResource_canary shifts an alias from version 1 to version 2
// through a canary phase, then removes the canary weights.
func TestAccAliasResource_canary(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")
	config := func(version, extra string) string {
		return env.Config(testAccAliasVersionsConfig(t, service) + fmt.Sprintf(`
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.%s.version_id
  %s
}
`, version, extra))
	}
	expectWeights := func(want map[string]float64) resource.TestCheckFunc {
		return testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
			if !maps.Equal(a.AdditionalVersionWeight, want) && (len(want) != 0 || len(a.AdditionalVersionWeight) != 0) {
				return fmt.Errorf("weights on FC = %v, want %v", a.AdditionalVersionWeight, want)
			}
			return nil
		})
	}
	updated := expectActionThenEmptyPlan(aliasAddr, plancheck.ResourceActionUpdate)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("v1", ""),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.Null()),
				},
				Check: expectWeights(nil),
			},
			{
				// Version 2 takes the traffic, 20% stays on version 1.
				Config:           config("v2", `additional_version_weight = { (fc_service_version.v1.version_id) = 0.2 }`),
				ConfigPlanChecks: updated,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.MapExact(map[string]knownvalue.Check{
						"1": knownvalue.Float64Exact(0.2),
					})),
				},
				Check: expectWeights(map[string]float64{"1": 0.2}),
			},
			{
				// A weight changes in place; a literal key works as well.
				Config:           config("v2", `additional_version_weight = { "1" = 0.05 }`),
				ConfigPlanChecks: updated,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.MapExact(map[string]knownvalue.Check{
						"1": knownvalue.Float64Exact(0.05),
					})),
				},
				Check: expectWeights(map[string]float64{"1": 0.05}),
			},
			{
				// Removing the weights clears them on FC.
				Config:           config("v2", ""),
				ConfigPlanChecks: updated,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.Null()),
				},
				Check: expectWeights(nil),
			},
			{
				// {} written: no weights, and no diff between {} and what FC
				// returns.
				Config:           config("v2", `additional_version_weight = {}`),
				ConfigPlanChecks: updated,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.MapExact(map[string]knownvalue.Check{})),
				},
				Check: expectWeights(nil),
			},
		},
	})
}

// TestAccAliasResource_drift changes the alias outside Terraform: the plan
// restores it.
func TestAccAliasResource_drift(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")
	config := env.Config(testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v2.version_id
}
`)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
			{
				PreConfig: func() {
					_, _, err := env.Client.UpdateAlias(context.Background(), service, "prod", &fc.Alias{
						VersionID:               fc.Ptr("1"),
						Description:             fc.Ptr("changed outside Terraform"),
						AdditionalVersionWeight: map[string]float64{"2": 0.5},
					}, "")
					if err != nil {
						t.Fatalf("changing the alias outside Terraform: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(aliasAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
						plancheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.Null()),
						plancheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.Null()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
					if deref(a.VersionID) != "2" || deref(a.Description) != "" || len(a.AdditionalVersionWeight) != 0 {
						return fmt.Errorf("alias not restored: versionId %q, description %q, weights %v", deref(a.VersionID), deref(a.Description), a.AdditionalVersionWeight)
					}
					return nil
				}),
			},
		},
	})
}

// TestAccAliasResource_staleETag changes the alias between the plan and the
// apply: the update carries the ETag of the refresh in If-Match, FC refuses
// it, and the outside change survives.
func TestAccAliasResource_staleETag(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "FC's answer to a stale If-Match is undocumented (fc-api.md section 5); the emulator answers 412")
	service := acctest.RandomName("tf-acc-alias")
	config := func(description string) string {
		return env.Config(testAccAliasVersionsConfig(t, service) + fmt.Sprintf(`
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
  description  = %q
}
`, description))
	}
	const outside = "changed between plan and apply"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("first"),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
			{
				Config: config("second"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(aliasAddr, plancheck.ResourceActionUpdate),
						runBeforeApply(func() error {
							_, _, err := env.Client.UpdateAlias(context.Background(), service, "prod",
								&fc.Alias{Description: fc.Ptr(outside)}, "")
							return err
						}),
					},
				},
				ExpectError: regexp.MustCompile(`(?s)Error updating FC alias.*changed\s+outside\s+Terraform.*PreconditionFailed`),
			},
			{
				PreConfig: func() {
					a, _, err := env.Client.GetAlias(context.Background(), service, "prod")
					if err != nil {
						t.Fatalf("reading the alias: %v", err)
					}
					if got := deref(a.Description); got != outside {
						t.Fatalf("description after the refused update = %q, want the outside change %q", got, outside)
					}
				},
				Config:           config("second"),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
				},
			},
		},
	})
}

func TestAccAliasResource_validation(t *testing.T) {
	env := acctest.New(t)
	config := func(name, versionID, extra string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_alias" "test" {
  service_name = "tf-acc-alias-validation"
  name         = %q
  version_id   = %q
  %s
}
`, name, versionID, extra))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:      config("prod", "2", `additional_version_weight = { "1" = 1.5 }`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid version weight.*additional_version_weight.*"1"\s+is\s+1\.5`),
			},
			{
				Config:      config("prod", "3", `additional_version_weight = { "1" = 0.6, "2" = 0.6 }`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid version weights.*sum\s+to\s+1\.2`),
			},
			{
				Config:      config("prod", "2", `additional_version_weight = { "2" = 0.1 }`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid version weight.*additional_version_weight.*"2"\s+is\s+the\s+alias's\s+version_id`),
			},
			{
				Config:      config("prod", "2", `additional_version_weight = { "v1" = 0.1 }`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid version ID.*"v1"`),
			},
			{
				Config:      config("LATEST", "1", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Reserved Attribute Value.*LATEST`),
			},
			{
				Config:      config("1-starts-with-a-digit", "1", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Invalid alias name`),
			},
			{
				Config:      config("a"+strings.Repeat("b", 128), "1", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid alias name.*129\s+characters`),
			},
			{
				Config:      config("prod", "latest", ""),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)version_id.*must\s+be\s+a\s+version\s+ID`),
			},
		},
	})
}

// TestAccAliasResource_versionHeldByAlias removes a version from the
// configuration while an alias (referring to it by a literal ID, so
// Terraform does not know to move it first) still points at it: the
// destroy fails with an error naming the alias and what to do.
func TestAccAliasResource_versionHeldByAlias(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-alias")
	base := testAccVersionBaseConfig(t, service, 128)
	withVersion := env.Config(base + `
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  depends_on   = [fc_function.test]
}

resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "holder"
  version_id   = fc_service_version.test.version_id
}
`)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           withVersion,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
				},
			},
			{
				Config: env.Config(base + `
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "holder"
  version_id   = "1"
}
`),
				ExpectError: regexp.MustCompile(`(?s)Error deleting FC service version.*held\s+by\s+alias\s+"holder"\s+\(its\s+version_id\).*` +
					`Move\s+the\s+alias.*skip_destroy.*API\s+error:\s+HTTP\s+4\d\d`),
			},
			{
				// The version survived the refused delete; back to the first
				// configuration, which the destroy can undo in order.
				PreConfig: func() {
					if _, err := env.Client.GetServiceVersion(context.Background(), service, "1"); err != nil {
						t.Fatalf("version 1 after the refused delete: %v", err)
					}
				},
				Config:           withVersion,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
		},
	})
}

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

// ---------------------------------------------------------------------------
// helpers

// testAccCheckAliasAPI reads an alias with the test's own client and runs
// check on it.
func testAccCheckAliasAPI(env *acctest.Env, service, name string, check func(*fc.Alias) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a, _, err := env.Client.GetAlias(context.Background(), service, name)
		if err != nil {
			return fmt.Errorf("reading alias %q of service %q: %w", name, service, err)
		}
		return check(a)
	}
}
