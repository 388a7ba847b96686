package emulator

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/openapi-util/service"
	"github.com/alibabacloud-go/tea/tea"
)

// A vector derived by hand from the published V3 algorithm, independently
// of the emulator and of the SDK: the canonical request below is written
// out from the rules (RFC 3986 query encoding: space %20, '*' %2A, '~'
// kept; headers lower case and sorted, each "name:value\n", then an empty
// line), and the signature was computed with a separate HMAC-SHA256
// implementation over "ACS3-HMAC-SHA256\n" + hex(sha256(canonical request))
// with the secret "testSecret".
func TestACS3Vector(t *testing.T) {
	body := `{"serviceName":"demo"}`
	const payloadHash = "63458e1f7eed136a204fcf81455d617f96a0abef4a2cf9160de455f028b4c1fc"
	const wantCanonical = "POST\n" +
		"/2021-04-06/services\n" +
		"limit=10&prefix=a%20b%2A~\n" +
		"content-type:application/json; charset=utf-8\n" +
		"host:127.0.0.1:9000\n" +
		"x-acs-action:CreateService\n" +
		"x-acs-content-sha256:" + payloadHash + "\n" +
		"x-acs-date:2024-05-01T12:00:00Z\n" +
		"x-acs-signature-nonce:nonce-1\n" +
		"x-acs-version:2021-04-06\n" +
		"\n" +
		"content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" +
		payloadHash
	const wantSignature = "b4690d4dfc3542321f096f98528d45a79243cd27c0e4779e48890a8bd6a17c60"

	sum := sha256.Sum256([]byte(body))
	if hex.EncodeToString(sum[:]) != payloadHash {
		t.Fatalf("payload hash %x", sum)
	}
	// The query arrives as a browser or url.Values would send it
	// ('+' for space, '*' and '~' escaped or not): canonicalization
	// decodes and encodes again.
	req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:9000/2021-04-06/services?prefix=a+b%2a%7E&limit=10", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("x-acs-action", "CreateService")
	req.Header.Set("x-acs-content-sha256", payloadHash)
	req.Header.Set("x-acs-date", "2024-05-01T12:00:00Z")
	req.Header.Set("x-acs-signature-nonce", "nonce-1")
	req.Header.Set("x-acs-version", "2021-04-06")
	signed := strings.Split("content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version", ";")

	canonical := acs3CanonicalRequest(req, signed, payloadHash)
	if canonical != wantCanonical {
		t.Errorf("canonical request:\n%q\nwant\n%q", canonical, wantCanonical)
	}
	if got := acs3Signature("testSecret", acs3StringToSign(canonical)); got != wantSignature {
		t.Errorf("signature %s, want %s", got, wantSignature)
	}

	s := newTestServer(t, func(o *Options) { o.AccessKeyID, o.AccessKeySecret = "vector-key", "testSecret" })
	req.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential=vector-key,SignedHeaders="+strings.Join(signed, ";")+",Signature="+wantSignature)
	if e := s.authenticate(req, []byte(body)); e != nil {
		t.Errorf("the vector is refused: %v", e)
	}
}

// sdkSignedRequest builds a request the way the official SDK's transport
// (darabonba-openapi + tea) does and signs it with the SDK's own signing
// function, openapiutil.GetAuthorization.
type sdkSignedRequest struct {
	method   string
	action   string   // x-acs-action; "Test" when empty
	segments []string // path segments after the version, unescaped
	query    map[string]string
	body     string
	date     time.Time
	keyID    string
	secret   string
}

func (r sdkSignedRequest) build(t *testing.T) (*http.Request, []byte) {
	t.Helper()
	pathname := "/" + apiVersion2021
	for _, seg := range r.segments {
		pathname += "/" + tea.StringValue(openapiutil.GetEncodeParam(tea.String(seg)))
	}
	algorithm := tea.String(acs3Algorithm)
	hashed := openapiutil.HexEncode(openapiutil.Hash([]byte(r.body), algorithm))
	headers := map[string]*string{
		"host":                  tea.String("127.0.0.1:9000"),
		"x-acs-version":         tea.String(apiVersion2021),
		"x-acs-action":          tea.String(cmp.Or(r.action, "Test")),
		"user-agent":            tea.String("test"),
		"x-acs-date":            tea.String(r.date.UTC().Format(acsDateLayout)),
		"x-acs-signature-nonce": tea.String("nonce-" + r.method),
		"accept":                tea.String("application/json"),
		"x-acs-content-sha256":  hashed,
	}
	if r.body != "" {
		headers["content-type"] = tea.String("application/json; charset=utf-8")
	}
	query := map[string]*string{}
	q := url.Values{}
	for k, v := range r.query {
		query[k] = tea.String(v)
		q.Set(k, v)
	}
	treq := &tea.Request{Method: tea.String(r.method), Pathname: tea.String(pathname), Query: query, Headers: headers}
	headers["Authorization"] = openapiutil.GetAuthorization(treq, algorithm, hashed, tea.String(r.keyID), tea.String(r.secret))

	target := "http://127.0.0.1:9000" + pathname
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	req := httptest.NewRequest(r.method, target, bytes.NewReader([]byte(r.body)))
	for k, v := range headers {
		if k != "host" {
			req.Header.Set(k, tea.StringValue(v))
		}
	}
	return req, []byte(r.body)
}

