package provider

import (
	"cmp"
	"context"

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
var mnsTopicTriggerKind = &objectTriggerKind[mnsTopicTriggerConfigModel, fc.MNSTopicTriggerConfig]{
	typ: validators.TriggerTypeMNSTopic, attr: attrMNSTopicConfig, source: true,
	field:      func(m *triggerResourceModel) *types.Object { return &m.MNSTopicConfig },
	summary:    "Invokes the function on the messages of an MNS topic.",
	attributes: mnsTopicTriggerAttributes, attrTypes: mnsTopicTriggerConfigAttrTypes,
	toWire: expandMNSTopicTriggerConfig, fromWire: flattenMNSTopicTriggerConfig,
}

const attrMNSTopicConfig = "mns_topic_config"

type mnsTopicTriggerConfigModel struct {
	FilterTag           types.String `tfsdk:"filter_tag"`
	NotifyContentFormat types.String `tfsdk:"notify_content_format"`
	NotifyStrategy      types.String `tfsdk:"notify_strategy"`
}

var mnsTopicTriggerConfigAttrTypes = nestedAttrTypes(mnsTopicTriggerAttributes())

func mnsTopicTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"filter_tag":            triggerOptionalString("Only messages with this tag invoke the function. Removing it clears the filter."),
		"notify_content_format": mnsTopicEnum("Format of the event", validators.MNSNotifyContentFormats, validators.MNSNotifyContentFormatStream),
		"notify_strategy":       mnsTopicEnum("Retry strategy of failed invocations", validators.MNSNotifyStrategies, validators.MNSNotifyStrategyBackoffRetry),
	}
}

// mnsTopicEnum is an optional attribute taking one of values; def is FC's
// default and the schema's.
func mnsTopicEnum(what string, values []string, def string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: what + ": " + validators.MarkdownEnum(values) + ". Defaults to `" + def + "`.",
		Optional:            true,
		Computed:            true,
		Default:             stringdefault.StaticString(def),
		Validators:          []validator.String{stringvalidator.OneOf(values...)},
	}
}

func expandMNSTopicTriggerConfig(_ context.Context, c mnsTopicTriggerConfigModel, _ *diag.Diagnostics) fc.MNSTopicTriggerConfig {
	return fc.MNSTopicTriggerConfig{
		FilterTag:           c.FilterTag.ValueString(),
		NotifyContentFormat: triggerStringOr(c.NotifyContentFormat, validators.MNSNotifyContentFormatStream),
		NotifyStrategy:      triggerStringOr(c.NotifyStrategy, validators.MNSNotifyStrategyBackoffRetry),
	}
}

func flattenMNSTopicTriggerConfig(_ context.Context, _ triggerConfigRead, j fc.MNSTopicTriggerConfig, p mnsTopicTriggerConfigModel, _ *diag.Diagnostics) map[string]attr.Value {
	// An empty enum is FC's default.
	return map[string]attr.Value{
		"filter_tag":            flattenOptionalString(&j.FilterTag, p.FilterTag),
		"notify_content_format": types.StringValue(cmp.Or(j.NotifyContentFormat, validators.MNSNotifyContentFormatStream)),
		"notify_strategy":       types.StringValue(cmp.Or(j.NotifyStrategy, validators.MNSNotifyStrategyBackoffRetry)),
	}
}

func triggerStringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return def
	}
	return v.ValueString()
}
