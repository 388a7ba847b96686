package provider_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest"
	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

// The fc_custom_domain data source reads what the resource wrote, the
// certificate without its key; fc_custom_domains lists by prefix.
func TestAccCustomDomainDataSource_basic(t *testing.T) {
	env := acctest.New(t)
	service := acctest.RandomName("tf-acc-cd")
	prefix := acctest.RandomName("tf-acc")
	secure, plain := prefix+"-a.example.com", prefix+"-b.example.com"
	pair := testcert.Valid(t, secure)
	const data = "data.fc_custom_domain.secure"
	same := sameAttribute(customDomainAddr, data)

	testAccParallel(t, env, resource.TestStep{
		Config: env.Config(testAccCustomDomainBase(t, service) + testAccCustomDomainConfig(secure,
			routeConfig(helloRoute("/v1/*", `qualifier = fc_service_version.v1.version_id
      methods   = ["GET"]
      rewrite_config = { wildcard_rules = [{ match = "/v1/*", replacement = "/$1" }] }`))+
				certConfig("site", pair)+`  tls_config = { min_version = "TLSv1.2" }
  waf_config = { enable_waf = true }
`) + fmt.Sprintf(`
resource "fc_custom_domain" "plain" {
  domain_name = %q
}

data "fc_custom_domain" "secure" {
  domain_name = fc_custom_domain.test.domain_name
}

data "fc_custom_domains" "test" {
  name_prefix = %q
  depends_on  = [fc_custom_domain.test, fc_custom_domain.plain]
}

data "fc_custom_domains" "none" {
  name_prefix = "no-such-prefix"
  depends_on  = [fc_custom_domain.test]
}
`, plain, prefix)),
		ConfigPlanChecks: expectEmptyPlanAfterApply,
		ConfigStateChecks: []statecheck.StateCheck{
			same("id"), same("protocol"), same("route_config"), same("tls_config"), same("waf_config"),
			same("created_time"), same("last_modified_time"), same("account_id"),
			statecheck.ExpectKnownValue(data, tfjsonpath.New("cert_config"), knownvalue.ObjectExact(map[string]knownvalue.Check{
				"cert_name":   knownvalue.StringExact("site"),
				"certificate": knownvalue.StringExact(pair.Cert),
			})),
			statecheck.ExpectKnownValue(data, tfjsonpath.New("route_config").AtMapKey("routes").AtSliceIndex(0).AtMapKey("rewrite_config").AtMapKey("wildcard_rules"),
				knownvalue.ListSizeExact(1)),
			statecheck.ExpectKnownValue("data.fc_custom_domains.test", tfjsonpath.New("domain_names"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(secure), knownvalue.StringExact(plain)})),
			statecheck.ExpectKnownValue("data.fc_custom_domains.test", tfjsonpath.New("custom_domains").AtSliceIndex(0).AtMapKey("protocol"),
				knownvalue.StringExact("HTTP,HTTPS")),
			statecheck.ExpectKnownValue("data.fc_custom_domains.test", tfjsonpath.New("custom_domains").AtSliceIndex(0).AtMapKey("cert_config").AtMapKey("cert_name"),
				knownvalue.StringExact("site")),
			statecheck.ExpectKnownValue("data.fc_custom_domains.test", tfjsonpath.New("custom_domains").AtSliceIndex(1).AtMapKey("cert_config"),
				knownvalue.Null()),
			statecheck.ExpectKnownValue("data.fc_custom_domains.test", tfjsonpath.New("custom_domains").AtSliceIndex(1).AtMapKey("route_config"),
				knownvalue.Null()),
			statecheck.ExpectKnownValue("data.fc_custom_domains.none", tfjsonpath.New("domain_names"), knownvalue.ListExact([]knownvalue.Check{})),
		},
	})
}

func TestAccCustomDomainDataSource_missing(t *testing.T) {
	env := acctest.New(t)
	testAccParallel(t, env, resource.TestStep{
		Config: env.Config(`
data "fc_custom_domain" "test" {
  domain_name = "no-such-domain.example.com"
}
`),
		ExpectError: expectError(`Error reading FC custom domain`, `"no-such-domain.example.com"`, `does not exist`, `DomainNameNotFound`),
	})
}
