package validators

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// JWKS returns a validator for a JSON Web Key Set (RFC 7517): a JSON object
// whose `keys` is a non-empty array, as an HTTP trigger's JWT
// authentication takes it. The value is sensitive, so messages say what is
// wrong with it, never what it is.
func JWKS() validator.String {
	desc := description{plain: "must be a JSON Web Key Set: a JSON object with a non-empty `keys` array"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if reason := checkJWKS([]byte(got)); reason != "" {
			diags.AddAttributeError(req.Path, "Invalid JSON Web Key Set",
				fmt.Sprintf("%s %s: %s.", req.Path, desc.plain, reason))
		}
	}}
}

// checkJWKS returns why raw is not a JSON Web Key Set, or "".
func checkJWKS(raw []byte) string {
	var set map[string]json.RawMessage
	if err := json.Unmarshal(raw, &set); err != nil || set == nil {
		return "it is not a JSON object"
	}
	keys, ok := set["keys"]
	if !ok {
		return "it has no `keys` member"
	}
	var list []json.RawMessage
	if err := json.Unmarshal(keys, &list); err != nil || list == nil {
		return "`keys` is not an array"
	}
	if len(list) == 0 {
		return "`keys` is empty"
	}
	return ""
}
