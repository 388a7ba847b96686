package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const asyncPath = "/services/svc/functions/fn/async-invoke-config"

const (
	queueARN    = "acs:mns:cn-hangzhou:1234567890123456:/queues/ok/messages"
	functionARN = "acs:fc:cn-hangzhou:1234567890123456:services/svc.prod/functions/fail"
)

func getAsync(t *testing.T, s http.Handler, query string) fc.AsyncInvokeConfig {
	t.Helper()
	r := do(t, s, http.MethodGet, api2021+asyncPath+query, nil)
	expectOK(t, r)
	var a fc.AsyncInvokeConfig
	r.Decode(t, &a)
	return a
}

// PutFunctionAsyncInvokeConfig merges as documented: a present field
// replaces, an absent (or null) one is kept, destinations one by one; the
// retry count is 3 until set. Only a delete clears.
func TestAsyncConfig_Merges(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)

	r := do(t, s, http.MethodPut, api2021+asyncPath, map[string]any{
		"maxAsyncEventAgeInSeconds": 300,
		"destinationConfig":         map[string]any{"onSuccess": map[string]any{"destination": queueARN}},
	})
	expectOK(t, r)
	var a fc.AsyncInvokeConfig
	r.Decode(t, &a)
	if deref(a.MaxAsyncEventAgeInSeconds) != 300 || deref(a.MaxAsyncRetryAttempts) != 3 || a.StatefulInvocation != nil ||
		a.DestinationConfig == nil || a.DestinationConfig.OnSuccess.Destination != queueARN || a.DestinationConfig.OnFailure != nil ||
		deref(a.Qualifier) != "LATEST" || deref(a.Service) != "svc" || deref(a.Function) != "fn" || a.ServiceName != nil ||
		deref(a.CreatedTime) != "2024-05-01T12:00:00Z" {
		t.Fatalf("created %s", r.Body)
	}

	now = now.Add(time.Minute)
	// The 2016-08-15 SDK sends null for every unset field.
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=LATEST", `{"maxAsyncRetryAttempts":5,"statefulInvocation":null,`+
		`"destinationConfig":{"onSuccess":null,"onFailure":{"destination":"`+functionARN+`"}}}`))
	a = getAsync(t, s, "")
	if deref(a.MaxAsyncEventAgeInSeconds) != 300 || deref(a.MaxAsyncRetryAttempts) != 5 || a.DestinationConfig.OnSuccess == nil ||
		a.DestinationConfig.OnSuccess.Destination != queueARN || a.DestinationConfig.OnFailure.Destination != functionARN ||
		deref(a.LastModifiedTime) != "2024-05-01T12:01:00Z" || deref(a.CreatedTime) != "2024-05-01T12:00:00Z" {
		t.Errorf("merged %+v", a)
	}
	// Leaving a field out does not clear it.
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath, map[string]any{"statefulInvocation": true}))
	if a = getAsync(t, s, ""); a.DestinationConfig == nil || deref(a.MaxAsyncEventAgeInSeconds) != 300 || !deref(a.StatefulInvocation) {
		t.Errorf("a put without the fields cleared them: %+v", a)
	}
	// A delete does; the next put starts over.
	expectNoContent(t, do(t, s, http.MethodDelete, api2021+asyncPath, nil))
	expectError(t, do(t, s, http.MethodGet, api2021+asyncPath, nil), 404, codeAsyncConfigNotExists)
	expectError(t, do(t, s, http.MethodDelete, api2021+asyncPath, nil), 404, codeAsyncConfigNotExists)
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath, map[string]any{}))
	if a = getAsync(t, s, ""); a.DestinationConfig != nil || a.MaxAsyncEventAgeInSeconds != nil || deref(a.MaxAsyncRetryAttempts) != 3 {
		t.Errorf("after delete and put: %+v", a)
	}
}

