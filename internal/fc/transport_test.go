package fc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func status(code int, errorCode string) answer {
	return answer{status: code, body: apiErrorBody(errorCode, "scripted")}
}

var ok200 = answer{status: http.StatusOK, body: `{"serviceName":"s1"}`}

func TestRetry_Statuses(t *testing.T) {
	tests := []struct {
		name         string
		maxRetries   int
		answers      []answer
		wantAttempts int
		wantStatus   int // 0 = success
		wantGaveUp   bool
	}{
		{name: "success after 2 failures", maxRetries: 3, answers: []answer{status(503, "ServiceUnavailable"), status(500, "InternalServerError"), ok200}, wantAttempts: 3},
		{name: "429 is retried", maxRetries: 3, answers: []answer{status(429, CodeResourceExhausted), ok200}, wantAttempts: 2},
		{name: "502 and 504 are retried", maxRetries: 3, answers: []answer{status(502, ""), status(504, ""), ok200}, wantAttempts: 3},
		{name: "409 ConcurrentUpdateError is retried", maxRetries: 3, answers: []answer{status(409, CodeConcurrentUpdate), ok200}, wantAttempts: 2},
		{name: "give up after MaxRetries", maxRetries: 3, answers: []answer{status(503, CodeResourceThrottled)}, wantAttempts: 4, wantStatus: 503, wantGaveUp: true},
		{name: "MaxRetries 0 sends once", maxRetries: 0, answers: []answer{status(500, "InternalServerError"), ok200}, wantAttempts: 1, wantStatus: 500},
		{name: "400 is not retried", maxRetries: 3, answers: []answer{status(400, "InvalidArgument"), ok200}, wantAttempts: 1, wantStatus: 400},
		{name: "403 is not retried", maxRetries: 3, answers: []answer{status(403, "SignatureNotMatch"), ok200}, wantAttempts: 1, wantStatus: 403},
		{name: "404 is not retried", maxRetries: 3, answers: []answer{status(404, "ServiceNotFound"), ok200}, wantAttempts: 1, wantStatus: 404},
		{name: "409 other code is not retried", maxRetries: 3, answers: []answer{status(409, "ServiceAlreadyExists"), ok200}, wantAttempts: 1, wantStatus: 409},
		{name: "412 is not retried", maxRetries: 3, answers: []answer{status(412, CodePreconditionFailed), ok200}, wantAttempts: 1, wantStatus: 412},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, tt.answers...)
			c := newTestClient(t, rec, func(cfg *Config) { cfg.MaxRetries = tt.maxRetries })
			svc, _, err := c.GetService(context.Background(), "s1", "")
			if got := len(rec.requests()); got != tt.wantAttempts {
				t.Errorf("attempts = %d, want %d", got, tt.wantAttempts)
			}
			if tt.wantStatus == 0 {
				if err != nil {
					t.Fatalf("GetService: %v", err)
				}
				if svc.ServiceName == nil || *svc.ServiceName != "s1" {
					t.Errorf("ServiceName = %v, want s1", svc.ServiceName)
				}
				return
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			if apiErr.StatusCode != tt.wantStatus || apiErr.Operation != "GetService" {
				t.Errorf("APIError = %+v, want status %d and operation GetService", apiErr, tt.wantStatus)
			}
			if gaveUp := strings.Contains(err.Error(), "gave up after"); gaveUp != tt.wantGaveUp {
				t.Errorf("err = %q, want 'gave up after' in it: %v", err, tt.wantGaveUp)
			}
		})
	}
}

// When the next wait would pass the context's deadline the client stops at
// once with the last error and context.DeadlineExceeded.
func TestRetry_StopsBeforeDeadline(t *testing.T) {
	tests := []struct {
		name   string
		answer answer
		base   time.Duration
	}{
		{name: "backoff longer than the deadline", answer: status(503, CodeResourceThrottled), base: time.Hour},
		{name: "Retry-After longer than the deadline", answer: answer{status: 429, header: map[string]string{"Retry-After": "25"}, body: apiErrorBody("TooManyRequests", "slow down")}, base: time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, tt.answer)
			c := newTestClient(t, rec, func(cfg *Config) { cfg.MaxRetries = 5 })
			c.retry.baseDelay, c.retry.maxDelay = tt.base, tt.base
			slept := false
			c.retry.sleep = func(context.Context, time.Duration) error { slept = true; return nil }

			_, _, err := c.GetService(ctxWithTimeout(t, 10*time.Second), "s1", "")
			if got := len(rec.requests()); got != 1 {
				t.Errorf("attempts = %d, want 1", got)
			}
			if slept {
				t.Error("slept although the wait would pass the deadline")
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want it to wrap context.DeadlineExceeded", err)
			}
			if !IsThrottled(err) {
				t.Errorf("err = %v, want the last API error (throttled) wrapped", err)
			}
		})
	}
}

