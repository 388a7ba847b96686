package provider_test

// Terraform-driven tests of the moves from alicloud_fc_* (moved blocks,
// Terraform 1.8+). Each test starts from FC objects made through the API,
// as the incumbent provider would have made them; step 1 applies an
// alicloud_fc_* configuration with the stand-in for the incumbent
// (acctest/alicloudschema, which only stores what it is given, the way its
// SDK v1 resources store it); step 2 replaces it with the fc_* one and
// moved blocks, and checks that the plan moves each object without
// changing it (for fc_function: changing only code, which no old state can
// hold), then that the plan after the apply is empty.
//
// terraform-plugin-testing gives the stand-in the address
// registry.terraform.io/hashicorp/alicloud, the incumbent's legacy one; the
// unit tests (move_alicloud_test.go) cover aliyun/alicloud.

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

// moveTestCase is the TestCase of a move test: both providers, Terraform
// 1.8 or later.
func moveTestCase(env *acctest.Env, steps ...resource.TestStep) resource.TestCase {
	return resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactoriesWithAlicloud(),
		CheckDestroy:             testAccCheckDestroy(env),
		Steps:                    steps,
	}
}

// movedBlock is a moved block from the alicloud_fc_<kind> to the fc_<kind>
// of the same name.
func movedBlock(kind, name string) string {
	return fmt.Sprintf(`
moved {
  from = alicloud_fc_%[1]s.%[2]s
  to   = fc_%[1]s.%[2]s
}
`, kind, name)
}

// expectMoved checks that the plan moves the object at from to addr, and
// that the only attributes the plan changes (or leaves unknown) are
// changed: none for a plan that moves the object as it is.
func expectMoved(addr, from string, changed ...string) plancheck.PlanCheck {
	return movedCheck{addr: addr, from: from, changed: changed}
}

type movedCheck struct {
	addr, from string
	changed    []string
}

func (c movedCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.addr {
			continue
		}
		if rc.PreviousAddress != c.from {
			resp.Error = fmt.Errorf("%s: planned from %q, want a move from %s", c.addr, rc.PreviousAddress, c.from)
			return
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		unknown, _ := rc.Change.AfterUnknown.(map[string]any)
		var got []string
		for k := range unionKeys(before, after) {
			if !reflect.DeepEqual(before[k], after[k]) || unknown[k] == true {
				got = append(got, k)
			}
		}
		sort.Strings(got)
		want := slices.Sorted(slices.Values(c.changed))
		switch {
		case len(want) == 0 && !rc.Change.Actions.NoOp():
			resp.Error = fmt.Errorf("%s: planned %v (changing %v), want a move without change", c.addr, rc.Change.Actions, got)
		case len(want) > 0 && !rc.Change.Actions.Update():
			resp.Error = fmt.Errorf("%s: planned %v, want an update in place of %v", c.addr, rc.Change.Actions, want)
		case !slices.Equal(got, want):
			resp.Error = fmt.Errorf("%s: the plan changes %v, want %v; before %v, after %v", c.addr, got, want, before, after)
		}
		return
	}
	resp.Error = fmt.Errorf("%s: not in the plan", c.addr)
}

func unionKeys(a, b map[string]any) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// createOutside makes an FC object through the API, as the incumbent
// provider made it, failing the test on error; remove, when not nil, is
// registered to delete it at the end of the test (against real FC: the
// emulator is thrown away).
func createOutside(t *testing.T, env *acctest.Env, what string, create func(context.Context) error, remove func(context.Context) error) {
	t.Helper()
	if err := create(context.Background()); err != nil {
		t.Fatalf("creating %s as the alicloud provider would have: %v", what, err)
	}
	if remove != nil {
		removeAtEnd(t, env, what, remove)
	}
}

// removeAtEnd deletes an FC object the test made outside Terraform once
// the test is over, against real FC (the emulator is thrown away). The
// cleanups run last registered first: register a parent before its
// children.
func removeAtEnd(t *testing.T, env *acctest.Env, what string, remove func(context.Context) error) {
	t.Helper()
	if !env.Live {
		return
	}
	t.Cleanup(func() {
		if err := remove(context.Background()); err != nil && !fc.IsNotFound(err) {
			t.Errorf("deleting %s: %v", what, err)
		}
	})
}

