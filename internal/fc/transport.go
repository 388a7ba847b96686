package fc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// Bounds of the response bodies the client reads.
const (
	maxResponseBody = 32 << 20 // 2xx answers
	maxErrorBody    = 64 << 10 // non-2xx answers; the rest is discarded
)

// retryPolicy decides how often and how long the transport waits between
// attempts. Tests replace jitter and sleep.
type retryPolicy struct {
	maxRetries int
	// baseDelay and maxDelay bound the exponential backoff:
	// baseDelay * 2^(attempt-1), at most maxDelay, before jitter.
	baseDelay, maxDelay time.Duration
	// maxRetryAfter bounds a server's Retry-After.
	maxRetryAfter time.Duration
	// jitter returns a wait in [0, d].
	jitter func(d time.Duration) time.Duration
	// sleep waits d, or returns ctx.Err() when ctx is done first.
	sleep func(ctx context.Context, d time.Duration) error
}

func defaultRetryPolicy(maxRetries int) retryPolicy {
	return retryPolicy{
		maxRetries:    maxRetries,
		baseDelay:     200 * time.Millisecond,
		maxDelay:      5 * time.Second,
		maxRetryAfter: 30 * time.Second,
		jitter:        fullJitter,
		sleep:         sleepContext,
	}
}

// backoff returns the un-jittered wait after the given (1-based) attempt.
func (p retryPolicy) backoff(attempt int) time.Duration {
	d := p.baseDelay
	for i := 1; i < attempt && d < p.maxDelay; i++ {
		d *= 2
	}
	return min(d, p.maxDelay)
}

// wait returns how long to wait after attempt: the server's Retry-After
// (bounded by maxRetryAfter) when given, else the jittered backoff.
func (p retryPolicy) wait(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, p.maxRetryAfter)
	}
	return p.jitter(p.backoff(attempt))
}

func fullJitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return rand.N(d + 1)
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// response is a fully read HTTP answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// exchange sends req until it gets a 2xx answer, a non-retryable error,
// runs out of retries or would wait past the context's deadline. Every
// attempt is signed afresh (new Date, current credentials) and sends the
// same body.
func (c *Client) exchange(ctx context.Context, req *request, u *url.URL, body []byte) (*response, error) {
	for attempt := 1; ; attempt++ {
		res, err := c.attempt(ctx, req, u, body, attempt)
		if err == nil && res.status >= 200 && res.status < 300 {
			return res, nil
		}
		var retryAfter time.Duration
		if err != nil {
			err = fmt.Errorf("FC API %s failed: %w", req.operation, err)
		} else {
			err = newAPIError(req.operation, res.status, res.header, res.body)
			retryAfter = parseRetryAfter(res.header.Get("Retry-After"), time.Now())
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			if errors.Is(err, ctxErr) {
				return nil, err
			}
			return nil, fmt.Errorf("%w (%w)", err, ctxErr)
		}
		if !retryable(req, err) {
			if !req.idempotent && attempt <= c.retry.maxRetries && retryable(&request{idempotent: true}, err) {
				return nil, fmt.Errorf("%w (not retried: %s is not idempotent and the server may have processed it)", err, req.operation)
			}
			return nil, err
		}
		if attempt > c.retry.maxRetries {
			if attempt == 1 {
				return nil, err
			}
			return nil, fmt.Errorf("%w (gave up after %d attempts)", err, attempt)
		}
		wait := c.retry.wait(attempt, retryAfter)
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return nil, fmt.Errorf("%w (stopped after %d attempts: the next retry would start after the %w)", err, attempt, context.DeadlineExceeded)
		}
		if sleepErr := c.retry.sleep(ctx, wait); sleepErr != nil {
			return nil, fmt.Errorf("%w (stopped after %d attempts: %w)", err, attempt, sleepErr)
		}
	}
}

