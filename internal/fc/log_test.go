package fc

import (
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// capture is a Logger that keeps every entry.
type capture struct {
	mu      sync.Mutex
	entries []entry
}

type entry struct {
	level, msg string
	fields     map[string]any
}

func (c *capture) Debug(_ context.Context, msg string, fields map[string]any) {
	c.add("debug", msg, fields)
}

func (c *capture) Trace(_ context.Context, msg string, fields map[string]any) {
	c.add("trace", msg, fields)
}

func (c *capture) add(level, msg string, fields map[string]any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = append(c.entries, entry{level: level, msg: msg, fields: fields})
}

func (c *capture) all() []entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]entry(nil), c.entries...)
}

// text renders an entry with every field value, nested ones included.
func (e entry) text() string {
	return fmt.Sprintf("%s %s %+v", e.level, e.msg, e.fields)
}

// Create and update with code, a security token and a secret: no secret,
// token, signature or code reaches the logs, even when the server echoes
// the code back and the first attempt fails.
func TestLogging_NeverLeaksSecrets(t *testing.T) {
	code := base64.StdEncoding.EncodeToString([]byte("PK\x03\x04 def handler(): return 'top secret code' " + strings.Repeat("z", 64)))
	var mu sync.Mutex
	var signatures []string
	attempts := 0
	logs := &capture{}
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := verifySignature(r, testSecret); err != nil {
			t.Error(err)
		}
		mu.Lock()
		signatures = append(signatures, r.Header.Get("Authorization")[len("FC "+testKeyID+":"):])
		attempts++
		first := attempts%2 == 1
		mu.Unlock()
		w.Header().Set("X-Fc-Request-Id", "req-log")
		if first {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = fmt.Fprint(w, apiErrorBody("ResourceThrottled", "busy"))
			return
		}
		// Echo the request, code included, as a careless server might.
		_, _ = w.Write(body)
	}), func(cfg *Config) {
		cfg.SecurityToken = testToken
		cfg.Logger = logs
	})

	fn := &Function{FunctionName: Ptr("f1"), Handler: Ptr("index.handler"), Code: &Code{ZipFile: code}}
	if _, _, err := c.CreateFunction(context.Background(), "s1", fn, "123"); err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}
	if _, _, err := c.UpdateFunction(context.Background(), "s1", "f1", fn, "123", "etag"); err != nil {
		t.Fatalf("UpdateFunction: %v", err)
	}

	entries := logs.all()
	if len(entries) == 0 {
		t.Fatal("nothing was logged")
	}
	forbidden := map[string]string{"secret": testSecret, "token": testToken, "code": code, "code prefix": code[:24]}
	for i, sig := range signatures {
		forbidden[fmt.Sprintf("signature %d", i)] = sig
	}
	for _, e := range entries {
		text := e.text()
		for what, s := range forbidden {
			if strings.Contains(text, s) {
				t.Errorf("%s leaked in %q", what, text)
			}
		}
	}

	var requestBodies, responseBodies []string
	for _, e := range entries {
		if e.level != "trace" {
			continue
		}
		switch e.msg {
		case "FC API request":
			requestBodies = append(requestBodies, fmt.Sprint(e.fields["body"]))
		case "FC API response":
			responseBodies = append(responseBodies, fmt.Sprint(e.fields["body"]))
		}
	}
	if len(requestBodies) != 4 {
		t.Errorf("got %d request traces, want 4 (2 calls x 2 attempts)", len(requestBodies))
	}
	for _, b := range requestBodies {
		if b != codeOmitted {
			t.Errorf("request body logged as %q, want %q", b, codeOmitted)
		}
	}
	echoed := 0
	for _, b := range responseBodies {
		if strings.Contains(b, `"functionName":"f1"`) {
			echoed++
			if !strings.Contains(b, `"zipFile":"<redacted>"`) {
				t.Errorf("echoed response body %q lacks the redacted zipFile", b)
			}
		}
	}
	if echoed != 2 {
		t.Errorf("got %d echoed response traces, want 2", echoed)
	}
}

