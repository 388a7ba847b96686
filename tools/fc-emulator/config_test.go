package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func writeConfig(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "emulator.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The command line wins over the environment, the environment over the
// configuration file, the file over the defaults.
func TestApplySourcesPrecedence(t *testing.T) {
	file := writeConfig(t, map[string]any{
		"a": "from-file", "b": "from-file", "c": "from-file", "n": 7, "on": true,
		"list": []string{"x", "y"}, "keys": map[string]string{"k2": "s2", "k1": "s1"},
	})
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("config", "", "")
	a, b, c, d := fs.String("a", "default", ""), fs.String("b", "default", ""), fs.String("c", "default", ""), fs.String("d", "default", "")
	n := fs.Int("n", 0, "")
	on := fs.Bool("on", false, "")
	list := fs.String("list", "", "")
	keys := keyPairs{}
	fs.Var(keys, "keys", "")
	if err := fs.Parse([]string{"-c", "from-flag"}); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"FC_EMULATOR_B": "from-env", "FC_EMULATOR_C": "from-env", "FC_EMULATOR_CONFIG": file}
	if err := applySources(fs, func(k string) string { return env[k] }, "config"); err != nil {
		t.Fatal(err)
	}
	if *a != "from-file" || *b != "from-env" || *c != "from-flag" || *d != "default" {
		t.Errorf("a=%s b=%s c=%s d=%s; want from-file, from-env, from-flag, default", *a, *b, *c, *d)
	}
	if *n != 7 || !*on || *list != "x,y" || keys["k1"] != "s1" || keys["k2"] != "s2" || len(keys) != 2 {
		t.Errorf("n=%d on=%v list=%q keys=%v", *n, *on, *list, keys)
	}
}

func TestApplySourcesErrors(t *testing.T) {
	tests := []struct {
		name string
		file any    // written as the config file when not nil
		env  string // FC_EMULATOR_N when not empty
		want string
	}{
		{name: "unknown setting", file: map[string]any{"lisen": "x"}, want: `unknown setting "lisen"`},
		{name: "config inside config", file: map[string]any{"config": "other.json"}, want: `unknown setting "config"`},
		{name: "command-line-only flag", file: map[string]any{"version": true}, want: `unknown setting "version"`},
		{name: "bad value", file: map[string]any{"n": "many"}, want: `"n"`},
		{name: "object for a plain flag", file: map[string]any{"n": map[string]any{"a": 1}}, want: `secret of "a" must be a string`},
		{name: "not an object", file: []string{"a"}, want: "not a JSON object"},
		{name: "bad environment value", env: "many", want: "$FC_EMULATOR_N"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			cfg := fs.String("config", "", "")
			fs.Int("n", 0, "")
			fs.Bool("version", false, "")
			if tt.file != nil {
				*cfg = writeConfig(t, tt.file)
			}
			env := map[string]string{"FC_EMULATOR_N": tt.env}
			err := applySources(fs, func(k string) string { return env[k] }, "config", "version")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if err := (keyPairs{}).Set("no-secret"); err == nil {
		t.Error("keyPairs accepted a pair without secret")
	}
}

// syncBuffer collects the log output written by the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startRun runs the command in-process and returns its URL, its log and a
// stop function that cancels it and returns run's error.
func startRun(t *testing.T, args []string, env map[string]string) (string, *syncBuffer, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-listen", "127.0.0.1:0"}, args...), func(k string) string { return env[k] }, pw, logs)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("reading the listen line: %v (log: %s)", err, logs)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			t.Fatal("run did not return after cancel")
			return nil
		}
	}
	t.Cleanup(func() { _ = stop() })
	return strings.TrimPrefix(strings.TrimSpace(line), "listening on "), logs, stop
}

