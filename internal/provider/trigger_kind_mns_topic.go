package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// mnsTopicTriggerKind is mns_topic_config, the configuration of an MNS
// topic trigger.
type mnsTopicTriggerKind struct{}

const attrMNSTopicConfig = "mns_topic_config"

type mnsTopicTriggerConfigModel struct {
	FilterTag           types.String `tfsdk:"filter_tag"`
	NotifyContentFormat types.String `tfsdk:"notify_content_format"`
	NotifyStrategy      types.String `tfsdk:"notify_strategy"`
}

var mnsTopicTriggerConfigAttrTypes = map[string]attr.Type{
	"filter_tag":            types.StringType,
	"notify_content_format": types.StringType,
	"notify_strategy":       types.StringType,
}

func (mnsTopicTriggerKind) types() []string   { return []string{validators.TriggerTypeMNSTopic} }
func (mnsTopicTriggerKind) attribute() string { return attrMNSTopicConfig }
func (mnsTopicTriggerKind) needsSource() bool { return true }
func (mnsTopicTriggerKind) null() attr.Value  { return types.ObjectNull(mnsTopicTriggerConfigAttrTypes) }

func (mnsTopicTriggerKind) get(m *triggerResourceModel) attr.Value { return m.MNSTopicConfig }
func (mnsTopicTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.MNSTopicConfig = v.(types.Object)
}

func (k mnsTopicTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Invokes the function on the messages of an MNS topic.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"filter_tag": schema.StringAttribute{
				MarkdownDescription: "Only messages with this tag invoke the function. Removing it clears the filter.",
				Optional:            true,
			},
			"notify_content_format": schema.StringAttribute{
				MarkdownDescription: "Format of the event: " + validators.MarkdownEnum(validators.MNSNotifyContentFormats) + ". Defaults to `STREAM`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(validators.MNSNotifyContentFormatStream),
				Validators:          []validator.String{stringvalidator.OneOf(validators.MNSNotifyContentFormats...)},
			},
			"notify_strategy": schema.StringAttribute{
				MarkdownDescription: "Retry strategy of failed invocations: " + validators.MarkdownEnum(validators.MNSNotifyStrategies) + ". Defaults to `BACKOFF_RETRY`.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(validators.MNSNotifyStrategyBackoffRetry),
				Validators:          []validator.String{stringvalidator.OneOf(validators.MNSNotifyStrategies...)},
			},
		},
	}
}

func (mnsTopicTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

func (mnsTopicTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c mnsTopicTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	return encodeTriggerConfig(fc.MNSTopicTriggerConfig{
		FilterTag:           c.FilterTag.ValueString(),
		NotifyContentFormat: triggerStringOr(c.NotifyContentFormat, validators.MNSNotifyContentFormatStream),
		NotifyStrategy:      triggerStringOr(c.NotifyStrategy, validators.MNSNotifyStrategyBackoffRetry),
	}, diags)
}

func (k mnsTopicTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.MNSTopicTriggerConfig
	if !decodeTriggerConfig(in, attrMNSTopicConfig, &j, diags) {
		return k.null()
	}
	var p mnsTopicTriggerConfigModel
	triggerPriorObject(ctx, in.prior, &p)
	// An empty enum is FC's default.
	format, strategy := j.NotifyContentFormat, j.NotifyStrategy
	if format == "" {
		format = validators.MNSNotifyContentFormatStream
	}
	if strategy == "" {
		strategy = validators.MNSNotifyStrategyBackoffRetry
	}
	return types.ObjectValueMust(mnsTopicTriggerConfigAttrTypes, map[string]attr.Value{
		"filter_tag":            flattenOptionalString(&j.FilterTag, p.FilterTag),
		"notify_content_format": types.StringValue(format),
		"notify_strategy":       types.StringValue(strategy),
	})
}

func triggerStringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return def
	}
	return v.ValueString()
}
