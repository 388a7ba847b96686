package provider_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

const customDomainAddr = "fc_custom_domain.test"

// testAccDomainName is a random host name under example.com.
func testAccDomainName() string {
	return acctest.RandomName("tf-acc") + ".example.com"
}

// testAccCustomDomainBase declares a service with the function "hello" and
// versions v1 and v2 (testAccAliasVersionsConfig), for routes to point at.
func testAccCustomDomainBase(t *testing.T, service string) string {
	t.Helper()
	return testAccAliasVersionsConfig(t, service)
}

// testAccCustomDomainConfig is fc_custom_domain.test with body inside.
func testAccCustomDomainConfig(domain, body string) string {
	return fmt.Sprintf(`
resource "fc_custom_domain" "test" {
  domain_name = %q
%s
}
`, domain, body)
}

// helloRoute is a route block (inside routes = [...]) to the function
// hello at path, with extra arguments.
func helloRoute(path, extra string) string {
	return fmt.Sprintf(`{
      path          = %q
      service_name  = fc_service.test.name
      function_name = fc_function.test.name
      %s
    }`, path, extra)
}

func routeConfig(routes ...string) string {
	return "  route_config = {\n    routes = [" + strings.Join(routes, ", ") + "]\n  }\n"
}

// certConfig is an HTTPS cert_config with the key as private_key.
func certConfig(name string, pair testcert.Pair) string {
	return fmt.Sprintf(`  protocol = "HTTP,HTTPS"
  cert_config = {
    cert_name   = %q
    certificate = %q
    private_key = %q
  }
`, name, pair.Cert, pair.Key)
}

func TestAccCustomDomainResource_basic(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()

	testAccParallel(t, env,
		resource.TestStep{
			PreConfig: resetCountsIfEmulated(env),
			Config: env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain,
				routeConfig(helloRoute("/login", `methods = ["GET", "POST"]`)))),
			ConfigPlanChecks: expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("id"), knownvalue.StringExact(domain)),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("domain_name"), knownvalue.StringExact(domain)),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("protocol"), knownvalue.StringExact("HTTP")),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("account_id"), knownvalue.StringExact(acctest.AccountID)),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("tls_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("waf_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("route_config").AtMapKey("routes"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"path":           knownvalue.StringExact("/login"),
						"service_name":   knownvalue.StringExact(service),
						"function_name":  knownvalue.StringExact("hello"),
						"qualifier":      knownvalue.Null(),
						"methods":        knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("GET"), knownvalue.StringExact("POST")}),
						"rewrite_config": knownvalue.Null(),
					}),
				})),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("created_time"), knownvalue.StringRegexp(timestampRE)),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(timestampRE)),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckRequestCounts(env, map[string]int{"CreateCustomDomain": 1}),
				testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
					if deref(d.Protocol) != "HTTP" || d.RouteConfig == nil || len(d.RouteConfig.Routes) != 1 ||
						d.RouteConfig.Routes[0].Path != "/login" || d.CertConfig != nil {
						return fmt.Errorf("domain on FC: %+v", d)
					}
					return nil
				}),
			),
		},
		resource.TestStep{
			ResourceName:      customDomainAddr,
			ImportState:       true,
			ImportStateVerify: true,
		},
		resource.TestStep{
			ResourceName:  customDomainAddr,
			ImportState:   true,
			ImportStateId: "a/b",
			ExpectError:   regexp.MustCompile(`expected DOMAIN, got "a/b"`),
		},
	)
}

