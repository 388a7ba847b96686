package emulator

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

// newDomainServer returns an emulator with service svc, function fn in it,
// version 1 (with fn), alias prod on it, and function late created after
// the version.
func newDomainServer(t *testing.T, mutate ...func(*Options)) *Server {
	t.Helper()
	s := newTestServer(t, mutate...)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	mustPublish(t, s, "")
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{"aliasName": "prod", "versionId": "1"}))
	mustCreateFunction(t, s, "svc", validFunction("late"))
	return s
}

func domainRoute(path string, extra map[string]any) map[string]any {
	r := map[string]any{"path": path, "serviceName": "svc", "functionName": "fn"}
	for k, v := range extra {
		r[k] = v
	}
	return r
}

func TestCustomDomainLifecycle(t *testing.T) {
	for _, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
		t.Run(prefix, func(t *testing.T) {
			now := testNow
			s := newDomainServer(t, func(o *Options) { o.Now = func() time.Time { return now } })
			pair := testcert.Valid(t, "api.example.com")
			path := prefix + "/custom-domains"

			r := do(t, s, http.MethodPost, path, map[string]any{
				"domainName": "api.example.com",
				"routeConfig": map[string]any{"routes": []any{
					domainRoute("/login", map[string]any{"methods": []string{"GET", "POST"}}),
					domainRoute("/v1/*", map[string]any{"qualifier": "prod", "rewriteConfig": map[string]any{
						"regexRules": []any{map[string]any{"match": "^/v1/(.*)$", "replacement": "/$1"}},
					}}),
				}},
				"createdTime": "client-cannot-set-this", "accountId": "0",
			})
			expectOK(t, r)
			etag1 := r.Header.Get("ETag")
			if !etagRE.MatchString(etag1) {
				t.Fatalf("ETag %q", etag1)
			}
			var d fc.CustomDomain
			r.Decode(t, &d)
			if deref(d.Protocol) != "HTTP" || deref(d.AccountID) != DefaultAccountID || deref(d.APIVersion) != prefix[1:] ||
				deref(d.CreatedTime) != "2024-05-01T12:00:00Z" || d.CertConfig != nil || d.RouteConfig == nil || len(d.RouteConfig.Routes) != 2 ||
				d.RouteConfig.Routes[1].RewriteConfig == nil || d.RouteConfig.Routes[1].Qualifier != "prod" {
				t.Errorf("created %s", r.Body)
			}
			expectError(t, do(t, s, http.MethodPost, path, map[string]any{"domainName": "api.example.com"}), http.StatusConflict, "DomainNameAlreadyExists")

			// HTTPS with a certificate; null keeps the routes.
			now = now.Add(time.Minute)
			r = do(t, s, http.MethodPut, path+"/api.example.com", map[string]any{
				"protocol":    "HTTP,HTTPS",
				"certConfig":  map[string]any{"certName": "api", "certificate": pair.Cert, "privateKey": pair.Key},
				"routeConfig": nil,
				"tlsConfig":   map[string]any{"minVersion": "TLSv1.2", "maxVersion": "TLSv1.3", "cipherSuites": []string{"TLS_AES_128_GCM_SHA256"}},
				"wafConfig":   map[string]any{"enableWAF": false},
			}, withIfMatch(etag1))
			expectOK(t, r)
			etag2 := r.Header.Get("ETag")
			if etag2 == etag1 || strings.Contains(string(r.Body), "PRIVATE KEY") {
				t.Errorf("update: ETag %q (was %q), body %s", etag2, etag1, r.Body)
			}
			r.Decode(t, &d)
			if deref(d.Protocol) != "HTTP,HTTPS" || d.CertConfig == nil || d.CertConfig.Certificate != pair.Cert || d.CertConfig.PrivateKey != "" ||
				d.RouteConfig == nil || len(d.RouteConfig.Routes) != 2 || d.TLSConfig == nil || d.TLSConfig.MaxVersion != "TLSv1.3" ||
				d.WAFConfig == nil || d.WAFConfig.EnableWAF == nil || *d.WAFConfig.EnableWAF ||
				deref(d.LastModifiedTime) != "2024-05-01T12:01:00Z" || deref(d.CreatedTime) != "2024-05-01T12:00:00Z" {
				t.Errorf("updated %s", r.Body)
			}

			// The key is never read back: Get and List withhold it.
			r = do(t, s, http.MethodGet, path+"/api.example.com", nil)
			expectOK(t, r)
			if r.Header.Get("ETag") != etag2 || strings.Contains(string(r.Body), "PRIVATE KEY") || strings.Contains(string(r.Body), "privateKey") {
				t.Errorf("get: ETag %q, body %s", r.Header.Get("ETag"), r.Body)
			}
			r = do(t, s, http.MethodGet, path, nil)
			expectOK(t, r)
			if strings.Contains(string(r.Body), "PRIVATE KEY") || !strings.Contains(string(r.Body), `"certName":"api"`) {
				t.Errorf("list: %s", r.Body)
			}

			// A stale ETag changes nothing.
			expectError(t, do(t, s, http.MethodPut, path+"/api.example.com", map[string]any{"protocol": "HTTP"}, withIfMatch(etag1)),
				http.StatusPreconditionFailed, "PreconditionFailed")
			expectError(t, do(t, s, http.MethodDelete, path+"/api.example.com", nil, withIfMatch(etag1)),
				http.StatusPreconditionFailed, "PreconditionFailed")

			// Removing HTTPS and the certificate at once, and clearing the
			// rest with blank objects.
			r = do(t, s, http.MethodPut, path+"/api.example.com", map[string]any{
				"protocol": "HTTP", "certConfig": map[string]any{}, "routeConfig": map[string]any{"routes": []any{}},
				"tlsConfig": map[string]any{}, "wafConfig": map[string]any{},
			})
			expectOK(t, r)
			var cleared map[string]any
			r.Decode(t, &cleared)
			for _, k := range []string{"certConfig", "routeConfig", "tlsConfig", "wafConfig"} {
				if _, ok := cleared[k]; ok {
					t.Errorf("%s not cleared: %s", k, r.Body)
				}
			}

			expectNoContent(t, do(t, s, http.MethodDelete, path+"/api.example.com", nil, withIfMatch(r.Header.Get("ETag"))))
			r = do(t, s, http.MethodGet, path+"/api.example.com", nil)
			expectError(t, r, http.StatusNotFound, "DomainNameNotFound")
			if got, want := r.ErrorMessage(), "domain name 'api.example.com' does not exist"; got != want {
				t.Errorf("message %q, want %q (the documented template)", got, want)
			}
			expectError(t, do(t, s, http.MethodDelete, path+"/api.example.com", nil), http.StatusNotFound, "DomainNameNotFound")
			expectError(t, do(t, s, http.MethodPut, path+"/api.example.com", map[string]any{}), http.StatusNotFound, "DomainNameNotFound")
		})
	}
}

