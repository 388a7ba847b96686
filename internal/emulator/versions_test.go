package emulator

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const versionsPath = api + "/services/svc/versions"

// mustPublish publishes a version of svc and returns its ID.
func mustPublish(t *testing.T, s http.Handler, description string) string {
	t.Helper()
	r := do(t, s, http.MethodPost, versionsPath, map[string]any{"description": description})
	if r.Status != http.StatusOK {
		t.Fatalf("PublishServiceVersion: %d %s", r.Status, r.Body)
	}
	var v fc.Version
	r.Decode(t, &v)
	return deref(v.VersionID)
}

func TestPublishServiceVersion(t *testing.T) {
	now := testNow
	s := newTestServer(t, func(o *Options) { o.Now = func() time.Time { return now } })
	svcETag := mustCreateService(t, s, "svc", nil)

	r := do(t, s, http.MethodPost, versionsPath, `{"description":"first"}`, withIfMatch(svcETag))
	expectOK(t, r)
	var v1 fc.Version
	r.Decode(t, &v1)
	if deref(v1.VersionID) != "1" || deref(v1.Description) != "first" ||
		deref(v1.CreatedTime) != "2024-05-01T12:00:00Z" || deref(v1.LastModifiedTime) != "2024-05-01T12:00:00Z" {
		t.Errorf("version = %s", r.Body)
	}
	// The official SDK sends "Description" (no JSON tag); an empty body is
	// allowed.
	now = now.Add(time.Minute)
	r = do(t, s, http.MethodPost, versionsPath, `{"Description":"second"}`)
	expectOK(t, r)
	var v2 fc.Version
	r.Decode(t, &v2)
	if deref(v2.VersionID) != "2" || deref(v2.Description) != "second" || deref(v2.CreatedTime) != "2024-05-01T12:01:00Z" {
		t.Errorf("version = %s", r.Body)
	}
	if id := mustPublish(t, s, ""); id != "3" {
		t.Errorf("third version %q", id)
	}

	// A stale service ETag is refused and publishes nothing.
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc", `{"description":"changed"}`))
	expectError(t, do(t, s, http.MethodPost, versionsPath, nil, withIfMatch(svcETag)), http.StatusPreconditionFailed, "PreconditionFailed")

	// Numbers are never reused, even after deleting the newest version.
	r = do(t, s, http.MethodDelete, versionsPath+"/3", nil)
	if r.Status != http.StatusNoContent || len(r.Body) != 0 {
		t.Fatalf("DeleteServiceVersion: %d %s, want 204", r.Status, r.Body)
	}
	if id := mustPublish(t, s, ""); id != "4" {
		t.Errorf("version after a delete = %q, want 4", id)
	}

	expectError(t, do(t, s, http.MethodDelete, versionsPath+"/3", nil), http.StatusNotFound, "VersionNotFound")
	r = do(t, s, http.MethodDelete, versionsPath+"/latest", nil)
	expectError(t, r, http.StatusNotFound, "VersionNotFound")
	if r.ErrorMessage() != "version 'latest' of service 'svc' does not exist" {
		t.Errorf("message %q", r.ErrorMessage())
	}
	expectError(t, do(t, s, http.MethodPost, api+"/services/nope/versions", nil), http.StatusNotFound, "ServiceNotFound")
	expectError(t, do(t, s, http.MethodGet, api+"/services/nope/versions", nil), http.StatusNotFound, "ServiceNotFound")
	expectError(t, do(t, s, http.MethodDelete, api+"/services/nope/versions/1", nil), http.StatusNotFound, "ServiceNotFound")
}

