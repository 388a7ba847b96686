package emulator

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// requirePython skips a test that runs function code when python3 is not
// on PATH.
func requirePython(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH: the emulator runs Python handlers with it; install python3 to run this test")
	}
}

// pythonFunction is a CreateFunction body for a python3.10 function whose
// index.py is source.
func pythonFunction(t *testing.T, name, source string, extra map[string]any) map[string]any {
	t.Helper()
	body := map[string]any{
		"functionName": name,
		"runtime":      "python3.10",
		"handler":      "index.handler",
		"timeout":      60,
		"code":         map[string]any{"zipFile": base64.StdEncoding.EncodeToString(makeZip(t, map[string]string{"index.py": source}))},
	}
	for k, v := range extra {
		body[k] = v
	}
	return body
}

// invokeServer returns a server with service "svc" and function "fn"
// running source.
func invokeServer(t *testing.T, source string, extra map[string]any, mutate ...func(*Options)) *Server {
	t.Helper()
	requirePython(t)
	s := newTestServer(t, mutate...)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", pythonFunction(t, "fn", source, extra))
	return s
}

const invokePath = api + "/services/svc/functions/fn/invocations"

func invoke(t *testing.T, s *Server, path string, event string, opts ...reqOption) *testResponse {
	t.Helper()
	var body any
	if event != "" {
		body = event
	}
	return do(t, s, http.MethodPost, path, body, opts...)
}

// invocationError is the error payload of a failed invocation.
type invocationError struct {
	ErrorMessage string   `json:"errorMessage"`
	ErrorType    string   `json:"errorType"`
	StackTrace   []string `json:"stackTrace"`
}

func expectFunctionError(t *testing.T, r *testResponse, errorType string) invocationError {
	t.Helper()
	if r.Status != http.StatusOK {
		t.Fatalf("status %d %s, want 200 with X-Fc-Error-Type", r.Status, r.Body)
	}
	if got := r.Header.Get("X-Fc-Error-Type"); got != errorType {
		t.Fatalf("X-Fc-Error-Type = %q, want %q (body %s)", got, errorType, r.Body)
	}
	var e invocationError
	r.Decode(t, &e)
	return e
}

func expectResult(t *testing.T, r *testResponse, want string) {
	t.Helper()
	if r.Status != http.StatusOK || r.Header.Get("X-Fc-Error-Type") != "" {
		t.Fatalf("status %d, X-Fc-Error-Type %q, body %s; want a result", r.Status, r.Header.Get("X-Fc-Error-Type"), r.Body)
	}
	if string(r.Body) != want {
		t.Fatalf("result %q, want %q", r.Body, want)
	}
}

func logResult(t *testing.T, r *testResponse) string {
	t.Helper()
	v := r.Header.Get("X-Fc-Log-Result")
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		t.Fatalf("X-Fc-Log-Result %q is not base64: %v", v, err)
	}
	return string(b)
}

func TestInvokeFunction_returnsTheResultAndKeepsTheInstanceWarm(t *testing.T) {
	s := invokeServer(t, `
def handler(event, context):
    return b"got " + event + b" in " + context.function.name.encode() + b" of " + context.service.name.encode()
`, nil)
	r := invoke(t, s, invokePath, "ping")
	expectResult(t, r, "got ping in fn of svc")
	first := r.Header.Get("X-Fc-Instance-Id")
	if first == "" || r.Header.Get("X-Fc-Invocation-Code-Version") != "LATEST" || r.Header.Get("X-Fc-Code-Checksum") == "" {
		t.Errorf("headers %v", r.Header)
	}
	// Under the 2021-04-06 prefix, on the bare path of the 2016-08-15
	// document too.
	r = invoke(t, s, "/2021-04-06/services/svc/functions/fn?qualifier=LATEST", "again")
	expectResult(t, r, "got again in fn of svc")
	if got := r.Header.Get("X-Fc-Instance-Id"); got != first {
		t.Errorf("second invocation ran on instance %s, want the warm %s", got, first)
	}
	var list []instance2016
	do(t, s, http.MethodGet, api+"/services/svc/functions/fn/instances", nil).Decode(t, &list)
	if len(list) != 1 || list[0].InstanceID != first || list[0].VersionID != 0 {
		t.Errorf("ListInstances = %+v, want the one warm instance %s under LATEST", list, first)
	}
}

