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
	// raw, when non-nil, is sent as is (an invocation payload) instead of
	// body, with contentType.
	raw         []byte
	contentType string
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

// withQualifier adds an optional qualifier (a version ID, an alias name or
// LATEST) to q as ?qualifier=, and returns q (a new one when q is nil). On
// the 2021-04-06 paths the client never writes the qualifier into the
// service segment ("service.qualifier" of the 2016-08-15 document): the
// official 2021-04-06 SDK sends it as a query parameter on a plain service
// path, which is what the real service is known to accept there (reference
// 2.1 and 9.2; testdata/sdk_operations.json says which calls take one).
func withQualifier(q url.Values, qualifier string) url.Values {
	if qualifier == "" {
		return q
	}
	if q == nil {
		q = url.Values{}
	}
	q.Set("qualifier", qualifier)
	return q
}
