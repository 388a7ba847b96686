package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/base64"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestRun(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH: the emulator runs Python handlers with it")
	}
	em, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(em)
	t.Cleanup(em.Close)
	t.Cleanup(srv.Close)
	env := map[string]string{
		"FC_ENDPOINT": srv.URL, "ALIBABA_CLOUD_ACCOUNT_ID": emulator.DefaultAccountID, "ALIBABA_CLOUD_REGION": emulator.DefaultRegion,
		"ALIBABA_CLOUD_ACCESS_KEY_ID": emulator.DefaultAccessKeyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": emulator.DefaultAccessKeySecret,
	}
	getenv := func(k string) string { return env[k] }
	client, err := fc.New(fc.Config{Endpoint: srv.URL, AccountID: emulator.DefaultAccountID, Region: emulator.DefaultRegion,
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeySecret: emulator.DefaultAccessKeySecret})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("index.py")
	_, _ = w.Write([]byte("def handler(event, context):\n    print('seen', event)\n    if event == b'fail':\n        raise ValueError('no')\n    return b'echo ' + event\n"))
	_ = zw.Close()
	ctx := context.Background()
	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.CreateFunction(ctx, "svc", &fc.Function{FunctionName: fc.Ptr("fn"), Runtime: fc.Ptr("python3.10"),
		Handler: fc.Ptr("index.handler"), Timeout: fc.Ptr(int64(60)), Code: &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(buf.Bytes())}}, ""); err != nil {
		t.Fatal(err)
	}

	var stdout, stderr bytes.Buffer
	if code := run(ctx, []string{"-service", "svc", "-function", "fn", "-payload", "hi", "-log-tail"}, getenv, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	if stdout.String() != "echo hi\n" || !strings.Contains(stderr.String(), "svc/fn answered (HTTP 200") || !strings.Contains(stderr.String(), "seen b'hi'") {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	stdout.Reset()
	stderr.Reset()
	if code := run(ctx, []string{"-service", "svc", "-function", "fn", "-payload", "fail"}, getenv, &stdout, &stderr); code != 1 ||
		!strings.Contains(stdout.String(), `"errorType": "ValueError"`) && !strings.Contains(stdout.String(), `"errorType":"ValueError"`) {
		t.Errorf("failing function: exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	if code := run(ctx, []string{"-service", "svc", "-function", "nope"}, getenv, &stdout, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "FunctionNotFound") {
		t.Errorf("missing function: exit %d, stderr %q", code, stderr.String())
	}
	if code := run(ctx, []string{"-function", "fn"}, getenv, &stdout, &stderr); code != 2 {
		t.Errorf("missing -service: exit %d", code)
	}
}
