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
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ list.ListResource              = (*asyncInvokeConfigListResource)(nil)
	_ list.ListResourceWithConfigure = (*asyncInvokeConfigListResource)(nil)
)

// NewFunctionAsyncInvokeConfigListResource returns the
// fc_function_async_invoke_config list resource.
func NewFunctionAsyncInvokeConfigListResource() list.ListResource {
	return &asyncInvokeConfigListResource{}
}

// asyncInvokeConfigListResource lists the asynchronous invocation configs
// of functions.
type asyncInvokeConfigListResource struct {
	resourceBase
}

type asyncInvokeConfigListModel struct {
	FunctionName types.String `tfsdk:"function_name"`
	ServiceName  types.String `tfsdk:"service_name"`
}

func (r *asyncInvokeConfigListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function_async_invoke_config"
}

func (r *asyncInvokeConfigListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the asynchronous invocation configs of a function (one per qualifier), of every " +
			"function of a service, or of every function (services, then functions, by name). With `include_resource` " +
			"(and for `-generate-config-out`), each result has the state an import of the config would read.",
		Attributes: map[string]listschema.Attribute{
			"function_name": functionNameFilter("Only list the configs of this function; needs `service_name`."),
			"service_name":  serviceNameFilter("Only list the configs of the functions of this service. Without it, the configs of every function are listed."),
		},
	}
}

func (r *asyncInvokeConfigListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg asyncInvokeConfigListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	configs := functionChildren(ctx, r.client, cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString(), "async invoke configs",
		func(f functionRef) iter.Seq2[fc.AsyncInvokeConfig, error] {
			return r.client.FunctionAsyncInvokeConfigs(ctx, f.service, f.function, fc.ListOptions{Limit: pageSize(req.Limit)})
		})
	streamListed(ctx, req, stream, configs, "Error listing FC async invoke configs", "async invoke config", func(c child[functionRef, fc.AsyncInvokeConfig]) listed {
		service, function := c.parent.service, c.parent.function
		qualifier := stringOrEmpty(c.item.Qualifier)
		if qualifier == "" {
			qualifier = validators.QualifierLatest
		}
		return newListed(asyncInvokeConfigID(service, function, qualifier),
			map[string]string{"service_name": service, "function_name": function, "qualifier": qualifier},
			func(ctx context.Context, prior asyncInvokeConfigModel) (any, diag.Diagnostics) {
				return flattenAsyncInvokeConfig(ctx, &c.item, prior)
			})
	})
}
