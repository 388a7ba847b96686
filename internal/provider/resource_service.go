package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                = (*serviceResource)(nil)
	_ resource.ResourceWithConfigure   = (*serviceResource)(nil)
	_ resource.ResourceWithImportState = (*serviceResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*serviceResource)(nil)
)

// NewServiceResource returns the fc_service resource.
func NewServiceResource() resource.Resource {
	return &serviceResource{}
}

type serviceResource struct {
	resourceBase
}

func (r *serviceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service"
}

func (r *serviceResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a Function Compute service: the group of functions that share a RAM role, " +
			"logging, network (Internet and VPC access) and file-system (NAS and OSS) mounts.\n\n" +
			"Arguments removed from the configuration are cleared on the service, except `internet_access`, " +
			"which keeps the service's current value.\n\n" +
			"Tags (`tags`, merged with the provider's `default_tags` into `tags_all`) are read on refresh only while " +
			"the service has or should have tags: tags added outside Terraform to a service without any are not seen.",
		Attributes: map[string]schema.Attribute{
			"created_time": schema.StringAttribute{
				MarkdownDescription: "Creation time of the service (UTC, e.g. `2020-04-03T05:57:28Z`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the service. `\"\"` is allowed; removing the argument clears the description.",
				Optional:            true,
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The service name.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"internet_access": schema.BoolAttribute{
				MarkdownDescription: "Whether the service's functions may reach the Internet. FC defaults it to `true`. " +
					"Removing the argument keeps the service's current value.",
				Optional:      true,
				Computed:      true,
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the service (UTC); changes on every update.",
				Computed:            true,
			},
			"log_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Ships the functions' logs to a Simple Log Service (SLS) Logstore. The service's `role` must be allowed to write to it. Removing the block disables logging.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"enable_instance_metrics": schema.BoolAttribute{
						MarkdownDescription: "Whether to collect instance-level metrics (CPU, memory, network, requests per instance). Defaults to `false`.",
						Optional:            true,
						Computed:            true,
						Default:             booldefault.StaticBool(false),
					},
					"enable_request_metrics": schema.BoolAttribute{
						MarkdownDescription: "Whether to collect request-level metrics (duration and memory of every invocation). Defaults to `false`.",
						Optional:            true,
						Computed:            true,
						Default:             booldefault.StaticBool(false),
					},
					"log_begin_rule": schema.StringAttribute{
						MarkdownDescription: "How log lines are grouped into log entries: " + validators.MarkdownEnum(validators.LogBeginRules) +
							". `DefaultRegex` starts a new entry at every line that begins with a date. Defaults to `None`, FC's default, " +
							"so removing the argument sets `None` again.",
						Optional:   true,
						Computed:   true,
						Default:    stringdefault.StaticString(validators.LogBeginRuleNone),
						Validators: []validator.String{stringvalidator.OneOf(validators.LogBeginRules...)},
					},
					"logstore": schema.StringAttribute{
						MarkdownDescription: "Name of the SLS Logstore.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"project": schema.StringAttribute{
						MarkdownDescription: "Name of the SLS project.",
						Required:            true,
						Validators:          nonEmpty,
					},
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the service: 1 to 128 letters, digits, `_` and `-`, starting with a letter or `_`. Changing it creates a new service.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"nas_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Mounts NAS file systems into the functions' instances. Needs `vpc_config`. Removing the block removes the mounts.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"group_id": schema.Int64Attribute{
						MarkdownDescription: "Group ID the functions access the file systems as (`-1` lets FC choose).",
						Required:            true,
					},
					"mount_points": schema.ListNestedAttribute{
						MarkdownDescription: "The NAS mounts (at least one).",
						Required:            true,
						Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"enable_tls": schema.BoolAttribute{
									MarkdownDescription: "Whether to mount over TLS. Defaults to `false`.",
									Optional:            true,
									Computed:            true,
									Default:             booldefault.StaticBool(false),
								},
								"mount_dir": schema.StringAttribute{
									MarkdownDescription: "Directory of the instance to mount on, e.g. `/mnt/nas`.",
									Required:            true,
									Validators:          nonEmpty,
								},
								"server_addr": schema.StringAttribute{
									MarkdownDescription: "NAS mount target and path, `<host>:<path>`, e.g. `xxx.cn-hangzhou.nas.aliyuncs.com:/data`.",
									Required:            true,
									Validators:          nonEmpty,
								},
							},
						},
					},
					"user_id": schema.Int64Attribute{
						MarkdownDescription: "User ID the functions access the file systems as (`-1` lets FC choose).",
						Required:            true,
					},
				},
			},
			"oss_mount_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Mounts OSS buckets into the functions' instances. Removing the block removes the mounts.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"mount_points": schema.ListNestedAttribute{
						MarkdownDescription: "The OSS mounts (at least one).",
						Required:            true,
						Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"bucket_name": schema.StringAttribute{
									MarkdownDescription: "Name of the bucket.",
									Required:            true,
									Validators:          nonEmpty,
								},
								"bucket_path": schema.StringAttribute{
									MarkdownDescription: "Path inside the bucket to mount, e.g. `/data`. When not set the whole bucket is mounted.",
									Optional:            true,
									Validators:          nonEmpty,
								},
								"endpoint": schema.StringAttribute{
									MarkdownDescription: "OSS endpoint, e.g. `http://oss-cn-hangzhou-internal.aliyuncs.com`.",
									Required:            true,
									Validators:          nonEmpty,
								},
								"mount_dir": schema.StringAttribute{
									MarkdownDescription: "Directory of the instance to mount on, e.g. `/mnt/oss`.",
									Required:            true,
									Validators:          nonEmpty,
								},
								"read_only": schema.BoolAttribute{
									MarkdownDescription: "Whether the mount is read-only. Defaults to `false`.",
									Optional:            true,
									Computed:            true,
									Default:             booldefault.StaticBool(false),
								},
							},
						},
					},
				},
			},
			"role": schema.StringAttribute{
				MarkdownDescription: "ARN of the RAM role FC assumes for the service (shipping logs, mounting NAS and OSS, " +
					"issuing credentials to functions), e.g. `acs:ram::1234567890123456:role/fc-service`. " +
					"`\"\"` is allowed; removing the argument clears the role.",
				Optional: true,
			},
			"service_id": schema.StringAttribute{
				MarkdownDescription: "Globally unique ID FC assigned to the service.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"tags":     tagsAttribute("service"),
			"tags_all": tagsAllAttribute("service"),
			"tracing_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Sends traces to Tracing Analysis. Removing the block disables tracing.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"params": schema.MapAttribute{
						MarkdownDescription: "Parameters of the tracing backend, e.g. `{ endpoint = \"...\" }` for `Jaeger`.",
						Optional:            true,
						ElementType:         types.StringType,
					},
					"type": schema.StringAttribute{
						MarkdownDescription: "Tracing backend, e.g. `Jaeger`.",
						Required:            true,
						Validators:          nonEmpty,
					},
				},
			},
			"vpc_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Lets the functions reach resources in a VPC. The service's `role` must be allowed to manage elastic network interfaces. Removing the block detaches the service from the VPC.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"role": schema.StringAttribute{
						MarkdownDescription: "ARN of a RAM role used for the VPC only, instead of the service's `role`.",
						Optional:            true,
						Validators:          nonEmpty,
					},
					"security_group_id": schema.StringAttribute{
						MarkdownDescription: "ID of the security group of the functions' network interfaces.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"vpc_id": schema.StringAttribute{
						MarkdownDescription: "ID of the VPC.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"vswitch_ids": schema.SetAttribute{
						MarkdownDescription: "IDs of the vSwitches the functions' network interfaces are placed in (at least one).",
						Required:            true,
						ElementType:         types.StringType,
						Validators: []validator.Set{
							setvalidator.SizeAtLeast(1),
							setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
						},
					},
				},
			},
		},
	}
}

