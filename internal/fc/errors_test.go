package fc

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNewAPIError(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	tests := []struct {
		name      string
		status    int
		header    http.Header
		body      string
		want      APIError
		maxMsgLen int // when set, Message is checked for length and prefix only
	}{
		{
			name:   "FC error body and request ID header",
			status: 404,
			header: http.Header{"X-Fc-Request-Id": {"req-1"}},
			body:   `{"errorCode":"ServiceNotFound","errorMessage":"service 's1' does not exist"}`,
			want:   APIError{StatusCode: 404, Code: "ServiceNotFound", Message: "service 's1' does not exist", RequestID: "req-1"},
		},
		{
			name:   "request ID from the body when the header is missing",
			status: 400,
			body:   `{"errorCode":"InvalidArgument","errorMessage":"bad","requestId":"req-body"}`,
			want:   APIError{StatusCode: 400, Code: "InvalidArgument", Message: "bad", RequestID: "req-body"},
		},
		{
			name:   "header request ID wins over the body",
			status: 400,
			header: http.Header{"X-Fc-Request-Id": {"req-header"}},
			body:   `{"errorCode":"InvalidArgument","errorMessage":"bad","requestId":"req-body"}`,
			want:   APIError{StatusCode: 400, Code: "InvalidArgument", Message: "bad", RequestID: "req-header"},
		},
		{
			name:   "code without message",
			status: 409,
			body:   `{"errorCode":"ConcurrentUpdateError"}`,
			want:   APIError{StatusCode: 409, Code: "ConcurrentUpdateError"},
		},
		{
			name:   "gateway style code and message",
			status: 403,
			body:   `{"Code":"Forbidden.RAM","Message":"not allowed","RequestId":"r2"}`,
			want:   APIError{StatusCode: 403, Code: "Forbidden.RAM", Message: "not allowed", RequestID: "r2"},
		},
		{
			name:   "numeric error code",
			status: 400,
			body:   `{"errorCode":42,"errorMessage":"odd"}`,
			want:   APIError{StatusCode: 400, Code: "42", Message: "odd"},
		},
		{
			name:   "empty body",
			status: 502,
			want:   APIError{StatusCode: 502, Code: "BadGateway", Message: "empty response body"},
		},
		{
			name:   "HTML error page",
			status: 502,
			body:   "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>\r\n</html>",
			want:   APIError{StatusCode: 502, Code: "BadGateway", Message: "502 Bad Gateway 502 Bad Gateway nginx"},
		},
		{
			name:   "plain text",
			status: 503,
			header: http.Header{"X-Fc-Request-Id": {"r3"}},
			body:   "upstream connect error\n",
			want:   APIError{StatusCode: 503, Code: "ServiceUnavailable", Message: "upstream connect error", RequestID: "r3"},
		},
		{
			name:   "truncated JSON",
			status: 500,
			body:   `{"errorCode":"Inter`,
			want:   APIError{StatusCode: 500, Code: "InternalServerError", Message: `{"errorCode":"Inter`},
		},
		{
			name:   "JSON without error fields",
			status: 400,
			body:   `{"foo":"bar"}`,
			want:   APIError{StatusCode: 400, Code: "BadRequest", Message: `{"foo":"bar"}`},
		},
		{
			name:   "JSON array",
			status: 400,
			body:   `[1,2]`,
			want:   APIError{StatusCode: 400, Code: "BadRequest", Message: `[1,2]`},
		},
		{
			name:   "JSON null",
			status: 418,
			body:   `null`,
			want:   APIError{StatusCode: 418, Code: "I'mateapot", Message: "null"},
		},
		{
			name:   "control characters and invalid UTF-8 removed",
			status: 500,
			body:   "bad\x00\x01 \xff\xfe thing\x1b[31m",
			want:   APIError{StatusCode: 500, Code: "InternalServerError", Message: "bad thing [31m"},
		},
		{
			name:   "binary body",
			status: 500,
			body:   "\x00\x01\x02",
			want:   APIError{StatusCode: 500, Code: "InternalServerError", Message: "unreadable response body (3 bytes)"},
		},
		{
			name:   "unknown status",
			status: 599,
			body:   "",
			want:   APIError{StatusCode: 599, Code: "HTTP599", Message: "empty response body"},
		},
		{
			name:      "huge body is cut",
			status:    500,
			body:      huge,
			want:      APIError{StatusCode: 500, Code: "InternalServerError", Message: "xxxxxxxxxx"},
			maxMsgLen: maxRawErrorMessage + len("..."),
		},
		{
			name:      "huge JSON message is cut",
			status:    400,
			body:      `{"errorCode":"InvalidArgument","errorMessage":"` + huge + `"}`,
			want:      APIError{StatusCode: 400, Code: "InvalidArgument", Message: "xxxxxxxxxx"},
			maxMsgLen: maxJSONErrorMessage + len("..."),
		},
		{
			name:      "long multi-byte text cut on a rune boundary",
			status:    500,
			body:      strings.Repeat("é", 500),
			want:      APIError{StatusCode: 500, Code: "InternalServerError", Message: "éééé"},
			maxMsgLen: maxRawErrorMessage + len("..."),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := tt.header
			if header == nil {
				header = http.Header{}
			}
			got := newAPIError("GetService", tt.status, header, []byte(tt.body))
			tt.want.Operation = "GetService"
			if tt.maxMsgLen > 0 {
				if len(got.Message) > tt.maxMsgLen || !strings.HasPrefix(got.Message, tt.want.Message) || !strings.HasSuffix(got.Message, "...") {
					t.Errorf("Message (%d bytes) = %.40q..., want at most %d bytes starting with %q and ending in ...", len(got.Message), got.Message, tt.maxMsgLen, tt.want.Message)
				}
				if !utf8.ValidString(got.Message) {
					t.Errorf("Message is not valid UTF-8")
				}
				got.Message = tt.want.Message
			}
			if *got != tt.want {
				t.Errorf("newAPIError = %#v, want %#v", *got, tt.want)
			}
		})
	}
}