// TestAccCustomDomainResource_update sets every argument in place, changes
// it, and removes it again (each removal clears the setting on FC).
func TestAccCustomDomainResource_update(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	pair := testcert.Valid(t, domain)
	config := func(body string) string {
		return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, body))
	}
	full := routeConfig(
		helloRoute("/api/*", `qualifier = fc_service_version.v1.version_id
      methods   = ["GET"]
      rewrite_config = {
        equal_rules    = [{ match = "/api/old", replacement = "/api/new" }]
        wildcard_rules = [{ match = "/api/v1/*", replacement = "/$1" }]
        regex_rules    = [{ match = "^/api/v2/(.*)$", replacement = "/v2/$1" }]
      }`),
		helloRoute("/", ""),
	) + certConfig("first", pair) + `
  tls_config = {
    min_version   = "TLSv1.2"
    max_version   = "TLSv1.3"
    cipher_suites = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
  }
  waf_config = { enable_waf = true }
`
	changed := routeConfig(
		helloRoute("/api/*", `qualifier = fc_service_version.v2.version_id
      methods   = ["GET", "PUT"]
      rewrite_config = {
        regex_rules = [{ match = "^/api/(.*)$", replacement = "/$1" }]
      }`),
	) + certConfig("renamed", pair) + `
  tls_config = { min_version = "TLSv1.1" }
  waf_config = { enable_waf = false }
`
	sameCreated := statecheck.CompareValue(compare.ValuesSame())
	updated := expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionUpdate)

	testAccParallel(t, env,
		resource.TestStep{
			Config:            config(routeConfig(helloRoute("/", ""))),
			ConfigPlanChecks:  expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{sameCreated.AddStateValue(customDomainAddr, tfjsonpath.New("created_time"))},
		},
		resource.TestStep{
			Config:           config(full),
			ConfigPlanChecks: updated,
			ConfigStateChecks: []statecheck.StateCheck{
				sameCreated.AddStateValue(customDomainAddr, tfjsonpath.New("created_time")),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("protocol"), knownvalue.StringExact("HTTP,HTTPS")),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("waf_config").AtMapKey("enable_waf"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("tls_config").AtMapKey("cipher_suites"), knownvalue.ListSizeExact(2)),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("route_config").AtMapKey("routes").AtSliceIndex(0).AtMapKey("qualifier"), knownvalue.StringExact("1")),
			},
			Check: testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
				r := d.RouteConfig.Routes
				if len(r) != 2 || r[0].Qualifier != "1" || r[0].RewriteConfig == nil || len(r[0].RewriteConfig.WildcardRules) != 1 ||
					d.CertConfig == nil || d.CertConfig.CertName != "first" || d.TLSConfig == nil || d.TLSConfig.MaxVersion != "TLSv1.3" ||
					d.WAFConfig == nil || !*d.WAFConfig.EnableWAF {
					return fmt.Errorf("domain on FC: %+v", d)
				}
				return nil
			}),
		},
		resource.TestStep{
			Config:           config(changed),
			ConfigPlanChecks: updated,
			Check: testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
				r := d.RouteConfig.Routes
				if len(r) != 1 || r[0].Qualifier != "2" || len(r[0].Methods) != 2 || r[0].RewriteConfig.EqualRules != nil ||
					d.CertConfig.CertName != "renamed" || d.TLSConfig.MaxVersion != "" || len(d.TLSConfig.CipherSuites) != 0 ||
					d.WAFConfig == nil || d.WAFConfig.EnableWAF == nil || *d.WAFConfig.EnableWAF {
					return fmt.Errorf("domain on FC: %+v", d)
				}
				return nil
			}),
		},
		resource.TestStep{
			// Everything removed: FC keeps nothing of it.
			Config:           config(""),
			ConfigPlanChecks: updated,
			ConfigStateChecks: []statecheck.StateCheck{
				sameCreated.AddStateValue(customDomainAddr, tfjsonpath.New("created_time")),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("protocol"), knownvalue.StringExact("HTTP")),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("route_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("tls_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("waf_config"), knownvalue.Null()),
			},
			Check: testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
				if deref(d.Protocol) != "HTTP" || d.RouteConfig != nil || d.CertConfig != nil || d.TLSConfig != nil || d.WAFConfig != nil {
					return fmt.Errorf("domain on FC not cleared: %+v", d)
				}
				return nil
			}),
		},
	)
}

func TestAccCustomDomainResource_replace(t *testing.T) {
	env := acctest.New(t)
	service, first, second := acctest.RandomName("tf-acc-cd"), testAccDomainName(), testAccDomainName()
	config := func(domain string) string {
		return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, routeConfig(helloRoute("/", ""))))
	}
	testAccParallel(t, env,
		resource.TestStep{Config: config(first), ConfigPlanChecks: expectEmptyPlanAfterApply},
		resource.TestStep{
			Config:           config(second),
			ConfigPlanChecks: expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionDestroyBeforeCreate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("id"), knownvalue.StringExact(second)),
			},
			Check: resource.ComposeTestCheckFunc(
				testAccCheckCustomDomainAPI(env, second, func(*fc.CustomDomain) error { return nil }),
				func(*terraform.State) error {
					if _, _, err := env.Client.GetCustomDomain(context.Background(), first); !fc.IsNotFound(err) {
						return fmt.Errorf("the domain under the old name still exists (err %v)", err)
					}
					return nil
				},
			),
		},
	)
}

