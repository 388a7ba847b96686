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
			"functions": schema.ListNestedAttribute{
				MarkdownDescription: "The functions, in the order FC lists them (by name). Each has the attributes of the `fc_function` data source.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: functionDataSourceAttributes(),
				},
			},
			"name_prefix": schema.StringAttribute{
				MarkdownDescription: "Only list functions whose name starts with this prefix.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "Names of the functions, in the order of `functions`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "Version or alias to list the functions at, e.g. `LATEST`, `1` or `prod`. Defaults to the latest configuration.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

func (d *functionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg functionsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, qualifier := cfg.ServiceName.ValueString(), cfg.Qualifier.ValueString()

	list, err := d.client.ListFunctions(ctx, service, qualifier, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString()})
	if err != nil {
		what := fmt.Sprintf("Listing the functions of service %q failed", service)
		if fc.IsNotFound(err) {
			what += ": the service or qualifier does not exist"
		}
		addAPIError(&resp.Diagnostics, "Error listing FC functions", "service", what, err)
		return
	}
	cfg.Functions = make([]functionAttributesModel, 0, len(list))
	names := make([]attr.Value, 0, len(list))
	for i := range list {
		item, diags := flattenFunctionAttributes(ctx, &list[i], functionAttributesModel{})
		resp.Diagnostics.Append(diags...)
		cfg.Functions = append(cfg.Functions, item)
		names = append(names, item.Name)
	}
	cfg.Names = types.ListValueMust(types.StringType, names)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
