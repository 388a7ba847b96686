package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*provisionConfigsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*provisionConfigsDataSource)(nil)
)

// NewProvisionConfigsDataSource returns the fc_provision_configs data source.
func NewProvisionConfigsDataSource() datasource.DataSource {
	return &provisionConfigsDataSource{}
}

type provisionConfigsDataSource struct {
	dataSourceBase
}

type provisionConfigsDataSourceModel struct {
	Configs     []provisionConfigItemModel `tfsdk:"configs"`
	Qualifier   types.String               `tfsdk:"qualifier"`
	ServiceName types.String               `tfsdk:"service_name"`
}

func (d *provisionConfigsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_provision_configs"
}

func (d *provisionConfigsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the provision configs of the account, of one service, or of one alias (or `LATEST`) of a " +
			"service, with the instances each has now. Configs whose target is 0, without scheduled actions or policies " +
			"(what destroying an `fc_provision_config` leaves), may be left out by FC.",
		Attributes: map[string]schema.Attribute{
			"configs": schema.ListNestedAttribute{
				MarkdownDescription: "The provision configs, in the order FC lists them.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"always_allocate_cpu": schema.BoolAttribute{MarkdownDescription: "Whether CPU stays allocated to idle instances.", Computed: true},
					"current":             schema.Int64Attribute{MarkdownDescription: "Number of provisioned instances FC has now.", Computed: true},
					"current_error": schema.StringAttribute{
						MarkdownDescription: "FC's reason why `current` falls short of `target`, when it does.",
						Computed:            true,
					},
					"function_name": schema.StringAttribute{MarkdownDescription: "Name of the function.", Computed: true},
					"qualifier":     schema.StringAttribute{MarkdownDescription: "Alias or `LATEST` of the config.", Computed: true},
					"scheduled_actions": schema.ListNestedAttribute{
						MarkdownDescription: "Scheduled actions, as in `fc_provision_config`.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"end_time":            schema.StringAttribute{MarkdownDescription: "End of the action's time window (UTC).", Computed: true},
							"name":                schema.StringAttribute{MarkdownDescription: "Name of the action.", Computed: true},
							"schedule_expression": schema.StringAttribute{MarkdownDescription: "When the action runs.", Computed: true},
							"start_time":          schema.StringAttribute{MarkdownDescription: "Start of the action's time window (UTC).", Computed: true},
							"target":              schema.Int64Attribute{MarkdownDescription: "Number of instances the action sets.", Computed: true},
						}},
					},
					"service_name": schema.StringAttribute{MarkdownDescription: "Name of the service.", Computed: true},
					"target":       schema.Int64Attribute{MarkdownDescription: "Number of provisioned instances wanted.", Computed: true},
					"target_tracking_policies": schema.ListNestedAttribute{
						MarkdownDescription: "Target-tracking policies, as in `fc_provision_config`.",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"end_time":      schema.StringAttribute{MarkdownDescription: "End of the policy's time window (UTC).", Computed: true},
							"max_capacity":  schema.Int64Attribute{MarkdownDescription: "Most instances the policy keeps.", Computed: true},
							"metric_target": schema.Float64Attribute{MarkdownDescription: "Value of the metric the policy keeps.", Computed: true},
							"metric_type":   schema.StringAttribute{MarkdownDescription: "Metric the policy tracks.", Computed: true},
							"min_capacity":  schema.Int64Attribute{MarkdownDescription: "Fewest instances the policy keeps.", Computed: true},
							"name":          schema.StringAttribute{MarkdownDescription: "Name of the policy.", Computed: true},
							"start_time":    schema.StringAttribute{MarkdownDescription: "Start of the policy's time window (UTC).", Computed: true},
						}},
					},
				}},
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "Only list the configs of this alias (or `LATEST`); needs `service_name`.",
				Optional:            true,
				Validators: []validator.String{
					validators.AliasOrLatest(),
					stringvalidator.AlsoRequires(path.MatchRoot("service_name")),
				},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Only list the configs of this service. Without it, every config of the account is listed.",
				Optional:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (d *provisionConfigsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg provisionConfigsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	list, err := d.client.ListProvisionConfigs(ctx, fc.ProvisionConfigListOptions{
		ServiceName: cfg.ServiceName.ValueString(), Qualifier: cfg.Qualifier.ValueString(),
	})
	if err != nil {
		what := "Listing the provision configs failed"
		if fc.IsNotFound(err) {
			what += fmt.Sprintf(": service %q does not exist", cfg.ServiceName.ValueString())
		}
		addAPIError(&resp.Diagnostics, "Error listing FC provision configs", "provision config", what, err)
		return
	}
	cfg.Configs = make([]provisionConfigItemModel, 0, len(list))
	for i := range list {
		_, service, qualifier, function, ok := fc.ParseProvisionResource(deref(list[i].Resource))
		if !ok {
			resp.Diagnostics.AddWarning("Unexpected FC provision config", fmt.Sprintf(
				"FC listed a provision config whose resource %q is not <account>#<service>#<qualifier>#<function>; it is left out.", deref(list[i].Resource)))
			continue
		}
		item, diags := flattenProvisionConfigItem(ctx, &list[i], service, qualifier, function)
		resp.Diagnostics.Append(diags...)
		cfg.Configs = append(cfg.Configs, item)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
