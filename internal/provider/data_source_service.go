package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*serviceDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*serviceDataSource)(nil)
)

// NewServiceDataSource returns the fc_service data source.
func NewServiceDataSource() datasource.DataSource {
	return &serviceDataSource{}
}

type serviceDataSource struct {
	dataSourceBase
}

func (d *serviceDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service"
}

func (d *serviceDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := serviceDataSourceAttributes()
	attrs["name"] = requiredServiceName("Name of the service to read. It is an error if the service does not exist.")
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a Function Compute service by name.",
		Attributes:          attrs,
	}
}

func (d *serviceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[serviceModel](ctx, req, resp)
	if !ok {
		return
	}
	name := cfg.Name.ValueString()

	out, _, err := d.client.GetService(ctx, name, "")
	if err != nil {
		addLookupError(&resp.Diagnostics, "Error reading FC service", "service", fmt.Sprintf("Could not read service %q", name), serviceMissing(name), err)
		return
	}

	state, diags := flattenService(out, nil)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.Tags, err = readServiceTags(ctx, d.client, d.meta, name); err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC service", "service", fmt.Sprintf("Could not read the tags of service %q", name), err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// serviceDataSourceAttributes are the attributes of a service in the data
// sources, all computed: the fc_service data source adds a required name,
// and fc_services uses them for the elements of services. They match
// serviceModel.
func serviceDataSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"created_time":       computedString("Creation time of the service (UTC)."),
		"description":        computedString("Description of the service; null when empty."),
		"id":                 computedString("The service name."),
		"internet_access":    computedBool("Whether the service's functions may reach the Internet."),
		"last_modified_time": computedString("Time of the last change of the service (UTC)."),
		"log_config": computedObject("Where the functions' logs go; null when logging is off.", map[string]schema.Attribute{
			"enable_instance_metrics": computedBool("Whether instance-level metrics are collected."),
			"enable_request_metrics":  computedBool("Whether request-level metrics are collected."),
			"log_begin_rule":          computedString("How log lines are grouped into entries: " + validators.MarkdownEnum(validators.LogBeginRules) + "; null when FC's default applies."),
			"logstore":                computedString("Name of the SLS Logstore."),
			"project":                 computedString("Name of the SLS project."),
		}),
		"name": computedString("Name of the service."),
		"nas_config": computedObject("NAS mounts; null when there are none.", map[string]schema.Attribute{
			"group_id": computedInt64("Group ID the functions access the file systems as."),
			"mount_points": computedObjectList("The NAS mounts.", map[string]schema.Attribute{
				"enable_tls":  computedBool("Whether the mount uses TLS."),
				"mount_dir":   computedString("Directory of the instance the file system is mounted on."),
				"server_addr": computedString("NAS mount target and path, `<host>:<path>`."),
			}),
			"user_id": computedInt64("User ID the functions access the file systems as."),
		}),
		"oss_mount_config": computedObject("OSS mounts; null when there are none.", map[string]schema.Attribute{
			"mount_points": computedObjectList("The OSS mounts.", map[string]schema.Attribute{
				"bucket_name": computedString("Name of the bucket."),
				"bucket_path": computedString("Path inside the bucket; null when the whole bucket is mounted."),
				"endpoint":    computedString("OSS endpoint."),
				"mount_dir":   computedString("Directory of the instance the bucket is mounted on."),
				"read_only":   computedBool("Whether the mount is read-only."),
			}),
		}),
		"role":       computedString("ARN of the service's RAM role; null when none."),
		"service_id": computedString("Globally unique ID FC assigned to the service."),
		"tags":       dataSourceTagsAttribute("service"),
		"tracing_config": computedObject("Tracing Analysis configuration; null when tracing is off.", map[string]schema.Attribute{
			"params": computedMap("Parameters of the tracing backend.", types.StringType),
			"type":   computedString("Tracing backend, e.g. `Jaeger`."),
		}),
		"vpc_config": computedObject("VPC access; null when the service is not attached to a VPC.", map[string]schema.Attribute{
			"role":              computedString("ARN of the RAM role used for the VPC; null when the service's role is used."),
			"security_group_id": computedString("ID of the security group."),
			"vpc_id":            computedString("ID of the VPC."),
			"vswitch_ids":       computedStringSet("IDs of the vSwitches."),
		}),
	}
}
