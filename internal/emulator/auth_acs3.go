package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Alibaba Cloud's generic V3 request signature (ACS3), which the official
// 2021-04-06 SDK (github.com/alibabacloud-go/fc-open-20210406) uses for
// ordinary calls, written from the published algorithm ("V3 request
// signature": canonical request, string to sign, HMAC-SHA256), not from
// any client's code:
//
//		CanonicalRequest = Method "\n" CanonicalURI "\n" CanonicalQueryString "\n"
//		                   CanonicalHeaders "\n" SignedHeaders "\n" HashedRequestPayload
//		StringToSign     = "ACS3-HMAC-SHA256\n" hex(sha256(CanonicalRequest))
//		Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
//		Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<h1;h2>,Signature=<hex>
//
//	  - CanonicalURI: the path, each segment decoded and percent-encoded
//	    again per RFC 3986 (A-Z a-z 0-9 - _ . ~ kept, everything else %XX).
//	  - CanonicalQueryString: the query parameters, names and values
//	    decoded and RFC 3986-encoded, sorted by name (then value), joined as
//	    "name=value" with "&"; a parameter without value is "name=".
//	  - CanonicalHeaders: for each header of SignedHeaders (lower case, ';'
//	    separated, in that order) "name:value\n", the value trimmed; several
//	    values of one header are sorted and joined with ",". host is the
//	    request's Host.
//	  - HashedRequestPayload: the x-acs-content-sha256 header, which must be
//	    the hex SHA-256 of the body (of "" without a body).
//
// The refusals are those of the FC scheme (auth.go): 400
// MissingRequiredHeader without x-acs-date or x-acs-content-sha256, 403
// AccessDenied for a malformed Authorization, an algorithm other than
// ACS3-HMAC-SHA256 or a header that must be signed and is not (host,
// every x-acs-* header, content-type when present), 403 InvalidAccessKeyID,
// 403 SignatureNotMatch, 400 InvalidArgument for an x-acs-date that is not
// ISO 8601 UTC (2006-01-02T15:04:05Z), 403 RequestTimeTooSkewed beyond 15
// minutes, and 400 InvalidArgument when x-acs-content-sha256 does not match
// the body. x-acs-signature-nonce is not checked for reuse.
const (
	acs3Prefix    = "ACS3-"
	acs3Algorithm = "ACS3-HMAC-SHA256"

	headerACSDate          = "X-Acs-Date"
	headerACSContentSHA256 = "X-Acs-Content-Sha256"

	acsDateLayout = "2006-01-02T15:04:05Z"
)

// isACS3 reports whether r carries an ACS3 Authorization header.
func isACS3(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Authorization"), acs3Prefix)
}

// authenticateACS3 verifies the ACS3-HMAC-SHA256 signature of r and the
// x-acs-date and x-acs-content-sha256 headers against the clock and body.
func (s *Server) authenticateACS3(r *http.Request, body []byte) *apiError {
	date := r.Header.Get(headerACSDate)
	if date == "" {
		return errMissingRequiredHeader("x-acs-date")
	}
	payloadHash := r.Header.Get(headerACSContentSHA256)
	if payloadHash == "" {
		return errMissingRequiredHeader("x-acs-content-sha256")
	}
	algorithm, keyID, signedHeaders, signature, ok := parseACS3Authorization(r.Header.Get("Authorization"))
	if !ok {
		return errAccessDenied("malformed Authorization header: expected '%s Credential=<AccessKeyId>,SignedHeaders=<headers>,Signature=<signature>'", acs3Algorithm)
	}
	if algorithm != acs3Algorithm {
		return errAccessDenied("unsupported signature algorithm '%s': the emulator verifies %s", algorithm, acs3Algorithm)
	}
	if missing := unsignedHeader(r, signedHeaders); missing != "" {
		return errAccessDenied("header '%s' must be in SignedHeaders", missing)
	}
	secret, known := s.secretFor(keyID)
	if !known {
		return errInvalidAccessKeyID(keyID)
	}
	want := acs3Signature(secret, acs3StringToSign(acs3CanonicalRequest(r, signedHeaders, payloadHash)))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(signature))) {
		return errSignatureNotMatch()
	}
	t, err := time.Parse(acsDateLayout, date)
	if err != nil {
		return errInvalidArgument("invalid x-acs-date header '%s': expected an ISO 8601 UTC time such as '2020-11-09T09:46:33Z'", date)
	}
	now := s.now()
	if d := now.Sub(t); d > maxClockSkew || d < -maxClockSkew {
		return errRequestTimeTooSkewed(date, now.Format(acsDateLayout))
	}
	sum := sha256.Sum256(body)
	if !strings.EqualFold(payloadHash, hex.EncodeToString(sum[:])) {
		return errInvalidArgument("x-acs-content-sha256 '%s' does not match the request body", payloadHash)
	}
	return nil
}

