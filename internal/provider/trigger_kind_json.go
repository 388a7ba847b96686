package provider

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// jsonTriggerKind is config_json, the configuration of the types without a
// typed attribute (EventBridge, MQ, RDS): a JSON object in the shape FC
// documents for the type, sent as written (compacted).
type jsonTriggerKind struct{}

const attrConfigJSON = "config_json"

func (jsonTriggerKind) types() []string {
	return []string{validators.TriggerTypeEventBridge, validators.TriggerTypeMQ, validators.TriggerTypeRDS}
}
func (jsonTriggerKind) attribute() string { return attrConfigJSON }
func (jsonTriggerKind) needsSource() bool { return false }
func (jsonTriggerKind) null() attr.Value  { return jsontypes.NewNormalizedNull() }

func (jsonTriggerKind) get(m *triggerResourceModel) attr.Value { return m.ConfigJSON }
func (jsonTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.ConfigJSON = v.(jsontypes.Normalized)
}

func (k jsonTriggerKind) schema() schema.Attribute {
	return schema.StringAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " A JSON object, e.g. with `jsonencode()`, in the " +
			"shape FC documents for the type (for `eventbridge`: `triggerEnable`, `asyncInvocationType`, " +
			"`eventSourceConfig`, `eventRuleFilterPattern`...). Compared as JSON: key order and whitespace " +
			"never cause a difference.",
		Optional:   true,
		CustomType: jsontypes.NormalizedType{},
		Validators: []validator.String{validators.JSONObject("trigger configuration")},
	}
}

func (jsonTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

func (jsonTriggerKind) expand(_ context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	s, ok := v.(jsontypes.Normalized)
	raw := []byte(s.ValueString())
	if !ok || !validators.IsJSONObject(raw) {
		diags.AddAttributeError(path.Root(attrConfigJSON), "Invalid trigger configuration",
			fmt.Sprintf("%s must be a JSON object, got %s.", attrConfigJSON, triggerShortJSON(raw)))
		return nil
	}
	return triggerCompactJSON(raw)
}

// flatten keeps FC's JSON, or the prior text when it is the same document.
// FC sending no configuration leaves config_json null.
func (k jsonTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	if len(in.raw) == 0 {
		return k.null()
	}
	prior, _ := in.prior.(jsontypes.Normalized)
	return flattenConfigJSON(ctx, in.raw, prior, diags)
}

// flattenConfigJSON returns raw as a normalized JSON value, or prior when
// the two are the same JSON document, so the user's formatting stays in the
// state. Beyond key order and whitespace (jsontypes' semantic equality),
// FC's rewriting of a configuration is not a change either: members whose
// value is null are dropped (null means "not set"), and numbers may be
// written another way (1.0 as 1, 1e2 as 100).
func flattenConfigJSON(ctx context.Context, raw []byte, prior jsontypes.Normalized, diags *diag.Diagnostics) jsontypes.Normalized {
	v := jsontypes.NewNormalizedValue(string(raw))
	if prior.IsNull() || prior.IsUnknown() {
		return v
	}
	equal, d := prior.StringSemanticEquals(ctx, v)
	if d.HasError() {
		// The prior value is not JSON (it was validated, so this cannot
		// happen with a real plan): report what FC has.
		return v
	}
	diags.Append(d...)
	if equal || triggerJSONEquivalent([]byte(prior.ValueString()), raw) {
		return prior
	}
	return v
}
