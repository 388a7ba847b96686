package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// logTriggerKind is log_config, the configuration of a Simple Log Service
// trigger.
var logTriggerKind = &objectTriggerKind[logTriggerConfigModel, fc.LogTriggerConfig]{
	typ: validators.TriggerTypeLog, attr: attrLogConfig, source: true,
	field:      func(m *triggerResourceModel) *types.Object { return &m.LogConfig },
	summary:    "Invokes the function on the data of a Simple Log Service Logstore.",
	attributes: logTriggerAttributes, attrTypes: logTriggerConfigAttrTypes,
	toWire: expandLogTriggerConfig, fromWire: flattenLogTriggerConfig,
}

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

var logTriggerConfigAttrTypes = nestedAttrTypes(logTriggerAttributes())

func logTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"enable": triggerDefaultBool("Whether the trigger is enabled. Defaults to `true`.", true),
		"function_parameter": schema.MapAttribute{
			MarkdownDescription: "Parameters passed to the function in every event.",
			Optional:            true,
			ElementType:         types.StringType,
		},
		"logstore": triggerRequiredString("Logstore the trigger writes its own execution logs to."),
		"max_retry_time": schema.Int64Attribute{
			MarkdownDescription: "Maximum retries of a failed invocation, 0 to 100. When not set (or removed), FC's default applies.",
			Optional:            true,
			Validators:          []validator.Int64{int64validator.Between(0, 100)},
		},
		"project":         triggerRequiredString("Log project of `logstore`."),
		"source_logstore": triggerRequiredString("Logstore whose data invokes the function (in the project of `source_arn`)."),
		"trigger_interval": schema.Int64Attribute{
			MarkdownDescription: "Seconds between invocations, 3 to 600. When not set (or removed), FC's default applies.",
			Optional:            true,
			Validators:          []validator.Int64{int64validator.Between(3, 600)},
		},
	}
}

// expandLogTriggerConfig leaves unknown or unset job settings to FC and
// sends no parameters as {}.
func expandLogTriggerConfig(ctx context.Context, c logTriggerConfigModel, diags *diag.Diagnostics) fc.LogTriggerConfig {
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
	return j
}

// flattenLogTriggerConfig maps a log trigger's configuration. The job
// settings FC fills in when they are not sent are reported only where the
// prior configuration sets them, or on import (no prior): so removing one
// is a change, which sends the configuration without it.
func flattenLogTriggerConfig(_ context.Context, in triggerConfigRead, j fc.LogTriggerConfig, p logTriggerConfigModel, _ *diag.Diagnostics) map[string]attr.Value {
	priorKnown := in.prior != nil && known(in.prior)
	params := types.MapNull(types.StringType)
	if len(j.FunctionParameter) > 0 || (!p.FunctionParameter.IsNull() && !p.FunctionParameter.IsUnknown()) {
		elems := make(map[string]attr.Value, len(j.FunctionParameter))
		for key, val := range j.FunctionParameter {
			elems[key] = types.StringValue(val)
		}
		params = types.MapValueMust(types.StringType, elems)
	}
	return map[string]attr.Value{
		"enable":             types.BoolValue(j.Enable == nil || *j.Enable),
		"function_parameter": params,
		"logstore":           types.StringValue(j.LogConfig.Logstore),
		"max_retry_time":     flattenTriggerJobSetting(j.JobConfig.MaxRetryTime, p.MaxRetryTime, priorKnown),
		"project":            types.StringValue(j.LogConfig.Project),
		"source_logstore":    types.StringValue(j.SourceConfig.Logstore),
		"trigger_interval":   flattenTriggerJobSetting(j.JobConfig.TriggerInterval, p.TriggerInterval, priorKnown),
	}
}

// flattenTriggerJobSetting maps a log job setting: FC's value, except null
// where the prior configuration did not set it (FC's default).
func flattenTriggerJobSetting(v *int64, prior types.Int64, priorKnown bool) types.Int64 {
	if priorKnown && prior.IsNull() {
		return types.Int64Null()
	}
	return types.Int64PointerValue(v)
}
