package provider_test

// The Terraform-driven tests of fc_service's tags, tags_all and the
// provider's default_tags (tags.go).

import (
	"context"
	"fmt"
	"maps"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// hclMap renders a map of strings as an HCL object.
func hclMap(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("{")
	for _, k := range keys {
		fmt.Fprintf(&b, "\n    %q = %q", k, m[k])
	}
	b.WriteString("\n  }")
	return b.String()
}

// testAccTaggedServiceConfig is fc_service.test with tags (none when nil).
func testAccTaggedServiceConfig(name string, tags map[string]string) string {
	extra := ""
	if tags != nil {
		extra = "  tags = " + hclMap(tags) + "\n"
	}
	return fmt.Sprintf(`
resource "fc_service" "test" {
  name = %q
%s}
`, name, extra)
}

// withDefaultTags adds default_tags to the provider block of env.
func withDefaultTags(env *acctest.Env, tags map[string]string) string {
	return strings.Replace(env.ProviderConfig, `provider "fc" {`, "provider \"fc\" {\n  default_tags = "+hclMap(tags)+"\n", 1)
}

// knownTags is a state check value for a map of tags.
func knownTags(tags map[string]string) knownvalue.Check {
	checks := make(map[string]knownvalue.Check, len(tags))
	for k, v := range tags {
		checks[k] = knownvalue.StringExact(v)
	}
	return knownvalue.MapExact(checks)
}

// testAccCheckServiceTags checks the tags FC holds for a service.
func testAccCheckServiceTags(env *acctest.Env, name string, want map[string]string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := env.Client.GetResourceTags(context.Background(), serviceARN(env, name))
		if err != nil {
			return fmt.Errorf("reading the tags of service %q: %w", name, err)
		}
		if !maps.Equal(got, want) {
			return fmt.Errorf("tags of service %q in FC: %v, want %v", name, got, want)
		}
		return nil
	}
}

func serviceARN(env *acctest.Env, name string) string {
	return fc.ServiceARN(acctest.Region, acctest.AccountID, name)
}

// TestAccServiceResource_tags adds tags, changes and adds some, removes one,
// then removes them all; each apply makes only the tag calls the change
// needs, and none of UpdateService.
func TestAccServiceResource_tags(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	name := acctest.RandomName("tf-acc-svc")
	config := func(tags map[string]string) string { return env.Config(testAccTaggedServiceConfig(name, tags)) }
	step := func(tags map[string]string, counts map[string]int, fcTags map[string]string, tagsState knownvalue.Check) resource.TestStep {
		return resource.TestStep{
			PreConfig: env.Emulator.ResetCounts,
			Config:    config(tags),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags"), tagsState),
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(fcTags)),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckRequestCounts(env, counts),
				testAccCheckServiceTags(env, name, fcTags),
			),
		}
	}
	first := map[string]string{"a": "1", "b": "2", "empty": ""}
	second := map[string]string{"a": "1", "b": "3", "c": "4", "empty": ""}
	third := map[string]string{"b": "3", "c": "4", "empty": ""}

	testAccParallel(t, env,
		// Created with tags: CreateService, then one TagResource.
		step(first, map[string]int{"CreateService": 1, "TagResource": 1, "UntagResource": 0, "GetResourceTags": 0}, first, knownTags(first)),
		resource.TestStep{
			ResourceName:      serviceAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		// One changed, one added: one TagResource with those two; the
		// refresh before the plan reads the service and its tags.
		step(second, map[string]int{"GetService": 1, "GetResourceTags": 1, "TagResource": 1, "UntagResource": 0, "UpdateService": 0}, second, knownTags(second)),
		// One removed: one UntagResource, no TagResource.
		step(third, map[string]int{"TagResource": 0, "UntagResource": 1, "UpdateService": 0}, third, knownTags(third)),
		// All removed: one UntagResource; tags null, tags_all empty.
		step(nil, map[string]int{"TagResource": 0, "UntagResource": 1, "UpdateService": 0}, map[string]string{}, knownvalue.Null()),
		// Without tags a refresh is GetService alone again.
		resource.TestStep{
			PreConfig:        env.Emulator.ResetCounts,
			Config:           config(nil),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			Check:            testAccCheckRequestCounts(env, map[string]int{"GetService": 1, "GetResourceTags": 0, "TagResource": 0, "UntagResource": 0}),
		},
		// tags = {} is kept as {}, with nothing to send.
		step(map[string]string{}, map[string]int{"TagResource": 0, "UntagResource": 0, "UpdateService": 0}, map[string]string{}, knownTags(map[string]string{})),
	)
}

