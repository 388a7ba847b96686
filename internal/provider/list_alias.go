package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ list.ListResource              = (*aliasListResource)(nil)
	_ list.ListResourceWithConfigure = (*aliasListResource)(nil)
)

// NewAliasListResource returns the fc_alias list resource.
func NewAliasListResource() list.ListResource {
	return &aliasListResource{}
}

// aliasListResource lists the aliases of services.
type aliasListResource struct {
	resourceBase
}

type aliasListModel struct {
	NamePrefix  types.String `tfsdk:"name_prefix"`
	ServiceName types.String `tfsdk:"service_name"`
}

func (r *aliasListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_alias"
}

func (r *aliasListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the aliases of a service, or of every service, in name order (services, then " +
			"aliases). With `include_resource` (and for `-generate-config-out`), each result has the state an import " +
			"of the alias would read.",
		Attributes: map[string]listschema.Attribute{
			"name_prefix":  namePrefixFilter("Only list aliases whose name starts with this prefix."),
			"service_name": serviceNameFilter("Only list the aliases of this service. Without it, the aliases of every service are listed."),
		},
	}
}

func (r *aliasListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg aliasListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	opts := fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: pageSize(req.Limit)}
	aliases := serviceChildren(ctx, r.client, cfg.ServiceName.ValueString(), "aliases", func(s string) iter.Seq2[fc.Alias, error] {
		return r.client.Aliases(ctx, s, opts)
	})
	streamListed(ctx, req, stream, aliases, "Error listing FC aliases", "alias", func(a child[string, fc.Alias]) listed {
		service, name := a.parent, stringOrEmpty(a.item.AliasName)
		return newListed(aliasID(service, name), map[string]string{"service_name": service, "name": name},
			func(_ context.Context, prior aliasModel) (any, diag.Diagnostics) { return flattenAlias(&a.item, prior) })
	})
}
