package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithMoveState = (*functionResource)(nil)

// MoveState moves an alicloud_fc_function (see move_alicloud.go).
func (r *functionResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_function", alicloudID{2, []string{"service", "name"}}, moveAlicloudFunction)}
}

// moveAlicloudFunction maps the state of an alicloud_fc_function onto
// fc_function.
//
// code: a package from OSS (oss_bucket and oss_key) is code's
// oss_bucket_name and oss_object_name. A local filename is not carried
// over: it may name a bare source file, which code.filename does not take,
// or a path relative to another directory; code stays null, so the first
// plan after the move shows code being set, as after an import. That plan
// uploads nothing when the package the configuration names has the checksum
// FC reports (code_checksum, kept here and read again by the refresh).
//
// Numbers the incumbent stores as 0 when FC has none (ca_port, and the
// others whose valid values start at 1) are null; the refresh reads them,
// and what the incumbent has no attribute for (cpu, disk_size, the custom_*
// and lifecycle configurations, ...), from FC.
func moveAlicloudFunction(_ context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *functionResourceModel {
	service, name := names[0], names[1]
	m := &functionResourceModel{
		Code:        moveAlicloudOSSCode(st.stringValue("oss_bucket"), st.stringValue("oss_key")),
		ID:          types.StringValue(service + "/" + name),
		ServiceName: types.StringValue(service),
		functionAttributesModel: functionAttributesModel{
			CAPort:                  st.positiveInt64("ca_port"),
			CodeChecksum:            st.optionalString("code_checksum"),
			CodeSize:                types.Int64Null(),
			CPU:                     types.Float64Null(),
			CreatedTime:             types.StringNull(),
			CustomDNS:               types.ObjectNull(customDNSAttrTypes),
			CustomHealthCheckConfig: types.ObjectNull(customHealthCheckConfigAttrTypes),
			CustomRuntimeConfig:     types.ObjectNull(customRuntimeConfigAttrTypes),
			Description:             st.optionalString("description"),
			DiskSize:                types.Int64Null(),
			EnvironmentVariables:    stringMapValue(st.stringMap("environment_variables")),
			FunctionID:              st.optionalString("function_id"),
			GPUMemorySize:           types.Int64Null(),
			Handler:                 st.optionalString("handler"),
			InitializationTimeout:   st.positiveInt64("initialization_timeout"),
			Initializer:             st.optionalString("initializer"),
			InstanceConcurrency:     st.positiveInt64("instance_concurrency"),
			InstanceLifecycleConfig: types.ObjectNull(instanceLifecycleConfigAttrTypes),
			InstanceSoftConcurrency: types.Int64Null(),
			InstanceType:            st.optionalString("instance_type"),
			LastModifiedTime:        st.optionalString("last_modified"),
			Layers:                  stringListValue(st.strings("layers")),
			LayersARNV2:             types.ListNull(types.StringType),
			MemorySize:              st.positiveInt64("memory_size"),
			Name:                    types.StringValue(name),
			Runtime:                 st.optionalString("runtime"),
			Timeout:                 st.positiveInt64("timeout"),
		},
	}
	m.CustomContainerConfig = moveAlicloudCustomContainerConfig(st, diags)
	return m
}

// moveAlicloudCustomContainerConfig maps custom_container_config: command
// and args are strings holding JSON arrays there (as FC sends them), lists
// here. A string that is not a JSON array of strings is left null, with a
// warning; the refresh reads the value from FC again.
func moveAlicloudCustomContainerConfig(st alicloudState, diags *diag.Diagnostics) types.Object {
	return st.blockObject("custom_container_config", customContainerConfigAttrTypes, diags, func(b alicloudState) map[string]attr.Value {
		if b.stringValue("image") == "" && b.stringValue("command") == "" && b.stringValue("args") == "" {
			return nil
		}
		list := func(key string) types.List {
			l, err := decodeJSONStringList(b.stringValue(key), types.ListNull(types.StringType))
			if err != nil {
				diags.AddWarning("Unreadable custom container "+key,
					fmt.Sprintf("custom_container_config.%s in the alicloud_fc_function state is %q, not a JSON array of strings (%s); "+
						"it is left unset in the moved state. Write it as a list in fc_function's custom_container_config.%s.",
						key, b.stringValue(key), err, key))
			}
			return l
		}
		return map[string]attr.Value{
			"acceleration_type": types.StringNull(),
			"args":              list("args"),
			"command":           list("command"),
			"image":             flattenNonEmptyString(b.stringValue("image")),
			"instance_id":       types.StringNull(),
			"web_server_mode":   types.BoolNull(),
		}
	})
}
