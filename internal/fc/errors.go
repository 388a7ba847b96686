package fc

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// requestIDHeader carries the request ID of every FC response.
const requestIDHeader = "X-Fc-Request-Id"

// Error codes the client and its callers act on.
const (
	CodeConcurrentUpdate   = "ConcurrentUpdateError"
	CodeResourceThrottled  = "ResourceThrottled"
	CodeResourceExhausted  = "ResourceExhausted"
	CodePreconditionFailed = "PreconditionFailed"
)

// Bounds of the text taken from an error body.
const (
	maxRawErrorMessage  = 200  // non-JSON bodies
	maxJSONErrorMessage = 1024 // errorMessage of a JSON body
	maxErrorCode        = 128
)

// APIError is a non-2xx answer of the FC API.
type APIError struct {
	StatusCode int
	// Code is the errorCode of the body, or the HTTP status text without
	// spaces (e.g. "BadGateway") when the body has none.
	Code      string
	Message   string
	RequestID string
	// Operation names the API call, e.g. "UpdateFunction".
	Operation string
}

// Error reads like
// `FC API GetFunction failed: HTTP 404 FunctionNotFound: function "f" does not exist (request ID 7c43)`.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("FC API ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteByte(' ')
	}
	b.WriteString("failed: HTTP ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if e.Code != "" {
		b.WriteByte(' ')
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		b.WriteString(" (request ID ")
		b.WriteString(e.RequestID)
		b.WriteByte(')')
	}
	return b.String()
}

// IsNotFound reports whether err is an HTTP 404 API error.
func IsNotFound(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusNotFound
}

// IsConflict reports whether err is an HTTP 409 API error (already exists,
// concurrent update).
func IsConflict(err error) bool {
	e, ok := asAPIError(err)
	return ok && e.StatusCode == http.StatusConflict
}

// IsThrottled reports whether err is a throttling API error: HTTP 429, or
// the codes ResourceThrottled (503) and ResourceExhausted.
func IsThrottled(err error) bool {
	e, ok := asAPIError(err)
	return ok && (e.StatusCode == http.StatusTooManyRequests ||
		e.Code == CodeResourceThrottled || e.Code == CodeResourceExhausted)
}

// IsPreconditionFailed reports whether err is an If-Match mismatch: HTTP
// 412 or the code PreconditionFailed.
func IsPreconditionFailed(err error) bool {
	e, ok := asAPIError(err)
	return ok && (e.StatusCode == http.StatusPreconditionFailed || e.Code == CodePreconditionFailed)
}

func asAPIError(err error) (*APIError, bool) {
	var e *APIError
	ok := errors.As(err, &e)
	return e, ok && e != nil
}

// newAPIError decodes a non-2xx answer. It never fails: bodies that are
// empty, not JSON or JSON without an error code still give a readable
// error.
func newAPIError(operation string, status int, header http.Header, body []byte) *APIError {
	e := &APIError{
		StatusCode: status,
		Operation:  operation,
		RequestID:  sanitize(header.Get(requestIDHeader), maxErrorCode),
	}
	var fields map[string]any
	if json.Unmarshal(body, &fields) == nil {
		e.Code = sanitize(stringField(fields, "errorCode", "code"), maxErrorCode)
		e.Message = sanitize(stringField(fields, "errorMessage", "message"), maxJSONErrorMessage)
		if e.RequestID == "" {
			e.RequestID = sanitize(stringField(fields, "requestId"), maxErrorCode)
		}
	}
	if e.Code == "" {
		e.Code = statusCode(status)
		if e.Message == "" {
			e.Message = rawMessage(body)
		}
	}
	return e
}

// stringField returns the first of keys (matched case-insensitively) whose
// value is a string or a number.
func stringField(fields map[string]any, keys ...string) string {
	for _, key := range keys {
		for k, v := range fields {
			if !strings.EqualFold(k, key) {
				continue
			}
			switch v := v.(type) {
			case string:
				return v
			case float64:
				return strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
	}
	return ""
}

// statusCode renders an HTTP status as an error code, e.g. "BadGateway".
func statusCode(status int) string {
	text := http.StatusText(status)
	if text == "" {
		return "HTTP" + strconv.Itoa(status)
	}
	return strings.NewReplacer(" ", "", "-", "").Replace(text)
}

// rawMessage summarizes a body that carries no JSON error message.
func rawMessage(body []byte) string {
	if len(body) == 0 {
		return "empty response body"
	}
	text := body
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	s := string(text)
	if strings.HasPrefix(strings.TrimSpace(s), "<") {
		s = stripTags(s)
	}
	if s = sanitize(s, maxRawErrorMessage); s == "" {
		return fmt.Sprintf("unreadable response body (%d bytes)", len(body))
	}
	return s
}

// stripTags removes markup from an HTML or XML document, keeping its text.
func stripTags(s string) string {
	var b strings.Builder
	inTag := false
	for _, r := range s {
		switch {
		case r == '<':
			inTag = true
		case r == '>' && inTag:
			inTag = false
			b.WriteByte(' ')
		case !inTag:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sanitize drops invalid UTF-8 and control characters, collapses white
// space and truncates to about limit bytes (on a rune boundary, marked "...").
func sanitize(s string, limit int) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			space = b.Len() > 0
			continue
		}
		if b.Len() >= limit {
			b.WriteString("...")
			return b.String()
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
