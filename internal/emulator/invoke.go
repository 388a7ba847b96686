package emulator

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// InvokeFunction (reference 3.2 and 9.3): the emulator runs the code of
// python3 runtimes (and nodejs ones when node is on PATH) in runner
// processes (runtime.go). Sync invocations answer the result; async ones
// answer 202 and run in the background, retried, and tracked as stateful
// invocations when the async-invoke config says so (stateful.go).

// Headers of InvokeFunction.
const (
	headerInvocationType        = "X-Fc-Invocation-Type"
	headerLogType               = "X-Fc-Log-Type"
	headerLogResult             = "X-Fc-Log-Result"
	headerErrorType             = "X-Fc-Error-Type"
	headerInstanceID            = "X-Fc-Instance-Id"
	headerInvocationDuration    = "X-Fc-Invocation-Duration"
	headerInvocationCodeVersion = "X-Fc-Invocation-Code-Version"
	headerMaxMemoryUsage        = "X-Fc-Max-Memory-Usage"
	headerStatefulID            = "X-Fc-Stateful-Async-Invocation-Id"
	headerStatefulEnable        = "X-Fc-Stateful-Async-Invocation-Enable"
)

// logTailBytes is how much of an invocation's log X-Fc-Log-Result carries
// (reference 3.2: the last 4 KB).
const logTailBytes = 4 << 10

// Error codes of InvokeFunction the documents do not give (invented).
const (
	codeInvocationDisabled  = "InvocationDisabled"
	codeRuntimeNotSupported = "RuntimeNotSupported"
	codeRuntimeNotAvailable = "RuntimeNotAvailable"
)

// rawBodyOperations take any bytes as their body: router.go skips the
// JSON Content-Type check for them.
var rawBodyOperations = map[string]bool{"InvokeFunction": true}

