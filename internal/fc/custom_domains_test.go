package fc

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// testPrivateKey looks like a PEM key to the redaction; it is no key.
const testPrivateKey = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-not-a-real-key\nAAECAwQFBgcICQ==\n-----END PRIVATE KEY-----\n"

func TestCustomDomain_PathsMethodsAndETags(t *testing.T) {
	tests := []struct {
		name      string
		call      func(*Client) (string, error)
		wantReq   string
		wantMatch string
	}{
		{name: "create", wantReq: "POST /2021-04-06/custom-domains", call: func(c *Client) (string, error) {
			_, etag, err := c.CreateCustomDomain(context.Background(), &CustomDomain{DomainName: Ptr("example.com")})
			return etag, err
		}},
		{name: "get", wantReq: "GET /2021-04-06/custom-domains/example.com", call: func(c *Client) (string, error) {
			_, etag, err := c.GetCustomDomain(context.Background(), "example.com")
			return etag, err
		}},
		{name: "update", wantReq: "PUT /2021-04-06/custom-domains/example.com", wantMatch: "e1", call: func(c *Client) (string, error) {
			_, etag, err := c.UpdateCustomDomain(context.Background(), "example.com", &CustomDomain{Protocol: Ptr("HTTP")}, "e1")
			return etag, err
		}},
		{name: "delete", wantReq: "DELETE /2021-04-06/custom-domains/example.com", wantMatch: "e2", call: func(c *Client) (string, error) {
			return "etag-delete", c.DeleteCustomDomain(context.Background(), "example.com", "e2")
		}},
		{name: "delete unconditional", wantReq: "DELETE /2021-04-06/custom-domains/a%2Fb", call: func(c *Client) (string, error) {
			return "etag-delete unconditional", c.DeleteCustomDomain(context.Background(), "a/b", "")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := http.StatusOK, `{"domainName":"example.com"}`
			if strings.HasPrefix(tt.name, "delete") {
				status, body = http.StatusNoContent, "" // documented 204
			}
			rec := newRecorder(t, answer{status: status, header: map[string]string{"ETag": "etag-" + tt.name}, body: body})
			c := newTestClient(t, rec)
			etag, err := tt.call(c)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if etag != "etag-"+tt.name {
				t.Errorf("etag = %q, want %q", etag, "etag-"+tt.name)
			}
			reqs := rec.requests()
			if len(reqs) != 1 || reqs[0].Method+" "+reqs[0].Path != tt.wantReq {
				t.Fatalf("requests = %+v, want one %s", reqs, tt.wantReq)
			}
			got, present := reqs[0].Header["If-Match"]
			switch {
			case tt.wantMatch == "" && present:
				t.Errorf("If-Match = %q, want none", got)
			case tt.wantMatch != "" && reqs[0].Header.Get("If-Match") != tt.wantMatch:
				t.Errorf("If-Match = %q, want %q", got, tt.wantMatch)
			}
		})
	}
}

