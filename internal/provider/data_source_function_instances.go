package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
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
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
			},
			"instance_ids": schema.ListAttribute{
				MarkdownDescription: "IDs of the instances, in the order of `instances`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"instances": schema.ListNestedAttribute{
				MarkdownDescription: "The instances, in the order FC lists them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"instance_id": schema.StringAttribute{MarkdownDescription: "ID of the instance.", Computed: true},
					"version_id": schema.StringAttribute{
						MarkdownDescription: "Version the instance runs (`0` under `LATEST`).",
						Computed:            true,
					},
				}},
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "`LATEST` (the default), a version ID or an alias name.",
				Optional:            true,
				Validators:          []validator.String{validators.Qualifier()},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (d *functionInstancesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg functionInstancesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, qualifier := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString(), cfg.Qualifier.ValueString()
	list, err := d.client.ListInstances(ctx, service, qualifier, function, 0)
	if err != nil {
		what := fmt.Sprintf("Listing the instances of function %q of service %q failed", function, service)
		if fc.IsNotFound(err) {
			what += ": the service, the function or the qualifier does not exist"
		}
		addAPIError(&resp.Diagnostics, "Error listing FC function instances", "function", what, err)
		return
	}
	cfg.Instances = make([]instanceModel, 0, len(list))
	ids := make([]attr.Value, 0, len(list))
	for _, in := range list {
		cfg.Instances = append(cfg.Instances, instanceModel{InstanceID: types.StringValue(in.InstanceID), VersionID: types.StringValue(string(in.VersionID))})
		ids = append(ids, types.StringValue(in.InstanceID))
	}
	cfg.InstanceIDs = types.ListValueMust(types.StringType, ids)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
