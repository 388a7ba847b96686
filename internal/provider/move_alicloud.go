package provider

// Moves from the incumbent provider's FC 2.0 resources (alicloud_fc_* of
// aliyun/alicloud, formerly hashicorp/alicloud): `moved { from =
// alicloud_fc_service.x  to = fc_service.x }` (Terraform 1.8+,
// MoveResourceState). Each fc_* resource that has an alicloud_fc_
// counterpart returns one mover built with alicloudMover, in its own
// resource_<name>_move.go.
//
// The incumbent's resources are terraform-plugin-sdk v1 resources with
// schema version 0. Their state, as Terraform hands it over, is JSON whose
// shapes the movers read themselves (no source schema is declared):
//   - blocks of TypeList MaxItems 1 are arrays of one object ([] when
//     absent); sets are arrays; maps are objects;
//   - values the incumbent copies from FC are "" / 0 / false when FC has
//     none, and its schema defaults (memory_size 128, ...) are always there;
//   - IDs join names with ":" (ours use "/").
// A mover maps "" to null wherever ours treats null as "not set", so that
// the first plan shows no change for what the configuration leaves out, and
// leaves null what the old state cannot tell (created_time, code from a
// local file, ...): the refresh that follows every move, in the same plan,
// reads it from FC.
//
// A request for another source type or provider is left alone (no state
// set): the framework then reports that no mover applies.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// alicloudProviderAddresses are the addresses of the incumbent provider a
// move is accepted from: aliyun/alicloud and its legacy address
// hashicorp/alicloud, on Terraform's registry host and on OpenTofu's (which
// serves the same namespaces).
var alicloudProviderAddresses = []string{
	"registry.terraform.io/aliyun/alicloud",
	"registry.terraform.io/hashicorp/alicloud",
	"registry.opentofu.org/aliyun/alicloud",
	"registry.opentofu.org/hashicorp/alicloud",
}

// alicloudSchemaVersion is the schema version of every alicloud_fc_*
// resource (none declares one).
const alicloudSchemaVersion = 0

// isAlicloudProvider reports whether addr (HOSTNAME/NAMESPACE/TYPE) is the
// incumbent provider.
func isAlicloudProvider(addr string) bool {
	for _, a := range alicloudProviderAddresses {
		if strings.EqualFold(addr, a) {
			return true
		}
	}
	return false
}

// alicloudID says how the incumbent names an object: names are the
// attributes that hold its names, the first parts of them also written in
// its ID ("<a>:<b>[:<c>]", parts parts; see name), the others (such as a
// trigger's type) only in the attribute. None may be empty.
type alicloudID struct {
	parts int
	names []string
}

// alicloudMover returns the mover from the incumbent's resource type
// sourceType. move gets the object's names (read as id says, none empty)
// and turns the old state into the target model (a pointer to the
// resource's model struct), which is set as the target state.
func alicloudMover[T any](sourceType string, id alicloudID, move func(ctx context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *T) resource.StateMover {
	return resource.StateMover{
		StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
			if req.SourceTypeName != sourceType || !isAlicloudProvider(req.SourceProviderAddress) {
				return
			}
			st, diags := alicloudSourceState(req, sourceType)
			resp.Diagnostics.Append(diags...)
			if diags.HasError() {
				return
			}
			names, diags := st.names(sourceType, id)
			var m *T
			if !diags.HasError() {
				m = move(ctx, st, names, &diags)
			}
			resp.Diagnostics.Append(diags...)
			if diags.HasError() {
				return
			}
			tflog.Debug(ctx, "Moved state from the alicloud provider", map[string]any{
				"source_provider": req.SourceProviderAddress, "source_type": sourceType, "source_id": st.stringValue("id"),
			})
			resp.Diagnostics.Append(resp.TargetState.Set(ctx, m)...)
			if resp.Diagnostics.HasError() {
				return
			}
			// The identity (when the resource has one) is made of the
			// names just set.
			resp.Diagnostics.Append(identityFromState(ctx, resp.TargetState, resp.TargetIdentity)...)
		},
	}
}

