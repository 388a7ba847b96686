package emulator

import (
	"archive/zip"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"
)

const (
	testKeyID     = "test-key-id"
	testKeySecret = "test-key-secret"
)

// testNow is the emulator clock in tests; requests are dated with it.
var testNow = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// newTestServer returns an emulator with the test key pair and clock.
func newTestServer(t *testing.T, mutate ...func(*Options)) *Server {
	t.Helper()
	opts := Options{
		AccessKeyID:     testKeyID,
		AccessKeySecret: testKeySecret,
		Now:             func() time.Time { return testNow },
	}
	for _, m := range mutate {
		m(&opts)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}

// reqOption adjusts a test request before or after signing.
type reqOption func(*testRequest)

type testRequest struct {
	header    http.Header
	date      string
	keyID     string
	secret    string
	noSign    bool
	afterSign func(*http.Request)
}

func withHeader(k, v string) reqOption {
	return func(r *testRequest) { r.header.Set(k, v) }
}

func withIfMatch(etag string) reqOption { return withHeader("If-Match", etag) }

func withDate(d string) reqOption { return func(r *testRequest) { r.date = d } }

func withKey(id, secret string) reqOption {
	return func(r *testRequest) { r.keyID, r.secret = id, secret }
}

func unsigned() reqOption { return func(r *testRequest) { r.noSign = true } }

func afterSign(f func(*http.Request)) reqOption {
	return func(r *testRequest) { r.afterSign = f }
}

// testResponse is a recorded answer.
type testResponse struct {
	Status int
	Header http.Header
	Body   []byte
}

// ErrorCode returns the errorCode of an error answer.
func (r *testResponse) ErrorCode() string {
	var e struct {
		ErrorCode string `json:"errorCode"`
	}
	_ = json.Unmarshal(r.Body, &e)
	return e.ErrorCode
}

// ErrorMessage returns the errorMessage of an error answer.
func (r *testResponse) ErrorMessage() string {
	var e struct {
		ErrorMessage string `json:"errorMessage"`
	}
	_ = json.Unmarshal(r.Body, &e)
	return e.ErrorMessage
}

// Decode decodes the JSON body into v.
func (r *testResponse) Decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decoding %s: %v", r.Body, err)
	}
}

// JSON decodes the body into a generic map.
func (r *testResponse) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	r.Decode(t, &m)
	return m
}

// do sends a signed request to s in-process. body is nil, a string (sent
// as is) or a value encoded as JSON.
func do(t *testing.T, s http.Handler, method, path string, body any, opts ...reqOption) *testResponse {
	t.Helper()
	var b []byte
	switch v := body.(type) {
	case nil:
	case string:
		b = []byte(v)
	case []byte:
		b = v
	default:
		var err error
		if b, err = json.Marshal(v); err != nil {
			t.Fatalf("encoding body: %v", err)
		}
	}
	tr := &testRequest{
		header: http.Header{},
		date:   testNow.Format(http.TimeFormat),
		keyID:  testKeyID,
		secret: testKeySecret,
	}
	if b != nil {
		tr.header.Set("Content-Type", "application/json")
	}
	for _, o := range opts {
		o(tr)
	}
	req := httptest.NewRequest(method, path, bytes.NewReader(b))
	for k, vs := range tr.header {
		req.Header[k] = vs
	}
	if tr.date != "" {
		req.Header.Set("Date", tr.date)
	}
	if !tr.noSign {
		testSign(req, tr.keyID, tr.secret)
	}
	if tr.afterSign != nil {
		tr.afterSign(req)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return &testResponse{Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// testSign is a minimal FC signer written for the tests from the reference
// (section 1.4), separate from the emulator's verifier.
func testSign(req *http.Request, keyID, secret string) {
	var fcHeaders []string
	for k, vs := range req.Header {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "x-fc-") {
			fcHeaders = append(fcHeaders, lk+":"+strings.Join(vs, ",")+"\n")
		}
	}
	sort.Strings(fcHeaders)
	toSign := req.Method + "\n" + req.Header.Get("Content-MD5") + "\n" + req.Header.Get("Content-Type") + "\n" +
		req.Header.Get("Date") + "\n" + strings.Join(fcHeaders, "") + req.URL.Path
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(toSign))
	req.Header.Set("Authorization", "FC "+keyID+":"+base64.StdEncoding.EncodeToString(m.Sum(nil)))
}

// makeZip builds a zip archive holding the given files.
func makeZip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var testZip = func() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("index.py")
	_, _ = w.Write([]byte("def handler(event, context):\n    return 'hello'\n"))
	_ = zw.Close()
	return buf.Bytes()
}()

var testZipBase64 = base64.StdEncoding.EncodeToString(testZip)

// api is the 2016-08-15 API prefix most tests use.
const api = "/2016-08-15"

// mustCreateService creates a service and returns its ETag.
func mustCreateService(t *testing.T, s http.Handler, name string, extra map[string]any) string {
	t.Helper()
	body := map[string]any{"serviceName": name}
	for k, val := range extra {
		body[k] = val
	}
	r := do(t, s, http.MethodPost, api+"/services", body)
	if r.Status != http.StatusOK {
		t.Fatalf("CreateService %s: %d %s", name, r.Status, r.Body)
	}
	return r.Header.Get("ETag")
}

// validFunction returns a valid CreateFunction body.
func validFunction(name string) map[string]any {
	return map[string]any{
		"functionName": name,
		"runtime":      "python3.9",
		"handler":      "index.handler",
		"code":         map[string]any{"zipFile": testZipBase64},
	}
}

// mustCreateFunction creates a function and returns its ETag.
func mustCreateFunction(t *testing.T, s http.Handler, service string, body map[string]any) string {
	t.Helper()
	r := do(t, s, http.MethodPost, api+"/services/"+service+"/functions", body)
	if r.Status != http.StatusOK {
		t.Fatalf("CreateFunction: %d %s", r.Status, r.Body)
	}
	return r.Header.Get("ETag")
}

// expectError asserts an error answer.
func expectError(t *testing.T, r *testResponse, status int, code string) {
	t.Helper()
	if r.Status != status || r.ErrorCode() != code {
		t.Fatalf("got %d %s (%s), want %d %s", r.Status, r.ErrorCode(), r.Body, status, code)
	}
	if r.Header.Get("X-Fc-Request-Id") == "" {
		t.Errorf("error answer without X-Fc-Request-Id")
	}
}

// expectOK asserts a 200 answer.
func expectOK(t *testing.T, r *testResponse) {
	t.Helper()
	if r.Status != http.StatusOK {
		t.Fatalf("got %d %s, want 200", r.Status, r.Body)
	}
	if r.Header.Get("X-Fc-Request-Id") == "" {
		t.Errorf("answer without X-Fc-Request-Id")
	}
}

// expectNoContent asserts a 204 answer without a body.
func expectNoContent(t *testing.T, r *testResponse) {
	t.Helper()
	if r.Status != http.StatusNoContent || len(r.Body) != 0 {
		t.Fatalf("got %d %s, want 204 without a body", r.Status, r.Body)
	}
	if r.Header.Get("X-Fc-Request-Id") == "" {
		t.Errorf("answer without X-Fc-Request-Id")
	}
}