// statefulIDRE is the rule of a stateful invocation ID (reference 8.7 #46).
var statefulIDRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,127}$`)

// Close ends the processes the emulator started for InvokeFunction and
// waits for them and for the asynchronous invocations in flight, then
// removes its temporary code cache. The server can still answer API
// requests afterwards, but no longer runs code.
func (s *Server) Close() {
	s.invoke.close()
}

// invocationRequest is what the headers of an invocation ask.
type invocationRequest struct {
	async      bool
	logTail    bool
	statefulID string
	// stateful is the X-Fc-Stateful-Async-Invocation-Enable header: nil
	// when absent (the async-invoke config decides).
	stateful *bool
}

func parseInvocationHeaders(h http.Header) (*invocationRequest, *apiError) {
	out := &invocationRequest{}
	switch v := h.Get(headerInvocationType); strings.ToLower(v) {
	case "", "sync":
	case "async":
		out.async = true
	default:
		return nil, errInvalidArgument("%s must be Sync or Async, got '%s'", headerInvocationType, v)
	}
	switch v := h.Get(headerLogType); strings.ToLower(v) {
	case "", "none":
	case "tail":
		out.logTail = true
	default:
		return nil, errInvalidArgument("%s must be Tail or None, got '%s'", headerLogType, v)
	}
	if v := h.Get(headerStatefulID); v != "" {
		if !statefulIDRE.MatchString(v) {
			return nil, errInvalidArgument("%s '%s' is invalid: use 1 to 128 letters, digits, '_' or '-', starting with a letter or '_'", headerStatefulID, v)
		}
		out.statefulID = v
	}
	if v := h.Get(headerStatefulEnable); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, errInvalidArgument("%s must be true or false, got '%s'", headerStatefulEnable, v)
		}
		out.stateful = &b
	}
	return out, nil
}

// invocationTarget is what an invocation resolved to.
type invocationTarget struct {
	spec *functionSpec
	// qualifier is as invoked ("LATEST" when absent); version is the
	// version that runs ("LATEST" or an ID).
	qualifier, version string
	// functionID keys the stateful invocations (a function created again
	// under the same name has a new ID and none of the old records).
	functionID string
	// async is the async-invoke config at the qualifier, or nil.
	async *fc.AsyncInvokeConfig
}

func (s *Server) invokeFunction(c *call) *apiError {
	req, e := parseInvocationHeaders(c.r.Header)
	if e != nil {
		return e
	}
	function := c.params["function"]
	s.mu.Lock()
	target, e := s.invocationTarget(c.service, c.qualifier, function)
	s.mu.Unlock()
	if e != nil {
		return e
	}
	if e := s.invoke.runnable(target.spec); e != nil {
		return e
	}
	if req.async {
		return s.invokeAsync(c, target, req)
	}
	res, err := s.invoke.run(context.Background(), target.spec, c.requestID, c.body, target.callContext(c.requestID))
	if err != nil {
		return newError(http.StatusInternalServerError, codeInternalServerError,
			"the emulator could not run function '%s' of service '%s': %v", function, c.service, err)
	}
	h := c.w.Header()
	h.Set("Content-Type", "application/octet-stream")
	if res.failed() {
		h.Set("Content-Type", contentTypeJSON)
		h.Set(headerErrorType, res.errorType)
	}
	if target.spec.codeChecksum != "" {
		h.Set(headerCodeChecksum, target.spec.codeChecksum)
	}
	h.Set(headerInstanceID, res.instanceID)
	h.Set(headerInvocationDuration, strconv.FormatInt(res.duration.Milliseconds(), 10))
	h.Set(headerInvocationCodeVersion, target.version)
	if res.maxRSSKB > 0 {
		h.Set(headerMaxMemoryUsage, strconv.FormatFloat(float64(res.maxRSSKB)/1024, 'f', 2, 64))
	}
	if req.logTail {
		h.Set(headerLogResult, base64.StdEncoding.EncodeToString([]byte(logTail(res.log))))
	}
	s.log.Debug("function invoked", "service", c.service, "function", function, "version", target.version,
		"instance_id", res.instanceID, "error_type", res.errorType, "duration", res.duration, "request_id", c.requestID)
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(res.body)
	return nil
}

// logTail returns the last logTailBytes of a log, starting at a character
// boundary.
func logTail(log string) string {
	if len(log) <= logTailBytes {
		return log
	}
	t := log[len(log)-logTailBytes:]
	for len(t) > 0 && !utf8.RuneStart(t[0]) {
		t = t[1:]
	}
	return t
}

// callContext is the part of the handler's context that depends on the
// invocation: its request ID and the service as invoked.
func (t *invocationTarget) callContext(requestID string) map[string]any {
	svc := map[string]any{}
	for k, v := range t.spec.context["service"].(map[string]any) {
		svc[k] = v
	}
	svc["qualifier"] = t.qualifier
	return map[string]any{"request_id": requestID, "service": svc}
}

// invocationTarget resolves an invocation under s.mu: the qualifier
// (LATEST, a version, or an alias, which picks a version by its weights),
// the function there, its code and layers.
func (s *Server) invocationTarget(service, qualifier, function string) (*invocationTarget, *apiError) {
	if qualifier == "" {
		qualifier = qualifierLatest
	}
	if isDigits(qualifier) {
		qualifier = canonicalVersionID(qualifier)
	}
	svc, e := s.st.service(service)
	if e != nil {
		return nil, e
	}
	resolve := qualifier
	if qualifier != qualifierLatest && !isDigits(qualifier) {
		alias, ok := svc.Aliases[qualifier]
		if !ok {
			return nil, errNotFound(kindAlias, service, qualifier)
		}
		resolve = s.invoke.pickVersion(deref(alias.Alias.VersionID), alias.Alias.AdditionalVersionWeight)
	}
	view, e := s.st.resolveQualifier(service, resolve)
	if e != nil {
		return nil, e
	}
	fn, ok := view.functions[function]
	if !ok {
		return nil, errNotFound(kindFunction, service, function)
	}
	version := qualifierLatest
	if view.versionID != "" {
		version = view.versionID
	}
	t := &invocationTarget{qualifier: qualifier, version: version, functionID: deref(fn.Function.FunctionID)}
	if latest := svc.Functions[function]; latest != nil {
		t.functionID = deref(latest.Function.FunctionID)
		if rec := latest.AsyncConfigs[qualifier]; rec != nil {
			cfg := clone(rec.Config)
			t.async = &cfg
		}
	}
	t.spec = s.functionSpec(service, view, version, fn)
	return t, nil
}

// functionSpec builds what an instance of fn needs.
func (s *Server) functionSpec(service string, view *serviceView, version string, fn *functionRecord) *functionSpec {
	f := fn.Function
	timeout := deref(f.Timeout)
	if timeout <= 0 {
		timeout = 3
	}
	initTimeout := deref(f.InitializationTimeout)
	if initTimeout <= 0 {
		initTimeout = 3
	}
	versionID := ""
	if version != qualifierLatest {
		versionID = version
	}
	var logProject, logStore string
	if lc := view.service.LogConfig; lc != nil {
		logProject, logStore = lc.Project, lc.Logstore
	}
	spec := &functionSpec{
		key:          poolKey{service: service, function: deref(f.FunctionName), version: version},
		fingerprint:  invocationFingerprint(fn, view),
		runtime:      deref(f.Runtime),
		runner:       runnerFor(deref(f.Runtime)),
		handler:      deref(f.Handler),
		initializer:  deref(f.Initializer),
		timeout:      time.Duration(timeout) * time.Second,
		initTimeout:  time.Duration(initTimeout) * time.Second,
		memoryMB:     deref(f.MemorySize),
		concurrency:  int(max(1, deref(f.InstanceConcurrency))),
		env:          f.EnvironmentVariables,
		codeChecksum: deref(f.CodeChecksum),
		code:         s.st.Blobs[fn.CodeRef],
		context: map[string]any{
			"region":     s.opts.Region,
			"account_id": s.opts.AccountID,
			// The emulator has no STS: the credentials of the service's role
			// are placeholders.
			"credentials": map[string]any{
				"access_key_id":     "emulator-placeholder-access-key-id",
				"access_key_secret": "emulator-placeholder-access-key-secret",
				"security_token":    "emulator-placeholder-security-token",
			},
			"function": map[string]any{
				"name": deref(f.FunctionName), "handler": deref(f.Handler), "memory": deref(f.MemorySize),
				"timeout": timeout, "initializer": deref(f.Initializer), "initialization_timeout": initTimeout,
			},
			"service": map[string]any{
				"name": service, "log_project": logProject, "log_store": logStore,
				"qualifier": version, "version_id": versionID,
			},
		},
	}
	if spec.key.function == "" {
		spec.key.function = "?"
	}
	for _, arn := range f.LayersArnV2 {
		m := layerARNV2RE.FindStringSubmatch(arn)
		if m == nil || m[2] == layerOwnerOfficial {
			continue // official layers are not available offline
		}
		if lv, e := lookup[*layerVersionRecord](s.st, kindLayerVersion, m[3], m[4]); e == nil {
			spec.layers = append(spec.layers, layerCode{checksum: deref(lv.Layer.CodeChecksum), data: s.st.Blobs[lv.CodeRef]})
		}
	}
	return spec
}

// invocationFingerprint identifies the configuration instances of fn run
// with: a function or service update gives both new ETags, a version
// snapshot keeps its own.
func invocationFingerprint(fn *functionRecord, view *serviceView) string {
	return fn.ETag + "/" + view.serviceETag
}

// runnable refuses what the emulator does not run.
func (inv *invoker) runnable(spec *functionSpec) *apiError {
	if inv.opts.Disabled {
		return newError(http.StatusNotImplemented, codeInvocationDisabled,
			"the emulator was started with -invoke=off: it does not run function code")
	}
	if spec.runner == nil || len(spec.code) == 0 {
		return newError(http.StatusNotImplemented, codeRuntimeNotSupported,
			"the emulator runs Python (python3, python3.9, python3.10) and, when node is on its PATH, Node.js functions; "+
				"function '%s' has runtime '%s'", spec.key.function, spec.runtime)
	}
	name := spec.runner.interpreter(&inv.opts)
	if _, err := lookPath(name); err != nil {
		return newError(http.StatusNotImplemented, codeRuntimeNotAvailable,
			"function '%s' has runtime '%s', which the emulator runs with %s, and %s is not on the emulator's PATH",
			spec.key.function, spec.runtime, name, name)
	}
	return nil
}

// pickVersion chooses the version an invocation of an alias runs: each
// additional version with its weight, the primary version otherwise.
func (inv *invoker) pickVersion(primary string, weights map[string]float64) string {
	if len(weights) == 0 {
		return primary
	}
	keys := make([]string, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	inv.mu.Lock()
	r := inv.rng.Float64()
	inv.mu.Unlock()
	acc := 0.0
	for _, k := range keys {
		acc += weights[k]
		if r < acc {
			return k
		}
	}
	return primary
}

// invokeAsync accepts an asynchronous invocation (202) and runs it in the
// background: once, then again up to maxAsyncRetryAttempts times (the
// config's, else 3) while it fails, with no delay between attempts. With
// statefulInvocation on (or X-Fc-Stateful-Async-Invocation-Enable: true)
// it is recorded as a stateful invocation.
func (s *Server) invokeAsync(c *call, t *invocationTarget, req *invocationRequest) *apiError {
	retries := int64(defaultAsyncRetryAttempts)
	stateful := false
	if t.async != nil {
		if t.async.MaxAsyncRetryAttempts != nil {
			retries = *t.async.MaxAsyncRetryAttempts
		}
		stateful = deref(t.async.StatefulInvocation)
	}
	if req.stateful != nil {
		stateful = *req.stateful
	}
	ctx, cancel := context.WithCancel(s.invoke.ctx)
	var rec *statefulRecord
	if stateful {
		id := req.statefulID
		if id == "" {
			id = newID()
		}
		var e *apiError
		rec, e = s.invoke.newStateful(t, id, c.requestID, c.body, cancel, s.now())
		if e != nil {
			cancel()
			return e
		}
		c.w.Header().Set(headerStatefulID, id)
	}
	s.invoke.mu.Lock()
	closed := s.invoke.closed
	if !closed {
		s.invoke.wg.Add(1)
	}
	s.invoke.mu.Unlock()
	if closed {
		cancel()
		return newError(http.StatusServiceUnavailable, "ServiceUnavailable", "%v", errInvokerClosed)
	}
	go func() {
		defer s.invoke.wg.Done()
		defer cancel()
		s.invoke.runAsync(ctx, t, c.requestID, c.body, retries, rec, s.now)
	}()
	c.w.WriteHeader(http.StatusAccepted)
	return nil
}

// runAsync runs the attempts of an asynchronous invocation.
func (inv *invoker) runAsync(ctx context.Context, t *invocationTarget, requestID string, event []byte, retries int64, rec *statefulRecord, now func() time.Time) {
	for attempt := int64(0); ; attempt++ {
		inv.statefulEvent(rec, "Invoking", fmt.Sprintf("attempt %d", attempt+1), now())
		res, err := inv.run(ctx, t.spec, requestID, event, t.callContext(requestID))
		switch {
		case inv.stopRequested(rec):
			inv.finishStateful(rec, fc.InvocationStatusStopped, nil, "stopped by StopStatefulAsyncInvocation", now())
			return
		case err != nil:
			inv.finishStateful(rec, fc.InvocationStatusFailed, nil, err.Error(), now())
			return
		case !res.failed():
			inv.log.Debug("async invocation succeeded", "request_id", requestID, "attempts", attempt+1)
			inv.finishStateful(rec, fc.InvocationStatusSucceeded, res, "", now())
			return
		case attempt >= retries:
			inv.log.Debug("async invocation failed", "request_id", requestID, "attempts", attempt+1)
			inv.finishStateful(rec, fc.InvocationStatusFailed, res, errorMessageOf(res.body), now())
			return
		}
		inv.retryStateful(rec, res, errorMessageOf(res.body), now())
	}
}

// lookPath is exec.LookPath, replaceable in tests.
var lookPath = execLookPath
