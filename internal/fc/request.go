package fc

import (
	"net/http"
	"net/url"
	"strings"
)

// APIVersion is the FC API version whose paths the client uses.
const APIVersion = "2021-04-06"

// request is one API call before signing.
type request struct {
	// operation names the call in logs and errors, e.g. "UpdateFunction".
	operation string
	method    string
	// idempotent is true when sending the request twice has the effect of
	// sending it once (GET, PUT, DELETE). The transport retries such a
	// request after any transient failure; a request that is not (POST
	// creating an object or publishing a version) only when the server
	// certainly did not process it. The zero value is the safe one. do also
	// treats a conditional update (PUT with If-Match) as not idempotent.
	idempotent bool
	// path is the escaped path below the API version, e.g. "/services/s1".
	path   string
	query  url.Values
	header http.Header
	// body, when non-nil, is sent as JSON.
	body any
	// codeInBody is true when the body carries a code archive; such a body
	// is never logged.
	codeInBody bool
	// ifMatch, when non-empty, is sent as If-Match.
	ifMatch string
}

// escape builds an escaped path from segments.
func escape(segments ...string) string {
	var b strings.Builder
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(s))
	}
	return b.String()
}

// qualified joins a service name and an optional qualifier as the path
// segment "service.qualifier".
func qualified(service, qualifier string) string {
	if qualifier == "" {
		return service
	}
	return service + "." + qualifier
}
