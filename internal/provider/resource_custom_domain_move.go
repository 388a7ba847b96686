package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithMoveState = (*customDomainResource)(nil)

// MoveState moves an alicloud_fc_custom_domain (see move_alicloud.go).
func (r *customDomainResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_custom_domain", alicloudID{1, []string{"domain_name"}}, moveAlicloudCustomDomain)}
}

// moveAlicloudCustomDomain maps the state of an alicloud_fc_custom_domain
// onto fc_custom_domain: route_config, a list of route blocks there, is
// route_config.routes here (methods a set), and cert_config keeps its
// names. The incumbent kept the private key, which FC never returns, from
// the configuration: it becomes private_key (never private_key_wo, which
// no state may hold). The incumbent has no tls_config or waf_config: the
// refresh reads them from FC, as it reads what the old state lacks.
func moveAlicloudCustomDomain(_ context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *customDomainModel {
	domain := names[0]
	m := &customDomainModel{
		AccountID:        st.optionalString("account_id"),
		CreatedTime:      st.optionalString("created_time"),
		DomainName:       types.StringValue(domain),
		ID:               types.StringValue(domain),
		LastModifiedTime: st.optionalString("last_modified_time"),
		Protocol:         st.optionalString("protocol"),
	}
	if m.Protocol.IsNull() {
		m.Protocol = types.StringValue("HTTP") // FC's default, and the schema's
	}
	if routes := st.objects("route_config"); len(routes) > 0 {
		m.RouteConfig = &customDomainRoutesModel{Routes: make([]customDomainRouteModel, 0, len(routes))}
		for _, r := range routes {
			methods := types.SetNull(types.StringType)
			if l := r.strings("methods"); len(l) > 0 {
				var d diag.Diagnostics
				methods, d = stringSetValue(l)
				diags.Append(d...)
			}
			m.RouteConfig.Routes = append(m.RouteConfig.Routes, customDomainRouteModel{
				FunctionName: types.StringValue(r.stringValue("function_name")),
				Methods:      methods,
				Path:         types.StringValue(r.stringValue("path")),
				Qualifier:    r.optionalString("qualifier"),
				ServiceName:  types.StringValue(r.stringValue("service_name")),
			})
		}
	}
	if c, ok := st.block("cert_config"); ok && (c.stringValue("cert_name") != "" || c.stringValue("certificate") != "") {
		m.CertConfig = &customDomainCertModel{
			CertName:            types.StringValue(c.stringValue("cert_name")),
			Certificate:         types.StringValue(c.stringValue("certificate")),
			PrivateKey:          c.optionalString("private_key"),
			PrivateKeyWO:        types.StringNull(),
			PrivateKeyWOVersion: types.Int64Null(),
		}
	}
	return m
}
