package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
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

const triggerAddr = "fc_trigger.test"

// A role and source ARNs of the emulator's account; FC checks only their
// presence.
const (
	triggerTestRole    = "acs:ram::1234567890123456:role/aliyunfcdefaultrole"
	triggerTestRoleTwo = "acs:ram::1234567890123456:role/fc-trigger-two"
	triggerTestOSSArn  = "acs:oss:cn-hangzhou:1234567890123456:tf-acc-bucket"
)

// testAccTimerTrigger is an fc_trigger "test" of type timer on
// fc_function.test; extra is inserted into the resource block.
func testAccTimerTrigger(name, timerConfig, extra string) string {
	return fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = %q
  type          = "timer"
  timer_config  = %s
  %s
}
`, name, timerConfig, extra)
}

func TestAccTriggerResource_basic(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccFunctionZipConfig(t, service, function, "") + testAccTimerTrigger(name, `{
    cron_expression = "@every 5m"
    payload         = "hello"
  }`, `description = "created by TestAccTriggerResource_basic"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(triggerAddr, plancheck.ResourceActionCreate),
						// A timer has no URLs: null in the plan, not "known after apply".
						plancheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_internet"), knownvalue.Null()),
						plancheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_intranet"), knownvalue.Null()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/"+function+"/"+name)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("type"), knownvalue.StringExact("timer")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("description"), knownvalue.StringExact("created by TestAccTriggerResource_basic")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("timer_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"cron_expression": knownvalue.StringExact("@every 5m"),
						"enable":          knownvalue.Bool(true), // schema default
						"payload":         knownvalue.StringExact("hello"),
					})),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("trigger_id"), knownvalue.StringRegexp(nonEmptyRE)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(timestampRE)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("qualifier"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("invocation_role"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("source_arn"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_internet"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_intranet"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("config_json"), knownvalue.Null()),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					if deref(tr.TriggerType) != "timer" || deref(tr.Description) != "created by TestAccTriggerResource_basic" {
						return fmt.Errorf("trigger has type %q, description %q", deref(tr.TriggerType), deref(tr.Description))
					}
					return expectTriggerConfig(tr, `{"cronExpression":"@every 5m","enable":true,"payload":"hello"}`)
				}),
			},
			{
				ResourceName:      triggerAddr,
				ImportState:       true,
				ImportStateId:     service + "/" + function + "/" + name,
				ImportStateVerify: true,
			},
			importBlockStep(triggerAddr, service+"/"+function+"/"+name),
			{
				ResourceName:  triggerAddr,
				ImportState:   true,
				ImportStateId: service + "/" + name,
				ExpectError:   expectError(`Invalid import ID`, `expected SERVICE/FUNCTION/TRIGGER, got "`+service+"/"+name+`"`),
			},
		},
	})
}

func TestAccTriggerResource_update(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	config := func(timer, description, role string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + testAccTimerTrigger(name, timer,
			fmt.Sprintf("description = %q\n  invocation_role = %q", description, role)))
	}
	sameTriggerID := statecheck.CompareValue(compare.ValuesSame())
	sameCreatedTime := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(`{ cron_expression = "@every 5m", payload = "first" }`, "first", triggerTestRole),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					sameTriggerID.AddStateValue(triggerAddr, tfjsonpath.New("trigger_id")),
					sameCreatedTime.AddStateValue(triggerAddr, tfjsonpath.New("created_time")),
				},
			},
			{
				Config: config(`{
    cron_expression = "cron(0 30 4 * * MON-FRI)"
    payload         = "second"
    enable          = false
  }`, "second", triggerTestRoleTwo),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					sameTriggerID.AddStateValue(triggerAddr, tfjsonpath.New("trigger_id")),
					sameCreatedTime.AddStateValue(triggerAddr, tfjsonpath.New("created_time")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("invocation_role"), knownvalue.StringExact(triggerTestRoleTwo)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("timer_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"cron_expression": knownvalue.StringExact("cron(0 30 4 * * MON-FRI)"),
						"enable":          knownvalue.Bool(false),
						"payload":         knownvalue.StringExact("second"),
					})),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					if deref(tr.Description) != "second" || deref(tr.InvocationRole) != triggerTestRoleTwo {
						return fmt.Errorf("trigger has description %q, invocationRole %q", deref(tr.Description), deref(tr.InvocationRole))
					}
					return expectTriggerConfig(tr, `{"cronExpression":"cron(0 30 4 * * MON-FRI)","enable":false,"payload":"second"}`)
				}),
			},
		},
	})
}

