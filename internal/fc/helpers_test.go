package fc

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testKeyID   = "LTAI5tTestKeyID"
	testSecret  = "TestSecret-9f8e7d6c5b4a"
	testToken   = "STS.TestSecurityToken-0123456789"
	testAccount = "1234567890"
)

var testDate = time.Date(2020, 11, 9, 9, 46, 33, 0, time.UTC)

// newTestClient starts h on 127.0.0.1 and returns a client for it whose
// retries wait base=1ms, cap=4ms, without jitter.
func newTestClient(t *testing.T, h http.Handler, configure ...func(*Config)) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	cfg := Config{
		Endpoint:        srv.URL,
		AccountID:       testAccount,
		AccessKeyID:     testKeyID,
		AccessKeySecret: testSecret,
		MaxRetries:      3,
		Now:             func() time.Time { return testDate },
	}
	for _, f := range configure {
		f(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	c.retry.baseDelay = time.Millisecond
	c.retry.maxDelay = 4 * time.Millisecond
	c.retry.jitter = func(d time.Duration) time.Duration { return d }
	return c
}

// verifySignature recomputes the signature of r as the server would.
func verifySignature(r *http.Request, secret string) error {
	resource := CanonicalResource(r.URL.EscapedPath(), r.URL.Query(), strings.Contains(r.URL.Path, "/proxy/"))
	want := "FC " + testKeyID + ":" + Sign(secret, StringToSign(r.Method, r.Header, resource))
	if got := r.Header.Get("Authorization"); got != want {
		return fmt.Errorf("Authorization = %q, want %q", got, want)
	}
	return nil
}

// recorded is one request seen by a test server.
type recorded struct {
	Method string
	Path   string
	Query  map[string][]string
	Header http.Header
	Body   []byte
}

// recorder is a test server that records requests and answers from a
// script (the last answer repeats).
type recorder struct {
	t       *testing.T
	mu      sync.Mutex
	reqs    []recorded
	answers []answer
}

// answer is one scripted response.
type answer struct {
	status int
	header map[string]string
	body   string
	// hijack closes the connection without answering.
	hijack bool
}

func newRecorder(t *testing.T, answers ...answer) *recorder {
	return &recorder{t: t, answers: answers}
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		rec.t.Errorf("reading request body: %v", err)
	}
	if err := verifySignature(r, testSecret); err != nil {
		rec.t.Errorf("%s %s: %v", r.Method, r.URL.Path, err)
	}
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, recorded{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(), Header: r.Header.Clone(), Body: body})
	a := answer{status: http.StatusOK, body: "{}"}
	if len(rec.answers) > 0 {
		a = rec.answers[min(len(rec.reqs), len(rec.answers))-1]
	}
	rec.mu.Unlock()
	if a.hijack {
		hijackAndClose(rec.t, w)
		return
	}
	for k, v := range a.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(a.status)
	_, _ = io.WriteString(w, a.body)
}

func (rec *recorder) requests() []recorded {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]recorded(nil), rec.reqs...)
}

// hijackAndClose drops the connection, resetting it where the platform
// allows.
func hijackAndClose(t *testing.T, w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	if tcp, ok := conn.(interface{ SetLinger(int) error }); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

// apiErrorBody renders an FC error body.
func apiErrorBody(code, message string) string {
	b, _ := json.Marshal(map[string]string{"errorCode": code, "errorMessage": message})
	return string(b)
}

func ctxWithTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