// The bodies the provider sends: every field on create; on update no
// domainName, and blank objects that clear (routes [], {} for the
// certificate and TLS), false sent for the WAF.
func TestCustomDomain_Bodies(t *testing.T) {
	full := &CustomDomain{
		DomainName: Ptr("example.com"),
		Protocol:   Ptr("HTTP,HTTPS"),
		CertConfig: &CertConfig{CertName: "c", Certificate: "CERT", PrivateKey: testPrivateKey},
		RouteConfig: &RouteConfig{Routes: []PathConfig{{
			Path: "/a/*", ServiceName: "s", FunctionName: "f", Qualifier: "prod", Methods: []string{"GET"},
			RewriteConfig: &RewriteConfig{
				EqualRules:    []RewriteRule{{Match: "/a", Replacement: "/b"}},
				WildcardRules: []RewriteRule{{Match: "/a/*", Replacement: "/$1"}},
				RegexRules:    []RewriteRule{{Match: "^/a/(.*)$", Replacement: "/$1"}},
			},
		}}},
		TLSConfig: &TLSConfig{MinVersion: "TLSv1.2", MaxVersion: "TLSv1.3", CipherSuites: []string{"TLS_AES_128_GCM_SHA256"}},
		WAFConfig: &WAFConfig{EnableWAF: Ptr(true)},
	}
	wantFull := map[string]any{
		"domainName": "example.com",
		"protocol":   "HTTP,HTTPS",
		"certConfig": map[string]any{"certName": "c", "certificate": "CERT", "privateKey": testPrivateKey},
		"routeConfig": map[string]any{"routes": []any{map[string]any{
			"path": "/a/*", "serviceName": "s", "functionName": "f", "qualifier": "prod", "methods": []any{"GET"},
			"rewriteConfig": map[string]any{
				"equalRules":    []any{map[string]any{"match": "/a", "replacement": "/b"}},
				"wildcardRules": []any{map[string]any{"match": "/a/*", "replacement": "/$1"}},
				"regexRules":    []any{map[string]any{"match": "^/a/(.*)$", "replacement": "/$1"}},
			},
		}}},
		"tlsConfig": map[string]any{"minVersion": "TLSv1.2", "maxVersion": "TLSv1.3", "cipherSuites": []any{"TLS_AES_128_GCM_SHA256"}},
		"wafConfig": map[string]any{"enableWAF": true},
	}
	clearing := &CustomDomain{
		Protocol:    Ptr("HTTP"),
		CertConfig:  &CertConfig{},
		RouteConfig: &RouteConfig{Routes: []PathConfig{}},
		TLSConfig:   &TLSConfig{},
		WAFConfig:   &WAFConfig{EnableWAF: Ptr(false)},
	}
	wantClearing := map[string]any{
		"protocol": "HTTP", "certConfig": map[string]any{}, "routeConfig": map[string]any{"routes": []any{}},
		"tlsConfig": map[string]any{}, "wafConfig": map[string]any{"enableWAF": false},
	}
	for _, tt := range []struct {
		name string
		call func(*Client) error
		want map[string]any
	}{
		{"create", func(c *Client) error { _, _, err := c.CreateCustomDomain(context.Background(), full); return err }, wantFull},
		{"update clearing", func(c *Client) error {
			_, _, err := c.UpdateCustomDomain(context.Background(), "example.com", clearing, "")
			return err
		}, wantClearing},
		{"update of nothing", func(c *Client) error {
			_, _, err := c.UpdateCustomDomain(context.Background(), "example.com", &CustomDomain{}, "")
			return err
		}, map[string]any{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t)
			c := newTestClient(t, rec)
			if err := tt.call(c); err != nil {
				t.Fatal(err)
			}
			var got map[string]any
			if err := json.Unmarshal(rec.requests()[0].Body, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("body\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

// An answer decodes whole, read-only fields included; a missing private
// key is an empty string.
func TestCustomDomain_DecodesAnswer(t *testing.T) {
	rec := newRecorder(t, answer{status: http.StatusOK, body: `{"domainName":"example.com","accountId":"1","apiVersion":"2016-08-15",
		"protocol":"HTTP,HTTPS","certConfig":{"certName":"c","certificate":"CERT"},
		"routeConfig":{"routes":[{"path":"/","serviceName":"s","functionName":"f","methods":["GET","POST"]}]},
		"tlsConfig":{"minVersion":"TLSv1.2","cipherSuites":["X"]},"wafConfig":{"enableWAF":false},
		"createdTime":"2020-07-27T08:02:19Z","lastModifiedTime":"2020-07-27T08:02:20Z"}`})
	c := newTestClient(t, rec)
	d, _, err := c.GetCustomDomain(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	want := &CustomDomain{
		DomainName: Ptr("example.com"), AccountID: Ptr("1"), APIVersion: Ptr("2016-08-15"), Protocol: Ptr("HTTP,HTTPS"),
		CertConfig:  &CertConfig{CertName: "c", Certificate: "CERT"},
		RouteConfig: &RouteConfig{Routes: []PathConfig{{Path: "/", ServiceName: "s", FunctionName: "f", Methods: []string{"GET", "POST"}}}},
		TLSConfig:   &TLSConfig{MinVersion: "TLSv1.2", CipherSuites: []string{"X"}},
		WAFConfig:   &WAFConfig{EnableWAF: Ptr(false)},
		CreatedTime: Ptr("2020-07-27T08:02:19Z"), LastModifiedTime: Ptr("2020-07-27T08:02:20Z"),
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("decoded %+v, want %+v", d, want)
	}
}

func TestCustomDomain_ListFollowsNextToken(t *testing.T) {
	names := []string{"a.example.com", "b.example.com", "c.example.com"}
	var queries []string
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/2021-04-06/custom-domains" || r.Method != http.MethodGet {
			t.Errorf("request %s %s", r.Method, r.URL.Path)
		}
		queries = append(queries, r.URL.RawQuery)
		start := 0
		if tok := r.URL.Query().Get("nextToken"); tok != "" {
			_, _ = fmt.Sscan(tok, &start)
		}
		end := min(start+2, len(names))
		var items []map[string]string
		for _, n := range names[start:end] {
			items = append(items, map[string]string{"domainName": n})
		}
		page := map[string]any{"customDomains": items}
		if end < len(names) {
			page["nextToken"] = fmt.Sprint(end)
		}
		_ = json.NewEncoder(w).Encode(page)
	}))
	got, err := c.ListCustomDomains(context.Background(), ListOptions{Prefix: "a", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	var gotNames []string
	for _, d := range got {
		gotNames = append(gotNames, *d.DomainName)
	}
	if !reflect.DeepEqual(gotNames, names) {
		t.Errorf("names %v, want %v", gotNames, names)
	}
	if want := []string{"limit=2&prefix=a", "limit=2&nextToken=2&prefix=a"}; !reflect.DeepEqual(queries, want) {
		t.Errorf("queries %v, want %v", queries, want)
	}
}

// The private key of a certificate reaches no log line at any level: not
// the request body, not a server that echoes it back (under privateKey or
// any other name, in JSON or not), not an error message quoting it.
func TestCustomDomain_PrivateKeyNeverLogged(t *testing.T) {
	// The base64 of the key, in pieces short enough to survive in a body
	// cut short.
	keyParts := []string{"MIIEvQIBADANBgkq", "not-a-real-key", "AAECAwQFBgcICQ=="}
	answers := []answer{
		// Echoes the request, key included, as a careless server might.
		{status: http.StatusOK, body: ""},
		// Quotes the key in an error message, inside JSON.
		{status: http.StatusBadRequest, body: apiErrorBody("InvalidArgument", "bad key "+testPrivateKey)},
		// Quotes it in a body that is not JSON, cut short (no END line).
		{status: http.StatusBadRequest, body: "bad key " + testPrivateKey[:60]},
	}
	i := 0
	logs := &capture{}
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		a := answers[min(i, len(answers)-1)]
		i++
		if a.body == "" {
			a.body = string(body)
		}
		w.WriteHeader(a.status)
		_, _ = w.Write([]byte(a.body))
	}), func(cfg *Config) { cfg.Logger = logs; cfg.MaxRetries = 0 })

	in := &CustomDomain{DomainName: Ptr("example.com"), Protocol: Ptr("HTTP,HTTPS"),
		CertConfig: &CertConfig{CertName: "c", Certificate: "CERT", PrivateKey: testPrivateKey}}
	if _, _, err := c.CreateCustomDomain(context.Background(), in); err != nil {
		t.Fatalf("create: %v", err)
	}
	for range 2 {
		if _, _, err := c.UpdateCustomDomain(context.Background(), "example.com", &CustomDomain{CertConfig: in.CertConfig}, ""); err == nil {
			t.Fatal("update: want the error answer")
		}
	}
	entries := logs.all()
	traces := 0
	for _, e := range entries {
		if e.level == "trace" {
			traces++
		}
		text := e.text()
		for _, part := range keyParts {
			if strings.Contains(text, part) {
				t.Errorf("a part of the private key (%q) leaked in %q", part, text)
			}
		}
	}
	if traces != 6 {
		t.Errorf("%d trace entries, want 6 (3 requests and 3 answers)", traces)
	}
}

func TestRedactPrivateKeys(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"no key here", "no key here"},
		{"a " + testPrivateKey + "b", "a " + redacted + "\nb"},
		{`{"x":"-----BEGIN RSA PRIVATE KEY-----\nAAA\n-----END RSA PRIVATE KEY-----"}`, `{"x":"` + redacted + `"}`},
		{"cut -----BEGIN EC PRIVATE KEY-----\nAAAA", "cut " + redacted},
		{"two -----BEGIN PRIVATE KEY-----x-----END PRIVATE KEY----- and -----BEGIN ENCRYPTED PRIVATE KEY-----y-----END ENCRYPTED PRIVATE KEY-----.",
			"two " + redacted + " and " + redacted + "."},
		{"-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----"},
	} {
		if got := redactPrivateKeys(tt.in); got != tt.want {
			t.Errorf("redactPrivateKeys(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