// HTTPS needs a certificate, and an update cannot take the certificate of
// an HTTPS domain away.
func TestCustomDomainHTTPSNeedsCertificate(t *testing.T) {
	s := newDomainServer(t)
	pair := testcert.Valid(t, "a.example.com")
	for _, p := range []string{"HTTPS", "HTTP,HTTPS"} {
		r := do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{"domainName": "a.example.com", "protocol": p})
		expectError(t, r, http.StatusBadRequest, "InvalidArgument")
		if !strings.Contains(r.ErrorMessage(), "needs a certConfig") {
			t.Errorf("%s: message %q", p, r.ErrorMessage())
		}
	}
	expectOK(t, do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{"domainName": "a.example.com", "protocol": "HTTPS",
		"certConfig": map[string]any{"certName": "a", "certificate": pair.Cert, "privateKey": pair.Key}}))
	expectError(t, do(t, s, http.MethodPut, api+"/custom-domains/a.example.com", map[string]any{"certConfig": map[string]any{}}),
		http.StatusBadRequest, "InvalidArgument")
	// Resending the certificate without its key: FC cannot keep a key it
	// never returns for a certificate it was sent again.
	r := do(t, s, http.MethodPut, api+"/custom-domains/a.example.com", map[string]any{
		"certConfig": map[string]any{"certName": "a", "certificate": pair.Cert}})
	expectError(t, r, http.StatusBadRequest, "InvalidArgument")
	if !strings.Contains(r.ErrorMessage(), "certConfig.privateKey is required") {
		t.Errorf("message %q", r.ErrorMessage())
	}
}