func TestInvokeFunction_unhandledError(t *testing.T) {
	s := invokeServer(t, `
def handler(event, context):
    raise ValueError("bad event: " + event.decode())
`, nil)
	e := expectFunctionError(t, invoke(t, s, invokePath, "x", withHeader("X-Fc-Log-Type", "Tail")), "UnhandledInvocationError")
	if e.ErrorType != "ValueError" || e.ErrorMessage != "bad event: x" || len(e.StackTrace) == 0 || !strings.Contains(e.StackTrace[0], "index.py") {
		t.Errorf("error payload %+v", e)
	}
}

func TestInvokeFunction_timeout(t *testing.T) {
	s := invokeServer(t, `
import time
def handler(event, context):
    if event == b"sleep":
        time.sleep(5)
    return "awake"
`, map[string]any{"timeout": 1})
	r := invoke(t, s, invokePath, "sleep")
	e := expectFunctionError(t, r, "UnhandledInvocationError")
	if !strings.Contains(e.ErrorMessage, "timed out after 1 seconds") {
		t.Errorf("errorMessage %q", e.ErrorMessage)
	}
	timedOut := r.Header.Get("X-Fc-Instance-Id")
	// The instance that timed out was ended; the next call gets a new one.
	r = invoke(t, s, invokePath, "now")
	expectResult(t, r, "awake")
	if r.Header.Get("X-Fc-Instance-Id") == timedOut {
		t.Errorf("the instance that timed out served again")
	}
}

func TestInvokeFunction_logTail(t *testing.T) {
	s := invokeServer(t, `
import logging
def handler(event, context):
    print("printed", event.decode())
    logging.getLogger().info("logged")
    if event == b"long":
        for i in range(2000):
            print("line", i)
    return "ok"
`, nil)
	r := invoke(t, s, invokePath, "short", withHeader("X-Fc-Log-Type", "Tail"))
	expectResult(t, r, "ok")
	log := logResult(t, r)
	id := r.Header.Get("X-Fc-Request-Id")
	for _, want := range []string{"FC Invoke Start RequestId: " + id, "printed short\n", id + " [INFO] logged", "FC Invoke End RequestId: " + id} {
		if !strings.Contains(log, want) {
			t.Errorf("log tail %q lacks %q", log, want)
		}
	}
	r = invoke(t, s, invokePath, "long", withHeader("X-Fc-Log-Type", "Tail"))
	log = logResult(t, r)
	if len(log) > 4096 || !strings.Contains(log, "line 1999\n") || strings.Contains(log, "line 1\n") {
		t.Errorf("log tail of %d bytes, want the last 4 KB: ...%s", len(log), log[max(0, len(log)-200):])
	}
	if r := invoke(t, s, invokePath, "quiet"); r.Header.Get("X-Fc-Log-Result") != "" {
		t.Errorf("X-Fc-Log-Result without X-Fc-Log-Type: Tail")
	}
	expectError(t, invoke(t, s, invokePath, "x", withHeader("X-Fc-Log-Type", "Head")), http.StatusBadRequest, codeInvalidArgument)
}

func TestInvokeFunction_environmentVariablesAndContext(t *testing.T) {
	s := invokeServer(t, `
import json, os
def handler(event, context):
    return json.dumps({
        "greeting": os.environ.get("GREETING"),
        "emulator_secret": os.environ.get("FC_EMULATOR_ACCESS_KEY_SECRET"),
        "code_path": os.environ.get("FC_FUNC_CODE_PATH") == os.getcwd(),
        "request_id": context.request_id,
        "memory": context.function.memory,
        "qualifier": context.service.qualifier,
        "account_id": context.account_id,
        "region": context.region,
        "has_key": bool(context.credentials.access_key_id),
    })
`, map[string]any{"environmentVariables": map[string]string{"GREETING": "hola"}, "memorySize": 256})
	t.Setenv("FC_EMULATOR_ACCESS_KEY_SECRET", "must-not-leak")
	r := invoke(t, s, invokePath, "{}")
	var got map[string]any
	r.Decode(t, &got)
	want := map[string]any{
		"greeting": "hola", "emulator_secret": nil, "code_path": true, "request_id": r.Header.Get("X-Fc-Request-Id"),
		"memory": float64(256), "qualifier": "LATEST", "account_id": DefaultAccountID, "region": DefaultRegion, "has_key": true,
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v (all: %v)", k, got[k], v, got)
		}
	}
}

