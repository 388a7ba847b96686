package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
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
	_ resource.Resource                = (*asyncInvokeConfigResource)(nil)
	_ resource.ResourceWithConfigure   = (*asyncInvokeConfigResource)(nil)
	_ resource.ResourceWithImportState = (*asyncInvokeConfigResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*asyncInvokeConfigResource)(nil)
)

// Limits of an async-invoke config (fc-api.md 8.7).
const (
	maxAsyncEventAgeInSeconds = 2592000
	maxAsyncRetryAttempts     = 8
)

// NewFunctionAsyncInvokeConfigResource returns the
// fc_function_async_invoke_config resource.
func NewFunctionAsyncInvokeConfigResource() resource.Resource {
	return &asyncInvokeConfigResource{}
}

type asyncInvokeConfigResource struct {
	resourceBase
}

func (r *asyncInvokeConfigResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_function_async_invoke_config"
}

func (r *asyncInvokeConfigResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages how Function Compute treats the asynchronous invocations of a function at a qualifier " +
			"(`LATEST`, a version or an alias): how long an event may wait, how often a failed invocation is retried, " +
			"where the results go, and whether invocations are stateful.\n\n" +
			"FC merges an update into the stored config and keeps what is not sent. So that removing an argument " +
			"really clears it, an update that removes a destination (or `max_async_event_age_in_seconds`) deletes " +
			"the config and puts it again in one apply; `max_async_retry_attempts` and `stateful_invocation` are " +
			"always sent, so removing them restores their defaults. Creating this resource replaces a config that " +
			"already exists at that qualifier.",
		Attributes: map[string]schema.Attribute{
			"created_time": schema.StringAttribute{
				MarkdownDescription: "Creation time of the config (UTC). An update that has to delete and put the config again renews it.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"destination_config": schema.SingleNestedAttribute{
				MarkdownDescription: "Where FC sends the result of each asynchronous invocation. Removing the argument, or one " +
					"destination, removes it on FC.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"on_failure": schema.StringAttribute{
						MarkdownDescription: "ARN of the destination of invocations that failed after the last retry or whose event expired. " +
							"The destination " + destinationARNDescription,
						Optional:   true,
						Validators: []validator.String{validators.DestinationARN()},
					},
					"on_success": schema.StringAttribute{
						MarkdownDescription: "ARN of the destination of successful invocations. The destination " + destinationARNDescription,
						Optional:            true,
						Validators:          []validator.String{validators.DestinationARN()},
					},
				},
			},
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function. Changing it replaces the config.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`SERVICE/FUNCTION/QUALIFIER`, e.g. `my-service/my-function/LATEST`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the config (UTC).",
				Computed:            true,
			},
			"max_async_event_age_in_seconds": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How long an event may wait to be processed, in seconds, `1` to `%d` (30 days). "+
					"When unset, FC's default applies and is shown here; removing the argument restores it.", maxAsyncEventAgeInSeconds),
				Optional:   true,
				Computed:   true,
				Validators: []validator.Int64{int64validator.Between(1, maxAsyncEventAgeInSeconds)},
			},
			"max_async_retry_attempts": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("How often FC retries a failed invocation, `0` to `%d`. Defaults to `%d`, FC's default.",
					maxAsyncRetryAttempts, defaultAsyncRetryAttempts),
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(defaultAsyncRetryAttempts),
				Validators: []validator.Int64{int64validator.Between(0, maxAsyncRetryAttempts)},
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "`LATEST` (the default), a version ID or an alias name the config applies to. Each " +
					"qualifier has its own config. Changing it replaces the config.",
				Optional:      true,
				Computed:      true,
				Default:       stringdefault.StaticString(validators.QualifierLatest),
				Validators:    []validator.String{validators.Qualifier()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service. Changing it replaces the config.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"stateful_invocation": schema.BoolAttribute{
				MarkdownDescription: "Whether asynchronous invocations are stateful (asynchronous tasks, whose state FC keeps). Defaults to `false`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(defaultAsyncStatefulInvocation),
			},
		},
	}
}

// destinationARNDescription completes the destination descriptions.
var destinationARNDescription = "is an MNS queue (`" + validators.DestinationMNSQueue + "`) or topic, another function (`" +
	validators.DestinationFunction + "`), or an EventBridge (`acs:eventbridge:...`) or ApsaraMQ for RocketMQ (`acs:mq:...`) resource."