func TestCustomDomainValidation(t *testing.T) {
	pair := testcert.Valid(t, "a.example.com")
	other := testcert.Valid(t, "b.example.com")
	cert := func(c, k string) map[string]any {
		return map[string]any{"protocol": "HTTP,HTTPS", "certConfig": map[string]any{"certName": "c", "certificate": c, "privateKey": k}}
	}
	routes := func(rs ...any) map[string]any { return map[string]any{"routeConfig": map[string]any{"routes": rs}} }
	cases := []struct {
		name   string
		domain string
		body   map[string]any
		status int
		code   string
		msg    string
	}{
		{"no name", "", nil, 400, "InvalidArgument", "domainName is required"},
		{"one label", "localhost", nil, 400, "InvalidArgument", "domainName 'localhost' is invalid"},
		{"upper case", "API.example.com", nil, 400, "InvalidArgument", "is invalid"},
		{"label ends with a hyphen", "a-.example.com", nil, 400, "InvalidArgument", "is invalid"},
		{"label too long", strings.Repeat("a", 64) + ".com", nil, 400, "InvalidArgument", "is invalid"},
		{"wildcard", "*.example.com", nil, 400, "InvalidArgument", "is invalid"},
		{"protocol", "a.example.com", map[string]any{"protocol": "http"}, 400, "InvalidArgument", "protocol must be one of HTTP, HTTPS, HTTP,HTTPS"},
		{"certificate not PEM", "a.example.com", cert("nope", pair.Key), 400, "InvalidArgument", "certConfig.certificate must be PEM"},
		{"key not PEM", "a.example.com", cert(pair.Cert, "nope"), 400, "InvalidArgument", "certConfig.privateKey must be one PEM private key"},
		{"key of another certificate", "a.example.com", cert(pair.Cert, other.Key), 400, "InvalidArgument", "does not belong to the first certificate"},
		{"key in the certificate field", "a.example.com", cert(pair.Key, pair.Key), 400, "InvalidArgument", "PEM block of type 'PRIVATE KEY'"},
		{"no certificate name", "a.example.com", map[string]any{"certConfig": map[string]any{"certificate": pair.Cert, "privateKey": pair.Key}}, 400, "InvalidArgument", "certConfig.certName is required"},
		{"TLS min above max", "a.example.com", map[string]any{"tlsConfig": map[string]any{"minVersion": "TLSv1.3", "maxVersion": "TLSv1.2"}}, 400, "InvalidArgument", "lower than tlsConfig.minVersion"},
		{"TLS version", "a.example.com", map[string]any{"tlsConfig": map[string]any{"minVersion": "TLS1.2"}}, 400, "InvalidArgument", "tlsConfig.minVersion must be one of"},
		{"TLS without min", "a.example.com", map[string]any{"tlsConfig": map[string]any{"maxVersion": "TLSv1.2"}}, 400, "InvalidArgument", "tlsConfig.minVersion"},
		{"path without slash", "a.example.com", routes(domainRoute("login", nil)), 400, "InvalidArgument", "routeConfig.routes[0].path must begin with '/'"},
		{"path twice", "a.example.com", routes(domainRoute("/a", nil), domainRoute("/a", nil)), 400, "InvalidArgument", "routeConfig.routes[1].path '/a' is routed twice"},
		{"no service", "a.example.com", routes(map[string]any{"path": "/"}), 400, "InvalidArgument", "serviceName is required"},
		{"unknown service", "a.example.com", routes(domainRoute("/", map[string]any{"serviceName": "nope"})), 404, "ServiceNotFound", "service 'nope'"},
		{"unknown function", "a.example.com", routes(domainRoute("/", map[string]any{"functionName": "nope"})), 404, "FunctionNotFound", "function 'nope' of service 'svc'"},
		{"unknown alias", "a.example.com", routes(domainRoute("/", map[string]any{"qualifier": "staging"})), 404, "AliasNotFound", "alias 'staging'"},
		{"unknown version", "a.example.com", routes(domainRoute("/", map[string]any{"qualifier": "9"})), 404, "VersionNotFound", "version '9'"},
		{"function not in the version", "a.example.com", routes(domainRoute("/", map[string]any{"functionName": "late", "qualifier": "prod"})), 404, "FunctionNotFound", "function 'late'"},
		{"method", "a.example.com", routes(domainRoute("/", map[string]any{"methods": []string{"get"}})), 400, "InvalidArgument", "routeConfig.routes[0].methods[0] must be one of"},
		{"method twice", "a.example.com", routes(domainRoute("/", map[string]any{"methods": []string{"GET", "GET"}})), 400, "InvalidArgument", "lists 'GET' twice"},
		{"regex", "a.example.com", routes(domainRoute("/", map[string]any{"rewriteConfig": map[string]any{"regexRules": []any{map[string]any{"match": "(", "replacement": "/"}}}})), 400, "InvalidArgument", "regexRules[0].match is not a regular expression"},
		{"rule without replacement", "a.example.com", routes(domainRoute("/", map[string]any{"rewriteConfig": map[string]any{"equalRules": []any{map[string]any{"match": "/a"}}}})), 400, "InvalidArgument", "equalRules[0] needs a match and a replacement"},
		{"wrong type", "a.example.com", map[string]any{"wafConfig": map[string]any{"enableWAF": "yes"}}, 400, "InvalidArgument", "enableWAF"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newDomainServer(t)
			body := map[string]any{"domainName": tc.domain}
			for k, v := range tc.body {
				body[k] = v
			}
			r := do(t, s, http.MethodPost, api+"/custom-domains", body)
			expectError(t, r, tc.status, tc.code)
			if !strings.Contains(r.ErrorMessage(), tc.msg) {
				t.Errorf("message %q, want it to contain %q", r.ErrorMessage(), tc.msg)
			}
			if keyBody := pair.Key[28:60]; strings.Contains(r.ErrorMessage(), keyBody) {
				t.Errorf("the message quotes the key: %q", r.ErrorMessage())
			}
			if r := do(t, s, http.MethodGet, api+"/custom-domains", nil); strings.Contains(string(r.Body), "domainName") {
				t.Errorf("a refused create stored something: %s", r.Body)
			}
			// The same body on an update of a valid domain fails the same
			// way, and leaves it as it was.
			if tc.domain != "a.example.com" {
				return
			}
			expectOK(t, do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{"domainName": "a.example.com"}))
			before := do(t, s, http.MethodGet, api+"/custom-domains/a.example.com", nil)
			expectError(t, do(t, s, http.MethodPut, api+"/custom-domains/a.example.com", tc.body), tc.status, tc.code)
			if after := do(t, s, http.MethodGet, api+"/custom-domains/a.example.com", nil); after.Header.Get("ETag") != before.Header.Get("ETag") {
				t.Errorf("a refused update changed the domain")
			}
		})
	}
}

