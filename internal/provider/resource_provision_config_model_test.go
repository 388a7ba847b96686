package provider

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestProvisionConfigResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewProvisionConfigResource())
	assertDescribed(t, "fc_provision_config", s.Attributes)
	assertSchemaModelParity(t, "fc_provision_config", s.Attributes, provisionConfigModel{})
	actions := s.Attributes["scheduled_actions"].(rschema.ListNestedAttribute)
	assertSchemaModelParity(t, "fc_provision_config.scheduled_actions", actions.NestedObject.Attributes, scheduledActionModel{})
	if !actions.GetType().Equal(scheduledActionsType) {
		t.Errorf("scheduledActionAttrTypes differ from the schema: %v", actions.GetType())
	}
	policies := s.Attributes["target_tracking_policies"].(rschema.ListNestedAttribute)
	assertSchemaModelParity(t, "fc_provision_config.target_tracking_policies", policies.NestedObject.Attributes, targetTrackingPolicyModel{})
	if !policies.GetType().Equal(targetTrackingPoliciesType) {
		t.Errorf("targetTrackingPolicyAttrTypes differ from the schema: %v", policies.GetType())
	}
	for _, name := range []string{"service_name", "qualifier", "function_name"} {
		if a := s.Attributes[name].(rschema.StringAttribute); !a.IsRequired() || len(a.PlanModifiers) == 0 {
			t.Errorf("fc_provision_config.%s must be required and replace the config", name)
		}
	}
}

func TestProvisionConfigsDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewProvisionConfigsDataSource())
	assertDescribed(t, "data.fc_provision_configs", s.Attributes)
	assertSchemaModelParity(t, "data.fc_provision_configs", s.Attributes, provisionConfigsDataSourceModel{})
	item := s.Attributes["configs"].(dschema.ListNestedAttribute).NestedObject
	assertSchemaModelParity(t, "data.fc_provision_configs.configs", item.Attributes, provisionConfigItemModel{})
	if got := item.Attributes["scheduled_actions"].GetType(); !got.Equal(scheduledActionsType) {
		t.Errorf("data source scheduled_actions type %v", got)
	}
	if got := item.Attributes["target_tracking_policies"].GetType(); !got.Equal(targetTrackingPoliciesType) {
		t.Errorf("data source target_tracking_policies type %v", got)
	}
}

func TestFunctionInstancesDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewFunctionInstancesDataSource())
	assertDescribed(t, "data.fc_function_instances", s.Attributes)
	assertSchemaModelParity(t, "data.fc_function_instances", s.Attributes, functionInstancesDataSourceModel{})
	item := s.Attributes["instances"].(dschema.ListNestedAttribute).NestedObject
	assertSchemaModelParity(t, "data.fc_function_instances.instances", item.Attributes, instanceModel{})
}

func provisionPlan(t *testing.T) provisionConfigModel {
	t.Helper()
	ctx := context.Background()
	actions, d := types.ListValueFrom(ctx, scheduledActionsType.ElemType, []scheduledActionModel{{
		Name: types.StringValue("night"), ScheduleExpression: types.StringValue("cron(0 0 22 * * *)"), Target: types.Int64Value(0),
		StartTime: types.StringValue("2024-01-01T00:00:00Z"), EndTime: types.StringNull(),
	}})
	if d.HasError() {
		t.Fatal(d)
	}
	policies, d := types.ListValueFrom(ctx, targetTrackingPoliciesType.ElemType, []targetTrackingPolicyModel{{
		Name: types.StringValue("util"), MetricType: types.StringValue(MetricTypeProvisionedConcurrencyUtilization),
		MetricTarget: types.Float64Value(0.6), MinCapacity: types.Int64Value(0), MaxCapacity: types.Int64Value(4),
		StartTime: types.StringNull(), EndTime: types.StringNull(),
	}})
	if d.HasError() {
		t.Fatal(d)
	}
	return provisionConfigModel{
		ServiceName: types.StringValue("svc"), Qualifier: types.StringValue("prod"), FunctionName: types.StringValue("fn"),
		Target: types.Int64Value(2), AlwaysAllocateCPU: types.BoolValue(false), Current: types.Int64Unknown(),
		ScheduledActions: actions, TargetTrackingPolicies: policies,
	}
}

