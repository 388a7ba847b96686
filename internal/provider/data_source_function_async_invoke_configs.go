package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
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
			"configs": schema.ListNestedAttribute{
				MarkdownDescription: "The configs, in the order FC lists them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"created_time": schema.StringAttribute{MarkdownDescription: "Creation time of the config (UTC).", Computed: true},
					"destination_config": schema.SingleNestedAttribute{
						MarkdownDescription: "Where FC sends the results; null when no destination is set.",
						Computed:            true,
						Attributes: map[string]schema.Attribute{
							"on_failure": schema.StringAttribute{MarkdownDescription: "ARN of the destination of failed invocations.", Computed: true},
							"on_success": schema.StringAttribute{MarkdownDescription: "ARN of the destination of successful invocations.", Computed: true},
						},
					},
					"last_modified_time": schema.StringAttribute{MarkdownDescription: "Time of the last change of the config (UTC).", Computed: true},
					"max_async_event_age_in_seconds": schema.Int64Attribute{
						MarkdownDescription: "How long an event may wait to be processed, in seconds; null when FC reports none.",
						Computed:            true,
					},
					"max_async_retry_attempts": schema.Int64Attribute{MarkdownDescription: "How often FC retries a failed invocation.", Computed: true},
					"qualifier":                schema.StringAttribute{MarkdownDescription: "`LATEST`, the version or the alias of the config.", Computed: true},
					"stateful_invocation":      schema.BoolAttribute{MarkdownDescription: "Whether asynchronous invocations are stateful.", Computed: true},
				}},
			},
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (d *asyncInvokeConfigsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg asyncInvokeConfigsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString()
	list, err := d.client.ListFunctionAsyncInvokeConfigs(ctx, service, function, fc.ListOptions{})
	if err != nil {
		what := fmt.Sprintf("Listing the async invoke configs of function %q of service %q failed", function, service)
		if fc.IsNotFound(err) {
			what += ": the service or the function does not exist"
		}
		addAPIError(&resp.Diagnostics, "Error listing FC async invoke configs", "async invoke config", what, err)
		return
	}
	cfg.Configs = make([]asyncInvokeConfigItemModel, 0, len(list))
	for i := range list {
		item, diags := flattenAsyncInvokeConfigItem(&list[i])
		resp.Diagnostics.Append(diags...)
		cfg.Configs = append(cfg.Configs, item)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
