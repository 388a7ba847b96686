package emulator

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/hashicorp/go-hclog"
)

func TestCounters(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	do(t, s, http.MethodGet, api+"/services/svc", nil)
	do(t, s, http.MethodGet, "/2021-04-06/services/svc", nil)
	do(t, s, http.MethodGet, api+"/services/nope", nil)                   // failures count too
	do(t, s, http.MethodGet, api+"/services", nil, withKey("bad", "bad")) // so do rejected signatures
	do(t, s, http.MethodGet, api+"/no/such/path", nil)                    // unrouted: not counted
	do(t, s, http.MethodPut, api+"/services/svc", `{}`)
	do(t, s, http.MethodPost, api+"/services/svc/functions", validFunction("fn"))
	do(t, s, http.MethodGet, api+"/services/svc/functions", nil)
	do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
	do(t, s, http.MethodPut, api+"/services/svc/functions/fn", `{}`)
	do(t, s, http.MethodGet, api+"/services/svc/functions/fn/code", nil)
	do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil)
	do(t, s, http.MethodDelete, api+"/services/svc", nil)
	do(t, s, http.MethodGet, "/_emulator/counters", nil, unsigned(), withDate("")) // admin: not counted

	want := map[string]int{
		"CreateService": 1, "GetService": 3, "ListServices": 1, "UpdateService": 1, "DeleteService": 1,
		"CreateFunction": 1, "ListFunctions": 1, "GetFunction": 1, "UpdateFunction": 1,
		"GetFunctionCode": 1, "DeleteFunction": 1,
	}
	got := s.Counts()
	if len(got) != len(want) {
		t.Errorf("counts = %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s = %d, want %d", k, got[k], n)
		}
	}

	// The admin API shows the same map, without a signature.
	r := do(t, s, http.MethodGet, "/_emulator/counters", nil, unsigned(), withDate(""))
	expectOK(t, r)
	var viaHTTP map[string]int
	r.Decode(t, &viaHTTP)
	if viaHTTP["GetService"] != 3 {
		t.Errorf("admin counters = %v", viaHTTP)
	}

	// Counts returns a copy.
	got["GetService"] = 100
	if s.Counts()["GetService"] != 3 {
		t.Errorf("Counts exposes internal map")
	}

	expectOK(t, do(t, s, http.MethodDelete, "/_emulator/counters", nil, unsigned(), withDate("")))
	if c := s.Counts(); len(c) != 0 {
		t.Errorf("after admin reset: %v", c)
	}
	do(t, s, http.MethodGet, api+"/services", nil)
	s.ResetCounts()
	if c := s.Counts(); len(c) != 0 {
		t.Errorf("after ResetCounts: %v", c)
	}
}

func TestHealth(t *testing.T) {
	s := newTestServer(t)
	r := do(t, s, http.MethodGet, "/_emulator/health", nil, unsigned(), withDate(""))
	expectOK(t, r)
	if r.JSON(t)["status"] != "ok" {
		t.Errorf("health = %s", r.Body)
	}
}

// The request log line carries method, path, status and request ID and
// never the Authorization header or a code archive.
func TestLoggingRedacts(t *testing.T) {
	var buf bytes.Buffer
	logger := hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Trace})
	s := newTestServer(t, func(o *Options) { o.Logger = logger })
	mustCreateService(t, s, "svc", nil)
	body := validFunction("fn")
	r := do(t, s, http.MethodPost, api+"/services/svc/functions", body)
	expectOK(t, r)
	out := buf.String()
	for _, forbidden := range []string{testZipBase64[:16], "FC " + testKeyID, testKeySecret} {
		if bytes.Contains([]byte(out), []byte(forbidden)) {
			t.Errorf("log contains %q", forbidden)
		}
	}
	for _, wanted := range []string{"CreateFunction", "status=200", r.Header.Get("X-Fc-Request-Id"), "path=/2016-08-15/services/svc/functions"} {
		if !bytes.Contains([]byte(out), []byte(wanted)) {
			t.Errorf("log lacks %q:\n%s", wanted, out)
		}
	}
}