func TestAPIError_Error(t *testing.T) {
	tests := []struct {
		name string
		err  *APIError
		want string
	}{
		{
			name: "all parts",
			err:  &APIError{StatusCode: 404, Code: "FunctionNotFound", Message: "function 'f' does not exist", RequestID: "7c43", Operation: "GetFunction"},
			want: "FC API GetFunction failed: HTTP 404 FunctionNotFound: function 'f' does not exist (request ID 7c43)",
		},
		{
			name: "no message or request ID",
			err:  &APIError{StatusCode: 409, Code: "ConcurrentUpdateError", Operation: "UpdateFunction"},
			want: "FC API UpdateFunction failed: HTTP 409 ConcurrentUpdateError",
		},
		{
			name: "no operation",
			err:  &APIError{StatusCode: 500, Code: "InternalServerError", Message: "retry"},
			want: "FC API failed: HTTP 500 InternalServerError: retry",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPredicates(t *testing.T) {
	api := func(status int, code string) error {
		return &APIError{StatusCode: status, Code: code, Operation: "Op"}
	}
	tests := []struct {
		name                                       string
		err                                        error
		notFound, conflict, throttled, precondFail bool
	}{
		{name: "nil", err: nil},
		{name: "plain error", err: errors.New("404 not found")},
		{name: "context error", err: context.DeadlineExceeded},
		{name: "nil *APIError", err: (*APIError)(nil)},
		{name: "404", err: api(404, "FunctionNotFound"), notFound: true},
		{name: "wrapped 404", err: fmt.Errorf("reading: %w", api(404, "ServiceNotFound")), notFound: true},
		{name: "409 already exists", err: api(409, "ServiceAlreadyExists"), conflict: true},
		{name: "409 concurrent update", err: api(409, CodeConcurrentUpdate), conflict: true},
		{name: "429", err: api(429, "TooManyRequests"), throttled: true},
		{name: "503 ResourceThrottled", err: api(503, CodeResourceThrottled), throttled: true},
		{name: "503 without code", err: api(503, "ServiceUnavailable")},
		{name: "ResourceExhausted", err: api(429, CodeResourceExhausted), throttled: true},
		{name: "ResourceExhausted on another status", err: api(400, CodeResourceExhausted), throttled: true},
		{name: "412", err: api(412, "PreconditionFailed"), precondFail: true},
		{name: "412 other code", err: api(412, "EtagMismatch"), precondFail: true},
		{name: "PreconditionFailed code on 409", err: api(409, CodePreconditionFailed), conflict: true, precondFail: true},
		{name: "400", err: api(400, "InvalidArgument")},
		{name: "joined with context error", err: errors.Join(api(429, ""), context.DeadlineExceeded), throttled: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := [4]bool{IsNotFound(tt.err), IsConflict(tt.err), IsThrottled(tt.err), IsPreconditionFailed(tt.err)}
			want := [4]bool{tt.notFound, tt.conflict, tt.throttled, tt.precondFail}
			if got != want {
				t.Errorf("[IsNotFound IsConflict IsThrottled IsPreconditionFailed] = %v, want %v", got, want)
			}
		})
	}
}
