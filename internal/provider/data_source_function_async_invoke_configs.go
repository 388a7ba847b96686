package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ datasource.DataSource              = (*asyncInvokeConfigsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*asyncInvokeConfigsDataSource)(nil)
)

// NewFunctionAsyncInvokeConfigsDataSource returns the
// fc_function_async_invoke_configs data source.
func NewFunctionAsyncInvokeConfigsDataSource() datasource.DataSource {
	return &asyncInvokeConfigsDataSource{}
}

type asyncInvokeConfigsDataSource struct {
	dataSourceBase
}

type asyncInvokeConfigsDataSourceModel struct {
	Configs      []asyncInvokeConfigItemModel `tfsdk:"configs"`
	FunctionName types.String                 `tfsdk:"function_name"`
	ServiceName  types.String                 `tfsdk:"service_name"`
}

func (d *asyncInvokeConfigsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function_async_invoke_configs"
}

func (d *asyncInvokeConfigsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the asynchronous invocation configs of a Function Compute function, one per qualifier " +
			"(`LATEST`, a version or an alias) that has one.",
		Attributes: map[string]schema.Attribute{
			"configs": computedObjectList("The configs, in the order FC lists them.", map[string]schema.Attribute{
				"created_time": computedString("Creation time of the config (UTC)."),
				"destination_config": computedObject("Where FC sends the results; null when no destination is set.", map[string]schema.Attribute{
					"on_failure": computedString("ARN of the destination of failed invocations."),
					"on_success": computedString("ARN of the destination of successful invocations."),
				}),
				"last_modified_time":             computedString("Time of the last change of the config (UTC)."),
				"max_async_event_age_in_seconds": computedInt64("How long an event may wait to be processed, in seconds; null when FC reports none."),
				"max_async_retry_attempts":       computedInt64("How often FC retries a failed invocation."),
				"qualifier":                      computedString("`LATEST`, the version or the alias of the config."),
				"stateful_invocation":            computedBool("Whether asynchronous invocations are stateful."),
			}),
			"function_name": requiredFunctionName("Name of the function."),
			"service_name":  requiredServiceName("Name of the service."),
		},
	}
}

func (d *asyncInvokeConfigsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[asyncInvokeConfigsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	service, function := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString()
	list, err := d.client.ListFunctionAsyncInvokeConfigs(ctx, service, function, fc.ListOptions{})
	if err != nil {
		what := fmt.Sprintf("Listing the async invoke configs of function %q of service %q failed", function, service)
		addLookupError(&resp.Diagnostics, "Error listing FC async invoke configs", "async invoke config", what, what+": the service or the function does not exist", err)
		return
	}
	cfg.Configs = flattenEach(&resp.Diagnostics, list, flattenAsyncInvokeConfigItem)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
