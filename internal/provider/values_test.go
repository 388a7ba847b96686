package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// TestValuesRule is the table of the null / empty / zero rule (values.go):
// for each helper, what FC reports (absent, blank, a value) against each
// prior (null, unknown, the blank value the user wrote, another value).
func TestValuesRule(t *testing.T) {
	strList := func(v ...string) types.List { return flattenComputedStringList(append([]string{}, v...)) }
	strMap := func(kv ...string) types.Map {
		m := map[string]attr.Value{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = types.StringValue(kv[i+1])
		}
		return types.MapValueMust(types.StringType, m)
	}
	nullList, nullMap := types.ListNull(types.StringType), types.MapNull(types.StringType)

	cases := []struct {
		name string
		got  attr.Value
		want attr.Value
	}{
		// Optional strings: absent and "" are null unless the user wrote "".
		{"string absent, prior null", flattenOptionalString(nil, types.StringNull()), types.StringNull()},
		{"string absent, prior unknown", flattenOptionalString(nil, types.StringUnknown()), types.StringNull()},
		{"string absent, prior blank", flattenOptionalString(nil, types.StringValue("")), types.StringValue("")},
		{"string blank, prior null", flattenOptionalString(fc.Ptr(""), types.StringNull()), types.StringNull()},
		{"string blank, prior blank", flattenOptionalString(fc.Ptr(""), types.StringValue("")), types.StringValue("")},
		{"string blank, prior other", flattenOptionalString(fc.Ptr(""), types.StringValue("x")), types.StringNull()},
		{"string value, prior blank", flattenOptionalString(fc.Ptr("v"), types.StringValue("")), types.StringValue("v")},
		{"string value, prior null", flattenOptionalString(fc.Ptr("v"), types.StringNull()), types.StringValue("v")},
		{"non-empty string blank", flattenNonEmptyString(""), types.StringNull()},
		{"non-empty string value", flattenNonEmptyString("v"), types.StringValue("v")},
		// Computed strings keep what FC says.
		{"computed string absent", flattenComputedString(nil), types.StringNull()},
		{"computed string blank", flattenComputedString(fc.Ptr("")), types.StringValue("")},
		// Zero where FC cannot say absent: null unless the user wrote 0.
		{"int zero, prior null", flattenOptionalInt64Value(0, types.Int64Null()), types.Int64Null()},
		{"int zero, prior zero", flattenOptionalInt64Value(0, types.Int64Value(0)), types.Int64Value(0)},
		{"int zero, prior other", flattenOptionalInt64Value(0, types.Int64Value(3)), types.Int64Null()},
		{"int value", flattenOptionalInt64Value(7, types.Int64Null()), types.Int64Value(7)},
		// Pointers FC reports: absent is null, zero is zero.
		{"int absent", flattenInt64(nil), types.Int64Null()},
		{"int reported zero", flattenInt64(fc.Ptr(int64(0))), types.Int64Value(0)},
		{"bool absent", flattenBool(nil), types.BoolNull()},
		{"bool reported false", flattenBool(fc.Ptr(false)), types.BoolValue(false)},
		{"float absent", flattenFloat64(nil), types.Float64Null()},
		{"float reported zero", flattenFloat64(fc.Ptr(0.0)), types.Float64Value(0)},
		// Lists: [] and absent are null unless the user wrote [].
		{"list absent, prior null", flattenStringList(nil, nullList), nullList},
		{"list absent, prior unknown", flattenStringList(nil, types.ListUnknown(types.StringType)), nullList},
		{"list absent, prior empty", flattenStringList(nil, strList()), strList()},
		{"list empty, prior null", flattenStringList([]string{}, nullList), nullList},
		{"list empty, prior other", flattenStringList([]string{}, strList("a")), nullList},
		{"list value, prior empty", flattenStringList([]string{"a", "b"}, strList()), strList("a", "b")},
		{"computed list absent", flattenComputedStringList(nil), nullList},
		{"computed list empty", flattenComputedStringList([]string{}), strList()},
		// Maps: {} and absent are null unless the user wrote {}.
		{"map absent, prior null", flattenStringMap(nil, nullMap), nullMap},
		{"map absent, prior empty", flattenStringMap(nil, strMap()), strMap()},
		{"map empty, prior other", flattenStringMap(map[string]string{}, strMap("k", "v")), nullMap},
		{"map value", flattenStringMap(map[string]string{"k": "v"}, nullMap), strMap("k", "v")},
		// Nested objects FC reports blank: the prior {} is kept, else null.
		{"object blank, prior {}", keepBlankPrior(types.ObjectValueMust(map[string]attr.Type{"a": types.StringType}, map[string]attr.Value{"a": types.StringNull()}),
			map[string]attr.Type{"a": types.StringType}, func() bool { return true }),
			types.ObjectValueMust(map[string]attr.Type{"a": types.StringType}, map[string]attr.Value{"a": types.StringNull()})},
		{"object blank, prior null", keepBlankPrior(types.ObjectNull(map[string]attr.Type{"a": types.StringType}),
			map[string]attr.Type{"a": types.StringType}, func() bool { return true }), types.ObjectNull(map[string]attr.Type{"a": types.StringType})},
		{"object blank, prior not blank", keepBlankPrior(types.ObjectValueMust(map[string]attr.Type{"a": types.StringType}, map[string]attr.Value{"a": types.StringValue("x")}),
			map[string]attr.Type{"a": types.StringType}, func() bool { return false }), types.ObjectNull(map[string]attr.Type{"a": types.StringType})},
	}
	for _, tc := range cases {
		if !tc.got.Equal(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}

	// Expand: null and unknown are absent; blank values are sent.
	expand := []struct {
		name   string
		absent bool
		got    any
	}{
		{"string null", true, stringPtr(types.StringNull())},
		{"string unknown", true, stringPtr(types.StringUnknown())},
		{"int null", true, int64Ptr(types.Int64Null())},
		{"bool null", true, boolPtr(types.BoolNull())},
		{"float null", true, float64Ptr(types.Float64Null())},
		{"list null", true, expandStringList(nullList)},
		{"map null", true, expandStringMap(nullMap)},
		{"string blank", false, stringPtr(types.StringValue(""))},
		{"int zero", false, int64Ptr(types.Int64Value(0))},
		{"bool false", false, boolPtr(types.BoolValue(false))},
		{"float zero", false, float64Ptr(types.Float64Value(0))},
		{"list empty", false, expandStringList(strList())},
		{"map empty", false, expandStringMap(strMap())},
	}
	for _, tc := range expand {
		absent := false
		switch v := tc.got.(type) {
		case *string:
			absent = v == nil
		case *int64:
			absent = v == nil
		case *bool:
			absent = v == nil
		case *float64:
			absent = v == nil
		case []string:
			absent = v == nil
		case map[string]string:
			absent = v == nil
		}
		if absent != tc.absent {
			t.Errorf("expand %s: absent = %v, want %v", tc.name, absent, tc.absent)
		}
	}
}
