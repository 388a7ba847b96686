package emulator

import (
	"bytes"
	"crypto/md5"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// The fuzz targets run their seed corpora (testdata/fuzz/FuzzXxx and the
// f.Add seeds) as ordinary tests; `make fuzz` runs each one for a while.

// FuzzAuthenticate signs an arbitrary request with the client's signer
// (internal/fc) and checks the emulator's verification of it:
//   - round trip: a request signed by the client is accepted, unless its
//     Content-MD5 does not match the body (400 InvalidArgument);
//   - an Authorization header other than the right one is refused with a
//     403 (or accepted only if it parses to the same key and signature);
//   - nothing panics.
func FuzzAuthenticate(f *testing.F) {
	f.Add("GET", "/2016-08-15/services/svc", "", "", "", "", []byte(nil), "")
	f.Add("POST", "/2021-04-06/services", "application/json", "", "x-fc-invocation-type", "Async", []byte(`{"serviceName":"a"}`), "FC key:sig")
	f.Add("GET", "/2021-04-06/proxy/svc/fn/a b", "", "a=1&b=%20&a=0", "", "", []byte(nil), "FC")
	f.Fuzz(func(t *testing.T, method, path, contentType, rawQuery, fcName, fcValue string, body []byte, auth string) {
		if !validToken(method) || !validHeaderValue(contentType) || !validHeaderValue(fcValue) {
			return // not a request net/http would deliver
		}
		s := newTestServer(t)
		u := &url.URL{Path: "/" + strings.TrimLeft(path, "/"), RawQuery: rawQuery}
		req := &http.Request{Method: method, URL: u, Header: http.Header{}, Host: "emulator"}
		req.Header.Set("Date", testNow.Format(http.TimeFormat))
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		if len(body) > 0 {
			req.Header.Set("Content-MD5", contentMD5Base64(body))
		}
		if name := "X-Fc-" + fcName; validToken(name) {
			req.Header.Set(name, fcValue)
		}

		segs := strings.SplitN(strings.TrimPrefix(u.Path, "/"), "/", 3)
		httpTrigger := len(segs) >= 2 && segs[1] == "proxy"
		resource := fc.CanonicalResource(u.EscapedPath(), u.Query(), httpTrigger)
		signature := fc.Sign(testKeySecret, fc.StringToSign(method, req.Header, resource))
		good := "FC " + testKeyID + ":" + signature
		req.Header.Set("Authorization", good)
		if e := s.authenticate(req, body); e != nil {
			t.Fatalf("a request signed by the client was refused: %v\nstring to sign %q", e, stringToSign(req))
		}

		// A body that does not match its Content-MD5.
		if len(body) > 0 {
			if e := s.authenticate(req, append(bytes.Clone(body), 'x')); e == nil || e.Status != http.StatusBadRequest || e.Code != codeInvalidArgument {
				t.Fatalf("a body not matching Content-MD5: %v, want 400 InvalidArgument", e)
			}
		}

		if auth == good {
			return
		}
		req.Header.Set("Authorization", auth)
		e := s.authenticate(req, body)
		if e == nil {
			id, sig, ok := parseAuthorization(auth)
			if !ok || id != testKeyID || sig != signature {
				t.Fatalf("a forged Authorization %q was accepted", auth)
			}
			return
		}
		checkAPIError(t, e)
		if e.Status != http.StatusForbidden {
			t.Fatalf("a wrong Authorization %q: %v, want 403", auth, e)
		}
	})
}

// FuzzRequestDecoding sends arbitrary bodies, signed, to the operations
// that decode one and checks that the answer is 200 or a 4xx FC error with
// a code and a message, never a 5xx; that a body that is not JSON is a 400
// InvalidArgument; and that what a create acknowledges can be read back.
func FuzzRequestDecoding(f *testing.F) {
	f.Add(uint8(0), []byte(`{"serviceName":"new"}`))
	f.Add(uint8(1), []byte(`{"description":"d","internetAccess":false}`))
	f.Add(uint8(2), []byte(`{"functionName":"g","runtime":"python3.9","handler":"index.handler","code":{"zipFile":"`+testZipBase64+`"}}`))
	f.Add(uint8(3), []byte(`{"memorySize":"256","timeout":10}`))
	f.Add(uint8(4), []byte(`{"triggerName":"t","triggerType":"timer","triggerConfig":"{\"cronExpression\":\"@every 5m\",\"enable\":true}"}`))
	f.Add(uint8(5), []byte(`{"description":"v1"}`))
	f.Add(uint8(6), []byte(`{"aliasName":"prod","versionId":"1"}`))
	f.Add(uint8(0), []byte(`not json`))
	f.Add(uint8(2), []byte(`{"functionName":1}`))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		if len(body) > 1<<16 {
			return
		}
		s := newTestServer(t)
		mustCreateService(t, s, "svc", nil)
		mustCreateFunction(t, s, "svc", validFunction("fn"))
		type target struct {
			method, path string
			// read returns the path that reads the created object back.
			read func(created map[string]any) string
		}
		str := func(m map[string]any, k string) string { v, _ := m[k].(string); return url.PathEscape(v) }
		num := func(m map[string]any, k string) string { v, _ := m[k].(string); return v }
		targets := []target{
			{http.MethodPost, api + "/services", func(m map[string]any) string { return api + "/services/" + str(m, "serviceName") }},
			{http.MethodPut, api + "/services/svc", nil},
			{http.MethodPost, api + "/services/svc/functions", func(m map[string]any) string {
				return api + "/services/svc/functions/" + str(m, "functionName")
			}},
			{http.MethodPut, api + "/services/svc/functions/fn", nil},
			{http.MethodPost, api + "/services/svc/functions/fn/triggers", func(m map[string]any) string {
				return api + "/services/svc/functions/fn/triggers/" + str(m, "triggerName")
			}},
			{http.MethodPost, api + "/services/svc/versions", func(m map[string]any) string {
				return api + "/services/svc." + num(m, "versionId") + "/functions/fn"
			}},
			{http.MethodPost, api + "/services/svc/aliases", func(m map[string]any) string {
				return api + "/services/svc/aliases/" + str(m, "aliasName")
			}},
		}
		tg := targets[int(which)%len(targets)]
		r := do(t, s, tg.method, tg.path, body)
		if r.Status >= 500 {
			t.Fatalf("%s %s %q: %d %s", tg.method, tg.path, body, r.Status, r.Body)
		}
		if r.Status != http.StatusOK {
			var e apiError
			if err := json.Unmarshal(r.Body, &e); err != nil {
				t.Fatalf("error answer is not JSON: %d %q", r.Status, r.Body)
			}
			e.Status = r.Status
			checkAPIError(t, &e)
			return
		}
		if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && !json.Valid(trimmed) {
			t.Fatalf("%s %s accepted a body that is not JSON: %q", tg.method, tg.path, body)
		}
		var created map[string]any
		if err := json.Unmarshal(r.Body, &created); err != nil {
			t.Fatalf("200 answer is not a JSON object: %q", r.Body)
		}
		if tg.read != nil {
			if got := do(t, s, http.MethodGet, tg.read(created), nil); got.Status != http.StatusOK {
				t.Fatalf("%s %s acknowledged %s, reading it back gave %d %s", tg.method, tg.path, r.Body, got.Status, got.Body)
			}
		}
	})
}

// checkAPIError asserts a well-formed 4xx FC error.
func checkAPIError(t *testing.T, e *apiError) {
	t.Helper()
	if e.Status < 400 || e.Status > 499 || e.Code == "" || strings.TrimSpace(e.Message) == "" || !utf8.ValidString(e.Message) {
		t.Fatalf("malformed error: status %d code %q message %q", e.Status, e.Code, e.Message)
	}
}

func contentMD5Base64(b []byte) string {
	sum := md5.Sum(b)
	return base64.StdEncoding.EncodeToString(sum[:])
}

// validToken reports whether s is an HTTP token (method, header name).
func validToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}

// validHeaderValue reports whether s can be sent as a header value as is
// (no control characters, no surrounding white space that transports
// would trim).
func validHeaderValue(s string) bool {
	if s != strings.TrimSpace(s) || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return false
		}
	}
	return true
}
