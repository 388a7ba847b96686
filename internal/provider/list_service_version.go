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
			"service_name": serviceNameFilter("Only list the versions of this service. Without it, the versions of every service are listed."),
		},
	}
}

func (r *serviceVersionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg serviceVersionListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	versions := serviceChildren(ctx, r.client, cfg.ServiceName.ValueString(), "versions", func(s string) iter.Seq2[fc.Version, error] {
		return r.client.ServiceVersions(ctx, s, fc.VersionListOptions{Limit: pageSize(req.Limit)})
	})
	streamListed(ctx, req, stream, versions, "Error listing FC service versions", "service version", func(v child[string, fc.Version]) listed {
		service, id := v.parent, stringOrEmpty(v.item.VersionID)
		l := newListed(serviceVersionID(service, id), map[string]string{"service_name": service, "version_id": id},
			func(_ context.Context, prior serviceVersionModel) (any, diag.Diagnostics) {
				return flattenServiceVersion(&v.item, prior), nil
			})
		l.imported["skip_destroy"] = types.BoolValue(false)
		return l
	})
}
