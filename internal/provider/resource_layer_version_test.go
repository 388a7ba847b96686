package provider_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

const layerAddr = "fc_layer_version.test"

// layerARNRE matches a layer version ARN of the "<hex>#<name>#<version>" form.
func layerARNRE(name string, version int) *regexp.Regexp {
	return regexp.MustCompile(`^[0-9a-f]{32}#` + regexp.QuoteMeta(name) + `#` + strconv.Itoa(version) + `$`)
}

// testAccLayerConfig is fc_layer_version.test with the code block code and
// extra arguments.
func testAccLayerConfig(name, code, extra string) string {
	return fmt.Sprintf(`
resource "fc_layer_version" "test" {
  layer_name         = %q
  compatible_runtime = ["python3.10", "python3.9"]

  code = {
    %s
  }
%s
}
`, name, code, extra)
}

// layerGet reads a layer version through the API.
func layerGet(ctx context.Context, env *acctest.Env, name string, version int64) (*fc.Layer, error) {
	l, _, err := env.Client.GetLayerVersion(ctx, name, version)
	return l, err
}

// testAccCheckLayerVersionGone checks that a version no longer exists.
func testAccCheckLayerVersionGone(env *acctest.Env, name string, version int64) resource.TestCheckFunc {
	return func(*terraform.State) error {
		_, err := layerGet(context.Background(), env, name, version)
		if err == nil {
			return fmt.Errorf("version %d of layer %q still exists", version, name)
		}
		if !fc.IsNotFound(err) {
			return fmt.Errorf("reading version %d of layer %q: %w", version, name, err)
		}
		return nil
	}
}

func TestAccLayerVersionResource_basic(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-layer")
	src := testdataDir(t, "hello")
	zip, checksum := zipOf(t, src)

	testAccParallel(t, env,
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config:    env.Config(testAccLayerConfig(name, fmt.Sprintf("source_dir = %q", src), `  description = "shared libraries"`)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionCreate),
					// Planned from the local files before anything is sent.
					plancheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("id"), knownvalue.StringExact(name+"/1")),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("layer_name"), knownvalue.StringExact(name)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("description"), knownvalue.StringExact("shared libraries")),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("compatible_runtime"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("python3.10"), knownvalue.StringExact("python3.9"),
				})),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_size"), knownvalue.Int64Exact(int64(len(zip)))),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code").AtMapKey("source_dir"), knownvalue.StringExact(src)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("arn"), knownvalue.StringRegexp(layerARNRE(name, 1))),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("arn_v2"), knownvalue.StringExact(
					"acs:fc:"+acctest.Region+":"+acctest.AccountID+":layers/"+name+"/versions/1")),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("acl"), knownvalue.Int64Exact(0)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("create_time"), knownvalue.StringRegexp(timestampRE)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(false)),
			},
			Check: resource.ComposeTestCheckFunc(
				// The create is the publish alone: no read after it.
				testAccCheckRequestCounts(env, map[string]int{"PublishLayerVersion": 1, "GetLayerVersion": 0}),
				func(*terraform.State) error {
					l, err := layerGet(context.Background(), env, name, 1)
					if err != nil {
						return err
					}
					if deref(l.CodeChecksum) != checksum || deref(l.Description) != "shared libraries" {
						return fmt.Errorf("layer version in FC: %+v", l)
					}
					return nil
				},
			),
		},
		resource.TestStep{
			ResourceName:      layerAddr,
			ImportState:       true,
			ImportStateVerify: true,
			// FC cannot return the code source; code_checksum is verified.
			ImportStateVerifyIgnore: []string{"code"},
		},
		resource.TestStep{
			ResourceName:  layerAddr,
			ImportState:   true,
			ImportStateId: name,
			ExpectError:   expectError(`expected LAYER/VERSION, got "` + name + `"`),
		},
		resource.TestStep{
			ResourceName:  layerAddr,
			ImportState:   true,
			ImportStateId: name + "/01",
			ExpectError:   expectError(`VERSION "01" is not a version number`),
		},
	)
}

