package emulator

import (
	"bufio"
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
)

// The runtime runs function code for InvokeFunction (invoke.go): an
// instance is one runner process (runner_python.py, runner_node.js) that
// loads the function's code, unpacked once per code checksum into a cache
// directory, and serves invocations over JSON lines on its standard input
// and output. Instances are kept warm per function, version and
// configuration; each serves up to the function's instanceConcurrency
// invocations at once, and a pool grows to InvokeOptions.MaxInstances.
// Every process is ended (its process group killed) when its instance is
// retired, idle for InvokeOptions.IdleTimeout, times out, or the server
// closes.

//go:embed runner_python.py
var runnerPython []byte

//go:embed runner_node.js
var runnerNode []byte

// Defaults of InvokeOptions.
const (
	DefaultMaxInstances = 10
	DefaultIdleTimeout  = 10 * time.Minute
)

// InvokeOptions configures how InvokeFunction runs code.
type InvokeOptions struct {
	// Disabled refuses to run code: InvokeFunction answers 501
	// InvocationDisabled (-invoke=off).
	Disabled bool
	// CacheDir is where code archives are unpacked, one directory per code
	// checksum; empty = a temporary directory that Close removes.
	CacheDir string
	// Python and Node are the interpreters; empty = python3 and node on
	// PATH.
	Python, Node string
	// MaxInstances bounds the instances of one function version; 0 =
	// DefaultMaxInstances. Invocations beyond their capacity wait.
	MaxInstances int
	// IdleTimeout stops an instance that served nothing for this long;
	// 0 = DefaultIdleTimeout.
	IdleTimeout time.Duration
	// Seed, when not 0, makes the choice of version behind a weighted
	// alias reproducible.
	Seed uint64
}

// runnerKind is how one family of runtimes runs.
type runnerKind struct {
	// language names it in messages ("Python").
	language string
	// interpreter returns the command; args are placed before the script.
	interpreter func(o *InvokeOptions) string
	script      []byte
	scriptName  string
	args        func(spec *functionSpec) []string
}

var (
	pythonRunner = &runnerKind{
		language:    "Python",
		interpreter: func(o *InvokeOptions) string { return firstNonEmpty(o.Python, "python3") },
		script:      runnerPython, scriptName: "runner_python.py",
		args: func(*functionSpec) []string { return []string{"-u"} },
	}
	nodeRunner = &runnerKind{
		language:    "Node.js",
		interpreter: func(o *InvokeOptions) string { return firstNonEmpty(o.Node, "node") },
		script:      runnerNode, scriptName: "runner_node.js",
		args: func(spec *functionSpec) []string {
			if spec.memoryMB > 0 {
				return []string{"--max-old-space-size=" + strconv.FormatInt(spec.memoryMB, 10)}
			}
			return nil
		},
	}
)

