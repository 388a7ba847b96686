package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const aliasesPath = api + "/services/svc/aliases"

// newVersionedServer returns an emulator holding service svc with n
// published versions.
func newVersionedServer(t *testing.T, n int, mutate ...func(*Options)) *Server {
	t.Helper()
	s := newTestServer(t, mutate...)
	mustCreateService(t, s, "svc", nil)
	for i := 0; i < n; i++ {
		mustPublish(t, s, "")
	}
	return s
}

func TestAliasLifecycle(t *testing.T) {
	now := testNow
	s := newVersionedServer(t, 3, func(o *Options) { o.Now = func() time.Time { return now } })

	r := do(t, s, http.MethodPost, aliasesPath, map[string]any{
		"aliasName": "prod", "versionId": "1", "description": "first",
		"additionalVersionWeight": map[string]float64{"2": 0.25},
		"serviceName":             "other", "createdTime": "client-cannot-set-this",
	})
	expectOK(t, r)
	etag1 := r.Header.Get("ETag")
	if !etagRE.MatchString(etag1) {
		t.Fatalf("ETag %q", etag1)
	}
	var created fc.Alias
	r.Decode(t, &created)
	if deref(created.AliasName) != "prod" || deref(created.VersionID) != "1" || deref(created.Description) != "first" ||
		created.AdditionalVersionWeight["2"] != 0.25 || deref(created.ServiceName) != "svc" ||
		deref(created.CreatedTime) != "2024-05-01T12:00:00Z" || deref(created.LastModifiedTime) != "2024-05-01T12:00:00Z" {
		t.Errorf("created %s", r.Body)
	}

	r = do(t, s, http.MethodGet, aliasesPath+"/prod", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != etag1 {
		t.Errorf("GetAlias ETag %q, want %q", r.Header.Get("ETag"), etag1)
	}

	// null keeps; present fields replace; aliasName in the body is ignored.
	now = now.Add(time.Minute)
	r = do(t, s, http.MethodPut, aliasesPath+"/prod", `{"versionId":"3","description":null,"additionalVersionWeight":null,"aliasName":"x"}`,
		withIfMatch(etag1))
	expectOK(t, r)
	etag2 := r.Header.Get("ETag")
	if etag2 == "" || etag2 == etag1 {
		t.Fatalf("ETag did not change: %q", etag2)
	}
	var updated fc.Alias
	r.Decode(t, &updated)
	if deref(updated.AliasName) != "prod" || deref(updated.VersionID) != "3" || deref(updated.Description) != "first" ||
		updated.AdditionalVersionWeight["2"] != 0.25 || deref(updated.LastModifiedTime) != "2024-05-01T12:01:00Z" ||
		deref(updated.CreatedTime) != "2024-05-01T12:00:00Z" {
		t.Errorf("updated %s", r.Body)
	}

	// An empty map clears the weights.
	r = do(t, s, http.MethodPut, aliasesPath+"/prod", `{"additionalVersionWeight":{},"description":""}`)
	expectOK(t, r)
	etag3 := r.Header.Get("ETag")
	if _, has := r.JSON(t)["additionalVersionWeight"]; has {
		t.Errorf("weights not cleared: %s", r.Body)
	}

	// Stale If-Match: 412 and nothing changes.
	before := do(t, s, http.MethodGet, aliasesPath+"/prod", nil)
	expectError(t, do(t, s, http.MethodPut, aliasesPath+"/prod", `{"versionId":"1"}`, withIfMatch(etag2)),
		http.StatusPreconditionFailed, "PreconditionFailed")
	expectError(t, do(t, s, http.MethodDelete, aliasesPath+"/prod", nil, withIfMatch(etag1)),
		http.StatusPreconditionFailed, "PreconditionFailed")
	after := do(t, s, http.MethodGet, aliasesPath+"/prod", nil)
	if string(after.Body) != string(before.Body) || after.Header.Get("ETag") != etag3 {
		t.Fatalf("state changed after 412:\n%s\n%s", before.Body, after.Body)
	}

	expectError(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "prod", "versionId": "1"}),
		http.StatusConflict, "AliasAlreadyExists")

	r = do(t, s, http.MethodDelete, aliasesPath+"/prod", nil, withIfMatch(etag3))
	if r.Status != http.StatusNoContent || len(r.Body) != 0 {
		t.Fatalf("DeleteAlias: %d %s, want 204", r.Status, r.Body)
	}
	r = do(t, s, http.MethodGet, aliasesPath+"/prod", nil)
	expectError(t, r, http.StatusNotFound, "AliasNotFound")
	if r.ErrorMessage() != "alias 'prod' of service 'svc' does not exist" {
		t.Errorf("message %q", r.ErrorMessage())
	}
	expectError(t, do(t, s, http.MethodPut, aliasesPath+"/prod", `{}`), http.StatusNotFound, "AliasNotFound")
	expectError(t, do(t, s, http.MethodDelete, aliasesPath+"/prod", nil), http.StatusNotFound, "AliasNotFound")
	expectError(t, do(t, s, http.MethodGet, api+"/services/nope/aliases/prod", nil), http.StatusNotFound, "ServiceNotFound")
	expectError(t, do(t, s, http.MethodGet, api+"/services/nope/aliases", nil), http.StatusNotFound, "ServiceNotFound")
}