// Routes are checked when they are sent, not on every later update: a
// domain whose function was deleted can still be changed otherwise.
func TestCustomDomainRoutesCheckedWhenSent(t *testing.T) {
	s := newDomainServer(t)
	expectOK(t, do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{"domainName": "a.example.com",
		"routeConfig": map[string]any{"routes": []any{domainRoute("/", map[string]any{"functionName": "late"})}}}))
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/late", nil))
	expectOK(t, do(t, s, http.MethodPut, api+"/custom-domains/a.example.com", map[string]any{"wafConfig": map[string]any{"enableWAF": true}}))
	expectError(t, do(t, s, http.MethodPut, api+"/custom-domains/a.example.com",
		map[string]any{"routeConfig": map[string]any{"routes": []any{domainRoute("/", map[string]any{"functionName": "late"})}}}),
		http.StatusNotFound, "FunctionNotFound")
}

func TestCustomDomainList(t *testing.T) {
	s := newTestServer(t)
	for _, n := range []string{"c.example.com", "a.example.com", "b.example.com", "x.example.org"} {
		expectOK(t, do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{"domainName": n}))
	}
	var page struct {
		CustomDomains []fc.CustomDomain `json:"customDomains"`
		NextToken     *string           `json:"nextToken"`
	}
	r := do(t, s, http.MethodGet, "/2021-04-06/custom-domains?limit=2", nil)
	expectOK(t, r)
	r.Decode(t, &page)
	if len(page.CustomDomains) != 2 || deref(page.CustomDomains[0].DomainName) != "a.example.com" || deref(page.NextToken) != "c.example.com" {
		t.Errorf("page 1: %s", r.Body)
	}
	if r.Header.Get("ETag") != "" {
		t.Errorf("a list answered an ETag")
	}
	page.NextToken = nil
	r = do(t, s, http.MethodGet, "/2021-04-06/custom-domains?nextToken=c.example.com&prefix=c", nil)
	expectOK(t, r)
	r.Decode(t, &page)
	if len(page.CustomDomains) != 1 || page.NextToken != nil {
		t.Errorf("page 2: %s", r.Body)
	}
	expectError(t, do(t, s, http.MethodGet, api+"/custom-domains?limit=101", nil), http.StatusBadRequest, "InvalidArgument")
}

