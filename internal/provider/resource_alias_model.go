package provider

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// aliasModel is the state of fc_alias, and of the fc_alias data source.
type aliasModel struct {
	AdditionalVersionWeight types.Map    `tfsdk:"additional_version_weight"`
	CreatedTime             types.String `tfsdk:"created_time"`
	Description             types.String `tfsdk:"description"`
	ID                      types.String `tfsdk:"id"`
	LastModifiedTime        types.String `tfsdk:"last_modified_time"`
	Name                    types.String `tfsdk:"name"`
	ServiceName             types.String `tfsdk:"service_name"`
	VersionID               types.String `tfsdk:"version_id"`
}

// aliasAttrTypes are the attribute types of aliasModel.
var aliasAttrTypes = map[string]attr.Type{
	"additional_version_weight": types.MapType{ElemType: types.Float64Type},
	"created_time":              types.StringType,
	"description":               types.StringType,
	"id":                        types.StringType,
	"last_modified_time":        types.StringType,
	"name":                      types.StringType,
	"service_name":              types.StringType,
	"version_id":                types.StringType,
}

// aliasID is the Terraform ID of an alias, "SERVICE/ALIAS".
func aliasID(service, name string) string {
	return service + "/" + name
}

// ---------------------------------------------------------------------------
// expand: Terraform -> API

// expandAlias builds the request body of CreateAlias (update false) or
// UpdateAlias (update true) from a plan.
//
// Create sends the name, the version and what is configured. Update sends
// every updatable field so that what was removed from the configuration is
// cleared: "" for the description, a non-nil empty map for the weights.
func expandAlias(_ context.Context, m aliasModel, update bool) (*fc.Alias, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := &fc.Alias{
		VersionID:   fc.Ptr(m.VersionID.ValueString()),
		Description: expandClearableString(m.Description, update),
	}
	if !update {
		in.AliasName = fc.Ptr(m.Name.ValueString())
	}
	switch {
	case known(m.AdditionalVersionWeight):
		in.AdditionalVersionWeight = expandVersionWeights(m.AdditionalVersionWeight)
	case m.AdditionalVersionWeight.IsNull() && update:
		// An empty object, not an absent field, clears the weights.
		in.AdditionalVersionWeight = map[string]float64{}
	}
	return in, diags
}

// expandVersionWeights returns the known weights of a map of weights, each
// rounded to the nearest float64. A weight such as 1/3 or var.percent / 100
// is a Terraform number of higher precision than a float64: the framework's
// ElementsAs refuses to round it ("cannot store ... in float64").
func expandVersionWeights(w types.Map) map[string]float64 {
	out := make(map[string]float64, len(w.Elements()))
	for k, v := range w.Elements() {
		if f, ok := v.(types.Float64); ok && known(f) {
			out[k] = f.ValueFloat64()
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// flatten: API -> Terraform

// flattenAlias maps an API alias to the model. prior is the plan (after
// create and update), the state (on read) or the configuration (data
// source); it supplies the service name, which the API may not return, and
// decides whether an empty description is "" or null and empty weights {}
// or null: FC reports an alias without weights with null or {}, and both
// are null in the state unless the user wrote {}.
func flattenAlias(a *fc.Alias, prior aliasModel) (aliasModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	service := prior.ServiceName
	if !known(service) {
		service = types.StringPointerValue(a.ServiceName)
	}
	name := prior.Name
	if a.AliasName != nil && *a.AliasName != "" {
		name = types.StringValue(*a.AliasName)
	}
	m := aliasModel{
		CreatedTime:      types.StringPointerValue(a.CreatedTime),
		Description:      flattenOptionalString(a.Description, prior.Description),
		ID:               types.StringValue(aliasID(service.ValueString(), name.ValueString())),
		LastModifiedTime: types.StringPointerValue(a.LastModifiedTime),
		Name:             name,
		ServiceName:      service,
		VersionID:        types.StringPointerValue(a.VersionID),
	}
	m.AdditionalVersionWeight, diags = flattenVersionWeights(a.AdditionalVersionWeight, prior.AdditionalVersionWeight)
	return m, diags
}

// flattenVersionWeights maps the API's weights to the attribute: the
// weights when there are any; {} when there are none and the prior value
// was {}; null otherwise. A prior weight that rounds to the API's float64
// (1/3 written in the configuration) is kept as written, so that the state
// matches the plan.
func flattenVersionWeights(w map[string]float64, prior types.Map) (types.Map, diag.Diagnostics) {
	if len(w) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return types.MapValueMust(types.Float64Type, map[string]attr.Value{}), nil
		}
		return types.MapNull(types.Float64Type), nil
	}
	var priorElems map[string]attr.Value
	if known(prior) {
		priorElems = prior.Elements()
	}
	elems := make(map[string]attr.Value, len(w))
	for k, v := range w {
		elems[k] = types.Float64Value(v)
		if p, ok := priorElems[k].(types.Float64); ok && known(p) && p.ValueFloat64() == v {
			elems[k] = p
		}
	}
	return types.MapValue(types.Float64Type, elems)
}

// ---------------------------------------------------------------------------
// validation

// weightSumTolerance absorbs float rounding when summing weights such as
// 0.1 + 0.2 + 0.7.
const weightSumTolerance = 1e-9

var _ validator.Map = versionWeightsValidator{}

// versionWeightsValidator checks additional_version_weight: every key a
// version ID, every weight in [0, 1], and the weights' sum at most 1 (the
// alias's version_id gets the rest of the traffic).
type versionWeightsValidator struct{}

func (v versionWeightsValidator) Description(_ context.Context) string {
	return "keys must be version IDs, each weight must be between 0 and 1, and the weights must sum to at most 1"
}

func (v versionWeightsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v versionWeightsValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	elems := req.ConfigValue.Elements()
	keys := make([]string, 0, len(elems))
	for k := range elems {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	sum, allKnown := 0.0, true
	for _, k := range keys {
		p := req.Path.AtMapKey(k)
		if !validators.IsVersionID(k) {
			resp.Diagnostics.AddAttributeError(p, "Invalid version ID",
				fmt.Sprintf("The key %q of %s must be a version ID: %s.", k, req.Path, validators.VersionIDRule))
		}
		f, ok := elems[k].(types.Float64)
		if !ok || f.IsUnknown() || f.IsNull() {
			if ok && f.IsNull() {
				resp.Diagnostics.AddAttributeError(p, "Invalid version weight",
					fmt.Sprintf("The weight of version %q is null; a weight must be a number between 0 and 1.", k))
			}
			allKnown = false
			continue
		}
		w := f.ValueFloat64()
		if w < 0 || w > 1 || math.IsNaN(w) {
			resp.Diagnostics.AddAttributeError(p, "Invalid version weight",
				fmt.Sprintf("The weight of version %q is %s; a weight is the share of the alias's traffic that goes to "+
					"that version and must be between 0 and 1 (e.g. 0.1 for 10%%).", k, formatWeight(w)))
			allKnown = false
			continue
		}
		sum += w
	}
	if allKnown && sum > 1+weightSumTolerance {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid version weights",
			fmt.Sprintf("The weights of %s sum to %s; they must sum to at most 1, since the alias's version_id "+
				"receives the rest of the traffic (1 minus the sum).", req.Path, formatWeight(sum)))
	}
}

// formatWeight renders a weight without float noise, e.g. 1.2 and not
// 1.2000000000000002.
func formatWeight(w float64) string {
	return strconv.FormatFloat(w, 'g', 12, 64)
}
