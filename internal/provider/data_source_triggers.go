package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*triggersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*triggersDataSource)(nil)
)

// NewTriggersDataSource returns the fc_triggers data source.
func NewTriggersDataSource() datasource.DataSource {
	return &triggersDataSource{}
}

// triggersDataSource lists the triggers of an FC function.
type triggersDataSource struct {
	dataSourceBase
}

func (d *triggersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_triggers"
}

func (d *triggersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the triggers of a Function Compute 2.0 function, optionally filtered by a name prefix.",
		Attributes: map[string]schema.Attribute{
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
			},
			"name_prefix": schema.StringAttribute{
				MarkdownDescription: "Only list triggers whose name starts with this prefix.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "Names of the triggers, in the order of `triggers`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service of the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
			"triggers": schema.ListNestedAttribute{
				MarkdownDescription: "The triggers, in the order FC lists them (by name).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"config_json": schema.StringAttribute{
							MarkdownDescription: "The trigger's configuration as FC returns it, a JSON object (decode it with `jsondecode()`).",
							Computed:            true,
						},
						"created_time": schema.StringAttribute{
							MarkdownDescription: "Creation time of the trigger.",
							Computed:            true,
						},
						"description": schema.StringAttribute{
							MarkdownDescription: "Description of the trigger; null when empty.",
							Computed:            true,
						},
						"invocation_role": schema.StringAttribute{
							MarkdownDescription: "ARN of the RAM role the event source assumes; null when none.",
							Computed:            true,
						},
						"last_modified_time": schema.StringAttribute{
							MarkdownDescription: "Time of the last change of the trigger.",
							Computed:            true,
						},
						"name": schema.StringAttribute{
							MarkdownDescription: "Name of the trigger.",
							Computed:            true,
						},
						"qualifier": schema.StringAttribute{
							MarkdownDescription: "Version or alias the trigger invokes; null for the latest code.",
							Computed:            true,
						},
						"source_arn": schema.StringAttribute{
							MarkdownDescription: "ARN of the event source; null when none.",
							Computed:            true,
						},
						"trigger_id": schema.StringAttribute{
							MarkdownDescription: "Globally unique ID of the trigger.",
							Computed:            true,
						},
						"type": schema.StringAttribute{
							MarkdownDescription: "Type of the trigger, e.g. `timer` or `http`.",
							Computed:            true,
						},
						"url_internet": schema.StringAttribute{
							MarkdownDescription: "Internet URL of an `http` trigger; null otherwise.",
							Computed:            true,
						},
						"url_intranet": schema.StringAttribute{
							MarkdownDescription: "VPC URL of an `http` trigger; null otherwise.",
							Computed:            true,
						},
					},
				},
			},
		},
	}
}

func (d *triggersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg triggersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString()

	list, err := d.client.ListTriggers(ctx, service, function, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString()})
	if err != nil {
		what := fmt.Sprintf("Listing the triggers of function %q in service %q failed", function, service)
		if fc.IsNotFound(err) {
			what += ": the service or function does not exist"
		}
		addAPIError(&resp.Diagnostics, "Error listing FC triggers", "function", what, err)
		return
	}
	cfg.Triggers = make([]triggerItemModel, 0, len(list))
	names := make([]attr.Value, 0, len(list))
	for i := range list {
		item := flattenTriggerItem(&list[i])
		cfg.Triggers = append(cfg.Triggers, item)
		names = append(names, item.Name)
	}
	cfg.Names = types.ListValueMust(types.StringType, names)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
