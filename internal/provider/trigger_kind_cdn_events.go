package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// cdnEventsTriggerKind is cdn_events_config, the configuration of a CDN
// events trigger.
var cdnEventsTriggerKind = &objectTriggerKind[cdnEventsTriggerConfigModel, fc.CDNEventsTriggerConfig]{
	typ: validators.TriggerTypeCDNEvents, attr: attrCDNEventsConfig, source: true,
	field:      func(m *triggerResourceModel) *types.Object { return &m.CDNEventsConfig },
	summary:    "Removing an optional field clears it.",
	attributes: cdnEventsTriggerAttributes, attrTypes: cdnEventsTriggerConfigAttrTypes,
	toWire: expandCDNEventsTriggerConfig, fromWire: flattenCDNEventsTriggerConfig,
}

const attrCDNEventsConfig = "cdn_events_config"

type cdnEventsTriggerConfigModel struct {
	EventName    types.String `tfsdk:"event_name"`
	EventVersion types.String `tfsdk:"event_version"`
	Filter       types.Map    `tfsdk:"filter"`
	Notes        types.String `tfsdk:"notes"`
}

var cdnEventsTriggerConfigAttrTypes = nestedAttrTypes(cdnEventsTriggerAttributes())

func cdnEventsTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"event_name":    triggerRequiredString("CDN event that invokes the function, e.g. `CachedObjectsRefreshed`, `LogFileCreated`."),
		"event_version": triggerRequiredString("Version of the event, e.g. `1.0.0`."),
		"filter": schema.MapAttribute{
			MarkdownDescription: "Filters of the events, each a list of values, e.g. `{ domain = [\"example.com\"] }`.",
			Required:            true,
			ElementType:         types.ListType{ElemType: types.StringType},
			Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
		},
		"notes": triggerOptionalString("Free-form notes."),
	}
}

func expandCDNEventsTriggerConfig(ctx context.Context, c cdnEventsTriggerConfigModel, diags *diag.Diagnostics) fc.CDNEventsTriggerConfig {
	j := fc.CDNEventsTriggerConfig{
		EventName:    c.EventName.ValueString(),
		EventVersion: c.EventVersion.ValueString(),
		Notes:        c.Notes.ValueString(),
		Filter:       map[string][]string{},
	}
	if !c.Filter.IsNull() && !c.Filter.IsUnknown() {
		diags.Append(c.Filter.ElementsAs(ctx, &j.Filter, false)...)
	}
	return j
}

func flattenCDNEventsTriggerConfig(_ context.Context, _ triggerConfigRead, j fc.CDNEventsTriggerConfig, p cdnEventsTriggerConfigModel, _ *diag.Diagnostics) map[string]attr.Value {
	elemType := types.ListType{ElemType: types.StringType}
	filter := types.MapNull(elemType)
	if len(j.Filter) > 0 || (!p.Filter.IsNull() && !p.Filter.IsUnknown()) {
		elems := make(map[string]attr.Value, len(j.Filter))
		for key, vs := range j.Filter {
			list := make([]attr.Value, 0, len(vs))
			for _, v := range vs {
				list = append(list, types.StringValue(v))
			}
			elems[key] = types.ListValueMust(types.StringType, list)
		}
		filter = types.MapValueMust(elemType, elems)
	}
	return map[string]attr.Value{
		"event_name":    types.StringValue(j.EventName),
		"event_version": types.StringValue(j.EventVersion),
		"filter":        filter,
		"notes":         flattenOptionalString(&j.Notes, p.Notes),
	}
}