// Configs are keyed by qualifier (absent = LATEST; versions canonical);
// the 2016-08-15 answers also carry the document's serviceName and
// functionName.
func TestAsyncConfig_Qualifiers(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc.prod/functions/fn/async-invoke-config", map[string]any{"maxAsyncRetryAttempts": 1}))
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=01", map[string]any{"maxAsyncRetryAttempts": 2}))
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath, map[string]any{"maxAsyncRetryAttempts": 0}))
	for q, want := range map[string]int64{"?qualifier=prod": 1, "?qualifier=1": 2, "": 0, "?qualifier=LATEST": 0} {
		if a := getAsync(t, s, q); deref(a.MaxAsyncRetryAttempts) != want {
			t.Errorf("%s: retries %d, want %d", q, deref(a.MaxAsyncRetryAttempts), want)
		}
	}
	r := do(t, s, http.MethodGet, api+"/services/svc.prod/functions/fn/async-invoke-config", nil)
	expectOK(t, r)
	if m := r.JSON(t); m["serviceName"] != "svc" || m["functionName"] != "fn" || m["service"] != "svc" || m["qualifier"] != "prod" {
		t.Errorf("2016 answer %s", r.Body)
	}

	r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/async-invoke-configs?limit=2", nil)
	expectOK(t, r)
	var page listAsyncConfigsResponse
	r.Decode(t, &page)
	if len(page.Configs) != 2 || deref(page.Configs[0].Qualifier) != "1" || deref(page.Configs[1].Qualifier) != "LATEST" || page.NextToken != "prod" {
		t.Errorf("page 1 %s", r.Body)
	}
	r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/async-invoke-configs?limit=2&nextToken=prod", nil)
	if page = (listAsyncConfigsResponse{}); true {
		r.Decode(t, &page)
	}
	if len(page.Configs) != 1 || page.NextToken != "" {
		t.Errorf("page 2 %s", r.Body)
	}
	expectError(t, do(t, s, http.MethodGet, api2021+"/services/svc/functions/nope/async-invoke-configs", nil), 404, "FunctionNotFound")
	expectError(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=nope", map[string]any{}), 404, "AliasNotFound")
	expectError(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=9", map[string]any{}), 404, "VersionNotFound")
}

func TestAsyncConfig_Refusals(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	for _, tc := range []struct {
		name string
		body map[string]any
		msg  string
	}{
		{"age 0", map[string]any{"maxAsyncEventAgeInSeconds": 0}, "maxAsyncEventAgeInSeconds must be between 1 and 2592000"},
		{"age too long", map[string]any{"maxAsyncEventAgeInSeconds": 2592001}, "maxAsyncEventAgeInSeconds"},
		{"retries 9", map[string]any{"maxAsyncRetryAttempts": 9}, "maxAsyncRetryAttempts must be between 0 and 8"},
		{"retries -1", map[string]any{"maxAsyncRetryAttempts": -1}, "maxAsyncRetryAttempts"},
		{"not an ARN", map[string]any{"destinationConfig": map[string]any{"onSuccess": map[string]any{"destination": "my-queue"}}}, "destinationConfig.onSuccess.destination"},
		{"an OSS bucket", map[string]any{"destinationConfig": map[string]any{"onFailure": map[string]any{"destination": "acs:oss:cn-hangzhou:1:bucket"}}}, "destinationConfig.onFailure.destination"},
		{"empty", map[string]any{"destinationConfig": map[string]any{"onFailure": map[string]any{"destination": ""}}}, "destinationConfig.onFailure.destination"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, s, http.MethodPut, api2021+asyncPath, tc.body)
			expectError(t, r, 400, "InvalidArgument")
			if !strings.Contains(r.ErrorMessage(), tc.msg) {
				t.Errorf("message %q does not contain %q", r.ErrorMessage(), tc.msg)
			}
		})
	}
	expectError(t, do(t, s, http.MethodGet, api2021+asyncPath, nil), 404, codeAsyncConfigNotExists)
	for _, ok := range []string{
		queueARN, functionARN,
		"acs:mns:cn-hangzhou:1:/topics/t/messages",
		"acs:fc:cn-hangzhou:1:services/svc/functions/fn",
		"acs:eventbridge:cn-hangzhou:1:eventbus/default",
		"acs:mq:cn-hangzhou:1:/instances/MQ_INST_1/topic/t",
	} {
		expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath, map[string]any{"destinationConfig": map[string]any{"onSuccess": map[string]any{"destination": ok}}}))
	}
}
