package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// asyncInvokeConfigModel is the state of fc_function_async_invoke_config.
type asyncInvokeConfigModel struct {
	CreatedTime               types.String `tfsdk:"created_time"`
	DestinationConfig         types.Object `tfsdk:"destination_config"`
	FunctionName              types.String `tfsdk:"function_name"`
	ID                        types.String `tfsdk:"id"`
	LastModifiedTime          types.String `tfsdk:"last_modified_time"`
	MaxAsyncEventAgeInSeconds types.Int64  `tfsdk:"max_async_event_age_in_seconds"`
	MaxAsyncRetryAttempts     types.Int64  `tfsdk:"max_async_retry_attempts"`
	Qualifier                 types.String `tfsdk:"qualifier"`
	ServiceName               types.String `tfsdk:"service_name"`
	StatefulInvocation        types.Bool   `tfsdk:"stateful_invocation"`
}

// asyncInvokeConfigItemModel is one config of
// fc_function_async_invoke_configs.
type asyncInvokeConfigItemModel struct {
	CreatedTime               types.String `tfsdk:"created_time"`
	DestinationConfig         types.Object `tfsdk:"destination_config"`
	LastModifiedTime          types.String `tfsdk:"last_modified_time"`
	MaxAsyncEventAgeInSeconds types.Int64  `tfsdk:"max_async_event_age_in_seconds"`
	MaxAsyncRetryAttempts     types.Int64  `tfsdk:"max_async_retry_attempts"`
	Qualifier                 types.String `tfsdk:"qualifier"`
	StatefulInvocation        types.Bool   `tfsdk:"stateful_invocation"`
}

type destinationConfigModel struct {
	OnFailure types.String `tfsdk:"on_failure"`
	OnSuccess types.String `tfsdk:"on_success"`
}

var destinationConfigAttrTypes = map[string]attr.Type{
	"on_failure": types.StringType,
	"on_success": types.StringType,
}

// Defaults of an async-invoke config (fc-api.md 8.7 and 9).
const (
	defaultAsyncRetryAttempts      = 3
	defaultAsyncStatefulInvocation = false
)

// asyncInvokeConfigID is SERVICE/FUNCTION/QUALIFIER.
func asyncInvokeConfigID(service, function, qualifier string) string {
	return service + "/" + function + "/" + qualifier
}

// expandAsyncInvokeConfig builds the PutFunctionAsyncInvokeConfig body from
// the plan: every known value is sent (the retry count and stateful
// invocation always are, with their defaults), each destination that is
// set. FC merges the body into an existing config, so what is absent here
// is not cleared: Update deletes the config first when something must go
// (asyncConfigNeedsReset).
func expandAsyncInvokeConfig(ctx context.Context, m asyncInvokeConfigModel) (*fc.AsyncInvokeConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := &fc.AsyncInvokeConfig{
		MaxAsyncEventAgeInSeconds: int64Ptr(m.MaxAsyncEventAgeInSeconds),
		MaxAsyncRetryAttempts:     int64Ptr(m.MaxAsyncRetryAttempts),
		StatefulInvocation:        boolPtr(m.StatefulInvocation),
	}
	dest, d := destinationsOf(ctx, m.DestinationConfig)
	diags.Append(d...)
	if known(dest.OnSuccess) || known(dest.OnFailure) {
		out.DestinationConfig = &fc.DestinationConfig{}
		if known(dest.OnSuccess) {
			out.DestinationConfig.OnSuccess = &fc.Destination{Destination: dest.OnSuccess.ValueString()}
		}
		if known(dest.OnFailure) {
			out.DestinationConfig.OnFailure = &fc.Destination{Destination: dest.OnFailure.ValueString()}
		}
	}
	return out, diags
}

// destinationsOf reads destination_config; null gives null destinations.
func destinationsOf(ctx context.Context, o types.Object) (destinationConfigModel, diag.Diagnostics) {
	m := destinationConfigModel{OnFailure: types.StringNull(), OnSuccess: types.StringNull()}
	if !known(o) {
		return m, nil
	}
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	return m, diags
}

// asyncConfigNeedsReset reports whether planned drops something the prior
// state holds and FC's merge would keep: a destination, or an event age
// the user had configured (eventAgeRemoved). Such an update deletes the
// config and puts it again.
func asyncConfigNeedsReset(ctx context.Context, prior, planned asyncInvokeConfigModel, eventAgeRemoved bool) (bool, diag.Diagnostics) {
	was, diags := destinationsOf(ctx, prior.DestinationConfig)
	now, d := destinationsOf(ctx, planned.DestinationConfig)
	diags.Append(d...)
	dropped := func(before, after types.String) bool { return known(before) && after.IsNull() }
	return eventAgeRemoved || dropped(was.OnSuccess, now.OnSuccess) || dropped(was.OnFailure, now.OnFailure), diags
}

