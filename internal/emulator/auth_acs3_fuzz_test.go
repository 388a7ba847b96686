package emulator

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAuthenticateACS3 holds the emulator's ACS3 verifier against the
// official SDK's signing function (openapiutil.GetAuthorization) on
// arbitrary paths, query values, bodies and signed header values: what the
// SDK signs is accepted, the same request signed with another secret is
// not. Query names are kept to the characters FC's parameters use: for
// others the SDK signs the raw name where the published algorithm encodes
// it.
func FuzzAuthenticateACS3(f *testing.F) {
	f.Add("GET", "services", "", "", "", []byte(nil), "ListServices")
	f.Add("POST", "services/a b/functions", "prefix", "x*y~z é", "", []byte(`{"functionName":"f"}`), "CreateFunction")
	f.Add("PUT", "services/%2F/+", "limit", "", "nextToken", []byte("{}"), " padded ")
	f.Fuzz(func(t *testing.T, method, path, qName, qValue, qName2 string, body []byte, action string) {
		if !validToken(method) || !validHeaderValue(action) || !utf8.ValidString(path+qValue) {
			return
		}
		var segments []string
		for _, seg := range strings.Split(path, "/") {
			if seg != "" && seg != "." && seg != ".." {
				segments = append(segments, seg)
			}
		}
		query := map[string]string{}
		for _, name := range []string{qName, qName2} {
			if name != "" && strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == "" {
				query[name] = qValue
			}
		}
		r := sdkSignedRequest{method: method, action: action, segments: segments, query: query, body: string(body),
			date: testNow, keyID: testKeyID, secret: testKeySecret}
		s := newTestServer(t)
		req, b := r.build(t)
		if e := s.authenticate(req, b); e != nil {
			t.Fatalf("a request signed by the SDK was refused: %v\n%s %s\ncanonical request %q", e, req.Method, req.URL,
				acs3CanonicalRequest(req, strings.Split(signedHeadersOf(req), ";"), req.Header.Get(headerACSContentSHA256)))
		}
		r.secret = testKeySecret + "x"
		req, b = r.build(t)
		if e := s.authenticate(req, b); e == nil || e.Status != http.StatusForbidden || e.Code != codeSignatureNotMatch {
			t.Fatalf("signed with another secret: %v, want 403 SignatureNotMatch", e)
		}
	})
}

func signedHeadersOf(r *http.Request) string {
	_, _, signed, _, _ := parseACS3Authorization(r.Header.Get("Authorization"))
	return strings.Join(signed, ";")
}
