package emulator

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// The vectors of reference section 1.4 (secret "testSecret").
func TestSignVectors(t *testing.T) {
	tests := []struct {
		name, toSign, want string
	}{
		{"list services", "GET\n\napplication/json\nMon, 09 Nov 2020 09:46:33 GMT\n/2016-08-15/services",
			"KTbbP8NM+5fTFQ7Tj1yp5/7kah1NGhAQMmVhG2djGks="},
		{"fc headers", "PUT\n\napplication/json\nMon, 09 Nov 2020 09:46:33 GMT\nx-fc-account-id:1234567890\nx-fc-trace-id:abc\n/2016-08-15/services/demo/functions/f1",
			"MID6YdkGSlOO0GDY356baDggtgHIdId8A/H3hQUaiP0="},
		{"proxy", "GET\n\n\nMon, 09 Nov 2020 09:46:33 GMT\n/2016-08-15/proxy/service-name/func-name/path-with- -space/action\na=2\nwith space=foo bar\nx=1\nx=3",
			"VrI96g2c3w0mqCyrC8pHl89GkN7VDp5v4p+rC5pTLn0="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sign("testSecret", tt.toSign); got != tt.want {
				t.Errorf("sign = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestStringToSign(t *testing.T) {
	tests := []struct {
		name   string
		method string
		target string
		header map[string]string
		want   string
	}{
		{
			name:   "ordinary path is decoded and loses its query",
			method: http.MethodGet,
			target: "/2016-08-15/service-name/func-name/path-with-%20-space/action?x=1&a=2&x=3&with%20space=foo%20bar",
			header: map[string]string{"Date": "Mon, 09 Nov 2020 09:46:33 GMT"},
			want:   "GET\n\n\nMon, 09 Nov 2020 09:46:33 GMT\n/2016-08-15/service-name/func-name/path-with- -space/action",
		},
		{
			name:   "proxy path keeps sorted query lines",
			method: http.MethodGet,
			target: "/2016-08-15/proxy/service-name/func-name/path-with-%20-space/action?x=1&a=2&x=3&with%20space=foo%20bar",
			header: map[string]string{"Date": "Mon, 09 Nov 2020 09:46:33 GMT"},
			want:   "GET\n\n\nMon, 09 Nov 2020 09:46:33 GMT\n/2016-08-15/proxy/service-name/func-name/path-with- -space/action\na=2\nwith space=foo bar\nx=1\nx=3",
		},
		{
			name:   "x-fc headers lower-cased and sorted, others ignored",
			method: http.MethodPut,
			target: "/2016-08-15/services/demo/functions/f1",
			header: map[string]string{
				"Date": "Mon, 09 Nov 2020 09:46:33 GMT", "Content-Type": "application/json",
				"X-Fc-Trace-Id": "abc", "X-Fc-Account-Id": "1234567890", "User-Agent": "x",
			},
			want: "PUT\n\napplication/json\nMon, 09 Nov 2020 09:46:33 GMT\nx-fc-account-id:1234567890\nx-fc-trace-id:abc\n/2016-08-15/services/demo/functions/f1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, tt.target, nil)
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			if got := stringToSign(r); got != tt.want {
				t.Errorf("stringToSign =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestAuthentication(t *testing.T) {
	body := `{"serviceName":"s1"}`
	sum := md5.Sum([]byte(body))
	tests := []struct {
		name     string
		opts     []reqOption
		wantCode string // empty = success
		status   int
	}{
		{name: "valid", status: http.StatusOK},
		{name: "FC without space", status: http.StatusOK, opts: []reqOption{afterSign(func(r *http.Request) {
			r.Header.Set("Authorization", "FC"+r.Header.Get("Authorization")[3:])
		})}},
		{name: "security token is signed like any x-fc header", status: http.StatusOK,
			opts: []reqOption{withHeader("X-Fc-Security-Token", "sts-token")}},
		{name: "security token changed after signing", status: http.StatusForbidden, wantCode: "SignatureNotMatch",
			opts: []reqOption{withHeader("X-Fc-Security-Token", "sts-token"), afterSign(func(r *http.Request) {
				r.Header.Set("X-Fc-Security-Token", "other")
			})}},
		{name: "wrong secret", status: http.StatusForbidden, wantCode: "SignatureNotMatch",
			opts: []reqOption{withKey(testKeyID, "wrong")}},
		{name: "unknown key", status: http.StatusForbidden, wantCode: "InvalidAccessKeyID",
			opts: []reqOption{withKey("someone-else", testKeySecret)}},
		{name: "missing Date", status: http.StatusBadRequest, wantCode: "MissingRequiredHeader",
			opts: []reqOption{withDate("")}},
		{name: "unparseable Date", status: http.StatusBadRequest, wantCode: "InvalidArgument",
			opts: []reqOption{withDate("yesterday")}},
		{name: "Date 16 minutes behind", status: http.StatusForbidden, wantCode: "RequestTimeTooSkewed",
			opts: []reqOption{withDate(testNow.Add(-16 * time.Minute).Format(http.TimeFormat))}},
		{name: "Date 16 minutes ahead", status: http.StatusForbidden, wantCode: "RequestTimeTooSkewed",
			opts: []reqOption{withDate(testNow.Add(16 * time.Minute).Format(http.TimeFormat))}},
		{name: "Date 14 minutes behind", status: http.StatusOK,
			opts: []reqOption{withDate(testNow.Add(-14 * time.Minute).Format(http.TimeFormat))}},
		{name: "no Authorization", status: http.StatusForbidden, wantCode: "AccessDenied",
			opts: []reqOption{unsigned()}},
		{name: "malformed Authorization", status: http.StatusForbidden, wantCode: "AccessDenied",
			opts: []reqOption{afterSign(func(r *http.Request) { r.Header.Set("Authorization", "Bearer abc") })}},
		{name: "path changed after signing", status: http.StatusForbidden, wantCode: "SignatureNotMatch",
			opts: []reqOption{afterSign(func(r *http.Request) { r.URL.Path = "/2021-04-06/services" })}},
		{name: "Content-MD5 base64 matches", status: http.StatusOK,
			opts: []reqOption{withHeader("Content-MD5", base64.StdEncoding.EncodeToString(sum[:]))}},
		{name: "Content-MD5 hex matches", status: http.StatusOK,
			opts: []reqOption{withHeader("Content-MD5", hex.EncodeToString(sum[:]))}},
		{name: "Content-MD5 mismatch", status: http.StatusBadRequest, wantCode: "InvalidArgument",
			opts: []reqOption{withHeader("Content-MD5", "jT96eZsQ7fmirAZWrC87Lw==")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			r := do(t, s, http.MethodPost, api+"/services", body, tt.opts...)
			if tt.wantCode == "" {
				expectOK(t, r)
				return
			}
			expectError(t, r, tt.status, tt.wantCode)
			// Nothing was created.
			if got := do(t, s, http.MethodGet, api+"/services/s1", nil); got.Status != http.StatusNotFound {
				t.Errorf("service stored despite %s: %d", tt.wantCode, got.Status)
			}
		})
	}
}

func TestContentTypeMustBeJSON(t *testing.T) {
	s := newTestServer(t)
	r := do(t, s, http.MethodPost, api+"/services", `{"serviceName":"s1"}`, withHeader("Content-Type", "text/plain"))
	expectError(t, r, http.StatusBadRequest, "InvalidArgument")
	r = do(t, s, http.MethodPost, api+"/services", `{"serviceName":"s1"}`, withHeader("Content-Type", "application/json; charset=utf-8"))
	expectOK(t, r)
}