func (r *asyncInvokeConfigResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, cfg asyncInvokeConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, qualifier := plan.ServiceName.ValueString(), plan.FunctionName.ValueString(), plan.Qualifier.ValueString()
	fields := map[string]any{"service": service, "function": function, "qualifier": qualifier}
	in, diags := expandAsyncInvokeConfig(ctx, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// FC would merge into a config that exists already and keep what this
	// one does not set: start from none.
	_, err := r.client.GetFunctionAsyncInvokeConfig(ctx, service, qualifier, function)
	switch {
	case err == nil:
		tflog.Warn(ctx, "An FC async invoke config exists at this qualifier already; replacing it", fields)
		if err := r.client.DeleteFunctionAsyncInvokeConfig(ctx, service, qualifier, function); err != nil && !fc.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, "Error creating FC async invoke config", "async invoke config",
				fmt.Sprintf("Could not delete the async invoke config that exists at %q of function %q of service %q, to replace it", qualifier, function, service), err)
			return
		}
	case !fc.IsNotFound(err):
		addAPIError(&resp.Diagnostics, "Error creating FC async invoke config", "async invoke config",
			fmt.Sprintf("Could not read the async invoke config at %q of function %q of service %q", qualifier, function, service), err)
		return
	}
	out, ok := r.put(ctx, in, plan, "Error creating FC async invoke config", &resp.Diagnostics)
	if !ok {
		return
	}
	saveState(ctx, resp, &out, nil)
	resp.Diagnostics.Append(saveAsyncConfigured(ctx, resp.Private, asyncConfigured{EventAge: known(cfg.MaxAsyncEventAgeInSeconds)})...)
}

func (r *asyncInvokeConfigResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state asyncInvokeConfigModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, qualifier := state.ServiceName.ValueString(), state.FunctionName.ValueString(), state.Qualifier.ValueString()
	out, err := r.client.GetFunctionAsyncInvokeConfig(ctx, service, qualifier, function)
	if removeIfNotFound(ctx, resp, err, "async invoke config", map[string]any{"service": service, "function": function, "qualifier": qualifier}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC async invoke config", "async invoke config",
			fmt.Sprintf("Could not read the async invoke config at %q of function %q of service %q", qualifier, function, service), err)
		return
	}
	newState, diags := flattenAsyncInvokeConfig(ctx, out, state)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	saveState(ctx, resp, &newState, nil)
	// After an import nothing says whether the event age was configured:
	// take a value FC reports as configured (a removal then resets once).
	if _, found, d := loadAsyncConfigured(ctx, req.Private); !found && !d.HasError() {
		resp.Diagnostics.Append(saveAsyncConfigured(ctx, resp.Private, asyncConfigured{EventAge: known(newState.MaxAsyncEventAgeInSeconds)})...)
	}
}

func (r *asyncInvokeConfigResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, prior, cfg asyncInvokeConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	configured, _, diags := loadAsyncConfigured(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, qualifier := plan.ServiceName.ValueString(), plan.FunctionName.ValueString(), plan.Qualifier.ValueString()
	reset, diags := asyncConfigNeedsReset(ctx, prior, plan, eventAgeRemoved(configured, cfg, prior))
	resp.Diagnostics.Append(diags...)
	in, diags := expandAsyncInvokeConfig(ctx, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if reset {
		// FC's put merges and cannot clear: delete, then put what is planned.
		tflog.Info(ctx, "Deleting and putting the FC async invoke config again, to clear what the configuration removed",
			map[string]any{"service": service, "function": function, "qualifier": qualifier})
		if err := r.client.DeleteFunctionAsyncInvokeConfig(ctx, service, qualifier, function); err != nil && !fc.IsNotFound(err) {
			addAPIError(&resp.Diagnostics, "Error updating FC async invoke config", "async invoke config",
				fmt.Sprintf("Could not delete the async invoke config at %q of function %q of service %q, which clears the removed arguments", qualifier, function, service), err)
			return
		}
	}
	out, ok := r.put(ctx, in, plan, "Error updating FC async invoke config", &resp.Diagnostics)
	if !ok {
		return
	}
	saveState(ctx, resp, &out, nil)
	resp.Diagnostics.Append(saveAsyncConfigured(ctx, resp.Private, asyncConfigured{EventAge: known(cfg.MaxAsyncEventAgeInSeconds)})...)
}

func (r *asyncInvokeConfigResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state asyncInvokeConfigModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, qualifier := state.ServiceName.ValueString(), state.FunctionName.ValueString(), state.Qualifier.ValueString()
	fields := map[string]any{"service": service, "function": function, "qualifier": qualifier}
	tflog.Debug(ctx, "Deleting FC async invoke config", fields)
	err := r.client.DeleteFunctionAsyncInvokeConfig(ctx, service, qualifier, function)
	if err == nil || goneOnDelete(ctx, err, "async invoke config", fields) {
		return
	}
	addAPIError(&resp.Diagnostics, "Error deleting FC async invoke config", "async invoke config",
		fmt.Sprintf("Could not delete the async invoke config at %q of function %q of service %q", qualifier, function, service), err)
}

// ImportState imports a config: `terraform import
// fc_function_async_invoke_config.x SERVICE/FUNCTION` (LATEST) or
// `SERVICE/FUNCTION/QUALIFIER`.
func (r *asyncInvokeConfigResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	const formats = "SERVICE/FUNCTION or SERVICE/FUNCTION/QUALIFIER"
	id, ok := importID(ctx, req, resp, "SERVICE/FUNCTION/QUALIFIER", "service_name", "function_name", "qualifier")
	if !ok {
		return
	}
	format := "SERVICE/FUNCTION/QUALIFIER"
	if strings.Count(id, "/") == 1 {
		format = "SERVICE/FUNCTION"
	}
	parts, err := parseImportID(id, format)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Could not import an FC async invoke config: expected %s, got %q.", formats, id))
		return
	}
	qualifier := validators.QualifierLatest
	if len(parts) == 3 {
		qualifier = parts[2]
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), asyncInvokeConfigID(parts[0], parts[1], qualifier))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("service_name"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("function_name"), parts[1])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("qualifier"), qualifier)...)
}

