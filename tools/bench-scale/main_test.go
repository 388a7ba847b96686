package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// The floor's configuration differs from the provider's only in the
// source address, and terraform_data's carries the same values.
func TestConfigFor(t *testing.T) {
	o := options{n: 7, services: 3, parallelism: 10}
	fc, fl, td := configFor("fc", o, "/src"), configFor("floor", o, "/src"), configFor("terraform_data", o, "/src")
	if got := strings.Replace(fl, `"terraform-fc/floor"`, `"terraform-fc/fc"`, 1); got != fc {
		t.Errorf("floor config differs from fc beyond the source:\n%s\n---\n%s", fl, fc)
	}
	for _, want := range []string{`functions  = 7`, `services   = 3`, `source_dir = "/src"`, `runtime      = "python3.9"`, `description  = var.description`} {
		if !strings.Contains(fc, want) || !strings.Contains(td, want) {
			t.Errorf("%q missing from the fc or terraform_data configuration", want)
		}
	}
	if strings.Contains(td, "fc_") {
		t.Error("terraform_data configuration mentions an fc_ resource")
	}
}

func TestExpectApply(t *testing.T) {
	out := "...\nApply complete! Resources: 0 added, 5 changed, 0 destroyed.\n"
	if err := expectApply(out, 0, 5, 0); err != nil {
		t.Error(err)
	}
	if err := expectApply(out, 5, 0, 0); err == nil {
		t.Error("5 changed accepted as 5 added")
	}
	if err := expectApply("Error: boom", 0, 0, 0); err == nil {
		t.Error("no summary line accepted")
	}
}

func TestReadStat(t *testing.T) {
	comm, ppid, ticks, ok := readStat(os.Getpid())
	if !ok {
		t.Skip("no /proc")
	}
	if ppid != os.Getppid() || comm == "" || ticks < 0 {
		t.Errorf("readStat = %q, %d, %d; want parent %d", comm, ppid, ticks, os.Getppid())
	}
	if readHWM(os.Getpid()) <= 0 {
		t.Error("readHWM of this process is not positive")
	}
}

func TestTerraformEnv(t *testing.T) {
	env := terraformEnv([]string{"TF_LOG=TRACE", "TF_LOG_PROVIDER=DEBUG", "TF_CLI_CONFIG_FILE=/x", "ALICLOUD_ACCESS_KEY=k", "HOME=/h"}, "/rc", "http://127.0.0.1:1")
	joined := "\n" + strings.Join(env, "\n") + "\n"
	for _, gone := range []string{"TF_LOG=", "TF_LOG_PROVIDER=", "TF_CLI_CONFIG_FILE=/x", "ALICLOUD_ACCESS_KEY="} {
		if strings.Contains(joined, "\n"+gone) {
			t.Errorf("%s kept", gone)
		}
	}
	for _, want := range []string{"HOME=/h", "TF_CLI_CONFIG_FILE=/rc", "FC_ENDPOINT=http://127.0.0.1:1"} {
		if !strings.Contains(joined, "\n"+want+"\n") {
			t.Errorf("%s missing", want)
		}
	}
}

func TestMedian(t *testing.T) {
	rs := []result{
		{wall: 3 * time.Second, cpu: 9 * time.Second, provHWM: 300, provSeen: 2, emulatorCPU: 1},
		{wall: 1 * time.Second, cpu: 7 * time.Second, provHWM: 100, provSeen: 3, emulatorCPU: 3},
		{wall: 2 * time.Second, cpu: 8 * time.Second, provHWM: 200, provSeen: 1, emulatorCPU: 2},
	}
	got := median(rs)
	want := result{wall: 2 * time.Second, cpu: 8 * time.Second, provHWM: 200, provSeen: 3, emulatorCPU: 2}
	if got != want {
		t.Errorf("median = %+v, want %+v", got, want)
	}
	// An even count takes the lower middle value.
	if got := median(rs[:2]); got.wall != time.Second || got.provHWM != 100 {
		t.Errorf("median of two = %+v, want the lower of each", got)
	}
	if got := median(rs[:1]); got != rs[0] {
		t.Errorf("median of one = %+v, want %+v", got, rs[0])
	}
}

func TestParseFlagsRounds(t *testing.T) {
	o, err := parseFlags([]string{"-rounds", "3", "-n", "5"})
	if err != nil || o.rounds != 3 || o.n != 5 {
		t.Fatalf("parseFlags = %+v, %v; want rounds 3, n 5", o, err)
	}
	if o, err := parseFlags(nil); err != nil || o.rounds != 1 {
		t.Fatalf("default rounds = %d, %v; want 1", o.rounds, err)
	}
	if _, err := parseFlags([]string{"-rounds", "0"}); err == nil {
		t.Error("-rounds 0 accepted")
	}
}
