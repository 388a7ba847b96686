package fc

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// fcHeaderPrefix starts the names of the headers that are signed.
const fcHeaderPrefix = "x-fc-"

// httpTriggerPrefix starts the API paths of HTTP-trigger requests, whose
// canonical resource includes the query.
const httpTriggerPrefix = "/proxy/"

// StringToSign builds the string an FC request signature covers:
// method, Content-MD5, Content-Type and Date (each followed by a newline),
// the canonicalized x-fc- headers and the canonical resource (see
// CanonicalResource).
func StringToSign(method string, header http.Header, resource string) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(method))
	b.WriteByte('\n')
	b.WriteString(header.Get("Content-MD5"))
	b.WriteByte('\n')
	b.WriteString(header.Get("Content-Type"))
	b.WriteByte('\n')
	b.WriteString(header.Get("Date"))
	b.WriteByte('\n')
	b.WriteString(canonicalFCHeaders(header))
	b.WriteString(resource)
	return b.String()
}

// canonicalFCHeaders renders every header whose lower-cased, trimmed name
// starts with "x-fc-" as "name:value\n", sorted by name. Values are used as
// sent; several values of one header are joined with ",".
func canonicalFCHeaders(header http.Header) string {
	values := map[string][]string{}
	for name, vs := range header {
		key := strings.ToLower(strings.TrimSpace(name))
		if strings.HasPrefix(key, fcHeaderPrefix) {
			values[key] = append(values[key], vs...)
		}
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		b.WriteString(name)
		b.WriteByte(':')
		b.WriteString(strings.Join(values[name], ","))
		b.WriteByte('\n')
	}
	return b.String()
}

// CanonicalResource returns the signed resource of a request. path is the
// request path as sent (escaped); anything from a "?" on is ignored and the
// rest is URL-decoded. For requests to an HTTP trigger (httpTrigger) the
// decoded path is followed by "\n" and the decoded query parameters as
// "key=value" lines, one per value, sorted as whole lines.
func CanonicalResource(path string, query url.Values, httpTrigger bool) string {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if decoded, err := url.PathUnescape(path); err == nil {
		path = decoded
	}
	if !httpTrigger {
		return path
	}
	var params []string
	for key, vs := range query {
		for _, v := range vs {
			params = append(params, key+"="+v)
		}
	}
	sort.Strings(params)
	return path + "\n" + strings.Join(params, "\n")
}

// Sign returns base64(HMAC-SHA256(secret, stringToSign)).
func Sign(secret, stringToSign string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// contentMD5 returns the base64 MD5 digest of body, the Content-MD5 value.
func contentMD5(body []byte) string {
	sum := md5.Sum(body)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// authorize signs r (whose headers are final) with creds and sets its
// Authorization header to "FC <AccessKeyId>:<signature>".
func authorize(r *http.Request, query url.Values, httpTrigger bool, creds Credentials) {
	resource := CanonicalResource(r.URL.EscapedPath(), query, httpTrigger)
	signature := Sign(creds.AccessKeySecret, StringToSign(r.Method, r.Header, resource))
	r.Header.Set("Authorization", "FC "+creds.AccessKeyID+":"+signature)
}
