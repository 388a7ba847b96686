package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ list.ListResource              = (*customDomainListResource)(nil)
	_ list.ListResourceWithConfigure = (*customDomainListResource)(nil)
)

// NewCustomDomainListResource returns the fc_custom_domain list resource.
func NewCustomDomainListResource() list.ListResource {
	return &customDomainListResource{}
}

// customDomainListResource lists the custom domains of the account.
type customDomainListResource struct {
	resourceBase
}

type customDomainListModel struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
}

func (r *customDomainListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_domain"
}

func (r *customDomainListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the custom domains of the account in the provider's region, in name order. With " +
			"`include_resource` (and for `-generate-config-out`), each result has the state an import of the domain " +
			"would read. FC never returns a certificate's private key: for a domain with `cert_config`, the generated " +
			"configuration has no key, and the plan asks for one (`cert_config.private_key` or `private_key_wo`) " +
			"until you add it.",
		Attributes: map[string]listschema.Attribute{
			"name_prefix": namePrefixFilter("Only list domains whose name starts with this prefix, e.g. `api.`."),
		},
	}
}

func (r *customDomainListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg customDomainListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	domains := r.client.CustomDomains(ctx, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: pageSize(req.Limit)})
	streamListed(ctx, req, stream, domains, "Error listing FC custom domains", "custom domain", func(d fc.CustomDomain) listed {
		name := stringOrEmpty(d.DomainName)
		return newListed(name, map[string]string{"domain_name": name}, func(_ context.Context, prior customDomainModel) (any, diag.Diagnostics) {
			return flattenCustomDomain(&d, prior), nil
		})
	})
}
