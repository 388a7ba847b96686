package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
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
			"function_name": requiredFunctionName("Name of the function."),
			"name_prefix":   optionalString("Only list triggers whose name starts with this prefix.", stringvalidator.LengthAtLeast(1)),
			"names":         computedStringList("Names of the triggers, in the order of `triggers`."),
			"service_name":  requiredServiceName("Name of the service of the function."),
			"triggers": computedObjectList("The triggers, in the order FC lists them (by name).", map[string]schema.Attribute{
				"config_json":        computedString("The trigger's configuration as FC returns it, a JSON object (decode it with `jsondecode()`)."),
				"created_time":       computedString("Creation time of the trigger."),
				"description":        computedString("Description of the trigger; null when empty."),
				"invocation_role":    computedString("ARN of the RAM role the event source assumes; null when none."),
				"last_modified_time": computedString("Time of the last change of the trigger."),
				"name":               computedString("Name of the trigger."),
				"qualifier":          computedString("Version or alias the trigger invokes; null for the latest code."),
				"source_arn":         computedString("ARN of the event source; null when none."),
				"trigger_id":         computedString("Globally unique ID of the trigger."),
				"type":               computedString("Type of the trigger, e.g. `timer` or `http`."),
				"url_internet":       computedString("Internet URL of an `http` trigger; null otherwise."),
				"url_intranet":       computedString("VPC URL of an `http` trigger; null otherwise."),
			}),
		},
	}
}

func (d *triggersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[triggersDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	service, function := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString()

	list, err := d.client.ListTriggers(ctx, service, function, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString()})
	if err != nil {
		what := fmt.Sprintf("Listing the triggers of function %q in service %q failed", function, service)
		addLookupError(&resp.Diagnostics, "Error listing FC triggers", "function", what, what+": the service or function does not exist", err)
		return
	}
	cfg.Triggers = mapEach(list, flattenTriggerItem)
	cfg.Names = namesOf(cfg.Triggers, func(t *triggerItemModel) types.String { return t.Name })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
