package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	attrs["name"] = requiredFunctionName("Name of the function.")
	attrs["qualifier"] = qualifierArgument("Version or alias to read the function at, e.g. `LATEST`, `1` or `prod`. Defaults to the latest configuration.")
	attrs["service_name"] = requiredServiceName("Name of the service the function belongs to.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a function of a Function Compute 2.0 service. The code package itself is not read; " +
			"`code_checksum` identifies it.",
		Attributes: attrs,
	}
}

func (d *functionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[functionDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	service, name, qualifier := cfg.ServiceName.ValueString(), cfg.Name.ValueString(), cfg.Qualifier.ValueString()

	f, _, err := d.client.GetFunction(ctx, service, qualifier, name)
	if err != nil {
		what := fmt.Sprintf("Reading function %q of service %q failed", name, service)
		if qualifier != "" {
			what = fmt.Sprintf("Reading function %q of service %q at qualifier %q failed", name, service, qualifier)
		}
		addLookupError(&resp.Diagnostics, "Error reading FC function", "function", what,
			what+": the service, qualifier or function does not exist. Check the names", err)
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
	hook := func(d string) schema.SingleNestedAttribute {
		return computedObject(d, map[string]schema.Attribute{
			"handler": computedString("Entry point of the hook."),
			"timeout": computedInt64("Timeout of the hook in seconds."),
		})
	}
	return map[string]schema.Attribute{
		"ca_port":       computedInt64("Port the HTTP server of a custom runtime or custom container listens on."),
		"code_checksum": computedString("CRC-64 (ECMA) checksum of the code package as a decimal string."),
		"code_size":     computedInt64("Size of the code package in bytes."),
		"cpu":           computedFloat64("vCPUs of an instance."),
		"created_time":  computedString("When the function was created."),
		"custom_container_config": computedObject("Image and start command of a `custom-container` function.", map[string]schema.Attribute{
			"acceleration_type": computedString("Image acceleration: " + validators.MarkdownEnum(validators.AccelerationTypes) + "."),
			"args":              computedStringList("Arguments of the start command."),
			"command":           computedStringList("Start command."),
			"image":             computedString("Image address."),
			"instance_id":       computedString("ID of the Container Registry Enterprise Edition instance holding the image."),
			"web_server_mode":   computedBool("Whether the image runs a web server."),
		}),
		"custom_dns": computedObject("DNS resolver configuration of the function's instances.", map[string]schema.Attribute{
			"dns_options": computedObjectList("Resolver options.", map[string]schema.Attribute{
				"name":  computedString("Option name."),
				"value": computedString("Option value."),
			}),
			"name_servers": computedStringList("Name server IP addresses."),
			"searches":     computedStringList("DNS search domains."),
		}),
		"custom_health_check_config": computedObject("Health check of a custom runtime or custom container.", map[string]schema.Attribute{
			"failure_threshold":     computedInt64("Consecutive failures after which the instance counts as unhealthy."),
			"http_get_url":          computedString("Path of the HTTP GET health check."),
			"initial_delay_seconds": computedInt64("Delay before the first check, in seconds."),
			"period_seconds":        computedInt64("Interval between checks, in seconds."),
			"success_threshold":     computedInt64("Consecutive successes after which the instance counts as healthy."),
			"timeout_seconds":       computedInt64("Timeout of one check, in seconds."),
		}),
		"custom_runtime_config": computedObject("Start command of a custom runtime.", map[string]schema.Attribute{
			"args":    computedStringList("Arguments of the start command."),
			"command": computedStringList("Start command."),
		}),
		"description":            computedString("Description of the function."),
		"disk_size":              computedInt64("Disk size of an instance in MB."),
		"environment_variables":  computedMap("Environment variables of the function.", types.StringType),
		"function_id":            computedString("Globally unique ID of the function."),
		"gpu_memory_size":        computedInt64("GPU memory of a GPU instance in MB."),
		"handler":                computedString("Entry point."),
		"initialization_timeout": computedInt64("Timeout of the initializer in seconds."),
		"initializer":            computedString("Entry point of the initializer."),
		"instance_concurrency":   computedInt64("Maximum concurrent requests of one instance."),
		"instance_lifecycle_config": computedObject("Instance lifecycle hooks.", map[string]schema.Attribute{
			"pre_freeze": hook("Hook run before an instance is frozen."),
			"pre_stop":   hook("Hook run before an instance is stopped."),
		}),
		"instance_soft_concurrency": computedInt64("Concurrency of an instance above which FC starts scaling out."),
		"instance_type":             computedString("Instance type: " + validators.MarkdownEnum(validators.InstanceTypes) + "."),
		"last_modified_time":        computedString("When the function was last changed."),
		"layers":                    computedStringList("Layers, in order."),
		"layers_arn_v2":             computedStringList("ARNs of the layers."),
		"memory_size":               computedInt64("Memory of an instance in MB."),
		"name":                      computedString("Name of the function."),
		"runtime":                   computedString("Runtime."),
		"timeout":                   computedInt64("Timeout of an invocation in seconds."),
	}
}