func TestInvokeFunction_initializerRunsOncePerInstance(t *testing.T) {
	s := invokeServer(t, `
state = {"init": 0, "calls": 0}
def init(context):
    print("initializing", context.function.name)
    state["init"] += 1
def handler(event, context):
    state["calls"] += 1
    return "%d:%d" % (state["init"], state["calls"])
`, map[string]any{"initializer": "index.init"})
	r := invoke(t, s, invokePath, "a", withHeader("X-Fc-Log-Type", "Tail"))
	expectResult(t, r, "1:1")
	if log := logResult(t, r); !strings.Contains(log, "FC Initialize Start") || !strings.Contains(log, "initializing fn") {
		t.Errorf("cold start log %q lacks the initializer's", log)
	}
	r = invoke(t, s, invokePath, "b", withHeader("X-Fc-Log-Type", "Tail"))
	expectResult(t, r, "1:2")
	if log := logResult(t, r); strings.Contains(log, "FC Initialize Start") {
		t.Errorf("warm invocation log %q shows the initializer", log)
	}
}

func TestInvokeFunction_initializerFailure(t *testing.T) {
	s := invokeServer(t, `
def init(context):
    raise RuntimeError("no database")
def handler(event, context):
    return "never"
`, map[string]any{"initializer": "index.init"})
	for range 2 { // the instance is discarded; the next invocation initializes again
		e := expectFunctionError(t, invoke(t, s, invokePath, "a"), "UnhandledInvocationError")
		if e.ErrorType != "RuntimeError" || e.ErrorMessage != "no database" {
			t.Errorf("error %+v", e)
		}
	}
}

func TestInvokeFunction_handlerNotFoundAndImportError(t *testing.T) {
	s := invokeServer(t, "def other(event, context):\n    return 'x'\n", nil)
	e := expectFunctionError(t, invoke(t, s, invokePath, "a"), "UnhandledInvocationError")
	if e.ErrorType != "HandlerNotFound" || !strings.Contains(e.ErrorMessage, "'handler'") {
		t.Errorf("missing handler: %+v", e)
	}
	mustCreateFunction(t, s, "svc", pythonFunction(t, "broken", "import no_such_module\n", nil))
	e = expectFunctionError(t, invoke(t, s, api+"/services/svc/functions/broken/invocations", "a"), "UnhandledInvocationError")
	if e.ErrorType != "ImportModuleError" || !strings.Contains(e.ErrorMessage, "no_such_module") {
		t.Errorf("import error: %+v", e)
	}
}

func TestInvokeFunction_updateStartsNewInstances(t *testing.T) {
	s := invokeServer(t, "def handler(event, context):\n    return 'v1'\n", nil)
	r := invoke(t, s, invokePath, "")
	expectResult(t, r, "v1")
	old := r.Header.Get("X-Fc-Instance-Id")
	code := base64.StdEncoding.EncodeToString(makeZip(t, map[string]string{"index.py": "def handler(event, context):\n    return 'v2'\n"}))
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"code": map[string]any{"zipFile": code}}))
	r = invoke(t, s, invokePath, "")
	expectResult(t, r, "v2")
	if r.Header.Get("X-Fc-Instance-Id") == old {
		t.Error("the instance of the old code served the new code")
	}
	var list []instance2016
	do(t, s, http.MethodGet, api+"/services/svc/functions/fn/instances", nil).Decode(t, &list)
	if len(list) != 1 || list[0].InstanceID != r.Header.Get("X-Fc-Instance-Id") {
		t.Errorf("ListInstances = %+v, want only the new instance", list)
	}
}

