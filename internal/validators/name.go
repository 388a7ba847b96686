package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// namePattern is FC's rule for service, function, trigger and alias names
// (fc-api.md section 9): letters, digits, "_" and "-", not starting with a
// digit or "-".
var namePattern = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// Name returns a validator for FC resource names: 1 to maxLen characters,
// only letters, digits, "_" and "-", starting with a letter or "_". kind
// names the thing in messages, e.g. "service name" (maxLen 128) or
// "function name" (maxLen 64).
func Name(kind string, maxLen int) validator.String {
	desc := description{
		plain:    fmt.Sprintf("a %s must be 1 to %d characters long, contain only letters, digits, underscores (_) and hyphens (-), and start with a letter or an underscore", kind, maxLen),
		markdown: fmt.Sprintf("a %s must be 1 to %d characters long, contain only letters, digits, `_` and `-`, and start with a letter or `_`", kind, maxLen),
	}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		var reason string
		switch {
		case got == "":
			reason = "it is empty"
		case !namePattern.MatchString(got):
			if c := got[0]; c == '-' || (c >= '0' && c <= '9') {
				reason = fmt.Sprintf("it starts with %q", c)
			} else {
				reason = "it contains a character other than a letter, digit, underscore or hyphen"
			}
		case len(got) > maxLen: // ASCII only past the pattern, so bytes are characters
			reason = fmt.Sprintf("it is %d characters long", len(got))
		default:
			return
		}
		diags.AddAttributeError(req.Path, "Invalid "+kind,
			fmt.Sprintf("%q is not a valid %s: %s. %s.", got, kind, reason, upperFirst(desc.plain)))
	}}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
