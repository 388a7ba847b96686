package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// configure is a placeholder to be replaced by the full implementation.
func (p *fcProvider) configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, err := fc.New(fc.Config{
		Endpoint:        m.Endpoint.ValueString(),
		AccountID:       m.AccountID.ValueString(),
		Region:          m.Region.ValueString(),
		AccessKeyID:     m.AccessKey.ValueString(),
		AccessKeySecret: m.SecretKey.ValueString(),
		MaxRetries:      -1,
	})
	if err != nil {
		resp.Diagnostics.AddError("Error configuring the FC client", err.Error())
		return
	}
	resp.ResourceData = c
	resp.DataSourceData = c
}