// flattenAsyncInvokeConfig maps an answer onto the state.
func flattenAsyncInvokeConfig(ctx context.Context, in *fc.AsyncInvokeConfig, prior asyncInvokeConfigModel) (asyncInvokeConfigModel, diag.Diagnostics) {
	out := prior
	out.ID = types.StringValue(asyncInvokeConfigID(prior.ServiceName.ValueString(), prior.FunctionName.ValueString(), prior.Qualifier.ValueString()))
	out.CreatedTime = flattenComputedString(in.CreatedTime)
	out.LastModifiedTime = flattenComputedString(in.LastModifiedTime)
	out.MaxAsyncEventAgeInSeconds = flattenInt64(in.MaxAsyncEventAgeInSeconds)
	out.MaxAsyncRetryAttempts = types.Int64Value(defaultAsyncRetryAttempts)
	if in.MaxAsyncRetryAttempts != nil {
		out.MaxAsyncRetryAttempts = types.Int64Value(*in.MaxAsyncRetryAttempts)
	}
	out.StatefulInvocation = types.BoolValue(defaultAsyncStatefulInvocation)
	if in.StatefulInvocation != nil {
		out.StatefulInvocation = types.BoolValue(*in.StatefulInvocation)
	}
	var diags diag.Diagnostics
	out.DestinationConfig, diags = flattenDestinationConfig(in.DestinationConfig, prior.DestinationConfig)
	return out, diags
}

// flattenAsyncInvokeConfigItem maps one listed config onto a data source
// item.
func flattenAsyncInvokeConfigItem(in *fc.AsyncInvokeConfig) (asyncInvokeConfigItemModel, diag.Diagnostics) {
	out := asyncInvokeConfigItemModel{
		CreatedTime:               flattenComputedString(in.CreatedTime),
		LastModifiedTime:          flattenComputedString(in.LastModifiedTime),
		MaxAsyncEventAgeInSeconds: flattenInt64(in.MaxAsyncEventAgeInSeconds),
		MaxAsyncRetryAttempts:     flattenInt64(in.MaxAsyncRetryAttempts),
		Qualifier:                 flattenComputedString(in.Qualifier),
		StatefulInvocation:        flattenBool(in.StatefulInvocation),
	}
	var diags diag.Diagnostics
	out.DestinationConfig, diags = flattenDestinationConfig(in.DestinationConfig, types.ObjectNull(destinationConfigAttrTypes))
	return out, diags
}

// flattenDestinationConfig maps the destinations; none is null, unless the
// prior value is an object with no destination set (destination_config = {}).
func flattenDestinationConfig(in *fc.DestinationConfig, prior types.Object) (types.Object, diag.Diagnostics) {
	var onSuccess, onFailure string
	if in != nil && in.OnSuccess != nil {
		onSuccess = in.OnSuccess.Destination
	}
	if in != nil && in.OnFailure != nil {
		onFailure = in.OnFailure.Destination
	}
	if onSuccess == "" && onFailure == "" {
		return keepBlankPrior(prior, destinationConfigAttrTypes, func() bool {
			attrs := prior.Attributes()
			return !known(attrs["on_success"]) && !known(attrs["on_failure"])
		}), nil
	}
	return types.ObjectValue(destinationConfigAttrTypes, map[string]attr.Value{
		"on_success": flattenNonEmptyString(onSuccess),
		"on_failure": flattenNonEmptyString(onFailure),
	})
}

// asyncConfiguredKey is the private-state key that records whether the user
// configured max_async_event_age_in_seconds at the last apply: FC's merge
// keeps an event age that is no longer sent, so removing it from the
// configuration needs a reset, while a value FC filled in by itself does
// not.
const asyncConfiguredKey = "async_configured"

type asyncConfigured struct {
	EventAge bool `json:"max_async_event_age_in_seconds"`
}

func loadAsyncConfigured(ctx context.Context, p privateGetter) (asyncConfigured, bool, diag.Diagnostics) {
	raw, diags := p.GetKey(ctx, asyncConfiguredKey)
	var v asyncConfigured
	if diags.HasError() || len(raw) == 0 || json.Unmarshal(raw, &v) != nil {
		return v, false, diags
	}
	return v, true, diags
}

func saveAsyncConfigured(ctx context.Context, p privateSetter, v asyncConfigured) diag.Diagnostics {
	raw, _ := json.Marshal(v)
	return p.SetKey(ctx, asyncConfiguredKey, raw)
}
