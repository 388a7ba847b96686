package emulator

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"testing"
)

// newQualifierServer has service svc with function fn published as version
// 1 (alias prod -> 1); afterwards LATEST changes fn's description and code,
// the service's description, and gains fn2, which version 1 lacks.
func newQualifierServer(t *testing.T) *Server {
	t.Helper()
	s := newTestServer(t)
	mustCreateService(t, s, "svc", map[string]any{"description": "v1"})
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	mustPublish(t, s, "one")
	expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "prod", "versionId": "1"}))
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc", map[string]any{"description": "latest"}))
	otherZip := makeZip(t, map[string]string{"index.py": "latest"})
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{
		"description": "latest", "code": map[string]any{"zipFile": base64.StdEncoding.EncodeToString(otherZip)}}))
	mustCreateFunction(t, s, "svc", validFunction("fn2"))
	return s
}

// qualifiedReads are the reads that take a qualifier, as paths below
// /<version>/services/ with the service part left to fill in.
var qualifiedReads = []struct{ op, suffix string }{
	{"GetService", ""},
	{"ListFunctions", "/functions"},
	{"GetFunction", "/functions/fn"},
	{"GetFunctionCode", "/functions/fn/code"},
}

// ?qualifier= resolves exactly like the dotted form, on both API versions.
func TestQualifierQuery(t *testing.T) {
	s := newQualifierServer(t)
	for _, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
		for _, rd := range qualifiedReads {
			base := prefix + "/services/svc"
			t.Run(prefix+"/"+rd.op, func(t *testing.T) {
				expectError(t, do(t, s, http.MethodGet, base+rd.suffix+"?qualifier=nosuch", nil), http.StatusNotFound, "AliasNotFound")
				expectError(t, do(t, s, http.MethodGet, base+rd.suffix+"?qualifier=9", nil), http.StatusNotFound, "VersionNotFound")
				// The dotted form answers the same.
				expectError(t, do(t, s, http.MethodGet, base+".nosuch"+rd.suffix, nil), http.StatusNotFound, "AliasNotFound")
				expectError(t, do(t, s, http.MethodGet, base+".9"+rd.suffix, nil), http.StatusNotFound, "VersionNotFound")

				latest := do(t, s, http.MethodGet, base+rd.suffix, nil)
				expectOK(t, latest)
				for _, q := range []string{"prod", "1", "LATEST"} {
					dotted := do(t, s, http.MethodGet, base+"."+q+rd.suffix, nil)
					query := do(t, s, http.MethodGet, base+rd.suffix+"?qualifier="+q, nil)
					expectOK(t, dotted)
					expectOK(t, query)
					if !bytes.Equal(dotted.Body, query.Body) || dotted.Header.Get("ETag") != query.Header.Get("ETag") {
						t.Errorf("qualifier %s: query form %s (ETag %q), dotted form %s (ETag %q)",
							q, query.Body, query.Header.Get("ETag"), dotted.Body, dotted.Header.Get("ETag"))
					}
					// A version or alias reads the snapshot, not LATEST.
					if q != "LATEST" && bytes.Equal(query.Body, latest.Body) {
						t.Errorf("qualifier %s answered LATEST: %s", q, query.Body)
					}
					if q == "LATEST" && !bytes.Equal(query.Body, latest.Body) {
						t.Errorf("qualifier LATEST: %s, want %s", query.Body, latest.Body)
					}
				}

				// Both forms at once: the same value is fine, different
				// values are refused.
				expectOK(t, do(t, s, http.MethodGet, base+".prod"+rd.suffix+"?qualifier=prod", nil))
				r := do(t, s, http.MethodGet, base+".prod"+rd.suffix+"?qualifier=1", nil)
				expectError(t, r, http.StatusBadRequest, "InvalidArgument")
				if got, want := r.ErrorMessage(), "the qualifier is given twice with different values: 'prod' in the path and '1' in the query"; got != want {
					t.Errorf("message %q, want %q", got, want)
				}
			})
		}
		// A version without the function: FunctionNotFound, both forms.
		for _, path := range []string{"/services/svc/functions/fn2?qualifier=1", "/services/svc.1/functions/fn2",
			"/services/svc/functions/fn2/code?qualifier=prod", "/services/svc.prod/functions/fn2/code"} {
			r := do(t, s, http.MethodGet, prefix+path, nil)
			expectError(t, r, http.StatusNotFound, "FunctionNotFound")
			if got, want := r.ErrorMessage(), "function 'fn2' of service 'svc' does not exist"; got != want {
				t.Errorf("%s: message %q, want %q", path, got, want)
			}
		}
		// A missing service is still ServiceNotFound.
		expectError(t, do(t, s, http.MethodGet, prefix+"/services/nosvc?qualifier=prod", nil), http.StatusNotFound, "ServiceNotFound")
	}
}

// The snapshot the query form reads is version 1's: its code, its
// description, its function list.
func TestQualifierQueryReadsSnapshot(t *testing.T) {
	s := newQualifierServer(t)
	var fn struct {
		Description string `json:"description"`
	}
	do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions/fn?qualifier=prod", nil).Decode(t, &fn)
	if fn.Description != "" {
		t.Errorf("snapshot description %q, want none", fn.Description)
	}
	var l listFunctionsResponse
	do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions?qualifier=1", nil).Decode(t, &l)
	if len(l.Functions) != 1 || deref(l.Functions[0].FunctionName) != "fn" {
		t.Errorf("version 1 lists %d functions, want only fn", len(l.Functions))
	}
	if got := downloadCode(t, s, "/2021-04-06/services/svc/functions/fn/code?qualifier=1"); !bytes.Equal(got, testZip) {
		t.Errorf("version 1 code is not the published archive")
	}
}