func TestInvokeFunction_versionsAndWeightedAlias(t *testing.T) {
	s := invokeServer(t, "def handler(event, context):\n    return 'v1'\n", nil, func(o *Options) { o.Invoke.Seed = 7 })
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/versions", map[string]any{}))
	code := base64.StdEncoding.EncodeToString(makeZip(t, map[string]string{"index.py": "def handler(event, context):\n    return 'v2'\n"}))
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"code": map[string]any{"zipFile": code}}))
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/versions", map[string]any{}))
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases",
		map[string]any{"aliasName": "canary", "versionId": "1", "additionalVersionWeight": map[string]float64{"2": 0.3}}))

	expectResult(t, invoke(t, s, api+"/services/svc.1/functions/fn/invocations", ""), "v1")
	r := invoke(t, s, "/2021-04-06/services/svc/functions/fn/invocations?qualifier=2", "")
	expectResult(t, r, "v2")
	if got := r.Header.Get("X-Fc-Invocation-Code-Version"); got != "2" {
		t.Errorf("X-Fc-Invocation-Code-Version = %q, want 2", got)
	}

	counts := map[string]int{}
	const n = 200
	for range n {
		r := invoke(t, s, api+"/services/svc.canary/functions/fn/invocations", "")
		counts[string(r.Body)]++
		if want := map[string]string{"v1": "1", "v2": "2"}[string(r.Body)]; r.Header.Get("X-Fc-Invocation-Code-Version") != want {
			t.Fatalf("result %s from version %s", r.Body, r.Header.Get("X-Fc-Invocation-Code-Version"))
		}
	}
	// 30% of 200 is 60 (standard deviation 6.5): the seeded draw must land
	// near it.
	if counts["v2"] < 40 || counts["v2"] > 80 || counts["v1"]+counts["v2"] != n {
		t.Errorf("canary (version 2 at weight 0.3) served %v over %d invocations, want about 60 from version 2", counts, n)
	}
	var page listInstancesResponse
	do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions/fn/instances?qualifier=canary", nil).Decode(t, &page)
	versions := map[string]bool{}
	for _, in := range page.Instances {
		versions[string(in.VersionID)] = true
	}
	if !versions["1"] || !versions["2"] {
		t.Errorf("the alias's instances %+v, want instances of versions 1 and 2", page.Instances)
	}
	expectError(t, invoke(t, s, api+"/services/svc.nope/functions/fn/invocations", ""), http.StatusNotFound, "AliasNotFound")
	expectError(t, invoke(t, s, api+"/services/svc.9/functions/fn/invocations", ""), http.StatusNotFound, "VersionNotFound")
	expectError(t, invoke(t, s, api+"/services/svc/functions/nope/invocations", ""), http.StatusNotFound, "FunctionNotFound")
}

func TestInvokeFunction_refusals(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	java := validFunction("java")
	java["runtime"] = "java11"
	mustCreateFunction(t, s, "svc", java)
	r := invoke(t, s, api+"/services/svc/functions/java/invocations", "")
	expectError(t, r, http.StatusNotImplemented, codeRuntimeNotSupported)
	if msg := r.ErrorMessage(); !strings.Contains(msg, "java11") || !strings.Contains(msg, "Python") {
		t.Errorf("message %q does not name the runtime and say what runs", msg)
	}

	off := newTestServer(t, func(o *Options) { o.Invoke.Disabled = true })
	mustCreateService(t, off, "svc", nil)
	mustCreateFunction(t, off, "svc", validFunction("fn"))
	expectError(t, invoke(t, off, invokePath, ""), http.StatusNotImplemented, codeInvocationDisabled)

	noPython := newTestServer(t, func(o *Options) { o.Invoke.Python = "no-such-python-interpreter" })
	mustCreateService(t, noPython, "svc", nil)
	mustCreateFunction(t, noPython, "svc", validFunction("fn"))
	r = invoke(t, noPython, invokePath, "")
	expectError(t, r, http.StatusNotImplemented, codeRuntimeNotAvailable)
	if !strings.Contains(r.ErrorMessage(), "no-such-python-interpreter") {
		t.Errorf("message %q does not name the interpreter", r.ErrorMessage())
	}
	expectError(t, invoke(t, s, api+"/services/svc/functions/java/invocations", "", withHeader("X-Fc-Invocation-Type", "Later")),
		http.StatusBadRequest, codeInvalidArgument)
	expectError(t, invoke(t, s, api+"/services/svc/functions/java/invocations", "", withHeader("X-Fc-Stateful-Async-Invocation-Id", "1bad")),
		http.StatusBadRequest, codeInvalidArgument)
}

// TestInvokeFunction_payloadIsBytes: the event reaches the handler as the
// bytes sent, whatever the Content-Type.
func TestInvokeFunction_payloadIsBytes(t *testing.T) {
	s := invokeServer(t, "def handler(event, context):\n    return event[::-1]\n", nil)
	r := invoke(t, s, invokePath, "\x00\x01binary\xff", withHeader("Content-Type", "application/octet-stream"))
	expectResult(t, r, "\xffyranib\x01\x00")
}