// apiCode is the FC error code of err, "" when err is not an API error.
func apiCode(err error) string {
	var e *fc.APIError
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

func clientFor(t *testing.T, url, keyID, secret string) *fc.Client {
	t.Helper()
	c, err := fc.New(fc.Config{
		Endpoint: url, AccountID: emulator.DefaultAccountID, Region: emulator.DefaultRegion,
		AccessKeyID: keyID, AccessKeySecret: secret, MaxRetries: 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A configuration file and the environment set key pairs, strict mode and
// JSON request logs; every key pair reaches the same state.
func TestRunConfigFileAndEnvironment(t *testing.T) {
	ctx := context.Background()
	cfg := writeConfig(t, map[string]any{
		"access-key-id": "file-key", "access-key-secret": "file-secret",
		"keys":   map[string]string{"ci-account-b": "secret-b"},
		"strict": true, "log-format": "json", "log-requests": true,
	})
	url, logs, stop := startRun(t, nil, map[string]string{
		"FC_EMULATOR_CONFIG": cfg,
		// The environment wins over the file.
		"FC_EMULATOR_ACCESS_KEY_SECRET": "env-secret",
		"FC_EMULATOR_KEYS":              "ci-account-c:secret-c",
	})

	if _, _, err := clientFor(t, url, "file-key", "file-secret").CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("a")}); apiCode(err) != "SignatureNotMatch" {
		t.Errorf("the file's secret, overridden by the environment: %v, want SignatureNotMatch", err)
	}
	if _, _, err := clientFor(t, url, "file-key", "env-secret").CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("a")}); err != nil {
		t.Fatalf("the environment's secret: %v", err)
	}
	// FC_EMULATOR_KEYS replaced the file's keys (one source per setting).
	if _, _, err := clientFor(t, url, "ci-account-c", "secret-c").GetService(ctx, "a", ""); err != nil {
		t.Errorf("second key pair: %v", err)
	}
	if _, _, err := clientFor(t, url, "ci-account-b", "secret-b").GetService(ctx, "a", ""); apiCode(err) != "InvalidAccessKeyID" {
		t.Errorf("the file's key pair, overridden by the environment: %v, want InvalidAccessKeyID", err)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v", err)
	}

	// One JSON object a line; the request lines at info.
	var sawCreate bool
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %q", line)
		}
		if m["@message"] == "request" && m["operation"] == "CreateService" && m["@level"] == "info" {
			sawCreate = true
			if m["status"] == nil || m["request_id"] == nil || m["duration_ms"] == nil || m["method"] != "POST" {
				t.Errorf("request line %s", line)
			}
		}
		if strings.Contains(line, "env-secret") || strings.Contains(line, "secret-c") {
			t.Errorf("a secret is logged: %s", line)
		}
	}
	if !sawCreate {
		t.Errorf("no JSON request line for CreateService in:\n%s", logs)
	}
}

// -reset starts empty whatever the state file holds; POST
// /_emulator/reset wipes a running emulator; SIGTERM (here: the context)
// ends with the state file saved.
func TestRunResetAndShutdown(t *testing.T) {
	ctx := context.Background()
	state := filepath.Join(t.TempDir(), "state.json")

	url, _, stop := startRun(t, []string{"-state", state}, nil)
	c := clientFor(t, url, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret)
	for _, name := range []string{"kept", "wiped"} {
		if _, _, err := c.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr(name)}); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := http.Post(url+"/_emulator/reset", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /_emulator/reset: %d", resp.StatusCode)
	}
	if _, _, err := c.GetService(ctx, "wiped", ""); !fc.IsNotFound(err) {
		t.Errorf("after the reset: %v, want not found", err)
	}
	if _, _, err := c.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("kept")}); err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v", err)
	}

	// Restarted on the same file: what was written after the reset is there.
	url, _, stop = startRun(t, []string{"-state", state}, nil)
	c = clientFor(t, url, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret)
	if _, _, err := c.GetService(ctx, "kept", ""); err != nil {
		t.Errorf("after a restart: %v", err)
	}
	if _, _, err := c.GetService(ctx, "wiped", ""); !fc.IsNotFound(err) {
		t.Errorf("after a restart: wiped service %v, want not found", err)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v", err)
	}

	// -reset: empty, and the file says so at once.
	url, _, stop = startRun(t, []string{"-state", state, "-reset"}, nil)
	c = clientFor(t, url, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret)
	if list, err := c.ListServices(ctx, fc.ListOptions{}); err != nil || len(list) != 0 {
		t.Errorf("with -reset: %d services, %v; want none", len(list), err)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v", err)
	}
	b, err := os.ReadFile(state)
	if err != nil || strings.Contains(string(b), "kept") {
		t.Errorf("state file after -reset: %s, %v", b, err)
	}
}
