package provider

import (
	"context"
	"fmt"
	"iter"

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
	_ list.ListResource              = (*serviceVersionListResource)(nil)
	_ list.ListResourceWithConfigure = (*serviceVersionListResource)(nil)
)

// NewServiceVersionListResource returns the fc_service_version list
// resource.
func NewServiceVersionListResource() list.ListResource {
	return &serviceVersionListResource{}
}

// serviceVersionListResource lists the published versions of services.
type serviceVersionListResource struct {
	resourceBase
}

type serviceVersionListModel struct {
	ServiceName types.String `tfsdk:"service_name"`
}

func (r *serviceVersionListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_version"
}

func (r *serviceVersionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the published versions of a service, or of every service (services by name), " +
			"newest first as FC lists them. With `include_resource` (and for `-generate-config-out`), each result has " +
			"the state an import of the version would read (`skip_destroy` is `false`, as after an import).",
		Attributes: map[string]listschema.Attribute{
			"service_name": listschema.StringAttribute{
				MarkdownDescription: "Only list the versions of this service. Without it, the versions of every service are listed.",
				Optional:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (r *serviceVersionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg serviceVersionListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	services, named := serviceNames(ctx, r.client, cfg.ServiceName.ValueString())
	versions := within(services, named, func(s string) iter.Seq2[fc.Version, error] {
		return failing(r.client.ServiceVersions(ctx, s, fc.VersionListOptions{Limit: pageSize(req.Limit)}),
			fmt.Sprintf("Could not list the versions of service %q", s))
	})
	streamListed(ctx, req, stream, versions, "Error listing FC service versions", "service version", func(v child[string, fc.Version]) listed {
		service, id := v.parent, stringOrEmpty(v.item.VersionID)
		return listed{
			display: service + "/" + id,
			imported: map[string]attr.Value{
				"id":           stringValue(serviceVersionID(service, id)),
				"service_name": stringValue(service),
				"version_id":   stringValue(id),
				"skip_destroy": types.BoolValue(false),
			},
			state: stateFrom(func(_ context.Context, prior serviceVersionModel) (any, diag.Diagnostics) {
				return flattenServiceVersion(&v.item, prior), nil
			}),
		}
	})
}
