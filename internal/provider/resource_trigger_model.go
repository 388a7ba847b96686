package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// Models of fc_trigger and fc_triggers, with their hand-written expand
// (model -> API) and flatten (API -> model) functions.
//
// Null, empty and zero in fc_trigger
//
//   - description: "" is a value a user may set. FC does not tell "" from
//     unset, so flatten keeps "" only where the prior value (plan or state)
//     was "", and reports null otherwise. Removing it sends "" (a clear).
//   - invocation_role, qualifier and source_arn reject "": null is the only
//     way to say "none". Removing invocation_role or qualifier sends "",
//     which clears them; for the qualifier that means LATEST. FC may report
//     an unset qualifier as "" or as "LATEST": both flatten to null unless
//     the user wrote "LATEST" (which is kept).
//   - The configuration is one nested object chosen by `type` (or
//     config_json for the types without a typed block). The whole object is
//     sent on every create and update, so a field removed from it is
//     cleared. Optional strings inside it follow the description rule;
//     booleans and the MNS enums have schema defaults, so what is sent when
//     they are omitted is in the plan; the log job's numbers are omitted
//     when not set (FC applies its default) and read back only where the
//     configuration sets them, so that removing one restores the default.
//   - Maps (log function_parameter): {} and null are both accepted and both
//     sent as {}; flatten keeps {} only where the prior value was {}.
//   - http_config.jwt_auth_config is sent as authConfig, a string holding
//     the JWTAuthConfig JSON, only when auth_type is "jwt"; otherwise
//     authConfig is left out, and as the whole triggerConfig is replaced on
//     update, switching away from jwt clears it. Its lists are left out
//     when null or empty and read back as null unless the prior value was
//     []. jwks keeps the prior text when FC answers the same JSON document.

// triggerResourceModel is the state of fc_trigger.
type triggerResourceModel struct {
	CDNEventsConfig  types.Object         `tfsdk:"cdn_events_config"`
	ConfigJSON       jsontypes.Normalized `tfsdk:"config_json"`
	CreatedTime      types.String         `tfsdk:"created_time"`
	Description      types.String         `tfsdk:"description"`
	FunctionName     types.String         `tfsdk:"function_name"`
	HTTPConfig       types.Object         `tfsdk:"http_config"`
	ID               types.String         `tfsdk:"id"`
	InvocationRole   types.String         `tfsdk:"invocation_role"`
	LastModifiedTime types.String         `tfsdk:"last_modified_time"`
	LogConfig        types.Object         `tfsdk:"log_config"`
	MNSTopicConfig   types.Object         `tfsdk:"mns_topic_config"`
	Name             types.String         `tfsdk:"name"`
	OSSConfig        types.Object         `tfsdk:"oss_config"`
	Qualifier        types.String         `tfsdk:"qualifier"`
	ServiceName      types.String         `tfsdk:"service_name"`
	SourceARN        types.String         `tfsdk:"source_arn"`
	TablestoreConfig types.Object         `tfsdk:"tablestore_config"`
	TimerConfig      types.Object         `tfsdk:"timer_config"`
	TriggerID        types.String         `tfsdk:"trigger_id"`
	Type             types.String         `tfsdk:"type"`
	URLInternet      types.String         `tfsdk:"url_internet"`
	URLIntranet      types.String         `tfsdk:"url_intranet"`
}

// configValue returns the value of the configuration attribute attrName.
func (m *triggerResourceModel) configValue(attrName string) attr.Value {
	if k, ok := triggerKindByAttribute[attrName]; ok {
		return k.get(m)
	}
	return nil
}

// ---------------------------------------------------------------------------
// expand

// triggerID is the resource ID: SERVICE/FUNCTION/TRIGGER.
func triggerID(service, function, name string) string {
	return service + "/" + function + "/" + name
}

