package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// logTriggerKind is log_config, the configuration of a Simple Log Service
// trigger.
type logTriggerKind struct{}

const attrLogConfig = "log_config"

type logTriggerConfigModel struct {
	Enable            types.Bool   `tfsdk:"enable"`
	FunctionParameter types.Map    `tfsdk:"function_parameter"`
	Logstore          types.String `tfsdk:"logstore"`
	MaxRetryTime      types.Int64  `tfsdk:"max_retry_time"`
	Project           types.String `tfsdk:"project"`
	SourceLogstore    types.String `tfsdk:"source_logstore"`
	TriggerInterval   types.Int64  `tfsdk:"trigger_interval"`
}

var logTriggerConfigAttrTypes = map[string]attr.Type{
	"enable":             types.BoolType,
	"function_parameter": types.MapType{ElemType: types.StringType},
	"logstore":           types.StringType,
	"max_retry_time":     types.Int64Type,
	"project":            types.StringType,
	"source_logstore":    types.StringType,
	"trigger_interval":   types.Int64Type,
}

func (logTriggerKind) types() []string   { return []string{validators.TriggerTypeLog} }
func (logTriggerKind) attribute() string { return attrLogConfig }
func (logTriggerKind) needsSource() bool { return true }
func (logTriggerKind) null() attr.Value  { return types.ObjectNull(logTriggerConfigAttrTypes) }

func (logTriggerKind) get(m *triggerResourceModel) attr.Value { return m.LogConfig }
func (logTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.LogConfig = v.(types.Object)
}

func (k logTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Invokes the function on the data of a Simple Log Service Logstore.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"enable": schema.BoolAttribute{
				MarkdownDescription: "Whether the trigger is enabled. Defaults to `true`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"function_parameter": schema.MapAttribute{
				MarkdownDescription: "Parameters passed to the function in every event.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"logstore": schema.StringAttribute{
				MarkdownDescription: "Logstore the trigger writes its own execution logs to.",
				Required:            true,
				Validators:          nonEmptyString(),
			},
			"max_retry_time": schema.Int64Attribute{
				MarkdownDescription: "Maximum retries of a failed invocation, 0 to 100. When not set (or removed), FC's default applies.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(0, 100)},
			},
			"project": schema.StringAttribute{
				MarkdownDescription: "Log project of `logstore`.",
				Required:            true,
				Validators:          nonEmptyString(),
			},
			"source_logstore": schema.StringAttribute{
				MarkdownDescription: "Logstore whose data invokes the function (in the project of `source_arn`).",
				Required:            true,
				Validators:          nonEmptyString(),
			},
			"trigger_interval": schema.Int64Attribute{
				MarkdownDescription: "Seconds between invocations, 3 to 600. When not set (or removed), FC's default applies.",
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(3, 600)},
			},
		},
	}
}

func (logTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

// expand leaves unknown or unset job settings to FC and sends no
// parameters as {}.
func (logTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c logTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	var j fc.LogTriggerConfig
	j.SourceConfig.Logstore = c.SourceLogstore.ValueString()
	j.JobConfig.MaxRetryTime = int64Ptr(c.MaxRetryTime)
	j.JobConfig.TriggerInterval = int64Ptr(c.TriggerInterval)
	j.LogConfig.Project = c.Project.ValueString()
	j.LogConfig.Logstore = c.Logstore.ValueString()
	j.FunctionParameter = map[string]string{}
	if !c.FunctionParameter.IsNull() && !c.FunctionParameter.IsUnknown() {
		diags.Append(c.FunctionParameter.ElementsAs(ctx, &j.FunctionParameter, false)...)
	}
	j.Enable = fc.Ptr(triggerBoolOr(c.Enable, true))
	return encodeTriggerConfig(j, diags)
}

// flatten maps a log trigger's configuration. The job settings FC fills in
// when they are not sent are reported only where the prior configuration
// sets them, or on import (no prior): so removing one is a change, which
// sends the configuration without it.
func (k logTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.LogTriggerConfig
	if !decodeTriggerConfig(in, attrLogConfig, &j, diags) {
		return k.null()
	}
	var p logTriggerConfigModel
	triggerPriorObject(ctx, in.prior, &p)
	priorKnown := in.prior != nil && known(in.prior)
	params := types.MapNull(types.StringType)
	if len(j.FunctionParameter) > 0 || (!p.FunctionParameter.IsNull() && !p.FunctionParameter.IsUnknown()) {
		elems := make(map[string]attr.Value, len(j.FunctionParameter))
		for key, val := range j.FunctionParameter {
			elems[key] = types.StringValue(val)
		}
		params = types.MapValueMust(types.StringType, elems)
	}
	return types.ObjectValueMust(logTriggerConfigAttrTypes, map[string]attr.Value{
		"enable":             types.BoolValue(j.Enable == nil || *j.Enable),
		"function_parameter": params,
		"logstore":           types.StringValue(j.LogConfig.Logstore),
		"max_retry_time":     flattenTriggerJobSetting(j.JobConfig.MaxRetryTime, p.MaxRetryTime, priorKnown),
		"project":            types.StringValue(j.LogConfig.Project),
		"source_logstore":    types.StringValue(j.SourceConfig.Logstore),
		"trigger_interval":   flattenTriggerJobSetting(j.JobConfig.TriggerInterval, p.TriggerInterval, priorKnown),
	})
}

// flattenTriggerJobSetting maps a log job setting: FC's value, except null
// where the prior configuration did not set it (FC's default).
func flattenTriggerJobSetting(v *int64, prior types.Int64, priorKnown bool) types.Int64 {
	if priorKnown && prior.IsNull() {
		return types.Int64Null()
	}
	return types.Int64PointerValue(v)
}
