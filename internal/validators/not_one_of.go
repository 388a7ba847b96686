package validators

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var _ validator.String = notOneOfValidator{}

type notOneOfValidator struct {
	values []string
}

// NotOneOf returns a validator that rejects the given reserved values,
// compared case-sensitively, e.g. NotOneOf("LATEST") for alias names.
func NotOneOf(values ...string) validator.String {
	return notOneOfValidator{values: slices.Clone(values)}
}

func (v notOneOfValidator) quoted(markdown bool) string {
	q := make([]string, len(v.values))
	for i, s := range v.values {
		if markdown {
			q[i] = "`" + s + "`"
		} else {
			q[i] = fmt.Sprintf("%q", s)
		}
	}
	return strings.Join(q, ", ")
}

func (v notOneOfValidator) Description(_ context.Context) string {
	return "must not be any of the reserved values " + v.quoted(false)
}

func (v notOneOfValidator) MarkdownDescription(_ context.Context) string {
	return "must not be any of the reserved values " + v.quoted(true)
}

func (v notOneOfValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if slices.Contains(v.values, got) {
		resp.Diagnostics.AddAttributeError(req.Path, "Reserved Attribute Value",
			fmt.Sprintf("%s %s, got %q.", req.Path, v.Description(ctx), got))
	}
}
