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
	testAccParallel(t, env, disappearsStep(env.Config(testAccAliasVersionsConfig(t, service)+`
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}
`), aliasAddr, func(ctx context.Context) error { return env.Client.DeleteAlias(ctx, service, "prod", "") }))
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
	testAccParallel(t, env, driftCase{
		config: env.Config(testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v2.version_id
}
`),
		addr: aliasAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateAlias(ctx, service, "prod", &fc.Alias{
				VersionID:               fc.Ptr("1"),
				Description:             fc.Ptr("changed outside Terraform"),
				AdditionalVersionWeight: map[string]float64{"2": 0.5},
			}, "")
			return err
		},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
			plancheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.Null()),
			plancheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.Null()),
		},
		check: testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
			if deref(a.VersionID) != "2" || deref(a.Description) != "" || len(a.AdditionalVersionWeight) != 0 {
				return fmt.Errorf("alias not restored: versionId %q, description %q, weights %v", deref(a.VersionID), deref(a.Description), a.AdditionalVersionWeight)
			}
			return nil
		}),
	}.steps(t)...)
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

	testAccParallel(t, env, staleETagCase{
		first: config("first"), second: config("second"), addr: aliasAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateAlias(ctx, service, "prod", &fc.Alias{Description: fc.Ptr(outside)}, "")
			return err
		},
		wantError: regexp.MustCompile(`(?s)Error updating FC alias.*changed\s+outside\s+Terraform.*PreconditionFailed`),
		survived: func(ctx context.Context) error {
			a, _, err := env.Client.GetAlias(ctx, service, "prod")
			if err == nil && deref(a.Description) != outside {
				err = fmt.Errorf("description after the refused update = %q, want the outside change %q", deref(a.Description), outside)
			}
			return err
		},
		after: expectEmptyPlanAfterApply,
		state: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
		},
	}.steps(t)...)
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
				ExpectError: expectError(`Invalid version ID`, `version_id: "latest" is not a version ID`),
			},
			{
				// FC reads "01" as version 1 and answers "1".
				Config:      config("prod", "01", ""),
				PlanOnly:    true,
				ExpectError: expectError(`Invalid version ID`, `version_id = "01"`, `without leading zeros`),
			},
			{
				Config:      config("prod", "3", `additional_version_weight = { "02" = 0.1 }`),
				PlanOnly:    true,
				ExpectError: expectError(`Invalid version ID`, `The key "02" of additional_version_weight must be a version ID`, `without leading zeros`),
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
				// The advice names what makes Terraform move the alias
				// first: create_before_destroy on the version.
				ExpectError: regexp.MustCompile(`(?s)Error deleting FC service version.*held\s+by\s+alias\s+"holder"\s+\(its\s+version_id\).*` +
					`Move\s+the\s+alias.*lifecycle\s+\{\s+create_before_destroy\s+=\s+true\s+\}.*skip_destroy.*API\s+error:\s+HTTP\s+4\d\d`),
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

// TestAccAliasResource_blueGreen runs a release pipeline. Version "blue"
// serves the alias "prod". A code change is published as version "green",
// which first gets a third of the traffic (a weight keyed by its ID, unknown
// until it is published, and of more precision than a float64), then all of
// it with a canary weight left on blue; then, in one apply, the weights go
// and blue is deleted. The next code change replaces green
// (replace_triggered_by). Triggers on the alias, on a version and on LATEST
// follow. The versions have create_before_destroy, so that Terraform moves
// the alias and the trigger before it deletes the version they held.
func TestAccAliasResource_blueGreen(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-alias"), acctest.RandomName("tf-acc-fn")
	config := func(code string, blue, green bool, aliasVersion, weights, tickVersion string) string {
		cfg := testAccFunctionConfig(service, function, testdataDir(t, code), "")
		if blue {
			cfg += `
resource "fc_service_version" "blue" {
  service_name = fc_service.test.name
  description  = "blue"
  depends_on   = [fc_function.test]
  lifecycle {
    create_before_destroy = true
  }
}
`
		}
		if green {
			cfg += `
resource "fc_service_version" "green" {
  service_name = fc_service.test.name
  description  = "green"
  depends_on   = [fc_function.test]
  lifecycle {
    replace_triggered_by  = [fc_function.test.code_checksum]
    create_before_destroy = true
  }
}
`
		}
		if weights != "" {
			weights = "additional_version_weight = " + weights
		}
		return env.Config(cfg + fmt.Sprintf(`
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.%[1]s.version_id
  %[2]s
}

resource "fc_trigger" "web" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "web"
  type          = "http"
  qualifier     = fc_alias.test.name
  http_config   = { auth_type = "anonymous", methods = ["POST", "GET"] }
}