// expandTriggerCreate builds the CreateTrigger body from a plan.
func expandTriggerCreate(ctx context.Context, m triggerResourceModel) (*fc.Trigger, diag.Diagnostics) {
	cfg, diags := expandTriggerConfig(ctx, m)
	in := &fc.Trigger{
		TriggerName:    m.Name.ValueStringPointer(),
		TriggerType:    m.Type.ValueStringPointer(),
		SourceArn:      m.SourceARN.ValueStringPointer(),
		InvocationRole: m.InvocationRole.ValueStringPointer(),
		Qualifier:      m.Qualifier.ValueStringPointer(),
		Description:    m.Description.ValueStringPointer(),
		TriggerConfig:  cfg,
	}
	return in, diags
}

// expandTriggerUpdate builds the UpdateTrigger body from a plan: every
// updatable field is sent, "" where the argument is not set, so removing an
// argument clears it.
func expandTriggerUpdate(ctx context.Context, m triggerResourceModel) (*fc.Trigger, diag.Diagnostics) {
	cfg, diags := expandTriggerConfig(ctx, m)
	in := &fc.Trigger{
		InvocationRole: fc.Ptr(m.InvocationRole.ValueString()),
		Qualifier:      fc.Ptr(m.Qualifier.ValueString()),
		Description:    fc.Ptr(m.Description.ValueString()),
		TriggerConfig:  cfg,
	}
	return in, diags
}

// expandTriggerConfig encodes the configuration attribute of the trigger's
// type as the triggerConfig JSON object.
func expandTriggerConfig(ctx context.Context, m triggerResourceModel) (fc.TriggerConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	typ := m.Type.ValueString()
	k, ok := triggerKindFor(typ)
	if !ok {
		diags.AddAttributeError(path.Root("type"), "Unsupported trigger type",
			fmt.Sprintf("The trigger type %q is not supported. This is a bug in the provider: the schema should have rejected it.", typ))
		return nil, diags
	}
	v := k.get(&m)
	if v == nil || v.IsNull() || v.IsUnknown() {
		diags.AddAttributeError(path.Root(k.attribute()), "Missing trigger configuration",
			fmt.Sprintf("A trigger of type %q needs %s.", typ, k.attribute()))
		return nil, diags
	}
	raw := k.expand(ctx, v, &diags)
	if diags.HasError() {
		return nil, diags
	}
	return fc.TriggerConfig(raw), diags
}

// ---------------------------------------------------------------------------
// flatten

// flattenTrigger maps an API trigger onto the model. prior is the plan or
// state the trigger was read for: it supplies the service and function
// names (the API object does not carry them) and decides null versus empty
// (see the top of this file).
func flattenTrigger(ctx context.Context, t *fc.Trigger, prior triggerResourceModel) (triggerResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := triggerResourceModel{
		ServiceName:      prior.ServiceName,
		FunctionName:     prior.FunctionName,
		Name:             prior.Name,
		Type:             prior.Type,
		CreatedTime:      types.StringPointerValue(t.CreatedTime),
		LastModifiedTime: types.StringPointerValue(t.LastModifiedTime),
		TriggerID:        types.StringPointerValue(t.TriggerID),
		Description:      flattenOptionalString(t.Description, prior.Description),
		InvocationRole:   flattenOptionalString(t.InvocationRole, prior.InvocationRole),
		SourceARN:        flattenOptionalString(t.SourceArn, prior.SourceARN),
		Qualifier:        flattenQualifier(t.Qualifier, prior.Qualifier),
		URLInternet:      types.StringNull(),
		URLIntranet:      types.StringNull(),
	}
	if t.TriggerName != nil && *t.TriggerName != "" {
		m.Name = types.StringValue(*t.TriggerName)
	}
	if t.TriggerType != nil && *t.TriggerType != "" {
		m.Type = types.StringValue(*t.TriggerType)
	}
	m.ID = types.StringValue(triggerID(m.ServiceName.ValueString(), m.FunctionName.ValueString(), m.Name.ValueString()))
	if m.Type.ValueString() == validators.TriggerTypeHTTP {
		m.URLInternet = flattenOptionalString(t.URLInternet, types.StringNull())
		m.URLIntranet = flattenOptionalString(t.URLIntranet, types.StringNull())
	}

	for _, k := range triggerKinds {
		k.set(&m, k.null())
	}
	// A type this provider does not know (an import) keeps its raw JSON.
	typ := m.Type.ValueString()
	k, ok := triggerKindFor(typ)
	if !ok {
		k = triggerKindFallback
	}
	k.set(&m, k.flatten(ctx, triggerConfigRead{
		typ: typ, name: m.Name.ValueString(), raw: []byte(t.TriggerConfig), prior: k.get(&prior),
	}, &diags))
	return m, diags
}

