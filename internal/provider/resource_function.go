package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                   = (*functionResource)(nil)
	_ resource.ResourceWithConfigure      = (*functionResource)(nil)
	_ resource.ResourceWithImportState    = (*functionResource)(nil)
	_ resource.ResourceWithValidateConfig = (*functionResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*functionResource)(nil)
)

// NewFunctionResource returns the fc_function resource.
func NewFunctionResource() resource.Resource {
	return &functionResource{}
}

// functionResource manages an FC function.
type functionResource struct {
	resourceBase
}

// keepsServiceValue ends the description of every argument FC fills in
// when it is not set.
const keepsServiceValue = " When not set, FC chooses the value; removing the argument from the configuration later keeps the function's current value."

func (r *functionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function"
}

func (r *functionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a function of a Function Compute 2.0 service.\n\n" +
			"The code package is tracked by its checksum: `code_checksum` is computed at plan time from the local " +
			"source (`filename`, `source_dir` or `zip_file`) and compared with the checksum FC reports, so a change of " +
			"the files at the same path, or code changed outside Terraform, shows up as an update. The package is " +
			"uploaded only when that checksum changes; updates of the configuration alone send no code. Code bytes are " +
			"never stored in the state. The local source is read again at apply time: if its files changed after the " +
			"plan, Terraform stops before changing the function, reporting that the provider produced an inconsistent " +
			"final plan for `code_checksum`; run `terraform plan` again.\n\n" +
			"Updates and deletes are conditional on the ETag of the last read: if the function was changed outside " +
			"Terraform since the last refresh, the apply fails instead of overwriting that change.",
		Attributes: map[string]schema.Attribute{
			"ca_port": schema.Int64Attribute{
				MarkdownDescription: "Port the HTTP server of a custom runtime or custom container listens on, 1 to 65535." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 65535)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"code": schema.SingleNestedAttribute{
				MarkdownDescription: "The code package, from exactly one source: `filename`, `source_dir`, `zip_file`, or " +
					"`oss_bucket_name` with `oss_object_name`. Required unless `runtime` is `custom-container` and " +
					"`custom_container_config` is set. The state keeps these arguments only, never the package.",
				Optional:   true,
				Attributes: codeSourceAttributes(),
			},
			"code_checksum": schema.StringAttribute{
				MarkdownDescription: "CRC-64 (ECMA) checksum of the code package as a decimal string, as FC reports it. " +
					"Planned from the local source; unknown in the plan when an OSS source changes.",
				Computed: true,
			},
			"code_size": schema.Int64Attribute{
				MarkdownDescription: "Size of the code package in bytes.",
				Computed:            true,
			},
			"cpu": schema.Float64Attribute{
				MarkdownDescription: "vCPUs of an instance, a positive multiple of 0.05." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Float64{validators.Float64Step(0.05), float64validator.AtLeast(0.05)},
				PlanModifiers:       []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "When the function was created.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"custom_container_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Image and start command of a `custom-container` function. Removing it clears it.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"acceleration_type": schema.StringAttribute{
						MarkdownDescription: "Image acceleration: " + validators.MarkdownEnum(validators.AccelerationTypes) + ". FC's default is `None`.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.OneOf(validators.AccelerationTypes...)},
					},
					"args": schema.ListAttribute{
						MarkdownDescription: "Arguments of the start command, e.g. `[\"-port\", \"9000\"]`. The provider sends them as the JSON-array string FC expects.",
						Optional:            true,
						ElementType:         types.StringType,
					},
					"command": schema.ListAttribute{
						MarkdownDescription: "Start command, e.g. `[\"/code/server\"]`. The provider sends it as the JSON-array string FC expects.",
						Optional:            true,
						ElementType:         types.StringType,
					},
					"image": schema.StringAttribute{
						MarkdownDescription: "Image address, e.g. `registry-vpc.cn-hangzhou.aliyuncs.com/ns/app:v1`.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"instance_id": schema.StringAttribute{
						MarkdownDescription: "ID of the Container Registry Enterprise Edition instance holding the image.",
						Optional:            true,
					},
					"web_server_mode": schema.BoolAttribute{
						MarkdownDescription: "Whether the image runs a web server.",
						Optional:            true,
					},
				},
			},
			"custom_dns": schema.SingleNestedAttribute{
				MarkdownDescription: "DNS resolver configuration of the function's instances. Removing it clears it.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"dns_options": schema.ListNestedAttribute{
						MarkdownDescription: "Resolver options (`resolv.conf` `options`).",
						Optional:            true,
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"name": schema.StringAttribute{
									MarkdownDescription: "Option name, e.g. `ndots`.",
									Required:            true,
									Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
								},
								"value": schema.StringAttribute{
									MarkdownDescription: "Option value, e.g. `2`.",
									Optional:            true,
								},
							},
						},
					},
					"name_servers": schema.ListAttribute{
						MarkdownDescription: "Name server IP addresses.",
						Optional:            true,
						ElementType:         types.StringType,
					},
					"searches": schema.ListAttribute{
						MarkdownDescription: "DNS search domains.",
						Optional:            true,
						ElementType:         types.StringType,
					},
				},
			},
			"custom_health_check_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Health check of a custom runtime or custom container; only with `runtime` " +
					validators.MarkdownEnum(validators.CustomRuntimes) + ". Removing it clears it.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"failure_threshold": schema.Int64Attribute{
						MarkdownDescription: "Consecutive failures after which the instance counts as unhealthy.",
						Optional:            true,
					},
					"http_get_url": schema.StringAttribute{
						MarkdownDescription: "Path of the HTTP GET health check, e.g. `/ready`.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"initial_delay_seconds": schema.Int64Attribute{
						MarkdownDescription: "Delay before the first check, in seconds.",
						Optional:            true,
					},
					"period_seconds": schema.Int64Attribute{
						MarkdownDescription: "Interval between checks, in seconds.",
						Optional:            true,
					},
					"success_threshold": schema.Int64Attribute{
						MarkdownDescription: "Consecutive successes after which the instance counts as healthy.",
						Optional:            true,
					},
					"timeout_seconds": schema.Int64Attribute{
						MarkdownDescription: "Timeout of one check, in seconds.",
						Optional:            true,
					},
				},
			},
			"custom_runtime_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Start command of a custom runtime. Removing it clears it.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"args": schema.ListAttribute{
						MarkdownDescription: "Arguments of the start command.",
						Optional:            true,
						ElementType:         types.StringType,
					},
					"command": schema.ListAttribute{
						MarkdownDescription: "Start command, e.g. `[\"/code/bootstrap\"]`.",
						Optional:            true,
						ElementType:         types.StringType,
					},
				},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the function. Removing it clears it.",
				Optional:            true,
			},
			"disk_size": schema.Int64Attribute{
				MarkdownDescription: "Disk size of an instance in MB: " + validators.MarkdownEnum(validators.DiskSizes) + "." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.OneOf(validators.DiskSizes...)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"environment_variables": schema.MapAttribute{
				MarkdownDescription: "Environment variables of the function. Removing them clears them.",
				Optional:            true,
				ElementType:         types.StringType,
			},
			"function_id": schema.StringAttribute{
				MarkdownDescription: "Globally unique ID FC gives the function.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"gpu_memory_size": schema.Int64Attribute{
				MarkdownDescription: "GPU memory of a GPU instance in MB, a multiple of 1024." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{validators.Int64MultipleOf(1024), int64validator.AtLeast(0)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"handler": schema.StringAttribute{
				MarkdownDescription: "Entry point, e.g. `index.handler`; its format depends on the runtime.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`SERVICE/FUNCTION`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"initialization_timeout": schema.Int64Attribute{
				MarkdownDescription: "Timeout of the initializer in seconds, 1 to 300." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 300)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"initializer": schema.StringAttribute{
				MarkdownDescription: "Entry point of the initializer, e.g. `index.initializer`. Removing it clears it.",
				Optional:            true,
			},
			"instance_concurrency": schema.Int64Attribute{
				MarkdownDescription: "Maximum concurrent requests of one instance, at least 1." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"instance_lifecycle_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Instance lifecycle hooks. Removing it clears it.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"pre_freeze": lifecycleHookAttribute("Hook run before an instance is frozen."),
					"pre_stop":   lifecycleHookAttribute("Hook run before an instance is stopped."),
				},
			},
			"instance_soft_concurrency": schema.Int64Attribute{
				MarkdownDescription: "Concurrency of an instance above which FC starts scaling out, at least 1 and at most " +
					"`instance_concurrency`; useful for instances that start slowly." + keepsServiceValue,
				Optional: true,
				Computed: true,
				Validators: []validator.Int64{
					int64validator.AtLeast(1),
					validators.Int64LessOrEqualAttribute(path.MatchRoot("instance_concurrency")),
				},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"instance_type": schema.StringAttribute{
				MarkdownDescription: "Instance type: " + validators.MarkdownEnum(validators.InstanceTypes) +
					" (`g1` is `fc.gpu.tesla.1`). FC's default is `e1`." + keepsServiceValue,
				Optional:      true,
				Computed:      true,
				Validators:    []validator.String{stringvalidator.OneOf(validators.InstanceTypes...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "When the function was last changed.",
				Computed:            true,
			},
			"layers": schema.ListAttribute{
				MarkdownDescription: "Layers, in order: a file in an earlier layer overrides the same file in a later one. Each is a " +
					"layer version's ARN, e.g. an `fc_layer_version`'s `arn` (`<hex>#<layer>#<version>`) or `arn_v2` " +
					"(`acs:fc:<region>:<account>:layers/<layer>/versions/<version>`), or an official layer's " +
					"`acs:fc:<region>:official:layers/...`; FC refuses a version that does not exist. Removing them clears them.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
			},
			"layers_arn_v2": schema.ListAttribute{
				MarkdownDescription: "ARNs of the layers, as FC reports them.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"memory_size": schema.Int64Attribute{
				MarkdownDescription: "Memory of an instance in MB, a positive multiple of 64; the limits depend on the instance type." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{validators.Int64MultipleOf(64), int64validator.AtLeast(64)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the function. Changing it replaces the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"runtime": schema.StringAttribute{
				MarkdownDescription: "Runtime: " + validators.MarkdownEnum(validators.Runtimes) + ".",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(validators.Runtimes...)},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service the function belongs to. Changing it replaces the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"timeout": schema.Int64Attribute{
				MarkdownDescription: "Timeout of an invocation in seconds, 1 to 86400. FC's default is 3." + keepsServiceValue,
				Optional:            true,
				Computed:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 86400)},
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
		},
	}
}

func lifecycleHookAttribute(description string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"handler": schema.StringAttribute{
				MarkdownDescription: "Entry point of the hook, e.g. `index.preStop`.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"timeout": schema.Int64Attribute{
				MarkdownDescription: "Timeout of the hook in seconds.",
				Optional:            true,
			},
		},
	}
}

func (r *functionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan functionResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := plan.ServiceName.ValueString(), plan.Name.ValueString()

	in, diags := expandFunctionCreate(ctx, &plan)
	resp.Diagnostics.Append(diags...)
	var checksum string
	if !plan.Code.IsNull() {
		pkg := loadPlannedCode(ctx, &plan, &resp.Diagnostics)
		if pkg != nil {
			in.Code, checksum = pkg.code, pkg.checksum
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	// The answer is the created function: no GetFunction afterwards.
	f, etag, err := createByName(ctx, functionCreate(r.client, service, name, in, checksum))
	if err != nil {
		reportCreateError(ctx, req.Plan, resp, "function", fmt.Sprintf("Could not create function %q in service %q", name, service),
			"the service does not exist", err)
		return
	}
	state, diags := functionStateFromAPI(ctx, f, &plan)
	saveWithETag(ctx, resp, state, diags, etag)
}

func (r *functionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state functionResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := state.ServiceName.ValueString(), state.Name.ValueString()

	f, etag, err := r.client.GetFunction(ctx, service, "", name)
	if removeIfNotFound(ctx, resp, err, "function", map[string]any{"service": service, "function": name}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC function", "function",
			fmt.Sprintf("Could not read function %q of service %q", name, service), err)
		return
	}
	newState, diags := functionStateFromAPI(ctx, f, &state)
	saveWithETag(ctx, resp, newState, diags, etag)
}

func (r *functionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state functionResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := plan.ServiceName.ValueString(), plan.Name.ValueString()

	call, diags := functionUpdateRequest(ctx, &plan, &state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	if !call.send {
		// Only the code source arguments changed and the package is the
		// one FC has (e.g. the first apply after an import): nothing to
		// send. The state takes the new arguments; the rest is unchanged.
		tflog.Debug(ctx, "FC function: only the code source arguments changed, the package is unchanged; no API call", map[string]any{
			"service_name": service,
			"name":         name,
		})
		state.Code = plan.Code
		// The plan's cpu may be the configured decimal where the state
		// holds the float64 FC reported (see sameValue): keep the plan's.
		if !plan.CPU.IsUnknown() {
			state.CPU = plan.CPU
		}
		saveState(ctx, resp, state, nil)
		return
	}

	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	f, newETag, err := r.client.UpdateFunction(ctx, service, name, call.body, call.checksum, etag)
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error updating FC function", "function",
			fmt.Sprintf("Could not update function %q of service %q", name, service), err)
		return
	}
	newState, diags := functionStateFromAPI(ctx, f, &plan)
	saveWithETag(ctx, resp, newState, diags, newETag)
}

func (r *functionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state functionResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := state.ServiceName.ValueString(), state.Name.ValueString()
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	err := r.client.DeleteFunction(ctx, service, name, etag)
	if err != nil && !goneOnDelete(ctx, err, "function", map[string]any{"service": service, "function": name}) {
		addAPIError(&resp.Diagnostics, "Error deleting FC function", "function",
			fmt.Sprintf("Could not delete function %q of service %q", name, service), err)
	}
}

// ImportState takes SERVICE/FUNCTION. The code argument cannot be read
// back, so it stays null until the next apply: that apply shows code as
// added, and uploads nothing when the configured package has the checksum
// FC reports.
func (r *functionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importParts(ctx, req, resp, "function", "SERVICE/FUNCTION", "service_name", "name")
}

func (r *functionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg functionResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateFunctionCode(ctx, &cfg)...)

	if known(cfg.CustomHealthCheckConfig) && known(cfg.Runtime) && !slices.Contains(validators.CustomRuntimes, cfg.Runtime.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("custom_health_check_config"), "Health check needs a custom runtime",
			fmt.Sprintf("custom_health_check_config is only supported with the runtimes %s, not %q. Remove it or change the runtime.",
				strings.Join(validators.CustomRuntimes, ", "), cfg.Runtime.ValueString()))
	}
}