// runnerFor returns how a runtime runs, or nil when the emulator cannot run
// it.
func runnerFor(runtime string) *runnerKind {
	switch {
	case runtime == "python3" || strings.HasPrefix(runtime, "python3."):
		return pythonRunner
	case strings.HasPrefix(runtime, "nodejs"):
		return nodeRunner
	}
	return nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// poolKey names the instances of one function version: version is
// "LATEST" or a version ID.
type poolKey struct{ service, function, version string }

// functionSpec is everything an instance needs, read from the state when
// the invocation arrives.
type functionSpec struct {
	key poolKey
	// fingerprint changes with the function's or the service's
	// configuration: instances of an older fingerprint are retired.
	fingerprint  string
	runtime      string
	runner       *runnerKind
	handler      string
	initializer  string
	timeout      time.Duration
	initTimeout  time.Duration
	memoryMB     int64
	concurrency  int
	env          map[string]string
	codeChecksum string
	code         []byte
	layers       []layerCode
	// context is the static part of the handler's context (function,
	// service, region, account, credentials).
	context map[string]any
}

// layerCode is one layer's archive.
type layerCode struct {
	checksum string
	data     []byte
}

// pool holds the instances of one poolKey.
type pool struct {
	fingerprint string
	instances   []*instance
	// changed is closed (and replaced) whenever capacity frees up.
	changed chan struct{}
}

func (p *pool) signal() {
	close(p.changed)
	p.changed = make(chan struct{})
}

// invoker owns the pools, the code cache and the asynchronous jobs.
type invoker struct {
	opts InvokeOptions
	log  hclog.Logger
	now  func() time.Time

	// mu guards pools, all, closed, the instances' inflight, lastUsed and
	// retired fields, the stateful records (stateful.go) and rng. The
	// server's mu may be held when taking it, never the other way round.
	mu      sync.Mutex
	pools   map[poolKey]*pool
	all     map[*instance]bool
	closed  bool
	janitor bool

	// ctx ends with Close: asynchronous jobs and waits stop.
	ctx    context.Context
	cancel context.CancelFunc
	// wg counts the goroutines to wait for on Close: process reapers and
	// asynchronous jobs.
	wg sync.WaitGroup

	cacheMu    sync.Mutex
	cacheDir   string
	ownedCache bool

	// rng picks the version behind a weighted alias.
	rng *rand.Rand
	// stateful holds the stateful invocations (stateful.go).
	stateful statefulStore
}

func newInvoker(opts InvokeOptions, log hclog.Logger, now func() time.Time) *invoker {
	if opts.MaxInstances <= 0 {
		opts.MaxInstances = DefaultMaxInstances
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = DefaultIdleTimeout
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &invoker{
		opts: opts, log: log.Named("invoke"), now: now,
		pools: map[poolKey]*pool{}, all: map[*instance]bool{},
		ctx: ctx, cancel: cancel,
		rng: newRand(opts.Seed),
	}
}

var errInvokerClosed = errors.New("the emulator is shutting down")

// close ends every process, waits for them and for the asynchronous jobs,
// and removes a temporary code cache.
func (inv *invoker) close() {
	inv.mu.Lock()
	inv.closed = true
	for in := range inv.all {
		in.kill()
	}
	inv.mu.Unlock()
	inv.cancel()
	inv.wg.Wait()
	inv.cacheMu.Lock()
	defer inv.cacheMu.Unlock()
	if inv.ownedCache && inv.cacheDir != "" {
		_ = os.RemoveAll(inv.cacheDir)
		inv.cacheDir = ""
	}
}

// cache returns the cache directory, creating it on first use.
func (inv *invoker) cache() (string, error) {
	inv.cacheMu.Lock()
	defer inv.cacheMu.Unlock()
	if inv.cacheDir != "" {
		return inv.cacheDir, nil
	}
	if inv.opts.CacheDir != "" {
		if err := os.MkdirAll(inv.opts.CacheDir, 0o700); err != nil {
			return "", err
		}
		abs, err := filepath.Abs(inv.opts.CacheDir)
		if err != nil {
			return "", err
		}
		inv.cacheDir = abs
		return abs, nil
	}
	dir, err := os.MkdirTemp("", "fc-emulator-code-")
	if err != nil {
		return "", err
	}
	inv.cacheDir, inv.ownedCache = dir, true
	return dir, nil
}

// prepare returns the runner script's path, the code directory and the
// layers' directories, unpacking what is not in the cache yet. The cache
// lock serializes unpacking, so each checksum is unpacked once.
func (inv *invoker) prepare(spec *functionSpec) (script, codeDir string, layerDirs []string, err error) {
	dir, err := inv.cache()
	if err != nil {
		return "", "", nil, fmt.Errorf("creating the code cache: %w", err)
	}
	inv.cacheMu.Lock()
	defer inv.cacheMu.Unlock()
	sum := sha256.Sum256(spec.runner.script)
	script = filepath.Join(dir, "runners", hex.EncodeToString(sum[:6])+"-"+spec.runner.scriptName)
	if _, statErr := os.Stat(script); statErr != nil {
		if err := os.MkdirAll(filepath.Dir(script), 0o700); err != nil {
			return "", "", nil, fmt.Errorf("writing the runner: %w", err)
		}
		if err := writeFileAtomic(script, spec.runner.script); err != nil {
			return "", "", nil, fmt.Errorf("writing the runner: %w", err)
		}
	}
	codeDir, err = unpackOnce(filepath.Join(dir, "code"), spec.codeChecksum, spec.code)
	if err != nil {
		return "", "", nil, fmt.Errorf("unpacking the code (checksum %s): %w", spec.codeChecksum, err)
	}
	for _, l := range spec.layers {
		ld, err := unpackOnce(filepath.Join(dir, "layers"), l.checksum, l.data)
		if err != nil {
			return "", "", nil, fmt.Errorf("unpacking a layer (checksum %s): %w", l.checksum, err)
		}
		layerDirs = append(layerDirs, ld)
	}
	return script, codeDir, layerDirs, nil
}

// invokeResult is the outcome of one invocation.
type invokeResult struct {
	body []byte
	// errorType is UnhandledInvocationError or HandledInvocationError when
	// the function failed; body is then the error payload.
	errorType  string
	log        string
	duration   time.Duration
	instanceID string
	maxRSSKB   int64
}

func (r *invokeResult) failed() bool { return r.errorType != "" }

// failure builds the result of an invocation that failed outside the
// handler (a timeout, a crash).
func failure(errorType, message string, extra map[string]any) *invokeResult {
	payload := map[string]any{"errorMessage": message}
	for k, v := range extra {
		payload[k] = v
	}
	b, _ := json.Marshal(payload)
	return &invokeResult{body: b, errorType: errorType}
}

const (
	errorTypeUnhandled = "UnhandledInvocationError"
	errorTypeHandled   = "HandledInvocationError"
)

// run runs one invocation: it takes an instance with free capacity (or
// starts one), sends the event, and waits for the answer up to the
// function's timeout. ctx stops waiting (StopStatefulAsyncInvocation):
// the instance running the invocation is then ended.
func (inv *invoker) run(ctx context.Context, spec *functionSpec, requestID string, event []byte, callContext map[string]any) (*invokeResult, error) {
	in, err := inv.acquire(ctx, spec, requestID)
	if err != nil {
		return nil, err
	}
	defer inv.release(in)
	select {
	case <-in.ready:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if in.initFailure != nil {
		res := *in.initFailure
		res.instanceID = in.id
		res.log = in.takeInitLog() + res.log
		return &res, nil
	}
	initLog := in.takeInitLog()
	res := in.invoke(ctx, spec, requestID, event, callContext)
	res.log = initLog + "FC Invoke Start RequestId: " + requestID + "\n" + res.log + "FC Invoke End RequestId: " + requestID + "\n"
	res.instanceID = in.id
	return res, nil
}

// acquire returns an instance of spec's pool with a free slot, starting
// one when the pool has room, else waiting for one.
func (inv *invoker) acquire(ctx context.Context, spec *functionSpec, requestID string) (*instance, error) {
	for {
		inv.mu.Lock()
		if inv.closed {
			inv.mu.Unlock()
			return nil, errInvokerClosed
		}
		p := inv.pools[spec.key]
		if p == nil {
			p = &pool{fingerprint: spec.fingerprint, changed: make(chan struct{})}
			inv.pools[spec.key] = p
		}
		if p.fingerprint != spec.fingerprint {
			// The function or its service changed: the old instances serve
			// what they have and end.
			for _, old := range p.instances {
				inv.retireLocked(old)
			}
			p.instances = nil
			p.fingerprint = spec.fingerprint
			p.signal()
		}
		for _, in := range p.instances {
			if !in.retired && !in.dead() && in.inflight < in.concurrency {
				in.inflight++
				in.lastUsed = inv.now()
				inv.mu.Unlock()
				return in, nil
			}
		}
		if len(p.instances) < inv.opts.MaxInstances {
			in := newInstance(spec)
			in.inflight = 1
			in.lastUsed = inv.now()
			p.instances = append(p.instances, in)
			inv.all[in] = true
			inv.startJanitorLocked()
			inv.mu.Unlock()
			if err := inv.start(in, spec, requestID); err != nil {
				inv.mu.Lock()
				inv.removeLocked(in)
				inv.mu.Unlock()
				return nil, err
			}
			return in, nil
		}
		ch := p.changed
		inv.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-inv.ctx.Done():
			return nil, errInvokerClosed
		}
	}
}

// release gives back an instance's slot.
func (inv *invoker) release(in *instance) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	in.inflight--
	in.lastUsed = inv.now()
	if in.retired && in.inflight == 0 {
		in.kill()
	}
	if p := inv.pools[in.key]; p != nil {
		p.signal()
	}
}

// retireLocked takes an instance out of service: it is ended now when idle,
// else when its last invocation ends.
func (inv *invoker) retireLocked(in *instance) {
	in.retired = true
	if in.inflight == 0 {
		in.kill()
	}
}

// removeLocked forgets an instance (its process is gone or never started).
func (inv *invoker) removeLocked(in *instance) {
	in.retired = true
	delete(inv.all, in)
	if p := inv.pools[in.key]; p != nil {
		for i, x := range p.instances {
			if x == in {
				p.instances = append(p.instances[:i], p.instances[i+1:]...)
				break
			}
		}
		p.signal()
	}
}

// startJanitorLocked starts the goroutine that ends idle instances.
func (inv *invoker) startJanitorLocked() {
	if inv.janitor {
		return
	}
	inv.janitor = true
	every := min(inv.opts.IdleTimeout/2, time.Minute)
	inv.wg.Add(1)
	go func() {
		defer inv.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-inv.ctx.Done():
				return
			case <-t.C:
				inv.reapIdle()
			}
		}
	}()
}

