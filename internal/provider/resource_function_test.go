package provider_test

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
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

const functionAddr = "fc_function.test"

// ---------------------------------------------------------------------------
// Fixtures and helpers.

// fnCopyDir copies a flat source tree into a fresh temporary directory, so a
// test can change files at the same path.
func fnCopyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// fnGet reads a function through the API.
func fnGet(t *testing.T, env *acctest.Env, service, name string) *fc.Function {
	t.Helper()
	f, _, err := env.Client.GetFunction(context.Background(), service, "", name)
	if err != nil {
		t.Fatalf("GetFunction %s/%s: %v", service, name, err)
	}
	return f
}

// fnUpdateOutside changes a function through the API, as someone outside
// Terraform would.
func fnUpdateOutside(env *acctest.Env, service, name string, in *fc.Function, checksum string) error {
	_, _, err := env.Client.UpdateFunction(context.Background(), service, name, in, checksum, "")
	return err
}

// ---------------------------------------------------------------------------
// Tests.

func TestAccFunctionResource_basic(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	_, checksum := zipOf(t, src)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccFunctionConfig(service, name, src, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionCreate),
						// Planned from the local files before anything is sent.
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/"+name)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("service_name"), knownvalue.StringExact(service)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("name"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("runtime"), knownvalue.StringExact("python3.10")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("handler"), knownvalue.StringExact("index.handler")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code").AtMapKey("source_dir"), knownvalue.StringExact(src)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code").AtMapKey("zip_file"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_size"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("function_id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("created_time"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("last_modified_time"), knownvalue.NotNull()),
					// Values FC fills in (its documented defaults).
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("timeout"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("initialization_timeout"), knownvalue.Int64Exact(3)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("instance_type"), knownvalue.StringExact("e1")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("memory_size"), knownvalue.NotNull()),
					// Optional arguments left out stay null.
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("environment_variables"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_dns"), knownvalue.Null()),
				},
			},
			{
				ResourceName:      functionAddr,
				ImportState:       true,
				ImportStateId:     service + "/" + name,
				ImportStateVerify: true,
				// FC cannot return the code source; code_checksum is verified.
				ImportStateVerifyIgnore: []string{"code"},
			},
			{
				ResourceName:  functionAddr,
				ImportState:   true,
				ImportStateId: name,
				ExpectError:   expectError(`expected SERVICE/FUNCTION, got "` + name + `"`),
			},
		},
	})
}

// TestAccFunctionResource_importThenApply imports a function created outside
// Terraform with an import block. The code argument cannot be imported, so
// the plan shows it added; the package is the same, so the apply sends
// nothing, and the plan is empty afterwards.
func TestAccFunctionResource_importThenApply(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	zip, checksum := zipOf(t, src)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           env.Config(testAccServiceConfig(service)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
			{
				PreConfig: func() {
					createFunctionOutside(t, env, service, name, zip, checksum, nil)
					env.Emulator.ResetCounts()
				},
				Config: env.Config(testAccFunctionConfig(service, name, src, "") + fmt.Sprintf(`
import {
  to = fc_function.test
  id = "%s/%s"
}
`, service, name)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: testAccCheckRequestCounts(env, map[string]int{"UpdateFunction": 0, "CreateFunction": 0}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code").AtMapKey("source_dir"), knownvalue.StringExact(src)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				},
			},
		},
	})
}

