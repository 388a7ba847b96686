package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Error codes. The first group is documented by FC; the second is invented
// in the documented style because the documentation is silent (README.md).
// The codes of missing, duplicate and non-empty objects are built from the
// kind (objects.go): ServiceNotFound, FunctionNotFound, TriggerNotFound,
// VersionNotFound, AliasNotFound (documented or in the documented style),
// ServiceAlreadyExists, FunctionAlreadyExists, TriggerAlreadyExists,
// AliasAlreadyExists, ServiceNotEmpty, FunctionNotEmpty.
const (
	codeInvalidArgument       = "InvalidArgument"
	codeMissingRequiredHeader = "MissingRequiredHeader"
	codePathNotSupported      = "PathNotSupported"
	codeEntityTooLarge        = "EntityTooLarge"
	codeAccessDenied          = "AccessDenied"
	codeSignatureNotMatch     = "SignatureNotMatch"
	codeInvalidAccessKeyID    = "InvalidAccessKeyID"
	codeInternalServerError   = "InternalServerError"

	codeRequestTimeTooSkewed = "RequestTimeTooSkewed"
	codePreconditionFailed   = "PreconditionFailed"
	codeCodeNotFound         = "CodeNotFound"
	codeVersionInUse         = "VersionInUse"
)

// apiError is an FC error answer: an HTTP status and the JSON body
// {"errorCode":..., "errorMessage":...}.
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"errorCode"`
	Message string `json:"errorMessage"`
}

func (e *apiError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

func newError(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: boundMessage(fmt.Sprintf(format, args...))}
}

// maxErrorMessage bounds an error message, which may echo request input.
const maxErrorMessage = 4096

// boundMessage makes a message that echoes request input (header values
// are any bytes) valid UTF-8 and at most about maxErrorMessage bytes.
func boundMessage(m string) string {
	m = strings.ToValidUTF8(m, "\uFFFD")
	if len(m) <= maxErrorMessage {
		return m
	}
	cut := maxErrorMessage
	for cut > 0 && !utf8.RuneStart(m[cut]) {
		cut--
	}
	return m[:cut] + "..."
}

func errInvalidArgument(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, codeInvalidArgument, format, args...)
}

func errMissingRequiredHeader(name string) *apiError {
	return newError(http.StatusBadRequest, codeMissingRequiredHeader,
		"required HTTP header %s was not specified", name)
}

func errPathNotSupported(method, path string) *apiError {
	return newError(http.StatusBadRequest, codePathNotSupported,
		"'%s' against '%s' is not supported", method, path)
}

func errEntityTooLarge(limit int64) *apiError {
	return newError(http.StatusBadRequest, codeEntityTooLarge,
		"payload size exceeds maximum allowed size (%d bytes)", limit)
}

func errAccessDenied(format string, args ...any) *apiError {
	return newError(http.StatusForbidden, codeAccessDenied, format, args...)
}

func errSignatureNotMatch() *apiError {
	return newError(http.StatusForbidden, codeSignatureNotMatch,
		"The request signature we calculated does not match the signature you provided. Check your access key and signing method")
}

func errInvalidAccessKeyID(id string) *apiError {
	return newError(http.StatusForbidden, codeInvalidAccessKeyID, "invalid access key ID '%s'", id)
}

func errRequestTimeTooSkewed(date string, now string) *apiError {
	return newError(http.StatusForbidden, codeRequestTimeTooSkewed,
		"the difference between the request time '%s' and the server time '%s' is more than 15 minutes", date, now)
}

// errVersionInUse names the aliases (quoted, comma-separated) that still
// route traffic to the version.
func errVersionInUse(service, version string, aliases []string) *apiError {
	noun := "alias"
	if len(aliases) > 1 {
		noun = "aliases"
	}
	quoted := make([]string, len(aliases))
	for i, a := range aliases {
		quoted[i] = "'" + a + "'"
	}
	return newError(http.StatusConflict, codeVersionInUse,
		"version '%s' of service '%s' is used by %s %s", version, service, noun, strings.Join(quoted, ", "))
}

func errPreconditionFailed(what, ifMatch string) *apiError {
	return newError(http.StatusPreconditionFailed, codePreconditionFailed,
		"If-Match '%s' does not match the current ETag of %s", ifMatch, what)
}

func errInternal() *apiError {
	return newError(http.StatusInternalServerError, codeInternalServerError,
		"an internal error has occurred. Please retry")
}

// writeError writes e as the FC error body.
func writeError(w http.ResponseWriter, e *apiError) {
	var v any = e
	if rec, ok := w.(*statusRecorder); ok && rec.gatewayErrors {
		v = newGatewayError(e, w.Header().Get(headerRequestID))
	}
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte(`{"errorCode":"InternalServerError","errorMessage":"an internal error has occurred. Please retry"}`)
	}
	w.Header().Set("Content-Type", contentTypeJSON)
	w.WriteHeader(e.Status)
	_, _ = w.Write(b)
}

const contentTypeJSON = "application/json; charset=utf-8"
