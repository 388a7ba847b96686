package validators

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var _ validator.String = jsonObjectValidator{}

type jsonObjectValidator struct{ what string }

// JSONObject returns a validator that requires a string holding JSON to
// hold a JSON object, e.g. a trigger's config_json. what names the value
// in the summary ("Invalid <what>"). A string that is not JSON at all
// passes: whether it is JSON is for the attribute's type
// (jsontypes.Normalized) or JSON() to report, once.
func JSONObject(what string) validator.String { return jsonObjectValidator{what: what} }

func (jsonObjectValidator) Description(_ context.Context) string {
	return "must be a JSON object"
}

func (v jsonObjectValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v jsonObjectValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := []byte(req.ConfigValue.ValueString())
	if IsJSONObject(raw) {
		return
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return // not JSON: reported by the type
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+v.what,
		fmt.Sprintf("%s %s, got %s.", req.Path, v.Description(ctx), shortenTo(string(raw), 120)))
}

// IsJSONObject reports whether raw holds exactly one JSON object.
func IsJSONObject(raw []byte) bool {
	var obj map[string]json.RawMessage
	return json.Unmarshal(raw, &obj) == nil && obj != nil
}