// A context that ends while waiting stops the retries with the context's
// error.
func TestRetry_ContextCancelledWhileWaiting(t *testing.T) {
	rec := newRecorder(t, status(503, "ServiceUnavailable"))
	c := newTestClient(t, rec)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.retry.sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		return sleepContext(ctx, time.Hour)
	}
	_, _, err := c.GetService(ctx, "s1", "")
	if got := len(rec.requests()); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 {
		t.Errorf("err = %v, want the last 503 wrapped", err)
	}
}

// A connection reset after the whole request was written is retried for an
// idempotent request (PUT) only: a create may have succeeded.
func TestRetry_ConnectionReset(t *testing.T) {
	update := func(c *Client) (*Function, error) {
		fn, _, err := c.UpdateFunction(context.Background(), "s1", "f1", &Function{Handler: Ptr("index.handler")}, "", "")
		return fn, err
	}
	create := func(c *Client) (*Function, error) {
		fn, _, err := c.CreateFunction(context.Background(), "s1", &Function{FunctionName: Ptr("f1"), Handler: Ptr("index.handler")}, "")
		return fn, err
	}
	tests := []struct {
		name         string
		call         func(*Client) (*Function, error)
		answers      []answer
		wantAttempts int
		wantErr      string // "" = success
	}{
		{name: "PUT: reset then success", call: update, answers: []answer{{hijack: true}, {status: 200, body: `{"functionName":"f1"}`}}, wantAttempts: 2},
		{name: "PUT: reset every time", call: update, answers: []answer{{hijack: true}}, wantAttempts: 3, wantErr: "gave up after 3 attempts"},
		{name: "POST: reset is not retried", call: create, answers: []answer{{hijack: true}, {status: 200, body: `{"functionName":"f1"}`}}, wantAttempts: 1, wantErr: "not retried: CreateFunction is not idempotent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The recorder reads the whole request before it hijacks the
			// connection and resets it: the server got the request.
			rec := newRecorder(t, tt.answers...)
			c := newTestClient(t, rec, func(cfg *Config) { cfg.MaxRetries = 2 })
			fn, err := tt.call(c)
			reqs := rec.requests()
			if len(reqs) != tt.wantAttempts {
				t.Errorf("attempts = %d, want %d", len(reqs), tt.wantAttempts)
			}
			for i, r := range reqs[1:] {
				if !bytes.Equal(r.Body, reqs[0].Body) {
					t.Errorf("attempt %d body = %s, want %s", i+2, r.Body, reqs[0].Body)
				}
			}
			if tt.wantErr == "" {
				if err != nil || fn == nil || *fn.FunctionName != "f1" {
					t.Fatalf("call = %v, %v", fn, err)
				}
				return
			}
			if err == nil {
				t.Fatal("call succeeded, want an error")
			}
			if _, isAPI := asAPIError(err); isAPI {
				t.Errorf("err = %v, want a transport error", err)
			}
			if !strings.Contains(err.Error(), "Function failed") || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %q, want the operation and %q", err, tt.wantErr)
			}
		})
	}
}

// Every attempt sends the same body, a fresh Date and a valid signature.
func TestRetry_ResignsEachAttempt(t *testing.T) {
	rec := newRecorder(t, status(503, CodeResourceThrottled), status(429, ""), answer{status: 200, body: "{}"})
	var mu sync.Mutex
	now := testDate
	c := newTestClient(t, rec, func(cfg *Config) {
		cfg.Now = func() time.Time {
			mu.Lock()
			defer mu.Unlock()
			now = now.Add(time.Second)
			return now
		}
	})
	in := &Service{ServiceName: Ptr("s1"), Description: Ptr("d")}
	if _, _, err := c.UpdateService(context.Background(), "s1", in, "etag-1"); err != nil {
		t.Fatalf("UpdateService: %v", err)
	}
	reqs := rec.requests()
	if len(reqs) != 3 {
		t.Fatalf("attempts = %d, want 3", len(reqs))
	}
	dates := map[string]bool{}
	auths := map[string]bool{}
	for _, r := range reqs {
		if !bytes.Equal(r.Body, reqs[0].Body) || r.Header.Get("Content-MD5") != reqs[0].Header.Get("Content-MD5") {
			t.Errorf("body or Content-MD5 differ between attempts: %s vs %s", r.Body, reqs[0].Body)
		}
		if r.Header.Get("If-Match") != "etag-1" {
			t.Errorf("If-Match = %q, want etag-1", r.Header.Get("If-Match"))
		}
		dates[r.Header.Get("Date")] = true
		auths[r.Header.Get("Authorization")] = true
	}
	if len(dates) != 3 || len(auths) != 3 {
		t.Errorf("got %d distinct dates and %d distinct signatures over 3 attempts, want 3 and 3", len(dates), len(auths))
	}
}

