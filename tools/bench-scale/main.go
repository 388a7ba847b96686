// Command bench-scale (`make bench-scale`) measures what Terraform costs
// with terraform-provider-fc at scale against two floors: the same
// configuration of N functions in 10 services for
//
//   - fc: the provider (bin/terraform-provider-fc) against a local
//     emulator (bin/fc-emulator, in memory, default lenient mode);
//   - floor: a do-nothing provider with the same schemas
//     (internal/benchscale/floor, bin/terraform-provider-floor), the same
//     attribute values, only the source address differs;
//   - terraform_data: N+10 terraform_data resources whose input carries the
//     same values, Terraform's built-in provider and no plugin at all.
//
// Each goes through four phases, run one configuration after the other
// within each phase so that a busy moment of the machine is shared out:
// apply (create), plan with refresh and no change, an apply that changes
// the description of every function, destroy; all with -parallelism=10.
// For each it prints wall seconds, CPU seconds (user+sys of Terraform and
// the plugins it waited for, from the rusage of the Terraform process), the
// provider's peak RSS (VmHWM of Terraform's terraform-provider-* children,
// sampled from /proc while the phase runs) and the ratios fc/floor and
// fc/terraform_data, then the same as a Markdown table.
//
// With -rounds K it goes through the four phases K times (each round ends
// with everything destroyed) and the tables show each measure's median
// over the rounds, steadier than one round on a machine whose speed
// varies.
//
//	go run ./tools/bench-scale [-n 1000] [-parallelism 10] [-rounds 1] [-keep]
//
// Linux only (/proc). Nothing here is a test: it asserts only that each
// phase did what it should (counts of added/changed/destroyed resources, an
// empty plan), never a time.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// The emulator's default account and key pair (internal/emulator).
const (
	emulatorAccountID = "1234567890123456"
	emulatorRegion    = "cn-hangzhou"
	emulatorKeyID     = "emulator-key-id"
	emulatorKeySecret = "emulator-key-secret"
)

const (
	fcAddress    = "registry.terraform.io/terraform-fc/fc"
	floorAddress = "registry.terraform.io/terraform-fc/floor"
	// sourceDir is the one code directory every function shares.
	sourceDir = "internal/provider/testdata/function/hello"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bench-scale:", err)
		}
		os.Exit(1)
	}
}

type options struct {
	n, services, parallelism int
	rounds                   int
	sample                   time.Duration
	keep                     bool
}

func parseFlags(args []string) (options, error) {
	defN := 1000
	if v := os.Getenv("BENCH_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return options{}, fmt.Errorf("BENCH_N=%q: %w", v, err)
		}
		defN = n
	}
	var o options
	fs := flag.NewFlagSet("bench-scale", flag.ContinueOnError)
	fs.IntVar(&o.n, "n", defN, "number of functions (default from $BENCH_N, else 1000)")
	fs.IntVar(&o.services, "services", 10, "number of services the functions are spread over")
	fs.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism")
	fs.IntVar(&o.rounds, "rounds", 1, "rounds of the four phases; the tables show each measure's median over the rounds")
	fs.DurationVar(&o.sample, "sample", 100*time.Millisecond, "interval of the /proc samples of the provider processes")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary directory (configurations, state, logs)")
	if err := fs.Parse(args); err != nil {
		return options{}, err
	}
	if o.n < 1 || o.services < 1 || o.parallelism < 1 || o.rounds < 1 {
		return options{}, errors.New("-n, -services, -parallelism and -rounds must be positive")
	}
	return o, nil
}

// target is one of the three configurations.
type target struct {
	name string // fc, floor, terraform_data
	dir  string
}

// phase is one Terraform command of the benchmark.
type phase struct {
	name string
	args func(o options) []string
	// check verifies Terraform's output (and exit code) for target t.
	check func(o options, t target, out string, code int) error
}

