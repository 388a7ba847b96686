package provider_test

import (
	"context"
	"fmt"
	"regexp"
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

const versionAddr = "fc_service_version.test"

func TestAccServiceVersionResource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-ver")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				PreConfig: resetCountsIfEmulated(env),
				Config: env.Config(testAccVersionBaseConfig(t, service, 128) + `
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  description  = "first release"
  depends_on   = [fc_function.test]
}
`),
				ConfigPlanChecks: expectActionThenEmptyPlan(versionAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/1")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("service_name"), knownvalue.StringExact(service)),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("description"), knownvalue.StringExact("first release")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(timestampRE)),
				},
				Check: resource.ComposeTestCheckFunc(
					// The create is the publish alone: no read after it.
					// (First: the test's own reads count too.)
					testAccCheckRequestCounts(env, map[string]int{"PublishServiceVersion": 1, "ListServiceVersions": 0}),
					testAccCheckVersionAPI(env, service, "1", func(v *fc.Version) error {
						if got := deref(v.Description); got != "first release" {
							return fmt.Errorf("description of the version = %q", got)
						}
						return nil
					}),
				),
			},
			{
				ResourceName:      versionAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			importBlockStep(versionAddr, service+"/1"),
			{
				ResourceName:  versionAddr,
				ImportState:   true,
				ImportStateId: service,
				ExpectError:   regexp.MustCompile(`expected SERVICE/VERSION, got`),
			},
			{
				ResourceName:  versionAddr,
				ImportState:   true,
				ImportStateId: service + "/01",
				ExpectError:   expectError(`expected SERVICE/VERSION, got "`+service+`/01": VERSION "01" is not a version ID`, `without leading zeros`),
			},
		},
	})
}

func TestAccServiceVersionResource_replace(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-ver")
	config := func(description string) string {
		return env.Config(testAccVersionBaseConfig(t, service, 128) + fmt.Sprintf(`
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  description  = %q
  depends_on   = [fc_function.test]
}
`, description))
	}
	differentVersion := statecheck.CompareValue(compare.ValuesDiffer())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("first"),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					differentVersion.AddStateValue(versionAddr, tfjsonpath.New("version_id")),
				},
			},
			{
				// Versions are immutable: a new description publishes a new
				// version and deletes the old one.
				Config:           config("second"),
				ConfigPlanChecks: expectActionThenEmptyPlan(versionAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					differentVersion.AddStateValue(versionAddr, tfjsonpath.New("version_id")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("2")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/2")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckVersionGone(env, service, "1"),
					testAccCheckVersionAPI(env, service, "2", func(v *fc.Version) error {
						if got := deref(v.Description); got != "second" {
							return fmt.Errorf("description of version 2 = %q", got)
						}
						return nil
					}),
				),
			},
		},
	})
}

// TestAccServiceVersionResource_skipDestroy turns skip_destroy on (an
// update of the state only), then removes the resource: the version stays
// in FC.
func TestAccServiceVersionResource_skipDestroy(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-ver")
	base := testAccVersionBaseConfig(t, service, 128)
	config := func(skipDestroy string) string {
		return env.Config(base + fmt.Sprintf(`
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  %s
  depends_on   = [fc_function.test]
}
`, skipDestroy))
	}
	sameCreatedTime := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(`skip_destroy = false`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					sameCreatedTime.AddStateValue(versionAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(false)),
				},
			},
			// Imported with an import block, with skip_destroy = false
			// written: the import plans no change (skip_destroy defaults to
			// false, and the import says so).
			importBlockStep(versionAddr, service+"/1"),
			{
				PreConfig: resetCountsIfEmulated(env),
				Config:    config(`skip_destroy = true`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(versionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(versionAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameCreatedTime.AddStateValue(versionAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(versionAddr, tfjsonpath.New("version_id"), knownvalue.StringExact("1")),
				},
				// The update touched only the state.
				Check: testAccCheckRequestCounts(env, map[string]int{"PublishServiceVersion": 0, "DeleteServiceVersion": 0}),
			},
			{
				// Removed from the configuration: destroyed in Terraform only.
				Config:           env.Config(base),
				ConfigPlanChecks: expectActionThenEmptyPlan(versionAddr, plancheck.ResourceActionDestroy),
				Check:            testAccCheckVersionAPI(env, service, "1", func(*fc.Version) error { return nil }),
			},
			{
				// FC refuses to delete a service that still has versions:
				// delete the kept version so that the destroy can succeed.
				PreConfig: func() {
					if err := env.Client.DeleteServiceVersion(context.Background(), service, "1"); err != nil {
						t.Fatalf("deleting the kept version: %v", err)
					}
				},
				Config:           env.Config(base),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
		},
	})
}

