package validators

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type stringCase struct {
	value types.String
	want  *wantDiag
}

func runStringCases(t *testing.T, v validator.String, p path.Path, tests map[string]stringCase) {
	t.Helper()
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.StringRequest{Path: p, PathExpression: p.Expression(), ConfigValue: tt.value}
			var resp validator.StringResponse
			v.ValidateString(context.Background(), req, &resp)
			checkDiags(t, resp.Diagnostics, p, tt.want)
		})
	}
}

func TestName(t *testing.T) {
	t.Parallel()
	invalid := func(value, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid function name",
			detail:  []string{strconv.Quote(value) + " is not a valid function name", reason, "1 to 64 characters"},
		}}
	}
	runStringCases(t, Name("function name", 64), path.Root("function_name"), map[string]stringCase{
		"letter":                {value: types.StringValue("a")},
		"underscore":            {value: types.StringValue("_")},
		"mixed":                 {value: types.StringValue("My_func-2")},
		"leading underscore":    {value: types.StringValue("_1-x")},
		"max length":            {value: types.StringValue("f" + strings.Repeat("x", 63))},
		"null":                  {value: types.StringNull()},
		"unknown":               {value: types.StringUnknown()},
		"empty":                 invalid("", "it is empty"),
		"too long":              invalid("f"+strings.Repeat("x", 64), "it is 65 characters long"),
		"leading digit":         invalid("1func", "it starts with '1'"),
		"leading hyphen":        invalid("-func", "it starts with '-'"),
		"dot":                   invalid("svc.v1", "other than a letter, digit, underscore or hyphen"),
		"space":                 invalid("my func", "other than a letter"),
		"non-ASCII":             invalid("función", "other than a letter"),
		"non-ASCII first":       invalid("éa", "other than a letter"),
		"trailing newline":      invalid("func\n", "other than a letter"),
		"slash (import-ID sep)": invalid("svc/fn", "other than a letter"),
	})
	// The kind and the limit come from the caller.
	runStringCases(t, Name("service name", 128), path.Root("name"), map[string]stringCase{
		"128 characters": {value: types.StringValue(strings.Repeat("s", 128))},
		"129 characters": {value: types.StringValue(strings.Repeat("s", 129)), want: &wantDiag{
			summary: "Invalid service name",
			detail:  []string{"not a valid service name", "it is 129 characters long", "1 to 128 characters"},
		}},
	})
}

func TestNotOneOf(t *testing.T) {
	t.Parallel()
	runStringCases(t, NotOneOf("LATEST"), path.Root("alias_name"), map[string]stringCase{
		"ordinary":       {value: types.StringValue("prod")},
		"other case":     {value: types.StringValue("latest")},
		"prefix":         {value: types.StringValue("LATEST2")},
		"empty":          {value: types.StringValue("")},
		"null":           {value: types.StringNull()},
		"unknown":        {value: types.StringUnknown()},
		"reserved value": {value: types.StringValue("LATEST"), want: &wantDiag{summary: "Reserved Attribute Value", detail: []string{"alias_name", `"LATEST"`, `got "LATEST"`}}},
	})
	runStringCases(t, NotOneOf("a", "b"), path.Root("x"), map[string]stringCase{
		"first":   {value: types.StringValue("a"), want: &wantDiag{detail: []string{`"a", "b"`, `got "a"`}}},
		"second":  {value: types.StringValue("b"), want: &wantDiag{detail: []string{`got "b"`}}},
		"neither": {value: types.StringValue("c")},
	})
	runStringCases(t, NotOneOf(), path.Root("x"), map[string]stringCase{
		"nothing reserved": {value: types.StringValue("LATEST")},
	})
}

func TestNotOneOfCopiesValues(t *testing.T) {
	t.Parallel()
	reserved := []string{"LATEST"}
	v := NotOneOf(reserved...)
	reserved[0] = "other"
	var resp validator.StringResponse
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue("LATEST")}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("changing the caller's slice changed the validator")
	}
}