func (r *serviceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan serviceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()

	in, diags := expandService(ctx, plan.serviceModel, false)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "Creating FC service", map[string]any{"service": name})
	out, etag, err := createByName(ctx, serviceCreate(r.client, name, in))
	if err != nil {
		reportCreateError(ctx, req.Plan, resp, "service", fmt.Sprintf("Could not create service %q", name), "", err)
		return
	}

	// The response is the created service: no read after create.
	svc, diags := flattenServiceResource(out, &plan.serviceModel)
	state := serviceResourceModel{serviceModel: svc, TagsAll: tagsMapValue(map[string]string{})}
	var tagDiags diag.Diagnostics
	if !diags.HasError() {
		r.applyTags(ctx, &state, plan.Tags, &tagDiags)
	}
	// Saved even when tagging failed: the service exists (it is tainted).
	saveWithETag(ctx, resp, &state, diags, etag)
	resp.Diagnostics.Append(tagDiags...)
}

func (r *serviceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state serviceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()

	out, etag, err := r.client.GetService(ctx, name, "")
	if removeIfNotFound(ctx, resp, err, "service", map[string]any{"service": name}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC service", "service", fmt.Sprintf("Could not read service %q", name), err)
		return
	}

	svc, diags := flattenServiceResource(out, &state.serviceModel)
	newState := serviceResourceModel{serviceModel: svc, TagsAll: state.TagsAll}
	if !diags.HasError() && readsTags(r.meta, state.Tags, state.TagsAll) {
		tags, err := r.client.GetResourceTags(ctx, serviceTagARN(r.meta, name))
		if removeIfNotFound(ctx, resp, err, "service", map[string]any{"service": name}) {
			return
		}
		if err != nil {
			addAPIError(&resp.Diagnostics, "Error reading FC service", "service", fmt.Sprintf("Could not read the tags of service %q", name), err)
			return
		}
		newState.Tags, newState.TagsAll = flattenTags(tags, defaultTags(r.meta), state.Tags)
	}
	saveWithETag(ctx, resp, &newState, diags, etag)
}