// alicloudSourceState decodes the old state of a matching request.
func alicloudSourceState(req resource.MoveStateRequest, sourceType string) (alicloudState, diag.Diagnostics) {
	var diags diag.Diagnostics
	if req.SourceSchemaVersion != alicloudSchemaVersion {
		diags.AddError("Unsupported alicloud state version",
			fmt.Sprintf("The state of %s has schema version %d; this provider moves version %d, the only version the alicloud provider's "+
				"FC 2.0 resources have had. Use `terraform state rm` and an import instead (see the guide \"Migrating from alicloud_fc_*\").",
				sourceType, req.SourceSchemaVersion, alicloudSchemaVersion))
		return nil, diags
	}
	if req.SourceRawState == nil || len(bytes.TrimSpace(req.SourceRawState.JSON)) == 0 {
		diags.AddError("Unreadable alicloud state",
			fmt.Sprintf("Terraform passed no JSON state for %s (a state in the legacy flatmap format, written by Terraform 0.11 or "+
				"earlier, has none). Refresh it with the alicloud provider first (terraform apply -refresh-only), then move it.", sourceType))
		return nil, diags
	}
	st, err := parseAlicloudState(req.SourceRawState.JSON)
	if err != nil {
		diags.AddError("Unreadable alicloud state",
			fmt.Sprintf("The state of %s is not a JSON object: %s.", sourceType, err))
		return nil, diags
	}
	return st, diags
}

// alicloudState is the decoded JSON state of one alicloud_fc_* object (or
// of one object of one of its blocks).
type alicloudState map[string]json.RawMessage

func parseAlicloudState(raw []byte) (alicloudState, error) {
	var st alicloudState
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, err
	}
	if st == nil {
		return nil, fmt.Errorf("the state is null")
	}
	return st, nil
}

// scalar returns the value of key as text: a string as it is, a number or
// a bool as written in the JSON. ok is false when key is absent, null, or
// an array or object.
func (s alicloudState) scalar(key string) (string, bool) {
	raw := bytes.TrimSpace(s[key])
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", false
	}
	switch raw[0] {
	case '"':
		var v string
		if json.Unmarshal(raw, &v) != nil {
			return "", false
		}
		return v, true
	case '[', '{':
		return "", false
	}
	return string(raw), true
}

// stringValue returns the string at key, "" when absent or null.
func (s alicloudState) stringValue(key string) string {
	v, _ := s.scalar(key)
	return v
}

// optionalString is the string at key, null when absent, null or "" (the
// incumbent's "not set").
func (s alicloudState) optionalString(key string) types.String {
	return flattenNonEmptyString(s.stringValue(key))
}