// TestAccLayerVersionResource_importThenApply imports a version published
// outside Terraform with an import block. The code argument cannot be
// imported, so the plan shows it added; the package is the same, so the
// apply publishes nothing and the plan is empty afterwards.
func TestAccLayerVersionResource_importThenApply(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	name := acctest.RandomName("tf-layer")
	src := testdataDir(t, "hello")
	zip, checksum := zipOf(t, src)

	testAccParallel(t, env,
		resource.TestStep{
			PreConfig: func() {
				if _, _, err := env.Client.PublishLayerVersion(context.Background(), name, &fc.PublishLayerVersionInput{
					Code:              &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)},
					CompatibleRuntime: []string{"python3.9", "python3.10"},
				}); err != nil {
					t.Fatalf("publishing outside Terraform: %v", err)
				}
				env.Emulator.ResetCounts()
			},
			Config: env.Config(testAccLayerConfig(name, fmt.Sprintf("source_dir = %q", src), "") + fmt.Sprintf(`
import {
  to = fc_layer_version.test
  id = "%s/1"
}
`, name)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: testAccCheckRequestCounts(env, map[string]int{"PublishLayerVersion": 0, "DeleteLayerVersion": 0}),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code").AtMapKey("source_dir"), knownvalue.StringExact(src)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
			},
		},
	)
}

// TestAccLayerVersionResource_update changes what a version can take in
// place: skip_destroy, and the code source when it names the same package
// (source_dir to the same archive as zip_file). Neither publishes.
func TestAccLayerVersionResource_update(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "counts API requests")
	name := acctest.RandomName("tf-layer")
	src := testdataDir(t, "hello")
	zip, checksum := zipOf(t, src)
	sameVersion := statecheck.CompareValue(compare.ValuesSame())

	testAccParallel(t, env,
		resource.TestStep{
			Config:           env.Config(testAccLayerConfig(name, fmt.Sprintf("source_dir = %q", src), "")),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				sameVersion.AddStateValue(layerAddr, tfjsonpath.New("create_time")),
			},
		},
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config: env.Config(testAccLayerConfig(name, fmt.Sprintf("zip_file = %q", base64.StdEncoding.EncodeToString(zip)),
				"  skip_destroy = true")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(1)),
					plancheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				sameVersion.AddStateValue(layerAddr, tfjsonpath.New("create_time")),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("skip_destroy"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code").AtMapKey("source_dir"), knownvalue.Null()),
			},
			// The update touched only the state.
			Check: testAccCheckRequestCounts(env, map[string]int{"PublishLayerVersion": 0, "DeleteLayerVersion": 0}),
		},
		resource.TestStep{
			// Removed from the configuration: with skip_destroy, destroyed
			// in Terraform only.
			Config:           env.Config(" "),
			ConfigPlanChecks: expectActionThenEmptyPlan(layerAddr, plancheck.ResourceActionDestroy),
			Check: func(*terraform.State) error {
				if _, err := layerGet(context.Background(), env, name, 1); err != nil {
					return fmt.Errorf("the version skip_destroy kept: %w", err)
				}
				return env.Client.DeleteLayerVersion(context.Background(), name, 1)
			},
		},
	)
}

// TestAccLayerVersionResource_replace: every argument FC holds publishes a
// new version and deletes the old one; the deleted number is not reused.
func TestAccLayerVersionResource_replace(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-layer")
	code := fmt.Sprintf("source_dir = %q", testdataDir(t, "hello"))
	config := func(extra string) string { return env.Config(testAccLayerConfig(name, code, extra)) }
	replaced := resource.ConfigPlanChecks{
		PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionDestroyBeforeCreate),
			plancheck.ExpectUnknownValue(layerAddr, tfjsonpath.New("version")),
		},
		PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
	}

	testAccParallel(t, env,
		resource.TestStep{
			Config:           config(`  description = "first"`),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
		},
		resource.TestStep{
			Config:           config(`  description = "second"`),
			ConfigPlanChecks: replaced,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("id"), knownvalue.StringExact(name+"/2")),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("arn"), knownvalue.StringRegexp(layerARNRE(name, 2))),
			},
			Check: testAccCheckLayerVersionGone(env, name, 1),
		},
		resource.TestStep{
			// Removing the description clears it: a version without one.
			Config:           config(""),
			ConfigPlanChecks: replaced,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(3)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("description"), knownvalue.Null()),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckLayerVersionGone(env, name, 2),
				func(*terraform.State) error {
					l, err := layerGet(context.Background(), env, name, 3)
					if err != nil {
						return err
					}
					if l.Description != nil && *l.Description != "" {
						return fmt.Errorf("description of version 3 = %q", *l.Description)
					}
					return nil
				},
			),
		},
		resource.TestStep{
			Config: env.Config(strings.Replace(testAccLayerConfig(name, code, ""),
				`compatible_runtime = ["python3.10", "python3.9"]`, `compatible_runtime = ["nodejs18"]`, 1)),
			ConfigPlanChecks: replaced,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(4)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("compatible_runtime"), knownvalue.SetExact([]knownvalue.Check{
					knownvalue.StringExact("nodejs18"),
				})),
			},
		},
		resource.TestStep{
			// Another layer name is a version of another layer.
			Config: env.Config(testAccLayerConfig(name+"-b", code, "")),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionDestroyBeforeCreate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("id"), knownvalue.StringExact(name+"-b/1")),
			},
			Check: testAccCheckLayerVersionGone(env, name, 4),
		},
	)
}