func TestAccTriggerResource_replace(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn")
	first, second := acctest.RandomName("tf-acc-tr"), acctest.RandomName("tf-acc-tr")
	timer := func(name string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + testAccTimerTrigger(name, `{ cron_expression = "@every 1h" }`, ""))
	}
	differentTriggerID := statecheck.CompareValue(compare.ValuesDiffer())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           timer(first),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					differentTriggerID.AddStateValue(triggerAddr, tfjsonpath.New("trigger_id")),
				},
			},
			{
				// A new name is a new trigger.
				Config:           timer(second),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					differentTriggerID.AddStateValue(triggerAddr, tfjsonpath.New("trigger_id")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/"+function+"/"+second)),
				},
				Check: func(*terraform.State) error {
					if _, _, err := env.Client.GetTrigger(context.Background(), service, function, first); !fc.IsNotFound(err) {
						return fmt.Errorf("the trigger %q under the old name still exists (err %v)", first, err)
					}
					return nil
				},
			},
			{
				// So is a new type, here with its own configuration.
				Config: env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = %q
  type          = "http"
  http_config = {
    auth_type = "anonymous"
    methods   = ["GET"]
  }
}
`, second)),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					differentTriggerID.AddStateValue(triggerAddr, tfjsonpath.New("trigger_id")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("type"), knownvalue.StringExact("http")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("timer_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_internet"), knownvalue.StringRegexp(nonEmptyRE)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, second, func(tr *fc.Trigger) error {
					if deref(tr.TriggerType) != "http" {
						return fmt.Errorf("trigger has type %q, want http", deref(tr.TriggerType))
					}
					return nil
				}),
			},
		},
	})
}

func TestAccTriggerResource_disappears(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	testAccParallel(t, env, disappearsStep(
		env.Config(testAccFunctionZipConfig(t, service, function, "")+testAccTimerTrigger(name, `{ cron_expression = "@every 5m" }`, "")),
		triggerAddr, func(ctx context.Context) error { return env.Client.DeleteTrigger(ctx, service, function, name, "") },
		plancheck.ExpectResourceAction("fc_function.test", plancheck.ResourceActionNoop)))
}

func TestAccTriggerResource_httpTrigger(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	config := func(httpConfig string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = %q
  type          = "http"
  http_config   = %s
}
`, name, httpConfig))
	}
	urlRE := regexp.MustCompile(`^https://.*/` + regexp.QuoteMeta(service) + `\.LATEST/` + regexp.QuoteMeta(function) + `/$`)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: config(`{
    auth_type = "anonymous"
    methods   = ["POST", "GET"]
  }`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"auth_type":            knownvalue.StringExact("anonymous"),
						"disable_url_internet": knownvalue.Bool(false),
						"jwt_auth_config":      knownvalue.Null(),
						"methods":              knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("GET"), knownvalue.StringExact("POST")}),
					})),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_internet"), knownvalue.StringRegexp(urlRE)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_intranet"), knownvalue.StringRegexp(urlRE)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"authType":"anonymous","disableURLInternet":false,"methods":["GET","POST"]}`)
				}),
			},
			{
				ResourceName:      triggerAddr,
				ImportState:       true,
				ImportStateId:     service + "/" + function + "/" + name,
				ImportStateVerify: true,
			},
			{
				// Disabling the Internet URL removes it: url_internet is
				// planned as unknown and becomes null.
				Config: config(`{
    auth_type            = "function"
    methods              = ["GET", "PUT", "DELETE"]
    disable_url_internet = true
  }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(triggerAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(triggerAddr, tfjsonpath.New("url_internet")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"auth_type":            knownvalue.StringExact("function"),
						"disable_url_internet": knownvalue.Bool(true),
						"jwt_auth_config":      knownvalue.Null(),
						"methods": knownvalue.SetExact([]knownvalue.Check{
							knownvalue.StringExact("DELETE"), knownvalue.StringExact("GET"), knownvalue.StringExact("PUT"),
						}),
					})),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_internet"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("url_intranet"), knownvalue.StringRegexp(urlRE)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"authType":"function","disableURLInternet":true,"methods":["DELETE","GET","PUT"]}`)
				}),
			},
		},
	})
}

