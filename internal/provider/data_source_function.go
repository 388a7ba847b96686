package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*functionDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*functionDataSource)(nil)
)

// NewFunctionDataSource returns the fc_function data source.
func NewFunctionDataSource() datasource.DataSource {
	return &functionDataSource{}
}

// functionDataSource reads one FC function.
type functionDataSource struct {
	dataSourceBase
}

// functionDataSourceModel is the state of fc_function (data source).
type functionDataSourceModel struct {
	Qualifier   types.String `tfsdk:"qualifier"`
	ServiceName types.String `tfsdk:"service_name"`
	functionAttributesModel
}

func (d *functionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function"
}

func (d *functionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := functionDataSourceAttributes()
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the function.",
		Required:            true,
		Validators:          []validator.String{validators.Name("function name", 64)},
	}
	attrs["qualifier"] = schema.StringAttribute{
		MarkdownDescription: "Version or alias to read the function at, e.g. `LATEST`, `1` or `prod`. Defaults to the latest configuration.",
		Optional:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
	}
	attrs["service_name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the service the function belongs to.",
		Required:            true,
		Validators:          []validator.String{validators.Name("service name", 128)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a function of a Function Compute 2.0 service. The code package itself is not read; " +
			"`code_checksum` identifies it.",
		Attributes: attrs,
	}
}

func (d *functionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg functionDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name, qualifier := cfg.ServiceName.ValueString(), cfg.Name.ValueString(), cfg.Qualifier.ValueString()

	f, _, err := d.client.GetFunction(ctx, service, qualifier, name)
	if err != nil {
		what := fmt.Sprintf("Reading function %q of service %q failed", name, service)
		if qualifier != "" {
			what = fmt.Sprintf("Reading function %q of service %q at qualifier %q failed", name, service, qualifier)
		}
		if fc.IsNotFound(err) {
			what += ": the service, qualifier or function does not exist. Check the names"
		}
		addAPIError(&resp.Diagnostics, "Error reading FC function", "function", what, err)
		return
	}
	attrs, diags := flattenFunctionAttributes(ctx, f, functionAttributesModel{})
	resp.Diagnostics.Append(diags...)
	if attrs.Name.IsNull() {
		attrs.Name = cfg.Name
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &functionDataSourceModel{
		Qualifier:               cfg.Qualifier,
		ServiceName:             cfg.ServiceName,
		functionAttributesModel: attrs,
	})...)
}

// functionDataSourceAttributes is the computed schema of
// functionAttributesModel, shared by fc_function and the items of
// fc_functions.
func functionDataSourceAttributes() map[string]schema.Attribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	i64 := func(d string) schema.Int64Attribute {
		return schema.Int64Attribute{MarkdownDescription: d, Computed: true}
	}
	strList := func(d string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: d, Computed: true, ElementType: types.StringType}
	}
	hook := func(d string) schema.SingleNestedAttribute {
		return schema.SingleNestedAttribute{
			MarkdownDescription: d,
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"handler": str("Entry point of the hook."),
				"timeout": i64("Timeout of the hook in seconds."),
			},
		}
	}
	return map[string]schema.Attribute{
		"ca_port":       i64("Port the HTTP server of a custom runtime or custom container listens on."),
		"code_checksum": str("CRC-64 (ECMA) checksum of the code package as a decimal string."),
		"code_size":     i64("Size of the code package in bytes."),
		"cpu":           schema.Float64Attribute{MarkdownDescription: "vCPUs of an instance.", Computed: true},
		"created_time":  str("When the function was created."),
		"custom_container_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Image and start command of a `custom-container` function.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"acceleration_type": str("Image acceleration: " + validators.MarkdownEnum(validators.AccelerationTypes) + "."),
				"args":              strList("Arguments of the start command."),
				"command":           strList("Start command."),
				"image":             str("Image address."),
				"instance_id":       str("ID of the Container Registry Enterprise Edition instance holding the image."),
				"web_server_mode":   schema.BoolAttribute{MarkdownDescription: "Whether the image runs a web server.", Computed: true},
			},
		},
		"custom_dns": schema.SingleNestedAttribute{
			MarkdownDescription: "DNS resolver configuration of the function's instances.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"dns_options": schema.ListNestedAttribute{
					MarkdownDescription: "Resolver options.",
					Computed:            true,
					NestedObject: schema.NestedAttributeObject{
						Attributes: map[string]schema.Attribute{
							"name":  str("Option name."),
							"value": str("Option value."),
						},
					},
				},
				"name_servers": strList("Name server IP addresses."),
				"searches":     strList("DNS search domains."),
			},
		},
		"custom_health_check_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Health check of a custom runtime or custom container.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"failure_threshold":     i64("Consecutive failures after which the instance counts as unhealthy."),
				"http_get_url":          str("Path of the HTTP GET health check."),
				"initial_delay_seconds": i64("Delay before the first check, in seconds."),
				"period_seconds":        i64("Interval between checks, in seconds."),
				"success_threshold":     i64("Consecutive successes after which the instance counts as healthy."),
				"timeout_seconds":       i64("Timeout of one check, in seconds."),
			},
		},
		"custom_runtime_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Start command of a custom runtime.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"args":    strList("Arguments of the start command."),
				"command": strList("Start command."),
			},
		},
		"description":            str("Description of the function."),
		"disk_size":              i64("Disk size of an instance in MB."),
		"environment_variables":  schema.MapAttribute{MarkdownDescription: "Environment variables of the function.", Computed: true, ElementType: types.StringType},
		"function_id":            str("Globally unique ID of the function."),
		"gpu_memory_size":        i64("GPU memory of a GPU instance in MB."),
		"handler":                str("Entry point."),
		"initialization_timeout": i64("Timeout of the initializer in seconds."),
		"initializer":            str("Entry point of the initializer."),
		"instance_concurrency":   i64("Maximum concurrent requests of one instance."),
		"instance_lifecycle_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Instance lifecycle hooks.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"pre_freeze": hook("Hook run before an instance is frozen."),
				"pre_stop":   hook("Hook run before an instance is stopped."),
			},
		},
		"instance_soft_concurrency": i64("Concurrency of an instance above which FC starts scaling out."),
		"instance_type":             str("Instance type: " + validators.MarkdownEnum(validators.InstanceTypes) + "."),
		"last_modified_time":        str("When the function was last changed."),
		"layers":                    strList("Layers, in order."),
		"layers_arn_v2":             strList("ARNs of the layers."),
		"memory_size":               i64("Memory of an instance in MB."),
		"name":                      str("Name of the function."),
		"runtime":                   str("Runtime."),
		"timeout":                   i64("Timeout of an invocation in seconds."),
	}
}
