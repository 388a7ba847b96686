package emulator

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestPersistenceAcrossRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }

	s1 := newTestServer(t, withState)
	svcETag := mustCreateService(t, s1, "svc", map[string]any{"description": "kept"})
	mustCreateService(t, s1, "gone", nil)
	fnBody := validFunction("fn")
	fnBody["environmentVariables"] = map[string]string{"K": "V"}
	fnETag := mustCreateFunction(t, s1, "svc", fnBody)
	expectOK(t, do(t, s1, http.MethodDelete, api+"/services/gone", nil))

	// No temporary file is left behind.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("state dir holds %d entries, want 1", len(entries))
	}

	s2 := newTestServer(t, withState)
	r := do(t, s2, http.MethodGet, api+"/services/svc", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != svcETag {
		t.Errorf("service ETag %q, want %q", r.Header.Get("ETag"), svcETag)
	}
	var svc fc.Service
	r.Decode(t, &svc)
	if deref(svc.Description) != "kept" {
		t.Errorf("description %q", deref(svc.Description))
	}
	expectError(t, do(t, s2, http.MethodGet, api+"/services/gone", nil), http.StatusNotFound, "ServiceNotFound")

	r = do(t, s2, http.MethodGet, api+"/services/svc/functions/fn", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != fnETag {
		t.Errorf("function ETag changed across restart")
	}
	var fn fc.Function
	r.Decode(t, &fn)
	if fn.EnvironmentVariables["K"] != "V" || deref(fn.CodeChecksum) != codeChecksum(testZip) {
		t.Errorf("function = %s", r.Body)
	}
	if got := s2.st.Blobs[s2.st.Services["svc"].Functions["fn"].CodeRef]; string(got) != string(testZip) {
		t.Errorf("code archive not restored")
	}

	// A write after the restart yields an ETag never seen before.
	r = do(t, s2, http.MethodPut, api+"/services/svc", `{}`, withIfMatch(svcETag))
	expectOK(t, r)
	if r.Header.Get("ETag") == svcETag || r.Header.Get("ETag") == fnETag {
		t.Errorf("ETag reused after restart")
	}
}

// A save that fails answers 500 and rolls the write back.
func TestPersistenceFailureRollsBack(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "state.json") // "sub" does not exist: saves fail
	s := newTestServer(t, func(o *Options) { o.StatePath = path })
	r := do(t, s, http.MethodPost, api+"/services", map[string]any{"serviceName": "svc"})
	expectError(t, r, http.StatusInternalServerError, "InternalServerError")
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc", nil), http.StatusNotFound, "ServiceNotFound")

	// Once the directory exists, writes succeed again.
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	mustCreateService(t, s, "svc", nil)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("state not saved: %v", err)
	}
}

func TestCorruptStateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StatePath: path}); err == nil {
		t.Fatal("New accepted a corrupt state file")
	}
	if err := os.WriteFile(path, []byte(`{"formatVersion":99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StatePath: path}); err == nil {
		t.Fatal("New accepted an unknown format version")
	}
}
