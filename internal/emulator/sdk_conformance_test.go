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

// TestSDKConformanceTriggersVersionsAliases drives triggers, versions and
// aliases with github.com/aliyun/fc-go-sdk: it sends trigger configurations
// as objects and parses them per type, sends nulls for unset fields, and
// reads the version description from an untagged "Description" field.
func TestSDKConformanceTriggersVersionsAliases(t *testing.T) {
	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	client, err := sdk.NewClient(ts.URL, "2016-08-15", "sdk-key", "sdk-secret")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := client.CreateService(sdk.NewCreateServiceInput().WithServiceName("svc")); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	if _, err := client.CreateFunction(sdk.NewCreateFunctionInput("svc").WithFunctionName("fn").
		WithRuntime("python3").WithHandler("index.handler").WithCode(sdk.NewCode().WithZipFile(testZip))); err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}

	// Triggers, with the SDK's own typed configurations.
	timer, err := client.CreateTrigger(sdk.NewCreateTriggerInput("svc", "fn").
		WithTriggerName("tick").WithTriggerType(sdk.TRIGGER_TYPE_TIMER).WithDescription("every five minutes").
		WithTriggerConfig(sdk.NewTimeTriggerConfig().WithCronExpression("@every 5m").WithEnable(true)))
	if err != nil {
		t.Fatalf("CreateTrigger timer: %v", err)
	}
	if timer.GetEtag() == "" || timer.TriggerID == nil || deref(timer.TriggerType) != "timer" {
		t.Errorf("CreateTrigger timer: %s", timer)
	}
	if cfg, ok := timer.TriggerConfig.(*sdk.TimeTriggerConfig); !ok || deref(cfg.CronExpression) != "@every 5m" || !deref(cfg.Enable) || cfg.Payload != nil {
		t.Errorf("CreateTrigger timer config: %#v", timer.TriggerConfig)
	}
	web, err := client.CreateTrigger(sdk.NewCreateTriggerInput("svc", "fn").
		WithTriggerName("web").WithTriggerType(sdk.TRIGGER_TYPE_HTTP).
		WithTriggerConfig(sdk.NewHTTPTriggerConfig().WithAuthType(sdk.AuthAnonymous).WithMethods("GET", "POST")))
	if err != nil {
		t.Fatalf("CreateTrigger http: %v", err)
	}
	_, err = client.CreateTrigger(sdk.NewCreateTriggerInput("svc", "fn").
		WithTriggerName("web").WithTriggerType(sdk.TRIGGER_TYPE_HTTP).
		WithTriggerConfig(sdk.NewHTTPTriggerConfig().WithAuthType(sdk.AuthAnonymous).WithMethods("GET")))
	expectSDKError(t, err, http.StatusConflict, "TriggerAlreadyExists")
	_, err = client.CreateTrigger(sdk.NewCreateTriggerInput("svc", "fn").
		WithTriggerName("bad").WithTriggerType(sdk.TRIGGER_TYPE_HTTP).
		WithTriggerConfig(sdk.NewHTTPTriggerConfig().WithAuthType("sometimes").WithMethods("GET")))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")

	gotWeb, err := client.GetTrigger(sdk.NewGetTriggerInput("svc", "fn", "web"))
	if err != nil {
		t.Fatalf("GetTrigger: %v", err)
	}
	cfg, ok := gotWeb.TriggerConfig.(*sdk.HTTPTriggerConfig)
	if !ok || deref(cfg.AuthType) != "anonymous" || !equalStrings(cfg.Methods, []string{"GET", "POST"}) {
		t.Errorf("GetTrigger http config: %#v", gotWeb.TriggerConfig)
	}
	if gotWeb.GetEtag() != web.GetEtag() {
		t.Errorf("GetTrigger ETag %q, want %q", gotWeb.GetEtag(), web.GetEtag())
	}

	// The SDK sends null for unset fields: they are kept.
	updTimer, err := client.UpdateTrigger(sdk.NewUpdateTriggerInput("svc", "fn", "tick").
		WithTriggerConfig(sdk.NewTimeTriggerConfig().WithCronExpression("0 0 4 * * *").WithPayload("p").WithEnable(false)).
		WithIfMatch(timer.GetEtag()))
	if err != nil {
		t.Fatalf("UpdateTrigger: %v", err)
	}
	updCfg, ok := updTimer.TriggerConfig.(*sdk.TimeTriggerConfig)
	if !ok || deref(updCfg.CronExpression) != "0 0 4 * * *" || deref(updCfg.Payload) != "p" || deref(updCfg.Enable) ||
		deref(updTimer.Description) != "every five minutes" || updTimer.GetEtag() == timer.GetEtag() {
		t.Errorf("UpdateTrigger: %s", updTimer)
	}
	_, err = client.UpdateTrigger(sdk.NewUpdateTriggerInput("svc", "fn", "tick").
		WithDescription("stale").WithIfMatch(timer.GetEtag()))
	expectSDKError(t, err, http.StatusPreconditionFailed, "PreconditionFailed")

	triggers, err := client.ListTriggers(sdk.NewListTriggersInput("svc", "fn").WithLimit(1))
	if err != nil {
		t.Fatalf("ListTriggers: %v", err)
	}
	if len(triggers.Triggers) != 1 || deref(triggers.Triggers[0].TriggerName) != "tick" || deref(triggers.NextToken) != "web" {
		t.Errorf("ListTriggers page 1: %s", triggers)
	}
	triggers, err = client.ListTriggers(sdk.NewListTriggersInput("svc", "fn").WithNextToken("web"))
	if err != nil {
		t.Fatalf("ListTriggers: %v", err)
	}
	if len(triggers.Triggers) != 1 || triggers.NextToken != nil {
		t.Errorf("ListTriggers page 2: %s", triggers)
	} else if _, ok := triggers.Triggers[0].TriggerConfig.(*sdk.HTTPTriggerConfig); !ok {
		t.Errorf("ListTriggers item config: %#v", triggers.Triggers[0].TriggerConfig)
	}

	_, err = client.DeleteFunction(sdk.NewDeleteFunctionInput("svc", "fn"))
	expectSDKError(t, err, http.StatusConflict, "FunctionNotEmpty")
	_, err = client.DeleteTrigger(sdk.NewDeleteTriggerInput("svc", "fn", "tick").WithIfMatch(timer.GetEtag()))
	expectSDKError(t, err, http.StatusPreconditionFailed, "PreconditionFailed")
	if _, err := client.DeleteTrigger(sdk.NewDeleteTriggerInput("svc", "fn", "tick").WithIfMatch(updTimer.GetEtag())); err != nil {
		t.Fatalf("DeleteTrigger: %v", err)
	}
	if _, err := client.DeleteTrigger(sdk.NewDeleteTriggerInput("svc", "fn", "web")); err != nil {
		t.Fatalf("DeleteTrigger: %v", err)
	}
	_, err = client.GetTrigger(sdk.NewGetTriggerInput("svc", "fn", "tick"))
	expectSDKError(t, err, http.StatusNotFound, "TriggerNotFound")

	// Versions.
	svc, err := client.GetService(sdk.NewGetServiceInput("svc"))
	if err != nil {
		t.Fatalf("GetService: %v", err)
	}
	v1, err := client.PublishServiceVersion(sdk.NewPublishServiceVersionInput("svc").WithDescription("first").WithIfMatch(svc.GetEtag()))
	if err != nil {
		t.Fatalf("PublishServiceVersion: %v", err)
	}
	if deref(v1.VersionID) != "1" || deref(v1.Description) != "first" || v1.CreatedTime == nil {
		t.Errorf("PublishServiceVersion: %s", v1)
	}
	if _, err := client.UpdateFunction(sdk.NewUpdateFunctionInput("svc", "fn").WithMemorySize(512)); err != nil {
		t.Fatalf("UpdateFunction: %v", err)
	}
	for i := 0; i < 2; i++ {
		if _, err := client.PublishServiceVersion(sdk.NewPublishServiceVersionInput("svc")); err != nil {
			t.Fatalf("PublishServiceVersion: %v", err)
		}
	}
	_, err = client.PublishServiceVersion(sdk.NewPublishServiceVersionInput("svc").WithIfMatch("stale"))
	expectSDKError(t, err, http.StatusPreconditionFailed, "PreconditionFailed")

	versions, err := client.ListServiceVersions(sdk.NewListServiceVersionsInput("svc").WithLimit(2))
	if err != nil {
		t.Fatalf("ListServiceVersions: %v", err)
	}
	if len(versions.Versions) != 2 || deref(versions.Versions[0].VersionID) != "3" || deref(versions.NextToken) != "1" ||
		deref(versions.Direction) != "BACKWARD" {
		t.Errorf("ListServiceVersions: %s", versions)
	}
	versions, err = client.ListServiceVersions(sdk.NewListServiceVersionsInput("svc").WithForwardDirection().WithStartKey("2"))
	if err != nil {
		t.Fatalf("ListServiceVersions: %v", err)
	}
	if len(versions.Versions) != 2 || deref(versions.Versions[0].VersionID) != "2" || versions.NextToken != nil ||
		deref(versions.Direction) != "FORWARD" {
		t.Errorf("ListServiceVersions forward: %s", versions)
	}

	// Reads with a qualifier see the snapshot.
	atV1, err := client.GetFunction(sdk.NewGetFunctionInput("svc", "fn").WithQualifier("1"))
	if err != nil {
		t.Fatalf("GetFunction 1: %v", err)
	}
	if deref(atV1.MemorySize) != 128 {
		t.Errorf("GetFunction at version 1: memorySize %d, want 128", deref(atV1.MemorySize))
	}

	// Aliases.
	alias, err := client.CreateAlias(sdk.NewCreateAliasInput("svc").WithAliasName("prod").WithVersionID("1").
		WithAdditionalVersionWeight(map[string]float64{"2": 0.2}))
	if err != nil {
		t.Fatalf("CreateAlias: %v", err)
	}
	if alias.GetEtag() == "" || deref(alias.VersionID) != "1" || alias.AdditionalVersionWeight["2"] != 0.2 {
		t.Errorf("CreateAlias: %s", alias)
	}
	_, err = client.CreateAlias(sdk.NewCreateAliasInput("svc").WithAliasName("bad").WithVersionID("1").
		WithAdditionalVersionWeight(map[string]float64{"2": 0.7, "3": 0.7}))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")
	_, err = client.CreateAlias(sdk.NewCreateAliasInput("svc").WithAliasName("prod").WithVersionID("1"))
	expectSDKError(t, err, http.StatusConflict, "AliasAlreadyExists")

	gotAlias, err := client.GetAlias(sdk.NewGetAliasInput("svc", "prod"))
	if err != nil {
		t.Fatalf("GetAlias: %v", err)
	}
	if gotAlias.GetEtag() != alias.GetEtag() || deref(gotAlias.AliasName) != "prod" {
		t.Errorf("GetAlias: %s", gotAlias)
	}
	atProd, err := client.GetFunction(sdk.NewGetFunctionInput("svc", "fn").WithQualifier("prod"))
	if err != nil || deref(atProd.MemorySize) != 128 {
		t.Errorf("GetFunction prod: %v", err)
	}

	_, err = client.DeleteServiceVersion(sdk.NewDeleteServiceVersionInput("svc", "2"))
	expectSDKError(t, err, http.StatusConflict, "VersionInUse")

	// The SDK sends null weights when none are set: they are kept.
	updAlias, err := client.UpdateAlias(sdk.NewUpdateAliasInput("svc", "prod").WithVersionID("3").WithIfMatch(alias.GetEtag()))
	if err != nil {
		t.Fatalf("UpdateAlias: %v", err)
	}
	if deref(updAlias.VersionID) != "3" || updAlias.AdditionalVersionWeight["2"] != 0.2 || updAlias.GetEtag() == alias.GetEtag() {
		t.Errorf("UpdateAlias: %s", updAlias)
	}
	_, err = client.UpdateAlias(sdk.NewUpdateAliasInput("svc", "prod").WithDescription("stale").WithIfMatch(alias.GetEtag()))
	expectSDKError(t, err, http.StatusPreconditionFailed, "PreconditionFailed")

	aliases, err := client.ListAliases(sdk.NewListAliasesInput("svc").WithPrefix("p"))
	if err != nil {
		t.Fatalf("ListAliases: %v", err)
	}
	if len(aliases.Aliases) != 1 || deref(aliases.Aliases[0].VersionID) != "3" {
		t.Errorf("ListAliases: %s", aliases)
	}

	if _, err := client.DeleteServiceVersion(sdk.NewDeleteServiceVersionInput("svc", "1")); err != nil {
		t.Fatalf("DeleteServiceVersion: %v", err)
	}
	_, err = client.DeleteServiceVersion(sdk.NewDeleteServiceVersionInput("svc", "1"))
	expectSDKError(t, err, http.StatusNotFound, "VersionNotFound")
	if _, err := client.DeleteAlias(sdk.NewDeleteAliasInput("svc", "prod").WithIfMatch(updAlias.GetEtag())); err != nil {
		t.Fatalf("DeleteAlias: %v", err)
	}
	_, err = client.GetAlias(sdk.NewGetAliasInput("svc", "prod"))
	expectSDKError(t, err, http.StatusNotFound, "AliasNotFound")

	counts := s.Counts()
	for _, op := range []string{"CreateTrigger", "GetTrigger", "UpdateTrigger", "DeleteTrigger", "ListTriggers",
		"PublishServiceVersion", "DeleteServiceVersion", "ListServiceVersions",
		"CreateAlias", "GetAlias", "UpdateAlias", "DeleteAlias", "ListAliases"} {
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