// createServiceOutside creates a service with a name only.
func createServiceOutside(t *testing.T, env *acctest.Env, name string) {
	t.Helper()
	createOutside(t, env, "service "+name,
		func(ctx context.Context) error {
			_, _, err := env.Client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr(name)})
			return err
		},
		func(ctx context.Context) error { return env.Client.DeleteService(ctx, name, "") })
}

// ---------------------------------------------------------------------------
// alicloud_fc_service

func TestAccServiceResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "sets a made-up VPC and NAS file system")
	name := acctest.RandomName("tf-acc-move")
	const role = "acs:ram::1234567890123456:role/fc-service"
	createOutside(t, env, "service "+name,
		func(ctx context.Context) error {
			_, _, err := env.Client.CreateService(ctx, &fc.Service{
				ServiceName:    fc.Ptr(name),
				Description:    fc.Ptr("orders"),
				InternetAccess: fc.Ptr(false),
				Role:           fc.Ptr(role),
				LogConfig:      &fc.LogConfig{Project: "tf-acc-project", Logstore: "tf-acc-logstore", EnableRequestMetrics: true},
				VPCConfig:      &fc.VPCConfig{VPCID: "vpc-bp1acctest", VSwitchIDs: []string{"vsw-bp1acctestb", "vsw-bp1acctesta"}, SecurityGroupID: "sg-bp1acctest"},
				NASConfig: &fc.NASConfig{UserID: 1000, GroupID: 1001, MountPoints: []fc.NASMountPoint{
					{ServerAddr: "0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/data", MountDir: "/mnt/data"},
				}},
				TracingConfig: &fc.TracingConfig{Type: "Jaeger", Params: map[string]string{"endpoint": "http://tracing-analysis-dc-hz.aliyuncs.com/api/traces"}},
			})
			if err != nil {
				return err
			}
			return env.Client.TagResource(ctx, fc.ServiceARN(acctest.Region, acctest.AccountID, name), map[string]string{"team": "orders"})
		},
		func(ctx context.Context) error { return env.Client.DeleteService(ctx, name, "") })

	old := fmt.Sprintf(`
resource "alicloud_fc_service" "test" {
  name            = %[1]q
  description     = "orders"
  internet_access = false
  role            = %[2]q
  tags            = { team = "orders" }

  log_config {
    project                = "tf-acc-project"
    logstore               = "tf-acc-logstore"
    enable_request_metrics = true
  }

  vpc_config {
    vswitch_ids       = ["vsw-bp1acctesta", "vsw-bp1acctestb"]
    security_group_id = "sg-bp1acctest"
  }

  nas_config {
    user_id  = 1000
    group_id = 1001
    mount_points {
      server_addr = "0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/data"
      mount_dir   = "/mnt/data"
    }
  }

  tracing_config {
    type   = "Jaeger"
    params = { endpoint = "http://tracing-analysis-dc-hz.aliyuncs.com/api/traces" }
  }
}
`, name, role)
	moved := fmt.Sprintf(`
resource "fc_service" "test" {
  name            = %[1]q
  description     = "orders"
  internet_access = false
  role            = %[2]q
  tags            = { team = "orders" }

  log_config = {
    project                = "tf-acc-project"
    logstore               = "tf-acc-logstore"
    enable_request_metrics = true
  }

  vpc_config = {
    vpc_id            = "vpc-bp1acctest"
    vswitch_ids       = ["vsw-bp1acctesta", "vsw-bp1acctestb"]
    security_group_id = "sg-bp1acctest"
  }

  nas_config = {
    user_id  = 1000
    group_id = 1001
    mount_points = [{
      server_addr = "0a1b2c-xyz.cn-hangzhou.nas.aliyuncs.com:/data"
      mount_dir   = "/mnt/data"
    }]
  }

  tracing_config = {
    type   = "Jaeger"
    params = { endpoint = "http://tracing-analysis-dc-hz.aliyuncs.com/api/traces" }
  }
}
`, name, role) + movedBlock("service", "test")

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           env.Config(old),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(moved),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{expectMoved("fc_service.test", "alicloud_fc_service.test")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_service.test", tfjsonpath.New("id"), knownvalue.StringExact(name)),
				// What the stand-in's state lacked, the refresh filled in.
				statecheck.ExpectKnownValue("fc_service.test", tfjsonpath.New("service_id"), knownvalue.StringRegexp(nonEmptyRE)),
				statecheck.ExpectKnownValue("fc_service.test", tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
				statecheck.ExpectKnownValue("fc_service.test", tfjsonpath.New("log_config").AtMapKey("log_begin_rule"), knownvalue.StringExact("None")),
				statecheck.ExpectKnownValue("fc_service.test", tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
					"team": knownvalue.StringExact("orders"),
				})),
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"UpdateService": 0, "CreateService": 0, "TagResource": 0, "UntagResource": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// alicloud_fc_function

