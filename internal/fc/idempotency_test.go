package fc

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// operation is one API call of the client; idempotent says whether the
// transport may repeat it when the server may already have processed it.
type operation struct {
	name       string
	idempotent bool
	call       func(context.Context, *Client) error
}

// everyOperation lists every API call of the client.
var everyOperation = []operation{
	{"CreateService", false, func(ctx context.Context, c *Client) error {
		_, _, err := c.CreateService(ctx, &Service{ServiceName: Ptr("s1")})
		return err
	}},
	{"GetService", true, func(ctx context.Context, c *Client) error { _, _, err := c.GetService(ctx, "s1", ""); return err }},
	{"UpdateService", true, func(ctx context.Context, c *Client) error {
		_, _, err := c.UpdateService(ctx, "s1", &Service{Description: Ptr("d")}, "")
		return err
	}},
	{"DeleteService", true, func(ctx context.Context, c *Client) error { return c.DeleteService(ctx, "s1", "") }},
	{"ListServices", true, func(ctx context.Context, c *Client) error { _, err := c.ListServices(ctx, ListOptions{}); return err }},
	{"CreateFunction", false, func(ctx context.Context, c *Client) error {
		_, _, err := c.CreateFunction(ctx, "s1", &Function{FunctionName: Ptr("f1")}, "")
		return err
	}},
	{"GetFunction", true, func(ctx context.Context, c *Client) error {
		_, _, err := c.GetFunction(ctx, "s1", "", "f1")
		return err
	}},
	{"UpdateFunction", true, func(ctx context.Context, c *Client) error {
		_, _, err := c.UpdateFunction(ctx, "s1", "f1", &Function{Handler: Ptr("h")}, "", "")
		return err
	}},
	{"DeleteFunction", true, func(ctx context.Context, c *Client) error { return c.DeleteFunction(ctx, "s1", "f1", "") }},
	{"ListFunctions", true, func(ctx context.Context, c *Client) error {
		_, err := c.ListFunctions(ctx, "s1", "", ListOptions{})
		return err
	}},
	{"GetFunctionCode", true, func(ctx context.Context, c *Client) error {
		_, err := c.GetFunctionCode(ctx, "s1", "", "f1")
		return err
	}},
	{"CreateTrigger", false, func(ctx context.Context, c *Client) error {
		_, _, err := c.CreateTrigger(ctx, "s1", "f1", &Trigger{TriggerName: Ptr("t1")})
		return err
	}},
	{"GetTrigger", true, func(ctx context.Context, c *Client) error {
		_, _, err := c.GetTrigger(ctx, "s1", "f1", "t1")
		return err
	}},
	{"UpdateTrigger", true, func(ctx context.Context, c *Client) error {
		_, _, err := c.UpdateTrigger(ctx, "s1", "f1", "t1", &Trigger{}, "")
		return err
	}},
	{"DeleteTrigger", true, func(ctx context.Context, c *Client) error { return c.DeleteTrigger(ctx, "s1", "f1", "t1", "") }},
	{"ListTriggers", true, func(ctx context.Context, c *Client) error {
		_, err := c.ListTriggers(ctx, "s1", "f1", ListOptions{})
		return err
	}},
	{"PublishServiceVersion", false, func(ctx context.Context, c *Client) error {
		_, err := c.PublishServiceVersion(ctx, "s1", "d", "")
		return err
	}},
	{"DeleteServiceVersion", true, func(ctx context.Context, c *Client) error { return c.DeleteServiceVersion(ctx, "s1", "1") }},
	{"ListServiceVersions", true, func(ctx context.Context, c *Client) error {
		_, err := c.ListServiceVersions(ctx, "s1", VersionListOptions{})
		return err
	}},
	{"GetServiceVersion", true, func(ctx context.Context, c *Client) error { _, err := c.GetServiceVersion(ctx, "s1", "1"); return err }},
	{"CreateAlias", false, func(ctx context.Context, c *Client) error {
		_, _, err := c.CreateAlias(ctx, "s1", &Alias{AliasName: Ptr("prod")})
		return err
	}},
	{"GetAlias", true, func(ctx context.Context, c *Client) error { _, _, err := c.GetAlias(ctx, "s1", "prod"); return err }},
	{"UpdateAlias", true, func(ctx context.Context, c *Client) error {
		_, _, err := c.UpdateAlias(ctx, "s1", "prod", &Alias{}, "")
		return err
	}},
	{"DeleteAlias", true, func(ctx context.Context, c *Client) error { return c.DeleteAlias(ctx, "s1", "prod", "") }},
	{"ListAliases", true, func(ctx context.Context, c *Client) error {
		_, err := c.ListAliases(ctx, "s1", ListOptions{})
		return err
	}},
	// An invocation may have run: it is not repeated.
	{"InvokeFunction", false, func(ctx context.Context, c *Client) error {
		_, err := c.InvokeFunction(ctx, "s1", "", "f1", &InvokeInput{Payload: []byte("{}")})
		return err
	}},
	{"ListStatefulAsyncInvocations", true, func(ctx context.Context, c *Client) error {
		_, err := c.ListStatefulAsyncInvocations(ctx, "s1", "", "f1", StatefulInvocationListOptions{})
		return err
	}},
	{"GetStatefulAsyncInvocation", true, func(ctx context.Context, c *Client) error {
		_, err := c.GetStatefulAsyncInvocation(ctx, "s1", "", "f1", "job")
		return err
	}},
	{"StopStatefulAsyncInvocation", true, func(ctx context.Context, c *Client) error {
		return c.StopStatefulAsyncInvocation(ctx, "s1", "", "f1", "job")
	}},
}

