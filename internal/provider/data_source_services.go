package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

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
	NamePrefix types.String   `tfsdk:"name_prefix"`
	Names      types.List     `tfsdk:"names"`
	Services   []serviceModel `tfsdk:"services"`
}

func (d *servicesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_services"
}

func (d *servicesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Function Compute services of the account and region, in name order, optionally only those whose name starts with a prefix. " +
			"Each service's tags take one more request.",
		Attributes: map[string]schema.Attribute{
			"name_prefix": optionalString("Only list services whose name starts with this prefix. When not set, every service is listed."),
			"names":       computedStringList("Names of the services found, in the order of `services`."),
			"services":    computedObjectList("The services found, with the attributes of the `fc_service` data source.", serviceDataSourceAttributes()),
		},
	}
}

func (d *servicesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[servicesDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	list, ok := listByPrefix(ctx, &resp.Diagnostics, "service", cfg.NamePrefix.ValueString(), d.client.ListServices)
	if !ok {
		return
	}
	cfg.Services = flattenEach(&resp.Diagnostics, list, func(s *fc.Service) (serviceModel, diag.Diagnostics) { return flattenService(s, nil) })
	if resp.Diagnostics.HasError() {
		return
	}
	for i := range cfg.Services {
		m := &cfg.Services[i]
		var err error
		if m.Tags, err = readServiceTags(ctx, d.client, d.meta, m.Name.ValueString()); err != nil {
			addAPIError(&resp.Diagnostics, "Error listing FC services", "service", fmt.Sprintf("Could not read the tags of service %q", m.Name.ValueString()), err)
			return
		}
	}
	cfg.Names = namesOf(cfg.Services, func(m *serviceModel) types.String { return m.Name })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