// ModifyPlan plans what FC's merge cannot do by itself: an event age the
// user removed goes back to FC's default (unknown until the apply), an
// event age the user never set keeps FC's value, and an update that
// deletes and puts the config again renews created_time.
func (r *asyncInvokeConfigResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var plan, prior, cfg asyncInvokeConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	configured, _, diags := loadAsyncConfigured(ctx, req.Private)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	removed := eventAgeRemoved(configured, cfg, prior)
	if cfg.MaxAsyncEventAgeInSeconds.IsNull() {
		age := prior.MaxAsyncEventAgeInSeconds
		if removed {
			age = types.Int64Unknown()
		}
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("max_async_event_age_in_seconds"), age)...)
	}
	reset, diags := asyncConfigNeedsReset(ctx, prior, plan, removed)
	resp.Diagnostics.Append(diags...)
	if reset {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("created_time"), types.StringUnknown())...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("last_modified_time"), types.StringUnknown())...)
	}
}

// eventAgeRemoved reports whether the user configured an event age at the
// last apply, FC holds one, and the configuration no longer sets it.
func eventAgeRemoved(configured asyncConfigured, cfg, prior asyncInvokeConfigModel) bool {
	return configured.EventAge && cfg.MaxAsyncEventAgeInSeconds.IsNull() && known(prior.MaxAsyncEventAgeInSeconds)
}

// put sends in and maps FC's answer onto the planned state.
func (r *asyncInvokeConfigResource) put(ctx context.Context, in *fc.AsyncInvokeConfig, plan asyncInvokeConfigModel, summary string, diags *diag.Diagnostics) (asyncInvokeConfigModel, bool) {
	service, function, qualifier := plan.ServiceName.ValueString(), plan.FunctionName.ValueString(), plan.Qualifier.ValueString()
	tflog.Debug(ctx, "Putting FC async invoke config", map[string]any{"service": service, "function": function, "qualifier": qualifier})
	// A create-or-update PUT keyed by service, function and qualifier: it
	// needs no createByName, and the transport resends it when its answer
	// is lost (fc.Client.PutFunctionAsyncInvokeConfig).
	out, err := r.client.PutFunctionAsyncInvokeConfig(ctx, service, qualifier, function, in)
	if err != nil {
		what := fmt.Sprintf("Could not put the async invoke config at %q of function %q of service %q", qualifier, function, service)
		if fc.IsNotFound(err) {
			what += " (the service, the function, or the version or alias of the qualifier does not exist)"
		}
		addAPIError(diags, summary, "async invoke config", what, err)
		return asyncInvokeConfigModel{}, false
	}
	state, d := flattenAsyncInvokeConfig(ctx, out, plan)
	diags.Append(d...)
	return state, !d.HasError()
}
