package emulator

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	etagRE = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

func TestServiceLifecycle(t *testing.T) {
	now := testNow
	s := newTestServer(t, func(o *Options) { o.Now = func() time.Time { return now } })

	r := do(t, s, http.MethodPost, api+"/services", map[string]any{
		"serviceName": "svc",
		"description": "first",
		"role":        "acs:ram::1:role/fc",
		"logConfig":   map[string]any{"project": "p", "logstore": "l", "enableRequestMetrics": true, "logBeginRule": "DefaultRegex"},
		"vpcConfig":   map[string]any{"vpcId": "vpc-1", "vSwitchIds": []string{"vsw-1"}, "securityGroupId": "sg-1"},
		"serviceId":   "client-cannot-set-this",
	})
	expectOK(t, r)
	etag1 := r.Header.Get("ETag")
	if !etagRE.MatchString(etag1) {
		t.Fatalf("ETag %q is not 32 hex digits", etag1)
	}
	var created fc.Service
	r.Decode(t, &created)
	if !uuidRE.MatchString(deref(created.ServiceID)) {
		t.Errorf("serviceId %q is not a UUID", deref(created.ServiceID))
	}
	if got := deref(created.CreatedTime); got != "2024-05-01T12:00:00Z" {
		t.Errorf("createdTime = %q", got)
	}
	if created.InternetAccess == nil || !*created.InternetAccess {
		t.Errorf("internetAccess default = %v, want true", created.InternetAccess)
	}

	// Get returns the same object and ETag.
	r = do(t, s, http.MethodGet, api+"/services/svc", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != etag1 {
		t.Errorf("GetService ETag %q, want %q", r.Header.Get("ETag"), etag1)
	}

	// Update: present fields replace, absent fields are kept, a nested
	// object replaces the stored one whole, an empty object clears it.
	now = now.Add(time.Minute)
	r = do(t, s, http.MethodPut, api+"/services/svc", `{"description":"second","role":null,"internetAccess":false,
		"logConfig":{"project":"p2","logstore":"l2"},"vpcConfig":{}}`, withIfMatch(etag1))
	expectOK(t, r)
	etag2 := r.Header.Get("ETag")
	if etag2 == "" || etag2 == etag1 {
		t.Fatalf("ETag did not change on update: %q", etag2)
	}
	var updated fc.Service
	r.Decode(t, &updated)
	if deref(updated.Description) != "second" || deref(updated.Role) != "acs:ram::1:role/fc" {
		t.Errorf("description/role = %q/%q", deref(updated.Description), deref(updated.Role))
	}
	if updated.InternetAccess == nil || *updated.InternetAccess {
		t.Errorf("internetAccess = %v, want false", updated.InternetAccess)
	}
	if updated.LogConfig == nil || *updated.LogConfig != (fc.LogConfig{Project: "p2", Logstore: "l2"}) {
		t.Errorf("logConfig = %+v, want replaced whole", updated.LogConfig)
	}
	if updated.VPCConfig != nil {
		t.Errorf("vpcConfig = %+v, want cleared", updated.VPCConfig)
	}
	if deref(updated.CreatedTime) != "2024-05-01T12:00:00Z" || deref(updated.LastModifiedTime) != "2024-05-01T12:01:00Z" {
		t.Errorf("times = %q / %q", deref(updated.CreatedTime), deref(updated.LastModifiedTime))
	}
	if deref(updated.ServiceID) != deref(created.ServiceID) {
		t.Errorf("serviceId changed")
	}

	// An empty update still yields a new ETag (every change is a new value).
	r = do(t, s, http.MethodPut, api+"/services/svc", nil)
	expectOK(t, r)
	etag3 := r.Header.Get("ETag")
	if etag3 == etag2 {
		t.Errorf("ETag did not change")
	}

	// Delete with the current ETag.
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc", nil, withIfMatch(etag3)))
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc", nil), http.StatusNotFound, "ServiceNotFound")
	expectError(t, do(t, s, http.MethodDelete, api+"/services/svc", nil), http.StatusNotFound, "ServiceNotFound")
	expectError(t, do(t, s, http.MethodPut, api+"/services/svc", `{}`), http.StatusNotFound, "ServiceNotFound")
}

func TestServiceIfMatch(t *testing.T) {
	s := newTestServer(t)
	etag := mustCreateService(t, s, "svc", map[string]any{"description": "d"})
	before := do(t, s, http.MethodGet, api+"/services/svc", nil)

	expectError(t, do(t, s, http.MethodPut, api+"/services/svc", `{"description":"x"}`, withIfMatch("stale")),
		http.StatusPreconditionFailed, "PreconditionFailed")
	expectError(t, do(t, s, http.MethodDelete, api+"/services/svc", nil, withIfMatch("stale")),
		http.StatusPreconditionFailed, "PreconditionFailed")

	after := do(t, s, http.MethodGet, api+"/services/svc", nil)
	if string(after.Body) != string(before.Body) || after.Header.Get("ETag") != etag {
		t.Fatalf("state changed after 412:\n%s\n%s", before.Body, after.Body)
	}
	// Quoted and wildcard forms match.
	r := do(t, s, http.MethodPut, api+"/services/svc", `{"description":"y"}`, withIfMatch(`"`+etag+`"`))
	expectOK(t, r)
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc", `{"description":"z"}`, withIfMatch("*")))
}

func TestServiceConflicts(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	expectError(t, do(t, s, http.MethodPost, api+"/services", map[string]any{"serviceName": "svc"}),
		http.StatusConflict, "ServiceAlreadyExists")

	mustCreateFunction(t, s, "svc", validFunction("fn"))
	expectError(t, do(t, s, http.MethodDelete, api+"/services/svc", nil), http.StatusConflict, "ServiceNotEmpty")
	expectOK(t, do(t, s, http.MethodGet, api+"/services/svc", nil))

	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil))
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc", nil))
}