func (r *serviceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior serviceResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()

	in, diags := expandService(ctx, plan.serviceModel, true)
	resp.Diagnostics.Append(diags...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !serviceArgumentsChanged(ctx, plan.serviceModel, prior.serviceModel) {
		// Only the tags change: the service is left alone. The state takes
		// the plan's arguments (which FC receives as the state's) and the
		// computed values it has.
		state := serviceResourceModel{serviceModel: plan.serviceModel, TagsAll: prior.TagsAll}
		state.ID, state.ServiceID, state.CreatedTime, state.LastModifiedTime = prior.ID, prior.ServiceID, prior.CreatedTime, prior.LastModifiedTime
		if !known(state.InternetAccess) {
			state.InternetAccess = prior.InternetAccess
		}
		r.applyTags(ctx, &state, plan.Tags, &resp.Diagnostics)
		saveState(ctx, resp, &state, nil)
		return
	}

	tflog.Debug(ctx, "Updating FC service", map[string]any{"service": name, "if_match": etag})
	out, newETag, err := r.client.UpdateService(ctx, name, in, etag)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error updating FC service", "service", fmt.Sprintf("Could not update service %q", name), err)
		return
	}

	svc, diags := flattenServiceResource(out, &plan.serviceModel)
	state := serviceResourceModel{serviceModel: svc, TagsAll: prior.TagsAll}
	var tagDiags diag.Diagnostics
	if !diags.HasError() {
		r.applyTags(ctx, &state, plan.Tags, &tagDiags)
	}
	saveWithETag(ctx, resp, &state, diags, newETag)
	resp.Diagnostics.Append(tagDiags...)
}

func (r *serviceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state serviceResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()

	tflog.Debug(ctx, "Deleting FC service", map[string]any{"service": name, "if_match": etag})
	err := r.client.DeleteService(ctx, name, etag)
	if err != nil && !goneOnDelete(ctx, err, "service", map[string]any{"service": name}) {
		what := fmt.Sprintf("Could not delete service %q", name)
		if fc.IsConflict(err) {
			what += " (a service can only be deleted once its functions, versions and aliases are deleted)"
		}
		addAPIError(&resp.Diagnostics, "Error deleting FC service", "service", what, err)
	}
}

// ImportState imports a service by name: `terraform import fc_service.x NAME`.
func (r *serviceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importParts(ctx, req, resp, "service", "SERVICE_NAME", "name")
}

// ModifyPlan plans tags_all: the provider's default tags merged with tags.
func (r *serviceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	planTagsAll(ctx, r.meta, req, resp)
}

// applyTags gives the service in state the tags of the configuration
// (tags merged over the default tags), changing only what differs from
// state.TagsAll, and records them in state. On failure state keeps the
// tags it had, so that the next plan shows the difference again.
func (r *serviceResource) applyTags(ctx context.Context, state *serviceResourceModel, tags types.Map, diags *diag.Diagnostics) {
	name := state.Name.ValueString()
	want, _ := mergeTags(defaultTags(r.meta), tags)
	err := updateTags(ctx, r.client, serviceTagARN(r.meta, name), fmt.Sprintf("service %q", name), tagsOf(state.TagsAll), want)
	if err != nil {
		addAPIError(diags, "Error tagging FC service", "service", fmt.Sprintf("Could not tag service %q: %s", name, err), err)
		return
	}
	state.Tags, state.TagsAll = tags, tagsMapValue(want)
}

// serviceArgumentsChanged reports whether an update must send
// UpdateService: whether the service's arguments (everything but its
// tags) differ between plan and state as FC would receive them.
func serviceArgumentsChanged(ctx context.Context, plan, state serviceModel) bool {
	p, pd := expandService(ctx, plan, true)
	s, sd := expandService(ctx, state, true)
	if pd.HasError() || sd.HasError() {
		return true
	}
	return !sentMatches(p, s) || !sentMatches(s, p)
}

// serviceCreate is how Create sends a service and, when the answer is
// lost, recognizes it (createByName).
func serviceCreate(client *fc.Client, name string, in *fc.Service) namedCreate[*fc.Service] {
	return namedCreate[*fc.Service]{
		kind: "service", name: name,
		create:  func(ctx context.Context) (*fc.Service, string, error) { return client.CreateService(ctx, in) },
		find:    func(ctx context.Context) (*fc.Service, string, error) { return client.GetService(ctx, name, "") },
		matches: func(found *fc.Service) bool { return sentMatches(in, found) },
	}
}
