package provider

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// ossTriggerKind is oss_config, the configuration of an OSS trigger.
var ossTriggerKind = &objectTriggerKind[ossTriggerConfigModel, fc.OSSTriggerConfig]{
	typ: validators.TriggerTypeOSS, attr: attrOSSConfig, source: true,
	field:      func(m *triggerResourceModel) *types.Object { return &m.OSSConfig },
	summary:    "Invokes the function on events of the bucket of `source_arn`.",
	attributes: ossTriggerAttributes, attrTypes: ossTriggerConfigAttrTypes,
	toWire: expandOSSTriggerConfig, fromWire: flattenOSSTriggerConfig,
}

const attrOSSConfig = "oss_config"

type ossTriggerConfigModel struct {
	Events       types.List   `tfsdk:"events"`
	FilterPrefix types.String `tfsdk:"filter_prefix"`
	FilterSuffix types.String `tfsdk:"filter_suffix"`
}

var ossTriggerConfigAttrTypes = nestedAttrTypes(ossTriggerAttributes())

// ossEventPattern is the form of an OSS event.
var ossEventPattern = regexp.MustCompile(`^oss:[A-Za-z]+:[A-Za-z*]+$`)

func ossTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"events": schema.ListAttribute{
			MarkdownDescription: "OSS events that invoke the function (at least one), e.g. `oss:ObjectCreated:*`.",
			Required:            true,
			ElementType:         types.StringType,
			Validators: []validator.List{
				listvalidator.SizeAtLeast(1),
				listvalidator.ValueStringsAre(stringvalidator.RegexMatches(ossEventPattern,
					"must be an OSS event such as `oss:ObjectCreated:*` or `oss:ObjectRemoved:DeleteObject`, starting with `oss:`")),
			},
		},
		"filter_prefix": triggerOptionalString("Only objects whose key starts with this prefix invoke the function."),
		"filter_suffix": triggerOptionalString("Only objects whose key ends with this suffix invoke the function."),
	}
}

// expandOSSTriggerConfig keeps the order of the events.
func expandOSSTriggerConfig(ctx context.Context, c ossTriggerConfigModel, diags *diag.Diagnostics) fc.OSSTriggerConfig {
	var j fc.OSSTriggerConfig
	j.Events = triggerStrings(ctx, c.Events, diags)
	j.Filter.Key.Prefix = c.FilterPrefix.ValueString()
	j.Filter.Key.Suffix = c.FilterSuffix.ValueString()
	return j
}

func flattenOSSTriggerConfig(_ context.Context, _ triggerConfigRead, j fc.OSSTriggerConfig, p ossTriggerConfigModel, _ *diag.Diagnostics) map[string]attr.Value {
	events := make([]attr.Value, 0, len(j.Events))
	for _, s := range j.Events {
		events = append(events, types.StringValue(s))
	}
	eventList := types.ListValueMust(types.StringType, events)
	// The order of OSS events means nothing: when FC answers the prior
	// events in another order, the prior order stays (no diff).
	if known(p.Events) && sameStringsAnyOrder(p.Events, j.Events) {
		eventList = p.Events
	}
	return map[string]attr.Value{
		"events":        eventList,
		"filter_prefix": flattenOptionalString(&j.Filter.Key.Prefix, p.FilterPrefix),
		"filter_suffix": flattenOptionalString(&j.Filter.Key.Suffix, p.FilterSuffix),
	}
}

// sameStringsAnyOrder reports whether a known list of strings holds the
// same strings as want, counting repeats, in any order.
func sameStringsAnyOrder(l types.List, want []string) bool {
	elems := l.Elements()
	if len(elems) != len(want) {
		return false
	}
	count := make(map[string]int, len(want))
	for _, s := range want {
		count[s]++
	}
	for _, e := range elems {
		v, ok := e.(types.String)
		if !ok || !known(v) || count[v.ValueString()] == 0 {
			return false
		}
		count[v.ValueString()]--
	}
	return true
}
