package validators

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var _ validator.String = jwksValidator{}

type jwksValidator struct{}

// JWKS returns a validator for a JSON Web Key Set (RFC 7517): a JSON object
// whose `keys` is a non-empty array, as an HTTP trigger's JWT
// authentication takes it. The value is sensitive, so messages say what is
// wrong with it, never what it is.
func JWKS() validator.String { return jwksValidator{} }

func (jwksValidator) Description(_ context.Context) string {
	return "must be a JSON Web Key Set: a JSON object with a non-empty `keys` array"
}

func (v jwksValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v jwksValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if reason := checkJWKS([]byte(req.ConfigValue.ValueString())); reason != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON Web Key Set",
			fmt.Sprintf("%s %s: %s.", req.Path, v.Description(ctx), reason))
	}
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
