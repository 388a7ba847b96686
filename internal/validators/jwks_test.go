package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// testJWKS is a JSON Web Key Set with one symmetric key.
const testJWKS = `{"keys":[{"kty":"oct","kid":"k1","alg":"HS256","k":"c2VjcmV0"}]}`

func TestCheckJWKS(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		testJWKS:                  "",
		`{"keys":[{}],"extra":1}`: "",
		`[{"kty":"oct"}]`:         "it is not a JSON object",
		`{keys`:                   "it is not a JSON object",
		`null`:                    "it is not a JSON object",
		`{}`:                      "it has no `keys` member",
		`{"keys":{"kty":"oct"}}`:  "`keys` is not an array",
		`{"keys":null}`:           "`keys` is not an array",
		`{"keys":[]}`:             "`keys` is empty",
	}
	for in, want := range cases {
		if got := checkJWKS([]byte(in)); got != want {
			t.Errorf("checkJWKS(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestJWKS(t *testing.T) {
	t.Parallel()
	p := path.Root("http_config").AtName("jwt_auth_config").AtName("jwks")
	invalid := func(value, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid JSON Web Key Set",
			detail:  []string{p.String() + " must be a JSON Web Key Set", reason},
		}}
	}
	runStringCases(t, JWKS(), p, map[string]stringCase{
		"null":       {value: types.StringNull()},
		"unknown":    {value: types.StringUnknown()},
		"key set":    {value: types.StringValue(testJWKS)},
		"empty keys": invalid(`{"keys":[],"secret":"c2VjcmV0"}`, "`keys` is empty"),
		"not JSON":   invalid(`c2VjcmV0`, "it is not a JSON object"),
	})
	// The value is sensitive: no message repeats it.
	for _, value := range []string{`{"keys":[],"secret":"c2VjcmV0"}`, `c2VjcmV0`} {
		var resp validator.StringResponse
		JWKS().ValidateString(t.Context(), validator.StringRequest{Path: p, ConfigValue: types.StringValue(value)}, &resp)
		for _, d := range resp.Diagnostics {
			if strings.Contains(d.Summary()+d.Detail(), "c2VjcmV0") {
				t.Errorf("a message repeats the key set: %s: %s", d.Summary(), d.Detail())
			}
		}
	}
}