// Each attempt is logged at Debug with the documented fields.
func TestLogging_DebugPerAttempt(t *testing.T) {
	logs := &capture{}
	rec := newRecorder(t,
		answer{status: 503, header: map[string]string{"X-Fc-Request-Id": "r1"}, body: apiErrorBody("ResourceThrottled", "")},
		answer{status: 200, header: map[string]string{"X-Fc-Request-Id": "r2"}, body: `{"services":[]}`})
	c := newTestClient(t, rec, func(cfg *Config) { cfg.Logger = logs })
	if _, err := c.ListServices(context.Background(), ListOptions{Prefix: "p"}); err != nil {
		t.Fatal(err)
	}
	var debug []entry
	for _, e := range logs.all() {
		if e.level == "debug" {
			debug = append(debug, e)
		}
	}
	want := []map[string]any{
		{"operation": "ListServices", "method": "GET", "path": "/2021-04-06/services", "status": 503, "request_id": "r1", "attempt": 1, "query": "prefix=p"},
		{"operation": "ListServices", "method": "GET", "path": "/2021-04-06/services", "status": 200, "request_id": "r2", "attempt": 2, "query": "prefix=p"},
	}
	if len(debug) != len(want) {
		t.Fatalf("got %d debug entries, want %d: %v", len(debug), len(want), debug)
	}
	for i, w := range want {
		for k, v := range w {
			if debug[i].fields[k] != v {
				t.Errorf("entry %d: %s = %#v, want %#v", i, k, debug[i].fields[k], v)
			}
		}
		if _, ok := debug[i].fields["latency_ms"].(int64); !ok {
			t.Errorf("entry %d: latency_ms = %#v, want an int64", i, debug[i].fields["latency_ms"])
		}
	}
}

