package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/aliyun/fc-go-sdk"
)

// TestSDKConformanceProvisionAsyncInstances drives the provision-config,
// async-invoke-config and instances operations of the emulator with
// Alibaba's official Go SDK for the 2016-08-15 API (dotted qualifiers, its
// own encoding and parsing).
func TestSDKConformanceProvisionAsyncInstances(t *testing.T) {
	var mu sync.Mutex
	now := time.Now().UTC()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }

	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret", Now: clock, Provisioning: Provisioning{Step: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	rec := &answerRecorder{next: s}
	ts := httptest.NewServer(rec)
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
	if _, err := client.PublishServiceVersion(sdk.NewPublishServiceVersionInput("svc")); err != nil {
		t.Fatalf("PublishServiceVersion: %v", err)
	}
	if _, err := client.CreateAlias(sdk.NewCreateAliasInput("svc").WithAliasName("prod").WithVersionID("1")); err != nil {
		t.Fatalf("CreateAlias: %v", err)
	}

	// Provision configs: the SDK sends the target only, at a dotted
	// qualifier.
	put, err := client.PutProvisionConfig(sdk.NewPutProvisionConfigInput("svc", "prod", "fn").WithTarget(2))
	if err != nil {
		t.Fatalf("PutProvisionConfig: %v", err)
	}
	if deref(put.Target) != 2 || deref(put.Resource) != DefaultAccountID+"#svc#prod#fn" || put.GetRequestID() == "" {
		t.Errorf("PutProvisionConfig: %s", put)
	}
	got, err := client.GetProvisionConfig(sdk.NewGetProvisionConfigInput("svc", "prod", "fn"))
	if err != nil {
		t.Fatalf("GetProvisionConfig: %v", err)
	}
	if deref(got.Target) != 2 || deref(got.Current) != 0 {
		t.Errorf("GetProvisionConfig right after the put: %s", got)
	}
	advance(2 * time.Second)
	if got, err = client.GetProvisionConfig(sdk.NewGetProvisionConfigInput("svc", "prod", "fn")); err != nil || deref(got.Current) != 2 {
		t.Errorf("GetProvisionConfig after two steps: %v %s", err, got)
	}
	_, err = client.PutProvisionConfig(sdk.NewPutProvisionConfigInput("svc", "1", "fn").WithTarget(1))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")
	_, err = client.GetProvisionConfig(sdk.NewGetProvisionConfigInput("svc", "nope", "fn"))
	expectSDKError(t, err, http.StatusNotFound, "AliasNotFound")
	if _, err := client.PutProvisionConfig(sdk.NewPutProvisionConfigInput("svc", "LATEST", "fn").WithTarget(1)); err != nil {
		t.Fatalf("PutProvisionConfig LATEST: %v", err)
	}
	list, err := client.ListProvisionConfigs(sdk.NewListProvisionConfigsInput().WithServiceName("svc").WithQualifier("prod").WithLimit(10))
	if err != nil {
		t.Fatalf("ListProvisionConfigs: %v", err)
	}
	if len(list.ProvisionConfigs) != 1 || deref(list.ProvisionConfigs[0].Resource) != DefaultAccountID+"#svc#prod#fn" ||
		deref(list.ProvisionConfigs[0].Current) != 2 || list.NextToken != nil {
		t.Errorf("ListProvisionConfigs: %s", list)
	}
	all, err := client.ListProvisionConfigs(sdk.NewListProvisionConfigsInput().WithLimit(1))
	if err != nil || len(all.ProvisionConfigs) != 1 || all.NextToken == nil {
		t.Fatalf("ListProvisionConfigs page 1: %v %s", err, all)
	}
	if all, err = client.ListProvisionConfigs(sdk.NewListProvisionConfigsInput().WithLimit(1).WithNextToken(*all.NextToken)); err != nil ||
		len(all.ProvisionConfigs) != 1 || all.NextToken != nil {
		t.Errorf("ListProvisionConfigs page 2: %v %s", err, all)
	}

	// Instances: the SDK's path and signature are served; the answer is the
	// document's bare array (reference 3.12). The SDK decodes an object
	// ({"instances": [...]}, the 2021-04-06 shape), so it reads no instances
	// from it: the recorded answer is checked instead.
	if _, err := client.ListInstances(sdk.NewListInstancesInput("svc", "fn").WithQualifier("prod").WithLimit(10)); err != nil {
		t.Fatalf("ListInstances: %v", err)
	}
	var instances []instance2016
	if err := json.Unmarshal(rec.last("/instances"), &instances); err != nil {
		t.Fatalf("ListInstances answer %s: %v", rec.last("/instances"), err)
	}
	if len(instances) != 2 || instances[0].VersionID != 1 || !strings.HasPrefix(instances[0].InstanceID, "c-") {
		t.Errorf("ListInstances answer %s", rec.last("/instances"))
	}

	// Async-invoke configs: the SDK sends null for every unset field.
	dest := "acs:mns:cn-hangzhou:" + DefaultAccountID + ":/queues/q/messages"
	age, retries := int64(600), int64(2)
	pa, err := client.PutFunctionAsyncInvokeConfig(sdk.NewPutFunctionAsyncInvokeConfigInput("svc", "fn").WithQualifier("prod").
		WithAsyncConfig(sdk.AsyncConfig{MaxAsyncEventAgeInSeconds: &age, DestinationConfig: &sdk.DestinationConfig{OnFailure: &sdk.Destination{Destination: &dest}}}))
	if err != nil {
		t.Fatalf("PutFunctionAsyncInvokeConfig: %v", err)
	}
	if deref(pa.Service) != "svc" || deref(pa.Function) != "fn" || deref(pa.Qualifier) != "prod" || deref(pa.MaxAsyncEventAgeInSeconds) != 600 ||
		deref(pa.MaxAsyncRetryAttempts) != 3 || pa.DestinationConfig == nil || pa.DestinationConfig.OnFailure == nil ||
		deref(pa.DestinationConfig.OnFailure.Destination) != dest || pa.DestinationConfig.OnSuccess != nil || pa.CreatedTime == nil {
		t.Errorf("PutFunctionAsyncInvokeConfig: %s", pa)
	}
	if _, err := client.PutFunctionAsyncInvokeConfig(sdk.NewPutFunctionAsyncInvokeConfigInput("svc", "fn").WithQualifier("prod").
		WithAsyncConfig(sdk.AsyncConfig{MaxAsyncRetryAttempts: &retries})); err != nil {
		t.Fatalf("PutFunctionAsyncInvokeConfig (merge): %v", err)
	}
	ga, err := client.GetFunctionAsyncInvokeConfig(sdk.NewGetFunctionAsyncInvokeConfigInput("svc", "fn").WithQualifier("prod"))
	if err != nil {
		t.Fatalf("GetFunctionAsyncInvokeConfig: %v", err)
	}
	if deref(ga.MaxAsyncRetryAttempts) != 2 || deref(ga.MaxAsyncEventAgeInSeconds) != 600 || ga.DestinationConfig == nil {
		t.Errorf("GetFunctionAsyncInvokeConfig after a merge: %s", ga)
	}
	if _, err := client.PutFunctionAsyncInvokeConfig(sdk.NewPutFunctionAsyncInvokeConfigInput("svc", "fn").
		WithAsyncConfig(sdk.AsyncConfig{MaxAsyncRetryAttempts: &retries})); err != nil {
		t.Fatalf("PutFunctionAsyncInvokeConfig LATEST: %v", err)
	}
	bad := int64(9)
	_, err = client.PutFunctionAsyncInvokeConfig(sdk.NewPutFunctionAsyncInvokeConfigInput("svc", "fn").
		WithAsyncConfig(sdk.AsyncConfig{MaxAsyncRetryAttempts: &bad}))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")
	la, err := client.ListFunctionAsyncInvokeConfigs(sdk.NewListFunctionAsyncInvokeConfigsInput("svc", "fn").WithLimit(10))
	if err != nil {
		t.Fatalf("ListFunctionAsyncInvokeConfigs: %v", err)
	}
	if len(la.Configs) != 2 || deref(la.Configs[0].Qualifier) != "LATEST" || deref(la.Configs[1].Qualifier) != "prod" || la.NextToken != nil {
		t.Errorf("ListFunctionAsyncInvokeConfigs: %s", la)
	}
	if _, err := client.DeleteFunctionAsyncInvokeConfig(sdk.NewDeleteFunctionAsyncInvokeConfigInput("svc", "fn").WithQualifier("prod")); err != nil {
		t.Fatalf("DeleteFunctionAsyncInvokeConfig: %v", err)
	}
	_, err = client.GetFunctionAsyncInvokeConfig(sdk.NewGetFunctionAsyncInvokeConfigInput("svc", "fn").WithQualifier("prod"))
	expectSDKError(t, err, http.StatusNotFound, codeAsyncConfigNotExists)

	counts := s.Counts()
	for _, op := range []string{"PutProvisionConfig", "GetProvisionConfig", "ListProvisionConfigs", "ListInstances",
		"PutFunctionAsyncInvokeConfig", "GetFunctionAsyncInvokeConfig", "DeleteFunctionAsyncInvokeConfig", "ListFunctionAsyncInvokeConfigs"} {
		if counts[op] == 0 {
			t.Errorf("operation %s not counted: %v", op, counts)
		}
	}
}

// answerRecorder serves through next and keeps the answer bodies by path.
type answerRecorder struct {
	next   http.Handler
	mu     sync.Mutex
	bodies map[string][]byte
}

func (a *answerRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rw := &bodyCopy{ResponseWriter: w}
	a.next.ServeHTTP(rw, r)
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.bodies == nil {
		a.bodies = map[string][]byte{}
	}
	a.bodies[r.URL.Path] = rw.buf.Bytes()
}

// last returns the last answer to a path ending in suffix.
func (a *answerRecorder) last(suffix string) []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	for p, b := range a.bodies {
		if strings.HasSuffix(p, suffix) {
			return b
		}
	}
	return nil
}

type bodyCopy struct {
	http.ResponseWriter
	buf bytes.Buffer
}

func (b *bodyCopy) Write(p []byte) (int, error) {
	b.buf.Write(p)
	return b.ResponseWriter.Write(p)
}