func (inv *invoker) reapIdle() {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	now := inv.now()
	for in := range inv.all {
		if in.inflight == 0 && now.Sub(in.lastUsed) >= inv.opts.IdleTimeout {
			inv.log.Debug("stopping an idle instance", "instance_id", in.id, "service", in.key.service, "function", in.key.function)
			inv.retireLocked(in)
		}
	}
}

// liveInstance is one instance ListInstances reports.
type liveInstance struct {
	id      string
	version string
}

// instances returns the instances in service for a function at the given
// versions whose configuration is current (fingerprints by version),
// sorted by ID.
func (inv *invoker) instances(service, function string, fingerprints map[string]string) []liveInstance {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	var out []liveInstance
	for version, fp := range fingerprints {
		p := inv.pools[poolKey{service, function, version}]
		if p == nil || p.fingerprint != fp {
			continue
		}
		for _, in := range p.instances {
			if !in.retired && !in.dead() {
				out = append(out, liveInstance{id: in.id, version: version})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// instance is one runner process.
type instance struct {
	id          string
	key         poolKey
	concurrency int

	// Guarded by invoker.mu.
	inflight int
	lastUsed time.Time
	retired  bool

	// ready is closed once the initializer ran (or failed: initFailure).
	ready       chan struct{}
	initFailure *invokeResult

	mu      sync.Mutex
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	waiting map[string]chan *runnerReply
	initLog string
	killed  bool
	// done is set once the process has been waited for.
	done     bool
	timedOut string // the request whose timeout ended the process
	// exited is closed when the process has ended.
	exited chan struct{}
	// stderr keeps the last output of the process outside invocations.
	stderr tailBuffer
}

func newInstance(spec *functionSpec) *instance {
	c := spec.concurrency
	if c < 1 {
		c = 1
	}
	return &instance{
		id:          "c-" + newID()[:8] + "-" + strings.ReplaceAll(newID(), "-", "")[:24],
		key:         spec.key,
		concurrency: c,
		ready:       make(chan struct{}),
		waiting:     map[string]chan *runnerReply{},
		exited:      make(chan struct{}),
	}
}

// runnerReply is one line the runner writes.
type runnerReply struct {
	Type     string          `json:"type"`
	ID       string          `json:"id"`
	OK       bool            `json:"ok"`
	Body     string          `json:"body"`
	Log      string          `json:"log"`
	Error    json.RawMessage `json:"error"`
	Handled  bool            `json:"handled"`
	MaxRSSKB int64           `json:"maxRssKB"`
}

// startupTimeout bounds the start of an interpreter (a busy machine can
// take seconds).
const startupTimeout = 60 * time.Second

// maxReplyLine bounds one line from a runner (a result is base64 in it).
const maxReplyLine = 64 << 20

// start starts the runner process of in and sends it the init message; the
// initializer's outcome closes in.ready.
func (inv *invoker) start(in *instance, spec *functionSpec, requestID string) error {
	interpreter := spec.runner.interpreter(&inv.opts)
	path, err := exec.LookPath(interpreter)
	if err != nil {
		return fmt.Errorf("%s is not on the emulator's PATH: %w", interpreter, err)
	}
	script, codeDir, layerDirs, err := inv.prepare(spec)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "fc-emulator-instance-")
	if err != nil {
		return err
	}
	args := append(spec.runner.args(spec), script)
	cmd := exec.Command(path, args...)
	cmd.Dir = codeDir
	cmd.Env = instanceEnv(spec, in.id, codeDir, tmp)
	setProcessGroup(cmd)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	cmd.Stderr = &in.stderr
	if err := cmd.Start(); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("starting %s: %w", interpreter, err)
	}
	in.mu.Lock()
	in.cmd, in.stdin = cmd, stdin
	in.mu.Unlock()
	inv.log.Debug("instance started", "instance_id", in.id, "pid", cmd.Process.Pid,
		"service", spec.key.service, "function", spec.key.function, "version", spec.key.version)

	initReply := make(chan *runnerReply, 1)
	started := make(chan struct{})
	inv.wg.Add(2)
	go func() {
		defer inv.wg.Done()
		in.readReplies(stdout, started, initReply)
	}()
	go func() {
		defer inv.wg.Done()
		err := cmd.Wait()
		in.mu.Lock()
		// What the function started outside the runner goes with it.
		killProcessGroup(cmd)
		in.killed, in.done = true, true
		waiting := in.waiting
		in.waiting = map[string]chan *runnerReply{}
		in.mu.Unlock()
		close(in.exited)
		for _, ch := range waiting {
			close(ch)
		}
		os.RemoveAll(tmp)
		inv.log.Debug("instance ended", "instance_id", in.id, "pid", cmd.Process.Pid, "error", err)
		inv.mu.Lock()
		inv.removeLocked(in)
		inv.mu.Unlock()
	}()

	init := map[string]any{
		"type": "init", "codeDir": codeDir, "paths": layerPaths(spec.runner, layerDirs),
		"handler": spec.handler, "initializer": spec.initializer, "memoryMB": spec.memoryMB,
		"context": spec.context, "requestId": requestID,
	}
	if err := in.send(init); err != nil {
		in.kill()
		return fmt.Errorf("starting the instance: %w", err)
	}
	go func() {
		defer close(in.ready)
		// The interpreter's start-up does not count against the
		// initializationTimeout: the runner says when it is running.
		startup := time.NewTimer(startupTimeout)
		defer startup.Stop()
		select {
		case <-started:
		case <-startup.C:
			in.initFailure = failure(errorTypeUnhandled, fmt.Sprintf("the %s runtime did not start within %s", spec.runner.language, startupTimeout), nil)
			in.kill()
			return
		case <-in.exited:
			in.initFailure = failure(errorTypeUnhandled, "the instance ended while starting: "+in.stderr.last(), nil)
			return
		}
		timer := time.NewTimer(spec.initTimeout)
		defer timer.Stop()
		select {
		case r, ok := <-initReply:
			if !ok || r == nil {
				in.initFailure = failure(errorTypeUnhandled, "the instance ended while initializing: "+in.stderr.last(), nil)
				return
			}
			in.mu.Lock()
			if spec.initializer != "" {
				in.initLog = "FC Initialize Start RequestId: " + requestID + "\n" + r.Log + "FC Initialize End RequestId: " + requestID + "\n"
			}
			in.mu.Unlock()
			if !r.OK {
				res := &invokeResult{body: r.Error, errorType: errorTypeUnhandled}
				if len(res.body) == 0 {
					res.body = []byte(`{"errorMessage":"the initializer failed"}`)
				}
				in.initFailure = res
				in.kill()
			}
		case <-timer.C:
			in.initFailure = failure(errorTypeUnhandled,
				fmt.Sprintf("Function initialization timed out after %d seconds", int64(spec.initTimeout/time.Second)), nil)
			in.kill()
		case <-in.exited:
			in.initFailure = failure(errorTypeUnhandled, "the instance ended while initializing: "+in.stderr.last(), nil)
		}
	}()
	return nil
}

// layerPaths are the import directories of the layers (FC mounts layers
// under /opt: Python imports from /opt/python, Node.js from
// /opt/nodejs/node_modules).
func layerPaths(r *runnerKind, dirs []string) []string {
	var out []string
	for _, d := range dirs {
		if r == nodeRunner {
			out = append(out, filepath.Join(d, "nodejs", "node_modules"), filepath.Join(d, "node_modules"))
			continue
		}
		out = append(out, filepath.Join(d, "python"), d)
	}
	return out
}

// instanceEnv is the environment of a runner: a minimal one (the
// emulator's own variables, credentials included, are not passed on), FC's
// variables, and the function's environmentVariables.
func instanceEnv(spec *functionSpec, instanceID, codeDir, tmp string) []string {
	env := map[string]string{
		"PATH":                    os.Getenv("PATH"),
		"LANG":                    "C.UTF-8",
		"HOME":                    tmp,
		"TMPDIR":                  tmp,
		"PYTHONUNBUFFERED":        "1",
		"PYTHONDONTWRITEBYTECODE": "1",
		"FC_FUNC_CODE_PATH":       codeDir,
		"FC_SERVICE_NAME":         spec.key.service,
		"FC_FUNCTION_NAME":        spec.key.function,
		"FC_FUNCTION_HANDLER":     spec.handler,
		"FC_FUNCTION_MEMORY_SIZE": strconv.FormatInt(spec.memoryMB, 10),
		"FC_INSTANCE_ID":          instanceID,
		"FC_RUNTIME":              spec.runtime,
	}
	for _, k := range []string{"SYSTEMROOT", "WINDIR"} { // what interpreters need on Windows
		if v := os.Getenv(k); v != "" {
			env[k] = v
		}
	}
	if c, ok := spec.context["region"].(string); ok {
		env["FC_REGION"] = c
	}
	if c, ok := spec.context["account_id"].(string); ok {
		env["FC_ACCOUNT_ID"] = c
	}
	for k, v := range spec.env {
		env[k] = v
	}
	out := make([]string, 0, len(env))
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

func (in *instance) send(msg any) error {
	b, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.killed || in.stdin == nil {
		return errors.New("the instance has ended")
	}
	_, err = in.stdin.Write(append(b, '\n'))
	return err
}

// readReplies dispatches the runner's replies until its output closes.
func (in *instance) readReplies(stdout io.Reader, started chan<- struct{}, initReply chan<- *runnerReply) {
	defer close(initReply)
	startedOnce := false
	r := bufio.NewReaderSize(stdout, 64<<10)
	for {
		line, err := readLine(r, maxReplyLine)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				in.kill()
			}
			_, _ = io.Copy(io.Discard, r)
			return
		}
		var rep runnerReply
		if json.Unmarshal(line, &rep) != nil {
			continue
		}
		switch rep.Type {
		case "started":
			if !startedOnce {
				startedOnce = true
				close(started)
			}
		case "init":
			select {
			case initReply <- &rep:
			default:
			}
		case "result":
			in.mu.Lock()
			ch := in.waiting[rep.ID]
			delete(in.waiting, rep.ID)
			in.mu.Unlock()
			if ch != nil {
				ch <- &rep
			}
		}
	}
}

// readLine reads one line of at most limit bytes.
func readLine(r *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, isPrefix, err := r.ReadLine()
		if err != nil {
			return nil, err
		}
		line = append(line, chunk...)
		if len(line) > limit {
			return nil, fmt.Errorf("a runner reply exceeds %d bytes", limit)
		}
		if !isPrefix {
			return line, nil
		}
	}
}

