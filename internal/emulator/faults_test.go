package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// netDo sends a signed request over a real connection (a fresh one each
// time, so that net/http never retries it on a reused connection).
func netDo(t *testing.T, base, method, path, body string) (*http.Response, []byte, error) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Date", testNow.Format(http.TimeFormat))
	testSign(req, testKeyID, testKeySecret)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func TestFaultKinds(t *testing.T) {
	for _, tc := range []struct {
		kind FaultKind
		// status is the answer; 0 means the connection is dropped.
		status int
		code   string
		// stored: the CreateService was processed.
		stored bool
	}{
		{FaultThrottle, http.StatusTooManyRequests, "ResourceExhausted", false},
		{FaultInternal, http.StatusInternalServerError, "InternalServerError", false},
		{FaultUnavailable, http.StatusServiceUnavailable, "ServiceUnavailable", false},
		{FaultReset, 0, "", false},
		{FaultLostResponse, 0, "", true},
		{FaultSlow, http.StatusOK, "", true},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			s := newTestServer(t, func(o *Options) {
				o.Faults = FaultConfig{Rate: 1, Kinds: []FaultKind{tc.kind}, Slow: 10 * time.Millisecond}
			})
			ts := httptest.NewServer(s)
			defer ts.Close()

			resp, body, err := netDo(t, ts.URL, http.MethodPost, api+"/services", `{"serviceName":"svc"}`)
			switch {
			case tc.status == 0:
				if err == nil {
					t.Fatalf("got an answer %d %s, want the connection dropped", resp.StatusCode, body)
				}
			case err != nil:
				t.Fatalf("request failed: %v", err)
			default:
				if resp.StatusCode != tc.status {
					t.Fatalf("status %d %s, want %d", resp.StatusCode, body, tc.status)
				}
				if got := resp.Header.Get(headerFault); got != string(tc.kind) {
					t.Errorf("%s = %q, want %q", headerFault, got, tc.kind)
				}
				if tc.code != "" {
					var e apiError
					if err := json.Unmarshal(body, &e); err != nil || e.Code != tc.code || e.Message == "" {
						t.Errorf("body %s, want errorCode %s with a message", body, tc.code)
					}
				}
			}
			if got := s.Faults().Injected[tc.kind]; got != 1 {
				t.Errorf("injected[%s] = %d, want 1", tc.kind, got)
			}

			if err := s.SetFaults(FaultConfig{}); err != nil {
				t.Fatal(err)
			}
			got := do(t, s, http.MethodGet, api+"/services/svc", nil)
			if tc.stored {
				expectOK(t, got)
			} else {
				expectError(t, got, http.StatusNotFound, "ServiceNotFound")
			}
			// Requests answered in front of the pipeline are not counted.
			wantCount := 0
			if tc.stored {
				wantCount = 1
			}
			if n := s.Counts()["CreateService"]; n != wantCount {
				t.Errorf("CreateService counted %d times, want %d", n, wantCount)
			}
		})
	}
}

// The lost answer of a write is lost after the write was persisted.
func TestFaultLostResponsePersists(t *testing.T) {
	path := t.TempDir() + "/state.json"
	s := newTestServer(t, func(o *Options) {
		o.StatePath = path
		o.Faults = FaultConfig{Rate: 1, Kinds: []FaultKind{FaultLostResponse}, Operations: []string{"CreateService"}}
	})
	ts := httptest.NewServer(s)
	defer ts.Close()
	if resp, _, err := netDo(t, ts.URL, http.MethodPost, api+"/services", `{"serviceName":"kept"}`); err == nil {
		t.Fatalf("got an answer %d, want the connection dropped", resp.StatusCode)
	}
	reloaded := newTestServer(t, func(o *Options) { o.StatePath = path })
	expectOK(t, do(t, reloaded, http.MethodGet, api+"/services/kept", nil))
}

func TestFaultOperationsAndPathsNeverFaulted(t *testing.T) {
	s := newTestServer(t, func(o *Options) {
		o.Faults = FaultConfig{Rate: 1, Kinds: []FaultKind{FaultThrottle}, Operations: []string{"CreateService"}}
	})
	expectError(t, do(t, s, http.MethodPost, api+"/services", `{"serviceName":"svc"}`), http.StatusTooManyRequests, "ResourceExhausted")
	expectOK(t, do(t, s, http.MethodGet, api+"/services", nil)) // not selected
	// Admin and unrouted paths are never faulted.
	expectOK(t, do(t, s, http.MethodGet, "/_emulator/health", nil, unsigned(), withDate("")))
	expectOK(t, do(t, s, http.MethodGet, "/_emulator/counters", nil, unsigned(), withDate("")))
	expectError(t, do(t, s, http.MethodGet, api+"/no/such/path", nil), http.StatusBadRequest, codePathNotSupported)

	if err := s.SetFaults(FaultConfig{Rate: 1, Kinds: []FaultKind{FaultInternal}}); err != nil {
		t.Fatal(err)
	}
	expectError(t, do(t, s, http.MethodGet, api+"/services", nil), http.StatusInternalServerError, codeInternalServerError)
	expectError(t, do(t, s, http.MethodGet, "/2021-04-06/services/x/functions/y", nil), http.StatusInternalServerError, codeInternalServerError)
	expectOK(t, do(t, s, http.MethodGet, "/_emulator/health", nil, unsigned(), withDate("")))
	if got := s.Faults().Injected; got[FaultThrottle] != 0 || got[FaultInternal] != 2 {
		t.Errorf("injected = %v, want the tally of the last configuration only", got)
	}
}

