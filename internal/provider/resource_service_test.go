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
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const serviceAddr = "fc_service.test"

func TestAccServiceResource_basic(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name        = %q
  description = "created by TestAccServiceResource_basic"
}
`, name)),
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("created by TestAccServiceResource_basic")),
					// Not configured: FC's default.
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("role"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("service_id"), knownvalue.StringRegexp(nonEmptyRE)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("nas_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("oss_mount_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tracing_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("vpc_config"), knownvalue.Null()),
				},
				Check: testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
					if got := deref(s.Description); got != "created by TestAccServiceResource_basic" {
						return fmt.Errorf("description on the service = %q", got)
					}
					return nil
				}),
			},
			{
				ResourceName:      serviceAddr,
				ImportState:       true,
				ImportStateId:     name,
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccServiceResource_update(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	config := func(description string, internetAccess bool, logs string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name            = %q
  description     = %q
  internet_access = %t
  %s
}
`, name, description, internetAccess, logs))
	}
	sameServiceID := statecheck.CompareValue(compare.ValuesSame())
	sameCreatedTime := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("first", true, ""),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					sameServiceID.AddStateValue(serviceAddr, tfjsonpath.New("service_id")),
					sameCreatedTime.AddStateValue(serviceAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("first")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(true)),
				},
			},
			{
				Config: config("second", false, `
  log_config = {
    project                = "tf-acc-project"
    logstore               = "tf-acc-logstore"
    enable_request_metrics = true
  }
`),
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameServiceID.AddStateValue(serviceAddr, tfjsonpath.New("service_id")),
					sameCreatedTime.AddStateValue(serviceAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"project":                 knownvalue.StringExact("tf-acc-project"),
						"logstore":                knownvalue.StringExact("tf-acc-logstore"),
						"enable_request_metrics":  knownvalue.Bool(true),
						"enable_instance_metrics": knownvalue.Bool(false),         // schema default
						"log_begin_rule":          knownvalue.StringExact("None"), // schema default
					})),
				},
				Check: testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
					if deref(s.Description) != "second" || s.InternetAccess == nil || *s.InternetAccess {
						return fmt.Errorf("service has description %q, internetAccess %v; want \"second\", false", deref(s.Description), s.InternetAccess)
					}
					if s.LogConfig == nil || s.LogConfig.Project != "tf-acc-project" || !s.LogConfig.EnableRequestMetrics || s.LogConfig.EnableInstanceMetrics {
						return fmt.Errorf("service has logConfig %+v", s.LogConfig)
					}
					return nil
				}),
			},
			{
				// Back to the first configuration: the log configuration is
				// removed, the other values change back in place.
				Config:           config("first", true, ""),
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameServiceID.AddStateValue(serviceAddr, tfjsonpath.New("service_id")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("first")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(true)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), knownvalue.Null()),
				},
				Check: testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
					if s.LogConfig != nil {
						return fmt.Errorf("logConfig not cleared on the service: %+v", s.LogConfig)
					}
					return nil
				}),
			},
		},
	})
}