func TestServiceQualifier(t *testing.T) {
	s := newTestServer(t)
	etag := mustCreateService(t, s, "svc", nil)
	tests := []struct {
		path   string
		status int
		code   string
	}{
		{"/services/svc.LATEST", http.StatusOK, ""},
		{"/services/svc.1", http.StatusNotFound, "VersionNotFound"},
		{"/services/svc.prod", http.StatusNotFound, "AliasNotFound"},
		{"/services/other.LATEST", http.StatusNotFound, "ServiceNotFound"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := do(t, s, http.MethodGet, api+tt.path, nil)
			if tt.code == "" {
				expectOK(t, r)
				if r.Header.Get("ETag") != etag {
					t.Errorf("ETag %q, want %q", r.Header.Get("ETag"), etag)
				}
				return
			}
			expectError(t, r, tt.status, tt.code)
		})
	}
	// Writes take no qualifier.
	expectError(t, do(t, s, http.MethodPut, api+"/services/svc.LATEST", `{}`), http.StatusBadRequest, "PathNotSupported")
	expectError(t, do(t, s, http.MethodDelete, api+"/services/svc.LATEST", nil), http.StatusBadRequest, "PathNotSupported")
}

func TestBothAPIPrefixes(t *testing.T) {
	s := newTestServer(t)
	expectOK(t, do(t, s, http.MethodPost, "/2021-04-06/services", map[string]any{"serviceName": "a"}))
	expectOK(t, do(t, s, http.MethodPost, "/2016-08-15/services", map[string]any{"serviceName": "b"}))
	for _, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
		t.Run(prefix, func(t *testing.T) {
			var list listServicesResponse
			r := do(t, s, http.MethodGet, prefix+"/services", nil)
			expectOK(t, r)
			r.Decode(t, &list)
			if len(list.Services) != 2 {
				t.Errorf("got %d services", len(list.Services))
			}
			expectOK(t, do(t, s, http.MethodGet, prefix+"/services/a", nil))
			expectOK(t, do(t, s, http.MethodPost, prefix+"/services/b/functions", validFunction("f"+prefix[1:5])))
			expectOK(t, do(t, s, http.MethodGet, prefix+"/services/b/functions/f"+prefix[1:5]+"/code", nil))
		})
	}
}