// A version is a snapshot: reads with its ID or an alias return the
// configuration published, not LATEST, under both prefixes.
func TestVersionSnapshot(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", map[string]any{"description": "v1 service"})
	body := validFunction("fn")
	body["memorySize"] = 256
	body["environmentVariables"] = map[string]string{"STAGE": "one"}
	mustCreateFunction(t, s, "svc", body)
	mustCreateFunction(t, s, "svc", validFunction("gone"))
	v1 := mustPublish(t, s, "v1")
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{"aliasName": "prod", "versionId": v1}))

	// LATEST moves on: new code, new memory, a new function, one deleted,
	// a new service description.
	newZip := makeZip(t, map[string]string{"index.py": "def handler(e, c):\n    return 'v2'\n"})
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{
		"memorySize": 512, "environmentVariables": map[string]string{"STAGE": "two"},
		"code": map[string]any{"zipFile": base64.StdEncoding.EncodeToString(newZip)},
	}))
	mustCreateFunction(t, s, "svc", validFunction("added"))
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/gone", nil))
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc", `{"description":"latest service"}`))

	for _, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
		for _, q := range []string{"", ".LATEST", ".1", ".prod"} {
			latest := q == "" || q == ".LATEST"
			t.Run(prefix+" svc"+q, func(t *testing.T) {
				base := prefix + "/services/svc" + q

				var svc fc.Service
				r := do(t, s, http.MethodGet, base, nil)
				expectOK(t, r)
				r.Decode(t, &svc)
				if want := map[bool]string{true: "latest service", false: "v1 service"}[latest]; deref(svc.Description) != want {
					t.Errorf("GetService description %q, want %q", deref(svc.Description), want)
				}

				var fn fc.Function
				r = do(t, s, http.MethodGet, base+"/functions/fn", nil)
				expectOK(t, r)
				r.Decode(t, &fn)
				wantMem, wantEnv, wantSum := int64(256), "one", codeChecksum(testZip)
				if latest {
					wantMem, wantEnv, wantSum = 512, "two", codeChecksum(newZip)
				}
				if deref(fn.MemorySize) != wantMem || fn.EnvironmentVariables["STAGE"] != wantEnv || deref(fn.CodeChecksum) != wantSum {
					t.Errorf("GetFunction = %s", r.Body)
				}
				if r.Header.Get("ETag") == "" {
					t.Errorf("GetFunction without ETag")
				}

				var code fc.FunctionCode
				r = do(t, s, http.MethodGet, base+"/functions/fn/code", nil)
				expectOK(t, r)
				r.Decode(t, &code)
				if code.Checksum != wantSum {
					t.Errorf("GetFunctionCode checksum %q, want %q", code.Checksum, wantSum)
				}
				archive := do(t, s, http.MethodGet, strings.TrimPrefix(code.URL, "http://example.com"), nil, unsigned())
				if codeChecksum(archive.Body) != wantSum {
					t.Errorf("archive at %s has checksum %s", code.URL, codeChecksum(archive.Body))
				}

				var list listFunctionsResponse
				do(t, s, http.MethodGet, base+"/functions", nil).Decode(t, &list)
				var names []string
				for _, f := range list.Functions {
					names = append(names, deref(f.FunctionName))
				}
				want := []string{"fn", "gone"}
				if latest {
					want = []string{"added", "fn"}
				}
				if !equalStrings(names, want) {
					t.Errorf("ListFunctions = %v, want %v", names, want)
				}

				if latest {
					expectError(t, do(t, s, http.MethodGet, base+"/functions/gone", nil), http.StatusNotFound, "FunctionNotFound")
				} else {
					expectError(t, do(t, s, http.MethodGet, base+"/functions/added", nil), http.StatusNotFound, "FunctionNotFound")
				}
			})
		}
	}

	// Unknown qualifiers.
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc.2/functions/fn", nil), http.StatusNotFound, "VersionNotFound")
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc.staging/functions", nil), http.StatusNotFound, "AliasNotFound")
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc.staging", nil), http.StatusNotFound, "AliasNotFound")
}