func TestAccServiceResource_replace(t *testing.T) {
	env := acctest.New(t)
	first := acctest.RandomName("tf-acc-svc")
	second := acctest.RandomName("tf-acc-svc")
	config := func(name string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name        = %q
  description = "replaced on rename"
}
`, name))
	}
	differentServiceID := statecheck.CompareValue(compare.ValuesDiffer())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(first),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					differentServiceID.AddStateValue(serviceAddr, tfjsonpath.New("service_id")),
				},
			},
			{
				Config:           config(second),
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					differentServiceID.AddStateValue(serviceAddr, tfjsonpath.New("service_id")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("id"), knownvalue.StringExact(second)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("name"), knownvalue.StringExact(second)),
				},
				Check: func(*terraform.State) error {
					_, _, err := env.Client.GetService(context.Background(), first, "")
					if !fc.IsNotFound(err) {
						return fmt.Errorf("the service %q under the old name still exists (err %v)", first, err)
					}
					return nil
				},
			},
		},
	})
}

// TestAccServiceResource_logBeginRule removes log_begin_rule from a log
// configuration, which sets FC's default "None" again instead of keeping
// the rule, and imports a service whose log configuration has no rule
// without a diff against a configuration that leaves it out.
func TestAccServiceResource_logBeginRule(t *testing.T) {
	env := acctest.New(t)
	name, imported := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-svc")
	config := func(rule string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name = %q
  log_config = {
    project  = "tf-acc-project"
    logstore = "tf-acc-logstore"
    %s
  }
}
`, name, rule))
	}
	logConfig := func(rule string) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"project":                 knownvalue.StringExact("tf-acc-project"),
			"logstore":                knownvalue.StringExact("tf-acc-logstore"),
			"enable_request_metrics":  knownvalue.Bool(false),
			"enable_instance_metrics": knownvalue.Bool(false),
			"log_begin_rule":          knownvalue.StringExact(rule),
		})
	}
	apiRule := func(want string) resource.TestCheckFunc {
		return testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
			if s.LogConfig == nil || s.LogConfig.LogBeginRule != want {
				return fmt.Errorf("service has logConfig %+v, want logBeginRule %q", s.LogConfig, want)
			}
			return nil
		})
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:            config(`log_begin_rule = "DefaultRegex"`),
				ConfigPlanChecks:  expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), logConfig("DefaultRegex"))},
				Check:             apiRule("DefaultRegex"),
			},
			{
				Config: config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(serviceAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config").AtMapKey("log_begin_rule"), knownvalue.StringExact("None")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), logConfig("None"))},
				Check:             apiRule("None"),
			},
			{
				// A service whose log configuration FC reports without a
				// rule, imported: nothing to change.
				PreConfig: func() {
					_, _, err := env.Client.CreateService(context.Background(), &fc.Service{
						ServiceName: fc.Ptr(imported),
						LogConfig:   &fc.LogConfig{Project: "tf-acc-project", Logstore: "tf-acc-logstore"},
					})
					if err != nil {
						t.Fatalf("creating the service outside Terraform: %v", err)
					}
				},
				Config: config("") + fmt.Sprintf(`
resource "fc_service" "imported" {
  name = %q
  log_config = {
    project  = "tf-acc-project"
    logstore = "tf-acc-logstore"
  }
}

import {
  to = fc_service.imported
  id = %q
}
`, imported, imported),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fc_service.imported", plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue("fc_service.imported", tfjsonpath.New("log_config"), logConfig("None"))},
			},
		},
	})
}

func TestAccServiceResource_disappears(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	testAccParallel(t, env, disappearsStep(env.Config(testAccServiceConfig(name)), serviceAddr,
		func(ctx context.Context) error { return env.Client.DeleteService(ctx, name, "") }))
}

func TestAccServiceResource_drift(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	// The plan restores the configuration and removes the tracing
	// configuration added outside.
	testAccParallel(t, env, driftCase{
		config: env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name            = %q
  description     = "managed by Terraform"
  internet_access = true
}
`, name)),
		addr: serviceAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateService(ctx, name, &fc.Service{
				Description:    fc.Ptr("changed outside Terraform"),
				InternetAccess: fc.Ptr(false),
				TracingConfig:  &fc.TracingConfig{Type: "Jaeger", Params: map[string]string{"endpoint": "http://outside"}},
			}, "")
			return err
		},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("managed by Terraform")),
			plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(true)),
			plancheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tracing_config"), knownvalue.Null()),
		},
		state: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("managed by Terraform")),
			statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(true)),
			statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tracing_config"), knownvalue.Null()),
		},
		check: testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
			if deref(s.Description) != "managed by Terraform" || s.InternetAccess == nil || !*s.InternetAccess || s.TracingConfig != nil {
				return fmt.Errorf("service not restored: description %q, internetAccess %v, tracingConfig %+v",
					deref(s.Description), s.InternetAccess, s.TracingConfig)
			}
			return nil
		}),
	}.steps(t)...)
}

// TestAccServiceResource_staleETag changes the service after Terraform's
// plan (with its refresh) and before the apply, as a concurrent change
// between `terraform plan -out` and `terraform apply` would: the update
// carries the ETag of the refresh in If-Match, FC refuses it, the outside
// change survives, and the error says what happened.
func TestAccServiceResource_staleETag(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "FC's answer to a stale If-Match is undocumented (fc-api.md section 5); the emulator answers 412")
	name := acctest.RandomName("tf-acc-svc")
	config := func(description string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name        = %q
  description = %q
}
`, name, description))
	}
	const outside = "changed between plan and apply"

	testAccParallel(t, env, staleETagCase{
		first: config("first"), second: config("second"), addr: serviceAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateService(ctx, name, &fc.Service{Description: fc.Ptr(outside)}, "")
			return err
		},
		wantError: regexp.MustCompile(`(?s)Error updating FC service.*changed\s+outside\s+Terraform.*PreconditionFailed`),
		survived: func(ctx context.Context) error {
			s, _, err := env.Client.GetService(ctx, name, "")
			if err == nil && deref(s.Description) != outside {
				err = fmt.Errorf("description after the refused update = %q, want the outside change %q", deref(s.Description), outside)
			}
			return err
		},
		after: expectEmptyPlanAfterApply,
		state: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
		},
	}.steps(t)...)
}