// TestAccFunctionResource_moveFromAlicloud moves a function with code from a
// local zip, one with code from OSS and a custom-container function. The
// first plan sets code on the first (a local filename is not carried over)
// and changes nothing else; the package named is the one FC has, so the
// apply uploads nothing. The OSS function moves with its code, without
// change. The container function, without code, moves without change too:
// its command and args, JSON strings in the old state, are lists in the new
// one.
func TestAccFunctionResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "creates a function from a made-up container image")
	service := acctest.RandomName("tf-acc-move")
	createServiceOutside(t, env, service)

	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	zipPath := filepath.Join(t.TempDir(), "hello.zip")
	if err := os.WriteFile(zipPath, zip, 0o600); err != nil {
		t.Fatal(err)
	}
	createFunctionOutside(t, env, service, "code", zip, checksum, func(f *fc.Function) {
		f.Description = fc.Ptr("moved")
		f.MemorySize = fc.Ptr(int64(256))
		f.Timeout = fc.Ptr(int64(30))
		f.EnvironmentVariables = map[string]string{"MODE": "prod"}
	})
	createOutside(t, env, "the OSS function", func(ctx context.Context) error {
		_, _, err := env.Client.CreateFunction(ctx, service, &fc.Function{
			FunctionName: fc.Ptr("oss"),
			Runtime:      fc.Ptr("python3.10"),
			Handler:      fc.Ptr("index.handler"),
			Code:         &fc.Code{OSSBucketName: "deploy-bucket", OSSObjectName: "fn/v7.zip"},
		}, "")
		return err
	}, nil)
	createOutside(t, env, "the container function",
		func(ctx context.Context) error {
			_, _, err := env.Client.CreateFunction(ctx, service, &fc.Function{
				FunctionName: fc.Ptr("container"),
				Runtime:      fc.Ptr("custom-container"),
				Handler:      fc.Ptr("index.handler"),
				CAPort:       fc.Ptr(int64(9000)),
				CustomContainerConfig: &fc.CustomContainerConfig{
					Image:   "registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:v1",
					Command: `["/app/server"]`,
					Args:    `["-port","9000"]`,
				},
			}, "")
			return err
		}, nil)

	old := fmt.Sprintf(`
resource "alicloud_fc_function" "code" {
  service               = %[1]q
  name                  = "code"
  runtime               = "python3.10"
  handler               = "index.handler"
  filename              = %[2]q
  description           = "moved"
  memory_size           = 256
  timeout               = 30
  environment_variables = { MODE = "prod" }
}

resource "alicloud_fc_function" "oss" {
  service    = %[1]q
  name       = "oss"
  runtime    = "python3.10"
  handler    = "index.handler"
  oss_bucket = "deploy-bucket"
  oss_key    = "fn/v7.zip"
}

# description and initializer as the incumbent's refresh stores them when
# FC has none.
resource "alicloud_fc_function" "container" {
  service     = %[1]q
  name        = "container"
  runtime     = "custom-container"
  handler     = "index.handler"
  ca_port     = 9000
  description = ""
  initializer = ""

  custom_container_config {
    image   = "registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:v1"
    command = "[\"/app/server\"]"
    args    = "[\"-port\",\"9000\"]"
  }
}
`, service, zipPath)
	moved := fmt.Sprintf(`
resource "fc_function" "code" {
  service_name          = %[1]q
  name                  = "code"
  runtime               = "python3.10"
  handler               = "index.handler"
  description           = "moved"
  memory_size           = 256
  timeout               = 30
  environment_variables = { MODE = "prod" }

  code = {
    filename = %[2]q
  }
}

resource "fc_function" "oss" {
  service_name = %[1]q
  name         = "oss"
  runtime      = "python3.10"
  handler      = "index.handler"

  code = {
    oss_bucket_name = "deploy-bucket"
    oss_object_name = "fn/v7.zip"
  }
}

resource "fc_function" "container" {
  service_name = %[1]q
  name         = "container"
  runtime      = "custom-container"
  handler      = "index.handler"
  ca_port      = 9000

  custom_container_config = {
    image   = "registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:v1"
    command = ["/app/server"]
    args    = ["-port", "9000"]
  }
}
`, service, zipPath) + movedBlock("function", "code") + movedBlock("function", "oss") + movedBlock("function", "container")

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           env.Config(old),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(moved),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					expectMoved("fc_function.code", "alicloud_fc_function.code", "code"),
					expectMoved("fc_function.oss", "alicloud_fc_function.oss"),
					expectMoved("fc_function.container", "alicloud_fc_function.container"),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_function.code", tfjsonpath.New("id"), knownvalue.StringExact(service+"/code")),
				statecheck.ExpectKnownValue("fc_function.code", tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				statecheck.ExpectKnownValue("fc_function.code", tfjsonpath.New("code_size"), knownvalue.Int64Exact(int64(len(zip)))),
				statecheck.ExpectKnownValue("fc_function.code", tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
				statecheck.ExpectKnownValue("fc_function.container", tfjsonpath.New("custom_container_config").AtMapKey("args"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("-port"), knownvalue.StringExact("9000")})),
			},
			// Setting code to the package FC has sends nothing.
			Check: testAccCheckRequestCounts(env, map[string]int{"UpdateFunction": 0, "CreateFunction": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// alicloud_fc_trigger

// TestAccTriggerResource_moveFromAlicloud moves a trigger of every type the
// incumbent takes: configurations written as heredocs (indented, key order
// of their own, a trailing newline) in config, or in config_mns for
// mns_topic.
func TestAccTriggerResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "sets made-up event sources")
	service := acctest.RandomName("tf-acc-move")
	createServiceOutside(t, env, service)
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	createFunctionOutside(t, env, service, "fn", zip, checksum, nil)

	type trigger struct{ name, typ, sourceARN, role, config string }
	triggers := []trigger{
		{"timer", "timer", "", triggerTestRole, `{"cronExpression":"0 0 8 * * *","enable":true,"payload":"daily"}`},
		{"http", "http", "", "", `{"authType":"anonymous","methods":["GET","POST"]}`},
		{"oss", "oss", triggerTestOSSArn, triggerTestRole,
			`{"events":["oss:ObjectCreated:PutObject"],"filter":{"key":{"prefix":"in/","suffix":".csv"}}}`},
		{"log", "log", "acs:log:cn-hangzhou:1234567890123456:project/tf-acc-source", triggerTestRole,
			`{"sourceConfig":{"logstore":"source"},"jobConfig":{"maxRetryTime":3,"triggerInterval":60},"logConfig":{"project":"tf-acc-project","logstore":"trigger-logs"},"functionParameter":{"mode":"batch"},"enable":true}`},
		{"mns", "mns_topic", "acs:mns:cn-hangzhou:1234567890123456:/topics/tf-acc-topic", triggerTestRole,
			`{"filterTag":"orders","notifyContentFormat":"JSON","notifyStrategy":"BACKOFF_RETRY"}`},
		{"cdn", "cdn_events", "acs:cdn:*:1234567890123456", triggerTestRole,
			`{"eventName":"CachedObjectsRefreshed","eventVersion":"1.0.0","notes":"refresh","filter":{"domain":["www.example.com"]}}`},
		{"eventbridge", "eventbridge", "", "",
			`{"triggerEnable":true,"asyncInvocationType":false,"eventSourceConfig":{"eventSourceType":"Default"},"eventRuleFilterPattern":"{\"source\":[\"acs.oss\"]}"}`},
	}
	var movedBlocks string
	var checks []plancheck.PlanCheck
	for _, tr := range triggers {
		createOutside(t, env, "trigger "+tr.name, func(ctx context.Context) error {
			in := &fc.Trigger{TriggerName: fc.Ptr(tr.name), TriggerType: fc.Ptr(tr.typ), TriggerConfig: fc.TriggerConfig(tr.config)}
			if tr.sourceARN != "" {
				in.SourceArn = fc.Ptr(tr.sourceARN)
			}
			if tr.role != "" {
				in.InvocationRole = fc.Ptr(tr.role)
			}
			_, _, err := env.Client.CreateTrigger(ctx, service, "fn", in)
			return err
		}, nil)
		movedBlocks += movedBlock("trigger", tr.name)
		checks = append(checks, expectMoved("fc_trigger."+tr.name, "alicloud_fc_trigger."+tr.name))
	}
	removeAtEnd(t, env, "function fn", func(ctx context.Context) error { return env.Client.DeleteFunction(ctx, service, "fn", "") })

	args := []any{service, triggerTestRole, triggerTestOSSArn}
	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           env.Config(testAccHCL("move_alicloud_triggers_old.tf.tmpl", args...)),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(testAccHCL("move_alicloud_triggers_new.tf.tmpl", args...) + movedBlocks),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             checks,
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_trigger.timer", tfjsonpath.New("id"), knownvalue.StringExact(service+"/fn/timer")),
				statecheck.ExpectKnownValue("fc_trigger.timer", tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
				// The URLs of the http trigger, which no old state holds.
				statecheck.ExpectKnownValue("fc_trigger.http", tfjsonpath.New("url_internet"), knownvalue.StringRegexp(nonEmptyRE)),
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"UpdateTrigger": 0, "CreateTrigger": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// alicloud_fc_alias

func TestAccAliasResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-move")
	createServiceOutside(t, env, service)
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	createFunctionOutside(t, env, service, "fn", zip, checksum, nil)
	for _, v := range []string{"1", "2"} {
		createOutside(t, env, "version "+v, func(ctx context.Context) error {
			_, err := env.Client.PublishServiceVersion(ctx, service, "v"+v, "")
			return err
		}, func(ctx context.Context) error { return env.Client.DeleteServiceVersion(ctx, service, v) })
	}
	createOutside(t, env, "alias prod", func(ctx context.Context) error {
		_, _, err := env.Client.CreateAlias(ctx, service, &fc.Alias{
			AliasName:               fc.Ptr("prod"),
			VersionID:               fc.Ptr("2"),
			Description:             fc.Ptr("production"),
			AdditionalVersionWeight: map[string]float64{"1": 0.1},
		})
		return err
	}, nil)
	removeAtEnd(t, env, "function fn", func(ctx context.Context) error { return env.Client.DeleteFunction(ctx, service, "fn", "") })

	old := fmt.Sprintf(`
resource "alicloud_fc_alias" "prod" {
  service_name    = %q
  alias_name      = "prod"
  service_version = "2"
  description     = "production"

  routing_config {
    additional_version_weights = { "1" = 0.1 }
  }
}
`, service)
	moved := fmt.Sprintf(`
resource "fc_alias" "prod" {
  service_name              = %q
  name                      = "prod"
  version_id                = "2"
  description               = "production"
  additional_version_weight = { "1" = 0.1 }
}
`, service) + movedBlock("alias", "prod")

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           env.Config(old),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(moved),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{expectMoved("fc_alias.prod", "alicloud_fc_alias.prod")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_alias.prod", tfjsonpath.New("id"), knownvalue.StringExact(service+"/prod")),
				statecheck.ExpectKnownValue("fc_alias.prod", tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"UpdateAlias": 0, "CreateAlias": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// The guide's example

// TestAccMoveFromAlicloud_guideExample applies the example of the guide
// "Migrating from alicloud_fc_*" (examples/guides/migrating-from-alicloud),
// with its zip archive at an absolute path: a service, a function and a
// trigger moved together, the function's code the only change.
func TestAccMoveFromAlicloud_guideExample(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "uses the guide's fixed names")
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	zipPath := filepath.Join(t.TempDir(), "api.zip")
	if err := os.WriteFile(zipPath, zip, 0o600); err != nil {
		t.Fatal(err)
	}
	example := func(file string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "guides", "migrating-from-alicloud", file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"build/api.zip"`) {
			t.Fatalf("%s no longer names build/api.zip", file)
		}
		return env.Config(strings.ReplaceAll(string(b), `"build/api.zip"`, fmt.Sprintf("%q", zipPath)))
	}

	createOutside(t, env, "service orders", func(ctx context.Context) error {
		_, _, err := env.Client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("orders"), Description: fc.Ptr("orders API")})
		return err
	}, nil)
	createFunctionOutside(t, env, "orders", "api", zip, checksum, func(f *fc.Function) { f.MemorySize = fc.Ptr(int64(256)) })
	createOutside(t, env, "trigger http", func(ctx context.Context) error {
		_, _, err := env.Client.CreateTrigger(ctx, "orders", "api", &fc.Trigger{
			TriggerName: fc.Ptr("http"), TriggerType: fc.Ptr("http"),
			TriggerConfig: fc.TriggerConfig(`{"authType":"anonymous","methods":["GET","POST"]}`),
		})
		return err
	}, nil)

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           example("before.tf"),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    example("after.tf"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					expectMoved("fc_service.orders", "alicloud_fc_service.orders"),
					expectMoved("fc_function.api", "alicloud_fc_function.api", "code"),
					expectMoved("fc_trigger.http", "alicloud_fc_trigger.http"),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"UpdateService": 0, "UpdateFunction": 0, "UpdateTrigger": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// alicloud_fc_layer_version

// TestAccLayerVersionResource_moveFromAlicloud moves a layer version
// published from a local zip and one published from OSS. The stand-in
// cannot know the version number FC gave (a computed value), so each old
// object is first imported by the incumbent's ID, LAYER:VERSION, then the
// old configuration is applied to it. After the move the OSS version
// changes not at all: its code moved with it. The local one sets code (no
// old state can hold it) and keeps its version, as the zip is the one FC
// has.
func TestAccLayerVersionResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	zipPath := filepath.Join(t.TempDir(), "deps.zip")
	if err := os.WriteFile(zipPath, zip, 0o600); err != nil {
		t.Fatal(err)
	}
	local, oss := acctest.RandomName("tf-acc-move"), acctest.RandomName("tf-acc-move")
	for _, l := range []struct {
		name string
		code *fc.Code
	}{
		{local, &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)}},
		{oss, &fc.Code{OSSBucketName: "deploy-bucket", OSSObjectName: "layers/deps-1.zip"}},
	} {
		createOutside(t, env, "layer "+l.name, func(ctx context.Context) error {
			out, _, err := env.Client.PublishLayerVersion(ctx, l.name, &fc.PublishLayerVersionInput{
				Code: l.code, CompatibleRuntime: []string{"python3.10", "python3.9"}, Description: fc.Ptr("dependencies"),
			})
			if err == nil && (out.Version == nil || *out.Version != 1) {
				err = fmt.Errorf("published version %v, want 1", out.Version)
			}
			return err
		}, func(ctx context.Context) error { return env.Client.DeleteLayerVersion(ctx, l.name, 1) })
	}

	old := env.Config(fmt.Sprintf(`
resource "alicloud_fc_layer_version" "local" {
  layer_name         = %[1]q
  compatible_runtime = ["python3.10", "python3.9"]
  description        = "dependencies"
  zip_file           = %[3]q
}

resource "alicloud_fc_layer_version" "oss" {
  layer_name         = %[2]q
  compatible_runtime = ["python3.10", "python3.9"]
  description        = "dependencies"
  oss_bucket_name    = "deploy-bucket"
  oss_object_name    = "layers/deps-1.zip"
}
`, local, oss, zipPath))
	moved := env.Config(fmt.Sprintf(`
resource "fc_layer_version" "local" {
  layer_name         = %[1]q
  compatible_runtime = ["python3.10", "python3.9"]
  description        = "dependencies"

  code = {
    filename = %[3]q
  }
}

resource "fc_layer_version" "oss" {
  layer_name         = %[2]q
  compatible_runtime = ["python3.10", "python3.9"]
  description        = "dependencies"

  code = {
    oss_bucket_name = "deploy-bucket"
    oss_object_name = "layers/deps-1.zip"
  }
}
`, local, oss, zipPath) + movedBlock("layer_version", "local") + movedBlock("layer_version", "oss"))

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config: old, ResourceName: "alicloud_fc_layer_version.local", ImportState: true, ImportStateId: local + ":1",
			ImportStatePersist: true,
		},
		resource.TestStep{
			Config: old, ResourceName: "alicloud_fc_layer_version.oss", ImportState: true, ImportStateId: oss + ":1",
			ImportStatePersist: true,
		},
		resource.TestStep{
			Config:           old,
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    moved,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					expectMoved("fc_layer_version.local", "alicloud_fc_layer_version.local", "code"),
					expectMoved("fc_layer_version.oss", "alicloud_fc_layer_version.oss"),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_layer_version.local", tfjsonpath.New("id"), knownvalue.StringExact(local+"/1")),
				statecheck.ExpectKnownValue("fc_layer_version.local", tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue("fc_layer_version.local", tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				statecheck.ExpectKnownValue("fc_layer_version.local", tfjsonpath.New("create_time"), knownvalue.StringRegexp(timestampRE)),
				statecheck.ExpectKnownValue("fc_layer_version.oss", tfjsonpath.New("arn_v2"), knownvalue.StringRegexp(nonEmptyRE)),
			},
			// No version published, none deleted.
			Check: testAccCheckRequestCounts(env, map[string]int{"PublishLayerVersion": 0, "DeleteLayerVersion": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// alicloud_fc_function_async_invoke_config

func TestAccFunctionAsyncInvokeConfigResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-move")
	createServiceOutside(t, env, service)
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	createFunctionOutside(t, env, service, "fn", zip, checksum, nil)
	removeAtEnd(t, env, "function fn", func(ctx context.Context) error { return env.Client.DeleteFunction(ctx, service, "fn", "") })
	createOutside(t, env, "the async invoke config", func(ctx context.Context) error {
		_, err := env.Client.PutFunctionAsyncInvokeConfig(ctx, service, "LATEST", "fn", &fc.AsyncInvokeConfig{
			MaxAsyncEventAgeInSeconds: fc.Ptr(int64(3600)),
			MaxAsyncRetryAttempts:     fc.Ptr(int64(2)),
			DestinationConfig:         &fc.DestinationConfig{OnFailure: &fc.Destination{Destination: testAccQueueARN}},
		})
		return err
	}, nil)

	// The incumbent's retry count defaults to 2 (fc_function_async_invoke_config's
	// to 3): the new configuration says 2.
	old := fmt.Sprintf(`
resource "alicloud_fc_function_async_invoke_config" "test" {
  service_name                 = %[1]q
  function_name                = "fn"
  maximum_event_age_in_seconds = 3600

  destination_config {
    on_failure {
      destination = %[2]q
    }
  }
}
`, service, testAccQueueARN)
	moved := fmt.Sprintf(`
resource "fc_function_async_invoke_config" "test" {
  service_name                   = %[1]q
  function_name                  = "fn"
  max_async_event_age_in_seconds = 3600
  max_async_retry_attempts       = 2

  destination_config = {
    on_failure = %[2]q
  }
}
`, service, testAccQueueARN) + movedBlock("function_async_invoke_config", "test")

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           env.Config(old),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(moved),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					expectMoved("fc_function_async_invoke_config.test", "alicloud_fc_function_async_invoke_config.test"),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_function_async_invoke_config.test", tfjsonpath.New("id"), knownvalue.StringExact(service+"/fn/LATEST")),
				statecheck.ExpectKnownValue("fc_function_async_invoke_config.test", tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"PutFunctionAsyncInvokeConfig": 0, "DeleteFunctionAsyncInvokeConfig": 0}),
		},
	))
}

// ---------------------------------------------------------------------------
// alicloud_fc_custom_domain

// TestAccCustomDomainResource_moveFromAlicloud moves an HTTPS domain with
// two routes: its private key, which FC never returns, moves from the old
// state into private_key.
func TestAccCustomDomainResource_moveFromAlicloud(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "needs a domain that resolves to FC")
	service, domain := acctest.RandomName("tf-acc-move"), testAccDomainName()
	createServiceOutside(t, env, service)
	zip, checksum := zipOf(t, testdataDir(t, "hello"))
	createFunctionOutside(t, env, service, "fn", zip, checksum, nil)
	pair := testcert.Valid(t, domain)
	createOutside(t, env, "custom domain "+domain, func(ctx context.Context) error {
		_, _, err := env.Client.CreateCustomDomain(ctx, &fc.CustomDomain{
			DomainName: fc.Ptr(domain),
			Protocol:   fc.Ptr("HTTP,HTTPS"),
			CertConfig: &fc.CertConfig{CertName: "move-cert", Certificate: pair.Cert, PrivateKey: pair.Key},
			RouteConfig: &fc.RouteConfig{Routes: []fc.PathConfig{
				{Path: "/login/*", ServiceName: service, FunctionName: "fn", Methods: []string{"GET", "POST"}},
				{Path: "/*", ServiceName: service, FunctionName: "fn"},
			}},
		})
		return err
	}, nil)

	old := fmt.Sprintf(`
resource "alicloud_fc_custom_domain" "test" {
  domain_name = %[1]q
  protocol    = "HTTP,HTTPS"

  route_config {
    path          = "/login/*"
    service_name  = %[2]q
    function_name = "fn"
    methods       = ["GET", "POST"]
  }

  route_config {
    path          = "/*"
    service_name  = %[2]q
    function_name = "fn"
  }

  cert_config {
    cert_name   = "move-cert"
    certificate = %[3]q
    private_key = %[4]q
  }
}
`, domain, service, pair.Cert, pair.Key)
	moved := fmt.Sprintf(`
resource "fc_custom_domain" "test" {
  domain_name = %[1]q
  protocol    = "HTTP,HTTPS"

  route_config = {
    routes = [
      {
        path          = "/login/*"
        service_name  = %[2]q
        function_name = "fn"
        methods       = ["GET", "POST"]
      },
      {
        path          = "/*"
        service_name  = %[2]q
        function_name = "fn"
      },
    ]
  }

  cert_config = {
    cert_name   = "move-cert"
    certificate = %[3]q
    private_key = %[4]q
  }
}
`, domain, service, pair.Cert, pair.Key) + movedBlock("custom_domain", "test")

	resource.ParallelTest(t, moveTestCase(env,
		resource.TestStep{
			Config:           env.Config(old),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(moved),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{expectMoved("fc_custom_domain.test", "alicloud_fc_custom_domain.test")},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("fc_custom_domain.test", tfjsonpath.New("id"), knownvalue.StringExact(domain)),
				statecheck.ExpectKnownValue("fc_custom_domain.test", tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"UpdateCustomDomain": 0, "CreateCustomDomain": 0}),
		},
	))
}
