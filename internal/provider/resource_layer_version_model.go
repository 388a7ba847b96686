package provider

import (
	"context"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Models of fc_layer_version, the fc_layer_version data source and the
// items of fc_layers, with their expand and flatten. A layer version has no
// update: everything it holds is sent once, on publish.

// layerVersionAttributesModel holds what FC returns for a layer version. It
// is shared by the resource, the fc_layer_version data source and the
// items of fc_layers.
type layerVersionAttributesModel struct {
	ACL               types.Int64  `tfsdk:"acl"`
	ARN               types.String `tfsdk:"arn"`
	ARNV2             types.String `tfsdk:"arn_v2"`
	CodeChecksum      types.String `tfsdk:"code_checksum"`
	CodeSize          types.Int64  `tfsdk:"code_size"`
	CompatibleRuntime types.Set    `tfsdk:"compatible_runtime"`
	CreateTime        types.String `tfsdk:"create_time"`
	Description       types.String `tfsdk:"description"`
	LayerName         types.String `tfsdk:"layer_name"`
	Version           types.Int64  `tfsdk:"version"`
}

// layerVersionModel is the state of fc_layer_version.
type layerVersionModel struct {
	Code        types.Object `tfsdk:"code"`
	ID          types.String `tfsdk:"id"`
	SkipDestroy types.Bool   `tfsdk:"skip_destroy"`
	layerVersionAttributesModel
}

// layerVersionDataSourceModel is the state of the fc_layer_version data
// source.
type layerVersionDataSourceModel struct {
	ID types.String `tfsdk:"id"`
	layerVersionAttributesModel
}

// layerVersionID is the Terraform ID of a layer version, "LAYER/VERSION".
func layerVersionID(layer string, version int64) string {
	return layer + "/" + strconv.FormatInt(version, 10)
}

// expandLayerVersion is the publish request of a plan, without the code
// (which the caller reads from the code argument). The runtimes are sent
// sorted, so that the same set is always the same request.
func expandLayerVersion(ctx context.Context, plan *layerVersionModel) (*fc.PublishLayerVersionInput, diag.Diagnostics) {
	var runtimes []string
	diags := plan.CompatibleRuntime.ElementsAs(ctx, &runtimes, false)
	slices.Sort(runtimes)
	return &fc.PublishLayerVersionInput{
		CompatibleRuntime: runtimes,
		Description:       stringPtr(plan.Description),
	}, diags
}

// flattenLayerVersion maps an API layer version to the attributes model.
// prior is the plan or state (zero for a data source): it supplies the
// names FC leaves out and decides whether an empty description is "" or
// null.
func flattenLayerVersion(l *fc.Layer, prior layerVersionAttributesModel) layerVersionAttributesModel {
	m := layerVersionAttributesModel{
		ACL:               types.Int64PointerValue(l.ACL),
		ARN:               flattenComputedString(l.ARN),
		ARNV2:             flattenComputedString(l.ARNV2),
		CodeChecksum:      flattenComputedString(l.CodeChecksum),
		CodeSize:          types.Int64PointerValue(l.CodeSize),
		CompatibleRuntime: flattenStringSet(l.CompatibleRuntime, prior.CompatibleRuntime),
		CreateTime:        flattenComputedString(l.CreateTime),
		Description:       flattenOptionalString(l.Description, prior.Description),
		LayerName:         prior.LayerName,
		Version:           prior.Version,
	}
	if l.LayerName != nil {
		m.LayerName = types.StringValue(*l.LayerName)
	}
	if l.Version != nil {
		m.Version = types.Int64Value(*l.Version)
	}
	if m.LayerName.IsUnknown() {
		m.LayerName = types.StringNull()
	}
	if m.Version.IsUnknown() {
		m.Version = types.Int64Null()
	}
	return m
}

// layerVersionState is the resource state after a publish or a read: the
// version FC returned, with what FC does not return (the code argument,
// skip_destroy) from prior.
func layerVersionState(l *fc.Layer, prior *layerVersionModel) *layerVersionModel {
	attrs := flattenLayerVersion(l, prior.layerVersionAttributesModel)
	m := &layerVersionModel{
		Code:                        prior.Code,
		ID:                          types.StringValue(layerVersionID(attrs.LayerName.ValueString(), attrs.Version.ValueInt64())),
		SkipDestroy:                 prior.SkipDestroy,
		layerVersionAttributesModel: attrs,
	}
	if !known(m.SkipDestroy) {
		// An import: Terraform deletes what it imports unless told otherwise.
		m.SkipDestroy = types.BoolValue(false)
	}
	return m
}

// flattenStringSet maps an empty list to null, unless the prior value is an
// empty set.
func flattenStringSet(v []string, prior types.Set) types.Set {
	if len(v) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior
		}
		return types.SetNull(types.StringType)
	}
	sorted := slices.Clone(v)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	elems := make([]attr.Value, 0, len(sorted))
	for _, s := range sorted {
		elems = append(elems, types.StringValue(s))
	}
	return types.SetValueMust(types.StringType, elems)
}