func TestRetry_HonoursRetryAfter(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter string
		want       time.Duration
	}{
		{name: "seconds", retryAfter: "3", want: 3 * time.Second},
		{name: "bounded", retryAfter: "3600", want: 30 * time.Second},
		{name: "invalid falls back to backoff", retryAfter: "soon", want: time.Millisecond},
		{name: "absent uses backoff", want: time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := answer{status: 429, header: map[string]string{}, body: apiErrorBody("TooManyRequests", "")}
			if tt.retryAfter != "" {
				first.header["Retry-After"] = tt.retryAfter
			}
			rec := newRecorder(t, first, ok200)
			c := newTestClient(t, rec)
			var waits []time.Duration
			c.retry.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
			if _, _, err := c.GetService(context.Background(), "s1", ""); err != nil {
				t.Fatalf("GetService: %v", err)
			}
			if len(waits) != 1 || waits[0] != tt.want {
				t.Errorf("waits = %v, want [%v]", waits, tt.want)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		value string
		want  time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{" 7 ", 7 * time.Second},
		{"99999999999", 24 * time.Hour},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"tomorrow", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.value, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.value, got, tt.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	p := defaultRetryPolicy(5)
	want := map[int]time.Duration{
		1: 200 * time.Millisecond, 2: 400 * time.Millisecond, 3: 800 * time.Millisecond,
		4: 1600 * time.Millisecond, 5: 3200 * time.Millisecond, 6: 5 * time.Second, 1000: 5 * time.Second,
	}
	for attempt, w := range want {
		if got := p.backoff(attempt); got != w {
			t.Errorf("backoff(%d) = %v, want %v", attempt, got, w)
		}
	}
}

func TestFullJitter(t *testing.T) {
	if got := fullJitter(0); got != 0 {
		t.Errorf("fullJitter(0) = %v, want 0", got)
	}
	const d = 5 * time.Second
	seen := map[time.Duration]bool{}
	for range 200 {
		got := fullJitter(d)
		if got < 0 || got > d {
			t.Fatalf("fullJitter(%v) = %v, out of [0, %v]", d, got, d)
		}
		seen[got] = true
	}
	if len(seen) < 2 {
		t.Errorf("fullJitter returned one value 200 times: %v", seen)
	}
}

func TestRetryableNetworkError(t *testing.T) {
	urlErr := func(err error) error { return &url.Error{Op: "Post", URL: "http://127.0.0.1/x", Err: err} }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"EOF", urlErr(io.EOF), true},
		{"unexpected EOF", urlErr(io.ErrUnexpectedEOF), true},
		{"connection reset", urlErr(&net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}), true},
		{"connection refused", urlErr(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}), true},
		{"broken pipe", urlErr(&net.OpError{Op: "write", Net: "tcp", Err: syscall.EPIPE}), true},
		{"timeout", urlErr(&net.DNSError{Err: "i/o timeout", IsTimeout: true}), true},
		{"DNS not found", urlErr(&net.DNSError{Err: "no such host", IsNotFound: true}), false},
		{"context canceled", urlErr(context.Canceled), false},
		{"context deadline", urlErr(context.DeadlineExceeded), false},
		{"TLS or other", urlErr(errors.New("x509: certificate signed by unknown authority")), false},
		{"body too large", fmt.Errorf("wrapped: %w", errBodyTooLarge), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := retryableNetworkError(tt.err); got != tt.want {
				t.Errorf("retryableNetworkError(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// A refused connection is retried and then reported with the operation.
func TestRetry_ConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c, err := New(Config{Endpoint: "http://" + addr, AccessKeyID: testKeyID, AccessKeySecret: testSecret, MaxRetries: 2})
	if err != nil {
		t.Fatal(err)
	}
	var waits int
	c.retry.sleep = func(context.Context, time.Duration) error { waits++; return nil }
	err = c.DeleteService(context.Background(), "s1", "")
	if err == nil || !errors.Is(err, syscall.ECONNREFUSED) || !strings.Contains(err.Error(), "DeleteService") {
		t.Errorf("err = %v, want ECONNREFUSED naming DeleteService", err)
	}
	if waits != 2 {
		t.Errorf("waits = %d, want 2 (MaxRetries)", waits)
	}
}