// TestAccTriggerResource_httpJWT: an http trigger with JWT authentication;
// token_lookup changes in place, and switching to anonymous clears the
// authConfig FC holds.
func TestAccTriggerResource_httpJWT(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	config := func(httpConfig string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = %q
  type          = "http"
  http_config   = %s
}
`, name, httpConfig))
	}
	// jsonencode sorts keys: this is the text Terraform sends.
	const jwks = `{"keys":[{"alg":"HS256","k":"c2VjcmV0","kid":"k1","kty":"oct"}]}`
	jwtConfig := func(tokenLookup string) string {
		return fmt.Sprintf(`{
    auth_type = "jwt"
    methods   = ["GET"]
    jwt_auth_config = {
      jwks          = jsonencode({ keys = [{ kty = "oct", kid = "k1", alg = "HS256", k = "c2VjcmV0" }] })
      token_lookup  = %s
      claim_pass_by = ["header:uid:X-User-Id"]
      white_list    = ["/health"]
      black_list    = ["/admin", "/internal"]
    }
  }`, tokenLookup)
	}
	stringList := func(ss ...string) knownvalue.Check {
		checks := make([]knownvalue.Check, 0, len(ss))
		for _, s := range ss {
			checks = append(checks, knownvalue.StringExact(s))
		}
		return knownvalue.ListExact(checks)
	}
	authConfig := func(tokenLookup string) string {
		return `{"blackList":"/admin,/internal","claimPassBy":["header:uid:X-User-Id"],"jwks":` + jsonQuote(jwks) +
			`,"tokenLookup":` + tokenLookup + `,"whiteList":["/health"]}`
	}
	expectAuthConfig := func(want string) resource.TestCheckFunc {
		return testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
			var cfg struct {
				AuthType   string  `json:"authType"`
				AuthConfig *string `json:"authConfig"`
			}
			if err := json.Unmarshal(tr.TriggerConfig, &cfg); err != nil {
				return err
			}
			switch {
			case want == "" && cfg.AuthConfig != nil && *cfg.AuthConfig != "":
				return fmt.Errorf("authConfig = %s, want none", *cfg.AuthConfig)
			case want != "" && (cfg.AuthConfig == nil || !jsonTextEqual(*cfg.AuthConfig, want)):
				return fmt.Errorf("authConfig = %v, want %s", cfg.AuthConfig, want)
			}
			return nil
		})
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(jwtConfig(`["header:Authorization:Bearer"]`)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config").AtMapKey("auth_type"), knownvalue.StringExact("jwt")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config").AtMapKey("jwt_auth_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"black_list":    stringList("/admin", "/internal"),
						"claim_pass_by": stringList("header:uid:X-User-Id"),
						"jwks":          knownvalue.StringExact(jwks),
						"token_lookup":  stringList("header:Authorization:Bearer"),
						"white_list":    stringList("/health"),
					})),
				},
				Check: expectAuthConfig(authConfig(`["header:Authorization:Bearer"]`)),
			},
			{
				ResourceName:      triggerAddr,
				ImportState:       true,
				ImportStateId:     service + "/" + function + "/" + name,
				ImportStateVerify: true,
			},
			{
				Config:           config(jwtConfig(`["cookie:token", "query:jwt"]`)),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config").AtMapKey("jwt_auth_config").AtMapKey("token_lookup"),
						stringList("cookie:token", "query:jwt")),
				},
				Check: expectAuthConfig(authConfig(`["cookie:token","query:jwt"]`)),
			},
			{
				Config: config(`{
    auth_type = "anonymous"
    methods   = ["GET"]
  }`),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config").AtMapKey("auth_type"), knownvalue.StringExact("anonymous")),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("http_config").AtMapKey("jwt_auth_config"), knownvalue.Null()),
				},
				Check: expectAuthConfig(""),
			},
			{
				ResourceName:      triggerAddr,
				ImportState:       true,
				ImportStateId:     service + "/" + function + "/" + name,
				ImportStateVerify: true,
			},
		},
	})
}

// jsonQuote encodes s as a JSON string.
func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// jsonTextEqual reports whether two texts hold the same JSON document.
func jsonTextEqual(a, b string) bool {
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	ja, _ := json.Marshal(va)
	jb, _ := json.Marshal(vb)
	return bytes.Equal(ja, jb)
}

func TestAccTriggerResource_ossTrigger(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	config := func(filters string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name    = fc_service.test.name
  function_name   = fc_function.test.name
  name            = %q
  type            = "oss"
  source_arn      = %q
  invocation_role = %q
  oss_config = {
    events = ["oss:ObjectCreated:PutObject", "oss:ObjectCreated:*", "oss:ObjectRemoved:DeleteObject"]
    %s
  }
}
`, name, triggerTestOSSArn, triggerTestRole, filters))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("filter_prefix = \"uploads/\"\n    filter_suffix = \".zip\""),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("oss_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						// The order of the events is kept.
						"events": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.StringExact("oss:ObjectCreated:PutObject"),
							knownvalue.StringExact("oss:ObjectCreated:*"),
							knownvalue.StringExact("oss:ObjectRemoved:DeleteObject"),
						}),
						"filter_prefix": knownvalue.StringExact("uploads/"),
						"filter_suffix": knownvalue.StringExact(".zip"),
					})),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("source_arn"), knownvalue.StringExact(triggerTestOSSArn)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("invocation_role"), knownvalue.StringExact(triggerTestRole)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					if deref(tr.SourceArn) != triggerTestOSSArn {
						return fmt.Errorf("sourceArn = %q", deref(tr.SourceArn))
					}
					return expectTriggerConfig(tr, `{"events":["oss:ObjectCreated:PutObject","oss:ObjectCreated:*","oss:ObjectRemoved:DeleteObject"],`+
						`"filter":{"key":{"prefix":"uploads/","suffix":".zip"}}}`)
				}),
			},
			{
				ResourceName:      triggerAddr,
				ImportState:       true,
				ImportStateId:     service + "/" + function + "/" + name,
				ImportStateVerify: true,
			},
			{
				// Removing the filters clears them on the trigger.
				Config:           config(""),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("oss_config").AtMapKey("filter_prefix"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("oss_config").AtMapKey("filter_suffix"), knownvalue.Null()),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"events":["oss:ObjectCreated:PutObject","oss:ObjectCreated:*","oss:ObjectRemoved:DeleteObject"],`+
						`"filter":{"key":{"prefix":"","suffix":""}}}`)
				}),
			},
		},
	})
}

func TestAccTriggerResource_otherTypes(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn")
	config := env.Config(testAccFunctionZipConfig(t, service, function, "") + testAccHCL("trigger_other_types.tf.tmpl", triggerTestRole))
	importStep := func(name string) resource.TestStep {
		return resource.TestStep{
			ResourceName:      "fc_trigger." + name,
			ImportState:       true,
			ImportStateId:     service + "/" + function + "/" + name,
			ImportStateVerify: true,
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("fc_trigger.log", tfjsonpath.New("log_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"enable":             knownvalue.Bool(true),
						"function_parameter": knownvalue.MapExact(map[string]knownvalue.Check{"mode": knownvalue.StringExact("batch")}),
						"logstore":           knownvalue.StringExact("trigger-logs"),
						"max_retry_time":     knownvalue.Int64Exact(3),
						"project":            knownvalue.StringExact("tf-acc-project"),
						"source_logstore":    knownvalue.StringExact("source"),
						"trigger_interval":   knownvalue.Int64Exact(60),
					})),
					statecheck.ExpectKnownValue("fc_trigger.mns", tfjsonpath.New("mns_topic_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"filter_tag":            knownvalue.StringExact("orders"),
						"notify_content_format": knownvalue.StringExact("STREAM"), // schema default
						"notify_strategy":       knownvalue.StringExact("EXPONENTIAL_DECAY_RETRY"),
					})),
					statecheck.ExpectKnownValue("fc_trigger.cdn", tfjsonpath.New("cdn_events_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"event_name":    knownvalue.StringExact("CachedObjectsRefreshed"),
						"event_version": knownvalue.StringExact("1.0.0"),
						"notes":         knownvalue.StringExact("refresh"),
						"filter": knownvalue.MapExact(map[string]knownvalue.Check{
							"domain": knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("www.example.com"), knownvalue.StringExact("img.example.com")}),
						}),
					})),
					statecheck.ExpectKnownValue("fc_trigger.ots", tfjsonpath.New("tablestore_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"instance_name": knownvalue.StringExact("tfacc"),
						"table_name":    knownvalue.StringExact("orders"),
					})),
					statecheck.ExpectKnownValue("fc_trigger.eventbridge", tfjsonpath.New("config_json"),
						knownvalue.StringExact(`{"asyncInvocationType":false,"eventRuleFilterPattern":"{\"source\":[\"acs.oss\"]}","eventSourceConfig":{"eventSourceType":"Default"},"triggerEnable":true}`)),
					statecheck.ExpectKnownValue("fc_trigger.eventbridge", tfjsonpath.New("source_arn"), knownvalue.Null()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckTriggerAPI(env, service, function, "log", func(tr *fc.Trigger) error {
						return expectTriggerConfig(tr, `{"enable":true,"functionParameter":{"mode":"batch"},"jobConfig":{"maxRetryTime":3,"triggerInterval":60},`+
							`"logConfig":{"logstore":"trigger-logs","project":"tf-acc-project"},"sourceConfig":{"logstore":"source"}}`)
					}),
					testAccCheckTriggerAPI(env, service, function, "mns", func(tr *fc.Trigger) error {
						return expectTriggerConfig(tr, `{"filterTag":"orders","notifyContentFormat":"STREAM","notifyStrategy":"EXPONENTIAL_DECAY_RETRY"}`)
					}),
					testAccCheckTriggerAPI(env, service, function, "cdn", func(tr *fc.Trigger) error {
						return expectTriggerConfig(tr, `{"eventName":"CachedObjectsRefreshed","eventVersion":"1.0.0","filter":{"domain":["www.example.com","img.example.com"]},"notes":"refresh"}`)
					}),
					testAccCheckTriggerAPI(env, service, function, "ots", func(tr *fc.Trigger) error {
						return expectTriggerConfig(tr, `{"instanceName":"tfacc","tableName":"orders"}`)
					}),
					testAccCheckTriggerAPI(env, service, function, "eventbridge", func(tr *fc.Trigger) error {
						return expectTriggerConfig(tr, `{"triggerEnable":true,"asyncInvocationType":false,"eventSourceConfig":{"eventSourceType":"Default"},"eventRuleFilterPattern":"{\"source\":[\"acs.oss\"]}"}`)
					}),
				),
			},
			importStep("log"),
			importStep("mns"),
			importStep("cdn"),
			importStep("ots"),
			importStep("eventbridge"),
			// With an import block, the plan after the import is empty
			// (also for config_json, written with jsonencode).
			importBlockStep("fc_trigger.eventbridge", service+"/"+function+"/eventbridge"),
		},
	})
}

// TestAccTriggerResource_configKeyOrder checks that a configuration whose
// JSON differs only in key order and whitespace never shows a diff: for a
// typed block (the API answers with keys in another order than sent) and
// for config_json (written in another order than the API answers).
func TestAccTriggerResource_configKeyOrder(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	// The provider talks to the emulator through a proxy that answers every
	// triggerConfig with its keys in reverse order and indented: the
	// emulator itself always answers sorted, compact JSON.
	providerConfig, scrambled := triggerScramblingProvider(t, env)
	eventBridgeJSON := `{
    "triggerEnable": true,
    "eventSourceConfig": { "eventSourceType": "Default" },
    "asyncInvocationType": false
  }
