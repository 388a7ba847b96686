package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ datasource.DataSource              = (*servicesDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*servicesDataSource)(nil)
)

// NewServicesDataSource returns the fc_services data source.
func NewServicesDataSource() datasource.DataSource {
	return &servicesDataSource{}
}

type servicesDataSource struct {
	dataSourceBase
}

type servicesDataSourceModel struct {
	NamePrefix types.String `tfsdk:"name_prefix"`
	Names      types.List   `tfsdk:"names"`
	Services   types.List   `tfsdk:"services"`
}

func (d *servicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_services"
}

func (d *servicesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Function Compute services of the account and region, in name order, optionally only those whose name starts with a prefix. " +
			"Each service's tags take one more request.",
		Attributes: map[string]schema.Attribute{
			"name_prefix": schema.StringAttribute{
				MarkdownDescription: "Only list services whose name starts with this prefix. When not set, every service is listed.",
				Optional:            true,
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "Names of the services found, in the order of `services`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"services": schema.ListNestedAttribute{
				MarkdownDescription: "The services found, with the attributes of the `fc_service` data source.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: serviceDataSourceAttributes(),
				},
			},
		},
	}
}

func (d *servicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg servicesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prefix := cfg.NamePrefix.ValueString()

	list, err := d.client.ListServices(ctx, fc.ListOptions{Prefix: prefix})
	if err != nil {
		what := "Could not list services"
		if prefix != "" {
			what = fmt.Sprintf("Could not list services with the name prefix %q", prefix)
		}
		addAPIError(&resp.Diagnostics, "Error listing FC services", "service", what, err)
		return
	}
	tflog.Debug(ctx, "Listed FC services", map[string]any{"prefix": prefix, "count": len(list)})

	names := make([]attr.Value, 0, len(list))
	services := make([]attr.Value, 0, len(list))
	for i := range list {
		m, diags := flattenService(&list[i], nil)
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		if m.Tags, err = readServiceTags(ctx, d.client, d.meta, m.Name.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, "Error listing FC services", "service", fmt.Sprintf("Could not read the tags of service %q", m.Name.ValueString()), err)
			return
		}
		obj, diags := types.ObjectValueFrom(ctx, serviceAttrTypes, m)
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		names = append(names, m.Name)
		services = append(services, obj)
	}

	var diags diag.Diagnostics
	cfg.Names, diags = types.ListValue(types.StringType, names)
	resp.Diagnostics.Append(diags...)
	cfg.Services, diags = types.ListValue(types.ObjectType{AttrTypes: serviceAttrTypes}, services)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