// takeInitLog returns the initializer's log once, for the invocation that
// started the instance.
func (in *instance) takeInitLog() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	l := in.initLog
	in.initLog = ""
	return l
}

// invoke sends one invocation and waits for its reply, the function's
// timeout, the end of the process or ctx.
func (in *instance) invoke(ctx context.Context, spec *functionSpec, requestID string, event []byte, callContext map[string]any) *invokeResult {
	ch := make(chan *runnerReply, 1)
	in.mu.Lock()
	if in.killed {
		in.mu.Unlock()
		return failure(errorTypeUnhandled, "the instance ended before the invocation started", nil)
	}
	in.waiting[requestID] = ch
	in.mu.Unlock()
	start := time.Now()
	msg := map[string]any{"type": "invoke", "id": requestID, "event": base64.StdEncoding.EncodeToString(event),
		"context": callContext}
	if err := in.send(msg); err != nil {
		return failure(errorTypeUnhandled, "the instance ended before the invocation started", nil)
	}
	timer := time.NewTimer(spec.timeout)
	defer timer.Stop()
	select {
	case r, ok := <-ch:
		elapsed := time.Since(start)
		if !ok || r == nil {
			return in.endedResult(requestID, elapsed)
		}
		res := &invokeResult{log: r.Log, duration: elapsed, maxRSSKB: r.MaxRSSKB}
		if r.OK {
			body, err := base64.StdEncoding.DecodeString(r.Body)
			if err != nil {
				return failure(errorTypeUnhandled, "the runtime returned a result that is not base64", nil)
			}
			res.body = body
			return res
		}
		res.body = r.Error
		res.errorType = errorTypeUnhandled
		if r.Handled {
			res.errorType = errorTypeHandled
		}
		return res
	case <-timer.C:
		in.mu.Lock()
		in.timedOut = requestID
		in.mu.Unlock()
		in.kill()
		res := failure(errorTypeUnhandled, fmt.Sprintf("Function timed out after %d seconds", int64(spec.timeout/time.Second)), nil)
		res.duration = time.Since(start)
		res.log = "Function time out. RequestId: " + requestID + "\n"
		return res
	case <-ctx.Done():
		in.kill()
		res := failure(errorTypeUnhandled, "the invocation was stopped", nil)
		res.duration = time.Since(start)
		return res
	}
}

