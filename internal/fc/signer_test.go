package fc

import (
	"context"
	"crypto/md5"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

const vectorDate = "Mon, 09 Nov 2020 09:46:33 GMT"

// The three vectors of section 1.4 of the API reference, built from their
// parts and checked against both the documented string and signature.
func TestSign_ReferenceVectors(t *testing.T) {
	tests := []struct {
		name         string
		method       string
		header       http.Header
		resource     string
		stringToSign string
		signature    string
	}{
		{
			name:         "ordinary GET",
			method:       "GET",
			header:       http.Header{"Content-Type": {"application/json"}, "Date": {vectorDate}},
			resource:     CanonicalResource("/2016-08-15/services", nil, false),
			stringToSign: "GET\n\napplication/json\nMon, 09 Nov 2020 09:46:33 GMT\n/2016-08-15/services",
			signature:    "KTbbP8NM+5fTFQ7Tj1yp5/7kah1NGhAQMmVhG2djGks=",
		},
		{
			name:   "PUT with x-fc- headers",
			method: "put",
			header: http.Header{
				"Content-Type":    {"application/json"},
				"Date":            {vectorDate},
				"X-Fc-Trace-Id":   {"abc"},
				"X-Fc-Account-Id": {"1234567890"},
				"User-Agent":      {"not-signed"},
			},
			resource:     CanonicalResource("/2016-08-15/services/demo/functions/f1", nil, false),
			stringToSign: "PUT\n\napplication/json\nMon, 09 Nov 2020 09:46:33 GMT\nx-fc-account-id:1234567890\nx-fc-trace-id:abc\n/2016-08-15/services/demo/functions/f1",
			signature:    "MID6YdkGSlOO0GDY356baDggtgHIdId8A/H3hQUaiP0=",
		},
		{
			name:   "HTTP trigger with query",
			method: "GET",
			header: http.Header{"Date": {vectorDate}},
			resource: CanonicalResource("/2016-08-15/proxy/service-name/func-name/path-with-%20-space/action",
				url.Values{"x": {"1", "3"}, "a": {"2"}, "with space": {"foo bar"}}, true),
			stringToSign: "GET\n\n\nMon, 09 Nov 2020 09:46:33 GMT\n/2016-08-15/proxy/service-name/func-name/path-with- -space/action\na=2\nwith space=foo bar\nx=1\nx=3",
			signature:    "VrI96g2c3w0mqCyrC8pHl89GkN7VDp5v4p+rC5pTLn0=",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := StringToSign(tt.method, tt.header, tt.resource)
			if got != tt.stringToSign {
				t.Errorf("StringToSign = %q, want %q", got, tt.stringToSign)
			}
			if sig := Sign("testSecret", tt.stringToSign); sig != tt.signature {
				t.Errorf("Sign = %q, want %q", sig, tt.signature)
			}
		})
	}
}

func TestStringToSign_ContentMD5(t *testing.T) {
	h := http.Header{"Content-Md5": {"jT96eZsQ7fmirAZWrC87Lw=="}, "Content-Type": {"application/json"}, "Date": {vectorDate}}
	want := "POST\njT96eZsQ7fmirAZWrC87Lw==\napplication/json\n" + vectorDate + "\n/2016-08-15/services"
	if got := StringToSign("POST", h, "/2016-08-15/services"); got != want {
		t.Errorf("StringToSign = %q, want %q", got, want)
	}
}