resource "fc_trigger" "tick" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "tick"
  type          = "timer"
  qualifier     = fc_service_version.%[3]s.version_id
  timer_config  = { cron_expression = "cron(0 */5 * * * *)", payload = jsonencode({ release = %[3]q, n = 1.0 }) }
}

resource "fc_trigger" "latest" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "latest"
  type          = "timer"
  timer_config  = { cron_expression = "@every 5m" }
}
`, aliasVersion, weights, tickVersion))
	}
	alias := func(version string, weights map[string]float64) resource.TestCheckFunc {
		return testAccCheckAliasAPI(env, service, "prod", func(a *fc.Alias) error {
			if deref(a.VersionID) != version || !maps.Equal(a.AdditionalVersionWeight, weights) && len(weights)+len(a.AdditionalVersionWeight) > 0 {
				return fmt.Errorf("alias on FC: version %q, weights %v; want version %q, weights %v", deref(a.VersionID), a.AdditionalVersionWeight, version, weights)
			}
			return nil
		})
	}
	tickOn := func(version string) resource.TestCheckFunc {
		return testAccCheckTriggerAPI(env, service, function, "tick", func(tr *fc.Trigger) error {
			if got := deref(tr.Qualifier); got != version {
				return fmt.Errorf("qualifier %q, want %q", got, version)
			}
			return nil
		})
	}
	webURL := func(qualifier string) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("fc_trigger.web", tfjsonpath.New("url_internet"),
			knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta("/proxy/"+service+"."+qualifier+"/"+function+"/")+`$`)))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:            config("hello", true, false, "blue", "", "blue"),
				ConfigPlanChecks:  expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{webURL("prod")},
				Check:             resource.ComposeAggregateTestCheckFunc(alias("1", nil), tickOn("1")),
			},
			{
				// New code, published as green, which gets a third of the
				// traffic.
				Config: config("hello_v2", true, true, "blue", "{ (fc_service_version.green.version_id) = 1 / 3 }", "blue"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fc_service_version.green", plancheck.ResourceActionCreate),
						plancheck.ExpectResourceAction("fc_service_version.blue", plancheck.ResourceActionNoop),
						plancheck.ExpectResourceAction(aliasAddr, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("fc_service_version.green", tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
					statecheck.ExpectKnownValue(aliasAddr, tfjsonpath.New("additional_version_weight"), knownvalue.MapExact(map[string]knownvalue.Check{
						"2": knownvalue.Float64Exact(1.0 / 3),
					})),
				},
				Check: alias("1", map[string]float64{"2": 1.0 / 3}),
			},
			{
				// Green takes the traffic, 10% stays on blue.
				Config:           config("hello_v2", true, true, "green", "{ (fc_service_version.blue.version_id) = 0.1 }", "green"),
				ConfigPlanChecks: expectActionThenEmptyPlan(aliasAddr, plancheck.ResourceActionUpdate),
				Check:            resource.ComposeAggregateTestCheckFunc(alias("2", map[string]float64{"1": 0.1}), tickOn("2")),
			},
			{
				// The weights go and blue is deleted, in one apply: the
				// alias is updated first.
				Config:           config("hello_v2", false, true, "green", "", "green"),
				ConfigPlanChecks: expectActionThenEmptyPlan("fc_service_version.blue", plancheck.ResourceActionDestroy),
				Check:            resource.ComposeAggregateTestCheckFunc(alias("2", nil), testAccCheckVersionGone(env, service, "1")),
			},
			{
				// The next code change replaces green: the alias and the
				// trigger move to version 3 before version 2 is deleted.
				Config:            config("hello", false, true, "green", "", "green"),
				ConfigPlanChecks:  expectActionThenEmptyPlan("fc_service_version.green", plancheck.ResourceActionCreateBeforeDestroy),
				ConfigStateChecks: []statecheck.StateCheck{webURL("prod")},
				Check: resource.ComposeAggregateTestCheckFunc(alias("3", nil), tickOn("3"),
					testAccCheckVersionGone(env, service, "2")),
			},
			importBlockStep(aliasAddr, service+"/prod"),
			importBlockStep("fc_trigger.tick", service+"/"+function+"/tick"),
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
