package emulator

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const (
	api2021       = "/2021-04-06"
	provisionPath = "/services/svc/functions/fn/provision-config"
)

// newProvisionServer returns an emulator with service svc, function fn,
// version 1 and aliases prod and canary on it, a clock the test moves and
// a step of one second per instance.
func newProvisionServer(t *testing.T, now *time.Time, mutate ...func(*Options)) *Server {
	t.Helper()
	opts := append([]func(*Options){func(o *Options) {
		o.Now = func() time.Time { return *now }
		o.Provisioning = Provisioning{Step: time.Second}
	}}, mutate...)
	s := newTestServer(t, opts...)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	mustPublish(t, s, "")
	for _, a := range []string{"prod", "canary"} {
		expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": a, "versionId": "1"}))
	}
	return s
}

func getProvision(t *testing.T, s http.Handler, qualifier string) fc.ProvisionConfig {
	t.Helper()
	r := do(t, s, http.MethodGet, api2021+provisionPath+"?qualifier="+qualifier, nil)
	expectOK(t, r)
	var pc fc.ProvisionConfig
	r.Decode(t, &pc)
	return pc
}

// Current moves toward the target one instance per step, up and down,
// and the answers carry the resource, target and lists as put.
func TestProvisionConfig_Converges(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)

	r := do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=prod", map[string]any{
		"target": 3,
		"scheduledActions": []any{map[string]any{"name": "morning", "target": 5, "scheduleExpression": "cron(0 0 8 * * *)",
			"startTime": "2024-01-01T00:00:00Z", "endTime": "2025-01-01T00:00:00Z"}},
		"targetTrackingPolicies": []any{map[string]any{"name": "util", "metricType": "ProvisionedConcurrencyUtilization",
			"metricTarget": 0.6, "minCapacity": 1, "maxCapacity": 10}},
	})
	expectOK(t, r)
	var put fc.ProvisionConfig
	r.Decode(t, &put)
	if deref(put.Resource) != DefaultAccountID+"#svc#prod#fn" || deref(put.Target) != 3 || put.Current.Int64() != 0 ||
		!deref(put.AlwaysAllocateCPU) || len(put.ScheduledActions) != 1 || len(put.TargetTrackingPolicies) != 1 {
		t.Fatalf("put answer %s", r.Body)
	}
	for _, tc := range []struct {
		after time.Duration
		want  int64
	}{{999 * time.Millisecond, 0}, {time.Second, 1}, {2500 * time.Millisecond, 2}, {3 * time.Second, 3}, {10 * time.Minute, 3}} {
		now = testNow.Add(tc.after)
		if got := getProvision(t, s, "prod"); got.Current.Int64() != tc.want || got.CurrentError != nil {
			t.Errorf("after %s: current %d (error %v), want %d", tc.after, got.Current.Int64(), got.CurrentError, tc.want)
		}
	}
	// Down to 1: two steps from the 3 there are now.
	base := now
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=prod", map[string]any{"target": 1, "alwaysAllocateCPU": false}))
	now = base.Add(time.Second)
	if got := getProvision(t, s, "prod"); got.Current.Int64() != 2 || deref(got.AlwaysAllocateCPU) || got.ScheduledActions != nil {
		t.Errorf("a put replaces the config; after one step down: %+v", got)
	}
	now = base.Add(5 * time.Second)
	if got := getProvision(t, s, "prod"); got.Current.Int64() != 1 {
		t.Errorf("current %d, want 1", got.Current.Int64())
	}
}