// okBody satisfies every call of everyOperation (GetServiceVersion looks
// for version 1).
const okBody = `{"versions":[{"versionId":"1"}]}`

// After a 500 every idempotent call is repeated and every create or
// publish is not: the server may have created the object.
func TestRetry_IdempotencyOfEveryOperation(t *testing.T) {
	for _, op := range everyOperation {
		t.Run(op.name, func(t *testing.T) {
			rec := newRecorder(t, status(500, "InternalServerError"), answer{status: 200, body: okBody})
			c := newTestClient(t, rec)
			err := op.call(context.Background(), c)
			attempts := len(rec.requests())
			if op.idempotent {
				if attempts != 2 || err != nil {
					t.Errorf("attempts = %d, err = %v; want 2 attempts and success", attempts, err)
				}
				return
			}
			if attempts != 1 {
				t.Errorf("attempts = %d, want 1", attempts)
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != 500 || apiErr.Operation != op.name {
				t.Errorf("err = %v, want the 500 of %s", err, op.name)
			}
			if want := "not retried: " + op.name + " is not idempotent"; err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want it to say %q", err, want)
			}
		})
	}
}

// A create is repeated only after answers that say the server did not
// process it: throttling and concurrent updates.
func TestRetry_NonIdempotentStatuses(t *testing.T) {
	tests := []struct {
		name         string
		maxRetries   int
		first        answer
		wantAttempts int
		wantStatus   int  // 0 = success
		wantHint     bool // the error says why it was not retried
	}{
		{name: "429 is retried", first: status(429, "TooManyRequests"), wantAttempts: 2},
		{name: "503 ResourceThrottled is retried", first: status(503, CodeResourceThrottled), wantAttempts: 2},
		{name: "503 ResourceExhausted is retried", first: status(503, CodeResourceExhausted), wantAttempts: 2},
		{name: "409 ConcurrentUpdateError is retried", first: status(409, CodeConcurrentUpdate), wantAttempts: 2},
		{name: "500 is not retried", first: status(500, "InternalServerError"), wantAttempts: 1, wantStatus: 500, wantHint: true},
		{name: "502 is not retried", first: status(502, ""), wantAttempts: 1, wantStatus: 502, wantHint: true},
		{name: "504 is not retried", first: status(504, ""), wantAttempts: 1, wantStatus: 504, wantHint: true},
		{name: "503 without a throttling code is not retried", first: status(503, "ServiceUnavailable"), wantAttempts: 1, wantStatus: 503, wantHint: true},
		{name: "409 already exists is not retried", first: status(409, "ServiceAlreadyExists"), wantAttempts: 1, wantStatus: 409},
		{name: "400 is not retried", first: status(400, "InvalidArgument"), wantAttempts: 1, wantStatus: 400},
		{name: "no hint when retries are off", maxRetries: -1, first: status(500, "InternalServerError"), wantAttempts: 1, wantStatus: 500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder(t, tt.first, answer{status: 200, body: `{"serviceName":"s1"}`})
			c := newTestClient(t, rec, func(cfg *Config) {
				if tt.maxRetries < 0 {
					cfg.MaxRetries = 0
				}
			})
			svc, _, err := c.CreateService(context.Background(), &Service{ServiceName: Ptr("s1")})
			if got := len(rec.requests()); got != tt.wantAttempts {
				t.Errorf("attempts = %d, want %d", got, tt.wantAttempts)
			}
			if tt.wantStatus == 0 {
				if err != nil || svc == nil || *svc.ServiceName != "s1" {
					t.Fatalf("CreateService = %v, %v; want success", svc, err)
				}
				return
			}
			var apiErr *APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tt.wantStatus {
				t.Fatalf("err = %v, want HTTP %d", err, tt.wantStatus)
			}
			if hint := strings.Contains(err.Error(), "not retried"); hint != tt.wantHint {
				t.Errorf("err = %q; want a 'not retried' note: %v", err, tt.wantHint)
			}
		})
	}
}

