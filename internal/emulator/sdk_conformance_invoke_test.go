package emulator

import (
	"encoding/base64"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	sdk "github.com/aliyun/fc-go-sdk"
)

// TestSDKConformance_invoke drives InvokeFunction and the stateful
// invocation operations with Alibaba's official Go SDK for the 2016-08-15
// API (its own paths, headers, signing and decoding).
func TestSDKConformance_invoke(t *testing.T) {
	requirePython(t)
	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	ts := httptest.NewUnstartedServer(s)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.Listener = ln
	ts.Start()
	defer ts.Close()
	client, err := sdk.NewClient(ts.URL, "2016-08-15", "sdk-key", "sdk-secret")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateService(sdk.NewCreateServiceInput().WithServiceName("svc")); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	code := makeZip(t, map[string]string{"index.py": `
def handler(event, context):
    print("event", event)
    if event == b"fail":
        raise KeyError("missing")
    return b"sdk " + event
`})
	if _, err := client.CreateFunction(sdk.NewCreateFunctionInput("svc").WithFunctionName("fn").WithRuntime("python3.10").
		WithHandler("index.handler").WithTimeout(60).WithCode(sdk.NewCode().WithZipFile(code))); err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}

	out, err := client.InvokeFunction(sdk.NewInvokeFunctionInput("svc", "fn").WithPayload([]byte("hello")).WithLogType("Tail"))
	if err != nil {
		t.Fatalf("InvokeFunction: %v", err)
	}
	log, _ := base64.StdEncoding.DecodeString(out.Header.Get("X-Fc-Log-Result"))
	if string(out.Payload) != "sdk hello" || !strings.Contains(string(log), "event b'hello'") || out.Header.Get("X-Fc-Error-Type") != "" {
		t.Errorf("InvokeFunction: %q, log %q, headers %v", out.Payload, log, out.Header)
	}
	out, err = client.InvokeFunction(sdk.NewInvokeFunctionInput("svc", "fn").WithPayload([]byte("fail")).WithQualifier("LATEST"))
	if err != nil {
		t.Fatalf("InvokeFunction (failing): %v", err)
	}
	if out.Header.Get("X-Fc-Error-Type") != "UnhandledInvocationError" || !strings.Contains(string(out.Payload), `"errorType":"KeyError"`) {
		t.Errorf("failing function: %q, headers %v", out.Payload, out.Header)
	}

	stateful, retries := true, int64(0)
	if _, err := client.PutFunctionAsyncInvokeConfig(sdk.NewPutFunctionAsyncInvokeConfigInput("svc", "fn").
		WithAsyncConfig(sdk.AsyncConfig{StatefulInvocation: &stateful, MaxAsyncRetryAttempts: &retries})); err != nil {
		t.Fatalf("PutFunctionAsyncInvokeConfig: %v", err)
	}
	out, err = client.InvokeFunction(sdk.NewInvokeFunctionInput("svc", "fn").WithPayload([]byte("later")).WithStatefulAsyncInvocationID("sdk-job"))
	if err != nil {
		t.Fatalf("InvokeFunction (async): %v", err)
	}
	if out.Header.Get("X-Fc-Stateful-Async-Invocation-Id") != "sdk-job" {
		t.Errorf("async headers %v", out.Header)
	}
	var got *sdk.GetStatefulAsyncInvocationOutput
	waitFor(t, "sdk-job to succeed", func() bool {
		got, err = client.GetStatefulAsyncInvocation(sdk.NewGetStatefulAsyncInvocationInput("svc", "fn", "sdk-job"))
		if err != nil {
			t.Fatalf("GetStatefulAsyncInvocation: %v", err)
		}
		return deref(got.Status) != "Running"
	})
	if deref(got.Status) != "Succeeded" || got.StartedTime == nil || got.EndTime == nil || deref(got.InvocationPayload) != "later" ||
		deref(got.AlreadyRetriedTimes) != 0 || deref(got.RequestID) == "" {
		t.Errorf("GetStatefulAsyncInvocation: %s", got)
	}
	list, err := client.ListStatefulAsyncInvocations(sdk.NewListStatefulAsyncInvocationsInput("svc", "fn").
		WithInvocationIDPrefix("sdk-").WithStatus("Succeeded").WithLimit(10).WithIncludePayload(true))
	if err != nil {
		t.Fatalf("ListStatefulAsyncInvocations: %v", err)
	}
	if len(list.Invocations) != 1 || deref(list.Invocations[0].InvocationID) != "sdk-job" || deref(list.Invocations[0].InvocationPayload) != "later" {
		t.Errorf("ListStatefulAsyncInvocations: %s", list)
	}
	_, err = client.StopStatefulAsyncInvocation(sdk.NewStopStatefulAsyncInvocationInput("svc", "fn", "sdk-job"))
	expectSDKError(t, err, http.StatusBadRequest, codeInvalidArgument)
	_, err = client.GetStatefulAsyncInvocation(sdk.NewGetStatefulAsyncInvocationInput("svc", "fn", "nope"))
	expectSDKError(t, err, http.StatusNotFound, codeStatefulNotFound)
}
