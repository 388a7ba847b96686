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
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
			"function_name": listschema.StringAttribute{
				MarkdownDescription: "Only list the configs of this function; needs `service_name`.",
				Optional:            true,
				Validators: []validator.String{
					validators.Name("function name", 64),
					stringvalidator.AlsoRequires(path.MatchRoot("service_name")),
				},
			},
			"service_name": listschema.StringAttribute{
				MarkdownDescription: "Only list the configs of the functions of this service. Without it, the configs of every function are listed.",
				Optional:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (r *asyncInvokeConfigListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg asyncInvokeConfigListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	functions, named := functionRefs(ctx, r.client, cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString())
	configs := within(functions, named, func(f functionRef) iter.Seq2[fc.AsyncInvokeConfig, error] {
		return failing(r.client.FunctionAsyncInvokeConfigs(ctx, f.service, f.function, fc.ListOptions{Limit: pageSize(req.Limit)}),
			fmt.Sprintf("Could not list the async invoke configs of function %q of service %q", f.function, f.service))
	})
	streamListed(ctx, req, stream, configs, "Error listing FC async invoke configs", "async invoke config", func(c child[functionRef, fc.AsyncInvokeConfig]) listed {
		service, function := c.parent.service, c.parent.function
		qualifier := stringOrEmpty(c.item.Qualifier)
		if qualifier == "" {
			qualifier = validators.QualifierLatest
		}
		return listed{
			display: asyncInvokeConfigID(service, function, qualifier),
			imported: map[string]attr.Value{
				"id":            stringValue(asyncInvokeConfigID(service, function, qualifier)),
				"service_name":  stringValue(service),
				"function_name": stringValue(function),
				"qualifier":     stringValue(qualifier),
			},
			state: stateFrom(func(ctx context.Context, prior asyncInvokeConfigModel) (any, diag.Diagnostics) {
				return flattenAsyncInvokeConfig(ctx, &c.item, prior)
			}),
		}
	})
}