`
	config := providerConfig + testAccFunctionZipConfig(t, service, function, "") +
		testAccTimerTrigger(name, `{ cron_expression = "@every 5m", payload = "{\"k\":1}" }`, "") + fmt.Sprintf(`
resource "fc_trigger" "eventbridge" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "eventbridge"
  type          = "eventbridge"
  config_json   = <<-EOT
  %sEOT
}
`, eventBridgeJSON)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					// What the user wrote stays in the state.
					statecheck.ExpectKnownValue("fc_trigger.eventbridge", tfjsonpath.New("config_json"),
						knownvalue.StringExact(strings.ReplaceAll(eventBridgeJSON, "\n  ", "\n"))),
				},
				Check: testAccCheckTriggerAPI(env, service, function, "eventbridge", func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"asyncInvocationType":false,"eventSourceConfig":{"eventSourceType":"Default"},"triggerEnable":true}`)
				}),
			},
			{
				// The same values written outside Terraform, in another
				// order and with whitespace: the refresh sees no change.
				PreConfig: func() {
					for _, u := range []struct{ name, cfg string }{
						{name, `{ "payload" : "{\"k\":1}",  "enable": true,
						          "cronExpression": "@every 5m" }`},
						{"eventbridge", `{"eventSourceConfig":{"eventSourceType":"Default"},  "asyncInvocationType":false, "triggerEnable":true}`},
					} {
						if _, _, err := env.Client.UpdateTrigger(context.Background(), service, function, u.name,
							&fc.Trigger{TriggerConfig: fc.TriggerConfig(u.cfg)}, ""); err != nil {
							t.Fatalf("rewriting trigger %q: %v", u.name, err)
						}
					}
				},
				RefreshState: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{
					PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					// The refreshes read both triggers (at least) through the
					// proxy.
					if n := scrambled.Load(); !env.Live && n < 2 {
						return fmt.Errorf("the proxy rewrote %d triggerConfig answers: the test does not test what it says", n)
					}
					return nil
				},
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccTriggerResource_qualifier runs triggers on an alias, on a version
// and on LATEST of the same function, then moves them between qualifiers.
func TestAccTriggerResource_qualifier(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn")
	const alias = "prod"
	// config puts trigger "web" (http) on qualifier web, "tick" (timer) on
	// tick and "latest" (timer) on latest: HCL expressions, "" for none.
	config := func(web, tick, latest string) string {
		q := func(v string) string {
			if v == "" {
				return ""
			}
			return "qualifier = " + v
		}
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_service_version" "v1" {
  service_name = fc_service.test.name
  description  = "for triggers"
  depends_on   = [fc_function.test]
}

resource "fc_alias" "prod" {
  service_name = fc_service.test.name
  name         = %[1]q
  version_id   = fc_service_version.v1.version_id
}

resource "fc_trigger" "web" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "web"
  type          = "http"
  %[2]s
  http_config = {
    auth_type = "anonymous"
    methods   = ["GET"]
  }
}

resource "fc_trigger" "tick" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "tick"
  type          = "timer"
  %[3]s
  timer_config = { cron_expression = "@every 10m" }
}

