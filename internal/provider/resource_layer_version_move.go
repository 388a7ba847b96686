package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithMoveState = (*layerVersionResource)(nil)

// MoveState moves an alicloud_fc_layer_version (see move_alicloud.go).
func (r *layerVersionResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_layer_version", alicloudID{2, []string{"layer_name", "version"}}, moveAlicloudLayerVersion)}
}

// moveAlicloudLayerVersion maps the state of an alicloud_fc_layer_version
// onto fc_layer_version. version is a string there ("3"), a number here;
// code_check_sum is code_checksum. code is handled as fc_function's: a
// package from OSS (oss_bucket_name, oss_object_name) is carried over, so
// the first plan keeps the version; a local zip_file (a path) is not, and
// the first plan sets code, publishing no new version when the zip has the
// checksum FC reports. The refresh reads create_time, code_size and arn_v2
// from FC.
func moveAlicloudLayerVersion(_ context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *layerVersionModel {
	layer, versionText := names[0], names[1]
	version, err := strconv.ParseInt(versionText, 10, 64)
	if err != nil || version < 1 {
		diags.AddError("Incomplete alicloud state",
			"The state of alicloud_fc_layer_version has version "+versionText+", not a version number, so the layer version it belongs to cannot be named.")
		return nil
	}
	runtimes, d := stringSetValue(st.strings("compatible_runtime"))
	diags.Append(d...)
	return &layerVersionModel{
		Code:        moveAlicloudOSSCode(st.stringValue("oss_bucket_name"), st.stringValue("oss_object_name")),
		ID:          types.StringValue(layerVersionID(layer, version)),
		SkipDestroy: boolOrFalse(st.boolValue("skip_destroy")),
		layerVersionAttributesModel: layerVersionAttributesModel{
			ACL:               st.int64Or("acl"),
			ARN:               st.optionalString("arn"),
			ARNV2:             types.StringNull(),
			CodeChecksum:      st.optionalString("code_check_sum"),
			CodeSize:          types.Int64Null(),
			CompatibleRuntime: runtimes,
			CreateTime:        types.StringNull(),
			Description:       st.optionalString("description"),
			LayerName:         types.StringValue(layer),
			Version:           types.Int64Value(version),
		},
	}
}
