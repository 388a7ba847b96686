package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ list.ListResource              = (*provisionConfigListResource)(nil)
	_ list.ListResourceWithConfigure = (*provisionConfigListResource)(nil)
)

// NewProvisionConfigListResource returns the fc_provision_config list
// resource.
func NewProvisionConfigListResource() list.ListResource {
	return &provisionConfigListResource{}
}

// provisionConfigListResource lists the provision configs of the account.
type provisionConfigListResource struct {
	resourceBase
}

type provisionConfigListModel struct {
	Qualifier   types.String `tfsdk:"qualifier"`
	ServiceName types.String `tfsdk:"service_name"`
}

func (r *provisionConfigListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_provision_config"
}

func (r *provisionConfigListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the provision configs of the account, or of a service, as FC lists them (configs " +
			"whose target and schedules are all empty are not listed: FC keeps none). With `include_resource` (and for " +
			"`-generate-config-out`), each result has the state an import of the config would read.",
		Attributes: map[string]listschema.Attribute{
			"qualifier": listschema.StringAttribute{
				MarkdownDescription: "Only list the configs of this alias (or `LATEST`); needs `service_name`.",
				Optional:            true,
				Validators: []validator.String{
					validators.AliasOrLatest(),
					stringvalidator.AlsoRequires(path.MatchRoot("service_name")),
				},
			},
			"service_name": serviceNameFilter("Only list the configs of this service. Without it, every config of the account is listed."),
		},
	}
}

func (r *provisionConfigListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg provisionConfigListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	configs := r.client.ProvisionConfigs(ctx, fc.ProvisionConfigListOptions{
		ServiceName: cfg.ServiceName.ValueString(), Qualifier: cfg.Qualifier.ValueString(), Limit: pageSize(req.Limit),
	})
	streamListed(ctx, req, stream, configs, "Error listing FC provision configs", "provision config", func(p fc.ProvisionConfig) listed {
		_, service, qualifier, function, ok := fc.ParseProvisionResource(stringOrEmpty(p.Resource))
		if !ok {
			return listed{problem: fmt.Sprintf("ListProvisionConfigs returned a config whose resource %q is not "+
				"<account>#<service>#<qualifier>#<function>, so it cannot be named. Please report this.", stringOrEmpty(p.Resource))}
		}
		return newListed(provisionConfigID(service, qualifier, function),
			map[string]string{"service_name": service, "qualifier": qualifier, "function_name": function},
			func(ctx context.Context, prior provisionConfigModel) (any, diag.Diagnostics) {
				return flattenProvisionConfig(ctx, &p, prior)
			})
	})
}