func TestAccCustomDomainResource_disappears(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	testAccParallel(t, env, disappearsStep(
		env.Config(testAccCustomDomainBase(t, service)+testAccCustomDomainConfig(domain, routeConfig(helloRoute("/", "")))),
		customDomainAddr,
		func(ctx context.Context) error { return env.Client.DeleteCustomDomain(ctx, domain, "") },
	))
}

// TestAccCustomDomainResource_drift changes the routes and binds a
// certificate outside Terraform (the case where the incumbent provider
// panics): the refresh shows the certificate, and the plan removes it and
// restores the routes.
func TestAccCustomDomainResource_drift(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	pair := testcert.Valid(t, domain)
	testAccParallel(t, env, driftCase{
		config: env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, routeConfig(helloRoute("/", "")))),
		addr:   customDomainAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateCustomDomain(ctx, domain, &fc.CustomDomain{
				Protocol:    fc.Ptr("HTTP,HTTPS"),
				CertConfig:  &fc.CertConfig{CertName: "outside", Certificate: pair.Cert, PrivateKey: pair.Key},
				RouteConfig: &fc.RouteConfig{Routes: []fc.PathConfig{{Path: "/elsewhere", ServiceName: service, FunctionName: "hello", Qualifier: "1"}}},
				WAFConfig:   &fc.WAFConfig{EnableWAF: fc.Ptr(true)},
			}, "")
			return err
		},
		planned: []plancheck.PlanCheck{
			plancheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("protocol"), knownvalue.StringExact("HTTP")),
			plancheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config"), knownvalue.Null()),
			plancheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("waf_config"), knownvalue.Null()),
		},
		check: testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
			if deref(d.Protocol) != "HTTP" || d.CertConfig != nil || d.WAFConfig != nil || len(d.RouteConfig.Routes) != 1 ||
				d.RouteConfig.Routes[0].Path != "/" || d.RouteConfig.Routes[0].Qualifier != "" {
				return fmt.Errorf("domain not restored: %+v", d)
			}
			return nil
		}),
	}.steps(t)...)
}

func TestAccCustomDomainResource_staleETag(t *testing.T) {
	env := acctest.New(t)
	env.SkipIfLive(t, "FC documents no ETag for custom domains (fc-api.md section 5); the emulator answers 412")
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	config := func(waf bool) string {
		return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain,
			routeConfig(helloRoute("/", ""))+fmt.Sprintf("  waf_config = { enable_waf = %t }\n", waf)))
	}
	testAccParallel(t, env, staleETagCase{
		first: config(false), second: config(true), addr: customDomainAddr,
		change: func(ctx context.Context) error {
			_, _, err := env.Client.UpdateCustomDomain(ctx, domain, &fc.CustomDomain{TLSConfig: &fc.TLSConfig{MinVersion: "TLSv1.2"}}, "")
			return err
		},
		wantError: regexp.MustCompile(`(?s)Error updating FC custom domain.*changed\s+outside\s+Terraform.*PreconditionFailed`),
		survived: func(ctx context.Context) error {
			d, _, err := env.Client.GetCustomDomain(ctx, domain)
			if err == nil && (d.TLSConfig == nil || d.WAFConfig == nil || *d.WAFConfig.EnableWAF) {
				err = fmt.Errorf("domain after the refused update: %+v", d)
			}
			return err
		},
		after: expectEmptyPlanAfterApply,
		check: testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
			if d.TLSConfig != nil || !*d.WAFConfig.EnableWAF {
				return fmt.Errorf("domain on FC: %+v", d)
			}
			return nil
		}),
	}.steps(t)...)
}

