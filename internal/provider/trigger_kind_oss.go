package provider

import (
	"context"
	"encoding/json"
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
type ossTriggerKind struct{}

const attrOSSConfig = "oss_config"

type ossTriggerConfigModel struct {
	Events       types.List   `tfsdk:"events"`
	FilterPrefix types.String `tfsdk:"filter_prefix"`
	FilterSuffix types.String `tfsdk:"filter_suffix"`
}

var ossTriggerConfigAttrTypes = map[string]attr.Type{
	"events":        types.ListType{ElemType: types.StringType},
	"filter_prefix": types.StringType,
	"filter_suffix": types.StringType,
}

func (ossTriggerKind) types() []string   { return []string{validators.TriggerTypeOSS} }
func (ossTriggerKind) attribute() string { return attrOSSConfig }
func (ossTriggerKind) needsSource() bool { return true }
func (ossTriggerKind) null() attr.Value  { return types.ObjectNull(ossTriggerConfigAttrTypes) }

func (ossTriggerKind) get(m *triggerResourceModel) attr.Value { return m.OSSConfig }
func (ossTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.OSSConfig = v.(types.Object)
}

func (k ossTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Invokes the function on events of the bucket of `source_arn`.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"events": schema.ListAttribute{
				MarkdownDescription: "OSS events that invoke the function (at least one), e.g. `oss:ObjectCreated:*`.",
				Required:            true,
				ElementType:         types.StringType,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.RegexMatches(regexp.MustCompile(`^oss:[A-Za-z]+:[A-Za-z*]+$`),
						"must be an OSS event such as `oss:ObjectCreated:*` or `oss:ObjectRemoved:DeleteObject`, starting with `oss:`")),
				},
			},
			"filter_prefix": schema.StringAttribute{
				MarkdownDescription: "Only objects whose key starts with this prefix invoke the function.",
				Optional:            true,
			},
			"filter_suffix": schema.StringAttribute{
				MarkdownDescription: "Only objects whose key ends with this suffix invoke the function.",
				Optional:            true,
			},
		},
	}
}

func (ossTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

// expand keeps the order of the events.
func (ossTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c ossTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	var j fc.OSSTriggerConfig
	j.Events = triggerStrings(ctx, c.Events, diags)
	j.Filter.Key.Prefix = c.FilterPrefix.ValueString()
	j.Filter.Key.Suffix = c.FilterSuffix.ValueString()
	return encodeTriggerConfig(j, diags)
}

func (k ossTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.OSSTriggerConfig
	if !decodeTriggerConfig(in, attrOSSConfig, &j, diags) {
		return k.null()
	}
	var p ossTriggerConfigModel
	triggerPriorObject(ctx, in.prior, &p)
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
	return types.ObjectValueMust(ossTriggerConfigAttrTypes, map[string]attr.Value{
		"events":        eventList,
		"filter_prefix": flattenOptionalString(&j.Filter.Key.Prefix, p.FilterPrefix),
		"filter_suffix": flattenOptionalString(&j.Filter.Key.Suffix, p.FilterSuffix),
	})
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