resource "fc_trigger" "latest" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "latest"
  type          = "timer"
  %[4]s
  timer_config = { cron_expression = "@every 10m" }
}
`, alias, q(web), q(tick), q(latest)))
	}
	const (
		onAlias   = "fc_alias.prod.name"
		onVersion = "fc_service_version.v1.version_id"
	)
	// qualifiers compares the triggers' qualifiers on FC with want, where
	// "VERSION" stands for the published version's ID.
	qualifiers := func(want map[string]string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			version := s.RootModule().Resources["fc_service_version.v1"].Primary.Attributes["version_id"]
			for name, q := range want {
				if q == "VERSION" {
					q = version
				}
				tr, _, err := env.Client.GetTrigger(context.Background(), service, function, name)
				if err != nil {
					return fmt.Errorf("reading trigger %q: %w", name, err)
				}
				if got := deref(tr.Qualifier); got != q {
					return fmt.Errorf("trigger %q has qualifier %q on FC, want %q", name, got, q)
				}
			}
			return nil
		}
	}
	// urlOf matches the URL of the trigger on a qualifier (a regexp).
	urlOf := func(qualifier string) knownvalue.Check {
		return knownvalue.StringRegexp(regexp.MustCompile(regexp.QuoteMeta("/"+service+".") + qualifier + regexp.QuoteMeta("/"+function+"/") + `$`))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(onAlias, onVersion, ""),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("fc_trigger.web", tfjsonpath.New("qualifier"), knownvalue.StringExact(alias)),
					statecheck.ExpectKnownValue("fc_trigger.web", tfjsonpath.New("url_internet"), urlOf(alias)),
					statecheck.CompareValuePairs("fc_trigger.tick", tfjsonpath.New("qualifier"),
						"fc_service_version.v1", tfjsonpath.New("version_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("fc_trigger.latest", tfjsonpath.New("qualifier"), knownvalue.Null()),
				},
				Check: qualifiers(map[string]string{"web": alias, "tick": "VERSION", "latest": ""}),
			},
			{
				ResourceName:      "fc_trigger.web",
				ImportState:       true,
				ImportStateId:     service + "/" + function + "/web",
				ImportStateVerify: true,
			},
			{
				// Moving between qualifiers is an in-place update; the http
				// trigger's URLs follow its qualifier.
				Config: config(onVersion, "", onAlias),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("fc_trigger.web", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("fc_trigger.tick", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("fc_trigger.latest", plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue("fc_trigger.web", tfjsonpath.New("url_internet")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("fc_trigger.web", tfjsonpath.New("url_internet"), urlOf(`[0-9]+`)),
					statecheck.ExpectKnownValue("fc_trigger.tick", tfjsonpath.New("qualifier"), knownvalue.Null()),
					statecheck.ExpectKnownValue("fc_trigger.latest", tfjsonpath.New("qualifier"), knownvalue.StringExact(alias)),
				},
				Check: qualifiers(map[string]string{"web": "VERSION", "tick": "", "latest": alias}),
			},
			{
				// A qualifier that does not exist is refused by FC.
				Config:      config(onVersion, "", `"staging"`),
				ExpectError: expectError(`Error updating FC trigger`, `AliasNotFound`),
			},
			{
				// "01" would be version 1 to FC, which answers "1": refused
				// when the value becomes known (here at apply), instead of
				// an inconsistent result after the apply.
				Config:      config(onVersion, `"0${fc_service_version.v1.version_id}"`, ""),
				ExpectError: expectError(`Invalid qualifier`, `"01" is not a valid qualifier`, `without leading zeros (write "1")`),
			},
		},
	})
}

func TestAccTriggerResource_clearOptional(t *testing.T) {
	env := acctest.New(t)
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	base := env.Config(testAccFunctionZipConfig(t, service, function, ""))

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: base + testAccTimerTrigger(name, `{ cron_expression = "@every 5m", payload = "p" }`, fmt.Sprintf(`
  qualifier       = "LATEST"
  description     = "d"
  invocation_role = %q`, triggerTestRole)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("qualifier"), knownvalue.StringExact("LATEST")),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					if deref(tr.Qualifier) != "LATEST" || deref(tr.Description) != "d" || deref(tr.InvocationRole) != triggerTestRole {
						return fmt.Errorf("trigger has qualifier %q, description %q, invocationRole %q", deref(tr.Qualifier), deref(tr.Description), deref(tr.InvocationRole))
					}
					return nil
				}),
			},
			{
				Config:           base + testAccTimerTrigger(name, `{ cron_expression = "@every 5m" }`, ""),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("qualifier"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("invocation_role"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("timer_config").AtMapKey("payload"), knownvalue.Null()),
				},
				Check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
					if deref(tr.Qualifier) != "" || deref(tr.Description) != "" || deref(tr.InvocationRole) != "" {
						return fmt.Errorf("not cleared on FC: qualifier %q, description %q, invocationRole %q", deref(tr.Qualifier), deref(tr.Description), deref(tr.InvocationRole))
					}
					return expectTriggerConfig(tr, `{"cronExpression":"@every 5m","enable":true,"payload":""}`)
				}),
			},
			{
				// "" is a description a user may write, distinct from none.
				Config:           base + testAccTimerTrigger(name, `{ cron_expression = "@every 5m" }`, `description = ""`),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
				},
			},
		},
	})
}

// TestAccTriggerResource_staleETag changes the trigger after Terraform's
// plan and before the apply: the update carries the ETag of the refresh in
// If-Match, FC refuses it, the outside change survives, and the error says
// what happened.
func TestAccTriggerResource_staleETag(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "FC's answer to a stale If-Match is undocumented (fc-api.md section 5); the emulator answers 412")
	service, function, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn"), acctest.RandomName("tf-acc-tr")
	config := func(payload string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") +
			testAccTimerTrigger(name, fmt.Sprintf(`{ cron_expression = "@every 5m", payload = %q }`, payload), ""))
	}
	const outside = "changed between plan and apply"

	testAccParallel(t, env, staleETagCase{
		first: config("first"), second: config("second"), addr: triggerAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateTrigger(ctx, service, function, name, &fc.Trigger{Description: fc.Ptr(outside)}, "")
			return err
		},
		wantError: expectError(`Error updating FC trigger`, `the trigger was changed outside Terraform since the last refresh`, `code PreconditionFailed`),
		after:     expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
		check: testAccCheckTriggerAPI(env, service, function, name, func(tr *fc.Trigger) error {
			return expectTriggerConfig(tr, `{"cronExpression":"@every 5m","enable":true,"payload":"second"}`)
		}),
	}.steps(t)...)
}

func TestAccTriggerResource_missingFunction(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-tr")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccServiceConfig(service) + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = fc_service.test.name
  function_name = "missing"
  name          = %q
  type          = "timer"
  timer_config  = { cron_expression = "@every 5m" }
}
`, name)),
				ExpectError: expectError(`Error creating FC trigger`,
					fmt.Sprintf(`Could not create trigger %q of function "missing" in service %q (the service, the function or the qualifier does not exist`, name, service),
					`HTTP 404, code FunctionNotFound`, `function 'missing' of service`),
			},
		},
	})
}