// TestAccFunctionResource_importBlockFractionalCPU imports, with an import
// block, a function whose cpu is a fraction that has no exact float64
// (0.35). The configuration's 0.35 is a decimal, FC's the nearest float64:
// Terraform sees the same number, so the apply sends nothing and
// last_modified_time is known in the plan.
func TestAccFunctionResource_importBlockFractionalCPU(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	zip, checksum := zipOf(t, src)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           env.Config(testAccServiceConfig(service)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
			{
				PreConfig: func() {
					createFunctionOutside(t, env, service, name, zip, checksum, func(f *fc.Function) {
						f.CPU = fc.Ptr(0.35)
						f.MemorySize = fc.Ptr(int64(512))
					})
					env.Emulator.ResetCounts()
				},
				Config: env.Config(testAccFunctionConfig(service, name, src, `
  cpu         = 0.35
  memory_size = 512
`) + fmt.Sprintf(`
import {
  to = fc_function.test
  id = "%s/%s"
}
`, service, name)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("last_modified_time"), knownvalue.NotNull()),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: testAccCheckRequestCounts(env, map[string]int{"UpdateFunction": 0, "CreateFunction": 0}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("cpu"), knownvalue.Float64Exact(0.35)),
				},
			},
		},
	})
}

// TestAccFunctionResource_unknownAtPlan configures arguments whose values
// are only known at apply: a nested object that may be null, the code
// directory and cpu. Validation waits for the values instead of failing on
// the unknowns, and the apply leaves no diff.
func TestAccFunctionResource_unknownAtPlan(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	_, checksum := zipOf(t, src)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccServiceConfig(service) + fmt.Sprintf(`
resource "terraform_data" "later" {
  input = { dir = %q, health_check = false, cpu = 0.35 }
}

resource "fc_function" "test" {
  service_name = fc_service.test.name
  name         = %q
  runtime      = "python3.10"
  handler      = "index.handler"
  cpu          = terraform_data.later.output.cpu

  code = {
    source_dir = terraform_data.later.output.dir
  }

  # Unknown at plan time, null at apply: no health check on a Python function.
  custom_health_check_config = terraform_data.later.output.health_check ? { http_get_url = "/ready" } : null
}
`, src, name)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(functionAddr, tfjsonpath.New("custom_health_check_config")),
						plancheck.ExpectUnknownValue(functionAddr, tfjsonpath.New("code_checksum")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_health_check_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("cpu"), knownvalue.Float64Exact(0.35)),
				},
			},
		},
	})
}

