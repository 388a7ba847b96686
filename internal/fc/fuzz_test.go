package fc

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The fuzz targets run their seed corpora (testdata/fuzz/FuzzXxx and the
// f.Add seeds) as ordinary tests; `make fuzz` runs each one for a while.

// FuzzNewAPIError decodes arbitrary error answers: the result is always an
// *APIError with a code, printable bounded text, the status, and
// predicates that agree with the status.
func FuzzNewAPIError(f *testing.F) {
	f.Add(404, "7c43", []byte(`{"errorCode":"FunctionNotFound","errorMessage":"function 'f' does not exist"}`))
	f.Add(502, "", []byte(`<html><body><h1>502 Bad Gateway</h1></body></html>`))
	f.Add(429, "", []byte(nil))
	f.Add(503, "r", []byte(`{"code":"ResourceThrottled","message":"slow down","requestId":"x"}`))
	f.Add(400, "", []byte{0xff, 0xfe, 0x00, '\n'})
	f.Fuzz(func(t *testing.T, status int, requestID string, body []byte) {
		// A non-2xx status, as the transport passes it.
		if status < 100 || status > 999 || (status >= 200 && status < 300) {
			status = 400 + int(uint(status)%200)
		}
		h := http.Header{}
		h.Set(requestIDHeader, requestID)
		e := newAPIError("GetFunction", status, h, body)
		if e == nil {
			t.Fatal("nil error")
		}
		var err error = e
		var got *APIError
		if !errors.As(err, &got) || got.StatusCode != status {
			t.Fatalf("errors.As: %v", err)
		}
		if e.Code == "" {
			t.Fatalf("no code for %d %q", status, body)
		}
		checkText(t, "code", e.Code, maxErrorCode)
		checkText(t, "message", e.Message, maxJSONErrorMessage)
		checkText(t, "request ID", e.RequestID, maxErrorCode)
		msg := e.Error()
		if !strings.Contains(msg, "HTTP "+strconv.Itoa(status)) || !strings.Contains(msg, e.Code) || !strings.Contains(msg, "GetFunction") {
			t.Fatalf("Error() = %q lacks the operation, status or code", msg)
		}
		if IsNotFound(err) != (status == http.StatusNotFound) || IsConflict(err) != (status == http.StatusConflict) {
			t.Fatalf("predicates disagree with status %d", status)
		}
		if status == http.StatusTooManyRequests && !IsThrottled(err) {
			t.Fatal("429 is not throttled")
		}
		if !json.Valid(body) && e.Message == "" {
			t.Fatalf("a body that is not JSON (%q) gave no message", body)
		}
	})
}

// FuzzAPIErrorRoundTrip encodes an FC error body and decodes it: a code
// and a (non-empty) message that are already clean text come back
// unchanged, and any other comes back clean.
func FuzzAPIErrorRoundTrip(f *testing.F) {
	f.Add("FunctionNotFound", "function 'f' of service 's' does not exist")
	f.Add("InvalidArgument", "  two  spaces\tand a tab\n")
	f.Add("", "message without a code")
	f.Add("Code\x00", strings.Repeat("é", 700))
	f.Fuzz(func(t *testing.T, code, message string) {
		body, err := json.Marshal(map[string]string{"errorCode": code, "errorMessage": message})
		if err != nil {
			t.Fatal(err)
		}
		e := newAPIError("CreateFunction", http.StatusBadRequest, http.Header{}, body)
		if isCleanText(code, maxErrorCode) && code != "" && e.Code != code {
			t.Fatalf("code %q came back as %q", code, e.Code)
		}
		// An empty message of a body without a usable code is replaced by
		// the body itself (newAPIError), so only non-empty ones round-trip.
		if isCleanText(message, maxJSONErrorMessage) && message != "" && e.Message != message {
			t.Fatalf("message %q came back as %q", message, e.Message)
		}
		if e.Code == "" {
			t.Fatal("no code")
		}
		checkText(t, "code", e.Code, maxErrorCode)
		checkText(t, "message", e.Message, maxJSONErrorMessage)
	})
}

// checkText asserts valid UTF-8 without control characters, no runs of
// white space, and a length of about limit at most.
func checkText(t *testing.T, what, s string, limit int) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s %q is not valid UTF-8", what, s)
	}
	for _, r := range s {
		if (unicode.IsSpace(r) && r != ' ') || unicode.IsControl(r) || r == utf8.RuneError {
			t.Fatalf("%s %q holds %U", what, s, r)
		}
	}
	if strings.Contains(s, "  ") || s != strings.TrimSpace(s) {
		t.Fatalf("%s %q has runs of spaces or surrounding space", what, s)
	}
	if len(s) > limit+utf8.UTFMax+len("...") {
		t.Fatalf("%s is %d bytes, limit %d", what, len(s), limit)
	}
}

// isCleanText reports whether s is already what an error shows: valid
// UTF-8, printable, single spaces only inside, at most limit bytes.
func isCleanText(s string, limit int) bool {
	if len(s) > limit || !utf8.ValidString(s) || s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if (unicode.IsSpace(r) && r != ' ') || unicode.IsControl(r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}