// ModifyPlan plans the computed values that depend on the code package and
// on whether an API call will happen:
//   - code_checksum: the checksum of the configured local package (read
//     now), the state's for an unchanged OSS source, else unknown;
//   - code_size: the state's while the checksum does not change;
//   - last_modified_time: the state's when nothing will be sent;
//   - layers_arn_v2: the state's while layers do not change.
func (r *functionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	if functionPlanUnchanged(ctx, req, &resp.Diagnostics) {
		return
	}
	var plan functionResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *functionResourceModel
	if !req.State.Raw.IsNull() {
		state = &functionResourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	plan.CodeChecksum = plannedCodeChecksum(ctx, &plan, state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if state != nil {
		if plan.Code.IsNull() || (known(plan.CodeChecksum) && plan.CodeChecksum.Equal(state.CodeChecksum)) {
			plan.CodeSize = state.CodeSize
		} else {
			plan.CodeSize = types.Int64Unknown()
		}
		_, changed, _ := expandFunctionUpdate(ctx, &plan, state)
		if changed || codeUploadNeeded(&plan, state) || !plan.ServiceName.Equal(state.ServiceName) || !plan.Name.Equal(state.Name) {
			plan.LastModifiedTime = types.StringUnknown()
		} else {
			plan.LastModifiedTime = state.LastModifiedTime
		}
		if plan.Layers.Equal(state.Layers) {
			plan.LayersARNV2 = state.LayersARNV2
		} else {
			plan.LayersARNV2 = types.ListUnknown(types.StringType)
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// functionPlanUnchanged reports a plan that is the prior state unchanged
// (the no-change plan of every function in a refresh) whose code package
// still has the checksum of the state: then nothing ModifyPlan owns can
// change (code_size, last_modified_time and layers_arn_v2 follow the
// state), and it returns without reading or writing the whole plan.
func functionPlanUnchanged(ctx context.Context, req resource.ModifyPlanRequest, diags *diag.Diagnostics) bool {
	if req.State.Raw.IsNull() || !req.Plan.Raw.Equal(req.State.Raw) {
		return false
	}
	var code types.Object
	var checksum types.String
	d := req.Plan.GetAttribute(ctx, path.Root("code"), &code)
	d.Append(req.State.GetAttribute(ctx, path.Root("code_checksum"), &checksum)...)
	if d.HasError() || code.IsNull() {
		// No code in the configuration: the checksum is the state's.
		return !d.HasError()
	}
	var planDiags diag.Diagnostics
	planned := plannedChecksum(ctx, code, &priorCode{code: code, checksum: checksum}, "function", &planDiags)
	if planDiags.HasError() {
		diags.Append(planDiags...)
		return true
	}
	return planned.Equal(checksum)
}

// validateFunctionCode checks the code argument of a configuration: exactly
// one source, OSS names in pairs, and code present unless the function is a
// custom container.
func validateFunctionCode(ctx context.Context, cfg *functionResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if cfg.Code.IsUnknown() {
		return diags
	}
	if cfg.Code.IsNull() {
		container := cfg.Runtime.ValueString() == validators.RuntimeCustomContainer && !cfg.CustomContainerConfig.IsNull()
		if known(cfg.Runtime) && !container {
			diags.AddAttributeError(path.Root("code"), "Missing code",
				"code is required: set it with one source (filename, source_dir, zip_file, or oss_bucket_name with oss_object_name). "+
					"Only a function with runtime \"custom-container\" and custom_container_config may leave code out.")
		}
		return diags
	}
	diags.Append(validateCodeSources(ctx, cfg.Code)...)
	return diags
}

// functionUpdateCall is the UpdateFunction call an apply makes.
type functionUpdateCall struct {
	// body holds the changed arguments, and Code only when the package
	// must be uploaded (codeUploadNeeded).
	body *fc.Function
	// checksum is sent as X-Fc-Code-Checksum when the body has local code.
	checksum string
	// send is false when FC has nothing to change.
	send bool
}

// functionUpdateRequest builds the UpdateFunction call from plan and prior
// state. A configuration-only change sends no code.
func functionUpdateRequest(ctx context.Context, plan, state *functionResourceModel) (functionUpdateCall, diag.Diagnostics) {
	in, changed, diags := expandFunctionUpdate(ctx, plan, state)
	call := functionUpdateCall{body: in, send: changed}
	if codeUploadNeeded(plan, state) {
		pkg := loadPlannedCode(ctx, plan, &diags)
		if pkg != nil {
			in.Code, call.checksum = pkg.code, pkg.checksum
		}
		call.send = true
	}
	return call, diags
}

// plannedCodeChecksum is the code_checksum to plan; see ModifyPlan and
// plannedChecksum.
func plannedCodeChecksum(ctx context.Context, plan, state *functionResourceModel, diags *diag.Diagnostics) types.String {
	var prior *priorCode
	if state != nil {
		prior = &priorCode{code: state.Code, checksum: state.CodeChecksum}
	}
	return plannedChecksum(ctx, plan.Code, prior, "function", diags)
}

// loadPlannedCode reads the code package at apply time and checks that it
// is still the package the plan was made with.
func loadPlannedCode(ctx context.Context, plan *functionResourceModel, diags *diag.Diagnostics) *codePackage {
	return loadCodeForApply(ctx, plan.Code, plan.CodeChecksum, "function", diags)
}

// functionStateFromAPI is the state after a create, read or update: the
// function FC returned, with the arguments FC does not return (code,
// service_name) taken from prior (plan or state).
func functionStateFromAPI(ctx context.Context, f *fc.Function, prior *functionResourceModel) (*functionResourceModel, diag.Diagnostics) {
	attrs, diags := flattenFunctionAttributes(ctx, f, prior.functionAttributesModel)
	return &functionResourceModel{
		Code:                    prior.Code,
		ID:                      types.StringValue(prior.ServiceName.ValueString() + "/" + attrs.Name.ValueString()),
		ServiceName:             prior.ServiceName,
		functionAttributesModel: attrs,
	}, diags
}

// functionCreate is how Create sends a function and, when the answer is
// lost, recognizes it (createByName): the configuration sent, and the code
// by its checksum (FC does not return the code).
func functionCreate(client *fc.Client, service, name string, in *fc.Function, checksum string) namedCreate[*fc.Function] {
	return namedCreate[*fc.Function]{
		kind: "function", name: service + "/" + name,
		create: func(ctx context.Context) (*fc.Function, string, error) {
			return client.CreateFunction(ctx, service, in, checksum)
		},
		find: func(ctx context.Context) (*fc.Function, string, error) {
			return client.GetFunction(ctx, service, "", name)
		},
		matches: func(found *fc.Function) bool {
			return sentMatches(in, found, "code") &&
				(checksum == "" || (found.CodeChecksum != nil && *found.CodeChecksum == checksum))
		},
	}
}