func TestAccFunctionResource_update(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	sameID := statecheck.CompareValue(compare.ValuesSame())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(testAccFunctionConfig(service, name, src, `
  description = "first"
  memory_size = 256
  timeout     = 30
  environment_variables = {
    A = "1"
  }
`)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(functionAddr, tfjsonpath.New("function_id")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("memory_size"), knownvalue.Int64Exact(256)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("timeout"), knownvalue.Int64Exact(30)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.StringExact("first")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("environment_variables"), knownvalue.MapExact(map[string]knownvalue.Check{
						"A": knownvalue.StringExact("1"),
					})),
				},
			},
			{
				Config: env.Config(testAccFunctionConfig(service, name, src, `
  description = "second"
  memory_size = 512
  timeout     = 60
  environment_variables = {
    A = "2"
    B = "3"
  }
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(functionAddr, tfjsonpath.New("last_modified_time")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					sameID.AddStateValue(functionAddr, tfjsonpath.New("function_id")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("memory_size"), knownvalue.Int64Exact(512)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("timeout"), knownvalue.Int64Exact(60)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.StringExact("second")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("environment_variables"), knownvalue.MapExact(map[string]knownvalue.Check{
						"A": knownvalue.StringExact("2"),
						"B": knownvalue.StringExact("3"),
					})),
				},
				Check: func(*terraform.State) error {
					f := fnGet(t, env, service, name)
					if got := *f.MemorySize; got != 512 {
						return fmt.Errorf("memorySize in FC = %d, want 512", got)
					}
					if got := f.EnvironmentVariables["B"]; got != "3" {
						return fmt.Errorf("environmentVariables.B in FC = %q, want 3", got)
					}
					return nil
				},
			},
		},
	})
}

func TestAccFunctionResource_replace(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-svc")
	name1, name2 := acctest.RandomName("tf-fn"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	differentID := statecheck.CompareValue(compare.ValuesDiffer())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           env.Config(testAccFunctionConfig(service, name1, src, "")),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					differentID.AddStateValue(functionAddr, tfjsonpath.New("function_id")),
				},
			},
			{
				Config:           env.Config(testAccFunctionConfig(service, name2, src, "")),
				ConfigPlanChecks: expectActionThenEmptyPlan(functionAddr, plancheck.ResourceActionDestroyBeforeCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					differentID.AddStateValue(functionAddr, tfjsonpath.New("function_id")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("id"), knownvalue.StringExact(service+"/"+name2)),
				},
				Check: func(*terraform.State) error {
					_, _, err := env.Client.GetFunction(context.Background(), service, "", name1)
					if !fc.IsNotFound(err) {
						return fmt.Errorf("the replaced function %s still answers: %v", name1, err)
					}
					return nil
				},
			},
		},
	})
}

func TestAccFunctionResource_disappears(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	testAccParallel(t, env, disappearsStep(env.Config(testAccFunctionConfig(service, name, testdataDir(t, "hello"), "")), functionAddr,
		func(ctx context.Context) error { return env.Client.DeleteFunction(ctx, service, name, "") }))
}

// A function that already exists is not taken over: the create fails with
// the API's conflict and the advice to import it, and the existing function
// is left as it was.
func TestAccFunctionResource_alreadyExists(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	zip, _ := zipOf(t, src)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           env.Config(testAccServiceConfig(service)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
			{
				PreConfig: func() {
					createFunctionOutside(t, env, service, name, zip, "", func(f *fc.Function) {
						f.Description = fc.Ptr("made outside Terraform")
					})
				},
				Config:      env.Config(testAccFunctionConfig(service, name, src, "")),
				ExpectError: expectError("Error creating FC function", "already exists", "terraform import", "FunctionAlreadyExists"),
			},
			{
				// The outside function survived untouched; remove it so the
				// service can be destroyed.
				PreConfig: func() {
					f, _, err := env.Client.GetFunction(context.Background(), service, "", name)
					if err != nil || deref(f.Description) != "made outside Terraform" {
						t.Fatalf("the existing function changed: %+v, %v", f, err)
					}
					if err := env.Client.DeleteFunction(context.Background(), service, name, ""); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(testAccServiceConfig(service)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
			},
		},
	})
}

func TestAccFunctionResource_drift(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	testAccParallel(t, env, driftCase{
		config: env.Config(testAccFunctionConfig(service, name, src, `
  description = "managed"
  memory_size = 256
  environment_variables = {
    A = "1"
  }
`)),
		addr: functionAddr,
		change: func(context.Context) error {
			return fnUpdateOutside(env, service, name, &fc.Function{
				Description:          fc.Ptr("changed outside"),
				MemorySize:           fc.Ptr(int64(1024)),
				Initializer:          fc.Ptr("index.init"),
				EnvironmentVariables: map[string]string{"X": "y"},
			}, "")
		},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.StringExact("managed")),
			plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("initializer"), knownvalue.Null()),
			plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("memory_size"), knownvalue.Int64Exact(256)),
		},
		check: func(*terraform.State) error {
			f := fnGet(t, env, service, name)
			if f.Description == nil || *f.Description != "managed" {
				return fmt.Errorf("description in FC = %v, want managed", f.Description)
			}
			if *f.MemorySize != 256 {
				return fmt.Errorf("memorySize in FC = %d, want 256", *f.MemorySize)
			}
			if f.Initializer != nil && *f.Initializer != "" {
				return fmt.Errorf("initializer in FC = %q, want it cleared", *f.Initializer)
			}
			if len(f.EnvironmentVariables) != 1 || f.EnvironmentVariables["A"] != "1" {
				return fmt.Errorf("environmentVariables in FC = %v, want {A: 1}", f.EnvironmentVariables)
			}
			return nil
		},
	}.steps(t)...)
}

// TestAccFunctionResource_codeDrift changes the code in two ways Terraform
// must notice although the configuration stays the same: the files at the
// configured path change, and the code is replaced outside Terraform.
func TestAccFunctionResource_codeDrift(t *testing.T) {
	env := acctest.New(t)
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	dir := fnCopyDir(t, testdataDir(t, "hello"))
	_, checksum1 := zipOf(t, dir)
	outsideZip, outsideChecksum := zipOf(t, testdataDir(t, "hello_v2"))
	config := env.Config(testAccFunctionConfig(service, name, dir, ""))
	// Set by the PreConfig of step 2, read by its checks.
	var checksum2 string
	isChecksum2 := knownvalue.StringFunc(func(v string) error {
		if v != checksum2 {
			return fmt.Errorf("code_checksum = %s, want %s (the changed files)", v, checksum2)
		}
		return nil
	})

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config,
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum1)),
				},
			},
			{
				// The files at the same path change.
				PreConfig: func() {
					if err := os.WriteFile(filepath.Join(dir, "index.py"), []byte("def handler(event, context):\n    return 'changed'\n"), 0o644); err != nil {
						t.Fatal(err)
					}
					_, checksum2 = zipOf(t, dir)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), isChecksum2),
						plancheck.ExpectUnknownValue(functionAddr, tfjsonpath.New("code_size")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), isChecksum2),
				},
				Check: func(*terraform.State) error {
					if got := *fnGet(t, env, service, name).CodeChecksum; got != checksum2 {
						return fmt.Errorf("codeChecksum in FC = %s, want %s", got, checksum2)
					}
					return nil
				},
			},
			{
				// The code is replaced outside Terraform: the refresh reads
				// another checksum and the plan restores the local package.
				PreConfig: func() {
					err := fnUpdateOutside(env, service, name, &fc.Function{
						Code: &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(outsideZip)},
					}, outsideChecksum)
					if err != nil {
						t.Fatalf("changing the code outside Terraform: %v", err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), isChecksum2),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(*terraform.State) error {
					if got := *fnGet(t, env, service, name).CodeChecksum; got != checksum2 {
						return fmt.Errorf("codeChecksum in FC = %s, want %s (restored)", got, checksum2)
					}
					return nil
				},
			},
		},
	})
}

// TestAccFunctionResource_staleETag changes the function after Terraform
// refreshed and planned but before it applies: the update must fail with
// the concurrency error and leave the outside change in place.
func TestAccFunctionResource_staleETag(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "FC's answer to a stale If-Match is undocumented (fc-api.md section 5); the emulator answers 412")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	testAccParallel(t, env, staleETagCase{
		first:  env.Config(testAccFunctionConfig(service, name, src, `  description = "first"`)),
		second: env.Config(testAccFunctionConfig(service, name, src, `  description = "from terraform"`)),
		addr:   functionAddr,
		change: func(context.Context) error {
			return fnUpdateOutside(env, service, name, &fc.Function{Description: fc.Ptr("outside"), Timeout: fc.Ptr(int64(42))}, "")
		},
		wantError: expectError(`Error updating FC function`, `changed outside Terraform since the last refresh`, `did not overwrite it`, `PreconditionFailed`),
		survived: func(context.Context) error {
			f := fnGet(t, env, service, name)
			if *f.Description != "outside" || *f.Timeout != 42 {
				return fmt.Errorf("the change made outside Terraform was overwritten: description %q, timeout %d", *f.Description, *f.Timeout)
			}
			return nil
		},
		after: expectActionThenEmptyPlan(functionAddr, plancheck.ResourceActionUpdate),
		state: []statecheck.StateCheck{
			statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.StringExact("from terraform")),
			// timeout is not configured: the service's value is kept.
			statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("timeout"), knownvalue.Int64Exact(42)),
		},
	}.steps(t)...)
}

// testAccFunctionConfigAll sets every optional argument.
func testAccFunctionConfigAll(service, name, src string) string {
	return testAccServiceConfig(service) + testAccHCL("function_all.tf.tmpl", name, src)
}

// TestAccFunctionResource_clearAll sets every argument, then removes every
// optional one: Optional arguments are cleared in FC and null in the state;
// arguments FC fills in (Optional+Computed) keep the service's value.
func TestAccFunctionResource_clearAll(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "sets made-up layers, image and GPU settings")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	minimal := testAccServiceConfig(service) + fmt.Sprintf(`
resource "fc_function" "test" {
  service_name = fc_service.test.name
  name         = %q
  runtime      = "custom.debian10"
  handler      = "index.handler"
  code = {
    source_dir = %q
  }
}
`, name, src)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           env.Config(testAccFunctionConfigAll(service, name, src)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("cpu"), knownvalue.Float64Exact(0.35)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("layers"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("acs:fc:cn-hangzhou:official:layers/Python310-Lib/versions/2"),
						knownvalue.StringExact("acs:fc:cn-hangzhou:official:layers/Python310/versions/1"),
					})),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_container_config").AtMapKey("command"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("/code/server"),
					})),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_dns").AtMapKey("dns_options").AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"name": knownvalue.StringExact("edns0"), "value": knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("instance_lifecycle_config").AtMapKey("pre_stop").AtMapKey("timeout"), knownvalue.Int64Exact(20)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_health_check_config").AtMapKey("success_threshold"), knownvalue.Int64Exact(5)),
				},
				Check: func(*terraform.State) error {
					f := fnGet(t, env, service, name)
					if got := f.CustomContainerConfig.Command; got != `["/code/server"]` {
						return fmt.Errorf("customContainerConfig.command in FC = %s, want the JSON array string", got)
					}
					return nil
				},
			},
			{
				Config:           env.Config(minimal),
				ConfigPlanChecks: expectActionThenEmptyPlan(functionAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("initializer"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("environment_variables"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("layers"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_container_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_dns"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_runtime_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_health_check_config"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("instance_lifecycle_config"), knownvalue.Null()),
					// Optional+Computed: the service's value stays.
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("memory_size"), knownvalue.Int64Exact(1024)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("timeout"), knownvalue.Int64Exact(120)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("cpu"), knownvalue.Float64Exact(0.35)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("instance_type"), knownvalue.StringExact("fc.gpu.tesla.1")),
				},
				Check: func(*terraform.State) error {
					f := fnGet(t, env, service, name)
					var errs []error
					if f.Description != nil && *f.Description != "" {
						errs = append(errs, fmt.Errorf("description = %q", *f.Description))
					}
					if f.Initializer != nil && *f.Initializer != "" {
						errs = append(errs, fmt.Errorf("initializer = %q", *f.Initializer))
					}
					if len(f.EnvironmentVariables) != 0 || len(f.Layers) != 0 {
						errs = append(errs, fmt.Errorf("environmentVariables = %v, layers = %v", f.EnvironmentVariables, f.Layers))
					}
					if f.CustomContainerConfig != nil || f.CustomDNS != nil || f.CustomRuntimeConfig != nil ||
						f.CustomHealthCheckConfig != nil || f.InstanceLifecycleConfig != nil {
						errs = append(errs, fmt.Errorf("nested objects not cleared: %+v %+v %+v %+v %+v", f.CustomContainerConfig,
							f.CustomDNS, f.CustomRuntimeConfig, f.CustomHealthCheckConfig, f.InstanceLifecycleConfig))
					}
					if len(errs) > 0 {
						return fmt.Errorf("not cleared in FC: %w", errors.Join(errs...))
					}
					return nil
				},
			},
			{
				// And back: every argument can be set again.
				Config:           env.Config(testAccFunctionConfigAll(service, name, src)),
				ConfigPlanChecks: expectActionThenEmptyPlan(functionAddr, plancheck.ResourceActionUpdate),
			},
		},
	})
}

// TestAccFunctionResource_zeroValues sets empty strings, maps and lists and
// zero numbers: they are sent, kept apart from null, and can be cleared and
// set again without a perpetual diff.
func TestAccFunctionResource_zeroValues(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "sets a made-up container image")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	zero := env.Config(testAccFunctionConfig(service, name, src, `
  description           = ""
  initializer           = ""
  environment_variables = {}
  layers                = []
  gpu_memory_size       = 0
  custom_dns            = {}
  custom_runtime_config = {
    command = []
  }
  custom_container_config = {
    image           = "registry.cn-hangzhou.aliyuncs.com/ns/app:v1"
    args            = []
    web_server_mode = false
  }
`))
	unset := env.Config(testAccFunctionConfig(service, name, src, `
  gpu_memory_size = 0
`))
	zeroChecks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.StringExact("")),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("initializer"), knownvalue.StringExact("")),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("environment_variables"), knownvalue.MapSizeExact(0)),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("layers"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("gpu_memory_size"), knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_dns"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"dns_options": knownvalue.Null(), "name_servers": knownvalue.Null(), "searches": knownvalue.Null(),
		})),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_runtime_config").AtMapKey("command"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_container_config").AtMapKey("web_server_mode"), knownvalue.Bool(false)),
		statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_container_config").AtMapKey("args"), knownvalue.ListSizeExact(0)),
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:            zero,
				ConfigPlanChecks:  expectEmptyPlanAfterApply,
				ConfigStateChecks: zeroChecks,
				Check: func(*terraform.State) error {
					f := fnGet(t, env, service, name)
					if f.Description == nil || *f.Description != "" {
						return fmt.Errorf("description in FC = %v, want an explicit empty string", f.Description)
					}
					if f.GPUMemorySize == nil || *f.GPUMemorySize != 0 {
						return fmt.Errorf("gpuMemorySize in FC = %v, want an explicit 0", f.GPUMemorySize)
					}
					return nil
				},
			},
			{
				Config:           unset,
				ConfigPlanChecks: expectActionThenEmptyPlan(functionAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("environment_variables"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("layers"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_dns"), knownvalue.Null()),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("custom_container_config"), knownvalue.Null()),
				},
			},
			{
				Config:            zero,
				ConfigPlanChecks:  expectActionThenEmptyPlan(functionAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: zeroChecks,
			},
		},
	})
}

// TestAccFunctionResource_codeSources deploys from each code source in turn.
func TestAccFunctionResource_codeSources(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "uses made-up OSS objects and counts API requests")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	zip1, checksum1 := zipOf(t, testdataDir(t, "hello"))
	zip2, checksum2 := zipOf(t, testdataDir(t, "hello_v2"))
	zipPath := filepath.Join(t.TempDir(), "code.zip")
	if err := os.WriteFile(zipPath, zip1, 0o644); err != nil {
		t.Fatal(err)
	}
	config := func(code string) string {
		return env.Config(testAccFunctionCodeConfig(service, name, code, ""))
	}
	ossChecksum := statecheck.CompareValue(compare.ValuesDiffer())

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:           config(fmt.Sprintf("filename = %q", zipPath)),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum1)),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_size"), knownvalue.Int64Exact(int64(len(zip1)))),
				},
			},
			{
				// The same archive as base64: only the source argument
				// changes, so nothing is sent to FC.
				PreConfig: env.Emulator.ResetCounts,
				Config:    config(fmt.Sprintf("zip_file = %q", base64.StdEncoding.EncodeToString(zip1))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum1)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: testAccCheckRequestCounts(env, map[string]int{"UpdateFunction": 0}),
			},
			{
				Config: config(fmt.Sprintf("zip_file = %q", base64.StdEncoding.EncodeToString(zip2))),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum2)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum2)),
				},
			},
			{
				// OSS: the checksum is known only after FC fetched the object.
				Config: config(`
    oss_bucket_name = "code-bucket"
    oss_object_name = "releases/v1.zip"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(functionAddr, tfjsonpath.New("code_checksum")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					ossChecksum.AddStateValue(functionAddr, tfjsonpath.New("code_checksum")),
					statecheck.ExpectKnownValue(functionAddr, tfjsonpath.New("code_checksum"), knownvalue.StringFunc(func(v string) error {
						if v == "" || v == checksum2 {
							return fmt.Errorf("code_checksum = %q, want the OSS package's", v)
						}
						return nil
					})),
				},
			},
			{
				Config: config(`
    oss_bucket_name = "code-bucket"
    oss_object_name = "releases/v2.zip"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectUnknownValue(functionAddr, tfjsonpath.New("code_checksum")),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					ossChecksum.AddStateValue(functionAddr, tfjsonpath.New("code_checksum")),
				},
			},
		},
	})
}

// TestAccFunctionResource_validation checks every plan-time rule. No step
// reaches the API: the service name is a literal.
func TestAccFunctionResource_validation(t *testing.T) {
	env := acctest.New(t)
	src := testdataDir(t, "hello")
	config := func(runtime, code, extra string) string {
		return env.Config(fmt.Sprintf(`
resource "fc_function" "test" {
  service_name = "svc"
  name         = "fn"
  runtime      = %q
  handler      = "index.handler"
  %s
  %s
}
`, runtime, code, extra))
	}
	dirCode := fmt.Sprintf("code = { source_dir = %q }", src)
	step := func(extra string, wantErr ...string) resource.TestStep {
		return resource.TestStep{
			Config:      config("python3.10", dirCode, extra),
			PlanOnly:    true,
			ExpectError: expectError(wantErr...),
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			step("memory_size = 100", `memory_size`, `must be a multiple of 64, got 100`),
			step("memory_size = 0", `memory_size`, `must be at least 64`),
			step("cpu = 0.07", `cpu`, `must be a multiple of 0.05, got 0.07`),
			step("gpu_memory_size = 1000", `gpu_memory_size`, `must be a multiple of 1024, got 1000`),
			step("disk_size = 1000", `disk_size`, `value must be one of`),
			step("instance_concurrency = 5\ninstance_soft_concurrency = 6", `instance_soft_concurrency`, `must be less than or equal to instance_concurrency`),
			step("instance_concurrency = 0", `instance_concurrency`, `must be at least 1`),
			step(`instance_type = "x"`, `instance_type`, `value must be one of`),
			step("timeout = 0", `timeout`, `must be between 1 and 86400, got: 0`),
			step("initialization_timeout = 301", `initialization_timeout`, `must be between 1 and 300, got: 301`),
			step("ca_port = 70000", `ca_port`, `must be between 1 and 65535`),
			step(`custom_container_config = {
    image             = "img"
    acceleration_type = "Fast"
  }`, `acceleration_type`, `value must be one of`),
			step(`custom_health_check_config = { http_get_url = "/ready" }`, `Health check needs a custom runtime`, `custom_health_check_config =`, `not "python3.10"`),
			{
				Config:      config("x", dirCode, ""),
				PlanOnly:    true,
				ExpectError: expectError(`runtime`, `value must be one of`),
			},
			{
				Config: env.Config(fmt.Sprintf(`resource "fc_function" "test" {
  service_name = "svc"
  name         = "1fn"
  runtime      = "python3.10"
  handler      = "index.handler"
  %s
}`, dirCode)),
				PlanOnly:    true,
				ExpectError: expectError(`Invalid function name`, `name = "1fn"`, `starts with '1'`),
			},
			{
				Config: config("python3.10", fmt.Sprintf(`code = {
    source_dir = %q
    zip_file   = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="
  }`, src), ""),
				PlanOnly:    true,
				ExpectError: expectError(`Conflicting code sources`, `code = {`, `but 2 are set: [source_dir zip_file]`),
			},
			{
				Config:      config("python3.10", "code = {}", ""),
				PlanOnly:    true,
				ExpectError: expectError(`Missing code source`, `code = {}`, `None is set`),
			},
			{
				Config:      config("python3.10", "", ""),
				PlanOnly:    true,
				ExpectError: expectError(`Missing code`, `resource "fc_function" "test"`, `code is required`),
			},
			{
				Config:      config("python3.10", `code = { oss_bucket_name = "bucket" }`, ""),
				PlanOnly:    true,
				ExpectError: expectError(`Incomplete OSS code source`, `code = { oss_bucket_name = "bucket" }`, `must be set together`),
			},
			{
				Config:      config("python3.10", `code = { source_dir = "/does/not/exist" }`, ""),
				PlanOnly:    true,
				ExpectError: expectError(`Error reading function code`, `code.source_dir: the code package could not be read`, `code directory "/does/not/exist" does not exist`),
			},
			{
				Config:      config("python3.10", `code = { zip_file = "bm90IGEgemlw" }`, ""),
				PlanOnly:    true,
				ExpectError: expectError(`Error reading function code`, `code.zip_file: the code package could not be read`, `not a zip archive`),
			},
		},
	})
}

// TestAccFunctionResource_requestCounts pins the API calls of each phase.
// The emulator counts every request; each step's PreConfig resets the
// counters, so a count covers exactly that step's plan (with its refresh)
// and apply, up to its Check, which runs right after the apply. The
// post-apply plans of a step run after its Check and are reset away by the
// next PreConfig.
func TestAccFunctionResource_requestCounts(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	service, name := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	src := testdataDir(t, "hello")
	config := func(memory int) string {
		return env.Config(testAccServiceConfig(service) + fmt.Sprintf(`
resource "fc_function" "test" {
  count        = 2
  service_name = fc_service.test.name
  name         = "%s-${count.index}"
  runtime      = "python3.10"
  handler      = "index.handler"
  memory_size  = %d
  code = {
    source_dir = %q
  }
}
`, name, memory, src))
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				// Create: nothing to refresh in the plan, and the apply
				// takes the state from the CreateFunction answer.
				PreConfig:        env.Emulator.ResetCounts,
				Config:           config(128),
				ConfigPlanChecks: expectEmptyPlanAfterApply,
				Check:            testAccCheckRequestCounts(env, map[string]int{"CreateFunction": 2, "GetFunction": 0, "UpdateFunction": 0}),
			},
			{
				// Refresh: one GetFunction per function.
				PreConfig:    env.Emulator.ResetCounts,
				RefreshState: true,
				Check:        testAccCheckRequestCounts(env, map[string]int{"GetFunction": 2, "UpdateFunction": 0, "CreateFunction": 0}),
			},
			{
				// Update: the plan's refresh reads each function once; the
				// apply makes one UpdateFunction each and reads nothing.
				PreConfig: env.Emulator.ResetCounts,
				Config:    config(256),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(functionAddr+"[0]", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(functionAddr+"[1]", plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: testAccCheckRequestCounts(env, map[string]int{"GetFunction": 2, "UpdateFunction": 2, "CreateFunction": 0}),
			},
		},
	})
}

// createFunctionOutside creates a python3.10 function with the given zip
// through the API, as a change made outside Terraform; edit, when not nil,
// sets more fields first.
func createFunctionOutside(t *testing.T, env *acctest.Env, service, name string, zip []byte, checksum string, edit func(*fc.Function)) {
	t.Helper()
	f := &fc.Function{
		FunctionName: fc.Ptr(name),
		Runtime:      fc.Ptr("python3.10"),
		Handler:      fc.Ptr("index.handler"),
		Code:         &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)},
	}
	if edit != nil {
		edit(f)
	}
	if _, _, err := env.Client.CreateFunction(context.Background(), service, f, checksum); err != nil {
		t.Fatalf("creating the function outside Terraform: %v", err)
	}
}
