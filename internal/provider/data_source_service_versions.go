package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*serviceVersionsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*serviceVersionsDataSource)(nil)
)

// NewServiceVersionsDataSource returns the fc_service_versions data source.
func NewServiceVersionsDataSource() datasource.DataSource {
	return &serviceVersionsDataSource{}
}

type serviceVersionsDataSource struct {
	dataSourceBase
}

type serviceVersionsDataSourceModel struct {
	LatestVersionID types.String `tfsdk:"latest_version_id"`
	ServiceName     types.String `tfsdk:"service_name"`
	Versions        types.List   `tfsdk:"versions"`
}

func (d *serviceVersionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_versions"
}

func (d *serviceVersionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the published versions of a Function Compute service, newest first.",
		Attributes: map[string]schema.Attribute{
			"latest_version_id": schema.StringAttribute{
				MarkdownDescription: "ID of the newest version; null when the service has no version.",
				Computed:            true,
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service. It is an error if the service does not exist.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
			"versions": schema.ListNestedAttribute{
				MarkdownDescription: "The versions, newest (highest version ID) first; empty when there is none.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"created_time": schema.StringAttribute{
							MarkdownDescription: "Time the version was published (UTC).",
							Computed:            true,
						},
						"description": schema.StringAttribute{
							MarkdownDescription: "Description of the version; null when empty.",
							Computed:            true,
						},
						"last_modified_time": schema.StringAttribute{
							MarkdownDescription: "Time of the last change of the version (UTC).",
							Computed:            true,
						},
						"version_id": schema.StringAttribute{
							MarkdownDescription: "The version's ID, e.g. `3`.",
							Computed:            true,
						},
					},
				},
			},
		},
	}
}

func (d *serviceVersionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg serviceVersionsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service := cfg.ServiceName.ValueString()

	list, err := d.client.ListServiceVersions(ctx, service, fc.VersionListOptions{Direction: "BACKWARD", Limit: 100})
	if err != nil {
		what := fmt.Sprintf("Could not list the versions of service %q", service)
		if fc.IsNotFound(err) {
			what = fmt.Sprintf("Service %q does not exist in this account and region. Check the name and the provider's region and account", service)
		}
		addAPIError(&resp.Diagnostics, "Error listing FC service versions", "service version", what, err)
		return
	}
	tflog.Debug(ctx, "Listed FC service versions", map[string]any{"service": service, "count": len(list)})
	// BACKWARD is newest first; sorting again keeps the order whatever the
	// pages look like.
	sortVersionsNewestFirst(list)

	elemType := types.ObjectType{AttrTypes: versionItemAttrTypes}
	versions := make([]attr.Value, 0, len(list))
	for i := range list {
		obj, diags := types.ObjectValueFrom(ctx, versionItemAttrTypes, flattenVersionItem(&list[i]))
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			return
		}
		versions = append(versions, obj)
	}
	versionList, diags := types.ListValue(elemType, versions)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg.Versions = versionList
	cfg.LatestVersionID = types.StringNull()
	if len(list) > 0 {
		cfg.LatestVersionID = types.StringPointerValue(list[0].VersionID)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