// parseACS3Authorization splits "<algorithm> Credential=<id>,
// SignedHeaders=<a;b>,Signature=<hex>" (the three in any order, spaces
// after the commas allowed). Header names come back lower-cased.
func parseACS3Authorization(h string) (algorithm, keyID string, signedHeaders []string, signature string, ok bool) {
	algorithm, rest, found := strings.Cut(strings.TrimSpace(h), " ")
	if !found {
		return "", "", nil, "", false
	}
	var headers string
	for _, part := range strings.Split(rest, ",") {
		name, value, found := strings.Cut(strings.TrimSpace(part), "=")
		if !found {
			return "", "", nil, "", false
		}
		switch name {
		case "Credential":
			keyID = value
		case "SignedHeaders":
			headers = value
		case "Signature":
			signature = value
		default:
			return "", "", nil, "", false
		}
	}
	if keyID == "" || headers == "" || signature == "" {
		return "", "", nil, "", false
	}
	for _, name := range strings.Split(headers, ";") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			return "", "", nil, "", false
		}
		signedHeaders = append(signedHeaders, name)
	}
	return algorithm, keyID, signedHeaders, signature, true
}

// unsignedHeader returns a header that must be signed and is not in
// signed: host, every x-acs-* header of r, and content-type when r has one.
func unsignedHeader(r *http.Request, signed []string) string {
	in := make(map[string]bool, len(signed))
	for _, h := range signed {
		in[h] = true
	}
	var must []string
	must = append(must, "host")
	for name := range r.Header {
		lk := strings.ToLower(name)
		if strings.HasPrefix(lk, "x-acs-") || lk == "content-type" {
			must = append(must, lk)
		}
	}
	sort.Strings(must)
	for _, h := range must {
		if !in[h] {
			return h
		}
	}
	return ""
}

// acs3CanonicalRequest builds the canonical request of r.
func acs3CanonicalRequest(r *http.Request, signedHeaders []string, payloadHash string) string {
	var b strings.Builder
	b.WriteString(r.Method) // as sent: methods are case-sensitive
	b.WriteByte('\n')
	b.WriteString(acs3CanonicalURI(r.URL))
	b.WriteByte('\n')
	b.WriteString(acs3CanonicalQuery(r.URL.RawQuery))
	b.WriteByte('\n')
	for _, name := range signedHeaders {
		var values []string
		if name == "host" {
			values = []string{r.Host}
		} else {
			for _, v := range r.Header.Values(name) {
				values = append(values, strings.TrimSpace(v))
			}
			sort.Strings(values)
		}
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(strings.Join(values, ","))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(signedHeaders, ";"))
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String()
}

// acs3CanonicalURI re-encodes each segment of the escaped path per RFC 3986.
func acs3CanonicalURI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if dec, err := url.PathUnescape(seg); err == nil {
			seg = dec
		}
		segs[i] = rfc3986Escape(seg)
	}
	return strings.Join(segs, "/")
}

// acs3CanonicalQuery renders the raw query as sorted "name=value" pairs,
// both RFC 3986-encoded, joined with "&".
func acs3CanonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	// ParseQuery returns the well-formed pairs even when some are not;
	// those are what is signed, and the signature then decides.
	values, _ := url.ParseQuery(raw)
	type pair struct{ name, value string }
	pairs := make([]pair, 0, len(values))
	for name, vs := range values {
		for _, v := range vs {
			pairs = append(pairs, pair{rfc3986Escape(name), rfc3986Escape(v)})
		}
	}
	// By name, then by value: "a=1" before "a0=1" although '=' sorts
	// after '0'.
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].name != pairs[j].name {
			return pairs[i].name < pairs[j].name
		}
		return pairs[i].value < pairs[j].value
	})
	parts := make([]string, len(pairs))
	for i, p := range pairs {
		parts[i] = p.name + "=" + p.value
	}
	return strings.Join(parts, "&")
}

// rfc3986Escape percent-encodes every byte but the unreserved characters
// (A-Z a-z 0-9 - _ . ~), with upper-case hex digits.
func rfc3986Escape(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&0x0f])
	}
	return b.String()
}

// acs3StringToSign is the algorithm and the hex SHA-256 of the canonical
// request.
func acs3StringToSign(canonicalRequest string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	return acs3Algorithm + "\n" + hex.EncodeToString(sum[:])
}

// acs3Signature is hex(HMAC-SHA256(secret, stringToSign)).
func acs3Signature(secret, stringToSign string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(stringToSign))
	return hex.EncodeToString(m.Sum(nil))
}

// gatewayError is the error body of an answer to an ACS3-signed request:
// FC's own members (errorCode, errorMessage) plus those of Alibaba Cloud's
// API gateway, Code, Message and RequestId, which is where the
// darabonba-openapi client of the 2021-04-06 SDK reads the error code
// from. That the gateway in front of FC answers in this shape is an
// inference from that client; FC documents only errorCode/errorMessage.
type gatewayError struct {
	ErrorCode    string `json:"errorCode"`
	ErrorMessage string `json:"errorMessage"`
	Code         string `json:"Code"`
	Message      string `json:"Message"`
	RequestID    string `json:"RequestId,omitempty"`
}

func newGatewayError(e *apiError, requestID string) gatewayError {
	return gatewayError{ErrorCode: e.Code, ErrorMessage: e.Message, Code: e.Code, Message: e.Message, RequestID: requestID}
}
