package provider_test

import (
	"fmt"
	"os/exec"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
)

// The fc_invoke_function tests run the function's code, which the emulator
// does with the python3 on PATH, and need Terraform 1.14 or later (actions).

func testAccInvokePrecheck(t *testing.T, env *acctest.Env) {
	t.Helper()
	if env.Live {
		return
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH: the emulator runs the function's Python code with it; install python3 to run this test")
	}
}

// testAccInvokeConfig is a service, the greeter function of
// testdata/function/invoke with GREETING = greeting, whose create and
// update trigger action.fc_invoke_function.greet (with onFailure, when
// set), and that action with the given body.
func testAccInvokeConfig(t *testing.T, service, greeting, onFailure, actionBody string) string {
	t.Helper()
	trigger := ""
	if onFailure != "" {
		trigger = "\n      on_failure = " + onFailure
	}
	return testAccServiceConfig(service) + fmt.Sprintf(`
resource "fc_function" "test" {
  service_name = fc_service.test.name
  name         = "greeter"
  runtime      = "python3.10"
  handler      = "index.handler"
  # Generous for a busy machine: the first call imports the code.
  timeout = 30
  environment_variables = {
    GREETING = %q
  }
  code = {
    source_dir = %q
  }

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.fc_invoke_function.greet]%s
    }
  }
}

action "fc_invoke_function" "greet" {
  config {
    service_name  = fc_service.test.name
    function_name = "greeter"
%s
  }
}
`, greeting, testdataDir(t, "invoke"), trigger, actionBody)
}

// testAccCheckInvocations checks how many InvokeFunction requests the
// emulator served (not checked against real FC).
func testAccCheckInvocations(env *acctest.Env, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if env.Live {
			return nil
		}
		if got := env.Emulator.Counts()["InvokeFunction"]; got != want {
			return fmt.Errorf("InvokeFunction served %d times, want %d", got, want)
		}
		return nil
	}
}

func testAccInvokeCase(t *testing.T, env *acctest.Env, steps ...resource.TestStep) {
	t.Helper()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		PreCheck:                 func() { testAccInvokePrecheck(t, env) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps:                    steps,
	})
}

// The action runs after the function is created and after it is updated,
// and its expectation holds against what the function answered.
func TestAccInvokeFunctionAction_afterCreate(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-invoke")
	config := func(greeting string) string {
		return env.Config(testAccInvokeConfig(t, service, greeting, "", fmt.Sprintf(`
    payload       = jsonencode({ name = "terraform" })
    log_tail      = true
    expect = {
      result_contains = "\"greeting\": \"%s\""
    }`, greeting)))
	}
	testAccInvokeCase(t, env,
		resource.TestStep{
			Config: config("hi"),
			Check:  testAccCheckInvocations(env, 1),
		},
		resource.TestStep{
			// An update (a new environment) triggers it again, and the new
			// instance answers with the new greeting.
			Config: config("hello"),
			Check:  testAccCheckInvocations(env, 2),
		},
		resource.TestStep{
			// Nothing changed: no update, no invocation.
			Config: config("hello"),
			Check:  testAccCheckInvocations(env, 2),
		},
	)
}

// A function that fails is an error of the apply, with the error's type
// and message.
func TestAccInvokeFunctionAction_functionError(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-invoke-err")
	testAccInvokeCase(t, env, resource.TestStep{
		Config: env.Config(testAccInvokeConfig(t, service, "hi", "", `
    payload = jsonencode({ fail = true })`)),
		ExpectError: expectError("FC function returned an error", "UnhandledInvocationError, ValueError: asked to fail"),
	})
}

// With on_failure = continue the failure is a warning: the apply succeeds.
func TestAccInvokeFunctionAction_onFailureContinue(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-invoke-cont")
	testAccInvokeCase(t, env, resource.TestStep{
		Config: env.Config(testAccInvokeConfig(t, service, "hi", "continue", `
    payload = jsonencode({ fail = true })`)),
		Check: testAccCheckInvocations(env, 1),
	})
}

// A result without the expected string is an error.
func TestAccInvokeFunctionAction_resultNotAsExpected(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-invoke-exp")
	testAccInvokeCase(t, env, resource.TestStep{
		Config: env.Config(testAccInvokeConfig(t, service, "hi", "", `
    expect = {
      result_contains = "Goodbye"
    }`)),
		ExpectError: expectError("FC function result not as expected", `does not contain "Goodbye"`, "Hello, world"),
	})
}

// A success where a failure was expected is an error.
func TestAccInvokeFunctionAction_expectedFailure(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-invoke-fail")
	testAccInvokeCase(t, env, resource.TestStep{
		Config: env.Config(testAccInvokeConfig(t, service, "hi", "", `
    expect = {
      function_error = true
    }`)),
		ExpectError: expectError("FC function did not fail", "expect.function_error = true"),
	})
}

// An asynchronous invocation cannot give a log tail or a result.
func TestAccInvokeFunctionAction_validation(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-invoke-val")
	testAccInvokeCase(t, env,
		resource.TestStep{
			Config: env.Config(testAccInvokeConfig(t, service, "hi", "", `
    invocation_type = "async"
    log_tail        = true`)),
			PlanOnly:    true,
			ExpectError: expectError("Log tail of an asynchronous invocation"),
		},
		resource.TestStep{
			Config: env.Config(testAccInvokeConfig(t, service, "hi", "", `
    invocation_type = "later"`)),
			PlanOnly:    true,
			ExpectError: expectError("invocation_type", "sync", "async"),
		},
	)
}