// closedAddr returns a 127.0.0.1 address nothing listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// breakFirstConn returns an HTTP client whose first connection is broken
// by brk (given the real dialer and address); later ones are real.
func breakFirstConn(brk func(ctx context.Context, d *net.Dialer, addr string) (net.Conn, error)) (*http.Client, *atomic.Int32) {
	var dials atomic.Int32
	d := &net.Dialer{Timeout: 5 * time.Second}
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dials.Add(1) == 1 {
				return brk(ctx, d, addr)
			}
			return d.DialContext(ctx, network, addr)
		},
	}
	return &http.Client{Transport: tr}, &dials
}

// failingWriteConn sends the first bytes of a request and then fails, as a
// connection that breaks while the request is being written.
type failingWriteConn struct{ net.Conn }

func (c failingWriteConn) Write(p []byte) (int, error) {
	n, _ := c.Conn.Write(p[:min(len(p), 10)])
	return n, &net.OpError{Op: "write", Net: "tcp", Err: syscall.EPIPE}
}

// A connection that fails before the request was written whole is retried
// for creates too: the server cannot have processed the request.
func TestRetry_NotWrittenIsRetriedForCreates(t *testing.T) {
	t.Run("connection refused", func(t *testing.T) {
		for _, op := range everyOperation {
			if op.idempotent {
				continue
			}
			t.Run(op.name, func(t *testing.T) {
				rec := newRecorder(t, answer{status: 200, body: okBody})
				hc, dials := breakFirstConn(func(ctx context.Context, d *net.Dialer, _ string) (net.Conn, error) {
					// Pick the closed port now, after the test server took
					// its own, and make sure that nothing took it since.
					for range 5 {
						conn, err := d.DialContext(ctx, "tcp", closedAddr(t))
						if err != nil {
							return nil, err
						}
						conn.Close()
					}
					t.Error("no closed port found")
					return nil, errors.New("no closed port found")
				})
				c := newTestClient(t, rec, func(cfg *Config) { cfg.HTTPClient = hc })
				if err := op.call(context.Background(), c); err != nil {
					t.Fatalf("%s: %v", op.name, err)
				}
				if got := dials.Load(); got != 2 {
					t.Errorf("dials = %d, want 2 (the refused one and the retry)", got)
				}
				if got := len(rec.requests()); got != 1 {
					t.Errorf("requests received = %d, want 1", got)
				}
			})
		}
	})
	// net/http reports the request written once it is in the connection's
	// write buffer, so the failure must come while writing a body larger
	// than that buffer. (When only the final flush fails, the request
	// counts as written and a create is not retried.)
	t.Run("write fails mid-request", func(t *testing.T) {
		rec := newRecorder(t, answer{status: 200, body: `{"functionName":"f1"}`})
		hc, dials := breakFirstConn(func(ctx context.Context, d *net.Dialer, addr string) (net.Conn, error) {
			conn, err := d.DialContext(ctx, "tcp", addr)
			if err != nil {
				return nil, err
			}
			return failingWriteConn{conn}, nil
		})
		c := newTestClient(t, rec, func(cfg *Config) { cfg.HTTPClient = hc })
		code := &Code{ZipFile: strings.Repeat("UEsDBA==", 8<<10)} // 64 KiB
		fn, _, err := c.CreateFunction(context.Background(), "s1", &Function{FunctionName: Ptr("f1"), Code: code}, "")
		if err != nil || fn == nil || *fn.FunctionName != "f1" {
			t.Fatalf("CreateFunction = %v, %v", fn, err)
		}
		if got := dials.Load(); got != 2 {
			t.Errorf("dials = %d, want 2 (the broken one and the retry)", got)
		}
		if reqs := rec.requests(); len(reqs) != 1 || len(reqs[0].Body) < 64<<10 {
			t.Errorf("requests received = %d, want 1 whole request", len(reqs))
		}
	})
}

// roundTripFunc is an http.RoundTripper that reports no progress through
// httptrace.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// With a transport that does not report whether it wrote the request,
// only a failed dial counts as not sent.
func TestRetry_UntracedTransport(t *testing.T) {
	tests := []struct {
		name         string
		err          error
		idempotent   bool
		wantAttempts int
	}{
		{name: "POST reset", err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, wantAttempts: 1},
		{name: "POST dial refused", err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}, wantAttempts: 3},
		{name: "PUT reset", err: &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}, idempotent: true, wantAttempts: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var calls atomic.Int32
			c, err := New(Config{
				Endpoint: "http://127.0.0.1:1", AccessKeyID: testKeyID, AccessKeySecret: testSecret, MaxRetries: 2,
				HTTPClient: &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
					calls.Add(1)
					return nil, tt.err
				})},
			})
			if err != nil {
				t.Fatal(err)
			}
			c.retry.sleep = func(context.Context, time.Duration) error { return nil }
			if tt.idempotent {
				_, _, err = c.UpdateService(context.Background(), "s1", &Service{}, "")
			} else {
				_, _, err = c.CreateService(context.Background(), &Service{ServiceName: Ptr("s1")})
			}
			if !errors.Is(err, tt.err.(*net.OpError).Err) {
				t.Errorf("err = %v, want it to wrap %v", err, tt.err)
			}
			if got := int(calls.Load()); got != tt.wantAttempts {
				t.Errorf("attempts = %d, want %d", got, tt.wantAttempts)
			}
		})
	}
}

