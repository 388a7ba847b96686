package fc

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Logger receives the client's HTTP logs. The provider adapts tflog's
// fc_http subsystem to it.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Trace(ctx context.Context, msg string, fields map[string]any)
}

const (
	// maxLoggedBody caps the body text of one Trace entry.
	maxLoggedBody = 4 << 10
	// maxRedactableBody is the largest body parsed for redaction; larger
	// bodies are not logged.
	maxRedactableBody = 1 << 20
	redacted          = "<redacted>"
	codeOmitted       = "<code archive omitted>"
)

// sensitiveFields are JSON field names (lower case) whose values are never
// logged, at any depth.
var sensitiveFields = map[string]bool{
	"zipfile":         true,
	"privatekey":      true,
	"accesskeysecret": true,
	"securitytoken":   true,
	"password":        true,
}

// privateKeyPEM matches a PEM private key block ("-----BEGIN PRIVATE
// KEY-----", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE
// KEY", ...) through its END line, or through the end of the text when the
// END line is missing (a body cut short). Inside JSON the line breaks are
// the two characters \n, which the pattern spans as well.
var privateKeyPEM = regexp.MustCompile(`(?s)-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)`)

// redactPrivateKeys masks every PEM private key in text, wherever it
// appears: under a JSON name that is not sensitive (a description, an
// error message echoing the request), in a non-JSON body or a header. The
// field names of sensitiveFields (privateKey) are masked as well, by name.
func redactPrivateKeys(text string) string {
	if !strings.Contains(text, "PRIVATE KEY-----") {
		return text
	}
	return privateKeyPEM.ReplaceAllString(text, redacted)
}

// sensitiveHeaders are headers (canonical form) whose values are never
// logged.
var sensitiveHeaders = map[string]bool{
	"Authorization":       true,
	"X-Fc-Security-Token": true,
	"Cookie":              true,
	"Set-Cookie":          true,
}

// LevelLogger is a Logger that can tell whether an entry of a level would
// be kept; the client then skips the work of building entries nobody
// reads (rebuilding headers, decoding, redacting and encoding bodies). A
// Logger without these methods gets every entry.
type LevelLogger interface {
	Logger
	DebugEnabled() bool
	TraceEnabled() bool
}

// debugOn and traceOn report whether entries of that level are wanted.
func (c *Client) debugOn() bool {
	if c.cfg.Logger == nil {
		return false
	}
	l, ok := c.cfg.Logger.(LevelLogger)
	return !ok || l.DebugEnabled()
}

func (c *Client) traceOn() bool {
	if c.cfg.Logger == nil {
		return false
	}
	l, ok := c.cfg.Logger.(LevelLogger)
	return !ok || l.TraceEnabled()
}

// logAttempt logs one attempt at Debug.
func (c *Client) logAttempt(ctx context.Context, req *request, hr *http.Request, attempt, status int, requestID string, latency time.Duration, err error) {
	if !c.debugOn() {
		return
	}
	fields := map[string]any{
		"operation":  req.operation,
		"method":     hr.Method,
		"path":       hr.URL.EscapedPath(),
		"status":     status,
		"latency_ms": latency.Milliseconds(),
		"request_id": requestID,
		"attempt":    attempt,
	}
	if hr.URL.RawQuery != "" {
		fields["query"] = c.secrets.redact(hr.URL.RawQuery)
	}
	if err != nil {
		fields["error"] = c.secrets.redact(err.Error())
	}
	c.cfg.Logger.Debug(ctx, "FC API call", fields)
}

// traceRequest logs a request's headers and body at Trace.
func (c *Client) traceRequest(ctx context.Context, req *request, hr *http.Request, body []byte, attempt int) {
	if !c.traceOn() {
		return
	}
	c.cfg.Logger.Trace(ctx, "FC API request", map[string]any{
		"operation": req.operation,
		"attempt":   attempt,
		"method":    hr.Method,
		"path":      hr.URL.EscapedPath(),
		"headers":   loggableHeaders(hr.Header, c.secrets.redact),
		"body":      loggableBody(body, req.codeInBody, c.secrets.redact),
	})
}

// traceResponse logs a response's headers and body at Trace.
func (c *Client) traceResponse(ctx context.Context, req *request, resp *http.Response, body []byte, attempt int) {
	if !c.traceOn() {
		return
	}
	c.cfg.Logger.Trace(ctx, "FC API response", map[string]any{
		"operation":  req.operation,
		"attempt":    attempt,
		"status":     resp.StatusCode,
		"request_id": resp.Header.Get(requestIDHeader),
		"headers":    loggableHeaders(resp.Header, c.secrets.redact),
		"body":       loggableBody(body, false, c.secrets.redact),
	})
}

// loggableHeaders renders headers with the values of sensitive headers
// masked and secret literals replaced by redactSecrets.
func loggableHeaders(h http.Header, redactSecrets func(string) string) map[string]string {
	out := make(map[string]string, len(h))
	for name, values := range h {
		if sensitiveHeaders[http.CanonicalHeaderKey(name)] {
			out[name] = redacted
			continue
		}
		out[name] = redactSecrets(strings.Join(values, ", "))
	}
	return out
}

// loggableBody renders a body for Trace: never a code archive, sensitive
// JSON fields masked, secret literals replaced by redactSecrets (before
// truncating, so that no part of one is left), at most maxLoggedBody bytes.
func loggableBody(body []byte, codeInBody bool, redactSecrets func(string) string) string {
	switch {
	case codeInBody:
		return codeOmitted
	case len(body) == 0:
		return ""
	case len(body) > maxRedactableBody:
		return fmt.Sprintf("<%d-byte body omitted>", len(body))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || dec.More() {
		if containsSensitiveName(body) {
			return fmt.Sprintf("<%d-byte non-JSON body omitted>", len(body))
		}
		return truncate(redactSecrets(strings.ToValidUTF8(string(body), "?")), maxLoggedBody)
	}
	redact(v)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprintf("<%d-byte body omitted>", len(body))
	}
	return truncate(redactSecrets(strings.TrimSuffix(b.String(), "\n")), maxLoggedBody)
}

// redact masks sensitive fields of a decoded JSON value in place.
func redact(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if sensitiveFields[strings.ToLower(k)] {
				v[k] = redacted
				continue
			}
			redact(x)
		}
	case []any:
		for _, x := range v {
			redact(x)
		}
	}
}

func containsSensitiveName(body []byte) bool {
	lower := bytes.ToLower(body)
	for name := range sensitiveFields {
		if bytes.Contains(lower, []byte(name)) {
			return true
		}
	}
	return false
}

// truncate cuts s to at most limit bytes on a rune boundary, noting the
// original size.
func truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s...(truncated, %d bytes in total)", s[:cut], len(s))
}