func TestAccTriggerResource_validation(t *testing.T) {
	env := acctest.New(t)
	config := func(body string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = "svc"
  function_name = "fn"
  %s
}
`, body))
	}
	step := func(body string, wantErr ...string) resource.TestStep {
		return resource.TestStep{Config: config(body), PlanOnly: true, ExpectError: expectError(wantErr...)}
	}
	timer := `timer_config = { cron_expression = "@every 5m" }`
	http := `http_config = {
    auth_type = "anonymous"
    methods   = ["GET"]
  }`

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			// The configuration does not match the type: the error is on
			// the configuration attribute.
			step("name = \"t\"\n  type = \"timer\"\n  "+http,
				`Trigger configuration does not match the type`, `http_config = {`,
				`http_config cannot be used with a trigger of type "timer": a "timer" trigger is configured with timer_config (http_config is for type "http")`),
			step("name = \"t\"\n  type = \"timer\"\n  "+timer+"\n  "+http,
				`Trigger configuration does not match the type`, `http_config = {`, `http_config cannot be used with a trigger of type "timer"`),
			step("name = \"t\"\n  type = \"mq\"\n  "+timer,
				`timer_config = {`, `timer_config cannot be used with a trigger of type "mq": a "mq" trigger is configured with config_json`),
			step("name = \"t\"\n  type = \"timer\"",
				`Missing trigger configuration`, `A trigger of type "timer" needs timer_config`),
			step("name = \"t\"\n  type = \"eventbridge\"",
				`Missing trigger configuration`, `A trigger of type "eventbridge" needs config_json`),
			step("name = \"t\"\n  type = \"eventbridge\"\n  config_json = \"[1]\"",
				`Invalid trigger configuration`, `config_json = "[1]"`, `config_json must be a JSON object`),
			step("name = \"t\"\n  type = \"timer\"\n  timer_config = { cron_expression = \"@every 30s\" }",
				`Invalid cron expression`, `timer_config.cron_expression`, `"@every 30s" is not a valid timer schedule`),
			step("name = \"t\"\n  type = \"timer\"\n  timer_config = { cron_expression = \"cron(0 0 25 * * *)\" }",
				`Invalid cron expression`, `field 3 (hours) "25": 25 is outside 0-23`),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"anonymous\"\n    methods = []\n  }",
				`http_config.methods`, `set must contain at least 1 elements`),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"basic\"\n    methods = [\"GET\"]\n  }",
				`http_config.auth_type`, `value must be one of`),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"function\"\n    methods = [\"FETCH\"]\n  }",
				`http_config.methods`, `value must be one of`),
			// JWT authentication: jwt_auth_config goes with auth_type jwt
			// only, and its values are checked.
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"jwt\"\n    methods = [\"GET\"]\n  }",
				`Missing JWT authentication configuration`, `http_config.jwt_auth_config is required when http_config.auth_type is "jwt"`),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"anonymous\"\n    methods = [\"GET\"]\n    jwt_auth_config = { jwks = jsonencode({ keys = [{ kty = \"oct\" }] }) }\n  }",
				`JWT authentication configuration not allowed`, `http_config.jwt_auth_config`,
				`can only be set when http_config.auth_type is "jwt", not "anonymous"`),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"jwt\"\n    methods = [\"GET\"]\n    jwt_auth_config = { jwks = jsonencode({ keys = [] }) }\n  }",
				`Invalid JSON Web Key Set`, `http_config.jwt_auth_config.jwks`, "`keys` is empty"),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"jwt\"\n    methods = [\"GET\"]\n    jwt_auth_config = { jwks = \"not json\" }\n  }",
				`Invalid JSON Web Key Set`, `it is not a JSON object`),
			step("name = \"t\"\n  type = \"http\"\n  http_config = {\n    auth_type = \"jwt\"\n    methods = [\"GET\"]\n    jwt_auth_config = {\n      jwks = jsonencode({ keys = [{ kty = \"oct\" }] })\n      token_lookup = [\"body:token\"]\n    }\n  }",
				`http_config.jwt_auth_config.token_lookup`, "must be `source:name` or `source:name:prefix`"),
			step(fmt.Sprintf("name = \"t\"\n  type = \"oss\"\n  source_arn = %q\n  invocation_role = %q\n  oss_config = { events = [\"ObjectCreated:*\"] }", triggerTestOSSArn, triggerTestRole),
				`oss_config.events`, `must be an OSS event such as`, `starting with`),
			step(fmt.Sprintf("name = \"t\"\n  type = \"oss\"\n  invocation_role = %q\n  oss_config = { events = [\"oss:ObjectCreated:*\"] }", triggerTestRole),
				`Missing source_arn`, `source_arn is required for a trigger of type "oss"`),
			step(fmt.Sprintf("name = \"t\"\n  type = \"log\"\n  source_arn = %q\n  log_config = { source_logstore = \"a\", project = \"b\", logstore = \"c\" }", triggerTestOSSArn),
				`Missing invocation_role`, `invocation_role is required for a trigger of type "log"`),
			step("name = \"1t\"\n  type = \"timer\"\n  "+timer,
				`Invalid trigger name`, `name = "1t"`, `starts with '1'`),
			step("name = \"t\"\n  type = \"kafka\"\n  "+timer,
				`type`, `value must be one of`),
			step("name = \"t\"\n  type = \"timer\"\n  qualifier = \"\"\n  "+timer,
				`Invalid qualifier`, `qualifier: "" is not a valid qualifier: it is empty`),
			step("name = \"t\"\n  type = \"timer\"\n  qualifier = \"02\"\n  "+timer,
				`Invalid qualifier`, `qualifier = "02"`, `without leading zeros (write "2")`),
			step("name = \"t\"\n  type = \"timer\"\n  qualifier = \"prod.v1\"\n  "+timer,
				`Invalid qualifier`, `neither a version ID nor an alias name`),
		},
	})
}

// TestAccTriggerResource_configRewritten writes a config_json with a null
// member, which FC drops, and numbers such as 3.0, which FC may answer as 3,
// and OSS events that FC may answer in another order: none of that is a
// change, after the create nor on refresh.
func TestAccTriggerResource_configRewritten(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn")
	// The proxy answers reads with the numbers rewritten (3.0 as 3, 1e0
	// as 1); the emulator keeps them as sent, but drops nulls.
	providerConfig, scrambled := triggerScramblingProvider(t, env)
	const written = `{"subscriptionObjects": ["db.orders"], "retry": 3.0, "concurrency": 1e0, "eventFormat": null, "extra": {"a": null}}
`
	config := providerConfig + testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name  = fc_service.test.name
  function_name = fc_function.test.name
  name          = "rds"
  type          = "rds"
  config_json   = <<-EOT
  %sEOT
}

resource "fc_trigger" "oss" {
  service_name    = fc_service.test.name
  function_name   = fc_function.test.name
  name            = "oss"
  type            = "oss"
  source_arn      = %q
  invocation_role = %q
  oss_config = {
    events = ["oss:ObjectCreated:PutObject", "oss:ObjectCreated:PostObject", "oss:ObjectRemoved:DeleteObject"]
  }
}
`, written, triggerTestOSSArn, triggerTestRole)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("config_json"), knownvalue.StringExact(written)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, "rds", func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"concurrency":1,"extra":{},"retry":3,"subscriptionObjects":["db.orders"]}`)
				}),
			},
			{
				RefreshState: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{
					PostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if n := scrambled.Load(); !env.Live && n < 2 {
						return fmt.Errorf("the proxy rewrote %d triggerConfig answers: the test does not test what it says", n)
					}
					return nil
				},
			},
		},
	})
}

// TestAccTriggerResource_logJobSettings sets the log job's settings, then
// removes them: the configuration is sent without them (FC's defaults
// apply), and the plans around are empty.
func TestAccTriggerResource_logJobSettings(t *testing.T) {
	env := acctest.New(t)
	service, function := acctest.RandomName("tf-acc-svc"), acctest.RandomName("tf-acc-fn")
	config := func(job string) string {
		return env.Config(testAccFunctionZipConfig(t, service, function, "") + fmt.Sprintf(`
resource "fc_trigger" "test" {
  service_name    = fc_service.test.name
  function_name   = fc_function.test.name
  name            = "log"
  type            = "log"
  source_arn      = "acs:log:cn-hangzhou:1234567890123456:project/tf-acc-source"
  invocation_role = %q
  log_config = {
    source_logstore = "source"
    project         = "tf-acc-project"
    logstore        = "trigger-logs"
    %s
  }
}
`, triggerTestRole, job))
	}
	const logStores = `"logConfig":{"logstore":"trigger-logs","project":"tf-acc-project"},"sourceConfig":{"logstore":"source"}`

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config("max_retry_time = 0\n    trigger_interval = 30"),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("log_config").AtMapKey("max_retry_time"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("log_config").AtMapKey("trigger_interval"), knownvalue.Int64Exact(30)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, "log", func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"enable":true,"functionParameter":{},"jobConfig":{"maxRetryTime":0,"triggerInterval":30},`+logStores+`}`)
				}),
			},
			{
				// One removed: an update that sends the job without it.
				Config:           config("trigger_interval = 30"),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("log_config").AtMapKey("max_retry_time"), knownvalue.Null()),
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("log_config").AtMapKey("trigger_interval"), knownvalue.Int64Exact(30)),
				},
				Check: testAccCheckTriggerAPI(env, service, function, "log", func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"enable":true,"functionParameter":{},"jobConfig":{"triggerInterval":30},`+logStores+`}`)
				}),
			},
			{
				Config:           config(""),
				ConfigPlanChecks: expectActionThenEmptyPlan(triggerAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(triggerAddr, tfjsonpath.New("log_config").AtMapKey("trigger_interval"), knownvalue.Null()),
				},
				Check: testAccCheckTriggerAPI(env, service, function, "log", func(tr *fc.Trigger) error {
					return expectTriggerConfig(tr, `{"enable":true,"functionParameter":{},"jobConfig":{},`+logStores+`}`)
				}),
			},
			importBlockStep(triggerAddr, service+"/"+function+"/log"),
		},
	})
}

// ---------------------------------------------------------------------------
// helpers

// testAccCheckTriggerAPI reads a trigger with the test's own client and runs
// check on it: what the state says must also be true on FC.
func testAccCheckTriggerAPI(env *acctest.Env, service, function, name string, check func(*fc.Trigger) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		tr, _, err := env.Client.GetTrigger(context.Background(), service, function, name)
		if err != nil {
			return fmt.Errorf("reading FC trigger %q: %w", name, err)
		}
		if err := check(tr); err != nil {
			return fmt.Errorf("trigger %q: %w", name, err)
		}
		return nil
	}
}

// expectTriggerConfig compares a trigger's configuration with want as JSON.
func expectTriggerConfig(tr *fc.Trigger, want string) error {
	var got, exp any
	if err := json.Unmarshal(tr.TriggerConfig, &got); err != nil {
		return fmt.Errorf("triggerConfig %s is not JSON: %w", tr.TriggerConfig, err)
	}
	if err := json.Unmarshal([]byte(want), &exp); err != nil {
		return fmt.Errorf("bad expectation %s: %w", want, err)
	}
	g, _ := json.Marshal(got)
	e, _ := json.Marshal(exp)
	if !bytes.Equal(g, e) {
		return fmt.Errorf("triggerConfig = %s, want %s", g, e)
	}
	return nil
}

// triggerScramblingProvider returns a provider block for a proxy in front
// of the test's emulator that rewrites every triggerConfig it answers: keys
// in reverse order, indented, numbers as Go writes float64s (3.0 as 3), the
// events of an OSS trigger in reverse order. The counter counts the rewritten answers.
// Against real FC it returns the ordinary provider block.
func triggerScramblingProvider(t *testing.T, env *acctest.Env) (string, *atomic.Int64) {
	t.Helper()
	var scrambled atomic.Int64
	if env.Live {
		return env.ProviderConfig, &scrambled
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		env.Emulator.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if r.Method == http.MethodGet && strings.Contains(r.URL.Path, "/triggers") && rec.Code == http.StatusOK {
			body = scrambleTriggerAnswer(t, body)
			scrambled.Add(1)
		}
		for k, v := range rec.Header() {
			if k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return fmt.Sprintf(`