func TestRetryable(t *testing.T) {
	post, put := &request{method: http.MethodPost}, &request{method: http.MethodPut, idempotent: true}
	urlErr := func(err error) error { return &url.Error{Op: "Post", URL: "http://127.0.0.1/x", Err: err} }
	reset := urlErr(&net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET})
	tests := []struct {
		name      string
		err       error
		post, put bool
	}{
		{"reset after write", reset, false, true},
		{"reset before the request was written", &unsentError{reset}, true, true},
		{"unsent but not transient (TLS)", &unsentError{urlErr(errors.New("x509: certificate signed by unknown authority"))}, false, false},
		{"unsent context cancellation", &unsentError{urlErr(context.Canceled)}, false, false},
		{"credentials error", &unsentError{fmt.Errorf("getting credentials: %w", errors.New("AccessDenied"))}, false, false},
		{"500", &APIError{StatusCode: 500}, false, true},
		{"503 throttled", &APIError{StatusCode: 503, Code: CodeResourceThrottled}, true, true},
		{"409 concurrent update", &APIError{StatusCode: 409, Code: CodeConcurrentUpdate}, true, true},
		{"412", &APIError{StatusCode: 412, Code: CodePreconditionFailed}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := retryable(post, tt.err); got != tt.post {
				t.Errorf("POST: retryable = %v, want %v", got, tt.post)
			}
			if got := retryable(put, tt.err); got != tt.put {
				t.Errorf("PUT: retryable = %v, want %v", got, tt.put)
			}
		})
	}
}

// A conditional update is repeated after a 500 only without If-Match: with
// one, FC may have applied it, and the repeat would fail its own
// precondition (412) and read as a change made outside Terraform.
func TestRetry_ConditionalUpdateIsNotRepeatedAfter500(t *testing.T) {
	calls := []struct {
		name string
		call func(context.Context, *Client, string) error
	}{
		{"UpdateService", func(ctx context.Context, c *Client, ifMatch string) error {
			_, _, err := c.UpdateService(ctx, "s1", &Service{Description: Ptr("d")}, ifMatch)
			return err
		}},
		{"UpdateFunction", func(ctx context.Context, c *Client, ifMatch string) error {
			_, _, err := c.UpdateFunction(ctx, "s1", "f1", &Function{Handler: Ptr("h")}, "", ifMatch)
			return err
		}},
		{"UpdateTrigger", func(ctx context.Context, c *Client, ifMatch string) error {
			_, _, err := c.UpdateTrigger(ctx, "s1", "f1", "t1", &Trigger{Description: Ptr("d")}, ifMatch)
			return err
		}},
		{"UpdateAlias", func(ctx context.Context, c *Client, ifMatch string) error {
			_, _, err := c.UpdateAlias(ctx, "s1", "a1", &Alias{Description: Ptr("d")}, ifMatch)
			return err
		}},
	}
	for _, tc := range calls {
		for _, ifMatch := range []string{"", "etag-1"} {
			t.Run(fmt.Sprintf("%s/ifMatch=%q", tc.name, ifMatch), func(t *testing.T) {
				rec := newRecorder(t, status(500, "InternalServerError"), answer{status: 200, body: okBody})
				c := newTestClient(t, rec)
				err := tc.call(context.Background(), c, ifMatch)
				attempts := len(rec.requests())
				if ifMatch == "" {
					if attempts != 2 || err != nil {
						t.Errorf("attempts = %d, err = %v; want 2 attempts and success", attempts, err)
					}
					return
				}
				if attempts != 1 || err == nil || !strings.Contains(err.Error(), "not retried") {
					t.Errorf("attempts = %d, err = %v; want 1 attempt and a 'not retried' error", attempts, err)
				}
			})
		}
	}
	// Throttling still repeats a conditional update: FC did not apply it.
	rec := newRecorder(t, status(429, "TooManyRequests"), answer{status: 200, body: okBody})
	c := newTestClient(t, rec)
	if _, _, err := c.UpdateService(context.Background(), "s1", &Service{Description: Ptr("d")}, "etag-1"); err != nil || len(rec.requests()) != 2 {
		t.Errorf("throttled conditional update: attempts = %d, err = %v; want 2 and success", len(rec.requests()), err)
	}
}