// Strict mode knows every member of the SDK's CreateCustomDomainRequest and
// UpdateCustomDomainRequest, and refuses others (domainName on update).
func TestCustomDomainStrict(t *testing.T) {
	s := newDomainServer(t, withStrict)
	pair := testcert.Valid(t, "a.example.com")
	full := map[string]any{
		"domainName": "a.example.com", "protocol": "HTTP,HTTPS",
		"certConfig": map[string]any{"certName": "a", "certificate": pair.Cert, "privateKey": pair.Key},
		"routeConfig": map[string]any{"routes": []any{domainRoute("/", map[string]any{"qualifier": "prod", "methods": []string{"GET"},
			"rewriteConfig": map[string]any{
				"equalRules":    []any{map[string]any{"match": "/", "replacement": "/index"}},
				"wildcardRules": []any{map[string]any{"match": "/a/*", "replacement": "/$1"}},
				"regexRules":    []any{map[string]any{"match": "^/b/(.*)", "replacement": "/$1"}},
			}})}},
		"tlsConfig": map[string]any{"minVersion": "TLSv1.2", "maxVersion": "TLSv1.3", "cipherSuites": []string{"TLS_AES_128_GCM_SHA256"}},
		"wafConfig": map[string]any{"enableWAF": true},
	}
	expectOK(t, do(t, s, http.MethodPost, "/2021-04-06/custom-domains", full))
	delete(full, "domainName")
	expectOK(t, do(t, s, http.MethodPut, "/2021-04-06/custom-domains/a.example.com", full))
	for _, tc := range []struct {
		method, path string
		body         map[string]any
		field        string
	}{
		{http.MethodPut, "/2021-04-06/custom-domains/a.example.com", map[string]any{"domainName": "a.example.com"}, "domainName"},
		{http.MethodPut, "/2021-04-06/custom-domains/a.example.com", map[string]any{"routeConfig": map[string]any{"routes": []any{map[string]any{"path": "/", "serviceName": "svc", "method": []string{"GET"}}}}}, "routeConfig.routes[0].method"},
		{http.MethodPost, "/2021-04-06/custom-domains", map[string]any{"domainName": "b.example.com", "certConfig": map[string]any{"key": "x"}}, "certConfig.key"},
		{http.MethodPost, "/2021-04-06/custom-domains", map[string]any{"domainName": "b.example.com", "accountId": "1"}, "accountId"},
	} {
		r := do(t, s, tc.method, tc.path, tc.body)
		expectError(t, r, http.StatusBadRequest, "InvalidArgument")
		if got, want := r.ErrorMessage(), `unknown field "`+tc.field+`" in body`; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	}
}

