package provider

import (
	"context"
	"iter"
	"path"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ list.ListResource              = (*functionListResource)(nil)
	_ list.ListResourceWithConfigure = (*functionListResource)(nil)
)

// NewFunctionListResource returns the fc_function list resource.
func NewFunctionListResource() list.ListResource {
	return &functionListResource{}
}

// functionListResource lists FC functions, of one service or of all.
type functionListResource struct {
	resourceBase
}

type functionListModel struct {
	CodeDir     types.String `tfsdk:"code_dir"`
	NamePrefix  types.String `tfsdk:"name_prefix"`
	ServiceName types.String `tfsdk:"service_name"`
}

func (r *functionListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function"
}

func (r *functionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the functions of a service, or of every service, in name order (services by name, " +
			"then their functions by name).\n\n" +
			"FC does not return a function's code package, so no list result can say where its code comes from. With " +
			"`include_resource` (and for `-generate-config-out`), each result's `code` is therefore not read from FC: it " +
			"is `{ filename = \"<code_dir>/functions/<service>/<function>.zip\" }`, the place where the generated " +
			"configuration expects the package (none for a `custom-container` function with `custom_container_config`, " +
			"which needs no code). Put the function's current package there (for example the archive FC's " +
			"GetFunctionCode links to) or point `code` at your own source; with the package FC already has, the plan " +
			"takes the source into the state and the apply uploads nothing. Everything else is the state an import " +
			"of the function would read.",
		Attributes: map[string]listschema.Attribute{
			"code_dir":     codeDirAttribute("<code_dir>/functions/<service>/<function>.zip"),
			"name_prefix":  namePrefixFilter("Only list functions whose name starts with this prefix."),
			"service_name": serviceNameFilter("Only list the functions of this service. Without it, the functions of every service are listed."),
		},
	}
}

func (r *functionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg functionListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	codeDir := codeDirOf(cfg.CodeDir)
	opts := fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: pageSize(req.Limit)}
	functions := serviceChildren(ctx, r.client, cfg.ServiceName.ValueString(), "functions", func(s string) iter.Seq2[fc.Function, error] {
		return r.client.Functions(ctx, s, "", opts)
	})
	streamListed(ctx, req, stream, functions, "Error listing FC functions", "function", func(f child[string, fc.Function]) listed {
		service, name := f.parent, stringOrEmpty(f.item.FunctionName)
		return newListed(service+"/"+name, map[string]string{"service_name": service, "name": name},
			func(ctx context.Context, prior functionResourceModel) (any, diag.Diagnostics) {
				m, diags := functionStateFromAPI(ctx, &f.item, &prior)
				if diags.HasError() || (m.Runtime.ValueString() == validators.RuntimeCustomContainer && !m.CustomContainerConfig.IsNull()) {
					return m, diags
				}
				var d diag.Diagnostics
				m.Code, d = codePlaceholder(ctx, prior.Code, path.Join(codeDir, "functions", service, name+".zip"))
				diags.Append(d...)
				return m, diags
			})
	})
}

// codePlaceholder is the code argument of a list result: a filename where
// the generated configuration expects the package FC cannot return. prior
// is the null code of the imported state (it has the object's type).
func codePlaceholder(ctx context.Context, prior types.Object, filename string) (types.Object, diag.Diagnostics) {
	return types.ObjectValueFrom(ctx, prior.AttributeTypes(ctx), codeModel{
		Filename:      types.StringValue(filename),
		OSSBucketName: types.StringNull(),
		OSSObjectName: types.StringNull(),
		SourceDir:     types.StringNull(),
		ZipFile:       types.StringNull(),
	})
}
