package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithMoveState = (*aliasResource)(nil)

// MoveState moves an alicloud_fc_alias (see move_alicloud.go).
func (r *aliasResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_alias", alicloudID{2, []string{"service_name", "alias_name"}}, moveAlicloudAlias)}
}

// moveAlicloudAlias maps the state of an alicloud_fc_alias onto fc_alias:
// alias_name is name, service_version is version_id, and
// routing_config[0].additional_version_weights is additional_version_weight.
// The weights keep the precision of their decimal text, as a configuration's
// numbers do (see float64Map). The refresh reads created_time and
// last_modified_time from FC.
func moveAlicloudAlias(_ context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *aliasModel {
	service, name := names[0], names[1]
	w := types.MapNull(types.Float64Type)
	if b, ok := st.block("routing_config"); ok {
		if weights := b.float64Map("additional_version_weights", diags); len(weights) > 0 {
			var d diag.Diagnostics
			w, d = types.MapValue(types.Float64Type, weights)
			diags.Append(d...)
		}
	}
	return &aliasModel{
		AdditionalVersionWeight: w,
		CreatedTime:             types.StringNull(),
		Description:             st.optionalString("description"),
		ID:                      types.StringValue(aliasID(service, name)),
		LastModifiedTime:        types.StringNull(),
		Name:                    types.StringValue(name),
		ServiceName:             types.StringValue(service),
		VersionID:               st.optionalString("service_version"),
	}
}