// TestAccServiceResource_clearAll sets every optional argument, imports the
// result, then removes every argument: each must be cleared on the service
// and be null in the state, without a perpetual diff.
func TestAccServiceResource_clearAll(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "the configuration refers to a VPC, NAS file system, OSS bucket and RAM roles that do not exist")
	name := acctest.RandomName("tf-acc-svc")
	full := env.Config(testAccHCL("service_all.tf.tmpl", name))
	bare := env.Config(testAccServiceConfig(name))

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           full,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("everything set")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("role"), knownvalue.StringExact("acs:ram::1234567890123456:role/fc-service")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"project":                 knownvalue.StringExact("tf-acc-project"),
						"logstore":                knownvalue.StringExact("tf-acc-logstore"),
						"enable_request_metrics":  knownvalue.Bool(true),
						"enable_instance_metrics": knownvalue.Bool(true),
						"log_begin_rule":          knownvalue.StringExact("DefaultRegex"),
					})),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("vpc_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"vpc_id":            knownvalue.StringExact("vpc-bp1acctest"),
						"vswitch_ids":       knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("vsw-bp1acctesta"), knownvalue.StringExact("vsw-bp1acctestb")}),
						"security_group_id": knownvalue.StringExact("sg-bp1acctest"),
						"role":              knownvalue.StringExact("acs:ram::1234567890123456:role/fc-vpc"),
					})),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("nas_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"user_id":  knownvalue.Int64Exact(1000),
						"group_id": knownvalue.Int64Exact(1001),
						"mount_points": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"server_addr": knownvalue.StringExact("0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/data"),
								"mount_dir":   knownvalue.StringExact("/mnt/data"),
								"enable_tls":  knownvalue.Bool(true),
							}),
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"server_addr": knownvalue.StringExact("0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/logs"),
								"mount_dir":   knownvalue.StringExact("/mnt/logs"),
								"enable_tls":  knownvalue.Bool(false), // schema default
							}),
						}),
					})),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("oss_mount_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"mount_points": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{
								"bucket_name": knownvalue.StringExact("tf-acc-bucket"),
								"bucket_path": knownvalue.StringExact("/assets"),
								"endpoint":    knownvalue.StringExact("http://oss-cn-hangzhou-internal.aliyuncs.com"),
								"mount_dir":   knownvalue.StringExact("/mnt/oss"),
								"read_only":   knownvalue.Bool(true),
							}),
						}),
					})),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tracing_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"type":   knownvalue.StringExact("Jaeger"),
						"params": knownvalue.MapExact(map[string]knownvalue.Check{"endpoint": knownvalue.StringExact("http://tracing-analysis-dc-hz.aliyuncs.com/api/traces")}),
					})),
				},
			},
			{
				// Import reads every nested object back the same way.
				ResourceName:      serviceAddr,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				Config:           bare,
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("role"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("log_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("vpc_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("nas_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("oss_mount_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tracing_config"), knownvalue.Null()),
					// Optional+Computed: removing it keeps the service's value.
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(false)),
				},
				Check: testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
					if deref(s.Description) != "" || deref(s.Role) != "" {
						return fmt.Errorf("description %q and role %q not cleared on the service", deref(s.Description), deref(s.Role))
					}
					if s.LogConfig != nil || s.VPCConfig != nil || s.NASConfig != nil || s.OSSMountConfig != nil || s.TracingConfig != nil {
						return fmt.Errorf("nested configuration not cleared on the service: log %+v, vpc %+v, nas %+v, oss %+v, tracing %+v",
							s.LogConfig, s.VPCConfig, s.NASConfig, s.OSSMountConfig, s.TracingConfig)
					}
					if s.InternetAccess == nil || *s.InternetAccess {
						return fmt.Errorf("internetAccess = %v, want false (kept)", s.InternetAccess)
					}
					return nil
				}),
			},
		},
	})
}