func TestAliasValidation(t *testing.T) {
	tests := []struct {
		name   string
		body   map[string]any
		status int
		code   string
		field  string // must appear in the message
	}{
		{"name missing", map[string]any{"versionId": "1"}, 400, "InvalidArgument", "aliasName"},
		{"name LATEST", map[string]any{"aliasName": "LATEST", "versionId": "1"}, 400, "InvalidArgument", "aliasName"},
		{"name starts with digit", map[string]any{"aliasName": "1a", "versionId": "1"}, 400, "InvalidArgument", "aliasName"},
		{"name starts with dash", map[string]any{"aliasName": "-a", "versionId": "1"}, 400, "InvalidArgument", "aliasName"},
		{"name too long", map[string]any{"aliasName": "a" + strings.Repeat("b", 128), "versionId": "1"}, 400, "InvalidArgument", "aliasName"},
		{"versionId missing", map[string]any{"aliasName": "a"}, 400, "InvalidArgument", "versionId"},
		{"versionId empty", map[string]any{"aliasName": "a", "versionId": ""}, 400, "InvalidArgument", "versionId"},
		{"versionId wrong type", map[string]any{"aliasName": "a", "versionId": 1}, 400, "InvalidArgument", "versionId"},
		{"versionId unknown", map[string]any{"aliasName": "a", "versionId": "9"}, 404, "VersionNotFound", "version '9'"},
		{"versionId not a number", map[string]any{"aliasName": "a", "versionId": "v1"}, 404, "VersionNotFound", "version 'v1'"},
		{"weight above 1", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]float64{"2": 1.5}}, 400, "InvalidArgument", "additionalVersionWeight"},
		{"weight negative", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]float64{"2": -0.1}}, 400, "InvalidArgument", "additionalVersionWeight"},
		{"weights sum above 1", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]float64{"2": 0.6, "3": 0.5}}, 400, "InvalidArgument", "additionalVersionWeight"},
		{"weight of unknown version", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]float64{"7": 0.1}}, 400, "InvalidArgument", "additionalVersionWeight"},
		{"weight of the primary version", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]float64{"1": 0.1}}, 400, "InvalidArgument", "additionalVersionWeight"},
		{"weight of the primary version, other spelling", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]float64{"01": 0.1}}, 400, "InvalidArgument", "additionalVersionWeight"},
		{"weight not a number", map[string]any{"aliasName": "a", "versionId": "1", "additionalVersionWeight": map[string]any{"2": "0.1"}}, 400, "InvalidArgument", "additionalVersionWeight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newVersionedServer(t, 3)
			r := do(t, s, http.MethodPost, aliasesPath, tt.body)
			expectError(t, r, tt.status, tt.code)
			if !strings.Contains(r.ErrorMessage(), tt.field) {
				t.Errorf("message %q does not name %s", r.ErrorMessage(), tt.field)
			}
			var list listAliasesResponse
			do(t, s, http.MethodGet, aliasesPath, nil).Decode(t, &list)
			if len(list.Aliases) != 0 {
				t.Errorf("an alias was stored: %+v", list.Aliases)
			}
		})
	}
}

func TestAliasAcceptsEdgeWeights(t *testing.T) {
	s := newVersionedServer(t, 4)
	tests := []map[string]float64{
		{"2": 1},
		{"2": 0},
		{"2": 0.1, "3": 0.2, "4": 0.7}, // 1.0000000000000002 in binary floating point
	}
	for i, w := range tests {
		name := "a" + string(rune('a'+i))
		expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": name, "versionId": "1", "additionalVersionWeight": w}))
	}
	// "02" is stored as "2".
	r := do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "z", "versionId": "01", "additionalVersionWeight": map[string]float64{"02": 0.5}})
	expectOK(t, r)
	var a fc.Alias
	r.Decode(t, &a)
	if deref(a.VersionID) != "1" || a.AdditionalVersionWeight["2"] != 0.5 {
		t.Errorf("alias %s", r.Body)
	}
}