func TestCanonicalFCHeaders(t *testing.T) {
	tests := []struct {
		name   string
		header http.Header
		want   string
	}{
		{name: "none", header: http.Header{"Date": {vectorDate}, "Content-Type": {"application/json"}}, want: ""},
		{name: "name lower-cased, value kept", header: http.Header{"X-Fc-Invocation-Type": {"Sync"}}, want: "x-fc-invocation-type:Sync\n"},
		{name: "value not trimmed", header: http.Header{"X-Fc-Trace-Id": {" a b "}}, want: "x-fc-trace-id: a b \n"},
		{name: "name trimmed", header: http.Header{" X-FC-Log-Type ": {"None"}}, want: "x-fc-log-type:None\n"},
		{name: "prefix must be x-fc-", header: http.Header{"X-Fcx-Foo": {"1"}, "X-Acs-Foo": {"2"}, "Fc-Foo": {"3"}}, want: ""},
		{
			name:   "sorted by name, not by line",
			header: http.Header{"X-Fc-A-B": {"2"}, "X-Fc-A": {"1"}, "X-Fc-B": {"3"}},
			want:   "x-fc-a:1\nx-fc-a-b:2\nx-fc-b:3\n",
		},
		{name: "several values joined", header: http.Header{"X-Fc-Trace-Id": {"a", "b"}}, want: "x-fc-trace-id:a,b\n"},
		{name: "empty value", header: http.Header{"X-Fc-Trace-Id": {""}}, want: "x-fc-trace-id:\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canonicalFCHeaders(tt.header); got != tt.want {
				t.Errorf("canonicalFCHeaders = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCanonicalResource(t *testing.T) {
	docQuery, err := url.ParseQuery("x=1&a=2&x=3&with%20space=foo%20bar")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		path        string
		query       url.Values
		httpTrigger bool
		want        string
	}{
		{
			name: "ordinary drops the query (documented example)",
			path: "/2016-08-15/service-name/func-name/path-with-%20-space/action?x=1&a=2&x=3&with%20space=foo%20bar",
			want: "/2016-08-15/service-name/func-name/path-with- -space/action",
		},
		{
			name:  "ordinary ignores query values",
			path:  "/2021-04-06/services",
			query: url.Values{"limit": {"10"}},
			want:  "/2021-04-06/services",
		},
		{
			name:        "HTTP trigger (documented example)",
			path:        "/2016-08-15/proxy/service-name/func-name/path-with-%20-space/action?x=1&a=2&x=3&with%20space=foo%20bar",
			query:       docQuery,
			httpTrigger: true,
			want:        "/2016-08-15/proxy/service-name/func-name/path-with- -space/action\na=2\nwith space=foo bar\nx=1\nx=3",
		},
		{
			name:        "HTTP trigger without parameters ends in a newline",
			path:        "/2016-08-15/proxy/s/f/",
			httpTrigger: true,
			want:        "/2016-08-15/proxy/s/f/\n",
		},
		{
			name:        "HTTP trigger sorts whole key=value strings",
			path:        "/2016-08-15/proxy/s/f",
			query:       url.Values{"a": {"2", "10"}, "a-b": {"1"}},
			httpTrigger: true,
			want:        "/2016-08-15/proxy/s/f\na-b=1\na=10\na=2",
		},
		{name: "escaped slash and qualifier decoded", path: "/2021-04-06/services/s.prod/functions/a%2Fb", want: "/2021-04-06/services/s.prod/functions/a/b"},
		{name: "plus is not a space", path: "/2021-04-06/services/a+b", want: "/2021-04-06/services/a+b"},
		{name: "invalid escape kept as is", path: "/2021-04-06/services/a%zz", want: "/2021-04-06/services/a%zz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalResource(tt.path, tt.query, tt.httpTrigger); got != tt.want {
				t.Errorf("CanonicalResource = %q, want %q", got, tt.want)
			}
		})
	}
}

// The client sets the documented headers and signs exactly what it sends.
func TestClient_SignsRequests(t *testing.T) {
	rec := newRecorder(t)
	c := newTestClient(t, rec, func(cfg *Config) {
		cfg.SecurityToken = testToken
		cfg.UserAgent = "test-agent/1.0"
	})
	if _, _, err := c.CreateService(context.Background(), &Service{ServiceName: Ptr("s1")}); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	if _, _, err := c.GetService(context.Background(), "s1", ""); err != nil {
		t.Fatalf("GetService: %v", err)
	}
	reqs := rec.requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests, want 2", len(reqs))
	}
	for _, r := range reqs {
		h := r.Header
		checks := map[string]string{
			"Date":                vectorDate,
			"Content-Type":        "application/json",
			"X-Fc-Account-Id":     testAccount,
			"X-Fc-Security-Token": testToken,
			"User-Agent":          "test-agent/1.0",
		}
		for name, want := range checks {
			if got := h.Get(name); got != want {
				t.Errorf("%s %s: %s = %q, want %q", r.Method, r.Path, name, got, want)
			}
		}
		auth := h.Get("Authorization")
		if !strings.HasPrefix(auth, "FC "+testKeyID+":") {
			t.Errorf("%s: Authorization = %q, want prefix %q", r.Method, auth, "FC "+testKeyID+":")
		}
		if sts := StringToSign(r.Method, h, r.Path); !strings.Contains(sts, "x-fc-security-token:"+testToken+"\n") {
			t.Errorf("%s: security token is not signed: %q", r.Method, sts)
		}
	}
	post, get := reqs[0], reqs[1]
	sum := md5.Sum(post.Body)
	if got, want := post.Header.Get("Content-MD5"), base64.StdEncoding.EncodeToString(sum[:]); got != want {
		t.Errorf("POST Content-MD5 = %q, want %q", got, want)
	}
	if got := get.Header.Get("Content-MD5"); got != "" {
		t.Errorf("GET Content-MD5 = %q, want none", got)
	}
	if post.Path != "/"+APIVersion+"/services" || get.Path != "/"+APIVersion+"/services/s1" {
		t.Errorf("paths = %q, %q", post.Path, get.Path)
	}
}

// A wrong secret gives a different signature (the test server's check can
// fail).
func TestVerifySignature_DetectsWrongSecret(t *testing.T) {
	r, err := http.NewRequest(http.MethodGet, "http://127.0.0.1/2021-04-06/services", nil)
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Date", vectorDate)
	authorize(r, nil, false, Credentials{AccessKeyID: testKeyID, AccessKeySecret: testSecret})
	if err := verifySignature(r, testSecret); err != nil {
		t.Errorf("right secret: %v", err)
	}
	if err := verifySignature(r, "other"); err == nil {
		t.Error("wrong secret: verified, want a mismatch")
	}
}