// TestAccServiceResource_zeroValues sets "", false and 0, which must reach
// the service and stay in the state without a diff, then moves between ""
// and null.
func TestAccServiceResource_zeroValues(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-acc-svc")
	config := func(description string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name            = %q
  %s
  internet_access = false
  role            = ""
}
`, name, description))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(`description = ""`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("role"), knownvalue.StringExact("")),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(false)),
				},
				Check: testAccCheckServiceAPI(env, name, func(s *fc.Service) error {
					// false was sent, not left to FC's default of true.
					if s.InternetAccess == nil || *s.InternetAccess {
						return fmt.Errorf("internetAccess on the service = %v, want false", s.InternetAccess)
					}
					return nil
				}),
			},
			{
				// "" -> null: the attribute leaves the state, nothing else.
				Config:           config(""),
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("internet_access"), knownvalue.Bool(false)),
				},
			},
			{
				// null -> "".
				Config:           config(`description = ""`),
				ConfigPlanChecks: expectActionThenEmptyPlan(serviceAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
				},
			},
		},
	})
}

// TestAccServiceResource_nestedZeroValues sets 0 and false inside nested
// objects (root user and group, TLS off), which are values, not absence.
func TestAccServiceResource_nestedZeroValues(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "the configuration refers to a VPC and NAS file system that do not exist")
	name := acctest.RandomName("tf-acc-svc")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name = %q
  nas_config = {
    user_id  = 0
    group_id = 0
    mount_points = [{
      server_addr = "0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/"
      mount_dir   = "/mnt/nas"
      enable_tls  = false
    }]
  }
  tracing_config = {
    type   = "Jaeger"
    params = {}
  }
}
`, name)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("nas_config").AtMapKey("user_id"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("nas_config").AtMapKey("group_id"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("nas_config").AtMapKey("mount_points").AtSliceIndex(0).AtMapKey("enable_tls"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(serviceAddr, tfjsonpath.New("tracing_config").AtMapKey("params"), knownvalue.MapExact(map[string]knownvalue.Check{})),
				},
			},
		},
	})
}

func TestAccServiceResource_validation(t *testing.T) {
	env := acctest.New(t)
	config := func(body string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
%s
}
`, body))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:      config(`name = "1-starts-with-a-digit"`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`Invalid service name`),
			},
			{
				Config:      config(fmt.Sprintf(`name = %q`, "a"+strings.Repeat("b", 128))),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Invalid service name.*129\s+characters`),
			},
			{
				Config: config(`
  name = "valid_name"
  log_config = {
    project        = "p"
    logstore       = "l"
    log_begin_rule = "Sometimes"
  }
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)log_begin_rule.*value must be one of`),
			},
			{
				Config: config(`
  name = "valid_name"
  vpc_config = {
    vpc_id            = "vpc-1"
    vswitch_ids       = []
    security_group_id = "sg-1"
  }
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)vswitch_ids.*at\s+least\s+1`),
			},
			{
				Config: config(`
  name = "valid_name"
  log_config = {
    project = "p"
  }
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Incorrect attribute value type|attribute "logstore" is required`),
			},
		},
	})
}