// faultPattern sends one GET per path in order and returns the fault kind
// of each answer ("" when not faulted), keyed by path.
func faultPattern(t *testing.T, cfg FaultConfig, paths []string) map[string]string {
	t.Helper()
	s := newTestServer(t, func(o *Options) { o.Faults = cfg })
	out := map[string]string{}
	for _, p := range paths {
		r := do(t, s, http.MethodGet, p, nil)
		out[p] += r.Header.Get(headerFault) + ";"
	}
	return out
}

func TestFaultsDeterministic(t *testing.T) {
	var paths []string
	for i := range 300 {
		paths = append(paths, fmt.Sprintf("%s/services/s%d", api, i))
	}
	// Every path twice: the second identical request gets its own draw.
	paths = append(paths, paths...)
	reversed := make([]string, len(paths))
	for i, p := range paths {
		reversed[len(paths)-1-i] = p
	}
	cfg := FaultConfig{Rate: 0.5, Kinds: []FaultKind{FaultThrottle, FaultInternal, FaultUnavailable}, Seed: 42}

	a := faultPattern(t, cfg, paths)
	if b := faultPattern(t, cfg, paths); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("the same seed and requests gave different faults")
	}
	// Only the first and second identical request differ, not the order
	// of different requests: reversing the order of distinct paths keeps
	// each one's first-then-second decisions.
	if c := faultPattern(t, cfg, reversed); fmt.Sprint(a) != fmt.Sprint(c) {
		t.Fatal("the faults depend on the order of different requests")
	}
	cfg.Seed = 43
	if d := faultPattern(t, cfg, paths); fmt.Sprint(a) == fmt.Sprint(d) {
		t.Fatal("seeds 42 and 43 gave the same 600 decisions")
	}

	kinds := map[string]int{}
	repeatDiffers := 0
	for _, v := range a {
		first, second, _ := strings.Cut(strings.TrimSuffix(v, ";"), ";")
		kinds[first]++
		kinds[second]++
		if first != second {
			repeatDiffers++
		}
	}
	for _, k := range []string{"", "throttle", "500", "503"} {
		if kinds[k] == 0 {
			t.Errorf("kind %q never drawn in 600 requests at rate 0.5: %v", k, kinds)
		}
	}
	if repeatDiffers == 0 {
		t.Error("a repeated request always got the same decision as the first: retries would never succeed")
	}
}

func TestFaultRate(t *testing.T) {
	s := newTestServer(t, func(o *Options) {
		o.Faults = FaultConfig{Rate: 0.2, Kinds: []FaultKind{FaultThrottle}, Seed: 7}
	})
	const n = 2000
	faulted := 0
	for i := range n {
		if do(t, s, http.MethodGet, fmt.Sprintf("%s/services/s%d", api, i), nil).Status == http.StatusTooManyRequests {
			faulted++
		}
	}
	// Seeded, so this is one fixed outcome; the bounds say it is about 20%.
	if faulted < n*15/100 || faulted > n*25/100 {
		t.Errorf("%d of %d requests faulted at rate 0.2", faulted, n)
	}
	if got := s.Faults().Injected[FaultThrottle]; got != faulted {
		t.Errorf("injected = %d, answers faulted = %d", got, faulted)
	}
}

func TestFaultConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		cfg  FaultConfig
		want string
	}{
		{FaultConfig{Rate: 1.5}, "between 0 and 1"},
		{FaultConfig{Rate: -0.1}, "between 0 and 1"},
		{FaultConfig{Rate: 0.1, Kinds: []FaultKind{"boom"}}, `unknown fault kind "boom"`},
		{FaultConfig{Rate: 0.1, Operations: []string{"CreateWidget"}}, `unknown operation "CreateWidget"`},
		{FaultConfig{Rate: 0.1, Slow: -time.Second}, "slow delay"},
	} {
		if err := tc.cfg.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want an error containing %q", tc.cfg, err, tc.want)
		}
		if _, err := New(Options{Faults: tc.cfg}); err == nil {
			t.Errorf("New accepted Faults %+v", tc.cfg)
		}
	}
	ok := FaultConfig{Rate: 0.2, Kinds: AllFaultKinds, Operations: []string{"CreateFunction", "GetService"}, Slow: time.Second}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", ok, err)
	}
}

