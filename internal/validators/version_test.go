package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestVersionID(t *testing.T) {
	t.Parallel()
	invalid := func(value string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid version ID",
			detail:  []string{`version_id: "` + value + `" is not a version ID`, "without leading zeros"},
		}}
	}
	runStringCases(t, VersionID(), path.Root("version_id"), map[string]stringCase{
		"one":          {value: types.StringValue("1")},
		"two digits":   {value: types.StringValue("10")},
		"large":        {value: types.StringValue("123456")},
		"null":         {value: types.StringNull()},
		"unknown":      {value: types.StringUnknown()},
		"leading zero": invalid("01"), // FC reads it as 1 and answers "1"
		"zero":         invalid("0"),
		"empty":        invalid(""),
		"letters":      invalid("v1"),
		"negative":     invalid("-1"),
		"space":        invalid(" 1"),
		"LATEST":       invalid("LATEST"),
	})
}

func TestQualifier(t *testing.T) {
	t.Parallel()
	invalid := func(value string, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid qualifier",
			detail:  []string{`qualifier: "` + value + `" is not a valid qualifier`, reason, `must be "LATEST", a version ID`},
		}}
	}
	runStringCases(t, Qualifier(), path.Root("qualifier"), map[string]stringCase{
		"LATEST":             {value: types.StringValue("LATEST")},
		"version":            {value: types.StringValue("3")},
		"version 10":         {value: types.StringValue("10")},
		"alias":              {value: types.StringValue("prod")},
		"alias like latest":  {value: types.StringValue("latest")},
		"alias with digits":  {value: types.StringValue("_1-canary")},
		"alias max length":   {value: types.StringValue("a" + strings.Repeat("x", 127))},
		"null":               {value: types.StringNull()},
		"unknown":            {value: types.StringUnknown()},
		"leading zero":       invalid("01", `write "1"`),
		"leading zeros":      invalid("007", `write "7"`),
		"zero":               invalid("0", "from 1"),
		"empty":              invalid("", "it is empty"),
		"dot":                invalid("prod.v1", "neither a version ID nor an alias name"),
		"leading hyphen":     invalid("-prod", "neither a version ID nor an alias name"),
		"digit then letters": invalid("1prod", "neither a version ID nor an alias name"),
		"alias too long":     invalid("a"+strings.Repeat("x", 128), "at most 128 characters long, got 129"),
	})
}