// TestAccServiceResource_requestCounts pins the number of API requests:
// a create makes exactly one request (CreateService; its answer is the
// state, no read after create), an update one (UpdateService), a delete one
// (DeleteService), and a refresh one GetService per resource.
func TestAccServiceResource_requestCounts(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts requests on the emulator")
	name := acctest.RandomName("tf-acc-svc")
	config := func(description string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_service" "test" {
  name        = %q
  description = %q
}
`, name, description))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// After step 2's counts: its post-apply refresh plan (GetService),
		// then `terraform destroy`, which the testing framework runs with
		// -refresh=false (DeleteService only).
		CheckDestroy: func(s *terraform.State) error {
			if err := checkRequestCounts(env, map[string]int{"GetService": 2, "UpdateService": 1, "DeleteService": 1}); err != nil {
				return fmt.Errorf("after destroy: %w", err)
			}
			return testAccCheckDestroy(env)(s)
		},
		Steps: []resource.TestStep{
			{
				PreConfig: env.Emulator.ResetCounts,
				Config:    config("first"),
				// Check runs right after the apply: the plan of a new
				// resource reads nothing, the create is one request.
				Check: func(*terraform.State) error {
					return checkRequestCounts(env, map[string]int{"CreateService": 1})
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{
					// The post-apply plan without refresh makes no request...
					PostApplyPreRefresh: []plancheck.PlanCheck{
						requestCountsPlanCheck(env, map[string]int{"CreateService": 1}),
					},
					// ...the one with refresh reads the service once.
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectEmptyPlan(),
						requestCountsPlanCheck(env, map[string]int{"CreateService": 1, "GetService": 1}),
					},
				},
			},
			{
				PreConfig: env.Emulator.ResetCounts,
				Config:    config("second"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					// The plan refreshes: one GetService.
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(serviceAddr, plancheck.ResourceActionUpdate),
						requestCountsPlanCheck(env, map[string]int{"GetService": 1}),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{
						plancheck.ExpectEmptyPlan(),
						requestCountsPlanCheck(env, map[string]int{"GetService": 2, "UpdateService": 1}),
					},
				},
				// The update is one request, with no read after it.
				Check: func(*terraform.State) error {
					return checkRequestCounts(env, map[string]int{"GetService": 1, "UpdateService": 1})
				},
			},
		},
	})
}

// ---------------------------------------------------------------------------
// helpers

// testAccCheckServiceAPI reads the service with the test's own client and
// runs check on it: what the state says must also be true on the service.
func testAccCheckServiceAPI(env *acctest.Env, name string, check func(*fc.Service) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		s, _, err := env.Client.GetService(context.Background(), name, "")
		if err != nil {
			return fmt.Errorf("reading FC service %q: %w", name, err)
		}
		return check(s)
	}
}

// requestCountsPlanCheck asserts the emulator's request counts at a point
// of a step, as a plan check (see checkRequestCounts).
func requestCountsPlanCheck(env *acctest.Env, want map[string]int) plancheck.PlanCheck {
	return planCheckFunc(func() error { return checkRequestCounts(env, want) })
}

// checkRequestCounts compares the emulator's request counts since the last
// reset with want, exactly: operations not in want must not have been
// called.
func checkRequestCounts(env *acctest.Env, want map[string]int) error {
	got := env.Emulator.Counts()
	maps.DeleteFunc(got, func(_ string, n int) bool { return n == 0 })
	if !maps.Equal(got, want) {
		return fmt.Errorf("API requests %v, want %v", got, want)
	}
	return nil
}

// TestAccServiceResource_createOutcomeUnknown: the create's answer is lost
// and so is the answer of the read that should tell whether the service
// exists. The apply fails, saying so, and keeps the service in the state as
// tainted; once FC answers again, the next apply refreshes it and replaces
// it, and converges with no manual step (no import, no orphan).
func TestAccServiceResource_createOutcomeUnknown(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "needs the emulator's fault injection")
	name := acctest.RandomName("tf-acc-svc")
	// One attempt per call, so the read fails as fast as the create.
	config := strings.Replace(env.Config(testAccServiceConfig(name)), "provider \"fc\" {", "provider \"fc\" {\n  max_retries = 0", 1)

	testAccParallel(t, env,
		resource.TestStep{
			PreConfig: func() {
				if err := env.Emulator.SetFaults(emulator.FaultConfig{Rate: 1, Seed: 1,
					Kinds: []emulator.FaultKind{emulator.FaultLostResponse}, Operations: []string{"CreateService", "GetService"}}); err != nil {
					t.Fatal(err)
				}
			},
			Config:      config,
			ExpectError: expectError(`Error creating FC service`, `whether the service exists could not be read`, `marked as tainted`),
		},
		resource.TestStep{
			PreConfig: func() {
				if err := env.Emulator.SetFaults(emulator.FaultConfig{}); err != nil {
					t.Fatal(err)
				}
				// The lost create did happen.
				if _, _, err := env.Client.GetService(context.Background(), name, ""); err != nil {
					t.Fatalf("the service the lost create made: %v", err)
				}
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(serviceAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		},
	)
}