// result is what one phase of one target measured.
type result struct {
	wall, cpu   time.Duration // cpu: user+sys of Terraform and its waited-for children
	tfMaxRSS    int64         // kB, max over Terraform and its children (rusage)
	provHWM     int64         // kB, max VmHWM of the provider processes seen; 0 if none
	provCPU     time.Duration // user+sys of the provider processes, as last sampled
	provSeen    int           // provider processes seen
	emulatorCPU time.Duration // user+sys the emulator spent during the phase (fc only)
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	root, err := os.Getwd()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fmt.Errorf("run from the repository root: %w", err)
	}
	src := filepath.Join(root, sourceDir)
	if _, err := os.Stat(src); err != nil {
		return err
	}

	work, err := os.MkdirTemp("", "fc-bench-scale.")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintf(stdout, "Keeping the work directory %s\n", work)
	} else {
		defer func() { _ = os.RemoveAll(work) }()
	}

	tfOut, err := exec.CommandContext(ctx, filepath.Join(root, "scripts/terraform.sh")).Output()
	if err != nil {
		return fmt.Errorf("scripts/terraform.sh: %w", err)
	}
	tf := strings.TrimSpace(string(tfOut))

	bin := filepath.Join(root, "bin")
	for _, b := range [][]string{
		{"-o", filepath.Join(bin, "terraform-provider-fc"), "."},
		{"-o", filepath.Join(bin, "terraform-provider-floor"), "./tools/bench-scale/floor"},
		{"-o", filepath.Join(bin, "fc-emulator"), "./tools/fc-emulator"},
	} {
		fmt.Fprintf(stdout, "go build %s\n", strings.Join(b, " "))
		cmd := exec.CommandContext(ctx, "go", append([]string{"build"}, b...)...)
		cmd.Dir, cmd.Stdout, cmd.Stderr = root, os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", b[len(b)-1], err)
		}
	}

	emu, err := startEmulator(ctx, filepath.Join(bin, "fc-emulator"), work)
	if err != nil {
		return err
	}
	defer emu.stop(stdout)

	rc := filepath.Join(work, "terraformrc")
	if err := os.WriteFile(rc, []byte(cliConfig(bin)), 0o600); err != nil {
		return err
	}
	env := terraformEnv(os.Environ(), rc, emu.address)

	targets := []target{
		{"fc", filepath.Join(work, "fc")},
		{"floor", filepath.Join(work, "floor")},
		{"terraform_data", filepath.Join(work, "terraform_data")},
	}
	for _, t := range targets {
		if err := os.MkdirAll(t.dir, 0o700); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(t.dir, "main.tf"), []byte(configFor(t.name, o, src)), 0o600); err != nil {
			return err
		}
	}

	m := machine(ctx, tf)
	m.n, m.services, m.parallelism = o.n, o.services, o.parallelism
	m.loadStart = loadAverage()
	fmt.Fprint(stdout, m.String())

	// The built-in provider needs no plugin, but Terraform wants the
	// working directory initialized; dev_overrides need no init.
	if _, _, err := runTerraform(ctx, tf, env, targets[2].dir, filepath.Join(work, "init.log"), o.sample, "init", "-input=false", "-no-color"); err != nil {
		return fmt.Errorf("terraform init (terraform_data): %w", err)
	}

	// Each round goes through the four phases (a round ends with
	// everything destroyed, so the next starts from nothing).
	all := map[string]map[string][]result{}
	for round := 1; round <= o.rounds; round++ {
		roundNote := ""
		if o.rounds > 1 {
			roundNote = fmt.Sprintf("round %d: ", round)
		}
		for _, p := range phases() {
			for _, t := range targets {
				logFile := filepath.Join(work, fmt.Sprintf("%s-%s-%d.log", t.name, strings.ReplaceAll(p.name, " ", "-"), round))
				before := emu.cpu()
				res, code, err := runTerraform(ctx, tf, env, t.dir, logFile, o.sample, p.args(o)...)
				if t.name == "fc" {
					res.emulatorCPU = emu.cpu() - before
				}
				if err != nil {
					return fmt.Errorf("%s%s %s: %w (log: %s)", roundNote, t.name, p.name, err, tail(logFile))
				}
				out, _ := os.ReadFile(logFile)
				if err := p.check(o, t, string(out), code); err != nil {
					return fmt.Errorf("%s%s %s: %w (log: %s)", roundNote, t.name, p.name, err, tail(logFile))
				}
				if all[p.name] == nil {
					all[p.name] = map[string][]result{}
				}
				all[p.name][t.name] = append(all[p.name][t.name], res)
				fmt.Fprintf(stdout, "%s%-14s %-15s wall %7.2fs  cpu %7.2fs  provider peak RSS %s  provider cpu >= %s%s\n",
					roundNote, t.name, p.name, res.wall.Seconds(), res.cpu.Seconds(), mib(res.provHWM), secs(res.provCPU, res.provSeen > 0),
					emulatorNote(t, res))
			}
		}
	}
	results := map[string]map[string]result{}
	for p, byTarget := range all {
		results[p] = map[string]result{}
		for t, rs := range byTarget {
			results[p][t] = median(rs)
		}
	}
	m.loadEnd = loadAverage()
	m.rounds = o.rounds
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, ratios(results))
	fmt.Fprintln(stdout)
	fmt.Fprint(stdout, markdown(m, results))
	return nil
}

