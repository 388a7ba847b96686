package emulator

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// TestClientRoundTripProvisionAsyncInstances drives provision configs,
// async-invoke configs and instances through this repository's client
// (2021-04-06 paths, ?qualifier=) against a strict emulator.
func TestClientRoundTripProvisionAsyncInstances(t *testing.T) {
	now := testNow
	s := newProvisionServer(t, &now, withStrict)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client, err := fc.New(fc.Config{
		Endpoint: ts.URL, AccountID: DefaultAccountID, Region: DefaultRegion,
		AccessKeyID: testKeyID, AccessKeySecret: testKeySecret,
		Now: func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	in := &fc.ProvisionConfig{
		Target: fc.Ptr(int64(2)), AlwaysAllocateCPU: fc.Ptr(false),
		ScheduledActions: []fc.ScheduledAction{{Name: "night", Target: 0, ScheduleExpression: "cron(0 0 22 * * *)"},
			{Name: "launch", Target: 4, ScheduleExpression: "at(2024-06-01T08:00:00)", StartTime: "2024-05-01T00:00:00Z"}},
		TargetTrackingPolicies: []fc.TargetTrackingPolicy{{Name: "util", MetricType: "ProvisionedConcurrencyUtilization",
			MetricTarget: 0.6, MinCapacity: 1, MaxCapacity: 8, EndTime: "2030-01-01T00:00:00Z"}},
	}
	put, err := client.PutProvisionConfig(ctx, "svc", "prod", "fn", in)
	if err != nil {
		t.Fatalf("PutProvisionConfig: %v", err)
	}
	if deref(put.Target) != 2 || deref(put.AlwaysAllocateCPU) || len(put.ScheduledActions) != 2 || put.ScheduledActions[1].StartTime != "2024-05-01T00:00:00Z" ||
		len(put.TargetTrackingPolicies) != 1 || put.TargetTrackingPolicies[0].MetricTarget != 0.6 {
		t.Errorf("PutProvisionConfig: %+v", put)
	}
	now = now.Add(2 * time.Second)
	got, err := client.GetProvisionConfig(ctx, "svc", "prod", "fn")
	if err != nil || got.Current.Int64() != 2 {
		t.Fatalf("GetProvisionConfig: %v %+v", err, got)
	}
	if _, svc, q, fn, ok := fc.ParseProvisionResource(deref(got.Resource)); !ok || svc != "svc" || q != "prod" || fn != "fn" {
		t.Errorf("resource %q", deref(got.Resource))
	}
	list, err := client.ListProvisionConfigs(ctx, fc.ProvisionConfigListOptions{ServiceName: "svc", Qualifier: "prod", Limit: 1})
	if err != nil || len(list) != 1 {
		t.Errorf("ListProvisionConfigs: %v %+v", err, list)
	}
	instances, err := client.ListInstances(ctx, "svc", "prod", "fn", 0)
	if err != nil || len(instances) != 2 || instances[0].VersionID != "1" {
		t.Errorf("ListInstances: %v %+v", err, instances)
	}

	a, err := client.PutFunctionAsyncInvokeConfig(ctx, "svc", "prod", "fn", &fc.AsyncInvokeConfig{
		MaxAsyncEventAgeInSeconds: fc.Ptr(int64(100)), MaxAsyncRetryAttempts: fc.Ptr(int64(0)), StatefulInvocation: fc.Ptr(true),
		DestinationConfig: &fc.DestinationConfig{OnSuccess: &fc.Destination{Destination: queueARN}, OnFailure: &fc.Destination{Destination: functionARN}},
	})
	if err != nil {
		t.Fatalf("PutFunctionAsyncInvokeConfig: %v", err)
	}
	if a.ServiceNameOf() != "svc" || a.FunctionNameOf() != "fn" || deref(a.MaxAsyncRetryAttempts) != 0 || !deref(a.StatefulInvocation) {
		t.Errorf("PutFunctionAsyncInvokeConfig: %+v", a)
	}
	if g, err := client.GetFunctionAsyncInvokeConfig(ctx, "svc", "prod", "fn"); err != nil || g.DestinationConfig.OnFailure.Destination != functionARN {
		t.Errorf("GetFunctionAsyncInvokeConfig: %v %+v", err, g)
	}
	if l, err := client.ListFunctionAsyncInvokeConfigs(ctx, "svc", "fn", fc.ListOptions{}); err != nil || len(l) != 1 {
		t.Errorf("ListFunctionAsyncInvokeConfigs: %v %+v", err, l)
	}
	if err := client.DeleteFunctionAsyncInvokeConfig(ctx, "svc", "prod", "fn"); err != nil {
		t.Fatalf("DeleteFunctionAsyncInvokeConfig: %v", err)
	}
	if _, err := client.GetFunctionAsyncInvokeConfig(ctx, "svc", "prod", "fn"); !fc.IsNotFound(err) {
		t.Errorf("after delete: %v", err)
	}
}
