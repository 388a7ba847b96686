package validators

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// JSON returns a validator that requires a string to hold exactly one valid
// JSON document (surrounding whitespace allowed), e.g. a trigger_config.
func JSON() validator.String {
	desc := description{plain: "must be a valid JSON document"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		var doc any
		if err := json.Unmarshal([]byte(got), &doc); err != nil {
			diags.AddAttributeError(req.Path, "Invalid JSON",
				fmt.Sprintf("%s %s, got %s: %s.", req.Path, desc.plain, shorten(got), err))
		}
	}}
}

// JSONArrayOfStrings returns a validator that requires a string to hold a
// JSON array whose elements are all strings, e.g. ["python", "app.py"] for a
// custom container's command or args. An empty array passes; null does not.
func JSONArrayOfStrings() validator.String {
	desc := description{
		plain:    `must be a JSON array of strings, e.g. ["python", "app.py"]`,
		markdown: "must be a JSON array of strings, e.g. `[\"python\", \"app.py\"]`",
	}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if reason := checkJSONArrayOfStrings(got); reason != "" {
			diags.AddAttributeError(req.Path, "Invalid JSON Array of Strings",
				fmt.Sprintf("%s %s, got %s: %s.", req.Path, desc.plain, shorten(got), reason))
		}
	}}
}

// checkJSONArrayOfStrings returns why s is not a JSON array of strings, or ""
// when it is. Decoding into []string is not enough: it accepts null and
// silently skips null elements.
func checkJSONArrayOfStrings(s string) string {
	var elems []json.RawMessage
	if err := json.Unmarshal([]byte(s), &elems); err != nil {
		var doc any
		if json.Unmarshal([]byte(s), &doc) == nil {
			return "it is valid JSON but not an array"
		}
		return "it is not valid JSON: " + err.Error()
	}
	if elems == nil {
		return "it is null, not an array"
	}
	for i, e := range elems {
		if len(bytes.TrimSpace(e)) == 0 || bytes.TrimSpace(e)[0] != '"' {
			return fmt.Sprintf("element %d is %s, not a string", i, shorten(string(e)))
		}
	}
	return ""
}

// shorten quotes s for a message, cutting long values.
func shorten(s string) string { return shortenTo(s, 80) }

// shortenTo quotes s for a message, cut after limit characters.
func shortenTo(s string, limit int) string {
	if r := []rune(s); len(r) > limit {
		return fmt.Sprintf("%q (truncated)", string(r[:limit]))
	}
	return fmt.Sprintf("%q", s)
}
