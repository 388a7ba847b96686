package validators

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// NotOneOf returns a validator that rejects the given reserved values,
// compared case-sensitively, e.g. NotOneOf("LATEST") for alias names.
func NotOneOf(values ...string) validator.String {
	values = slices.Clone(values)
	quoted := func(markdown bool) string {
		q := make([]string, len(values))
		for i, s := range values {
			if markdown {
				q[i] = "`" + s + "`"
			} else {
				q[i] = fmt.Sprintf("%q", s)
			}
		}
		return strings.Join(q, ", ")
	}
	desc := description{
		plain:    "must not be any of the reserved values " + quoted(false),
		markdown: "must not be any of the reserved values " + quoted(true),
	}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if slices.Contains(values, got) {
			diags.AddAttributeError(req.Path, "Reserved Attribute Value",
				fmt.Sprintf("%s %s, got %q.", req.Path, desc.plain, got))
		}
	}}
}