func TestListServiceVersionsPaging(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	for i := 0; i < 6; i++ {
		mustPublish(t, s, "")
	}
	expectNoContent(t, do(t, s, http.MethodDelete, versionsPath+"/4", nil)) // versions 1 2 3 5 6
	tests := []struct {
		query     string
		want      []string
		nextToken string
		direction string
	}{
		{"", []string{"6", "5", "3", "2", "1"}, "", "BACKWARD"},
		{"?direction=FORWARD", []string{"1", "2", "3", "5", "6"}, "", "FORWARD"},
		{"?limit=2", []string{"6", "5"}, "3", "BACKWARD"},
		{"?limit=2&nextToken=3", []string{"3", "2"}, "1", "BACKWARD"},
		{"?limit=2&nextToken=1", []string{"1"}, "", "BACKWARD"},
		{"?limit=2&direction=FORWARD", []string{"1", "2"}, "3", "FORWARD"},
		{"?limit=2&direction=FORWARD&nextToken=3", []string{"3", "5"}, "6", "FORWARD"},
		{"?startKey=4&direction=FORWARD", []string{"5", "6"}, "", "FORWARD"},
		{"?startKey=4", []string{"3", "2", "1"}, "", "BACKWARD"},
		{"?startKey=5&limit=1&direction=FORWARD", []string{"5"}, "6", "FORWARD"},
		{"?startKey=4&limit=1&direction=FORWARD", []string{"5"}, "6", "FORWARD"},
		{"?startKey=2&nextToken=5&direction=FORWARD", []string{"5", "6"}, "", "FORWARD"},
		{"?startKey=5&nextToken=2", []string{"2", "1"}, "", "BACKWARD"},
		{"?startKey=99&direction=FORWARD", nil, "", "FORWARD"},
		{"?startKey=99", []string{"6", "5", "3", "2", "1"}, "", "BACKWARD"},
		{"?limit=0", []string{"6", "5", "3", "2", "1"}, "", "BACKWARD"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := do(t, s, http.MethodGet, versionsPath+tt.query, nil)
			expectOK(t, r)
			var l listVersionsResponse
			r.Decode(t, &l)
			var got []string
			for _, v := range l.Versions {
				got = append(got, deref(v.VersionID))
			}
			if !equalStrings(got, tt.want) || l.NextToken != tt.nextToken || l.Direction != tt.direction {
				t.Errorf("got %v next %q dir %q, want %v next %q dir %q", got, l.NextToken, l.Direction, tt.want, tt.nextToken, tt.direction)
			}
			if _, has := r.JSON(t)["versions"]; !has {
				t.Errorf("no versions member in %s", r.Body)
			}
		})
	}
	for _, bad := range []string{"?direction=forward", "?direction=UP", "?limit=101", "?startKey=abc", "?nextToken=0", "?startKey=-1"} {
		t.Run(bad, func(t *testing.T) {
			expectError(t, do(t, s, http.MethodGet, versionsPath+bad, nil), http.StatusBadRequest, "InvalidArgument")
		})
	}
}

func TestListServiceVersionsDefaultLimit(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	for i := 0; i < 25; i++ {
		mustPublish(t, s, "")
	}
	var l listVersionsResponse
	do(t, s, http.MethodGet, versionsPath, nil).Decode(t, &l)
	if len(l.Versions) != 20 || deref(l.Versions[0].VersionID) != "25" || l.NextToken != "5" {
		t.Fatalf("got %d versions from %s, nextToken %q; want 20 from 25 and 5", len(l.Versions), deref(l.Versions[0].VersionID), l.NextToken)
	}
}

// A version an alias routes to cannot be deleted; the error names the
// aliases.
func TestDeleteVersionInUse(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	for i := 0; i < 3; i++ {
		mustPublish(t, s, "")
	}
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{"aliasName": "prod", "versionId": "1"}))
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{
		"aliasName": "canary", "versionId": "1", "additionalVersionWeight": map[string]float64{"2": 0.1},
	}))
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{"aliasName": "beta", "versionId": "2"}))
	tests := []struct {
		version string
		message string
	}{
		{"1", "version '1' of service 'svc' is used by aliases 'canary', 'prod'"},
		{"2", "version '2' of service 'svc' is used by aliases 'beta', 'canary'"},
	}
	for _, tt := range tests {
		r := do(t, s, http.MethodDelete, versionsPath+"/"+tt.version, nil)
		expectError(t, r, http.StatusConflict, "VersionInUse")
		if r.ErrorMessage() != tt.message {
			t.Errorf("message %q, want %q", r.ErrorMessage(), tt.message)
		}
	}
	expectNoContent(t, do(t, s, http.MethodDelete, api+"/services/svc/aliases/beta", nil))
	r := do(t, s, http.MethodDelete, versionsPath+"/2", nil)
	if want := "version '2' of service 'svc' is used by alias 'canary'"; r.ErrorMessage() != want {
		t.Errorf("message %q, want %q", r.ErrorMessage(), want)
	}
	// Clearing the weights frees version 2.
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/aliases/canary", `{"additionalVersionWeight":{}}`))
	if r := do(t, s, http.MethodDelete, versionsPath+"/2", nil); r.Status != http.StatusNoContent {
		t.Errorf("delete version 2: %d %s", r.Status, r.Body)
	}
	if r := do(t, s, http.MethodDelete, versionsPath+"/3", nil); r.Status != http.StatusNoContent {
		t.Errorf("delete unused version 3: %d %s", r.Status, r.Body)
	}
}

