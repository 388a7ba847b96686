package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ datasource.DataSource              = (*functionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*functionsDataSource)(nil)
)

// NewFunctionsDataSource returns the fc_functions data source.
func NewFunctionsDataSource() datasource.DataSource {
	return &functionsDataSource{}
}

// functionsDataSource lists the functions of an FC service.
type functionsDataSource struct {
	dataSourceBase
}

// functionsDataSourceModel is the state of fc_functions.
type functionsDataSourceModel struct {
	Functions   []functionAttributesModel `tfsdk:"functions"`
	NamePrefix  types.String              `tfsdk:"name_prefix"`
	Names       types.List                `tfsdk:"names"`
	Qualifier   types.String              `tfsdk:"qualifier"`
	ServiceName types.String              `tfsdk:"service_name"`
}

func (d *functionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_functions"
}

func (d *functionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the functions of a Function Compute 2.0 service, optionally at a version or alias and " +
			"filtered by a name prefix. The code packages themselves are not read.",
		Attributes: map[string]schema.Attribute{
			"functions": computedObjectList("The functions, in the order FC lists them (by name). Each has the attributes of the `fc_function` data source.",
				functionDataSourceAttributes()),
			"name_prefix":  optionalString("Only list functions whose name starts with this prefix.", stringvalidator.LengthAtLeast(1)),
			"names":        computedStringList("Names of the functions, in the order of `functions`."),
			"qualifier":    qualifierArgument("Version or alias to list the functions at, e.g. `LATEST`, `1` or `prod`. Defaults to the latest configuration."),
			"service_name": requiredServiceName("Name of the service."),
		},
	}
}

func (d *functionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[functionsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	service, qualifier := cfg.ServiceName.ValueString(), cfg.Qualifier.ValueString()

	list, err := d.client.ListFunctions(ctx, service, qualifier, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString()})
	if err != nil {
		what := fmt.Sprintf("Listing the functions of service %q failed", service)
		addLookupError(&resp.Diagnostics, "Error listing FC functions", "service", what, what+": the service or qualifier does not exist", err)
		return
	}
	cfg.Functions = flattenEach(&resp.Diagnostics, list, func(f *fc.Function) (functionAttributesModel, diag.Diagnostics) {
		return flattenFunctionAttributes(ctx, f, functionAttributesModel{})
	})
	cfg.Names = namesOf(cfg.Functions, func(f *functionAttributesModel) types.String { return f.Name })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
