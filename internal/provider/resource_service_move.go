package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var _ resource.ResourceWithMoveState = (*serviceResource)(nil)

// MoveState moves an alicloud_fc_service (see move_alicloud.go).
func (r *serviceResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_service", alicloudID{1, []string{"name"}}, moveAlicloudService)}
}

// moveAlicloudService maps the state of an alicloud_fc_service onto
// fc_service. The incumbent has no oss_mount_config, vpc_config.role,
// log_config.log_begin_rule or mount_points[*].enable_tls: they are null,
// "None" and false, what FC has when they were never set; the refresh reads
// them, and created_time, from FC. publish, version and name_prefix have no
// counterpart. tags are the incumbent's; tags_all stays null, as after an
// import, so that the refresh reads the service's tags from FC.
func moveAlicloudService(_ context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *serviceResourceModel {
	name := names[0]
	m := &serviceResourceModel{TagsAll: types.MapNull(types.StringType)}
	m.serviceModel = serviceModel{
		CreatedTime:      types.StringNull(),
		Description:      st.optionalString("description"),
		ID:               types.StringValue(name),
		InternetAccess:   st.boolValue("internet_access"),
		LastModifiedTime: st.optionalString("last_modified"),
		Name:             types.StringValue(name),
		OSSMountConfig:   types.ObjectNull(ossMountConfigAttrTypes),
		Role:             st.optionalString("role"),
		ServiceID:        st.optionalString("service_id"),
		Tags:             stringMapValue(st.stringMap("tags")),
	}
	m.LogConfig = moveAlicloudLogConfig(st, diags)
	m.NASConfig = moveAlicloudNASConfig(st, diags)
	m.TracingConfig = moveAlicloudTracingConfig(st, diags)
	m.VPCConfig = moveAlicloudVPCConfig(st, diags)
	return m
}

// moveAlicloudLogConfig maps log_config: the incumbent keeps it only when
// FC reports a project.
func moveAlicloudLogConfig(st alicloudState, diags *diag.Diagnostics) types.Object {
	return st.blockObject("log_config", logConfigAttrTypes, diags, func(b alicloudState) map[string]attr.Value {
		if b.stringValue("project") == "" && b.stringValue("logstore") == "" {
			return nil
		}
		return map[string]attr.Value{
			"enable_instance_metrics": boolOrFalse(b.boolValue("enable_instance_metrics")),
			"enable_request_metrics":  boolOrFalse(b.boolValue("enable_request_metrics")),
			"log_begin_rule":          types.StringValue(validators.LogBeginRuleNone),
			"logstore":                types.StringValue(b.stringValue("logstore")),
			"project":                 types.StringValue(b.stringValue("project")),
		}
	})
}

// moveAlicloudNASConfig maps nas_config; without mount points it is null,
// as ours reads it.
func moveAlicloudNASConfig(st alicloudState, diags *diag.Diagnostics) types.Object {
	return st.blockObject("nas_config", nasConfigAttrTypes, diags, func(b alicloudState) map[string]attr.Value {
		points := b.objects("mount_points")
		if len(points) == 0 {
			return nil
		}
		elems := make([]attr.Value, 0, len(points))
		for _, p := range points {
			v, d := types.ObjectValue(nasMountPointAttrTypes, map[string]attr.Value{
				"enable_tls":  types.BoolValue(false),
				"mount_dir":   types.StringValue(p.stringValue("mount_dir")),
				"server_addr": types.StringValue(p.stringValue("server_addr")),
			})
			diags.Append(d...)
			elems = append(elems, v)
		}
		list, d := types.ListValue(types.ObjectType{AttrTypes: nasMountPointAttrTypes}, elems)
		diags.Append(d...)
		userID, _ := b.int64Value("user_id")
		groupID, _ := b.int64Value("group_id")
		return map[string]attr.Value{
			"group_id":     types.Int64Value(groupID),
			"mount_points": list,
			"user_id":      types.Int64Value(userID),
		}
	})
}

// moveAlicloudTracingConfig maps tracing_config; params is a map of strings
// in both.
func moveAlicloudTracingConfig(st alicloudState, diags *diag.Diagnostics) types.Object {
	return st.blockObject("tracing_config", tracingConfigAttrTypes, diags, func(b alicloudState) map[string]attr.Value {
		if b.stringValue("type") == "" && len(b.stringMap("params")) == 0 {
			return nil
		}
		return map[string]attr.Value{
			"params": stringMapValue(b.stringMap("params")),
			"type":   types.StringValue(b.stringValue("type")),
		}
	})
}

// moveAlicloudVPCConfig maps vpc_config. vpc_id, computed in the
// incumbent, is an argument in ours: the configuration must set it.
func moveAlicloudVPCConfig(st alicloudState, diags *diag.Diagnostics) types.Object {
	return st.blockObject("vpc_config", vpcConfigAttrTypes, diags, func(b alicloudState) map[string]attr.Value {
		ids := b.strings("vswitch_ids")
		if b.stringValue("vpc_id") == "" && len(ids) == 0 && b.stringValue("security_group_id") == "" {
			return nil
		}
		set, d := stringSetValue(ids)
		diags.Append(d...)
		return map[string]attr.Value{
			"role":              types.StringNull(),
			"security_group_id": types.StringValue(b.stringValue("security_group_id")),
			"vpc_id":            types.StringValue(b.stringValue("vpc_id")),
			"vswitch_ids":       set,
		}
	})
}

// boolOrFalse is v, or false when v is null (an SDK v1 bool that was never
// set).
func boolOrFalse(v types.Bool) types.Bool {
	if v.IsNull() {
		return types.BoolValue(false)
	}
	return v
}