// Requests signed by the SDK's signing function are accepted: paths and
// queries with characters that need encoding, bodies, every method.
func TestACS3AcceptsSDKSignatures(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name string
		req  sdkSignedRequest
	}{
		{"list without query", sdkSignedRequest{method: http.MethodGet, segments: []string{"services"}}},
		{"list with query", sdkSignedRequest{method: http.MethodGet, segments: []string{"services"},
			query: map[string]string{"limit": "5", "prefix": "a b*c~d", "nextToken": "x/y+z=", "startKey": "é"}}},
		{"escaped path", sdkSignedRequest{method: http.MethodGet, segments: []string{"services", "name with space*(~)", "functions", "ü"},
			query: map[string]string{"qualifier": "LATEST"}}},
		{"body", sdkSignedRequest{method: http.MethodPost, segments: []string{"services"}, body: `{"serviceName":"s","description":"ä \u2603"}`}},
		{"empty query value", sdkSignedRequest{method: http.MethodGet, segments: []string{"services"}, query: map[string]string{"prefix": ""}}},
		{"put", sdkSignedRequest{method: http.MethodPut, segments: []string{"services", "s"}, body: `{}`}},
		{"delete", sdkSignedRequest{method: http.MethodDelete, segments: []string{"services", "s"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.date, tt.req.keyID, tt.req.secret = testNow, testKeyID, testKeySecret
			req, body := tt.req.build(t)
			if e := s.authenticate(req, body); e != nil {
				t.Errorf("refused: %v\nAuthorization: %s", e, req.Header.Get("Authorization"))
			}
		})
	}
}

