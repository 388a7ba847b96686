package emulator

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	sdk "github.com/aliyun/fc-go-sdk"
)

// TestSDKConformance drives the emulator with Alibaba's official Go SDK for
// the 2016-08-15 API, which signs, encodes and parses independently of
// this repository.
func TestSDKConformance(t *testing.T) {
	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret"})
	if err != nil {
		t.Fatal(err)
	}
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

	// Services.
	created, err := client.CreateService(sdk.NewCreateServiceInput().
		WithServiceName("sdk_svc").
		WithDescription("created by the SDK").
		WithRole("acs:ram::1:role/fc").
		WithLogConfig(sdk.NewLogConfig().WithProject("p").WithLogstore("l").WithEnableRequestMetrics(true)).
		WithInternetAccess(false))
	if err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	if created.GetEtag() == "" || created.GetRequestID() == "" {
		t.Errorf("CreateService: ETag %q, request ID %q", created.GetEtag(), created.GetRequestID())
	}
	if deref(created.ServiceName) != "sdk_svc" || created.ServiceID == nil || deref(created.InternetAccess) {
		t.Errorf("CreateService answer: %s", created)
	}

	got, err := client.GetService(sdk.NewGetServiceInput("sdk_svc"))
	if err != nil {
		t.Fatalf("GetService: %v", err)
	}
	if got.GetEtag() != created.GetEtag() || deref(got.Description) != "created by the SDK" ||
		got.LogConfig == nil || deref(got.LogConfig.Project) != "p" {
		t.Errorf("GetService: %s", got)
	}

	// The SDK sends null for every unset field: they must be kept.
	updated, err := client.UpdateService(sdk.NewUpdateServiceInput("sdk_svc").
		WithDescription("updated").WithIfMatch(got.GetEtag()))
	if err != nil {
		t.Fatalf("UpdateService: %v", err)
	}
	if deref(updated.Description) != "updated" || deref(updated.Role) != "acs:ram::1:role/fc" ||
		updated.LogConfig == nil || updated.GetEtag() == got.GetEtag() {
		t.Errorf("UpdateService: %s (ETag %s)", updated, updated.GetEtag())
	}

	// A stale ETag fails with 412 and changes nothing.
	_, err = client.UpdateService(sdk.NewUpdateServiceInput("sdk_svc").
		WithDescription("stale").WithIfMatch(got.GetEtag()))
	expectSDKError(t, err, http.StatusPreconditionFailed, "PreconditionFailed")
	after, err := client.GetService(sdk.NewGetServiceInput("sdk_svc"))
	if err != nil {
		t.Fatalf("GetService: %v", err)
	}
	if deref(after.Description) != "updated" || after.GetEtag() != updated.GetEtag() {
		t.Errorf("service changed by a failed conditional update: %s", after)
	}

	list, err := client.ListServices(sdk.NewListServicesInput().WithPrefix("sdk_").WithLimit(10))
	if err != nil {
		t.Fatalf("ListServices: %v", err)
	}
	if len(list.Services) != 1 || deref(list.Services[0].ServiceName) != "sdk_svc" || list.NextToken != nil {
		t.Errorf("ListServices: %s", list)
	}

	// Functions.
	zipBytes := makeZip(t, map[string]string{"index.py": "def handler(e, c):\n    return 'ok'\n"})
	fn, err := client.CreateFunction(sdk.NewCreateFunctionInput("sdk_svc").
		WithFunctionName("sdk_fn").
		WithDescription("fn").
		WithRuntime("python3").
		WithHandler("index.handler").
		WithMemorySize(256).
		WithTimeout(30).
		WithEnvironmentVariables(map[string]string{"A": "1"}).
		WithCode(sdk.NewCode().WithZipFile(zipBytes)))
	if err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}
	if fn.GetEtag() == "" || deref(fn.CodeChecksum) != codeChecksum(zipBytes) || deref(fn.CodeSize) != int64(len(zipBytes)) ||
		deref(fn.MemorySize) != 256 || deref(fn.Timeout) != 30 || fn.EnvironmentVariables["A"] != "1" {
		t.Errorf("CreateFunction: %s", fn)
	}

	gotFn, err := client.GetFunction(sdk.NewGetFunctionInput("sdk_svc", "sdk_fn"))
	if err != nil {
		t.Fatalf("GetFunction: %v", err)
	}
	if gotFn.GetEtag() != fn.GetEtag() || deref(gotFn.Handler) != "index.handler" {
		t.Errorf("GetFunction: %s", gotFn)
	}
	if q, err := client.GetFunction(sdk.NewGetFunctionInput("sdk_svc", "sdk_fn").WithQualifier("LATEST")); err != nil || q.GetEtag() != fn.GetEtag() {
		t.Errorf("GetFunction LATEST: %v", err)
	}
	_, err = client.GetFunction(sdk.NewGetFunctionInput("sdk_svc", "sdk_fn").WithQualifier("prod"))
	expectSDKError(t, err, http.StatusNotFound, "AliasNotFound")

	code, err := client.GetFunctionCode(sdk.NewGetFunctionCodeInput("sdk_svc", "sdk_fn"))
	if err != nil {
		t.Fatalf("GetFunctionCode: %v", err)
	}
	if code.URL == "" {
		t.Errorf("GetFunctionCode: no URL")
	}

	updFn, err := client.UpdateFunction(sdk.NewUpdateFunctionInput("sdk_svc", "sdk_fn").
		WithMemorySize(512).WithInstanceConcurrency(4).WithIfMatch(gotFn.GetEtag()))
	if err != nil {
		t.Fatalf("UpdateFunction: %v", err)
	}
	if deref(updFn.MemorySize) != 512 || deref(updFn.InstanceConcurrency) != 4 || deref(updFn.Timeout) != 30 ||
		deref(updFn.CodeChecksum) != codeChecksum(zipBytes) || updFn.GetEtag() == gotFn.GetEtag() {
		t.Errorf("UpdateFunction: %s", updFn)
	}

	_, err = client.UpdateFunction(sdk.NewUpdateFunctionInput("sdk_svc", "sdk_fn").
		WithMemorySize(1024).WithIfMatch(gotFn.GetEtag()))
	expectSDKError(t, err, http.StatusPreconditionFailed, "PreconditionFailed")
	afterFn, err := client.GetFunction(sdk.NewGetFunctionInput("sdk_svc", "sdk_fn"))
	if err != nil {
		t.Fatalf("GetFunction: %v", err)
	}
	if deref(afterFn.MemorySize) != 512 || afterFn.GetEtag() != updFn.GetEtag() {
		t.Errorf("function changed by a failed conditional update: %s", afterFn)
	}

	fns, err := client.ListFunctions(sdk.NewListFunctionsInput("sdk_svc").WithLimit(5))
	if err != nil {
		t.Fatalf("ListFunctions: %v", err)
	}
	if len(fns.Functions) != 1 || deref(fns.Functions[0].FunctionName) != "sdk_fn" {
		t.Errorf("ListFunctions: %s", fns)
	}

	// The service still holds a function.
	_, err = client.DeleteService(sdk.NewDeleteServiceInput("sdk_svc"))
	expectSDKError(t, err, http.StatusConflict, "ServiceNotEmpty")

	if _, err := client.DeleteFunction(sdk.NewDeleteFunctionInput("sdk_svc", "sdk_fn").WithIfMatch(afterFn.GetEtag())); err != nil {
		t.Fatalf("DeleteFunction: %v", err)
	}
	if _, err := client.DeleteService(sdk.NewDeleteServiceInput("sdk_svc").WithIfMatch(after.GetEtag())); err != nil {
		t.Fatalf("DeleteService: %v", err)
	}
	_, err = client.GetService(sdk.NewGetServiceInput("sdk_svc"))
	expectSDKError(t, err, http.StatusNotFound, "ServiceNotFound")

	// Wrong credentials are refused.
	bad, _ := sdk.NewClient(ts.URL, "2016-08-15", "sdk-key", "wrong-secret")
	_, err = bad.ListServices(sdk.NewListServicesInput())
	expectSDKError(t, err, http.StatusForbidden, "SignatureNotMatch")

	counts := s.Counts()
	for _, op := range []string{"CreateService", "GetService", "UpdateService", "ListServices", "CreateFunction",
		"GetFunction", "UpdateFunction", "ListFunctions", "DeleteFunction", "DeleteService", "GetFunctionCode"} {
		if counts[op] == 0 {
			t.Errorf("operation %s not counted: %v", op, counts)
		}
	}
}

func expectSDKError(t *testing.T, err error, status int, code string) {
	t.Helper()
	var se *sdk.ServiceError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want SDK ServiceError %d %s", err, status, code)
	}
	if se.HTTPStatus != status || se.ErrorCode != code || se.RequestID == "" {
		t.Fatalf("got %d %s (request ID %q), want %d %s", se.HTTPStatus, se.ErrorCode, se.RequestID, status, code)
	}
}
