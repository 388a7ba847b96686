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
	Layers     types.List   `tfsdk:"layers"`
	NamePrefix types.String `tfsdk:"name_prefix"`
	Names      types.List   `tfsdk:"names"`
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
			"layers": schema.ListNestedAttribute{
				MarkdownDescription: "The layers found, each as its newest version, with the attributes of the `fc_layer_version` data source.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: layerVersionDataSourceAttributes(),
				},
			},
			"name_prefix": schema.StringAttribute{
				MarkdownDescription: "Only list layers whose name starts with this prefix. When not set, every layer is listed.",
				Optional:            true,
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "Names of the layers found, in the order of `layers`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
		},
	}
}

func (d *layersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg layersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prefix := cfg.NamePrefix.ValueString()

	list, err := d.client.ListLayers(ctx, fc.ListOptions{Prefix: prefix})
	if err != nil {
		what := "Could not list layers"
		if prefix != "" {
			what = fmt.Sprintf("Could not list layers with the name prefix %q", prefix)
		}
		addAPIError(&resp.Diagnostics, "Error listing FC layers", "layer", what, err)
		return
	}
	tflog.Debug(ctx, "Listed FC layers", map[string]any{"prefix": prefix, "count": len(list)})

	names := make([]attr.Value, 0, len(list))
	layers := make([]attr.Value, 0, len(list))
	for i := range list {
		m := flattenLayerVersion(&list[i], layerVersionAttributesModel{Description: types.StringNull()})
		obj, diags := types.ObjectValueFrom(ctx, layerVersionAttrTypes, m)
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		names = append(names, m.LayerName)
		layers = append(layers, obj)
	}

	var diags diag.Diagnostics
	cfg.Names, diags = types.ListValue(types.StringType, names)
	resp.Diagnostics.Append(diags...)
	cfg.Layers, diags = types.ListValue(types.ObjectType{AttrTypes: layerVersionAttrTypes}, layers)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