// TestAccLayerVersionResource_sourceDirChangeUsedByFunction: a layer whose
// files change at the same path plans a new version (its checksum, read at
// plan time, differs), and the function that uses the layer through its arn
// moves to the new version before the old one is deleted
// (create_before_destroy).
func TestAccLayerVersionResource_sourceDirChangeUsedByFunction(t *testing.T) {
	env := acctest.New(t)
	name, service, function := acctest.RandomName("tf-layer"), acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	dir := fnCopyDir(t, testdataDir(t, "hello"))
	_, before := zipOf(t, dir)
	config := env.Config(testAccFunctionZipConfig(t, service, function, `  layers = [fc_layer_version.test.arn]`) +
		testAccLayerConfig(name, fmt.Sprintf("source_dir = %q", dir), `
  lifecycle {
    create_before_destroy = true
  }`))
	var after string

	testAccParallel(t, env,
		resource.TestStep{
			Config:           config,
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_checksum"), knownvalue.StringExact(before)),
				statecheck.CompareValuePairs(functionAddr, tfjsonpath.New("layers").AtSliceIndex(0),
					layerAddr, tfjsonpath.New("arn"), compare.ValuesSame()),
				statecheck.CompareValuePairs(functionAddr, tfjsonpath.New("layers_arn_v2").AtSliceIndex(0),
					layerAddr, tfjsonpath.New("arn_v2"), compare.ValuesSame()),
			},
		},
		resource.TestStep{
			PreConfig: func() {
				// Same path, new bytes.
				if err := os.WriteFile(filepath.Join(dir, "extra.py"), []byte("VALUE = 2\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				_, after = zipOf(t, dir)
			},
			Config: config,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionCreateBeforeDestroy),
					plancheck.ExpectResourceAction(functionAddr, plancheck.ResourceActionUpdate),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("arn"), knownvalue.StringRegexp(layerARNRE(name, 2))),
				statecheck.CompareValuePairs(functionAddr, tfjsonpath.New("layers").AtSliceIndex(0),
					layerAddr, tfjsonpath.New("arn"), compare.ValuesSame()),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckLayerVersionGone(env, name, 1),
				func(*terraform.State) error {
					l, err := layerGet(context.Background(), env, name, 2)
					if err != nil {
						return err
					}
					if deref(l.CodeChecksum) != after || after == before {
						return fmt.Errorf("version 2 has checksum %s, want the new package's %s (the old one was %s)", deref(l.CodeChecksum), after, before)
					}
					f, _, err := env.Client.GetFunction(context.Background(), service, "", function)
					if err != nil {
						return err
					}
					if len(f.Layers) != 1 || f.Layers[0] != deref(l.ARN) {
						return fmt.Errorf("function layers %v, want [%s]", f.Layers, deref(l.ARN))
					}
					return nil
				},
			),
		},
	)
}

func TestAccLayerVersionResource_disappears(t *testing.T) {
	env := acctest.New(t)
	name := acctest.RandomName("tf-layer")
	config := env.Config(testAccLayerConfig(name, fmt.Sprintf("source_dir = %q", testdataDir(t, "hello")), ""))

	testAccParallel(t, env,
		disappearsStep(config, layerAddr, func(ctx context.Context) error {
			return env.Client.DeleteLayerVersion(ctx, name, 1)
		}),
		resource.TestStep{
			// Published again, as version 2: FC does not reuse the number.
			Config:           config,
			ConfigPlanChecks: expectActionThenEmptyPlan(layerAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
			},
		},
	)
}