// endedResult is the result of an invocation whose process ended first.
func (in *instance) endedResult(requestID string, elapsed time.Duration) *invokeResult {
	in.mu.Lock()
	timedOut := in.timedOut
	in.mu.Unlock()
	msg := "Process exited unexpectedly before completing request"
	if timedOut != "" && timedOut != requestID {
		msg = "the instance was stopped because invocation " + timedOut + " on it timed out"
	}
	if last := in.stderr.last(); last != "" {
		msg += ": " + last
	}
	res := failure(errorTypeUnhandled, msg, nil)
	res.duration = elapsed
	return res
}

// kill ends the process and its process group (by PID). Safe to call more
// than once and before the process started.
func (in *instance) kill() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.killed = true
	if in.stdin != nil {
		_ = in.stdin.Close()
	}
	if in.cmd != nil && in.cmd.Process != nil && !in.done {
		killProcessGroup(in.cmd)
	}
}

// dead reports whether the process was killed or has ended.
func (in *instance) dead() bool {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.killed
}

// tailBuffer keeps the last bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

const tailBufferSize = 4 << 10

func (b *tailBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) > tailBufferSize {
		b.buf = append([]byte(nil), b.buf[len(b.buf)-tailBufferSize:]...)
	}
	return len(p), nil
}

// last returns the last line written, trimmed.
func (b *tailBuffer) last() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := strings.TrimSpace(string(b.buf))
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// newRand returns the alias router's generator: seeded when seed is not 0.
func newRand(seed uint64) *rand.Rand {
	if seed == 0 {
		return rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

var execLookPath = exec.LookPath
