package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// timerTriggerKind is timer_config, the configuration of a timer trigger.
type timerTriggerKind struct{}

const attrTimerConfig = "timer_config"

type timerTriggerConfigModel struct {
	CronExpression types.String `tfsdk:"cron_expression"`
	Enable         types.Bool   `tfsdk:"enable"`
	Payload        types.String `tfsdk:"payload"`
}

var timerTriggerConfigAttrTypes = map[string]attr.Type{
	"cron_expression": types.StringType,
	"enable":          types.BoolType,
	"payload":         types.StringType,
}

func (timerTriggerKind) types() []string   { return []string{validators.TriggerTypeTimer} }
func (timerTriggerKind) attribute() string { return attrTimerConfig }
func (timerTriggerKind) needsSource() bool { return false }
func (timerTriggerKind) null() attr.Value  { return types.ObjectNull(timerTriggerConfigAttrTypes) }

func (timerTriggerKind) get(m *triggerResourceModel) attr.Value { return m.TimerConfig }
func (timerTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.TimerConfig = v.(types.Object)
}

func (k timerTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Invokes the function on a schedule (UTC).",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"cron_expression": schema.StringAttribute{
				MarkdownDescription: "Schedule: `@every Nm` or `@every Nh` (an interval in minutes or hours), or " +
					"`cron(S M H DoM Mon DoW)` with six fields (seconds, minutes, hours, day of month, month, day " +
					"of week), e.g. `cron(0 0 4 * * *)`.",
				Required:   true,
				Validators: []validator.String{validators.CronExpression()},
			},
			"enable": schema.BoolAttribute{
				MarkdownDescription: "Whether the timer fires. Defaults to `true`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"payload": schema.StringAttribute{
				MarkdownDescription: "Event passed to the function on every invocation. Removing it sends an empty payload.",
				Optional:            true,
			},
		},
	}
}

func (timerTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

func (timerTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c timerTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	return encodeTriggerConfig(fc.TimerTriggerConfig{
		CronExpression: c.CronExpression.ValueString(),
		Enable:         fc.Ptr(triggerBoolOr(c.Enable, true)),
		Payload:        c.Payload.ValueString(),
	}, diags)
}

func (k timerTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.TimerTriggerConfig
	if !decodeTriggerConfig(in, attrTimerConfig, &j, diags) {
		return k.null()
	}
	var p timerTriggerConfigModel
	triggerPriorObject(ctx, in.prior, &p)
	return types.ObjectValueMust(timerTriggerConfigAttrTypes, map[string]attr.Value{
		"cron_expression": types.StringValue(j.CronExpression),
		"enable":          types.BoolValue(j.Enable == nil || *j.Enable),
		"payload":         flattenOptionalString(&j.Payload, p.Payload),
	})
}