// TestAccLayerVersionResource_drift: a layer version is immutable, so the
// only change made outside Terraform is its deletion (disappears, above) or
// a change of the local package, which the refresh-free plan sees by its
// checksum (sourceDirChange, above). What may drift is a function's use of
// the layer: changed outside, the plan puts the layer's arn back.
func TestAccLayerVersionResource_drift(t *testing.T) {
	env := acctest.New(t)
	name, service, function := acctest.RandomName("tf-layer"), acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	config := env.Config(testAccFunctionZipConfig(t, service, function, `  layers = [fc_layer_version.test.arn]`) +
		testAccLayerConfig(name, fmt.Sprintf("source_dir = %q", testdataDir(t, "hello")), ""))

	testAccParallel(t, env, driftCase{
		config: config,
		addr:   functionAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateFunction(ctx, service, function, &fc.Function{Layers: []string{}}, "", "")
			return err
		},
		state: []statecheck.StateCheck{
			statecheck.CompareValuePairs(functionAddr, tfjsonpath.New("layers").AtSliceIndex(0),
				layerAddr, tfjsonpath.New("arn"), compare.ValuesSame()),
		},
		check: func(*terraform.State) error {
			f, _, err := env.Client.GetFunction(context.Background(), service, "", function)
			if err != nil {
				return err
			}
			if len(f.Layers) != 1 {
				return fmt.Errorf("function layers %v after the apply, want the layer back", f.Layers)
			}
			return nil
		},
	}.steps(t)...)
}

// TestAccLayerVersionResource_functionNeedsExistingVersion: FC refuses a
// function that names a layer version that does not exist (an official
// layer is taken as it is).
func TestAccLayerVersionResource_functionNeedsExistingVersion(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "names a made-up layer version")
	service, function := acctest.RandomName("tf-svc"), acctest.RandomName("tf-fn")
	missing := "acs:fc:" + acctest.Region + ":" + acctest.AccountID + ":layers/" + acctest.RandomName("tf-none") + "/versions/1"

	testAccParallel(t, env,
		resource.TestStep{
			Config:      env.Config(testAccFunctionZipConfig(t, service, function, fmt.Sprintf(`  layers = [%q]`, missing))),
			ExpectError: expectError("Error creating FC function", "LayerVersionNotFound"),
		},
	)
}

func TestAccLayerVersionResource_validation(t *testing.T) {
	env := acctest.New(t)
	src := testdataDir(t, "hello")
	dir := fmt.Sprintf("source_dir = %q", src)
	cases := []struct {
		name, config string
		want         *regexp.Regexp
	}{
		{"layer name", testAccLayerConfig("1-bad", dir, ""), expectError(`layer_name`, `layer name`)},
		{"layer name too long", testAccLayerConfig(strings.Repeat("a", 65), dir, ""), expectError(`layer_name`)},
		{"description too long", testAccLayerConfig("ok", dir, fmt.Sprintf("  description = %q", strings.Repeat("d", 257))), expectError(`description`, `256`)},
		{"no runtime", strings.Replace(testAccLayerConfig("ok", dir, ""), `["python3.10", "python3.9"]`, `[]`, 1), expectError(`compatible_runtime`, `at least 1`)},
		{"empty runtime", strings.Replace(testAccLayerConfig("ok", dir, ""), `["python3.10", "python3.9"]`, `[""]`, 1), expectError(`compatible_runtime`)},
		{"two sources", testAccLayerConfig("ok", dir+"\n    zip_file = \"UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\"", ""), expectError(`Conflicting code sources`)},
		{"no source", testAccLayerConfig("ok", "", ""), expectError(`Missing code source`)},
		{"missing directory", testAccLayerConfig("ok", fmt.Sprintf("source_dir = %q", filepath.Join(src, "nope")), ""), expectError(`Error reading layer code`, `code.source_dir`)},
		{"no code", `
resource "fc_layer_version" "test" {
  layer_name         = "ok"
  compatible_runtime = ["python3.10"]
}
`, regexp.MustCompile(`(?s)"code" is required`)},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(c.config),
			PlanOnly:    true,
			ExpectError: c.want,
		})
	}
	testAccParallel(t, env, steps...)
}

// TestAccLayerVersionResource_oss publishes from an OSS object: FC reports
// the checksum, so the plan does not know it on create; the same object
// plans nothing, another one a new version.
func TestAccLayerVersionResource_oss(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "names a made-up OSS object")
	name := acctest.RandomName("tf-layer")
	config := func(object string) string {
		return env.Config(testAccLayerConfig(name, fmt.Sprintf("oss_bucket_name = \"code\"\n    oss_object_name = %q", object), ""))
	}

	testAccParallel(t, env,
		resource.TestStep{
			Config: config("libs-1.zip"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectUnknownValue(layerAddr, tfjsonpath.New("code_checksum"))},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("code_checksum"), knownvalue.NotNull()),
			},
		},
		resource.TestStep{
			Config: config("libs-2.zip"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(layerAddr, plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectUnknownValue(layerAddr, tfjsonpath.New("code_checksum")),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(layerAddr, tfjsonpath.New("version"), knownvalue.Int64Exact(2)),
			},
			Check: testAccCheckLayerVersionGone(env, name, 1),
		},
	)
}