// flattenQualifier maps the API's qualifier: "", absent and "LATEST" all
// mean the latest code, and are kept as the user wrote them (null or
// "LATEST").
func flattenQualifier(v *string, prior types.String) types.String {
	got := ""
	if v != nil {
		got = *v
	}
	if got == "" || got == "LATEST" {
		if !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() == "LATEST" {
			return prior
		}
		return types.StringNull()
	}
	return types.StringValue(got)
}

// ---------------------------------------------------------------------------
// fc_triggers

// triggersDataSourceModel is the state of fc_triggers.
type triggersDataSourceModel struct {
	FunctionName types.String       `tfsdk:"function_name"`
	NamePrefix   types.String       `tfsdk:"name_prefix"`
	Names        types.List         `tfsdk:"names"`
	ServiceName  types.String       `tfsdk:"service_name"`
	Triggers     []triggerItemModel `tfsdk:"triggers"`
}

// triggerItemModel is one trigger of fc_triggers.
type triggerItemModel struct {
	ConfigJSON       types.String `tfsdk:"config_json"`
	CreatedTime      types.String `tfsdk:"created_time"`
	Description      types.String `tfsdk:"description"`
	InvocationRole   types.String `tfsdk:"invocation_role"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	Name             types.String `tfsdk:"name"`
	Qualifier        types.String `tfsdk:"qualifier"`
	SourceARN        types.String `tfsdk:"source_arn"`
	TriggerID        types.String `tfsdk:"trigger_id"`
	Type             types.String `tfsdk:"type"`
	URLInternet      types.String `tfsdk:"url_internet"`
	URLIntranet      types.String `tfsdk:"url_intranet"`
}

// flattenTriggerItem maps an API trigger onto an item of fc_triggers: empty
// strings are null, the configuration is its raw JSON.
func flattenTriggerItem(t *fc.Trigger) triggerItemModel {
	item := triggerItemModel{
		ConfigJSON:       types.StringNull(),
		CreatedTime:      flattenOptionalString(t.CreatedTime, types.StringNull()),
		Description:      flattenOptionalString(t.Description, types.StringNull()),
		InvocationRole:   flattenOptionalString(t.InvocationRole, types.StringNull()),
		LastModifiedTime: flattenOptionalString(t.LastModifiedTime, types.StringNull()),
		Name:             flattenOptionalString(t.TriggerName, types.StringNull()),
		Qualifier:        flattenQualifier(t.Qualifier, types.StringNull()),
		SourceARN:        flattenOptionalString(t.SourceArn, types.StringNull()),
		TriggerID:        flattenOptionalString(t.TriggerID, types.StringNull()),
		Type:             flattenOptionalString(t.TriggerType, types.StringNull()),
		URLInternet:      flattenOptionalString(t.URLInternet, types.StringNull()),
		URLIntranet:      flattenOptionalString(t.URLIntranet, types.StringNull()),
	}
	if len(t.TriggerConfig) > 0 {
		item.ConfigJSON = types.StringValue(string(triggerCompactJSON(t.TriggerConfig)))
	}
	return item
}

// ---------------------------------------------------------------------------
// helpers

// triggerCompactJSON removes insignificant whitespace; invalid JSON is returned
// unchanged.
func triggerCompactJSON(raw []byte) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return raw
	}
	return b.Bytes()
}

// triggerShortJSON quotes raw for a message, cutting long values.
func triggerShortJSON(raw []byte) string {
	const limit = 120
	if r := []rune(string(raw)); len(r) > limit {
		return fmt.Sprintf("%q (truncated)", string(r[:limit]))
	}
	return fmt.Sprintf("%q", raw)
}
