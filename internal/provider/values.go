package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// The null / empty / zero rule, in one place, for every resource and data
// source:
//   - expand: a null or unknown value is absent (nil: not sent); a known
//     value is sent as it is, so "", 0, false, {} and [] reach FC.
//   - flatten: a value FC reports is itself. A value FC reports as absent
//     or blank ("", 0 where FC cannot say absent, {} or []) is null, unless
//     the prior value (plan or state) was that blank value: then the blank
//     value is kept, so that a user who wrote "", [] or {} sees no diff.
//   - computed values (no prior the user wrote) keep what FC says: absent is
//     null, "" is "".
// values_test.go holds the table every helper here must pass.

// sameValue is attr.Value.Equal, except that two known float64 values are
// the same when they are equal as float64s. The framework keeps a float
// with the exact precision it arrived with: cpu = 0.45 from the
// configuration is the decimal 0.45, while 0.45 read back from FC is the
// float64 nearest to it, and Equal tells them apart. Terraform compares
// non-integers as float64s, so it sees no change there, and neither may
// the provider (e.g. after an import block, whose plan compares the
// configuration with a state just read from FC).
func sameValue(p, s attr.Value) bool {
	pf, pok := p.(types.Float64)
	sf, sok := s.(types.Float64)
	if pok && sok && known(pf) && known(sf) {
		return pf.ValueFloat64() == sf.ValueFloat64()
	}
	return p.Equal(s)
}

// expandForUpdate expands a changed nested object for an update request; a
// removed object (nil) becomes the empty object, which clears it on FC.
func expandForUpdate[T any](ctx context.Context, o types.Object, expand func(context.Context, types.Object) (*T, diag.Diagnostics), diags *diag.Diagnostics) *T {
	v, d := expand(ctx, o)
	diags.Append(d...)
	if v == nil {
		return new(T)
	}
	return v
}

// keepBlankPrior is the flatten of a nested object FC reports as absent or
// blank: the prior object when it was configured but expands to a blank
// object (e.g. custom_dns = {}), else null.
func keepBlankPrior(prior types.Object, attrTypes map[string]attr.Type, priorIsBlank func() bool) types.Object {
	if known(prior) && priorIsBlank() {
		return prior
	}
	return types.ObjectNull(attrTypes)
}

func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

func stringPtr(v types.String) *string {
	if !known(v) {
		return nil
	}
	return fc.Ptr(v.ValueString())
}

func int64Ptr(v types.Int64) *int64 {
	if !known(v) {
		return nil
	}
	return fc.Ptr(v.ValueInt64())
}

func float64Ptr(v types.Float64) *float64 {
	if !known(v) {
		return nil
	}
	return fc.Ptr(v.ValueFloat64())
}

func boolPtr(v types.Bool) *bool {
	if !known(v) {
		return nil
	}
	return fc.Ptr(v.ValueBool())
}

// expandStringList returns nil for a null list and a non-nil slice (maybe
// empty) otherwise.
func expandStringList(v types.List) []string {
	if !known(v) {
		return nil
	}
	out := make([]string, 0, len(v.Elements()))
	for _, e := range v.Elements() {
		out = append(out, asString(e).ValueString())
	}
	return out
}

// expandStringMap returns nil for a null map and a non-nil map (maybe
// empty) otherwise.
func expandStringMap(v types.Map) map[string]string {
	if !known(v) {
		return nil
	}
	out := make(map[string]string, len(v.Elements()))
	for k, e := range v.Elements() {
		out[k] = asString(e).ValueString()
	}
	return out
}

// encodeJSONStringList encodes a list as the JSON-array string FC expects
// for customContainerConfig.command and args; null encodes as "".
func encodeJSONStringList(v types.List) (string, error) {
	if !known(v) {
		return "", nil
	}
	b, err := json.Marshal(expandStringList(v))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// decodeJSONStringList is the inverse of encodeJSONStringList. "" and "[]"
// keep an empty prior list and are null otherwise.
func decodeJSONStringList(s string, prior types.List) (types.List, error) {
	if s == "" {
		return flattenStringList(nil, prior), nil
	}
	var items []string
	if err := json.Unmarshal([]byte(s), &items); err != nil {
		return types.ListNull(types.StringType), err
	}
	return flattenStringList(items, prior), nil
}

func asString(v attr.Value) types.String {
	if s, ok := v.(types.String); ok {
		return s
	}
	return types.StringNull()
}

func asInt64(v attr.Value) types.Int64 {
	if i, ok := v.(types.Int64); ok {
		return i
	}
	return types.Int64Null()
}

// flattenComputedString maps absent to null and keeps "".
func flattenComputedString(v *string) types.String {
	if v == nil {
		return types.StringNull()
	}
	return types.StringValue(*v)
}

// flattenOptionalString maps absent and "" to null, unless the prior value
// is "" (the user wrote "").
func flattenOptionalString(v *string, prior types.String) types.String {
	if v == nil {
		return flattenOptionalStringValue("", prior)
	}
	return flattenOptionalStringValue(*v, prior)
}

func flattenOptionalStringValue(v string, prior types.String) types.String {
	if v == "" {
		if known(prior) && prior.ValueString() == "" {
			return prior
		}
		return types.StringNull()
	}
	return types.StringValue(v)
}

// flattenOptionalInt64Value maps 0 (a nested field FC cannot report as
// absent) to null, unless the prior value is 0.
func flattenOptionalInt64Value(v int64, prior types.Int64) types.Int64 {
	if v == 0 {
		if known(prior) && prior.ValueInt64() == 0 {
			return prior
		}
		return types.Int64Null()
	}
	return types.Int64Value(v)
}

func flattenInt64(v *int64) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	return types.Int64Value(*v)
}

func flattenFloat64(v *float64) types.Float64 {
	if v == nil {
		return types.Float64Null()
	}
	return types.Float64Value(*v)
}

func flattenBool(v *bool) types.Bool {
	if v == nil {
		return types.BoolNull()
	}
	return types.BoolValue(*v)
}

// flattenStringList maps an empty list to null, unless the prior value is an
// empty list.
func flattenStringList(v []string, prior types.List) types.List {
	if len(v) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior
		}
		return types.ListNull(types.StringType)
	}
	return flattenComputedStringList(v)
}

func flattenComputedStringList(v []string) types.List {
	if v == nil {
		return types.ListNull(types.StringType)
	}
	elems := make([]attr.Value, 0, len(v))
	for _, s := range v {
		elems = append(elems, types.StringValue(s))
	}
	return types.ListValueMust(types.StringType, elems)
}

// flattenStringMap maps an empty map to null, unless the prior value is an
// empty map.
func flattenStringMap(v map[string]string, prior types.Map) types.Map {
	if len(v) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior
		}
		return types.MapNull(types.StringType)
	}
	elems := make(map[string]attr.Value, len(v))
	for k, s := range v {
		elems[k] = types.StringValue(s)
	}
	return types.MapValueMust(types.StringType, elems)
}

// flattenNonEmptyString maps "" to null, for optional strings whose schema
// rejects "" (so no prior can be "").
func flattenNonEmptyString(v string) types.String {
	return flattenOptionalStringValue(v, types.StringNull())
}
