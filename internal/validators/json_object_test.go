package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestJSONObject(t *testing.T) {
	t.Parallel()
	p := path.Root("config_json")
	invalid := func(value string, detail ...string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid trigger configuration",
			detail:  append([]string{"config_json must be a JSON object, got "}, detail...),
		}}
	}
	long := `["` + strings.Repeat("x", 200) + `"]`
	runStringCases(t, JSONObject("trigger configuration"), p, map[string]stringCase{
		"null":         {value: types.StringNull()},
		"unknown":      {value: types.StringUnknown()},
		"object":       {value: types.StringValue(`{"a":1}`)},
		"empty object": {value: types.StringValue(" {} \n")},
		// Not JSON at all: the attribute's type reports it, once.
		"not JSON":    {value: types.StringValue(`{a`)},
		"array":       invalid(`[1]`, `"[1]"`),
		"null JSON":   invalid(`null`, `"null"`),
		"string":      invalid(`"{}"`, `"\"{}\""`),
		"two objects": {value: types.StringValue(`{} {}`)},
		"long":        invalid(long, `"[\"`+strings.Repeat("x", 118)+`" (truncated)`),
	})
}

func TestIsJSONObject(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]bool{
		`{}`: true, `{"a":[1]}`: true, ` {"a":1} `: true,
		`null`: false, `[]`: false, `"{}"`: false, `{} {}`: false, `{`: false, ``: false,
	} {
		if got := IsJSONObject([]byte(in)); got != want {
			t.Errorf("IsJSONObject(%q) = %v, want %v", in, got, want)
		}
	}
}
