package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// provisionConfigModel is the state of fc_provision_config.
type provisionConfigModel struct {
	AlwaysAllocateCPU      types.Bool     `tfsdk:"always_allocate_cpu"`
	Current                types.Int64    `tfsdk:"current"`
	FunctionName           types.String   `tfsdk:"function_name"`
	ID                     types.String   `tfsdk:"id"`
	Qualifier              types.String   `tfsdk:"qualifier"`
	ScheduledActions       types.List     `tfsdk:"scheduled_actions"`
	ServiceName            types.String   `tfsdk:"service_name"`
	Target                 types.Int64    `tfsdk:"target"`
	TargetTrackingPolicies types.List     `tfsdk:"target_tracking_policies"`
	Timeouts               timeouts.Value `tfsdk:"timeouts"`
}

// provisionConfigItemModel is one provision config of fc_provision_configs.
type provisionConfigItemModel struct {
	AlwaysAllocateCPU      types.Bool   `tfsdk:"always_allocate_cpu"`
	Current                types.Int64  `tfsdk:"current"`
	CurrentError           types.String `tfsdk:"current_error"`
	FunctionName           types.String `tfsdk:"function_name"`
	Qualifier              types.String `tfsdk:"qualifier"`
	ScheduledActions       types.List   `tfsdk:"scheduled_actions"`
	ServiceName            types.String `tfsdk:"service_name"`
	Target                 types.Int64  `tfsdk:"target"`
	TargetTrackingPolicies types.List   `tfsdk:"target_tracking_policies"`
}

type scheduledActionModel struct {
	EndTime            types.String `tfsdk:"end_time"`
	Name               types.String `tfsdk:"name"`
	ScheduleExpression types.String `tfsdk:"schedule_expression"`
	StartTime          types.String `tfsdk:"start_time"`
	Target             types.Int64  `tfsdk:"target"`
}

type targetTrackingPolicyModel struct {
	EndTime      types.String  `tfsdk:"end_time"`
	MaxCapacity  types.Int64   `tfsdk:"max_capacity"`
	MetricTarget types.Float64 `tfsdk:"metric_target"`
	MetricType   types.String  `tfsdk:"metric_type"`
	MinCapacity  types.Int64   `tfsdk:"min_capacity"`
	Name         types.String  `tfsdk:"name"`
	StartTime    types.String  `tfsdk:"start_time"`
}

var scheduledActionAttrTypes = map[string]attr.Type{
	"end_time":            types.StringType,
	"name":                types.StringType,
	"schedule_expression": types.StringType,
	"start_time":          types.StringType,
	"target":              types.Int64Type,
}

var targetTrackingPolicyAttrTypes = map[string]attr.Type{
	"end_time":      types.StringType,
	"max_capacity":  types.Int64Type,
	"metric_target": types.Float64Type,
	"metric_type":   types.StringType,
	"min_capacity":  types.Int64Type,
	"name":          types.StringType,
	"start_time":    types.StringType,
}

var (
	scheduledActionsType       = types.ListType{ElemType: types.ObjectType{AttrTypes: scheduledActionAttrTypes}}
	targetTrackingPoliciesType = types.ListType{ElemType: types.ObjectType{AttrTypes: targetTrackingPolicyAttrTypes}}
)

// provisionConfigID is the ID of a provision config: SERVICE/QUALIFIER/FUNCTION.
func provisionConfigID(service, qualifier, function string) string {
	return service + "/" + qualifier + "/" + function
}

// expandProvisionConfig builds the PutProvisionConfig body. The lists are
// always sent (an empty list when null): a put replaces the config, and
// the explicit [] says so.
func expandProvisionConfig(ctx context.Context, m provisionConfigModel) (*fc.ProvisionConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := &fc.ProvisionConfig{
		Target:                 int64Ptr(m.Target),
		AlwaysAllocateCPU:      boolPtr(m.AlwaysAllocateCPU),
		ScheduledActions:       []fc.ScheduledAction{},
		TargetTrackingPolicies: []fc.TargetTrackingPolicy{},
	}
	if known(m.ScheduledActions) {
		var actions []scheduledActionModel
		diags.Append(m.ScheduledActions.ElementsAs(ctx, &actions, false)...)
		for _, a := range actions {
			out.ScheduledActions = append(out.ScheduledActions, fc.ScheduledAction{
				Name:               a.Name.ValueString(),
				StartTime:          a.StartTime.ValueString(),
				EndTime:            a.EndTime.ValueString(),
				Target:             a.Target.ValueInt64(),
				ScheduleExpression: a.ScheduleExpression.ValueString(),
			})
		}
	}
	if known(m.TargetTrackingPolicies) {
		var policies []targetTrackingPolicyModel
		diags.Append(m.TargetTrackingPolicies.ElementsAs(ctx, &policies, false)...)
		for _, p := range policies {
			out.TargetTrackingPolicies = append(out.TargetTrackingPolicies, fc.TargetTrackingPolicy{
				Name:         p.Name.ValueString(),
				StartTime:    p.StartTime.ValueString(),
				EndTime:      p.EndTime.ValueString(),
				MetricType:   p.MetricType.ValueString(),
				MetricTarget: p.MetricTarget.ValueFloat64(),
				MinCapacity:  p.MinCapacity.ValueInt64(),
				MaxCapacity:  p.MaxCapacity.ValueInt64(),
			})
		}
	}
	return out, diags
}