// TestInvokeFunction_resultTypes: str and bytes as they are, other values
// as JSON, None as nothing.
func TestInvokeFunction_resultTypes(t *testing.T) {
	s := invokeServer(t, `
def handler(event, context):
    return {"dict": {"a": [1, 2]}, "none": None, "str": "text", "int": 42}[event.decode()]
`, nil)
	for event, want := range map[string]string{"dict": `{"a": [1, 2]}`, "none": "", "str": "text", "int": "42"} {
		expectResult(t, invoke(t, s, invokePath, event), want)
	}
}

func TestInvokeFunction_concurrentInvocationsShareAnInstance(t *testing.T) {
	s := invokeServer(t, `
import threading
gate = threading.Barrier(2, timeout=30)
def handler(event, context):
    gate.wait()
    return "both arrived"
`, map[string]any{"instanceConcurrency": 2})
	results := make(chan *testResponse, 2)
	for range 2 {
		go func() { results <- invoke(t, s, invokePath, "") }()
	}
	ids := map[string]bool{}
	for range 2 {
		r := <-results
		expectResult(t, r, "both arrived")
		ids[r.Header.Get("X-Fc-Instance-Id")] = true
	}
	if len(ids) != 1 {
		t.Errorf("instances %v, want one serving both (instanceConcurrency 2)", ids)
	}
}

func ExampleServer_Close() {
	srv, _ := New(Options{})
	defer srv.Close() // ends the processes InvokeFunction started
	fmt.Println("ok")
	// Output: ok
}

// decodeJSON is a small helper for the async tests.
func decodeJSON(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
}

// waitFor polls cond until it holds or a generous deadline passes (the
// runner processes of a busy machine can be slow to start).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// requireNode skips a test that runs a Node.js function when node is not
// on PATH.
func requireNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not on PATH: the emulator runs Node.js handlers with it when it is")
	}
}

func TestInvokeFunction_node(t *testing.T) {
	requireNode(t)
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	source := `
let inits = 0;
exports.init = (context, callback) => { inits++; console.log('init', context.function.name); callback(null, ''); };
exports.handler = (event, context, callback) => {
  const e = event.toString();
  console.log('event', e, process.env.GREETING);
  if (e === 'handled') return callback(new Error('returned through the callback'));
  if (e === 'thrown') throw new TypeError('thrown');
  callback(null, JSON.stringify({inits, requestId: context.requestId, qualifier: context.service.qualifier}));
};
exports.asyncHandler = async (event) => 'async ' + event.toString();
`
	code := base64.StdEncoding.EncodeToString(makeZip(t, map[string]string{"index.js": source}))
	for name, handler := range map[string]string{"fn": "index.handler", "async": "index.asyncHandler"} {
		mustCreateFunction(t, s, "svc", map[string]any{"functionName": name, "runtime": "nodejs20", "handler": handler,
			"initializer": "index.init", "timeout": 60, "environmentVariables": map[string]string{"GREETING": "hi"},
			"code": map[string]any{"zipFile": code}})
	}
	r := invoke(t, s, invokePath, "ok", withHeader("X-Fc-Log-Type", "Tail"))
	var got map[string]any
	if r.Header.Get("X-Fc-Error-Type") != "" {
		t.Fatalf("error %s", r.Body)
	}
	r.Decode(t, &got)
	if got["inits"] != float64(1) || got["requestId"] != r.Header.Get("X-Fc-Request-Id") || got["qualifier"] != "LATEST" {
		t.Errorf("result %v", got)
	}
	if log := logResult(t, r); !strings.Contains(log, "[INFO] event ok hi") || !strings.Contains(log, "init fn") {
		t.Errorf("log %q", log)
	}
	e := expectFunctionError(t, invoke(t, s, invokePath, "handled"), "HandledInvocationError")
	if e.ErrorMessage != "returned through the callback" || e.ErrorType != "Error" {
		t.Errorf("handled error %+v", e)
	}
	e = expectFunctionError(t, invoke(t, s, invokePath, "thrown"), "UnhandledInvocationError")
	if e.ErrorMessage != "thrown" || e.ErrorType != "TypeError" {
		t.Errorf("unhandled error %+v", e)
	}
	expectResult(t, invoke(t, s, api+"/services/svc/functions/async/invocations", "x"), "async x")
}
