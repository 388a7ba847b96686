package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
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
			"configs": computedObjectList("The provision configs, in the order FC lists them.", map[string]schema.Attribute{
				"always_allocate_cpu": computedBool("Whether CPU stays allocated to idle instances."),
				"current":             computedInt64("Number of provisioned instances FC has now."),
				"current_error":       computedString("FC's reason why `current` falls short of `target`, when it does."),
				"function_name":       computedString("Name of the function."),
				"qualifier":           computedString("Alias or `LATEST` of the config."),
				"scheduled_actions": computedObjectList("Scheduled actions, as in `fc_provision_config`.", map[string]schema.Attribute{
					"end_time":            computedString("End of the action's time window (UTC)."),
					"name":                computedString("Name of the action."),
					"schedule_expression": computedString("When the action runs."),
					"start_time":          computedString("Start of the action's time window (UTC)."),
					"target":              computedInt64("Number of instances the action sets."),
				}),
				"service_name": computedString("Name of the service."),
				"target":       computedInt64("Number of provisioned instances wanted."),
				"target_tracking_policies": computedObjectList("Target-tracking policies, as in `fc_provision_config`.", map[string]schema.Attribute{
					"end_time":      computedString("End of the policy's time window (UTC)."),
					"max_capacity":  computedInt64("Most instances the policy keeps."),
					"metric_target": computedFloat64("Value of the metric the policy keeps."),
					"metric_type":   computedString("Metric the policy tracks."),
					"min_capacity":  computedInt64("Fewest instances the policy keeps."),
					"name":          computedString("Name of the policy."),
					"start_time":    computedString("Start of the policy's time window (UTC)."),
				}),
			}),
			"qualifier": optionalString("Only list the configs of this alias (or `LATEST`); needs `service_name`.",
				validators.AliasOrLatest(), stringvalidator.AlsoRequires(path.MatchRoot("service_name"))),
			"service_name": optionalString("Only list the configs of this service. Without it, every config of the account is listed.",
				validators.Name("service name", 128)),
		},
	}
}

func (d *provisionConfigsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[provisionConfigsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	list, err := d.client.ListProvisionConfigs(ctx, fc.ProvisionConfigListOptions{
		ServiceName: cfg.ServiceName.ValueString(), Qualifier: cfg.Qualifier.ValueString(),
	})
	if err != nil {
		what := "Listing the provision configs failed"
		addLookupError(&resp.Diagnostics, "Error listing FC provision configs", "provision config", what, what+fmt.Sprintf(": service %q does not exist", cfg.ServiceName.ValueString()), err)
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
