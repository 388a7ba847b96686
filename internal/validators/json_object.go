package validators

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// JSONObject returns a validator that requires a string holding JSON to
// hold a JSON object, e.g. a trigger's config_json. what names the value
// in the summary ("Invalid <what>"). A string that is not JSON at all
// passes: whether it is JSON is for the attribute's type
// (jsontypes.Normalized) or JSON() to report, once.
func JSONObject(what string) validator.String {
	desc := description{plain: "must be a JSON object"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		raw := []byte(got)
		if IsJSONObject(raw) {
			return
		}
		var doc any
		if err := json.Unmarshal(raw, &doc); err != nil {
			return // not JSON: reported by the type
		}
		diags.AddAttributeError(req.Path, "Invalid "+what,
			fmt.Sprintf("%s %s, got %s.", req.Path, desc.plain, shortenTo(got, 120)))
	}}
}

// IsJSONObject reports whether raw holds exactly one JSON object.
func IsJSONObject(raw []byte) bool {
	var obj map[string]json.RawMessage
	return json.Unmarshal(raw, &obj) == nil && obj != nil
}
