package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// serve runs the command with args on a free loopback port until the test
// cancels it, and returns a client for it and a function that stops it and
// returns run's error.
func serve(t *testing.T, args ...string) (*fc.Client, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-listen", "127.0.0.1:0"}, args...), func(string) string { return "" }, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("reading the listen line: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	url, _ := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(30 * time.Second):
				t.Error("run did not return after cancel")
			}
		})
		return runErr
	}
	t.Cleanup(func() { _ = stop() })
	return childClient(t, url), stop
}

func pythonZip(t *testing.T, source string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("index.py")
	_, _ = w.Write([]byte(source))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func createPythonFunction(t *testing.T, c *fc.Client, source string) {
	t.Helper()
	ctx := context.Background()
	if _, _, err := c.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.CreateFunction(ctx, "svc", &fc.Function{FunctionName: fc.Ptr("fn"), Runtime: fc.Ptr("python3.10"),
		Handler: fc.Ptr("index.handler"), Timeout: fc.Ptr(int64(60)), Code: &fc.Code{ZipFile: pythonZip(t, source)}}, ""); err != nil {
		t.Fatal(err)
	}
}

// TestRun_invokeRunsCodeAndShutdownEndsIt: the command runs a Python
// function and ends its process when it shuts down.
func TestRun_invokeRunsCodeAndShutdownEndsIt(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH: the emulator runs Python handlers with it")
	}
	if runtime.GOOS == "windows" {
		t.Skip("checks process IDs the Unix way")
	}
	c, stop := serve(t)
	createPythonFunction(t, c, "import os\ndef handler(event, context):\n    return str(os.getpid())\n")
	out, err := c.InvokeFunction(context.Background(), "svc", "", "fn", nil)
	if err != nil || out.Failed() {
		t.Fatalf("InvokeFunction: %+v, %v", out, err)
	}
	pid, err := strconv.Atoi(string(out.Payload))
	if err != nil {
		t.Fatalf("result %q is not a PID", out.Payload)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v", err)
	}
	if err := syscall.Kill(pid, 0); err != syscall.ESRCH {
		t.Errorf("the function's process %d is still there after shutdown (kill -0: %v)", pid, err)
	}
}

func TestRun_invokeOff(t *testing.T) {
	c, _ := serve(t, "-invoke", "off")
	createPythonFunction(t, c, "def handler(event, context):\n    return 'ran'\n")
	_, err := c.InvokeFunction(context.Background(), "svc", "", "fn", nil)
	var apiErr *fc.APIError
	if !asAPIError(err, &apiErr) || apiErr.StatusCode != 501 || apiErr.Code != "InvocationDisabled" {
		t.Fatalf("InvokeFunction with -invoke=off: %v, want 501 InvocationDisabled", err)
	}
}

func TestRun_rejectsBadInvokeFlags(t *testing.T) {
	for _, args := range [][]string{{"-invoke", "maybe"}, {"-invoke-max-instances", "0"}, {"-invoke-idle-timeout", "1ms"}} {
		if err := run(context.Background(), args, func(string) string { return "" }, io.Discard, io.Discard); err == nil {
			t.Errorf("run accepted %v", args)
		}
	}
}

func asAPIError(err error, target **fc.APIError) bool {
	return errors.As(err, target)
}