func emulatorNote(t target, r result) string {
	if t.name != "fc" {
		return ""
	}
	return fmt.Sprintf("  (emulator cpu %.2fs)", r.emulatorCPU.Seconds())
}

var (
	applyRE   = regexp.MustCompile(`Apply complete! Resources: (\d+) added, (\d+) changed, (\d+) destroyed\.`)
	destroyRE = regexp.MustCompile(`Destroy complete! Resources: (\d+) destroyed\.`)
)

// expectApply checks Terraform's summary line of an apply.
func expectApply(out string, added, changed, destroyed int) error {
	m := applyRE.FindStringSubmatch(out)
	if m == nil {
		return errors.New("no \"Apply complete!\" line")
	}
	want := fmt.Sprintf("%d added, %d changed, %d destroyed", added, changed, destroyed)
	if got := fmt.Sprintf("%s added, %s changed, %s destroyed", m[1], m[2], m[3]); got != want {
		return fmt.Errorf("apply did %s, want %s", got, want)
	}
	return nil
}

func phases() []phase {
	common := func(o options) []string {
		return []string{"-input=false", "-no-color", "-compact-warnings", "-parallelism=" + strconv.Itoa(o.parallelism)}
	}
	ok := func(code int) error {
		if code != 0 {
			return fmt.Errorf("exit code %d", code)
		}
		return nil
	}
	return []phase{
		{
			name: "apply (create)",
			args: func(o options) []string {
				return append([]string{"apply", "-auto-approve", "-var=description=v1"}, common(o)...)
			},
			check: func(o options, _ target, out string, code int) error {
				if err := ok(code); err != nil {
					return err
				}
				return expectApply(out, o.n+o.services, 0, 0)
			},
		},
		{
			name: "plan (no change)",
			args: func(o options) []string {
				return append([]string{"plan", "-detailed-exitcode", "-var=description=v1"}, common(o)...)
			},
			check: func(_ options, _ target, out string, code int) error {
				if code == 2 {
					return errors.New("the plan after apply is not empty")
				}
				if err := ok(code); err != nil {
					return err
				}
				if !strings.Contains(out, "No changes.") {
					return errors.New(`no "No changes." in the plan`)
				}
				return nil
			},
		},
		{
			name: "update (apply)",
			args: func(o options) []string {
				return append([]string{"apply", "-auto-approve", "-var=description=v2"}, common(o)...)
			},
			check: func(o options, _ target, out string, code int) error {
				if err := ok(code); err != nil {
					return err
				}
				return expectApply(out, 0, o.n, 0)
			},
		},
		{
			name: "destroy",
			args: func(o options) []string {
				return append([]string{"destroy", "-auto-approve", "-var=description=v2"}, common(o)...)
			},
			check: func(o options, _ target, out string, code int) error {
				if err := ok(code); err != nil {
					return err
				}
				m := destroyRE.FindStringSubmatch(out)
				if m == nil {
					return errors.New(`no "Destroy complete!" line`)
				}
				if want := strconv.Itoa(o.n + o.services); m[1] != want {
					return fmt.Errorf("destroyed %s, want %s", m[1], want)
				}
				return nil
			},
		},
	}
}

// cliConfig points both provider addresses at bin/ (dev_overrides: no
// registry, no init).
func cliConfig(bin string) string {
	return fmt.Sprintf(`provider_installation {
  dev_overrides {
    %q = %q
    %q = %q
  }
  direct {}
}
`, fcAddress, bin, floorAddress, bin)
}

// terraformEnv is the environment of every Terraform run: the caller's,
// without any TF_LOG* setting (logs would change what is measured) or
// cloud credentials, with the CLI configuration and the emulator's
// endpoint and key pair.
func terraformEnv(environ []string, rc, endpoint string) []string {
	var env []string
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case k == "TF_LOG" || strings.HasPrefix(k, "TF_LOG_"),
			k == "TF_CLI_CONFIG_FILE", k == "TF_CLI_ARGS" || strings.HasPrefix(k, "TF_CLI_ARGS_"),
			strings.HasPrefix(k, "ALIBABA_CLOUD_"), strings.HasPrefix(k, "ALICLOUD_"), k == "FC_ENDPOINT":
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"TF_CLI_CONFIG_FILE="+rc,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"TF_INPUT=0",
		"FC_ENDPOINT="+endpoint,
		"ALIBABA_CLOUD_ACCESS_KEY_ID="+emulatorKeyID,
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET="+emulatorKeySecret,
		"ALIBABA_CLOUD_ACCOUNT_ID="+emulatorAccountID,
		"ALIBABA_CLOUD_REGION="+emulatorRegion,
		"ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true",
	)
}

