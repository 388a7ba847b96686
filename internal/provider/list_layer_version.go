package provider

import (
	"context"
	"fmt"
	"iter"
	"path"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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
			"name_prefix": listschema.StringAttribute{
				MarkdownDescription: "Only list the versions of layers whose name starts with this prefix; conflicts with `layer_name`.",
				Optional:            true,
				Validators: []validator.String{
					stringvalidator.LengthAtLeast(1),
					stringvalidator.ConflictsWith(fwpath.MatchRoot("layer_name")),
				},
			},
		},
	}
}

func (r *layerVersionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg layerVersionListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	codeDir := defaultCodeDir
	if known(cfg.CodeDir) {
		codeDir = cfg.CodeDir.ValueString()
	}
	var layers iter.Seq2[string, error]
	named := known(cfg.LayerName)
	if named {
		layers = one(cfg.LayerName.ValueString())
	} else {
		all := failing(r.client.Layers(ctx, fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: listPageSize}), "Could not list the layers")
		layers = func(yield func(string, error) bool) {
			for l, err := range all {
				if !yield(stringOrEmpty(l.LayerName), err) || err != nil {
					return
				}
			}
		}
	}
	versions := within(layers, named, func(layer string) iter.Seq2[fc.Layer, error] {
		return failing(r.client.LayerVersions(ctx, layer, fc.LayerVersionListOptions{Limit: pageSize(req.Limit)}),
			fmt.Sprintf("Could not list the versions of layer %q", layer))
	})
	streamListed(ctx, req, stream, versions, "Error listing FC layer versions", "layer version", func(v child[string, fc.Layer]) listed {
		layer, version := v.parent, int64OrZero(v.item.Version)
		return listed{
			display: layerVersionID(layer, version),
			imported: map[string]attr.Value{
				"id":           stringValue(layerVersionID(layer, version)),
				"layer_name":   stringValue(layer),
				"version":      types.Int64Value(version),
				"skip_destroy": types.BoolValue(false),
			},
			state: stateFrom(func(ctx context.Context, prior layerVersionModel) (any, diag.Diagnostics) {
				m := layerVersionState(&v.item, &prior)
				var diags diag.Diagnostics
				m.Code, diags = codePlaceholder(ctx, prior.Code, path.Join(codeDir, "layers", layer, strconv.FormatInt(version, 10)+".zip"))
				return m, diags
			}),
		}
	})
}
