package main

import (
	"bufio"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestRunFaultFlags(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-listen", "127.0.0.1:0", "-fault-rate", "1", "-fault-kinds", "throttle",
			"-fault-ops", "ListServices", "-fault-seed", "3"},
			func(string) string { return "" }, pw, io.Discard)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the listen line: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	url := strings.TrimPrefix(strings.TrimSpace(line), "listening on ")

	client, err := fc.New(fc.Config{
		Endpoint: url, AccountID: emulator.DefaultAccountID, Region: emulator.DefaultRegion,
		AccessKeyID: emulator.DefaultAccessKeyID, AccessKeySecret: emulator.DefaultAccessKeySecret,
		MaxRetries: 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.ListServices(ctx, fc.ListOptions{}); !fc.IsThrottled(err) {
		t.Errorf("ListServices under -fault-rate 1 -fault-kinds throttle: %v, want throttled", err)
	}
	// Not in -fault-ops: answered.
	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("s")}); err != nil {
		t.Errorf("CreateService (not selected): %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
}

func TestRunRejectsInvalidFaultFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-fault-rate", "1.5"},
		{"-fault-kinds", "teapot"},
		{"-fault-ops", "CreateWidget"},
	} {
		err := run(context.Background(), append([]string{"-listen", "127.0.0.1:0"}, args...),
			func(string) string { return "" }, io.Discard, io.Discard)
		if err == nil {
			t.Errorf("run %v: no error", args)
		}
	}
}