func TestJSONArrayOfStrings(t *testing.T) {
	t.Parallel()
	invalid := func(value, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid JSON Array of Strings",
			detail:  []string{"custom_container_config.command", "must be a JSON array of strings", reason},
		}}
	}
	runStringCases(t, JSONArrayOfStrings(), path.Root("custom_container_config").AtName("command"), map[string]stringCase{
		"empty array":      {value: types.StringValue("[]")},
		"one":              {value: types.StringValue(`["python"]`)},
		"several, spaced":  {value: types.StringValue(" [ \"python\" ,\n \"app.py\", \"\" ]\n")},
		"escapes":          {value: types.StringValue(`["a\"b", "\u00e9"]`)},
		"null":             {value: types.StringNull()},
		"unknown":          {value: types.StringUnknown()},
		"empty string":     invalid("", "not valid JSON"),
		"JSON null":        invalid("null", "it is null, not an array"),
		"object":           invalid(`{"a":"b"}`, "valid JSON but not an array"),
		"bare string":      invalid(`"python"`, "valid JSON but not an array"),
		"number element":   invalid(`["a", 1]`, "element 1 is \"1\", not a string"),
		"null element":     invalid(`["a", null]`, "element 1 is \"null\", not a string"),
		"nested array":     invalid(`[["a"]]`, "element 0"),
		"object element":   invalid(`[{}]`, "element 0"),
		"bool element":     invalid(`[true]`, "element 0"),
		"unterminated":     invalid(`["a"`, "not valid JSON"),
		"trailing garbage": invalid(`["a"] x`, "not valid JSON"),
		"two arrays":       invalid(`["a"] ["b"]`, "not valid JSON"),
		"shell form":       invalid(`python app.py`, "not valid JSON"),
		"single quotes":    invalid(`['a']`, "not valid JSON"),
	})
}

func TestJSON(t *testing.T) {
	t.Parallel()
	invalid := func(value string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid JSON",
			detail:  []string{"trigger_config", "must be a valid JSON document", "got "},
		}}
	}
	runStringCases(t, JSON(), path.Root("trigger_config"), map[string]stringCase{
		"object":         {value: types.StringValue(`{"events":["oss:ObjectCreated:*"],"filter":{"key":{"prefix":"a/"}}}`)},
		"array":          {value: types.StringValue(`[1, "a", null]`)},
		"scalar":         {value: types.StringValue(`42`)},
		"JSON null":      {value: types.StringValue(`null`)},
		"whitespace":     {value: types.StringValue("\n {} \n")},
		"null":           {value: types.StringNull()},
		"unknown":        {value: types.StringUnknown()},
		"empty":          invalid(""),
		"unterminated":   invalid(`{"a":`),
		"two documents":  invalid(`{} {}`),
		"single quotes":  invalid(`{'a': 1}`),
		"trailing comma": invalid(`{"a": 1,}`),
		"HCL":            invalid(`a = 1`),
	})
}

func TestJSONLongValueIsTruncated(t *testing.T) {
	t.Parallel()
	long := "{" + strings.Repeat("x", 1000)
	var resp validator.StringResponse
	JSON().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("x"), ConfigValue: types.StringValue(long)}, &resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("want an error")
	}
	if d := resp.Diagnostics[0].Detail(); strings.Contains(d, long) || !strings.Contains(d, "(truncated)") {
		t.Errorf("detail should quote a truncated value: %q", d)
	}
}

func TestStringDescriptions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := map[string]struct {
		v        validator.String
		contains []string
	}{
		"Name":               {Name("alias name", 128), []string{"alias name", "1 to 128 characters", "start with a letter"}},
		"NotOneOf":           {NotOneOf("LATEST"), []string{"must not be", "LATEST"}},
		"JSONArrayOfStrings": {JSONArrayOfStrings(), []string{"JSON array of strings"}},
		"JSON":               {JSON(), []string{"valid JSON"}},
	}
	for name, tt := range tests {
		for _, d := range []string{tt.v.Description(ctx), tt.v.MarkdownDescription(ctx)} {
			for _, s := range tt.contains {
				if !strings.Contains(d, s) {
					t.Errorf("%s: description %q does not contain %q", name, d, s)
				}
			}
		}
	}
}