// configFor returns the configuration of one target: the same values for
// all three, only the resource types (terraform_data) or the provider's
// source (floor) differ.
func configFor(name string, o options, src string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `variable "description" {
  type = string
}

locals {
  functions  = %d
  services   = %d
  source_dir = %q
}

`, o.n, o.services, src)
	if name == "terraform_data" {
		b.WriteString(`resource "terraform_data" "service" {
  count = local.services
  input = {
    name        = "bench-${count.index}"
    description = "bench-scale service"
  }
}

resource "terraform_data" "function" {
  count = local.functions
  input = {
    service_name = terraform_data.service[count.index % local.services].input.name
    name         = "fn-${count.index}"
    runtime      = "python3.9"
    handler      = "index.handler"
    memory_size  = 128
    timeout      = 10
    description  = var.description
    code = {
      source_dir = local.source_dir
    }
  }
}
`)
		return b.String()
	}
	source := "terraform-fc/fc"
	if name == "floor" {
		source = "terraform-fc/floor"
	}
	fmt.Fprintf(&b, `terraform {
  required_providers {
    fc = {
      source = %q
    }
  }
}

provider "fc" {}

resource "fc_service" "service" {
  count       = local.services
  name        = "bench-${count.index}"
  description = "bench-scale service"
}

resource "fc_function" "function" {
  count        = local.functions
  service_name = fc_service.service[count.index %% local.services].name
  name         = "fn-${count.index}"
  runtime      = "python3.9"
  handler      = "index.handler"
  memory_size  = 128
  timeout      = 10
  description  = var.description
  code = {
    source_dir = local.source_dir
  }
}
`, source)
	return b.String()
}

// runTerraform runs Terraform in dir with its output in logFile, sampling
// its provider children while it runs. A non-zero exit is returned as
// the code, not as an error.
func runTerraform(ctx context.Context, tf string, env []string, dir, logFile string, every time.Duration, args ...string) (result, int, error) {
	f, err := os.Create(logFile)
	if err != nil {
		return result{}, 0, err
	}
	defer func() { _ = f.Close() }()
	cmd := exec.CommandContext(ctx, tf, append([]string{"-chdir=" + dir}, args...)...)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, f, f
	// On interrupt let Terraform stop its plugins and write its state.
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = time.Minute

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, 0, err
	}
	s := newSampler(cmd.Process.Pid)
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	waitErr := cmd.Wait()
	wall := time.Since(start)
	close(done)
	<-sampled

	var res result
	res.wall = wall
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		res.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		res.tfMaxRSS = ru.Maxrss
	}
	res.provHWM, res.provCPU, res.provSeen = s.totals()
	var exitErr *exec.ExitError
	if errors.As(waitErr, &exitErr) && ctx.Err() == nil {
		return res, exitErr.ExitCode(), nil
	}
	return res, 0, waitErr
}

// sampler follows the provider processes (command name starting with
// terraform-provi, the kernel keeps 15 characters) whose parent is one
// Terraform process.
type sampler struct {
	parent int
	procs  map[int]procSample
}

type procSample struct {
	hwm   int64 // kB
	ticks int64 // utime+stime in clock ticks
}

func newSampler(parent int) *sampler {
	return &sampler{parent: parent, procs: map[int]procSample{}}
}

func (s *sampler) sample() {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		comm, ppid, ticks, ok := readStat(pid)
		if !ok || ppid != s.parent || !strings.HasPrefix(comm, "terraform-provi") {
			continue
		}
		hwm := readHWM(pid)
		p := s.procs[pid]
		p.hwm = max(p.hwm, hwm)
		p.ticks = max(p.ticks, ticks)
		s.procs[pid] = p
	}
}

// clockTicks is USER_HZ, 100 on every Linux architecture Go supports.
const clockTicks = 100

func (s *sampler) totals() (hwm int64, cpu time.Duration, seen int) {
	var ticks int64
	for _, p := range s.procs {
		hwm = max(hwm, p.hwm)
		ticks += p.ticks
	}
	return hwm, time.Duration(ticks) * time.Second / clockTicks, len(s.procs)
}

