package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
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
	LatestVersionID types.String       `tfsdk:"latest_version_id"`
	ServiceName     types.String       `tfsdk:"service_name"`
	Versions        []versionItemModel `tfsdk:"versions"`
}

func (d *serviceVersionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_versions"
}

func (d *serviceVersionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the published versions of a Function Compute service, newest first.",
		Attributes: map[string]schema.Attribute{
			"latest_version_id": computedString("ID of the newest version; null when the service has no version."),
			"service_name":      requiredServiceName("Name of the service. It is an error if the service does not exist."),
			"versions": computedObjectList("The versions, newest (highest version ID) first; empty when there is none.", map[string]schema.Attribute{
				"created_time":       computedString("Time the version was published (UTC)."),
				"description":        computedString("Description of the version; null when empty."),
				"last_modified_time": computedString("Time of the last change of the version (UTC)."),
				"version_id":         computedString("The version's ID, e.g. `3`."),
			}),
		},
	}
}

func (d *serviceVersionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[serviceVersionsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	service := cfg.ServiceName.ValueString()

	list, err := d.client.ListServiceVersions(ctx, service, fc.VersionListOptions{Direction: "BACKWARD", Limit: 100})
	if err != nil {
		addLookupError(&resp.Diagnostics, "Error listing FC service versions", "service version",
			fmt.Sprintf("Could not list the versions of service %q", service), serviceMissing(service), err)
		return
	}
	tflog.Debug(ctx, "Listed FC service versions", map[string]any{"service": service, "count": len(list)})
	// BACKWARD is newest first; sorting again keeps the order whatever the
	// pages look like.
	sortVersionsNewestFirst(list)

	cfg.Versions = mapEach(list, flattenVersionItem)
	cfg.LatestVersionID = types.StringNull()
	if len(list) > 0 {
		cfg.LatestVersionID = types.StringPointerValue(list[0].VersionID)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