// attempt sends req once and reads the whole answer. An error returned
// before the request was written is an *unsentError.
func (c *Client) attempt(ctx context.Context, req *request, u *url.URL, body []byte, n int) (*response, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	var progress sendProgress
	hr, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, progress.trace()), req.method, u.String(), rd)
	if err != nil {
		return nil, &unsentError{err}
	}
	start := time.Now()
	creds, err := c.credentials(ctx)
	if err != nil {
		err = &unsentError{fmt.Errorf("getting credentials: %w", err)}
		c.logAttempt(ctx, req, hr, n, 0, "", time.Since(start), err)
		return nil, err
	}
	c.setHeaders(hr, req, body, creds.SecurityToken)
	authorize(hr, req.query, strings.HasPrefix(req.path, httpTriggerPrefix), creds)
	c.traceRequest(ctx, req, hr, body, n)

	start = time.Now()
	resp, err := c.http.Do(hr)
	if err != nil {
		if progress.unsent(err) {
			err = &unsentError{err}
		}
		c.logAttempt(ctx, req, hr, n, 0, "", time.Since(start), err)
		return nil, err
	}
	defer resp.Body.Close()
	data, err := readBody(resp)
	c.logAttempt(ctx, req, hr, n, resp.StatusCode, resp.Header.Get(requestIDHeader), time.Since(start), err)
	if err != nil {
		return nil, err
	}
	c.traceResponse(ctx, req, resp, data, n)
	return &response{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// unsentError is an attempt that failed before the request was written:
// the server cannot have processed it, so that even a non-idempotent
// request may be repeated.
type unsentError struct{ err error }

func (e *unsentError) Error() string { return e.err.Error() }
func (e *unsentError) Unwrap() error { return e.err }

// sendProgress follows one attempt through net/http's client trace.
//
// net/http reports a request written (WroteRequest without error) once it
// is in the connection's write buffer, before the final flush; a failure
// of that flush therefore counts as written. The error is on the safe
// side: a create is not repeated when it might have been received.
type sendProgress struct {
	// traced: the transport reports its progress (it called GetConn).
	traced atomic.Bool
	// wrote: the whole request was handed to a connection.
	wrote atomic.Bool
}

func (p *sendProgress) trace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GetConn: func(string) { p.traced.Store(true) },
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				p.wrote.Store(true)
			}
		},
	}
}

// unsent reports whether the failed attempt certainly did not reach the
// server as a whole request: connecting failed, or a transport that
// reports its progress never finished writing it. A transport that
// reports nothing (a custom RoundTripper) counts as having sent it.
func (p *sendProgress) unsent(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	return p.traced.Load() && !p.wrote.Load()
}

// setHeaders sets the headers every request carries; the signature is
// added by authorize.
func (c *Client) setHeaders(hr *http.Request, req *request, body []byte, securityToken string) {
	for name, values := range req.header {
		hr.Header[http.CanonicalHeaderKey(name)] = append([]string(nil), values...)
	}
	hr.Header.Set("Date", c.now().UTC().Format(http.TimeFormat))
	hr.Header.Set("Content-Type", "application/json")
	if req.contentType != "" {
		hr.Header.Set("Content-Type", req.contentType)
	}
	hr.Header.Set("Accept", "application/json")
	hr.Header.Set("User-Agent", c.cfg.UserAgent)
	if body != nil {
		hr.Header.Set("Content-MD5", contentMD5(body))
	}
	if c.cfg.AccountID != "" {
		hr.Header.Set("X-Fc-Account-Id", c.cfg.AccountID)
	}
	if securityToken != "" {
		hr.Header.Set("X-Fc-Security-Token", securityToken)
	}
	if req.ifMatch != "" {
		hr.Header.Set("If-Match", req.ifMatch)
	}
}

// errBodyTooLarge reports a 2xx body beyond maxResponseBody.
var errBodyTooLarge = fmt.Errorf("response body exceeds %d bytes", maxResponseBody)

// readBody reads a 2xx body whole (up to maxResponseBody) and the first
// maxErrorBody bytes of any other body.
func readBody(resp *http.Response) ([]byte, error) {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		// Drain a little more so that the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
		return data, err
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody+1))
	if err == nil && len(data) > maxResponseBody {
		return nil, errBodyTooLarge
	}
	return data, err
}

// retryable reports whether a failed attempt of req may be repeated.
//
// An idempotent request is repeated after throttling, a concurrent update,
// a 500, 502, 503 or 504 and transient network errors. A request that is
// not idempotent only when the server certainly did not process it: it
// was throttled (429, or 503 ResourceThrottled/ResourceExhausted), refused
// as a concurrent update, or not written whole (a failed dial, a write
// error before net/http reported the request written, a credentials
// error); see sendProgress.
func retryable(req *request, err error) bool {
	if e, ok := asAPIError(err); ok {
		switch e.StatusCode {
		case http.StatusTooManyRequests:
			return true
		case http.StatusConflict:
			return e.Code == CodeConcurrentUpdate
		case http.StatusServiceUnavailable:
			return req.idempotent || e.Code == CodeResourceThrottled || e.Code == CodeResourceExhausted
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			return req.idempotent
		}
		return false
	}
	if !retryableNetworkError(err) {
		return false
	}
	var unsent *unsentError
	return req.idempotent || errors.As(err, &unsent)
}

// retryableNetworkError reports connection resets, refused connections,
// connections closed early and timeouts, but not canceled contexts.
func retryableNetworkError(err error) bool {
	switch {
	case err == nil, errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.ECONNABORTED),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EPIPE):
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsTemporary || dnsErr.IsTimeout
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// parseRetryAfter reads a Retry-After value in seconds or as an HTTP date;
// it returns 0 when absent or invalid.
func parseRetryAfter(value string, now time.Time) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(value, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(min(secs, int64(24*time.Hour/time.Second))) * time.Second
	}
	if t, err := http.ParseTime(value); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