// TestAccCustomDomainResource_certificateRotation serves HTTPS with a
// certificate, rotates it to a new certificate and key in place, then
// removes it (back to HTTP).
func TestAccCustomDomainResource_certificateRotation(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	first, second := testcert.Valid(t, domain), testcert.Valid(t, domain)
	config := func(body string) string {
		return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, routeConfig(helloRoute("/", ""))+body))
	}
	serves := func(pair *testcert.Pair) resource.TestCheckFunc {
		return testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
			switch {
			case pair == nil && (d.CertConfig != nil || deref(d.Protocol) != "HTTP"):
				return fmt.Errorf("certificate not removed: protocol %q, %+v", deref(d.Protocol), d.CertConfig)
			case pair != nil && (d.CertConfig == nil || d.CertConfig.Certificate != pair.Cert || deref(d.Protocol) != "HTTP,HTTPS"):
				return fmt.Errorf("not serving the expected certificate: protocol %q, %+v", deref(d.Protocol), d.CertConfig)
			case d.CertConfig != nil && d.CertConfig.PrivateKey != "":
				return fmt.Errorf("FC returned the private key")
			}
			return nil
		})
	}
	keyInState := func(pair testcert.Pair) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config").AtMapKey("private_key"), knownvalue.StringExact(pair.Key))
	}
	testAccParallel(t, env,
		resource.TestStep{
			PreConfig:         resetCountsIfEmulated(env),
			Config:            config(certConfig("site", first)),
			ConfigPlanChecks:  expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{keyInState(first)},
			Check:             serves(&first),
		},
		resource.TestStep{
			// An import cannot read the key back.
			ResourceName:            customDomainAddr,
			ImportState:             true,
			ImportStateVerify:       true,
			ImportStateVerifyIgnore: []string{"cert_config.private_key"},
		},
		resource.TestStep{
			Config:            config(certConfig("site", second)),
			ConfigPlanChecks:  expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{keyInState(second)},
			Check:             serves(&second),
		},
		resource.TestStep{
			Config:           config(""),
			ConfigPlanChecks: expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionUpdate),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config"), knownvalue.Null()),
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("protocol"), knownvalue.StringExact("HTTP")),
			},
			Check: serves(nil),
		},
	)
}

// TestAccCustomDomainResource_writeOnlyKey gives the key as the write-only
// private_key_wo: it reaches FC and never the state; a new version sends a
// new certificate and key.
func TestAccCustomDomainResource_writeOnlyKey(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	first, second := testcert.Valid(t, domain), testcert.Valid(t, domain)
	config := func(pair testcert.Pair, version int) string {
		return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, routeConfig(helloRoute("/", ""))+fmt.Sprintf(`
  protocol = "HTTP,HTTPS"
  cert_config = {
    cert_name              = "site"
    certificate            = %q
    private_key_wo         = %q
    private_key_wo_version = %d
  }
`, pair.Cert, pair.Key, version)))
	}
	noKeyInState := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config").AtMapKey("private_key_wo"), knownvalue.Null()),
		statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("cert_config").AtMapKey("private_key"), knownvalue.Null()),
	}
	serves := func(pair testcert.Pair) resource.TestCheckFunc {
		return resource.ComposeTestCheckFunc(
			testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
				if d.CertConfig == nil || d.CertConfig.Certificate != pair.Cert {
					return fmt.Errorf("not serving the expected certificate: %+v", d.CertConfig)
				}
				return nil
			}),
			func(s *terraform.State) error {
				for k, v := range s.RootModule().Resources[customDomainAddr].Primary.Attributes {
					if strings.Contains(v, "PRIVATE KEY") {
						return fmt.Errorf("a private key is in the state, as %s", k)
					}
				}
				return nil
			},
		)
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{
				Config:            config(first, 1),
				ConfigPlanChecks:  expectEmptyPlanAfterApply,
				ConfigStateChecks: noKeyInState,
				Check:             serves(first),
			},
			{
				Config:            config(second, 2),
				ConfigPlanChecks:  expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionUpdate),
				ConfigStateChecks: noKeyInState,
				Check:             serves(second),
			},
			{
				// Only the version changes: the same certificate and key are
				// sent again (a key rotated by its owner keeps working).
				PreConfig:        resetCountsIfEmulated(env),
				Config:           config(second, 3),
				ConfigPlanChecks: expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionUpdate),
				Check:            resource.ComposeTestCheckFunc(serves(second), testAccCheckRequestCounts(env, map[string]int{"UpdateCustomDomain": 1})),
			},
		},
	})
}

// TestAccCustomDomainResource_routeToAlias routes a path to an alias and
// another to a version: moving the alias needs no change of the domain.
func TestAccCustomDomainResource_routeToAlias(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	config := func(aliasVersion string) string {
		return env.Config(testAccCustomDomainBase(t, service) + fmt.Sprintf(`
resource "fc_alias" "prod" {
  service_name = fc_service.test.name
  name         = "prod"
  version_id   = fc_service_version.%s.version_id
}
`, aliasVersion) + testAccCustomDomainConfig(domain, routeConfig(
			helloRoute("/", "qualifier = fc_alias.prod.name"),
			helloRoute("/pinned/*", "qualifier = fc_service_version.v1.version_id"),
		)))
	}
	testAccParallel(t, env,
		resource.TestStep{
			Config:           config("v1"),
			ConfigPlanChecks: expectEmptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(customDomainAddr, tfjsonpath.New("route_config").AtMapKey("routes").AtSliceIndex(0).AtMapKey("qualifier"), knownvalue.StringExact("prod")),
			},
			Check: testAccCheckCustomDomainAPI(env, domain, func(d *fc.CustomDomain) error {
				if r := d.RouteConfig.Routes; r[0].Qualifier != "prod" || r[1].Qualifier != "1" {
					return fmt.Errorf("routes on FC: %+v", r)
				}
				return nil
			}),
		},
		resource.TestStep{
			Config: config("v2"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("fc_alias.prod", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(customDomainAddr, plancheck.ResourceActionNoop),
				},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		},
	)
}

