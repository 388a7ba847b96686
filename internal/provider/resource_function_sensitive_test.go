package provider

import (
	"testing"

	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// TestFunctionResourceSchema_zipFileSensitive: inline base64 code is kept
// out of plan output.
func TestFunctionResourceSchema_zipFileSensitive(t *testing.T) {
	s := resourceSchema(t, NewFunctionResource())
	code, ok := s.Attributes["code"].(rschema.SingleNestedAttribute)
	if !ok {
		t.Fatalf("code is %T, want a single nested attribute", s.Attributes["code"])
	}
	zip, ok := code.Attributes["zip_file"].(rschema.StringAttribute)
	if !ok || !zip.Sensitive {
		t.Fatalf("code.zip_file = %#v, want a sensitive string", code.Attributes["zip_file"])
	}
}
