package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*aliasDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*aliasDataSource)(nil)
)

// NewAliasDataSource returns the fc_alias data source.
func NewAliasDataSource() datasource.DataSource {
	return &aliasDataSource{}
}

type aliasDataSource struct {
	dataSourceBase
}

func (d *aliasDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_alias"
}

func (d *aliasDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads an alias of a Function Compute service: the version it points at and its canary weights.",
		Attributes: map[string]schema.Attribute{
			"additional_version_weight": computedMap("Canary weights: version ID to the share of the alias's traffic it receives; null when there are none.", types.Float64Type),
			"created_time":              computedString("Creation time of the alias (UTC)."),
			"description":               computedString("Description of the alias; null when empty."),
			"id":                        computedString("`SERVICE/ALIAS`."),
			"last_modified_time":        computedString("Time of the last change of the alias (UTC)."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the alias to read. It is an error if the alias does not exist.",
				Required:            true,
				Validators:          []validator.String{validators.Name("alias name", 128), validators.NotOneOf("LATEST")},
			},
			"service_name": requiredServiceName("Name of the service the alias belongs to."),
			"version_id":   computedString("ID of the version the alias points at."),
		},
	}
}

func (d *aliasDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[aliasModel](ctx, req, resp)
	if !ok {
		return
	}
	service, name := cfg.ServiceName.ValueString(), cfg.Name.ValueString()

	out, _, err := d.client.GetAlias(ctx, service, name)
	if err != nil {
		addLookupError(&resp.Diagnostics, "Error reading FC alias", "alias", fmt.Sprintf("Could not read alias %q of service %q", name, service),
			fmt.Sprintf("Alias %q of service %q does not exist (or the service does not) in this account and region. "+
				"Check the names and the provider's region and account", name, service), err)
		return
	}

	// Only the names are taken from the configuration: an empty
	// description and empty weights are null.
	state, diags := flattenAlias(out, aliasModel{
		ServiceName:             cfg.ServiceName,
		Name:                    cfg.Name,
		Description:             types.StringNull(),
		AdditionalVersionWeight: types.MapNull(types.Float64Type),
	})
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
