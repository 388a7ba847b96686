package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ datasource.DataSource              = (*layersDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*layersDataSource)(nil)
)

// NewLayersDataSource returns the fc_layers data source.
func NewLayersDataSource() datasource.DataSource {
	return &layersDataSource{}
}

type layersDataSource struct {
	dataSourceBase
}

type layersDataSourceModel struct {
	Layers     []layerVersionAttributesModel `tfsdk:"layers"`
	NamePrefix types.String                  `tfsdk:"name_prefix"`
	Names      types.List                    `tfsdk:"names"`
}

func (d *layersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layers"
}

func (d *layersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Function Compute layers of the account and region, in name order, each as its " +
			"newest version, optionally only those whose name starts with a prefix. A layer whose versions were all " +
			"deleted is not listed. FC's official layers are not listed.",
		Attributes: map[string]schema.Attribute{
			"layers": computedObjectList("The layers found, each as its newest version, with the attributes of the `fc_layer_version` data source.",
				layerVersionDataSourceAttributes()),
			"name_prefix": optionalString("Only list layers whose name starts with this prefix. When not set, every layer is listed."),
			"names":       computedStringList("Names of the layers found, in the order of `layers`."),
		},
	}
}

func (d *layersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[layersDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	list, ok := listByPrefix(ctx, &resp.Diagnostics, "layer", cfg.NamePrefix.ValueString(), d.client.ListLayers)
	if !ok {
		return
	}
	cfg.Layers = mapEach(list, func(l *fc.Layer) layerVersionAttributesModel {
		return flattenLayerVersion(l, layerVersionAttributesModel{Description: types.StringNull()})
	})
	cfg.Names = namesOf(cfg.Layers, func(m *layerVersionAttributesModel) types.String { return m.LayerName })
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
