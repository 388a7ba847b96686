package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// timerTriggerKind is timer_config, the configuration of a timer trigger.
var timerTriggerKind = &objectTriggerKind[timerTriggerConfigModel, fc.TimerTriggerConfig]{
	typ: validators.TriggerTypeTimer, attr: attrTimerConfig,
	field:      func(m *triggerResourceModel) *types.Object { return &m.TimerConfig },
	summary:    "Invokes the function on a schedule (UTC).",
	attributes: timerTriggerAttributes, attrTypes: timerTriggerConfigAttrTypes,
	toWire: expandTimerTriggerConfig, fromWire: flattenTimerTriggerConfig,
}

const attrTimerConfig = "timer_config"

type timerTriggerConfigModel struct {
	CronExpression types.String `tfsdk:"cron_expression"`
	Enable         types.Bool   `tfsdk:"enable"`
	Payload        types.String `tfsdk:"payload"`
}

var timerTriggerConfigAttrTypes = nestedAttrTypes(timerTriggerAttributes())

func timerTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"cron_expression": schema.StringAttribute{
			MarkdownDescription: "Schedule: `@every Nm` or `@every Nh` (an interval in minutes or hours), or " +
				"`cron(S M H DoM Mon DoW)` with six fields (seconds, minutes, hours, day of month, month, day " +
				"of week), e.g. `cron(0 0 4 * * *)`.",
			Required:   true,
			Validators: []validator.String{validators.CronExpression()},
		},
		"enable":  triggerDefaultBool("Whether the timer fires. Defaults to `true`.", true),
		"payload": triggerOptionalString("Event passed to the function on every invocation. Removing it sends an empty payload."),
	}
}

func expandTimerTriggerConfig(_ context.Context, c timerTriggerConfigModel, _ *diag.Diagnostics) fc.TimerTriggerConfig {
	return fc.TimerTriggerConfig{
		CronExpression: c.CronExpression.ValueString(),
		Enable:         fc.Ptr(triggerBoolOr(c.Enable, true)),
		Payload:        c.Payload.ValueString(),
	}
}

func flattenTimerTriggerConfig(_ context.Context, _ triggerConfigRead, j fc.TimerTriggerConfig, p timerTriggerConfigModel, _ *diag.Diagnostics) map[string]attr.Value {
	return map[string]attr.Value{
		"cron_expression": types.StringValue(j.CronExpression),
		"enable":          types.BoolValue(j.Enable == nil || *j.Enable),
		"payload":         flattenOptionalString(&j.Payload, p.Payload),
	}
}
