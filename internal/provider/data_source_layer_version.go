package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*layerVersionDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*layerVersionDataSource)(nil)
)

// NewLayerVersionDataSource returns the fc_layer_version data source.
func NewLayerVersionDataSource() datasource.DataSource {
	return &layerVersionDataSource{}
}

type layerVersionDataSource struct {
	dataSourceBase
}

func (d *layerVersionDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layer_version"
}

// layerVersionDataSourceAttributes are the attributes of a layer version
// as data sources show it: those of the fc_layer_version data source and of
// each fc_layers item.
func layerVersionDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"acl":                computedInt64("Access mode of the layer as FC reports it (`0`: private to the account)."),
		"arn":                computedString("Identifier of the version that `fc_function`'s `layers` takes, `<hex>#<layer_name>#<version>`."),
		"arn_v2":             computedString("The version's ARN, `acs:fc:<region>:<account>:layers/<layer_name>/versions/<version>`; null when FC does not report it."),
		"code_checksum":      computedString("CRC-64 (ECMA) checksum of the package as a decimal string."),
		"code_size":          computedInt64("Size of the package in bytes."),
		"compatible_runtime": computedStringSet("Runtimes the layer works with."),
		"create_time":        computedString("Time the version was published (UTC)."),
		"description":        computedString("Description of the version; null when empty."),
		"layer_name":         computedString("Name of the layer."),
		"version":            computedInt64("The version number."),
	}
}

func (d *layerVersionDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := layerVersionDataSourceAttributes()
	attrs["id"] = computedString("`LAYER/VERSION`.")
	attrs["layer_name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the layer. It is an error if the layer has no version.",
		Required:            true,
		Validators:          []validator.String{validators.Name("layer name", 64)},
	}
	attrs["version"] = schema.Int64Attribute{
		MarkdownDescription: "Number of the version to read; when not set, the newest version. It is an error if the version does not exist.",
		Optional:            true,
		Computed:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a version of a Function Compute layer, or its newest version, e.g. for the `arn` that " +
			"`fc_function`'s `layers` takes when the layer is published outside this configuration.",
		Attributes: attrs,
	}
}

func (d *layerVersionDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[layerVersionDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	name := cfg.LayerName.ValueString()

	var out *fc.Layer
	if cfg.Version.IsNull() {
		versions, err := d.client.ListLayerVersions(ctx, name, fc.LayerVersionListOptions{Limit: 100})
		if err == nil && len(versions) == 0 {
			err = &fc.APIError{StatusCode: 404, Code: "LayerNotFound", Message: "the layer has no version", Operation: "ListLayerVersions"}
		}
		if err != nil {
			addLookupError(&resp.Diagnostics, "Error reading FC layer version", "layer version", fmt.Sprintf("Could not list the versions of layer %q", name),
				fmt.Sprintf("Layer %q has no version in this account and region. Check the name and the provider's region and account", name), err)
			return
		}
		out = newestLayerVersion(versions)
	} else {
		version := cfg.Version.ValueInt64()
		var err error
		out, _, err = d.client.GetLayerVersion(ctx, name, version)
		if err != nil {
			addLookupError(&resp.Diagnostics, "Error reading FC layer version", "layer version", fmt.Sprintf("Could not read version %d of layer %q", version, name),
				fmt.Sprintf("Version %d of layer %q does not exist in this account and region. Check the name, the version and the provider's region and account", version, name), err)
			return
		}
	}

	attrs := flattenLayerVersion(out, layerVersionAttributesModel{LayerName: cfg.LayerName, Version: cfg.Version, Description: types.StringNull()})
	state := layerVersionDataSourceModel{
		ID:                          types.StringValue(layerVersionID(attrs.LayerName.ValueString(), attrs.Version.ValueInt64())),
		layerVersionAttributesModel: attrs,
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// newestLayerVersion returns the version with the highest number.
func newestLayerVersion(versions []fc.Layer) *fc.Layer {
	newest := &versions[0]
	for i := range versions {
		if int64OrZero(versions[i].Version) > int64OrZero(newest.Version) {
			newest = &versions[i]
		}
	}
	return newest
}
