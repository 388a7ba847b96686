package emulator

import (
	"net/http"
	"net/http/httptest"
	"testing"

	sdk "github.com/aliyun/fc-go-sdk"

	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

// TestSDKConformanceCustomDomains drives custom domains with
// github.com/aliyun/fc-go-sdk (2016-08-15). That SDK models protocol,
// routes (path, service, function, qualifier, methods) and the certificate,
// not TLS, WAF or rewrite rules; it sends null for every unset field, and
// its CertConfig has malformed json tags, so it sends "CertName",
// "Certificate" and "PrivateKey" (FC's JSON names, capitalized).
func TestSDKConformanceCustomDomains(t *testing.T) {
	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	client, err := sdk.NewClient(ts.URL, "2016-08-15", "sdk-key", "sdk-secret")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateService(sdk.NewCreateServiceInput().WithServiceName("svc")); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	if _, err := client.CreateFunction(sdk.NewCreateFunctionInput("svc").WithFunctionName("fn").
		WithRuntime("python3").WithHandler("index.handler").WithCode(sdk.NewCode().WithZipFile(testZip))); err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}
	if _, err := client.PublishServiceVersion(sdk.NewPublishServiceVersionInput("svc")); err != nil {
		t.Fatalf("PublishServiceVersion: %v", err)
	}
	if _, err := client.CreateAlias(sdk.NewCreateAliasInput("svc").WithAliasName("prod").WithVersionID("1")); err != nil {
		t.Fatalf("CreateAlias: %v", err)
	}

	routes := func(qualifier string, methods ...string) *sdk.RouteConfig {
		return sdk.NewRouteConfig().WithRoutes([]sdk.PathConfig{
			*sdk.NewPathConfig().WithPath("/login").WithServiceName("svc").WithFunctionName("fn").WithQualifier(qualifier).WithMethods(methods),
		})
	}
	created, err := client.CreateCustomDomain(sdk.NewCreateCustomDomainInput().
		WithDomainName("sdk.example.com").WithProtocol("HTTP").WithRouteConfig(routes("prod", "GET")))
	if err != nil {
		t.Fatalf("CreateCustomDomain: %v", err)
	}
	if deref(created.DomainName) != "sdk.example.com" || deref(created.Protocol) != "HTTP" || deref(created.AccountID) != DefaultAccountID ||
		deref(created.APIVersion) != "2016-08-15" || created.CreatedTime == "" || created.RouteConfig == nil ||
		len(created.RouteConfig.Routes) != 1 || deref(created.RouteConfig.Routes[0].Qualifier) != "prod" || created.CertConfig != nil {
		t.Errorf("CreateCustomDomain: %s", created)
	}
	if created.Header.Get("ETag") == "" || created.GetRequestID() == "" {
		t.Errorf("CreateCustomDomain: ETag %q, request ID %q", created.Header.Get("ETag"), created.GetRequestID())
	}
	_, err = client.CreateCustomDomain(sdk.NewCreateCustomDomainInput().WithDomainName("sdk.example.com"))
	expectSDKError(t, err, http.StatusConflict, "DomainNameAlreadyExists")
	_, err = client.CreateCustomDomain(sdk.NewCreateCustomDomainInput().WithDomainName("other.example.com").WithRouteConfig(routes("staging")))
	expectSDKError(t, err, http.StatusNotFound, "AliasNotFound")
	_, err = client.CreateCustomDomain(sdk.NewCreateCustomDomainInput().WithDomainName("other.example.com").WithProtocol("HTTP,HTTPS"))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")

	// HTTPS with a certificate; the SDK's null route configuration keeps
	// the routes.
	pair := testcert.Valid(t, "sdk.example.com")
	updated, err := client.UpdateCustomDomain(sdk.NewUpdateCustomDomainInput("sdk.example.com").WithProtocol("HTTP,HTTPS").
		WithCertConfig((&sdk.CertConfig{}).WithCertName("sdk").WithCertificate(pair.Cert).WithPrivateKey(pair.Key)))
	if err != nil {
		t.Fatalf("UpdateCustomDomain: %v", err)
	}
	if deref(updated.Protocol) != "HTTP,HTTPS" || updated.CertConfig == nil || deref(updated.CertConfig.CertName) != "sdk" ||
		deref(updated.CertConfig.Certificate) != pair.Cert || updated.CertConfig.PrivateKey != nil ||
		updated.RouteConfig == nil || len(updated.RouteConfig.Routes) != 1 {
		t.Errorf("UpdateCustomDomain: %s", updated)
	}
	other := testcert.Valid(t, "sdk.example.com")
	_, err = client.UpdateCustomDomain(sdk.NewUpdateCustomDomainInput("sdk.example.com").
		WithCertConfig((&sdk.CertConfig{}).WithCertName("sdk").WithCertificate(pair.Cert).WithPrivateKey(other.Key)))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")

	got, err := client.GetCustomDomain(sdk.NewGetCustomDomainInput("sdk.example.com"))
	if err != nil {
		t.Fatalf("GetCustomDomain: %v", err)
	}
	if got.CertConfig == nil || got.CertConfig.PrivateKey != nil || deref(got.CertConfig.Certificate) != pair.Cert ||
		got.LastModifiedTime == "" || got.Header.Get("ETag") != updated.Header.Get("ETag") {
		t.Errorf("GetCustomDomain: %s", got)
	}

	// New routes replace the old ones whole.
	updated, err = client.UpdateCustomDomain(sdk.NewUpdateCustomDomainInput("sdk.example.com").WithRouteConfig(routes("1", "GET", "POST")))
	if err != nil {
		t.Fatalf("UpdateCustomDomain routes: %v", err)
	}
	if r := updated.RouteConfig.Routes; len(r) != 1 || deref(r[0].Qualifier) != "1" || !equalStrings(r[0].Methods, []string{"GET", "POST"}) ||
		updated.CertConfig == nil || deref(updated.Protocol) != "HTTP,HTTPS" {
		t.Errorf("UpdateCustomDomain routes: %s", updated)
	}

	if _, err := client.CreateCustomDomain(sdk.NewCreateCustomDomainInput().WithDomainName("a.example.com")); err != nil {
		t.Fatalf("CreateCustomDomain: %v", err)
	}
	list, err := client.ListCustomDomains(sdk.NewListCustomDomainsInput().WithLimit(1))
	if err != nil {
		t.Fatalf("ListCustomDomains: %v", err)
	}
	if len(list.CustomDomains) != 1 || deref(list.CustomDomains[0].DomainName) != "a.example.com" || deref(list.NextToken) != "sdk.example.com" {
		t.Errorf("ListCustomDomains page 1: %s", list)
	}
	list, err = client.ListCustomDomains(sdk.NewListCustomDomainsInput().WithNextToken("sdk.example.com"))
	if err != nil {
		t.Fatalf("ListCustomDomains: %v", err)
	}
	if len(list.CustomDomains) != 1 || list.NextToken != nil || list.CustomDomains[0].CertConfig == nil || list.CustomDomains[0].CertConfig.PrivateKey != nil {
		t.Errorf("ListCustomDomains page 2: %s", list)
	}

	for _, name := range []string{"sdk.example.com", "a.example.com"} {
		if _, err := client.DeleteCustomDomain(sdk.NewDeleteCustomDomainInput(name)); err != nil {
			t.Fatalf("DeleteCustomDomain %s: %v", name, err)
		}
	}
	_, err = client.GetCustomDomain(sdk.NewGetCustomDomainInput("sdk.example.com"))
	expectSDKError(t, err, http.StatusNotFound, "DomainNameNotFound")
	_, err = client.DeleteCustomDomain(sdk.NewDeleteCustomDomainInput("sdk.example.com"))
	expectSDKError(t, err, http.StatusNotFound, "DomainNameNotFound")

	counts := s.Counts()
	for _, op := range []string{"CreateCustomDomain", "GetCustomDomain", "UpdateCustomDomain", "DeleteCustomDomain", "ListCustomDomains"} {
		if counts[op] == 0 {
			t.Errorf("operation %s not counted: %v", op, counts)
		}
	}
}
