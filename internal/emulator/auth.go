package emulator

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"sort"
	"strings"
	"time"
)

// maxClockSkew is the documented limit between the request Date and the
// server time.
const maxClockSkew = 15 * time.Minute

// authenticate verifies the FC signature of r (reference section 1.4),
// the Date header and, when present, Content-MD5 against body.
//
// Order of checks: Date present (400 MissingRequiredHeader), Authorization
// present and well formed (403 AccessDenied), access key known (403
// InvalidAccessKeyID), signature (403 SignatureNotMatch), Date parseable
// (400 InvalidArgument) and within 15 minutes of Now (403
// RequestTimeTooSkewed), Content-MD5 (400 InvalidArgument). A request
// signed ACS3 (Authorization "ACS3-...") is verified by auth_acs3.go.
func (s *Server) authenticate(r *http.Request, body []byte) *apiError {
	if isACS3(r) {
		return s.authenticateACS3(r, body)
	}
	date := r.Header.Get("Date")
	if date == "" {
		return errMissingRequiredHeader("Date")
	}
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return errAccessDenied("required HTTP header Authorization was not specified")
	}
	keyID, signature, ok := parseAuthorization(auth)
	if !ok {
		return errAccessDenied("malformed Authorization header: expected 'FC <AccessKeyId>:<Signature>'")
	}
	secret, known := s.secretFor(keyID)
	if !known {
		return errInvalidAccessKeyID(keyID)
	}
	want := sign(secret, stringToSign(r))
	if !hmac.Equal([]byte(want), []byte(signature)) {
		return errSignatureNotMatch()
	}
	t, err := http.ParseTime(date)
	if err != nil {
		return errInvalidArgument("invalid Date header '%s': expected a GMT date such as 'Mon, 09 Nov 2020 09:46:33 GMT'", date)
	}
	now := s.now()
	if d := now.Sub(t); d > maxClockSkew || d < -maxClockSkew {
		return errRequestTimeTooSkewed(date, now.Format(http.TimeFormat))
	}
	if md := r.Header.Get("Content-MD5"); md != "" && !contentMD5Matches(md, body) {
		return errInvalidArgument("Content-MD5 '%s' does not match the request body", md)
	}
	return nil
}

// secretFor returns the secret of an accepted AccessKey ID: the
// AccessKeyID of Options or one of its Keys.
func (s *Server) secretFor(keyID string) (string, bool) {
	if keyID == s.opts.AccessKeyID {
		return s.opts.AccessKeySecret, true
	}
	secret, ok := s.opts.Keys[keyID]
	return secret, ok
}

// parseAuthorization splits "FC <keyID>:<signature>" (whitespace after FC
// optional).
func parseAuthorization(h string) (keyID, signature string, ok bool) {
	rest, found := strings.CutPrefix(h, "FC")
	if !found {
		return "", "", false
	}
	rest = strings.TrimLeft(rest, " \t")
	keyID, signature, found = strings.Cut(rest, ":")
	if !found || keyID == "" || signature == "" {
		return "", "", false
	}
	return keyID, strings.TrimSpace(signature), true
}

// stringToSign builds the FC string to sign of r, written from the
// reference (section 1.4), independently of any client signer.
func stringToSign(r *http.Request) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(r.Method))
	b.WriteByte('\n')
	b.WriteString(r.Header.Get("Content-MD5"))
	b.WriteByte('\n')
	b.WriteString(r.Header.Get("Content-Type"))
	b.WriteByte('\n')
	b.WriteString(r.Header.Get("Date"))
	b.WriteByte('\n')
	b.WriteString(canonicalFCHeaders(r.Header))
	b.WriteString(canonicalResource(r))
	return b.String()
}

// canonicalFCHeaders renders every x-fc- header as "name:value\n", names
// lower-cased and sorted. Several values of one header are joined by ",".
func canonicalFCHeaders(h http.Header) string {
	type kv struct{ k, v string }
	var list []kv
	for name, values := range h {
		lk := strings.ToLower(strings.TrimSpace(name))
		if strings.HasPrefix(lk, "x-fc-") {
			list = append(list, kv{lk, strings.Join(values, ",")})
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].k < list[j].k })
	var b strings.Builder
	for _, e := range list {
		b.WriteString(e.k)
		b.WriteByte(':')
		b.WriteString(e.v)
		b.WriteByte('\n')
	}
	return b.String()
}

// canonicalResource is the URL-decoded path without the query; for HTTP
// trigger paths (/<version>/proxy/...) it is followed by "\n" and the
// decoded query parameters as sorted "key=value" lines.
func canonicalResource(r *http.Request) string {
	path := r.URL.Path
	segs := strings.SplitN(strings.TrimPrefix(path, "/"), "/", 3)
	if len(segs) < 2 || segs[1] != "proxy" {
		return path
	}
	var params []string
	for k, vs := range r.URL.Query() {
		if len(vs) == 0 {
			params = append(params, k)
		}
		for _, v := range vs {
			params = append(params, k+"="+v)
		}
	}
	sort.Strings(params)
	return path + "\n" + strings.Join(params, "\n")
}

// sign is base64(HMAC-SHA256(secret, s)).
func sign(secret, s string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(s))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// contentMD5Matches accepts the MD5 of body as base64 (the documented
// example) or as 32 hex digits (what github.com/aliyun/fc-go-sdk sends).
func contentMD5Matches(header string, body []byte) bool {
	sum := md5.Sum(body)
	header = strings.TrimSpace(header)
	if len(header) == hex.EncodedLen(md5.Size) {
		if strings.EqualFold(header, hex.EncodeToString(sum[:])) {
			return true
		}
	}
	return header == base64.StdEncoding.EncodeToString(sum[:])
}