func TestLoggableBody(t *testing.T) {
	long := `{"description":"` + strings.Repeat("d", 5000) + `"}`
	tests := []struct {
		name       string
		body       string
		codeInBody bool
		want       string
		wantPrefix bool
	}{
		{name: "empty", body: "", want: ""},
		{name: "code in body", body: `{"code":{"zipFile":"UEsDBA=="}}`, codeInBody: true, want: codeOmitted},
		{name: "plain JSON kept", body: `{"serviceName":"s1","timeout":3}`, want: `{"serviceName":"s1","timeout":3}`},
		{name: "zipFile redacted at depth", body: `{"code":{"zipFile":"UEsDBA==","ossBucketName":"b"}}`, want: `{"code":{"ossBucketName":"b","zipFile":"<redacted>"}}`},
		{name: "privateKey redacted in arrays, any case", body: `{"certConfig":[{"PrivateKey":"-----BEGIN","certificate":"c"}]}`, want: `{"certConfig":[{"PrivateKey":"<redacted>","certificate":"c"}]}`},
		{name: "numbers kept exactly", body: `{"n":12345678901234567890}`, want: `{"n":12345678901234567890}`},
		{name: "non-JSON text kept", body: "<html>oops</html>", want: "<html>oops</html>"},
		{name: "non-JSON with a sensitive name omitted", body: `zipFile=UEsDBA==`, want: "<16-byte non-JSON body omitted>"},
		{name: "JSON followed by junk omitted when sensitive", body: `{"a":1} {"zipFile":"x"}`, want: "<23-byte non-JSON body omitted>"},
		{name: "capped at 4 KiB", body: long, want: long[:maxLoggedBody], wantPrefix: true},
		{name: "huge body not parsed", body: strings.Repeat(" ", maxRedactableBody+1), want: fmt.Sprintf("<%d-byte body omitted>", maxRedactableBody+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := loggableBody([]byte(tt.body), tt.codeInBody, noSecrets)
			if tt.wantPrefix {
				if !strings.HasPrefix(got, tt.want) || !strings.Contains(got, "truncated") || len(got) > maxLoggedBody+64 {
					t.Errorf("loggableBody = %.60q... (%d bytes), want the first %d bytes and a truncation note", got, len(got), maxLoggedBody)
				}
				return
			}
			if got != tt.want {
				t.Errorf("loggableBody = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoggableHeaders(t *testing.T) {
	h := http.Header{
		"Authorization":       {"FC id:signature"},
		"X-Fc-Security-Token": {"token"},
		"Set-Cookie":          {"a=b"},
		"X-Fc-Account-Id":     {"123"},
		"Accept":              {"a", "b"},
	}
	want := map[string]string{
		"Authorization":       redacted,
		"X-Fc-Security-Token": redacted,
		"Set-Cookie":          redacted,
		"X-Fc-Account-Id":     "123",
		"Accept":              "a, b",
	}
	got := loggableHeaders(h, noSecrets)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("loggableHeaders = %v, want %v", got, want)
	}
}

// noSecrets is a redaction that knows no secret.
func noSecrets(s string) string { return s }

// Secret literals are replaced wherever they appear in a body or a header
// value, before truncating, so that no part of a secret survives the cut.
func TestLoggable_RedactsSecretLiterals(t *testing.T) {
	var secrets secretSet
	const secret, token = "s3cr3t-VALUE-0123456789", "STS.token-s3cr3t-VALUE-0123456789-tail"
	secrets.add(secret, token, "")
	secrets.add(secret) // known: not added twice

	if got := secrets.redact("a " + token + " b " + secret + " c"); got != "a "+redacted+" b "+redacted+" c" {
		t.Errorf("redact = %q: the longer secret must be masked whole", got)
	}

	// The secret straddles the 4 KiB cut of a non-JSON body.
	body := strings.Repeat("x", maxLoggedBody-5) + secret + strings.Repeat("y", 100)
	got := loggableBody([]byte(body), false, secrets.redact)
	for i := 4; i <= len(secret); i++ {
		if strings.Contains(got, secret[:i]) {
			t.Fatalf("a %d-byte prefix of the secret survived: ...%q", i, got[len(got)-80:])
		}
	}
	// In a JSON body under a name that is not sensitive.
	got = loggableBody([]byte(`{"description":"uses `+secret+`"}`), false, secrets.redact)
	if want := `{"description":"uses ` + redacted + `"}`; got != want {
		t.Errorf("loggableBody = %q, want %q", got, want)
	}
	headers := loggableHeaders(http.Header{"X-Echo": {"t=" + token}}, secrets.redact)
	if headers["X-Echo"] != "t="+redacted {
		t.Errorf("X-Echo = %q, want the token masked", headers["X-Echo"])
	}
}

func TestSecretSet_Bounded(t *testing.T) {
	var secrets secretSet
	for i := range maxRememberedSecrets + 10 {
		secrets.add(fmt.Sprintf("secret-%03d", i))
	}
	if len(secrets.list) != maxRememberedSecrets || len(secrets.byLen) != maxRememberedSecrets {
		t.Fatalf("remembered %d (%d by length), want %d", len(secrets.list), len(secrets.byLen), maxRememberedSecrets)
	}
	newest := fmt.Sprintf("secret-%03d", maxRememberedSecrets+9)
	if got := secrets.redact(newest + " secret-000"); got != redacted+" secret-000" {
		t.Errorf("redact = %q, want the newest masked and the evicted oldest kept", got)
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "abc...(truncated, 4 bytes in total)"},
		{"aé", 2, "a...(truncated, 3 bytes in total)"},
	}
	for _, tt := range tests {
		if got := truncate(tt.s, tt.max); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}

// levelCapture is a capture that says which levels it keeps.
type levelCapture struct {
	capture
	debug, trace bool
}

func (c *levelCapture) DebugEnabled() bool { return c.debug }
func (c *levelCapture) TraceEnabled() bool { return c.trace }

// TestLogLevels: a LevelLogger gets only the entries of the levels it
// keeps; for the others the client builds nothing (no headers rebuilt, no
// body decoded and redacted), and without a LevelLogger every entry.
func TestLogLevels(t *testing.T) {
	for _, tc := range []struct {
		name               string
		debug, trace       bool
		wantDebug, wantTrc bool
	}{
		{"off", false, false, false, false},
		{"debug", true, false, true, false},
		{"trace", true, true, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs := &levelCapture{debug: tc.debug, trace: tc.trace}
			c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Fc-Request-Id", "req-levels")
				_, _ = io.WriteString(w, `{"serviceName":"s1"}`)
			}), func(cfg *Config) { cfg.Logger = logs })
			if _, _, err := c.GetService(context.Background(), "s1", ""); err != nil {
				t.Fatal(err)
			}
			var debug, trace int
			for _, e := range logs.all() {
				switch e.level {
				case "debug":
					debug++
				case "trace":
					trace++
				}
			}
			if (debug > 0) != tc.wantDebug || (trace > 0) != tc.wantTrc {
				t.Fatalf("%d debug and %d trace entries; want debug %v, trace %v", debug, trace, tc.wantDebug, tc.wantTrc)
			}
		})
	}
}