// Expand sends every field, the lists always (empty when null, which
// clears them on a put); flatten of what was sent gives back the plan.
func TestProvisionConfig_expandFlattenRoundTrip(t *testing.T) {
	ctx := context.Background()
	plan := provisionPlan(t)
	in, diags := expandProvisionConfig(ctx, plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if deref64(in.Target) != 2 || in.AlwaysAllocateCPU == nil || *in.AlwaysAllocateCPU || len(in.ScheduledActions) != 1 ||
		in.ScheduledActions[0].StartTime != "2024-01-01T00:00:00Z" || in.ScheduledActions[0].EndTime != "" ||
		len(in.TargetTrackingPolicies) != 1 || in.TargetTrackingPolicies[0].MaxCapacity != 4 {
		t.Errorf("expanded %+v", in)
	}
	answer := *in
	answer.Current = fc.Ptr(fc.LooseInt64(2))
	got, diags := flattenProvisionConfig(ctx, &answer, plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !got.ScheduledActions.Equal(plan.ScheduledActions) || !got.TargetTrackingPolicies.Equal(plan.TargetTrackingPolicies) ||
		got.Current.ValueInt64() != 2 || got.ID.ValueString() != "svc/prod/fn" || got.AlwaysAllocateCPU.ValueBool() {
		t.Errorf("flattened %+v", got)
	}

	// Null lists are sent as [] and read back as null; [] stays [].
	plan.ScheduledActions = types.ListNull(scheduledActionsType.ElemType)
	plan.TargetTrackingPolicies = types.ListValueMust(targetTrackingPoliciesType.ElemType, nil)
	in, _ = expandProvisionConfig(ctx, plan)
	if in.ScheduledActions == nil || len(in.ScheduledActions) != 0 || in.TargetTrackingPolicies == nil {
		t.Errorf("null lists must be sent empty: %+v", in)
	}
	got, _ = flattenProvisionConfig(ctx, &fc.ProvisionConfig{Target: fc.Ptr(int64(2))}, plan)
	if !got.ScheduledActions.IsNull() || got.TargetTrackingPolicies.IsNull() || len(got.TargetTrackingPolicies.Elements()) != 0 {
		t.Errorf("lists after an empty answer: %v / %v", got.ScheduledActions, got.TargetTrackingPolicies)
	}
	// No alwaysAllocateCPU in the answer: FC's default, true.
	plan.AlwaysAllocateCPU = types.BoolUnknown()
	if got, _ = flattenProvisionConfig(ctx, &fc.ProvisionConfig{}, plan); !got.AlwaysAllocateCPU.ValueBool() {
		t.Errorf("always_allocate_cpu without an answer: %v", got.AlwaysAllocateCPU)
	}
	// The release body.
	if r := releaseProvisionConfig(); deref64(r.Target) != 0 || r.ScheduledActions == nil || r.TargetTrackingPolicies == nil {
		t.Errorf("release %+v", r)
	}
}

// newProvisionWaitEnv is an emulator holding svc/fn with alias prod, and a
// client for it.
func newProvisionWaitEnv(t *testing.T, p emulator.Provisioning) (*emulator.Server, *fc.Client) {
	t.Helper()
	em, err := emulator.New(emulator.Options{AccessKeyID: "k", AccessKeySecret: "s", Strict: true, Provisioning: p})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	client, err := fc.New(fc.Config{Endpoint: srv.URL, AccountID: emulator.DefaultAccountID, AccessKeyID: "k", AccessKeySecret: "s", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.CreateFunction(ctx, "svc", &fc.Function{FunctionName: fc.Ptr("fn"), Runtime: fc.Ptr("custom-container"),
		Handler: fc.Ptr("x"), CustomContainerConfig: &fc.CustomContainerConfig{Image: "registry.cn-hangzhou.aliyuncs.com/a/b:1"}}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := client.PublishServiceVersion(ctx, "svc", "", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := client.CreateAlias(ctx, "svc", &fc.Alias{AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("1")}); err != nil {
		t.Fatal(err)
	}
	return em, client
}

func TestWaitForProvision_converges(t *testing.T) {
	em, client := newProvisionWaitEnv(t, emulator.Provisioning{Step: 15 * time.Millisecond})
	ctx := context.Background()
	if _, err := client.PutProvisionConfig(ctx, "svc", "prod", "fn", &fc.ProvisionConfig{Target: fc.Ptr(int64(3))}); err != nil {
		t.Fatal(err)
	}
	em.ResetCounts()
	out, err := waitForProvision(ctx, client, "svc", "prod", "fn", 3, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if out.Current.Int64() != 3 {
		t.Errorf("current %d", out.Current.Int64())
	}
	// It waited: the first read saw fewer than 3.
	if n := em.Counts()["GetProvisionConfig"]; n < 2 {
		t.Errorf("%d reads: the wait did not wait", n)
	}
}

func TestWaitForProvision_stopsShortWithTheReason(t *testing.T) {
	_, client := newProvisionWaitEnv(t, emulator.Provisioning{Step: time.Millisecond, Shortfall: 2, Reason: "the zone has no capacity left"})
	ctx := context.Background()
	if _, err := client.PutProvisionConfig(ctx, "svc", "prod", "fn", &fc.ProvisionConfig{Target: fc.Ptr(int64(3))}); err != nil {
		t.Fatal(err)
	}
	out, err := waitForProvision(ctx, client, "svc", "prod", "fn", 3, time.Minute)
	if !errors.Is(err, errProvisionStalled) {
		t.Fatalf("got %v, want a stall", err)
	}
	if out == nil || out.Current.Int64() != 1 {
		t.Errorf("last read %+v", out)
	}
	detail := provisionWaitDetail("Could not provision", err)
	for _, want := range []string{"FC has 1 of 3 instances", "FC's reason for the shortfall: the zone has no capacity left", "stopped coming"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q does not contain %q", detail, want)
		}
	}
}

func TestWaitForProvision_timesOut(t *testing.T) {
	_, client := newProvisionWaitEnv(t, emulator.Provisioning{Step: time.Hour})
	if _, err := client.PutProvisionConfig(context.Background(), "svc", "prod", "fn", &fc.ProvisionConfig{Target: fc.Ptr(int64(1))}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := waitForProvision(ctx, client, "svc", "prod", "fn", 1, 100*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, errProvisionStalled) {
		t.Fatalf("got %v, want a timeout", err)
	}
	detail := provisionWaitDetail("Could not provision", err)
	for _, want := range []string{"FC has 0 of 1 instances", "timed out after 100ms", "Raise the timeout"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q does not contain %q", detail, want)
		}
	}
	if strings.Contains(detail, "reason for the shortfall") {
		t.Errorf("a reason FC did not give: %q", detail)
	}
}
