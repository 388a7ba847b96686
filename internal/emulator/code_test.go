package emulator

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"hash/crc64"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestCodeChecksum(t *testing.T) {
	// Reference value computed independently of codeChecksum.
	want := strconv.FormatUint(crc64.Checksum([]byte("hello"), crc64.MakeTable(crc64.ECMA)), 10)
	if got := codeChecksum([]byte("hello")); got != want {
		t.Fatalf("codeChecksum = %s, want %s", got, want)
	}
	if got := codeChecksum(nil); got != "0" {
		t.Fatalf("codeChecksum(nil) = %s", got)
	}
}

func TestCodeChecksumHeader(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	r := do(t, s, http.MethodPost, api+"/services/svc/functions", validFunction("fn"),
		withHeader("X-Fc-Code-Checksum", "12345"))
	expectError(t, r, http.StatusBadRequest, "InvalidArgument")
	if !strings.Contains(r.ErrorMessage(), "X-Fc-Code-Checksum") {
		t.Errorf("message %q", r.ErrorMessage())
	}
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil), http.StatusNotFound, "FunctionNotFound")
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/functions", validFunction("fn"),
		withHeader("X-Fc-Code-Checksum", codeChecksum(testZip))))
}

// GetFunctionCode answers an absolute URL on the emulator (built from the
// request Host) that serves the archive without a signature.
func TestGetFunctionCodeURL(t *testing.T) {
	s := newTestServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))

	req, _ := http.NewRequest(http.MethodGet, ts.URL+api+"/services/svc/functions/fn/code", nil)
	req.Header.Set("Date", testNow.Format(http.TimeFormat))
	testSign(req, testKeyID, testKeySecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GetFunctionCode: %d", resp.StatusCode)
	}
	var code fc.FunctionCode
	if err := json.NewDecoder(resp.Body).Decode(&code); err != nil {
		t.Fatal(err)
	}
	if code.Checksum != codeChecksum(testZip) {
		t.Errorf("checksum = %s", code.Checksum)
	}
	if !strings.HasPrefix(code.URL, ts.URL+"/_emulator/code/") {
		t.Fatalf("url = %s, want under %s", code.URL, ts.URL)
	}

	dl, err := http.Get(code.URL) // no signature
	if err != nil {
		t.Fatal(err)
	}
	defer dl.Body.Close()
	data, _ := io.ReadAll(dl.Body)
	if dl.StatusCode != http.StatusOK || !bytes.Equal(data, testZip) {
		t.Fatalf("download: %d, %d bytes", dl.StatusCode, len(data))
	}

	missing, err := http.Get(ts.URL + "/_emulator/code/deadbeef")
	if err != nil {
		t.Fatal(err)
	}
	missing.Body.Close()
	if missing.StatusCode != http.StatusNotFound {
		t.Errorf("unknown code: %d", missing.StatusCode)
	}
}

// OSS code has no real source: the emulator derives a deterministic zip
// from bucket and object.
func TestOSSCode(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	var sums []string
	for _, tt := range []struct{ name, bucket, object string }{
		{"a", "bucket", "code.zip"}, {"b", "bucket", "code.zip"}, {"c", "bucket", "other.zip"},
	} {
		body := validFunction(tt.name)
		body["code"] = map[string]any{"ossBucketName": tt.bucket, "ossObjectName": tt.object}
		r := do(t, s, http.MethodPost, api+"/services/svc/functions", body)
		expectOK(t, r)
		var f fc.Function
		r.Decode(t, &f)
		sums = append(sums, deref(f.CodeChecksum))
	}
	if sums[0] != sums[1] || sums[0] == sums[2] {
		t.Errorf("checksums %v: same object must give the same code, another object other code", sums)
	}
	data := ossArchive("bucket", "code.zip")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("synthesized archive is not a zip: %v", err)
	}
	rc, _ := zr.File[0].Open()
	content, _ := io.ReadAll(rc)
	if string(content) != "oss://bucket/code.zip" {
		t.Errorf("content = %q", content)
	}
}
