package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ list.ListResource              = (*serviceListResource)(nil)
	_ list.ListResourceWithConfigure = (*serviceListResource)(nil)
)

// NewServiceListResource returns the fc_service list resource.
func NewServiceListResource() list.ListResource {
	return &serviceListResource{}
}

// serviceListResource lists FC services.
type serviceListResource struct {
	resourceBase
}

type serviceListModel struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
}

func (r *serviceListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service"
}

func (r *serviceListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the services of the account in the provider's region, in name order. With " +
			"`include_resource` (and for `-generate-config-out`), each result has the state an import of the service " +
			"would read, tags included.",
		Attributes: map[string]listschema.Attribute{
			"name_prefix": namePrefixFilter("Only list services whose name starts with this prefix."),
		},
	}
}

func (r *serviceListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg serviceListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	services := r.client.Services(ctx, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: pageSize(req.Limit)})
	streamListed(ctx, req, stream, services, "Error listing FC services", "service", func(s fc.Service) listed {
		name := stringOrEmpty(s.ServiceName)
		return newListed(name, map[string]string{"name": name}, func(ctx context.Context, prior serviceResourceModel) (any, diag.Diagnostics) {
			return r.state(ctx, &s, prior)
		})
	})
}

// state is what Read makes of the service after an import: the flattened
// service and its tags, which ListServices does not carry.
func (r *serviceListResource) state(ctx context.Context, s *fc.Service, prior serviceResourceModel) (any, diag.Diagnostics) {
	name := stringOrEmpty(s.ServiceName)
	svc, diags := flattenServiceResource(s, &prior.serviceModel)
	m := serviceResourceModel{serviceModel: svc, TagsAll: prior.TagsAll}
	if diags.HasError() || !readsTags(r.meta, prior.Tags, prior.TagsAll) {
		return &m, diags
	}
	tags, err := r.client.GetResourceTags(ctx, serviceTagARN(r.meta, name))
	if err != nil {
		addAPIError(&diags, "Error listing FC services", "service", fmt.Sprintf("Could not read the tags of service %q", name), err)
		return nil, diags
	}
	m.Tags, m.TagsAll = flattenTags(tags, defaultTags(r.meta), prior.Tags)
	return &m, diags
}

// listConfig reads the list block's configuration into cfg. On a problem
// (also a provider that was not configured) it sets the stream to the
// error and returns false.
func listConfig(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, client *fc.Client, cfg any) bool {
	diags := req.Config.Get(ctx, cfg)
	if client == nil {
		diags.AddError("Provider not configured",
			"The list resource has no FC client: the provider was not configured. This is a bug in the provider or Terraform; please report it.")
	}
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return false
	}
	return true
}