// The answers use the official 2021-04-06 SDK's member names
// (GetCustomDomainResponseBody, PathConfig, ...).
func TestCustomDomainAnswerMembersAreSDKNames(t *testing.T) {
	_, sdk := loadEmuSDKFields(t)
	s := newDomainServer(t)
	pair := testcert.Valid(t, "a.example.com")
	r := do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{
		"domainName": "a.example.com", "protocol": "HTTP,HTTPS",
		"certConfig": map[string]any{"certName": "a", "certificate": pair.Cert, "privateKey": pair.Key},
		"routeConfig": map[string]any{"routes": []any{domainRoute("/", map[string]any{"qualifier": "prod", "methods": []string{"GET"},
			"rewriteConfig": map[string]any{"equalRules": []any{map[string]any{"match": "/", "replacement": "/i"}}}})}},
		"tlsConfig": map[string]any{"minVersion": "TLSv1.2", "maxVersion": "TLSv1.3", "cipherSuites": []string{"X"}},
		"wafConfig": map[string]any{"enableWAF": true},
	})
	expectOK(t, r)
	var answer map[string]json.RawMessage
	r.Decode(t, &answer)
	check := func(what string, obj map[string]json.RawMessage, sdkStruct string) {
		for member := range obj {
			known := false
			for _, f := range sdk[sdkStruct] {
				known = known || f == member
			}
			if !known {
				t.Errorf("%s member %q is not a field of the SDK's %s", what, member, sdkStruct)
			}
		}
	}
	check("answer", answer, "GetCustomDomainResponseBody")
	var nested struct {
		CertConfig  map[string]json.RawMessage `json:"certConfig"`
		TLSConfig   map[string]json.RawMessage `json:"tlsConfig"`
		WAFConfig   map[string]json.RawMessage `json:"wafConfig"`
		RouteConfig struct {
			Routes []map[string]json.RawMessage `json:"routes"`
		} `json:"routeConfig"`
	}
	r.Decode(t, &nested)
	check("certConfig", nested.CertConfig, "CertConfig")
	check("tlsConfig", nested.TLSConfig, "TLSConfig")
	check("wafConfig", nested.WAFConfig, "WAFConfig")
	check("route", nested.RouteConfig.Routes[0], "PathConfig")
	if len(answer) != 10 {
		t.Errorf("answer has %d members, want 10: %s", len(answer), r.Body)
	}
}

// Custom domains are saved and loaded with the rest of the state, key
// included (the answers withhold it).
func TestCustomDomainPersisted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }
	s := newTestServer(t, withState)
	pair := testcert.Valid(t, "a.example.com")
	r := do(t, s, http.MethodPost, api+"/custom-domains", map[string]any{"domainName": "a.example.com", "protocol": "HTTPS",
		"certConfig": map[string]any{"certName": "a", "certificate": pair.Cert, "privateKey": pair.Key}})
	expectOK(t, r)
	s2 := newTestServer(t, withState)
	got := do(t, s2, http.MethodGet, api+"/custom-domains/a.example.com", nil)
	expectOK(t, got)
	if got.Header.Get("ETag") != r.Header.Get("ETag") || string(got.Body) != string(r.Body) {
		t.Errorf("after reload: %s (ETag %s), want %s (ETag %s)", got.Body, got.Header.Get("ETag"), r.Body, r.Header.Get("ETag"))
	}
	// The stored key still matches: an update of the TLS settings alone
	// passes the certificate check.
	expectOK(t, do(t, s2, http.MethodPut, api+"/custom-domains/a.example.com", map[string]any{"tlsConfig": map[string]any{"minVersion": "TLSv1.2"}}))
}