// readStat returns the command name, parent PID and utime+stime (ticks)
// from /proc/PID/stat.
func readStat(pid int) (comm string, ppid int, ticks int64, ok bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", 0, 0, false
	}
	open, closing := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
	if open < 0 || closing < open {
		return "", 0, 0, false
	}
	comm = string(b[open+1 : closing])
	// After "(comm) ": state ppid pgrp session tty_nr tpgid flags minflt
	// cminflt majflt cmajflt utime stime ...
	f := strings.Fields(string(b[closing+1:]))
	if len(f) < 13 {
		return "", 0, 0, false
	}
	ppid, err1 := strconv.Atoi(f[1])
	ut, err2 := strconv.ParseInt(f[11], 10, 64)
	st, err3 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return "", 0, 0, false
	}
	return comm, ppid, ut + st, true
}

// readHWM returns VmHWM (kB) from /proc/PID/status, 0 when unreadable.
func readHWM(pid int) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, found := strings.CutPrefix(sc.Text(), "VmHWM:"); found {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

// emulator is the running fc-emulator.
type emulator struct {
	cmd     *exec.Cmd
	address string
	log     string
}

func startEmulator(ctx context.Context, path, work string) (*emulator, error) {
	logPath := filepath.Join(work, "emulator.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, "-listen", "127.0.0.1:0",
		"-account-id", emulatorAccountID, "-region", emulatorRegion,
		"-access-key-id", emulatorKeyID, "-access-key-secret", emulatorKeySecret)
	cmd.Stderr = logFile
	out, err := cmd.StdoutPipe()
	if err != nil {
		_ = logFile.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		_ = logFile.Close()
		return nil, err
	}
	e := &emulator{cmd: cmd, log: logPath}
	// It prints "listening on http://HOST:PORT" once it accepts connections.
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sent := false
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "listening on "); ok && !sent {
				found <- strings.Fields(a)[0]
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case a, ok := <-found:
		if !ok {
			e.stop(io.Discard)
			return nil, fmt.Errorf("the emulator exited without an address (log: %s)", tail(logPath))
		}
		e.address = a
	case <-time.After(20 * time.Second):
		e.stop(io.Discard)
		return nil, errors.New("the emulator printed no address within 20s")
	case <-ctx.Done():
		e.stop(io.Discard)
		return nil, ctx.Err()
	}
	return e, nil
}

// cpu is the emulator's user+sys time so far.
func (e *emulator) cpu() time.Duration {
	_, _, ticks, ok := readStat(e.cmd.Process.Pid)
	if !ok {
		return 0
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// stop ends the emulator by its PID and waits for it.
func (e *emulator) stop(w io.Writer) {
	if e.cmd.ProcessState != nil {
		return
	}
	_ = e.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = e.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = e.cmd.Process.Kill()
		<-done
	}
	fmt.Fprintf(w, "Stopped the emulator (PID %d).\n", e.cmd.Process.Pid)
}

// tail returns the last lines of a log file, for an error message.
func tail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return path
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > 30 {
		lines = lines[len(lines)-30:]
	}
	return path + "\n" + strings.Join(lines, "\n")
}

// machineInfo describes where and when the figures were measured.
type machineInfo struct {
	cpus                     int
	cpuModel, goVersion, tf  string
	date                     string
	n, services, parallelism int
	rounds                   int
	loadStart, loadEnd       string
}

func machine(ctx context.Context, tf string) machineInfo {
	m := machineInfo{
		cpus:      runtime.NumCPU(),
		cpuModel:  "unknown",
		goVersion: runtime.Version(),
		tf:        "unknown",
		date:      time.Now().UTC().Format("2006-01-02 15:04 UTC"),
	}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpuModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.CommandContext(ctx, tf, "version", "-json").Output(); err == nil {
		var v struct {
			Version string `json:"terraform_version"`
		}
		if json.Unmarshal(out, &v) == nil && v.Version != "" {
			m.tf = "v" + v.Version
		}
	}
	return m
}

func (m machineInfo) String() string {
	return fmt.Sprintf("Machine: %d CPUs (nproc), %s; %s; Terraform %s; %s\n"+
		"N = %d functions in %d services, -parallelism=%d; load average at start: %s\n",
		m.cpus, m.cpuModel, m.goVersion, m.tf, m.date, m.n, m.services, m.parallelism, m.loadStart)
}

// loadAverage returns the 1, 5 and 15 minute load averages.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

var phaseNames = func() []string {
	var n []string
	for _, p := range phases() {
		n = append(n, p.name)
	}
	return n
}()