provider "fc" {
  endpoint   = %q
  account_id = %q
  region     = %q
  access_key = %q
  secret_key = %q
}
`, srv.URL, acctest.AccountID, acctest.Region, acctest.AccessKeyID, acctest.AccessKeySecret), &scrambled
}

// scrambleTriggerAnswer rewrites the triggerConfig strings of a GetTrigger
// or ListTriggers answer.
func scrambleTriggerAnswer(t *testing.T, body []byte) []byte {
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Errorf("scrambling proxy: answer is not a JSON object: %v", err)
		return body
	}
	scrambleOne := func(tr map[string]any) {
		s, ok := tr["triggerConfig"].(string)
		if !ok {
			return
		}
		var cfg any
		if err := json.Unmarshal([]byte(s), &cfg); err != nil {
			return
		}
		// The order of OSS events means nothing: answer them reversed.
		if obj, ok := cfg.(map[string]any); ok && tr["triggerType"] == "oss" {
			if events, ok := obj["events"].([]any); ok {
				slices.Reverse(events)
			}
		}
		tr["triggerConfig"] = reverseKeysJSON(cfg, "\n")
	}
	if list, ok := doc["triggers"].([]any); ok {
		for _, item := range list {
			if tr, ok := item.(map[string]any); ok {
				scrambleOne(tr)
			}
		}
	} else {
		scrambleOne(doc)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Errorf("scrambling proxy: %v", err)
		return body
	}
	return out
}

// reverseKeysJSON encodes v with object keys in reverse sorted order,
// indented by two spaces per level after indent.
func reverseKeysJSON(v any, indent string) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Sort(sort.Reverse(sort.StringSlice(keys)))
		var b strings.Builder
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(",")
			}
			kb, _ := json.Marshal(k)
			b.WriteString(indent + "  " + string(kb) + " :  " + reverseKeysJSON(x[k], indent+"  "))
		}
		b.WriteString(indent + "}")
		return b.String()
	case []any:
		parts := make([]string, len(x))
		for i := range x {
			parts[i] = reverseKeysJSON(x[i], indent+"  ")
		}
		return "[ " + strings.Join(parts, " , ") + " ]"
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}
