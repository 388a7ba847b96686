package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// POST /_emulator/reset wipes every object, the archive files and the
// counters, keeps the fault configuration, and never gives out an ETag
// again that it gave out before.
func TestReset(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	s := newTestServer(t, func(o *Options) { o.StatePath = state })
	before := mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	if entries, _ := os.ReadDir(state + ".code"); len(entries) != 1 {
		t.Fatalf("%d archive files before the reset, want 1", len(entries))
	}
	if err := s.SetFaults(FaultConfig{Rate: 0.5, Operations: []string{"DeleteAlias"}}); err != nil {
		t.Fatal(err)
	}

	r := do(t, s, http.MethodPost, "/_emulator/reset", nil, unsigned(), withDate(""))
	expectOK(t, r)
	if r.JSON(t)["status"] != "reset" {
		t.Errorf("reset answer %s", r.Body)
	}
	if len(s.Counts()) != 0 {
		t.Errorf("counters after the reset: %v", s.Counts())
	}
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc", nil), http.StatusNotFound, "ServiceNotFound")
	if entries, _ := os.ReadDir(state + ".code"); len(entries) != 0 {
		t.Errorf("%d archive files after the reset, want none", len(entries))
	}
	// Whatever kinds of objects exist, the state is a fresh one.
	fresh := newState()
	fresh.ETagSeq = s.st.ETagSeq
	if got, want := mustJSON(t, s.st), mustJSON(t, fresh); got != want {
		t.Errorf("state after the reset %s, want %s", got, want)
	}
	if s.Faults().Rate != 0.5 {
		t.Errorf("fault configuration after the reset: %+v", s.Faults())
	}
	if after := mustCreateService(t, s, "svc", nil); after == before {
		t.Errorf("the same ETag %s before and after the reset", after)
	}

	// Saved: a new emulator on the file sees one service, no function.
	s2 := newTestServer(t, func(o *Options) { o.StatePath = state })
	expectOK(t, do(t, s2, http.MethodGet, api+"/services/svc", nil))
	expectError(t, do(t, s2, http.MethodGet, api+"/services/svc/functions/fn", nil), http.StatusNotFound, "FunctionNotFound")

	// Only POST.
	expectError(t, do(t, s, http.MethodGet, "/_emulator/reset", nil, unsigned(), withDate("")), http.StatusBadRequest, "PathNotSupported")
}

// Options.ResetState starts empty over a state file, even a corrupt one,
// and saves the empty state at once.
func TestResetStateOption(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	s := newTestServer(t, func(o *Options) { o.StatePath = state })
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))

	s2 := newTestServer(t, func(o *Options) { o.StatePath, o.ResetState = state, true })
	expectError(t, do(t, s2, http.MethodGet, api+"/services/svc", nil), http.StatusNotFound, "ServiceNotFound")
	if entries, _ := os.ReadDir(state + ".code"); len(entries) != 0 {
		t.Errorf("%d archive files after ResetState, want none", len(entries))
	}
	s3 := newTestServer(t, func(o *Options) { o.StatePath = state })
	expectError(t, do(t, s3, http.MethodGet, api+"/services/svc", nil), http.StatusNotFound, "ServiceNotFound")

	if err := os.WriteFile(state, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StatePath: state}); err == nil {
		t.Fatal("a corrupt state file loaded")
	}
	s4 := newTestServer(t, func(o *Options) { o.StatePath, o.ResetState = state, true })
	expectOK(t, do(t, s4, http.MethodGet, api+"/services", nil))
	if err := s4.Flush(); err != nil {
		t.Errorf("Flush: %v", err)
	}
}

func TestKeysOption(t *testing.T) {
	s := newTestServer(t, func(o *Options) { o.Keys = map[string]string{"second": "second-secret"} })
	expectOK(t, do(t, s, http.MethodGet, api+"/services", nil, withKey("second", "second-secret")))
	expectOK(t, do(t, s, http.MethodGet, api+"/services", nil))
	expectError(t, do(t, s, http.MethodGet, api+"/services", nil, withKey("second", testKeySecret)), http.StatusForbidden, "SignatureNotMatch")
	if _, err := New(Options{Keys: map[string]string{"empty-secret": ""}}); err == nil {
		t.Error("New accepted a key pair without secret")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