func TestUpdateAliasValidation(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		status int
		code   string
	}{
		{"versionId empty", `{"versionId":""}`, 400, "InvalidArgument"},
		{"versionId unknown", `{"versionId":"9"}`, 404, "VersionNotFound"},
		// The merged alias is checked: the new primary is a weighted version.
		{"new primary is weighted", `{"versionId":"2"}`, 400, "InvalidArgument"},
		{"weights sum above 1", `{"additionalVersionWeight":{"2":0.5,"3":0.6}}`, 400, "InvalidArgument"},
		{"weight unknown version", `{"additionalVersionWeight":{"8":0.5}}`, 400, "InvalidArgument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newVersionedServer(t, 3)
			r := do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "prod", "versionId": "1", "additionalVersionWeight": map[string]float64{"2": 0.1}})
			expectOK(t, r)
			etag := r.Header.Get("ETag")
			expectError(t, do(t, s, http.MethodPut, aliasesPath+"/prod", tt.body), tt.status, tt.code)
			if got := do(t, s, http.MethodGet, aliasesPath+"/prod", nil); got.Header.Get("ETag") != etag {
				t.Errorf("a failed update changed the alias: %s", got.Body)
			}
		})
	}
}

func TestListAliasesPagination(t *testing.T) {
	s := newVersionedServer(t, 1)
	for _, n := range []string{"c", "a", "b", "x1", "x2"} {
		expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": n, "versionId": "1"}))
	}
	tests := []struct {
		query     string
		want      []string
		nextToken string
	}{
		{"", []string{"a", "b", "c", "x1", "x2"}, ""},
		{"?limit=2", []string{"a", "b"}, "c"},
		{"?limit=2&nextToken=c", []string{"c", "x1"}, "x2"},
		{"?prefix=x", []string{"x1", "x2"}, ""},
		{"?startKey=b&limit=1", []string{"b"}, "c"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := do(t, s, http.MethodGet, aliasesPath+tt.query, nil)
			expectOK(t, r)
			var l listAliasesResponse
			r.Decode(t, &l)
			var got []string
			for _, a := range l.Aliases {
				got = append(got, deref(a.AliasName))
				if deref(a.ServiceName) != "svc" {
					t.Errorf("serviceName %q", deref(a.ServiceName))
				}
			}
			if !equalStrings(got, tt.want) || l.NextToken != tt.nextToken {
				t.Errorf("got %v / %q, want %v / %q", got, l.NextToken, tt.want, tt.nextToken)
			}
		})
	}
}

// An alias resolves to its primary version for GetService, GetFunction and
// ListFunctions, and follows it when it is repointed.
func TestAliasQualifierFollowsVersion(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	body := validFunction("fn")
	body["description"] = "one"
	mustCreateFunction(t, s, "svc", body)
	mustPublish(t, s, "")
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", `{"description":"two"}`))
	mustPublish(t, s, "")
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", `{"description":"three"}`))
	expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "prod", "versionId": "1"}))

	description := func(path string) string {
		t.Helper()
		var fn fc.Function
		r := do(t, s, http.MethodGet, path, nil)
		expectOK(t, r)
		r.Decode(t, &fn)
		return deref(fn.Description)
	}
	tests := []struct{ path, want string }{
		{"/services/svc/functions/fn", "three"},
		{"/services/svc.LATEST/functions/fn", "three"},
		{"/services/svc.1/functions/fn", "one"},
		{"/services/svc.2/functions/fn", "two"},
		{"/services/svc.prod/functions/fn", "one"},
	}
	for _, tt := range tests {
		for _, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
			if got := description(prefix + tt.path); got != tt.want {
				t.Errorf("%s%s: description %q, want %q", prefix, tt.path, got, tt.want)
			}
		}
	}
	expectOK(t, do(t, s, http.MethodPut, aliasesPath+"/prod", `{"versionId":"2"}`))
	if got := description(api + "/services/svc.prod/functions/fn"); got != "two" {
		t.Errorf("after repointing: %q", got)
	}
	var list listFunctionsResponse
	do(t, s, http.MethodGet, api+"/services/svc.prod/functions", nil).Decode(t, &list)
	if len(list.Functions) != 1 || deref(list.Functions[0].Description) != "two" {
		t.Errorf("ListFunctions via alias: %+v", list.Functions)
	}
}
