package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestRunServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	env := map[string]string{envAccessKeyID: "from-env"}
	state := filepath.Join(t.TempDir(), "state.json")
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-listen", "127.0.0.1:0", "-state", state, "-log-level", "debug"},
			func(k string) string { return env[k] }, pw, io.Discard)
		pw.Close()
	}()

	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the listen line: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	if !ok || !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0") {
		t.Fatalf("listen line %q", line)
	}

	resp, err := http.Get(url + "/_emulator/health")
	if err != nil {
		t.Fatal(err)
	}
	var health map[string]string
	_ = json.NewDecoder(resp.Body).Decode(&health)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || health["status"] != "ok" {
		t.Fatalf("health: %d %v", resp.StatusCode, health)
	}

	// The API is signed: an unsigned call is refused with an FC error.
	resp, err = http.Get(url + "/2016-08-15/services")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusForbidden {
		t.Fatalf("unsigned API call: %d", resp.StatusCode)
	}

	// A request signed by the provider's own client is answered.
	client, err := fc.New(fc.Config{
		Endpoint:        url,
		AccountID:       emulator.DefaultAccountID,
		Region:          emulator.DefaultRegion,
		AccessKeyID:     "from-env",
		AccessKeySecret: emulator.DefaultAccessKeySecret,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, etag, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("signed")}); err != nil || etag == "" {
		t.Fatalf("signed CreateService: etag %q, %v", etag, err)
	}
	if got, _, err := client.GetService(ctx, "signed", ""); err != nil || got.ServiceName == nil || *got.ServiceName != "signed" {
		t.Fatalf("signed GetService: %+v, %v", got, err)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancel")
	}
}

func TestRunRejectsBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-log-level", "loud"},
		{"-listen", "not-an-address"},
		{"extra"},
		{"-no-such-flag"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			err := run(context.Background(), args, func(string) string { return "" }, io.Discard, io.Discard)
			if err == nil {
				t.Fatal("run accepted bad arguments")
			}
		})
	}
}
