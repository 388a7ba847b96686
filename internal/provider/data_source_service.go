package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
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
	attrs["name"] = schema.StringAttribute{
		MarkdownDescription: "Name of the service to read. It is an error if the service does not exist.",
		Required:            true,
		Validators:          []validator.String{validators.Name("service name", 128)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a Function Compute service by name.",
		Attributes:          attrs,
	}
}

func (d *serviceDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg serviceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := cfg.Name.ValueString()

	out, _, err := d.client.GetService(ctx, name, "")
	if err != nil {
		what := fmt.Sprintf("Could not read service %q", name)
		if fc.IsNotFound(err) {
			what = fmt.Sprintf("Service %q does not exist in this account and region. Check the name and the provider's region and account", name)
		}
		addAPIError(&resp.Diagnostics, "Error reading FC service", "service", what, err)
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
		"created_time": schema.StringAttribute{
			MarkdownDescription: "Creation time of the service (UTC).",
			Computed:            true,
		},
		"description": schema.StringAttribute{
			MarkdownDescription: "Description of the service; null when empty.",
			Computed:            true,
		},
		"id": schema.StringAttribute{
			MarkdownDescription: "The service name.",
			Computed:            true,
		},
		"internet_access": schema.BoolAttribute{
			MarkdownDescription: "Whether the service's functions may reach the Internet.",
			Computed:            true,
		},
		"last_modified_time": schema.StringAttribute{
			MarkdownDescription: "Time of the last change of the service (UTC).",
			Computed:            true,
		},
		"log_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Where the functions' logs go; null when logging is off.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"enable_instance_metrics": schema.BoolAttribute{
					MarkdownDescription: "Whether instance-level metrics are collected.",
					Computed:            true,
				},
				"enable_request_metrics": schema.BoolAttribute{
					MarkdownDescription: "Whether request-level metrics are collected.",
					Computed:            true,
				},
				"log_begin_rule": schema.StringAttribute{
					MarkdownDescription: "How log lines are grouped into entries: " + validators.MarkdownEnum(validators.LogBeginRules) + "; null when FC's default applies.",
					Computed:            true,
				},
				"logstore": schema.StringAttribute{
					MarkdownDescription: "Name of the SLS Logstore.",
					Computed:            true,
				},
				"project": schema.StringAttribute{
					MarkdownDescription: "Name of the SLS project.",
					Computed:            true,
				},
			},
		},
		"name": schema.StringAttribute{
			MarkdownDescription: "Name of the service.",
			Computed:            true,
		},
		"nas_config": schema.SingleNestedAttribute{
			MarkdownDescription: "NAS mounts; null when there are none.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"group_id": schema.Int64Attribute{
					MarkdownDescription: "Group ID the functions access the file systems as.",
					Computed:            true,
				},
				"mount_points": schema.ListNestedAttribute{
					MarkdownDescription: "The NAS mounts.",
					Computed:            true,
					NestedObject: schema.NestedAttributeObject{
						Attributes: map[string]schema.Attribute{
							"enable_tls": schema.BoolAttribute{
								MarkdownDescription: "Whether the mount uses TLS.",
								Computed:            true,
							},
							"mount_dir": schema.StringAttribute{
								MarkdownDescription: "Directory of the instance the file system is mounted on.",
								Computed:            true,
							},
							"server_addr": schema.StringAttribute{
								MarkdownDescription: "NAS mount target and path, `<host>:<path>`.",
								Computed:            true,
							},
						},
					},
				},
				"user_id": schema.Int64Attribute{
					MarkdownDescription: "User ID the functions access the file systems as.",
					Computed:            true,
				},
			},
		},
		"oss_mount_config": schema.SingleNestedAttribute{
			MarkdownDescription: "OSS mounts; null when there are none.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"mount_points": schema.ListNestedAttribute{
					MarkdownDescription: "The OSS mounts.",
					Computed:            true,
					NestedObject: schema.NestedAttributeObject{
						Attributes: map[string]schema.Attribute{
							"bucket_name": schema.StringAttribute{
								MarkdownDescription: "Name of the bucket.",
								Computed:            true,
							},
							"bucket_path": schema.StringAttribute{
								MarkdownDescription: "Path inside the bucket; null when the whole bucket is mounted.",
								Computed:            true,
							},
							"endpoint": schema.StringAttribute{
								MarkdownDescription: "OSS endpoint.",
								Computed:            true,
							},
							"mount_dir": schema.StringAttribute{
								MarkdownDescription: "Directory of the instance the bucket is mounted on.",
								Computed:            true,
							},
							"read_only": schema.BoolAttribute{
								MarkdownDescription: "Whether the mount is read-only.",
								Computed:            true,
							},
						},
					},
				},
			},
		},
		"role": schema.StringAttribute{
			MarkdownDescription: "ARN of the service's RAM role; null when none.",
			Computed:            true,
		},
		"service_id": schema.StringAttribute{
			MarkdownDescription: "Globally unique ID FC assigned to the service.",
			Computed:            true,
		},
		"tags": dataSourceTagsAttribute("service"),
		"tracing_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Tracing Analysis configuration; null when tracing is off.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"params": schema.MapAttribute{
					MarkdownDescription: "Parameters of the tracing backend.",
					Computed:            true,
					ElementType:         types.StringType,
				},
				"type": schema.StringAttribute{
					MarkdownDescription: "Tracing backend, e.g. `Jaeger`.",
					Computed:            true,
				},
			},
		},
		"vpc_config": schema.SingleNestedAttribute{
			MarkdownDescription: "VPC access; null when the service is not attached to a VPC.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"role": schema.StringAttribute{
					MarkdownDescription: "ARN of the RAM role used for the VPC; null when the service's role is used.",
					Computed:            true,
				},
				"security_group_id": schema.StringAttribute{
					MarkdownDescription: "ID of the security group.",
					Computed:            true,
				},
				"vpc_id": schema.StringAttribute{
					MarkdownDescription: "ID of the VPC.",
					Computed:            true,
				},
				"vswitch_ids": schema.SetAttribute{
					MarkdownDescription: "IDs of the vSwitches.",
					Computed:            true,
					ElementType:         types.StringType,
				},
			},
		},
	}
}