// The dotted form of the 2016-08-15 document and ?qualifier= reach the same
// config; configs of two qualifiers of one function never collide; a
// function that never had one reads target 0.
func TestProvisionConfig_KeyedByQualifier(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc.prod/functions/fn/provision-config", map[string]any{"target": 2}))
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=canary", map[string]any{"target": 5}))
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=LATEST", map[string]any{"target": 1}))
	if got := getProvision(t, s, "prod"); deref(got.Target) != 2 || deref(got.Resource) != DefaultAccountID+"#svc#prod#fn" {
		t.Errorf("prod: %+v", got)
	}
	if got := getProvision(t, s, "canary"); deref(got.Target) != 5 {
		t.Errorf("canary: %+v", got)
	}
	r := do(t, s, http.MethodGet, api+"/services/svc.LATEST/functions/fn/provision-config", nil)
	expectOK(t, r)
	if got := r.JSON(t); got["target"] != float64(1) {
		t.Errorf("LATEST, dotted: %s", r.Body)
	}

	mustCreateFunction(t, s, "svc", validFunction("other"))
	expectOK(t, do(t, s, http.MethodPost, versionsPath, nil))
	expectOK(t, do(t, s, http.MethodPut, aliasesPath+"/prod", map[string]any{"versionId": "2"}))
	r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/other/provision-config?qualifier=prod", nil)
	expectOK(t, r)
	if got := r.JSON(t); got["target"] != float64(0) || got["current"] != float64(0) || got["resource"] != DefaultAccountID+"#svc#prod#other" {
		t.Errorf("never set: %s", r.Body)
	}

	// ListProvisionConfigs: by resource, filtered, paged.
	r = do(t, s, http.MethodGet, api2021+"/provision-configs?serviceName=svc&limit=2", nil)
	expectOK(t, r)
	var page listProvisionConfigsResponse
	page = listProvisionConfigsResponse{}
	r.Decode(t, &page)
	if len(page.ProvisionConfigs) != 2 || deref(page.ProvisionConfigs[0].Resource) != DefaultAccountID+"#svc#LATEST#fn" ||
		page.NextToken != DefaultAccountID+"#svc#prod#fn" {
		t.Errorf("page 1: %s", r.Body)
	}
	r = do(t, s, http.MethodGet, api2021+"/provision-configs?serviceName=svc&limit=2&nextToken="+page.NextToken, nil)
	page = listProvisionConfigsResponse{}
	r.Decode(t, &page)
	if len(page.ProvisionConfigs) != 1 || page.NextToken != "" {
		t.Errorf("page 2: %s", r.Body)
	}
	r = do(t, s, http.MethodGet, api2021+"/provision-configs?serviceName=svc&qualifier=canary", nil)
	page = listProvisionConfigsResponse{}
	r.Decode(t, &page)
	if len(page.ProvisionConfigs) != 1 || deref(page.ProvisionConfigs[0].Target) != 5 {
		t.Errorf("canary only: %s", r.Body)
	}
	expectError(t, do(t, s, http.MethodGet, api2021+"/provision-configs?qualifier=canary", nil), http.StatusBadRequest, "InvalidArgument")
	expectError(t, do(t, s, http.MethodGet, api2021+"/provision-configs?serviceName=nope", nil), http.StatusNotFound, "ServiceNotFound")

	// Target 0 with nothing else empties the config: it leaves the list
	// once its instances are gone.
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=LATEST", map[string]any{"target": 0}))
	now = now.Add(10 * time.Minute)
	r = do(t, s, http.MethodGet, api2021+"/provision-configs?serviceName=svc", nil)
	page = listProvisionConfigsResponse{}
	r.Decode(t, &page)
	if len(page.ProvisionConfigs) != 2 {
		t.Errorf("emptied config still listed: %s", r.Body)
	}
}

