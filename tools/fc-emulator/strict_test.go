package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
)

// createServiceRaw sends CreateService with a raw body, signed with the FC
// scheme (reference 1.4), and returns the status and error code.
func createServiceRaw(t *testing.T, url, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/2016-08-15/services", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	toSign := req.Method + "\n\n" + req.Header.Get("Content-Type") + "\n" + req.Header.Get("Date") + "\n" + req.URL.Path
	m := hmac.New(sha256.New, []byte(emulator.DefaultAccessKeySecret))
	m.Write([]byte(toSign))
	req.Header.Set("Authorization", "FC "+emulator.DefaultAccessKeyID+":"+base64.StdEncoding.EncodeToString(m.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct {
		ErrorCode string `json:"errorCode"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&e)
	return resp.StatusCode, e.ErrorCode
}

// The command is lenient by default, like the real service; -strict
// refuses a body field the emulator does not know.
func TestStrictFlag(t *testing.T) {
	_, lenient := startChild(t)
	if status, code := createServiceRaw(t, lenient, `{"serviceName":"svc","descr":"typo"}`); status != http.StatusOK {
		t.Errorf("default: %d %s, want 200 (unknown fields ignored)", status, code)
	}
	_, strict := startChild(t, "-strict")
	if status, code := createServiceRaw(t, strict, `{"serviceName":"svc","descr":"typo"}`); status != http.StatusBadRequest || code != "InvalidArgument" {
		t.Errorf("-strict: %d %s, want 400 InvalidArgument", status, code)
	}
	if status, code := createServiceRaw(t, strict, `{"serviceName":"svc","description":"ok"}`); status != http.StatusOK {
		t.Errorf("-strict with known fields: %d %s, want 200", status, code)
	}
}
