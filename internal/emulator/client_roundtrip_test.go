package emulator

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// TestClientRoundTripTriggersVersionsAliases drives triggers, versions and
// aliases through this repository's client (internal/fc, 2021-04-06 paths,
// triggerConfig sent and answered as a string).
func TestClientRoundTripTriggersVersionsAliases(t *testing.T) {
	s := newTestServer(t)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client, err := fc.New(fc.Config{
		Endpoint:        ts.URL,
		AccountID:       DefaultAccountID,
		Region:          DefaultRegion,
		AccessKeyID:     testKeyID,
		AccessKeySecret: testKeySecret,
		Now:             func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	fnIn := &fc.Function{
		FunctionName: fc.Ptr("fn"), Runtime: fc.Ptr("python3.9"), Handler: fc.Ptr("index.handler"),
		Code: &fc.Code{ZipFile: testZipBase64},
	}
	if _, _, err := client.CreateFunction(ctx, "svc", fnIn, ""); err != nil {
		t.Fatalf("CreateFunction: %v", err)
	}

	// Triggers.
	created, etag, err := client.CreateTrigger(ctx, "svc", "fn", &fc.Trigger{
		TriggerName:    fc.Ptr("on-upload"),
		TriggerType:    fc.Ptr("oss"),
		SourceArn:      fc.Ptr("acs:oss:cn-hangzhou:123:bucket"),
		InvocationRole: fc.Ptr("acs:ram::123:role/oss-invoke"),
		TriggerConfig:  fc.TriggerConfig(`{"events": ["oss:ObjectCreated:*"], "filter": {"key": {"prefix": "in/"}}}`),
	})
	if err != nil {
		t.Fatalf("CreateTrigger: %v", err)
	}
	if etag == "" || deref(created.TriggerID) == "" || string(created.TriggerConfig) != `{"events":["oss:ObjectCreated:*"],"filter":{"key":{"prefix":"in/"}}}` {
		t.Errorf("CreateTrigger: %+v config %s", created, created.TriggerConfig)
	}
	updated, etag2, err := client.UpdateTrigger(ctx, "svc", "fn", "on-upload", &fc.Trigger{Description: fc.Ptr("d")}, etag)
	if err != nil {
		t.Fatalf("UpdateTrigger: %v", err)
	}
	if deref(updated.Description) != "d" || etag2 == etag || string(updated.TriggerConfig) != string(created.TriggerConfig) {
		t.Errorf("UpdateTrigger: %+v", updated)
	}
	if _, _, err := client.UpdateTrigger(ctx, "svc", "fn", "on-upload", &fc.Trigger{Description: fc.Ptr("x")}, etag); !fc.IsPreconditionFailed(err) {
		t.Errorf("UpdateTrigger with a stale ETag: %v", err)
	}
	got, gotETag, err := client.GetTrigger(ctx, "svc", "fn", "on-upload")
	if err != nil || gotETag != etag2 || deref(got.Description) != "d" {
		t.Errorf("GetTrigger: %+v %q %v", got, gotETag, err)
	}
	list, err := client.ListTriggers(ctx, "svc", "fn", fc.ListOptions{Limit: 1})
	if err != nil || len(list) != 1 || deref(list[0].TriggerName) != "on-upload" {
		t.Errorf("ListTriggers: %+v %v", list, err)
	}
	if err := client.DeleteFunction(ctx, "svc", "fn", ""); !fc.IsConflict(err) {
		t.Errorf("DeleteFunction with a trigger: %v", err)
	}
	if err := client.DeleteTrigger(ctx, "svc", "fn", "on-upload", etag2); err != nil {
		t.Fatalf("DeleteTrigger: %v", err)
	}
	if _, _, err := client.GetTrigger(ctx, "svc", "fn", "on-upload"); !fc.IsNotFound(err) {
		t.Errorf("GetTrigger after delete: %v", err)
	}

	// Versions.
	_, svcETag, err := client.GetService(ctx, "svc", "")
	if err != nil {
		t.Fatal(err)
	}
	v1, err := client.PublishServiceVersion(ctx, "svc", "first", svcETag)
	if err != nil || deref(v1.VersionID) != "1" || deref(v1.Description) != "first" {
		t.Fatalf("PublishServiceVersion: %+v %v", v1, err)
	}
	if _, err := client.PublishServiceVersion(ctx, "svc", "", "stale"); !fc.IsPreconditionFailed(err) {
		t.Errorf("PublishServiceVersion with a stale ETag: %v", err)
	}
	for i := 0; i < 3; i++ {
		if _, err := client.PublishServiceVersion(ctx, "svc", "", ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := client.DeleteServiceVersion(ctx, "svc", "2"); err != nil {
		t.Fatalf("DeleteServiceVersion: %v", err)
	}
	all, err := client.ListServiceVersions(ctx, "svc", fc.VersionListOptions{Limit: 1})
	var ids []string
	for _, v := range all {
		ids = append(ids, deref(v.VersionID))
	}
	if err != nil || !equalStrings(ids, []string{"4", "3", "1"}) {
		t.Errorf("ListServiceVersions = %v, %v", ids, err)
	}
	forward, err := client.ListServiceVersions(ctx, "svc", fc.VersionListOptions{Direction: "FORWARD", StartKey: "3"})
	if err != nil || len(forward) != 2 || deref(forward[0].VersionID) != "3" {
		t.Errorf("ListServiceVersions forward: %+v %v", forward, err)
	}
	if v, err := client.GetServiceVersion(ctx, "svc", "3"); err != nil || deref(v.VersionID) != "3" {
		t.Errorf("GetServiceVersion 3: %+v %v", v, err)
	}
	if v, err := client.GetServiceVersion(ctx, "svc", "1"); err != nil || deref(v.Description) != "first" {
		t.Errorf("GetServiceVersion 1: %+v %v", v, err)
	}
	// Version 2 was deleted: the listing from 2 starts at 3, so the client
	// reports it missing.
	if _, err := client.GetServiceVersion(ctx, "svc", "2"); !fc.IsNotFound(err) {
		t.Errorf("GetServiceVersion 2: %v", err)
	}
	if _, err := client.GetServiceVersion(ctx, "svc", "9"); !fc.IsNotFound(err) {
		t.Errorf("GetServiceVersion 9: %v", err)
	}

	// Aliases.
	alias, aliasETag, err := client.CreateAlias(ctx, "svc", &fc.Alias{
		AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("1"),
		AdditionalVersionWeight: map[string]float64{"3": 0.1},
	})
	if err != nil || aliasETag == "" || deref(alias.ServiceName) != "svc" || alias.AdditionalVersionWeight["3"] != 0.1 {
		t.Fatalf("CreateAlias: %+v %v", alias, err)
	}
	if err := client.DeleteServiceVersion(ctx, "svc", "3"); !fc.IsConflict(err) {
		t.Errorf("DeleteServiceVersion in use: %v", err)
	}
	// A non-nil empty map clears the weights.
	upd, aliasETag2, err := client.UpdateAlias(ctx, "svc", "prod", &fc.Alias{AdditionalVersionWeight: map[string]float64{}}, aliasETag)
	if err != nil || upd.AdditionalVersionWeight != nil || deref(upd.VersionID) != "1" || aliasETag2 == aliasETag {
		t.Errorf("UpdateAlias: %+v %v", upd, err)
	}
	if _, _, err := client.UpdateAlias(ctx, "svc", "prod", &fc.Alias{Description: fc.Ptr("x")}, aliasETag); !fc.IsPreconditionFailed(err) {
		t.Errorf("UpdateAlias with a stale ETag: %v", err)
	}
	if a, e, err := client.GetAlias(ctx, "svc", "prod"); err != nil || e != aliasETag2 || deref(a.VersionID) != "1" {
		t.Errorf("GetAlias: %+v %q %v", a, e, err)
	}
	if as, err := client.ListAliases(ctx, "svc", fc.ListOptions{}); err != nil || len(as) != 1 {
		t.Errorf("ListAliases: %+v %v", as, err)
	}
	if fn, _, err := client.GetFunction(ctx, "svc", "prod", "fn"); err != nil || deref(fn.FunctionName) != "fn" {
		t.Errorf("GetFunction via alias: %v", err)
	}
	if err := client.DeleteAlias(ctx, "svc", "prod", aliasETag2); err != nil {
		t.Fatalf("DeleteAlias: %v", err)
	}
	if _, _, err := client.GetAlias(ctx, "svc", "prod"); !fc.IsNotFound(err) {
		t.Errorf("GetAlias after delete: %v", err)
	}
	if err := client.DeleteServiceVersion(ctx, "svc", "3"); err != nil {
		t.Errorf("DeleteServiceVersion: %v", err)
	}
	if err := client.DeleteService(ctx, "svc", ""); !fc.IsConflict(err) {
		t.Errorf("DeleteService with versions and a function: %v", err)
	}
	if s.Counts()["ListServiceVersions"] == 0 {
		t.Errorf("counters: %v", s.Counts())
	}
}