func TestUnknownPaths(t *testing.T) {
	s := newTestServer(t)
	tests := []struct{ method, path string }{
		{http.MethodGet, "/"},
		{http.MethodGet, "/2016-08-15"},
		{http.MethodGet, "/2019-01-01/services"},
		{http.MethodPatch, "/2016-08-15/services/svc"},
		{http.MethodGet, "/2016-08-15/services/svc/whatever"},
		{http.MethodPost, "/2016-08-15/services/svc/functions/fn/code"},
		{http.MethodGet, "/2016-08-15/services/svc/versions/1"},
		{http.MethodPut, "/2016-08-15/services/svc/versions/1"},
		{http.MethodPatch, "/2016-08-15/services/svc/aliases/prod"},
		{http.MethodPost, "/2016-08-15/services/svc/functions/fn/triggers/t"},
		{http.MethodGet, "/2016-08-15/services/svc/functions/fn/triggers/t/x"},
		{http.MethodGet, "/_emulator/nothing"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			expectError(t, do(t, s, tt.method, tt.path, nil), http.StatusBadRequest, "PathNotSupported")
		})
	}
}

func TestListServicesPagination(t *testing.T) {
	s := newTestServer(t)
	for _, n := range []string{"e", "a", "c", "b", "d", "x1", "x2"} {
		mustCreateService(t, s, n, nil)
	}
	names := func(l listServicesResponse) []string {
		var out []string
		for _, svc := range l.Services {
			out = append(out, deref(svc.ServiceName))
		}
		return out
	}
	tests := []struct {
		query     string
		want      []string
		nextToken string
	}{
		{"", []string{"a", "b", "c", "d", "e", "x1", "x2"}, ""},
		{"?limit=0", []string{"a", "b", "c", "d", "e", "x1", "x2"}, ""},
		{"?limit=2", []string{"a", "b"}, "c"},
		{"?limit=2&nextToken=c", []string{"c", "d"}, "e"},
		{"?limit=3&nextToken=e", []string{"e", "x1", "x2"}, ""},
		{"?prefix=x", []string{"x1", "x2"}, ""},
		{"?prefix=x&limit=1", []string{"x1"}, "x2"},
		{"?startKey=c&limit=2", []string{"c", "d"}, "e"},
		{"?startKey=cc", []string{"d", "e", "x1", "x2"}, ""},
		{"?startKey=zzz", nil, ""},
		{"?limit=100", []string{"a", "b", "c", "d", "e", "x1", "x2"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := do(t, s, http.MethodGet, api+"/services"+tt.query, nil)
			expectOK(t, r)
			var l listServicesResponse
			r.Decode(t, &l)
			if got := names(l); !equalStrings(got, tt.want) {
				t.Errorf("names = %v, want %v", got, tt.want)
			}
			if l.NextToken != tt.nextToken {
				t.Errorf("nextToken = %q, want %q", l.NextToken, tt.nextToken)
			}
			if _, has := r.JSON(t)["nextToken"]; has != (tt.nextToken != "") {
				t.Errorf("nextToken presence = %v in %s", has, r.Body)
			}
			if r.Header.Get("ETag") != "" {
				t.Errorf("list answered an ETag")
			}
		})
	}
	for _, bad := range []string{"101", "-1", "ten", "1.5"} {
		t.Run("limit="+bad, func(t *testing.T) {
			expectError(t, do(t, s, http.MethodGet, api+"/services?limit="+bad, nil), http.StatusBadRequest, "InvalidArgument")
		})
	}
}

func TestListServicesDefaultLimit(t *testing.T) {
	s := newTestServer(t)
	for i := 0; i < 25; i++ {
		mustCreateService(t, s, "s"+string(rune('a'+i)), nil)
	}
	var l listServicesResponse
	do(t, s, http.MethodGet, api+"/services", nil).Decode(t, &l)
	if len(l.Services) != 20 || l.NextToken != "su" {
		t.Fatalf("got %d services, nextToken %q; want 20 and su", len(l.Services), l.NextToken)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