func mib(kb int64) string {
	if kb == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f MiB", float64(kb)/1024)
}

func secs(d time.Duration, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

func ratio(a, b float64) string {
	if a == 0 || b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func ratios(results map[string]map[string]result) string {
	var b strings.Builder
	b.WriteString("Ratios            wall fc/floor  fc/tf_data   cpu fc/floor  fc/tf_data   provider RSS fc/floor\n")
	for _, p := range phaseNames {
		r := results[p]
		fc, fl, td := r["fc"], r["floor"], r["terraform_data"]
		fmt.Fprintf(&b, "%-17s %13s %11s %14s %11s %23s\n", p,
			ratio(fc.wall.Seconds(), fl.wall.Seconds()), ratio(fc.wall.Seconds(), td.wall.Seconds()),
			ratio(fc.cpu.Seconds(), fl.cpu.Seconds()), ratio(fc.cpu.Seconds(), td.cpu.Seconds()),
			ratio(float64(fc.provHWM), float64(fl.provHWM)))
	}
	return b.String()
}

func markdown(m machineInfo, results map[string]map[string]result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "N = %d functions in %d services (+%d resources in all), `-parallelism=%d`. "+
		"%d CPUs, %s; %s; Terraform %s; %s; load average %s at the start, %s at the end.",
		m.n, m.services, m.n+m.services, m.parallelism, m.cpus, m.cpuModel, m.goVersion, m.tf, m.date, m.loadStart, m.loadEnd)
	if m.rounds > 1 {
		fmt.Fprintf(&b, " Each figure is the median of %d rounds.", m.rounds)
	}
	b.WriteString("\n\n")
	b.WriteString("| Phase | Measure | fc (emulator) | floor | terraform_data | fc / floor | fc / terraform_data |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|\n")
	for _, p := range phaseNames {
		r := results[p]
		fc, fl, td := r["fc"], r["floor"], r["terraform_data"]
		fmt.Fprintf(&b, "| %s | wall s | %.2f | %.2f | %.2f | %s | %s |\n", p,
			fc.wall.Seconds(), fl.wall.Seconds(), td.wall.Seconds(),
			ratio(fc.wall.Seconds(), fl.wall.Seconds()), ratio(fc.wall.Seconds(), td.wall.Seconds()))
		fmt.Fprintf(&b, "| | CPU s | %.2f | %.2f | %.2f | %s | %s |\n",
			fc.cpu.Seconds(), fl.cpu.Seconds(), td.cpu.Seconds(),
			ratio(fc.cpu.Seconds(), fl.cpu.Seconds()), ratio(fc.cpu.Seconds(), td.cpu.Seconds()))
		fmt.Fprintf(&b, "| | provider peak RSS | %s | %s | %s | %s | - |\n",
			mib(fc.provHWM), mib(fl.provHWM), mib(td.provHWM), ratio(float64(fc.provHWM), float64(fl.provHWM)))
		fmt.Fprintf(&b, "| | emulator CPU s | %.2f | - | - | - | - |\n", fc.emulatorCPU.Seconds())
	}
	b.WriteString("\nCPU s: user+sys of Terraform and the provider processes it waited for. " +
		"Provider peak RSS: the largest VmHWM of a provider process, sampled from /proc while the phase ran. " +
		"Emulator CPU s: the emulator's own, not in CPU s.\n")
	return b.String()
}

// median is the result whose every measure is the median of that measure
// over rs (the lower middle one for an even count); provSeen is the
// largest.
func median(rs []result) result {
	mid := func(vals []int64) int64 {
		slices.Sort(vals)
		return vals[(len(vals)-1)/2]
	}
	pick := func(f func(result) int64) int64 {
		vals := make([]int64, len(rs))
		for i, r := range rs {
			vals[i] = f(r)
		}
		return mid(vals)
	}
	var out result
	out.wall = time.Duration(pick(func(r result) int64 { return int64(r.wall) }))
	out.cpu = time.Duration(pick(func(r result) int64 { return int64(r.cpu) }))
	out.tfMaxRSS = pick(func(r result) int64 { return r.tfMaxRSS })
	out.provHWM = pick(func(r result) int64 { return r.provHWM })
	out.provCPU = time.Duration(pick(func(r result) int64 { return int64(r.provCPU) }))
	out.emulatorCPU = time.Duration(pick(func(r result) int64 { return int64(r.emulatorCPU) }))
	for _, r := range rs {
		out.provSeen = max(out.provSeen, r.provSeen)
	}
	return out
}
