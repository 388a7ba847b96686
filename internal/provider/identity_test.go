package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
)

// TestAccResourceIdentity: every resource has an identity after create,
// with the names of its import ID, and can be imported by an
// `import { identity = {...} }` block (Terraform 1.12+).
func TestAccResourceIdentity(t *testing.T) {
	type identityCase struct {
		addr     string
		config   func(env *acctest.Env) string
		identity func() map[string]knownvalue.Check
		// ignore are attributes an import cannot read back; with code,
		// the import plan updates in place to take the configured code
		// source into the state (no upload: the checksum is FC's).
		ignore []string
	}
	exact := knownvalue.StringExact
	service, function, trigger := acctest.RandomName("tf-acc-id"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	layer, domain := acctest.RandomName("tf-acc-layer"), acctest.RandomName("tf-acc")+".example.com"
	cases := map[string]identityCase{
		"fc_service": {
			addr:     serviceAddr,
			config:   func(env *acctest.Env) string { return env.Config(testAccServiceConfig(service)) },
			identity: func() map[string]knownvalue.Check { return map[string]knownvalue.Check{"name": exact(service)} },
		},
		"fc_function": {
			addr: functionAddr,
			config: func(env *acctest.Env) string {
				return env.Config(testAccFunctionConfig(service, function, testdataDir(t, "hello"), ""))
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"service_name": exact(service), "name": exact(function)}
			},
			ignore: []string{"code"},
		},
		"fc_trigger": {
			addr: triggerAddr,
			config: func(env *acctest.Env) string {
				return env.Config(testAccFunctionZipConfig(t, service, function, "") + testAccTimerTrigger(trigger, `{ cron_expression = "@every 5m" }`, ""))
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"service_name": exact(service), "function_name": exact(function), "name": exact(trigger)}
			},
		},
		"fc_service_version": {
			addr: versionAddr,
			config: func(env *acctest.Env) string {
				return env.Config(testAccVersionBaseConfig(t, service, 128) + `
resource "fc_service_version" "test" {
  service_name = fc_service.test.name
  depends_on   = [fc_function.test]
}
`)
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"service_name": exact(service), "version_id": exact("1")}
			},
		},
		"fc_alias": {
			addr: aliasAddr,
			config: func(env *acctest.Env) string {
				return env.Config(testAccAliasVersionsConfig(t, service) + `
resource "fc_alias" "test" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.v1.version_id
}
`)
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"service_name": exact(service), "name": exact("prod")}
			},
		},
		"fc_custom_domain": {
			addr: customDomainAddr,
			config: func(env *acctest.Env) string {
				return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, routeConfig(helloRoute("/*", ""))))
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"domain_name": exact(domain)}
			},
		},
		"fc_layer_version": {
			addr: layerAddr,
			config: func(env *acctest.Env) string {
				return env.Config(testAccLayerConfig(layer, fmt.Sprintf("source_dir = %q", testdataDir(t, "hello")), ""))
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"layer_name": exact(layer), "version": knownvalue.Int64Exact(1)}
			},
			ignore: []string{"code"},
		},
		"fc_provision_config": {
			addr: provisionAddr,
			config: func(env *acctest.Env) string {
				return testAccProvisionConfig(t, env, service, "fc_alias.prod.name", 1, "")
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"service_name": exact(service), "qualifier": exact("prod"), "function_name": exact("hello")}
			},
		},
		"fc_function_async_invoke_config": {
			addr: asyncAddr,
			config: func(env *acctest.Env) string {
				return testAccAsyncConfig(t, env, service, `  max_async_retry_attempts = 1`)
			},
			identity: func() map[string]knownvalue.Check {
				return map[string]knownvalue.Check{"service_name": exact(service), "function_name": exact("hello"), "qualifier": exact("LATEST")}
			},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := acctest.New(t)
			if name == "fc_provision_config" {
				testAccProvisioning(t, env, emulator.Provisioning{Step: provisionStep})
			}
			config := tc.config(env)
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_12_0)},
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             testAccCheckDestroy(env),
				Steps: []resource.TestStep{
					{
						Config:            config,
						ConfigPlanChecks:  expectEmptyPlanAfterApply,
						ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectIdentity(tc.addr, tc.identity())},
					},
					{
						Config:                  config,
						ResourceName:            tc.addr,
						ImportState:             true,
						ImportStateKind:         resource.ImportBlockWithResourceIdentity,
						ImportPlanChecks:        resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(tc.addr, importAction(tc.ignore))}},
						ImportStateVerifyIgnore: tc.ignore,
						ExpectNonEmptyPlan:      len(tc.ignore) > 0,
					},
				},
			})
		})
	}
}

func importAction(ignore []string) plancheck.ResourceActionType {
	if len(ignore) > 0 {
		return plancheck.ResourceActionUpdate
	}
	return plancheck.ResourceActionNoop
}