// TestAccCustomDomainResource_routeTargetMissing: FC refuses a route to a
// function that does not exist, naming it.
func TestAccCustomDomainResource_routeTargetMissing(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	testAccParallel(t, env, resource.TestStep{
		Config: env.Config(testAccServiceConfig(service) + testAccCustomDomainConfig(domain, `
  route_config = {
    routes = [{ path = "/", service_name = fc_service.test.name, function_name = "nope" }]
  }
`)),
		ExpectError: expectError("Error creating FC custom domain", "a route names a service, function, version or alias that does not exist", "FunctionNotFound"),
	})
}

func TestAccCustomDomainResource_validation(t *testing.T) {
	env := acctest.New(t)
	now := time.Now()
	valid := testcert.Valid(t, "a.example.com")
	other := testcert.Valid(t, "a.example.com")
	expired := testcert.New(t, "a.example.com", now.AddDate(0, 0, -2))
	route := `  route_config = { routes = [{ path = "/", service_name = "s", function_name = "f" }] }` + "\n"
	config := func(domain, body string) string { return env.Config(testAccCustomDomainConfig(domain, body)) }
	step := func(cfg string, want *regexp.Regexp) resource.TestStep {
		return resource.TestStep{Config: cfg, PlanOnly: true, ExpectError: want}
	}
	cert := func(c, k string) string {
		return fmt.Sprintf("  protocol = \"HTTP,HTTPS\"\n  cert_config = { cert_name = \"c\", certificate = %q, private_key = %q }\n", c, k)
	}
	testAccParallel(t, env,
		step(config("API.example.com", ""), expectError("Invalid domain name", `"API.example.com"`, "upper-case")),
		step(config("localhost", ""), expectError("Invalid domain name", "single label")),
		step(config("a.example.com", `  protocol = "HTTPS,HTTP"`), expectError("Invalid Attribute Value Match", "protocol")),
		step(config("a.example.com", `  protocol = "HTTP,HTTPS"`), expectError("HTTPS needs a certificate", `protocol = "HTTP,HTTPS"`, "cert_config")),
		step(config("a.example.com", cert("not a certificate", valid.Key)), expectError("Invalid certificate", "cert_config.certificate must be PEM")),
		step(config("a.example.com", cert(valid.Cert, "not a key")), expectError("Invalid private key", "cert_config.private_key must be")),
		step(config("a.example.com", cert(valid.Cert, other.Key)), expectError("Private key does not match the certificate", "cert_config.private_key")),
		step(config("a.example.com", cert(expired.Cert, expired.Key)), expectError("Certificate expired", "cert_config.certificate")),
		step(config("a.example.com", fmt.Sprintf("  cert_config = { cert_name = \"c\", certificate = %q }\n", valid.Cert)),
			expectError("Invalid Attribute Combination", "private_key")),
		step(config("a.example.com", fmt.Sprintf("  cert_config = { cert_name = \"c\", certificate = %q, private_key = %q, private_key_wo_version = 1 }\n", valid.Cert, valid.Key)),
			expectError("Invalid Attribute Combination", "private_key_wo")),
		step(config("a.example.com", `  route_config = { routes = [
    { path = "/a", service_name = "s", function_name = "f" },
    { path = "/a", service_name = "s", function_name = "g" },
  ] }`), expectError("Duplicate route path", `route_config.routes[1].path is "/a"`)),
		step(config("a.example.com", `  route_config = { routes = [{ path = "a", service_name = "s", function_name = "f" }] }`),
			expectError("Invalid Attribute Value Match", "must begin with /")),
		step(config("a.example.com", `  route_config = { routes = [{ path = "/", service_name = "s", function_name = "f", methods = ["get"] }] }`),
			expectError("Invalid Attribute Value Match", "methods")),
		step(config("a.example.com", `  route_config = { routes = [{ path = "/", service_name = "s", function_name = "f", rewrite_config = {} }] }`),
			expectError("Empty rewrite configuration")),
		step(config("a.example.com", `  route_config = { routes = [{ path = "/", service_name = "s", function_name = "f",
    rewrite_config = { regex_rules = [{ match = "^/(", replacement = "/" }] } }] }`),
			expectError("Invalid regular expression", `"^/("`)),
		step(config("a.example.com", route+`  tls_config = { min_version = "TLSv1.3", max_version = "TLSv1.2" }`),
			expectError("Invalid TLS version range", "tls_config.min_version is TLSv1.3, above tls_config.max_version (TLSv1.2)")),
		step(config("a.example.com", `  tls_config = { min_version = "TLS1.2" }`), expectError("Invalid Attribute Value Match", "min_version")),
	)
}

