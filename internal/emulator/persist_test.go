package emulator

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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

	// No temporary file is left behind: beside the state file there is only
	// the archive directory, holding exactly the one archive in use.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 2 || entries[0].Name() != "state.json" || entries[1].Name() != "state.json.code" {
		t.Errorf("state dir holds %v, want state.json and state.json.code", entries)
	}
	archives, _ := os.ReadDir(path + ".code")
	if len(archives) != 1 || archives[0].Name() != blobRef(testZip)+".zip" {
		t.Errorf("archive dir holds %v, want only %s.zip", archives, blobRef(testZip))
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

// Triggers, versions (with their snapshots and code) and aliases survive a
// restart; version numbers keep counting.
func TestPersistenceOfTriggersVersionsAliases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }

	s1 := newTriggerServer(t, withState)
	trETag := mustCreateTrigger(t, s1, validTriggers()["oss"])
	mustPublish(t, s1, "one")
	mustPublish(t, s1, "two")
	expectNoContent(t, do(t, s1, http.MethodDelete, versionsPath+"/2", nil))
	r := do(t, s1, http.MethodPost, aliasesPath, map[string]any{"aliasName": "prod", "versionId": "1"})
	expectOK(t, r)
	aliasETag := r.Header.Get("ETag")
	// LATEST moves on to other code; version 1 keeps the first archive.
	otherZip := makeZip(t, map[string]string{"index.py": "other"})
	expectOK(t, do(t, s1, http.MethodPut, api+"/services/svc/functions/fn",
		map[string]any{"code": map[string]any{"zipFile": base64.StdEncoding.EncodeToString(otherZip)}}))

	s2 := newTestServer(t, withState)
	r = do(t, s2, http.MethodGet, triggersPath+"/t_oss", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != trETag {
		t.Errorf("trigger ETag changed across restart")
	}
	var tr rawTrigger
	r.Decode(t, &tr)
	want, _ := json.Marshal(validTriggers()["oss"]["triggerConfig"])
	if !jsonEqual(t, tr.TriggerConfig, want) || deref(tr.InvocationRole) == "" {
		t.Errorf("trigger = %s", r.Body)
	}
	r = do(t, s2, http.MethodGet, aliasesPath+"/prod", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != aliasETag {
		t.Errorf("alias ETag changed across restart")
	}
	var fn fc.Function
	do(t, s2, http.MethodGet, api+"/services/svc.prod/functions/fn", nil).Decode(t, &fn)
	if deref(fn.CodeChecksum) != codeChecksum(testZip) {
		t.Errorf("snapshot checksum %q, want %q", deref(fn.CodeChecksum), codeChecksum(testZip))
	}
	var code fc.FunctionCode
	do(t, s2, http.MethodGet, api+"/services/svc.1/functions/fn/code", nil).Decode(t, &code)
	if got := do(t, s2, http.MethodGet, strings.TrimPrefix(code.URL, "http://example.com"), nil, unsigned()); string(got.Body) != string(testZip) {
		t.Errorf("snapshot archive not restored")
	}
	var l listVersionsResponse
	do(t, s2, http.MethodGet, versionsPath, nil).Decode(t, &l)
	if len(l.Versions) != 1 || deref(l.Versions[0].Description) != "one" {
		t.Errorf("versions = %+v", l.Versions)
	}
	if id := mustPublish(t, s2, ""); id != "3" {
		t.Errorf("version after restart = %q, want 3", id)
	}
	// The function still has its trigger.
	expectError(t, do(t, s2, http.MethodDelete, api+"/services/svc/functions/fn", nil), http.StatusConflict, "FunctionNotEmpty")
}