func TestProvisionConfig_Refusals(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	p := api2021 + provisionPath
	for _, tc := range []struct {
		name, path string
		body       any
		status     int
		code, msg  string
	}{
		{"no qualifier", p, map[string]any{"target": 1}, 400, "InvalidArgument", "qualifier is required"},
		{"a version", p + "?qualifier=1", map[string]any{"target": 1}, 400, "InvalidArgument", "is a version"},
		{"a version, dotted", api + "/services/svc.1/functions/fn/provision-config", map[string]any{"target": 1}, 400, "InvalidArgument", "is a version"},
		{"unknown alias", p + "?qualifier=nope", map[string]any{"target": 1}, 404, "AliasNotFound", ""},
		{"unknown function", api2021 + "/services/svc/functions/nope/provision-config?qualifier=prod", map[string]any{"target": 1}, 404, "FunctionNotFound", ""},
		{"no target", p + "?qualifier=prod", map[string]any{}, 400, "InvalidArgument", "target is required"},
		{"negative target", p + "?qualifier=prod", map[string]any{"target": -1}, 400, "InvalidArgument", "target must be 0 or more"},
		{"bad cron", p + "?qualifier=prod", map[string]any{"target": 1, "scheduledActions": []any{
			map[string]any{"name": "a", "target": 1, "scheduleExpression": "cron(0 0 8 * *)"}}}, 400, "InvalidArgument", "scheduledActions[0].scheduleExpression"},
		{"neither cron nor at", p + "?qualifier=prod", map[string]any{"target": 1, "scheduledActions": []any{
			map[string]any{"name": "a", "target": 1, "scheduleExpression": "0 0 8 * * *"}}}, 400, "InvalidArgument", "use cron("},
		{"bad at", p + "?qualifier=prod", map[string]any{"target": 1, "scheduledActions": []any{
			map[string]any{"name": "a", "target": 1, "scheduleExpression": "at(2024-13-01T00:00:00)"}}}, 400, "InvalidArgument", "not a valid time"},
		{"duplicate action", p + "?qualifier=prod", map[string]any{"target": 1, "scheduledActions": []any{
			map[string]any{"name": "a", "target": 1, "scheduleExpression": "at(2024-01-01T00:00:00)"},
			map[string]any{"name": "a", "target": 1, "scheduleExpression": "at(2024-01-02T00:00:00)"}}}, 400, "InvalidArgument", "used twice"},
		{"end before start", p + "?qualifier=prod", map[string]any{"target": 1, "scheduledActions": []any{
			map[string]any{"name": "a", "target": 1, "scheduleExpression": "cron(0 0 8 * * *)", "startTime": "2025-01-01T00:00:00Z", "endTime": "2024-01-01T00:00:00Z"}}},
			400, "InvalidArgument", "must be before endTime"},
		{"bad time", p + "?qualifier=prod", map[string]any{"target": 1, "targetTrackingPolicies": []any{
			map[string]any{"name": "p", "metricType": "ProvisionedConcurrencyUtilization", "metricTarget": 0.5, "minCapacity": 1, "maxCapacity": 2, "startTime": "2024-01-01 00:00:00"}}},
			400, "InvalidArgument", "targetTrackingPolicies[0].startTime"},
		{"min over max", p + "?qualifier=prod", map[string]any{"target": 1, "targetTrackingPolicies": []any{
			map[string]any{"name": "p", "metricType": "ProvisionedConcurrencyUtilization", "metricTarget": 0.5, "minCapacity": 3, "maxCapacity": 2}}},
			400, "InvalidArgument", "minCapacity 3 is more than maxCapacity 2"},
		{"no metric type", p + "?qualifier=prod", map[string]any{"target": 1, "targetTrackingPolicies": []any{
			map[string]any{"name": "p", "metricTarget": 0.5, "minCapacity": 1, "maxCapacity": 2}}}, 400, "InvalidArgument", "metricType is required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, s, http.MethodPut, tc.path, tc.body)
			expectError(t, r, tc.status, tc.code)
			if !strings.Contains(r.ErrorMessage(), tc.msg) {
				t.Errorf("message %q does not contain %q", r.ErrorMessage(), tc.msg)
			}
		})
	}
	if got := getProvision(t, s, "prod"); deref(got.Target) != 0 {
		t.Errorf("a refused put was stored: %+v", got)
	}
	expectError(t, do(t, s, http.MethodGet, api2021+provisionPath+"?qualifier=1", nil), 400, "InvalidArgument")
}

