package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var _ provider.ProviderWithActions = (*fcProvider)(nil)

// Actions lists the provider's actions (Terraform 1.14 and later; older
// versions ignore them).
func (p *fcProvider) Actions(_ context.Context) []func() action.Action {
	return []func() action.Action{
		NewInvokeFunctionAction,
	}
}

// actionBase is resourceBase for actions.
type actionBase struct {
	client *fc.Client
	meta   *providerMeta
}

// Configure implements action.ActionWithConfigure.
func (b *actionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	b.meta = providerMetaFrom(req.ProviderData, &resp.Diagnostics)
	if b.meta != nil {
		b.client = b.meta.Client
	}
}