// int64Value returns the whole number at key (a JSON number or a numeric
// string); ok is false when there is none.
func (s alicloudState) int64Value(key string) (int64, bool) {
	v, ok := s.scalar(key)
	if !ok {
		return 0, false
	}
	if i, err := strconv.ParseInt(v, 10, 64); err == nil {
		return i, true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > math.MaxInt64 {
		return 0, false
	}
	return int64(f), true
}

// int64Or is the number at key, null when there is none.
func (s alicloudState) int64Or(key string) types.Int64 {
	if v, ok := s.int64Value(key); ok {
		return types.Int64Value(v)
	}
	return types.Int64Null()
}

// positiveInt64 is the number at key, null when there is none or it is 0 or
// less (the incumbent's "not set" for numbers whose valid values start at
// 1, such as ca_port).
func (s alicloudState) positiveInt64(key string) types.Int64 {
	if v, ok := s.int64Value(key); ok && v > 0 {
		return types.Int64Value(v)
	}
	return types.Int64Null()
}

// boolValue is the bool at key (true/false, or their string forms), null
// when there is none.
func (s alicloudState) boolValue(key string) types.Bool {
	v, ok := s.scalar(key)
	if !ok {
		return types.BoolNull()
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return types.BoolNull()
	}
	return types.BoolValue(b)
}

// objects returns the objects of the block (or list of objects) at key. A
// block of MaxItems 1 is an array of one object; a lone object is taken as
// such an array.
func (s alicloudState) objects(key string) []alicloudState {
	raw := bytes.TrimSpace(s[key])
	if len(raw) == 0 {
		return nil
	}
	if raw[0] == '{' {
		if st, err := parseAlicloudState(raw); err == nil {
			return []alicloudState{st}
		}
		return nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return nil
	}
	out := make([]alicloudState, 0, len(items))
	for _, item := range items {
		if st, err := parseAlicloudState(item); err == nil {
			out = append(out, st)
		}
	}
	return out
}

// block returns the one object of the block at key; ok is false when the
// block is absent or empty.
func (s alicloudState) block(key string) (alicloudState, bool) {
	objs := s.objects(key)
	if len(objs) == 0 {
		return nil, false
	}
	return objs[0], true
}

// blockObject maps the block at key onto an object of attrTypes: values
// gives the attribute values of the block's object, or nil when what it
// holds means "not set"; an absent block is null too.
func (s alicloudState) blockObject(key string, attrTypes map[string]attr.Type, diags *diag.Diagnostics, values func(b alicloudState) map[string]attr.Value) types.Object {
	if b, ok := s.block(key); ok {
		if vals := values(b); vals != nil {
			obj, d := types.ObjectValue(attrTypes, vals)
			diags.Append(d...)
			return obj
		}
	}
	return types.ObjectNull(attrTypes)
}

// strings returns the strings of the list or set at key (nil when absent);
// numbers and bools are taken as text, null elements are skipped.
func (s alicloudState) strings(key string) []string {
	var items []json.RawMessage
	if json.Unmarshal(s[key], &items) != nil {
		return nil
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		if v, ok := (alicloudState{"v": item}).scalar("v"); ok {
			out = append(out, v)
		}
	}
	return out
}

// stringMap returns the map at key with its values as text (nil when
// absent).
func (s alicloudState) stringMap(key string) map[string]string {
	var items map[string]json.RawMessage
	if json.Unmarshal(s[key], &items) != nil || items == nil {
		return nil
	}
	out := make(map[string]string, len(items))
	for k, item := range items {
		if v, ok := (alicloudState{"v": item}).scalar("v"); ok {
			out[k] = v
		}
	}
	return out
}

// float64Map returns the map of numbers at key (numbers or numeric
// strings), each with the precision of its decimal text, as Terraform
// reads a number from a configuration: a weight the user wrote as 0.1 is
// then the same number in the moved state as in the configuration (a
// float64 0.1 is not, and the plan would show a change). An element that is
// not a number is left out with a warning.
func (s alicloudState) float64Map(key string, diags *diag.Diagnostics) map[string]attr.Value {
	raw := s.stringMap(key)
	if raw == nil {
		return nil
	}
	out := make(map[string]attr.Value, len(raw))
	for k, v := range raw {
		f, err := decimalFloat64(v)
		if err != nil {
			diags.AddWarning("Unreadable value in the alicloud state",
				fmt.Sprintf("%s[%q] is %q, not a number; it is left out of the moved state and read from FC by the refresh.", key, k, v))
			continue
		}
		out[k] = f
	}
	return out
}

// decimalFloat64 parses a number with the precision Terraform gives the
// numbers of a configuration (512 bits).
func decimalFloat64(text string) (types.Float64, error) {
	bf, _, err := big.ParseFloat(strings.TrimSpace(text), 10, 512, big.ToNearestEven)
	if err != nil {
		return types.Float64Null(), err
	}
	v, err := types.Float64Type.ValueFromTerraform(context.Background(), tftypes.NewValue(tftypes.Number, bf))
	if err != nil {
		return types.Float64Null(), err
	}
	f, ok := v.(types.Float64)
	if !ok {
		return types.Float64Null(), fmt.Errorf("unexpected value %T", v)
	}
	return f, nil
}

// canonicalJSON re-encodes a JSON document as Terraform's jsonencode does:
// compact, object keys sorted, <, > and & escaped, numbers in their
// shortest decimal form (1.50 as 1.5, 1e2 as 100). A value that is not
// JSON is returned as it is.
func canonicalJSON(raw []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return raw
	}
	out, err := json.Marshal(terraformNumbers(v))
	if err != nil {
		return raw
	}
	return out
}