// releaseProvisionConfig is the body that releases every instance (FC has
// no delete): target 0 and no schedules or policies that would bring
// instances back.
func releaseProvisionConfig() *fc.ProvisionConfig {
	return &fc.ProvisionConfig{
		Target:                 fc.Ptr(int64(0)),
		ScheduledActions:       []fc.ScheduledAction{},
		TargetTrackingPolicies: []fc.TargetTrackingPolicy{},
	}
}

// flattenProvisionConfig maps an answer onto the state; prior (the plan or
// the last state) decides null versus empty lists and keeps the planned
// precision of metric targets.
func flattenProvisionConfig(ctx context.Context, in *fc.ProvisionConfig, prior provisionConfigModel) (provisionConfigModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := prior
	out.ID = types.StringValue(provisionConfigID(prior.ServiceName.ValueString(), prior.Qualifier.ValueString(), prior.FunctionName.ValueString()))
	out.Target = types.Int64Value(deref64(in.Target))
	out.Current = types.Int64Value(in.Current.Int64())
	if in.AlwaysAllocateCPU != nil {
		out.AlwaysAllocateCPU = types.BoolValue(*in.AlwaysAllocateCPU)
	} else if !known(prior.AlwaysAllocateCPU) {
		// FC documents true as the default (reference 9.2).
		out.AlwaysAllocateCPU = types.BoolValue(true)
	}
	var d diag.Diagnostics
	out.ScheduledActions, d = flattenScheduledActions(ctx, in.ScheduledActions, prior.ScheduledActions)
	diags.Append(d...)
	out.TargetTrackingPolicies, d = flattenTargetTrackingPolicies(ctx, in.TargetTrackingPolicies, prior.TargetTrackingPolicies)
	diags.Append(d...)
	return out, diags
}

// flattenProvisionConfigItem maps one listed config onto a data source
// item; the resource names the service, qualifier and function.
func flattenProvisionConfigItem(ctx context.Context, in *fc.ProvisionConfig, service, qualifier, function string) (provisionConfigItemModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := provisionConfigItemModel{
		AlwaysAllocateCPU: flattenBool(in.AlwaysAllocateCPU),
		Current:           types.Int64Value(in.Current.Int64()),
		CurrentError:      flattenComputedString(in.CurrentError),
		FunctionName:      types.StringValue(function),
		Qualifier:         types.StringValue(qualifier),
		ServiceName:       types.StringValue(service),
		Target:            types.Int64Value(deref64(in.Target)),
	}
	var d diag.Diagnostics
	out.ScheduledActions, d = flattenScheduledActions(ctx, in.ScheduledActions, types.ListNull(scheduledActionsType.ElemType))
	diags.Append(d...)
	out.TargetTrackingPolicies, d = flattenTargetTrackingPolicies(ctx, in.TargetTrackingPolicies, types.ListNull(targetTrackingPoliciesType.ElemType))
	diags.Append(d...)
	return out, diags
}

// flattenScheduledActions maps the answer's actions; none is null unless
// the prior value is an empty list.
func flattenScheduledActions(ctx context.Context, in []fc.ScheduledAction, prior types.List) (types.List, diag.Diagnostics) {
	elemType := types.ObjectType{AttrTypes: scheduledActionAttrTypes}
	if len(in) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior, nil
		}
		return types.ListNull(elemType), nil
	}
	var priorItems []scheduledActionModel
	if known(prior) {
		_ = prior.ElementsAs(ctx, &priorItems, false)
	}
	items := make([]scheduledActionModel, 0, len(in))
	for i, a := range in {
		var p scheduledActionModel
		if i < len(priorItems) {
			p = priorItems[i]
		}
		items = append(items, scheduledActionModel{
			Name:               types.StringValue(a.Name),
			StartTime:          flattenOptionalStringValue(a.StartTime, p.StartTime),
			EndTime:            flattenOptionalStringValue(a.EndTime, p.EndTime),
			Target:             types.Int64Value(a.Target),
			ScheduleExpression: types.StringValue(a.ScheduleExpression),
		})
	}
	return types.ListValueFrom(ctx, elemType, items)
}

// flattenTargetTrackingPolicies maps the answer's policies; a metric
// target equal (as a float64) to the prior one keeps the prior's
// precision (values.go, sameValue).
func flattenTargetTrackingPolicies(ctx context.Context, in []fc.TargetTrackingPolicy, prior types.List) (types.List, diag.Diagnostics) {
	elemType := types.ObjectType{AttrTypes: targetTrackingPolicyAttrTypes}
	if len(in) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior, nil
		}
		return types.ListNull(elemType), nil
	}
	var priorItems []targetTrackingPolicyModel
	if known(prior) {
		_ = prior.ElementsAs(ctx, &priorItems, false)
	}
	items := make([]targetTrackingPolicyModel, 0, len(in))
	for i, p := range in {
		var pr targetTrackingPolicyModel
		if i < len(priorItems) {
			pr = priorItems[i]
		}
		target := types.Float64Value(p.MetricTarget)
		if known(pr.MetricTarget) && sameValue(pr.MetricTarget, target) {
			target = pr.MetricTarget
		}
		items = append(items, targetTrackingPolicyModel{
			Name:         types.StringValue(p.Name),
			StartTime:    flattenOptionalStringValue(p.StartTime, pr.StartTime),
			EndTime:      flattenOptionalStringValue(p.EndTime, pr.EndTime),
			MetricType:   types.StringValue(p.MetricType),
			MetricTarget: target,
			MinCapacity:  types.Int64Value(p.MinCapacity),
			MaxCapacity:  types.Int64Value(p.MaxCapacity),
		})
	}
	return types.ListValueFrom(ctx, elemType, items)
}

func deref64(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