// A service holding functions, versions or aliases cannot be deleted.
func TestServiceWithVersionsOrAliasesCannotBeDeleted(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	mustPublish(t, s, "")
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{"aliasName": "prod", "versionId": "1"}))

	steps := []struct {
		remove  string
		message string // of the DeleteService refusal before the removal
	}{
		{api + "/services/svc/functions/fn", "service 'svc' still has 1 function(s), 1 version(s) and 1 alias(es); delete them before the service"},
		{api + "/services/svc/aliases/prod", "service 'svc' still has 1 version(s) and 1 alias(es); delete them before the service"},
		{versionsPath + "/1", "service 'svc' still has 1 version(s); delete them before the service"},
	}
	for _, st := range steps {
		r := do(t, s, http.MethodDelete, api+"/services/svc", nil)
		expectError(t, r, http.StatusConflict, "ServiceNotEmpty")
		if r.ErrorMessage() != st.message {
			t.Errorf("message %q, want %q", r.ErrorMessage(), st.message)
		}
		if r := do(t, s, http.MethodDelete, st.remove, nil); r.Status >= 300 {
			t.Fatalf("DELETE %s: %d %s", st.remove, r.Status, r.Body)
		}
	}
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc", nil))
}

// Triggers, versions and aliases are served the same way under both API
// prefixes, and objects written under one are read under the other.
func TestTriggersVersionsAliasesBothPrefixes(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	for i, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
		t.Run(prefix, func(t *testing.T) {
			base := prefix + "/services/svc"
			n := string(rune('1' + i))
			r := do(t, s, http.MethodPost, base+"/versions", `{"description":"d"}`)
			expectOK(t, r)
			var v fc.Version
			r.Decode(t, &v)
			if deref(v.VersionID) != n {
				t.Errorf("versionId %q, want %s", deref(v.VersionID), n)
			}
			alias := "a" + n
			expectOK(t, do(t, s, http.MethodPost, base+"/aliases", map[string]any{"aliasName": alias, "versionId": n}))
			trigger := timerTrigger("t" + n)
			trigger["qualifier"] = alias
			expectOK(t, do(t, s, http.MethodPost, base+"/functions/fn/triggers", trigger))

			other := map[string]string{"/2016-08-15": "/2021-04-06", "/2021-04-06": "/2016-08-15"}[prefix]
			expectOK(t, do(t, s, http.MethodGet, other+"/services/svc/aliases/"+alias, nil))
			expectOK(t, do(t, s, http.MethodGet, other+"/services/svc/functions/fn/triggers/t"+n, nil))
			expectOK(t, do(t, s, http.MethodGet, other+"/services/svc."+alias+"/functions/fn", nil))
			var l listVersionsResponse
			do(t, s, http.MethodGet, other+"/services/svc/versions?direction=FORWARD", nil).Decode(t, &l)
			if len(l.Versions) != i+1 {
				t.Errorf("%d versions", len(l.Versions))
			}
			expectNoContent(t, do(t, s, http.MethodDelete, base+"/aliases/"+alias, nil))
			expectOK(t, do(t, s, http.MethodDelete, base+"/functions/fn/triggers/t"+n, nil))
		})
	}
}