// TestAccCustomDomainResource_keyNotLogged applies, refreshes, updates and
// destroys an HTTPS domain with the provider's logs at TRACE written to a
// file (TF_LOG=TRACE, TF_LOG_PATH_MASK: the logs of the provider under
// test, the fc_http subsystem's request and response bodies included) and
// checks that no part of the private key is in them. Not parallel: it sets
// the environment.
func TestAccCustomDomainResource_keyNotLogged(t *testing.T) {
	env := acctest.New(t)
	service, domain := acctest.RandomName("tf-acc-cd"), testAccDomainName()
	first, second := testcert.Valid(t, domain), testcert.Valid(t, domain)
	logDir := t.TempDir()
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_LOG_PROVIDER_FC_HTTP", "TRACE")
	t.Setenv("TF_LOG_PATH_MASK", filepath.Join(logDir, "%s.log"))
	config := func(pair testcert.Pair) string {
		return env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(domain, routeConfig(helloRoute("/", ""))+certConfig("site", pair)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckDestroy(env),
		Steps: []resource.TestStep{
			{Config: config(first), ConfigPlanChecks: expectEmptyPlanAfterApply},
			{Config: config(second), ConfigPlanChecks: expectActionThenEmptyPlan(customDomainAddr, plancheck.ResourceActionUpdate)},
		},
	})
	files, err := filepath.Glob(filepath.Join(logDir, "*.log"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no provider log was written to %s (%v)", logDir, err)
	}
	var logs strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		logs.Write(b)
	}
	// The entries of the test harness itself (sdk.helper_resource) quote
	// the configuration the test wrote, key included; every other entry is
	// the provider's: its own (fc, fc.fc_http) and the framework's and
	// protocol's logs of it (sdk.framework, sdk.proto).
	entries := logEntryStart.Split(logs.String(), -1)
	var provider strings.Builder
	for _, e := range entries {
		if !strings.HasPrefix(strings.TrimSpace(e), "sdk.helper_resource:") {
			provider.WriteString(e)
		}
	}
	text := provider.String()
	if len(entries) < 100 {
		t.Fatalf("only %d log entries: the test would not see a leak", len(entries))
	}
	// The logs are there and at TRACE: the request bodies of the creates
	// and the update of the domain, with their masked certConfig.
	for _, want := range []string{"fc.fc_http: FC API request", "operation=CreateCustomDomain", "operation=UpdateCustomDomain",
		`\"certConfig\":{`, "BEGIN CERTIFICATE", "sdk.proto"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the provider's TRACE log (%d bytes) lacks %q: the test would not see a leak", len(text), want)
		}
	}
	for _, pair := range []testcert.Pair{first, second} {
		for _, line := range strings.Split(strings.TrimSpace(pair.Key), "\n") {
			if strings.HasPrefix(line, "-----") {
				continue
			}
			// The first 16 characters of a P-256 PKCS #8 key are the same
			// in every key; the rest of each line is the key's own.
			if i := strings.Index(text, line[16:]); i >= 0 {
				t.Errorf("a line of a private key is in the provider's TRACE log: %q", text[max(0, i-300):i])
			}
		}
	}
}

// logEntryStart begins an entry of Terraform's text log format.
var logEntryStart = regexp.MustCompile(`(?m)^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z \[[A-Z]+\] +`)

// ---------------------------------------------------------------------------
// helpers

// testAccCheckCustomDomainAPI reads a custom domain with the test's own
// client and runs check on it.
func testAccCheckCustomDomainAPI(env *acctest.Env, domain string, check func(*fc.CustomDomain) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		d, _, err := env.Client.GetCustomDomain(context.Background(), domain)
		if err != nil {
			return fmt.Errorf("reading custom domain %q: %w", domain, err)
		}
		return check(d)
	}
}