// terraformNumbers replaces the numbers of a decoded JSON value with the
// text Terraform gives them.
func terraformNumbers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = terraformNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = terraformNumbers(e)
		}
	case json.Number:
		if bf, _, err := big.ParseFloat(string(x), 10, 512, big.ToNearestEven); err == nil {
			return json.RawMessage(bf.Text('f', -1))
		}
	}
	return v
}

// idParts splits the incumbent's ID, "<a>:<b>[:<c>]", into n parts; nil
// when it has another shape.
func (s alicloudState) idParts(n int) []string {
	parts := strings.Split(s.stringValue("id"), ":")
	if len(parts) != n {
		return nil
	}
	for _, p := range parts {
		if p == "" {
			return nil
		}
	}
	return parts
}

// name returns the string at key or, when it is empty, part i of the ID
// split into n parts: the old state's names, robust to a state whose name
// attributes are missing.
func (s alicloudState) name(key string, i, n int) string {
	if v := s.stringValue(key); v != "" {
		return v
	}
	if parts := s.idParts(n); parts != nil {
		return parts[i]
	}
	return ""
}

// names reads the names of the object as id says, and reports an error
// naming each that is missing: the target's ID needs them all.
func (s alicloudState) names(sourceType string, id alicloudID) ([]string, diag.Diagnostics) {
	var diags diag.Diagnostics
	names := make([]string, len(id.names))
	for i, key := range id.names {
		if i < id.parts {
			names[i] = s.name(key, i, id.parts)
		} else {
			names[i] = s.stringValue(key)
		}
		if names[i] == "" {
			diags.AddError("Incomplete alicloud state",
				fmt.Sprintf("The state of %s has no %s (neither the attribute nor its part of the ID), so the object it belongs to cannot be named.",
					sourceType, key))
		}
	}
	return names, diags
}

// stringMapValue is a map of strings, null when empty (ours read an empty
// map as null unless the configuration wrote {}).
func stringMapValue(m map[string]string) types.Map {
	return flattenStringMap(m, types.MapNull(types.StringType))
}

// stringListValue is a list of strings, null when empty.
func stringListValue(l []string) types.List {
	return flattenStringList(l, types.ListNull(types.StringType))
}

// moveAlicloudOSSCode is the code argument of a package the incumbent took
// from OSS: bucket and object, as it sent them. Without both (a local
// package) it is null: see moveAlicloudFunction.
func moveAlicloudOSSCode(bucket, object string) types.Object {
	attrTypes := nestedAttrTypes(codeSourceAttributes())
	if bucket == "" || object == "" {
		return types.ObjectNull(attrTypes)
	}
	vals := make(map[string]attr.Value, len(attrTypes))
	for name := range attrTypes {
		vals[name] = types.StringNull()
	}
	vals["oss_bucket_name"] = types.StringValue(bucket)
	vals["oss_object_name"] = types.StringValue(object)
	return types.ObjectValueMust(attrTypes, vals)
}

// stringSetValue is a set of strings (empty when l is).
func stringSetValue(l []string) (types.Set, diag.Diagnostics) {
	elems := make([]attr.Value, 0, len(l))
	for _, v := range l {
		elems = append(elems, types.StringValue(v))
	}
	return types.SetValue(types.StringType, elems)
}
