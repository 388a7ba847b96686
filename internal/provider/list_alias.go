package provider

import (
	"context"
	"fmt"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
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
			"name_prefix": listschema.StringAttribute{
				MarkdownDescription: "Only list aliases whose name starts with this prefix.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"service_name": listschema.StringAttribute{
				MarkdownDescription: "Only list the aliases of this service. Without it, the aliases of every service are listed.",
				Optional:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (r *aliasListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg aliasListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	opts := fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: pageSize(req.Limit)}
	services, named := serviceNames(ctx, r.client, cfg.ServiceName.ValueString())
	aliases := within(services, named, func(s string) iter.Seq2[fc.Alias, error] {
		return failing(r.client.Aliases(ctx, s, opts), fmt.Sprintf("Could not list the aliases of service %q", s))
	})
	streamListed(ctx, req, stream, aliases, "Error listing FC aliases", "alias", func(a child[string, fc.Alias]) listed {
		service, name := a.parent, stringOrEmpty(a.item.AliasName)
		return listed{
			display: service + "/" + name,
			imported: map[string]attr.Value{
				"id":           stringValue(aliasID(service, name)),
				"service_name": stringValue(service),
				"name":         stringValue(name),
			},
			state: stateFrom(func(_ context.Context, prior aliasModel) (any, diag.Diagnostics) {
				return flattenAlias(&a.item, prior)
			}),
		}
	})
}
