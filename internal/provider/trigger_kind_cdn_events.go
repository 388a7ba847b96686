package provider

import (
	"context"
	"encoding/json"

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
type cdnEventsTriggerKind struct{}

const attrCDNEventsConfig = "cdn_events_config"

type cdnEventsTriggerConfigModel struct {
	EventName    types.String `tfsdk:"event_name"`
	EventVersion types.String `tfsdk:"event_version"`
	Filter       types.Map    `tfsdk:"filter"`
	Notes        types.String `tfsdk:"notes"`
}

var cdnEventsTriggerConfigAttrTypes = map[string]attr.Type{
	"event_name":    types.StringType,
	"event_version": types.StringType,
	"filter":        types.MapType{ElemType: types.ListType{ElemType: types.StringType}},
	"notes":         types.StringType,
}

func (cdnEventsTriggerKind) types() []string   { return []string{validators.TriggerTypeCDNEvents} }
func (cdnEventsTriggerKind) attribute() string { return attrCDNEventsConfig }
func (cdnEventsTriggerKind) needsSource() bool { return true }
func (cdnEventsTriggerKind) null() attr.Value {
	return types.ObjectNull(cdnEventsTriggerConfigAttrTypes)
}

func (cdnEventsTriggerKind) get(m *triggerResourceModel) attr.Value { return m.CDNEventsConfig }
func (cdnEventsTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.CDNEventsConfig = v.(types.Object)
}

func (k cdnEventsTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Removing an optional field clears it.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"event_name": schema.StringAttribute{
				MarkdownDescription: "CDN event that invokes the function, e.g. `CachedObjectsRefreshed`, `LogFileCreated`.",
				Required:            true,
				Validators:          nonEmptyString(),
			},
			"event_version": schema.StringAttribute{
				MarkdownDescription: "Version of the event, e.g. `1.0.0`.",
				Required:            true,
				Validators:          nonEmptyString(),
			},
			"filter": schema.MapAttribute{
				MarkdownDescription: "Filters of the events, each a list of values, e.g. `{ domain = [\"example.com\"] }`.",
				Required:            true,
				ElementType:         types.ListType{ElemType: types.StringType},
				Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
			},
			"notes": schema.StringAttribute{
				MarkdownDescription: "Free-form notes.",
				Optional:            true,
			},
		},
	}
}

func (cdnEventsTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

func (cdnEventsTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c cdnEventsTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	j := fc.CDNEventsTriggerConfig{
		EventName:    c.EventName.ValueString(),
		EventVersion: c.EventVersion.ValueString(),
		Notes:        c.Notes.ValueString(),
		Filter:       map[string][]string{},
	}
	if !c.Filter.IsNull() && !c.Filter.IsUnknown() {
		diags.Append(c.Filter.ElementsAs(ctx, &j.Filter, false)...)
	}
	return encodeTriggerConfig(j, diags)
}

func (k cdnEventsTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.CDNEventsTriggerConfig
	if !decodeTriggerConfig(in, attrCDNEventsConfig, &j, diags) {
		return k.null()
	}
	var p cdnEventsTriggerConfigModel
	triggerPriorObject(ctx, in.prior, &p)
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
	return types.ObjectValueMust(cdnEventsTriggerConfigAttrTypes, map[string]attr.Value{
		"event_name":    types.StringValue(j.EventName),
		"event_version": types.StringValue(j.EventVersion),
		"filter":        filter,
		"notes":         flattenOptionalString(&j.Notes, p.Notes),
	})
}
