package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// childEnv makes the test binary run the emulator command itself (see
// TestMain), so that a test can kill a real emulator process.
const childEnv = "FC_EMULATOR_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		if err := run(context.Background(), strings.Split(args, "\x1f"), os.Getenv, os.Stdout, os.Stderr); err != nil {
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startChild starts the emulator as a child process on a free loopback port
// and returns it with its URL.
func startChild(t *testing.T, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join(append([]string{"-listen", "127.0.0.1:0"}, args...), "\x1f"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the listen line: %v", err)
	}
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !ok {
		t.Fatalf("listen line %q", line)
	}
	return cmd, url
}

func childClient(t *testing.T, url string) *fc.Client {
	t.Helper()
	c, err := fc.New(fc.Config{
		Endpoint:        url,
		AccountID:       emulator.DefaultAccountID,
		Region:          emulator.DefaultRegion,
		AccessKeyID:     emulator.DefaultAccessKeyID,
		AccessKeySecret: emulator.DefaultAccessKeySecret,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A write the emulator acknowledged survives SIGKILL: the state file is
// saved atomically before the answer is sent.
func TestStateSurvivesKill(t *testing.T) {
	ctx := context.Background()
	state := filepath.Join(t.TempDir(), "state.json")
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "index.py"), []byte("def handler(event, context):\n    return 'ok'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	zip, err := codepkg.ZipDir(src)
	if err != nil {
		t.Fatal(err)
	}

	first, url := startChild(t, "-state", state)
	c := childClient(t, url)
	if _, _, err := c.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		t.Fatal(err)
	}
	fn, etag, err := c.CreateFunction(ctx, "svc", &fc.Function{
		FunctionName: fc.Ptr("fn"),
		Runtime:      fc.Ptr("python3.10"),
		Handler:      fc.Ptr("index.handler"),
		Code:         &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()

	_, url = startChild(t, "-state", state)
	c = childClient(t, url)
	got, gotETag, err := c.GetFunction(ctx, "svc", "", "fn")
	if err != nil {
		t.Fatalf("after the kill: %v", err)
	}
	if gotETag != etag || *got.CodeChecksum != *fn.CodeChecksum || *got.CodeChecksum != codepkg.Checksum(zip) {
		t.Errorf("after the kill: etag %q checksum %q; want %q and %q", gotETag, *got.CodeChecksum, etag, *fn.CodeChecksum)
	}
	// The archive itself survived too (it lives in a file beside the state).
	code, err := c.GetFunctionCode(ctx, "svc", "", "fn")
	if err != nil {
		t.Fatalf("GetFunctionCode after the kill: %v", err)
	}
	resp, err := http.Get(code.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK || !bytes.Equal(body, zip) {
		t.Errorf("archive after the kill: status %d, %d bytes (err %v); want the %d bytes uploaded", resp.StatusCode, len(body), err, len(zip))
	}
}