// Each refusal, with the FC scheme's codes.
func TestACS3Refusals(t *testing.T) {
	s := newTestServer(t, func(o *Options) { o.Keys = map[string]string{"second-key": "second-secret"} })
	base := sdkSignedRequest{method: http.MethodPost, segments: []string{"services"}, query: map[string]string{"prefix": "p"},
		body: `{"serviceName":"s"}`, date: testNow, keyID: testKeyID, secret: testKeySecret}
	with := func(f func(*sdkSignedRequest)) sdkSignedRequest {
		r := base
		f(&r)
		return r
	}
	tests := []struct {
		name   string
		req    sdkSignedRequest
		after  func(*http.Request)
		body   string // replaces the body after signing when not empty
		status int
		code   string
	}{
		{name: "wrong secret", req: with(func(r *sdkSignedRequest) { r.secret = "wrong" }), status: 403, code: codeSignatureNotMatch},
		{name: "secret of another key", req: with(func(r *sdkSignedRequest) { r.keyID = "second-key" }), status: 403, code: codeSignatureNotMatch},
		{name: "unknown key", req: with(func(r *sdkSignedRequest) { r.keyID = "nobody" }), status: 403, code: codeInvalidAccessKeyID},
		{name: "skew ahead", req: with(func(r *sdkSignedRequest) { r.date = testNow.Add(15*time.Minute + time.Second) }), status: 403, code: codeRequestTimeTooSkewed},
		{name: "skew behind", req: with(func(r *sdkSignedRequest) { r.date = testNow.Add(-16 * time.Minute) }), status: 403, code: codeRequestTimeTooSkewed},
		{name: "query changed", req: base, after: func(r *http.Request) { r.URL.RawQuery = "prefix=q" }, status: 403, code: codeSignatureNotMatch},
		{name: "query added", req: base, after: func(r *http.Request) { r.URL.RawQuery += "&limit=1" }, status: 403, code: codeSignatureNotMatch},
		{name: "path changed", req: base, after: func(r *http.Request) { r.URL.Path = "/2016-08-15/services" }, status: 403, code: codeSignatureNotMatch},
		{name: "method changed", req: base, after: func(r *http.Request) { r.Method = http.MethodPut }, status: 403, code: codeSignatureNotMatch},
		{name: "host changed", req: base, after: func(r *http.Request) { r.Host = "127.0.0.2:9000" }, status: 403, code: codeSignatureNotMatch},
		{name: "signed header changed", req: base, after: func(r *http.Request) { r.Header.Set("x-acs-action", "DeleteService") }, status: 403, code: codeSignatureNotMatch},
		{name: "body changed", req: base, body: `{"serviceName":"t"}`, status: 400, code: codeInvalidArgument},
		{name: "unsigned x-acs header", req: base, after: func(r *http.Request) { r.Header.Set("x-acs-security-token", "t") }, status: 403, code: codeAccessDenied},
		{name: "no x-acs-date", req: base, after: func(r *http.Request) { r.Header.Del("x-acs-date") }, status: 400, code: codeMissingRequiredHeader},
		{name: "no content hash", req: base, after: func(r *http.Request) { r.Header.Del("x-acs-content-sha256") }, status: 400, code: codeMissingRequiredHeader},
		{name: "bad date format", req: base, after: func(r *http.Request) {
			r.Header.Set("x-acs-date", testNow.Format(http.TimeFormat))
			resign(r, testKeyID, testKeySecret)
		}, status: 400, code: codeInvalidArgument},
		{name: "other algorithm", req: base, after: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), acs3Algorithm, "ACS3-HMAC-SM3", 1))
		}, status: 403, code: codeAccessDenied},
		{name: "malformed", req: base, after: func(r *http.Request) { r.Header.Set("Authorization", "ACS3-HMAC-SHA256 Credential=k") }, status: 403, code: codeAccessDenied},
		{name: "unknown member", req: base, after: func(r *http.Request) {
			r.Header.Set("Authorization", r.Header.Get("Authorization")+",Extra=1")
		}, status: 403, code: codeAccessDenied},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, body := tt.req.build(t)
			if tt.after != nil {
				tt.after(req)
			}
			if tt.body != "" {
				body = []byte(tt.body)
			}
			e := s.authenticate(req, body)
			if e == nil {
				t.Fatalf("accepted, want %d %s", tt.status, tt.code)
			}
			if e.Status != tt.status || e.Code != tt.code {
				t.Errorf("got %d %s (%s), want %d %s", e.Status, e.Code, e.Message, tt.status, tt.code)
			}
		})
	}
}

// resign signs r again with the emulator's own canonicalization, for cases
// whose signature must be right so that a later check is reached.
func resign(r *http.Request, keyID, secret string) {
	_, _, signed, _, _ := parseACS3Authorization(r.Header.Get("Authorization"))
	sig := acs3Signature(secret, acs3StringToSign(acs3CanonicalRequest(r, signed, r.Header.Get(headerACSContentSHA256))))
	r.Header.Set("Authorization", acs3Algorithm+" Credential="+keyID+",SignedHeaders="+strings.Join(signed, ";")+",Signature="+sig)
}

// Through the whole pipeline, an ACS3 refusal is counted, stores nothing
// and carries the gateway's error members beside FC's.
func TestACS3RefusalAnswer(t *testing.T) {
	s := newTestServer(t)
	req, _ := sdkSignedRequest{method: http.MethodPost, segments: []string{"services"}, body: `{"serviceName":"s"}`,
		date: testNow, keyID: testKeyID, secret: "wrong"}.build(t)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	r := &testResponse{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
	expectError(t, r, http.StatusForbidden, codeSignatureNotMatch)
	m := r.JSON(t)
	if m["Code"] != codeSignatureNotMatch || m["Message"] != m["errorMessage"] || m["RequestId"] != r.Header.Get(headerRequestID) {
		t.Errorf("error body %s", r.Body)
	}
	if s.Counts()["CreateService"] != 1 || len(s.st.Services) != 0 {
		t.Errorf("counts %v, %d services", s.Counts(), len(s.st.Services))
	}
	// FC-signed requests keep FC's documented body.
	fcr := do(t, s, http.MethodGet, "/2016-08-15/services/none", nil)
	expectError(t, fcr, http.StatusNotFound, "ServiceNotFound")
	if _, ok := fcr.JSON(t)["Code"]; ok {
		t.Errorf("FC-signed error body has gateway members: %s", fcr.Body)
	}
}