func TestParseFaultKinds(t *testing.T) {
	got, err := ParseFaultKinds(" throttle, lost ,")
	if err != nil || fmt.Sprint(got) != "[throttle lost]" {
		t.Errorf("ParseFaultKinds = %v, %v", got, err)
	}
	if got, err := ParseFaultKinds("all"); err != nil || len(got) != len(AllFaultKinds) {
		t.Errorf("ParseFaultKinds(all) = %v, %v", got, err)
	}
	if got, err := ParseFaultKinds(""); err != nil || got != nil {
		t.Errorf("ParseFaultKinds(\"\") = %v, %v", got, err)
	}
	if _, err := ParseFaultKinds("throttle,429"); err == nil || !strings.Contains(err.Error(), `"429"`) {
		t.Errorf("ParseFaultKinds(429) = %v, want an error naming it", err)
	}
}

func TestFaultsAdminAPI(t *testing.T) {
	s := newTestServer(t)
	admin := func(method, body string) *testResponse {
		t.Helper()
		var b any
		if body != "" {
			b = body
		}
		return do(t, s, method, "/_emulator/faults", b, unsigned(), withDate(""))
	}
	var st struct {
		Rate       float64        `json:"rate"`
		Kinds      []string       `json:"kinds"`
		Seed       int64          `json:"seed"`
		Operations []string       `json:"operations"`
		Slow       string         `json:"slow"`
		Injected   map[string]int `json:"injected"`
	}
	r := admin(http.MethodGet, "")
	expectOK(t, r)
	r.Decode(t, &st)
	if st.Rate != 0 || len(st.Kinds) != 0 || st.Injected == nil {
		t.Errorf("initial status %s", r.Body)
	}

	r = admin(http.MethodPut, `{"rate":1,"kinds":["503"],"seed":9,"operations":["ListServices"],"slow":"250ms"}`)
	expectOK(t, r)
	r.Decode(t, &st)
	if st.Rate != 1 || fmt.Sprint(st.Kinds) != "[503]" || st.Seed != 9 || fmt.Sprint(st.Operations) != "[ListServices]" || st.Slow != "250ms" {
		t.Errorf("status after PUT %s", r.Body)
	}
	expectError(t, do(t, s, http.MethodGet, api+"/services", nil), http.StatusServiceUnavailable, codeServiceUnavailable)
	r = admin(http.MethodGet, "")
	r.Decode(t, &st)
	if st.Injected["503"] != 1 {
		t.Errorf("injected after one fault: %s", r.Body)
	}

	for _, bad := range []string{
		`{"rate":2}`,
		`{"rate":0.1,"kinds":["nope"]}`,
		`{"rate":0.1,"operations":["Nope"]}`,
		`{"rate":0.1,"slow":"soon"}`,
		`{"rate":0.1,"ratio":0.2}`,
		`[1]`,
		`not json`,
	} {
		r := admin(http.MethodPut, bad)
		expectError(t, r, http.StatusBadRequest, codeInvalidArgument)
		if r.ErrorMessage() == "" {
			t.Errorf("PUT %s: no message", bad)
		}
	}
	// A refused PUT leaves the configuration in force.
	if got := s.Faults(); got.Rate != 1 || got.Seed != 9 {
		t.Errorf("configuration after refused PUTs: %+v", got)
	}

	r = admin(http.MethodDelete, "")
	expectOK(t, r)
	r.Decode(t, &st)
	if st.Rate != 0 {
		t.Errorf("status after DELETE %s", r.Body)
	}
	expectOK(t, do(t, s, http.MethodGet, api+"/services", nil))
	expectError(t, admin(http.MethodPost, ""), http.StatusBadRequest, codePathNotSupported)
}

func TestFaultConfigJSONRoundTrip(t *testing.T) {
	in := FaultConfig{Rate: 0.25, Kinds: []FaultKind{FaultReset, FaultSlow}, Seed: -3, Operations: []string{"GetFunction"}, Slow: 1500 * time.Millisecond}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out FaultConfig
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", in) != fmt.Sprintf("%+v", out) {
		t.Errorf("round trip: %s gave %+v, want %+v", b, out, in)
	}
	if !bytes.Contains(b, []byte(`"slow":"1.5s"`)) {
		t.Errorf("slow not a duration string: %s", b)
	}
}