// A shortfall stops current short of the target, with the reason as
// currentError; the settings are kept across changes, and the admin API
// sets them.
func TestProvisionConfig_Shortfall(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=prod", map[string]any{"target": 3}))
	now = now.Add(time.Second)
	r := do(t, s, http.MethodPut, "/_emulator/provisioning", `{"step":"1s","shortfall":2,"reason":"zone out of capacity"}`, unsigned(), withDate(""))
	expectOK(t, r)
	if got := r.JSON(t); got["shortfall"] != float64(2) || got["step"] != "1s" || got["reason"] != "zone out of capacity" {
		t.Errorf("admin answer %s", r.Body)
	}
	got := getProvision(t, s, "prod")
	if got.Current.Int64() != 1 || deref(got.CurrentError) != "zone out of capacity" {
		t.Errorf("stopped short: current %d, error %v", got.Current.Int64(), got.CurrentError)
	}
	now = now.Add(10 * time.Minute)
	if got := getProvision(t, s, "prod"); got.Current.Int64() != 1 {
		t.Errorf("current moved past the shortfall: %d", got.Current.Int64())
	}
	r = do(t, s, http.MethodGet, api2021+"/provision-configs", nil)
	if !strings.Contains(string(r.Body), "zone out of capacity") {
		t.Errorf("list without currentError: %s", r.Body)
	}

	expectError(t, do(t, s, http.MethodPut, "/_emulator/provisioning", `{"shortfall":-1}`, unsigned(), withDate("")), 400, "InvalidArgument")
	expectError(t, do(t, s, http.MethodPut, "/_emulator/provisioning", `{"step":"soon"}`, unsigned(), withDate("")), 400, "InvalidArgument")
	expectError(t, do(t, s, http.MethodPut, "/_emulator/provisioning", `{"speed":1}`, unsigned(), withDate("")), 400, "InvalidArgument")
	if s.Provisioning().Shortfall != 2 {
		t.Errorf("a refused setting replaced the old one: %+v", s.Provisioning())
	}
	expectOK(t, do(t, s, http.MethodDelete, "/_emulator/provisioning", nil, unsigned(), withDate("")))
	now = now.Add(2 * time.Second)
	if got := getProvision(t, s, "prod"); got.Current.Int64() != 3 || got.CurrentError != nil {
		t.Errorf("after the shortfall is lifted: current %d, error %v", got.Current.Int64(), got.CurrentError)
	}
	if _, err := New(Options{Provisioning: Provisioning{Step: -time.Second}}); err == nil {
		t.Errorf("a negative step was accepted")
	}
}