// TestAccServiceResource_tagsWithArguments changes tags and another
// argument at once: one UpdateService and the tag call.
func TestAccServiceResource_tagsWithArguments(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	name := acctest.RandomName("tf-acc-svc")
	config := func(description string, tags map[string]string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name        = %q
  description = %q
  tags        = %s
}
`, name, description, hclMap(tags)))
	}

	testAccParallel(t, env,
		resource.TestStep{Config: config("one", map[string]string{"a": "1"}), ConfigPlanChecks: expectEmptyPlanAfterApply},
		resource.TestStep{
			PreConfig:        env.Emulator.ResetCounts,
			Config:           config("two", map[string]string{"a": "2"}),
			ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
			Check: resource.ComposeTestCheckFunc(
				testAccCheckRequestCounts(env, map[string]int{"UpdateService": 1, "TagResource": 1, "UntagResource": 0}),
				testAccCheckServiceTags(env, name, map[string]string{"a": "2"}),
				testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
					if deref(s.Description) != "two" {
						return fmt.Errorf("description %q", deref(s.Description))
					}
					return nil
				}),
			),
		},
	)
}

// TestAccServiceResource_tagsDrift: a tag changed, one removed and one
// added outside Terraform show as a change of tags; the apply puts the
// configured tags back.
func TestAccServiceResource_tagsDrift(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	tags := map[string]string{"a": "1", "b": "2"}

	testAccParallel(t, env, driftCase{
		config: env.Config(testAccTaggedServiceConfig(name, tags)),
		addr:   serviceAddr,
		change: func(ctx context.Context) error {
			arn := serviceARN(env, name)
			if err := env.Client.TagResource(ctx, arn, map[string]string{"a": "changed", "outside": "x"}); err != nil {
				return err
			}
			return env.Client.UntagResource(ctx, arn, []string{"b"}, false)
		},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags"), knownTags(tags)),
		},
		state: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags"), knownTags(tags)),
			statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(tags)),
		},
		check: testAccCheckServiceTags(env, name, tags),
	}.steps(t)...)
}

// TestAccServiceResource_defaultTags merges the provider's default_tags
// into tags_all (the resource's tags win), reads back only the resource's
// own tags into tags, and follows a change of default_tags and a default
// tag removed outside Terraform.
func TestAccServiceResource_defaultTags(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	defaults := map[string]string{"env": "test", "team": "platform"}
	own := map[string]string{"team": "payments", "owner": "alice", "env": "test"}
	merged := map[string]string{"env": "test", "team": "payments", "owner": "alice"}
	config := func(defaults, tags map[string]string) string {
		return withDefaultTags(env, defaults) + testAccTaggedServiceConfig(name, tags)
	}

	testAccParallel(t, env,
		resource.TestStep{
			Config:           config(defaults, own),
			ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				// "env" is a default tag with its default value, and also
				// the resource's own: kept in tags.
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags"), knownTags(own)),
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(merged)),
			},
			Check: testAccCheckServiceTags(env, name, merged),
		},
		resource.TestStep{
			ResourceName:      serviceAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// An import cannot tell the resource's own "env" from the
			// default one: it reads it as a default tag.
			ImportStateVerifyIgnore: []string{"tags.%", "tags.env"},
		},
		resource.TestStep{
			// Without tags of its own, the service carries the defaults.
			Config: config(defaults, nil),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(serviceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(defaults)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags"), knownvalue.Null()),
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(defaults)),
			},
			Check: testAccCheckServiceTags(env, name, defaults),
		},
		resource.TestStep{
			// A default tag removed outside Terraform: the plan puts it back.
			PreConfig: func() {
				if err := env.Client.UntagResource(context.Background(), serviceARN(env, name), []string{"team"}, false); err != nil {
					t.Fatal(err)
				}
			},
			Config: config(defaults, nil),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(serviceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(defaults)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: testAccCheckServiceTags(env, name, defaults),
		},
		resource.TestStep{
			// New default tags change every tagged resource.
			Config: config(map[string]string{"env": "prod"}, nil),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(serviceAddr, plancheck.ResourceActionUpdate),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tags_all"), knownTags(map[string]string{"env": "prod"})),
			},
			Check: testAccCheckServiceTags(env, name, map[string]string{"env": "prod"}),
		},
		resource.TestStep{
			// No default tags, no tags: every tag goes.
			Config:           env.Config(testAccTaggedServiceConfig(name, nil)),
			ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
			Check:            testAccCheckServiceTags(env, name, map[string]string{}),
		},
	)
}

func TestAccServiceResource_tagsValidation(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	testAccParallel(t, env,
		resource.TestStep{
			Config:      env.Config(testAccTaggedServiceConfig(name, map[string]string{"": "x"})),
			PlanOnly:    true,
			ExpectError: expectError("tags", "length must be between 1 and 128"),
		},
		resource.TestStep{
			Config:      env.Config(testAccTaggedServiceConfig(name, map[string]string{strings.Repeat("k", 129): "x"})),
			PlanOnly:    true,
			ExpectError: expectError("tags", "length must be between 1 and 128"),
		},
		resource.TestStep{
			Config:      withDefaultTags(env, map[string]string{"": "x"}) + testAccTaggedServiceConfig(name, nil),
			PlanOnly:    true,
			ExpectError: expectError("default_tags", "length must be between 1 and 128"),
		},
	)
}

// TestAccServiceDataSources_tags: the fc_service and fc_services data
// sources show every tag of a service, default tags included.
func TestAccServiceDataSources_tags(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	all := map[string]string{"env": "test", "a": "1"}

	testAccParallel(t, env,
		resource.TestStep{
			Config: withDefaultTags(env, map[string]string{"env": "test"}) + testAccTaggedServiceConfig(name, map[string]string{"a": "1"}) + `
data "fc_service" "test" {
  name = fc_service.test.name
}

data "fc_services" "test" {
  name_prefix = fc_service.test.name
}

resource "fc_service" "untagged" {
  name = "${fc_service.test.name}-u"
}

data "fc_service" "untagged" {
  name = fc_service.untagged.name
}
`,
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.fc_service.test", tfjsonpath.New("tags"), knownTags(all)),
				statecheck.ExpectKnownValue("data.fc_services.test", tfjsonpath.New("services").AtSliceIndex(0).AtMapKey("tags"), knownTags(all)),
				statecheck.ExpectKnownValue("data.fc_service.untagged", tfjsonpath.New("tags"), knownTags(map[string]string{"env": "test"})),
			},
		},
	)
}