func TestAccServiceVersionResource_disappears(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-ver")
	// The next plan publishes it again.
	testAccParallel(t, env, disappearsStep(env.Config(testAccVersionBaseConfig(t, service, 128)+`
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  depends_on   = [fc_function.test]
}
`), versionAddr, func(ctx context.Context) error { return env.Client.DeleteServiceVersion(ctx, service, "1") }))
}

// TestAccServiceVersionResource_snapshot publishes version 1, then changes
// the function: version 1 keeps the configuration it was published with,
// LATEST has the new one, and the version resource does not change.
func TestAccServiceVersionResource_snapshot(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-ver")
	config := func(memory int) string {
		return env.Config(testAccVersionBaseConfig(t, service, memory) + `
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  description  = "published with 128 MB"
  depends_on   = [fc_function.test]
}
`)
	}
	sameVersion := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(128),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					sameVersion.AddStateValue(versionAddr, tfjsonpath.New("version_id")),
				},
			},
			{
				Config: config(256),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fc_function.test", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(versionAddr, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameVersion.AddStateValue(versionAddr, tfjsonpath.New("version_id")),
				},
				Check: func(s *terraform.State) error {
					versionID, err := stateAttribute(s, versionAddr, "version_id")
					if err != nil {
						return err
					}
					for qualifier, want := range map[string]int64{versionID: 128, "LATEST": 256, "": 256} {
						f, _, err := env.Client.GetFunction(context.Background(), service, qualifier, "hello")
						if err != nil {
							return fmt.Errorf("reading function hello at qualifier %q: %w", qualifier, err)
						}
						if f.MemorySize == nil || *f.MemorySize != want {
							return fmt.Errorf("memory of function hello at qualifier %q = %v, want %d", qualifier, f.MemorySize, want)
						}
					}
					return nil
				},
			},
		},
	})
}

// ---------------------------------------------------------------------------
// helpers

// testAccCheckVersionAPI reads a version with the test's own client and
// runs check on it.
func testAccCheckVersionAPI(env *acctest.Env, service, versionID string, check func(*fc.Version) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		v, err := env.Client.GetServiceVersion(context.Background(), service, versionID)
		if err != nil {
			return fmt.Errorf("reading version %s of service %q: %w", versionID, service, err)
		}
		return check(v)
	}
}

// testAccCheckVersionGone checks that a version no longer exists.
func testAccCheckVersionGone(env *acctest.Env, service, versionID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		_, err := env.Client.GetServiceVersion(context.Background(), service, versionID)
		if !fc.IsNotFound(err) {
			return fmt.Errorf("version %s of service %q still exists (err %v)", versionID, service, err)
		}
		return nil
	}
}

// stateAttribute returns an attribute of a resource in the state.
func stateAttribute(s *terraform.State, addr, name string) (string, error) {
	rs, ok := s.RootModule().Resources[addr]
	if !ok {
		return "", fmt.Errorf("%s is not in the state", addr)
	}
	v, ok := rs.Primary.Attributes[name]
	if !ok {
		return "", fmt.Errorf("%s has no attribute %q in the state", addr, name)
	}
	return v, nil
}

// importBlockStep imports the resource at addr with an import block and
// the previous step's configuration: the plan must be a no-op import (no
// update after the import, which the import command does not check).
func importBlockStep(addr, id string) resource.TestStep {
	return resource.TestStep{
		ResourceName:    addr,
		ImportState:     true,
		ImportStateKind: resource.ImportBlockWithID,
		ImportStateId:   id,
	}
}