// ListInstances reports the instances a provision config brought up, in
// the document's bare array under /2016-08-15 and the SDK's object under
// /2021-04-06, with stable IDs and the alias's version.
func TestListInstances(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=prod", map[string]any{"target": 2}))
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=LATEST", map[string]any{"target": 1}))
	now = now.Add(10 * time.Second)

	r := do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances?qualifier=prod", nil)
	expectOK(t, r)
	var page listInstancesResponse
	r.Decode(t, &page)
	if len(page.Instances) != 2 || page.Instances[0].VersionID != "1" || !strings.HasPrefix(page.Instances[0].InstanceID, "c-") ||
		page.Instances[0].InstanceID == page.Instances[1].InstanceID {
		t.Fatalf("2021 answer %s", r.Body)
	}
	if !strings.Contains(string(r.Body), `"versionId":"1"`) {
		t.Errorf("2021 versionId is not a string: %s", r.Body)
	}
	again := do(t, s, http.MethodGet, api+"/services/svc.prod/functions/fn/instances", nil)
	expectOK(t, again)
	var bare []instance2016
	again.Decode(t, &bare)
	if len(bare) != 2 || bare[0].InstanceID != page.Instances[0].InstanceID || bare[0].VersionID != 1 {
		t.Errorf("2016 answer %s", again.Body)
	}
	r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances", nil)
	page = listInstancesResponse{}
	r.Decode(t, &page)
	if len(page.Instances) != 1 || page.Instances[0].VersionID != "0" {
		t.Errorf("LATEST: %s", r.Body)
	}
	for q, want := range map[string]int{"canary": 0, "1": 0} {
		r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances?qualifier="+q, nil)
		expectOK(t, r)
		page = listInstancesResponse{}
		r.Decode(t, &page)
		if len(page.Instances) != want {
			t.Errorf("%s: %s", q, r.Body)
		}
	}
	r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances?qualifier=prod&limit=1", nil)
	page = listInstancesResponse{}
	r.Decode(t, &page)
	if len(page.Instances) != 1 {
		t.Errorf("limit 1: %s", r.Body)
	}
	first := page.Instances[0].InstanceID
	r = do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances?qualifier=prod&instanceIds="+first, nil)
	page = listInstancesResponse{}
	r.Decode(t, &page)
	if len(page.Instances) != 1 || page.Instances[0].InstanceID != first {
		t.Errorf("instanceIds: %s", r.Body)
	}
	expectError(t, do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances?limit=1001", nil), 400, "InvalidArgument")
	expectError(t, do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/instances?qualifier=nope", nil), 404, "AliasNotFound")
	expectError(t, do(t, s, http.MethodGet, api2021+"/services/svc/functions/nope/instances", nil), 404, "FunctionNotFound")
	// The client reads both shapes.
	var list fc.InstanceList
	again.Decode(t, &list)
	if len(list) != 2 || list[1].VersionID != "1" {
		t.Errorf("fc.InstanceList of the 2016 answer: %+v", list)
	}
}

// The configs go with the function, the alias and the version they belong
// to; a function holding them can be deleted (they do not make it
// NotEmpty).
func TestProvisionAndAsyncConfigs_GoWithTheirParent(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now)
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=prod", map[string]any{"target": 1}))
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=canary", map[string]any{"target": 1}))
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=prod", map[string]any{"maxAsyncRetryAttempts": 1}))
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=1", map[string]any{"maxAsyncRetryAttempts": 1}))
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath, map[string]any{"maxAsyncRetryAttempts": 1}))

	expectNoContent(t, do(t, s, http.MethodDelete, aliasesPath+"/prod", nil))
	expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "prod", "versionId": "1"}))
	if got := getProvision(t, s, "prod"); deref(got.Target) != 0 {
		t.Errorf("a recreated alias sees the old provision config: %+v", got)
	}
	expectError(t, do(t, s, http.MethodGet, api2021+asyncPath+"?qualifier=prod", nil), 404, codeAsyncConfigNotExists)
	expectNoContent(t, do(t, s, http.MethodDelete, aliasesPath+"/prod", nil))
	expectNoContent(t, do(t, s, http.MethodDelete, aliasesPath+"/canary", nil))
	expectNoContent(t, do(t, s, http.MethodDelete, versionsPath+"/1", nil))
	expectOK(t, do(t, s, http.MethodPost, versionsPath, nil))
	if r := do(t, s, http.MethodGet, api2021+"/services/svc/functions/fn/async-invoke-configs", nil); strings.Contains(string(r.Body), `"qualifier":"1"`) {
		t.Errorf("the deleted version's config is listed: %s", r.Body)
	}

	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil))
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	expectError(t, do(t, s, http.MethodGet, api2021+asyncPath, nil), 404, codeAsyncConfigNotExists)
	r := do(t, s, http.MethodGet, api2021+"/provision-configs", nil)
	if strings.Contains(string(r.Body), "#fn") {
		t.Errorf("the deleted function's provision configs are listed: %s", r.Body)
	}
}

// Provision progress and async configs survive a restart.
func TestProvisionAndAsyncConfigs_Persist(t *testing.T) {
	now := testNow
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }
	s := newProvisionServer(t, &now, withState)
	expectOK(t, do(t, s, http.MethodPut, api2021+provisionPath+"?qualifier=prod", map[string]any{"target": 4}))
	expectOK(t, do(t, s, http.MethodPut, api2021+asyncPath+"?qualifier=prod", map[string]any{"maxAsyncEventAgeInSeconds": 60}))
	now = now.Add(2 * time.Second)

	s2 := newTestServer(t, withState, func(o *Options) {
		o.Now = func() time.Time { return now }
		o.Provisioning = Provisioning{Step: time.Second}
	})
	if got := getProvision(t, s2, "prod"); deref(got.Target) != 4 || got.Current.Int64() != 2 {
		t.Errorf("after a restart: %+v", got)
	}
	r := do(t, s2, http.MethodGet, api2021+asyncPath+"?qualifier=prod", nil)
	expectOK(t, r)
	if r.JSON(t)["maxAsyncEventAgeInSeconds"] != float64(60) {
		t.Errorf("async config after a restart: %s", r.Body)
	}
}
