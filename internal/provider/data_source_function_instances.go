package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*functionInstancesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*functionInstancesDataSource)(nil)
)

// NewFunctionInstancesDataSource returns the fc_function_instances data
// source.
func NewFunctionInstancesDataSource() datasource.DataSource {
	return &functionInstancesDataSource{}
}

type functionInstancesDataSource struct {
	dataSourceBase
}

type functionInstancesDataSourceModel struct {
	FunctionName types.String    `tfsdk:"function_name"`
	InstanceIDs  types.List      `tfsdk:"instance_ids"`
	Instances    []instanceModel `tfsdk:"instances"`
	Qualifier    types.String    `tfsdk:"qualifier"`
	ServiceName  types.String    `tfsdk:"service_name"`
}

type instanceModel struct {
	InstanceID types.String `tfsdk:"instance_id"`
	VersionID  types.String `tfsdk:"version_id"`
}

func (d *functionInstancesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function_instances"
}

func (d *functionInstancesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the instances of a Function Compute function on the invocation path of a qualifier " +
			"(ListInstances, in public preview): those executing requests or ready to. Provisioned instances belong to " +
			"aliases: to see what an `fc_provision_config` brought up, read the instances of its alias.",
		Attributes: map[string]schema.Attribute{
			"function_name": requiredFunctionName("Name of the function."),
			"instance_ids":  computedStringList("IDs of the instances, in the order of `instances`."),
			"instances": computedObjectList("The instances, in the order FC lists them.", map[string]schema.Attribute{
				"instance_id": computedString("ID of the instance."),
				"version_id":  computedString("Version the instance runs (`0` under `LATEST`)."),
			}),
			"qualifier":    optionalString("`LATEST` (the default), a version ID or an alias name.", validators.Qualifier()),
			"service_name": requiredServiceName("Name of the service."),
		},
	}
}

func (d *functionInstancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[functionInstancesDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	service, function, qualifier := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString(), cfg.Qualifier.ValueString()
	list, err := d.client.ListInstances(ctx, service, qualifier, function, 0)
	if err != nil {
		what := fmt.Sprintf("Listing the instances of function %q of service %q failed", function, service)
		addLookupError(&resp.Diagnostics, "Error listing FC function instances", "function", what, what+": the service, the function or the qualifier does not exist", err)
		return
	}
	cfg.Instances = mapEach(list, func(in *fc.Instance) instanceModel {
		return instanceModel{InstanceID: types.StringValue(in.InstanceID), VersionID: types.StringValue(string(in.VersionID))}
	})
	cfg.InstanceIDs = namesOf(cfg.Instances, func(in *instanceModel) types.String { return in.InstanceID })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
