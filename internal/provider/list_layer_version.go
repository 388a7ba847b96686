package provider

import (
	"context"
	"fmt"
	"iter"
	"path"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	fwpath "github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ list.ListResource              = (*layerVersionListResource)(nil)
	_ list.ListResourceWithConfigure = (*layerVersionListResource)(nil)
)

// NewLayerVersionListResource returns the fc_layer_version list resource.
func NewLayerVersionListResource() list.ListResource {
	return &layerVersionListResource{}
}

// layerVersionListResource lists the versions of layers.
type layerVersionListResource struct {
	resourceBase
}

type layerVersionListModel struct {
	CodeDir    types.String `tfsdk:"code_dir"`
	LayerName  types.String `tfsdk:"layer_name"`
	NamePrefix types.String `tfsdk:"name_prefix"`
}

func (r *layerVersionListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layer_version"
}

func (r *layerVersionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the versions of a layer, or of every layer (layers by name), oldest first.\n\n" +
			"FC returns a download link for a layer's package, never the source it was published from, so no list " +
			"result can say where its code comes from. With `include_resource` (and for `-generate-config-out`), each result's `code` is " +
			"therefore not read from FC: it is `{ filename = \"<code_dir>/layers/<layer>/<version>.zip\" }`, the place " +
			"where the generated configuration expects the package. Put the version's package there (FC's " +
			"GetLayerVersion answer links to it); with the package the version has, the plan takes the source into the " +
			"state and publishes nothing. Everything else is the state an import of the version would read " +
			"(`skip_destroy` is `false`, as after an import).",
		Attributes: map[string]listschema.Attribute{
			"code_dir": codeDirAttribute("<code_dir>/layers/<layer>/<version>.zip"),
			"layer_name": listschema.StringAttribute{
				MarkdownDescription: "Only list the versions of this layer. Without it, the versions of every layer are listed.",
				Optional:            true,
				Validators:          []validator.String{validators.Name("layer name", 64)},
			},
			"name_prefix": namePrefixFilter("Only list the versions of layers whose name starts with this prefix; conflicts with `layer_name`.",
				stringvalidator.ConflictsWith(fwpath.MatchRoot("layer_name"))),
		},
	}
}

func (r *layerVersionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg layerVersionListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	codeDir := codeDirOf(cfg.CodeDir)
	layers, named := r.layerNames(ctx, cfg)
	versions := within(layers, named, func(layer string) iter.Seq2[fc.Layer, error] {
		return failing(r.client.LayerVersions(ctx, layer, fc.LayerVersionListOptions{Limit: pageSize(req.Limit)}),
			fmt.Sprintf("Could not list the versions of layer %q", layer))
	})
	streamListed(ctx, req, stream, versions, "Error listing FC layer versions", "layer version", func(v child[string, fc.Layer]) listed {
		layer, version := v.parent, int64OrZero(v.item.Version)
		l := newListed(layerVersionID(layer, version), map[string]string{"layer_name": layer},
			func(ctx context.Context, prior layerVersionModel) (any, diag.Diagnostics) {
				m := layerVersionState(&v.item, &prior)
				var diags diag.Diagnostics
				m.Code, diags = codePlaceholder(ctx, prior.Code, path.Join(codeDir, "layers", layer, strconv.FormatInt(version, 10)+".zip"))
				return m, diags
			})
		l.imported["version"] = types.Int64Value(version)
		l.imported["skip_destroy"] = types.BoolValue(false)
		return l
	})
}

// layerNames yields the layer_name of cfg when it is set (named is then
// true), or else the name of every layer that has the name_prefix.
func (r *layerVersionListResource) layerNames(ctx context.Context, cfg layerVersionListModel) (names iter.Seq2[string, error], named bool) {
	if known(cfg.LayerName) {
		return one(cfg.LayerName.ValueString()), true
	}
	layers := failing(r.client.Layers(ctx, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: listPageSize}), "Could not list the layers")
	return mapped(layers, func(l fc.Layer) string { return stringOrEmpty(l.LayerName) }), false
}
