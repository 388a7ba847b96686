package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// providerMeta is what the provider's Configure hands to every resource and
// data source: the client and the provider-level settings they need.
type providerMeta struct {
	Client *fc.Client
	// AccountID and Region are the resolved provider settings (for ARNs).
	AccountID, Region string
	// DefaultTags are merged into the tags of every resource that has tags.
	DefaultTags map[string]string
}

// resourceBase is embedded by every resource: its Configure keeps the
// provider's client and settings, so no resource writes its own.
type resourceBase struct {
	client *fc.Client
	meta   *providerMeta
}

// Configure implements resource.ResourceWithConfigure.
func (b *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.meta = providerMetaFrom(req.ProviderData, &resp.Diagnostics)
	if b.meta != nil {
		b.client = b.meta.Client
	}
}

// dataSourceBase is resourceBase for data sources.
type dataSourceBase struct {
	client *fc.Client
	meta   *providerMeta
}

// Configure implements datasource.DataSourceWithConfigure.
func (b *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.meta = providerMetaFrom(req.ProviderData, &resp.Diagnostics)
	if b.meta != nil {
		b.client = b.meta.Client
	}
}

// providerMetaFrom returns what the provider's Configure passed, or nil
// before the provider is configured (the framework calls Configure early
// too, with no data).
func providerMetaFrom(data any, diags *diag.Diagnostics) *providerMeta {
	if data == nil {
		return nil
	}
	meta, ok := data.(*providerMeta)
	if !ok || meta.Client == nil {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected the provider's *providerMeta with a client, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return meta
}
