package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                   = (*provisionConfigResource)(nil)
	_ resource.ResourceWithConfigure      = (*provisionConfigResource)(nil)
	_ resource.ResourceWithImportState    = (*provisionConfigResource)(nil)
	_ resource.ResourceWithValidateConfig = (*provisionConfigResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*provisionConfigResource)(nil)
)

// defaultProvisionTimeout bounds the wait for the instances of a create,
// update or delete when the timeouts block does not say otherwise.
const defaultProvisionTimeout = 10 * time.Minute

// MetricTypeProvisionedConcurrencyUtilization is the target-tracking metric
// the reference documents (3.7); FC may accept others.
const MetricTypeProvisionedConcurrencyUtilization = "ProvisionedConcurrencyUtilization"

// NewProvisionConfigResource returns the fc_provision_config resource.
func NewProvisionConfigResource() resource.Resource {
	return &provisionConfigResource{}
}

type provisionConfigResource struct {
	resourceBase
}

func (r *provisionConfigResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_provision_config"
}

func (r *provisionConfigResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages the provisioned instances of a Function Compute function at an alias or `LATEST`: " +
			"instances FC keeps warm so that invocations do not wait for a cold start, optionally scaled on a schedule " +
			"(`scheduled_actions`) or by a metric (`target_tracking_policies`).\n\n" +
			"Each function has one provision config per qualifier, keyed by service, qualifier and function: configs on " +
			"two aliases of one function are independent.\n\n" +
			"Create and update wait until FC reports `current` equal to `target` (at most the `timeouts`, 10 minutes by " +
			"default), logging the progress; when FC stops short and reports why (its `currentError`), the apply fails " +
			"with that reason. Scheduled actions and target-tracking policies move the instances later, on their own " +
			"schedule.\n\n" +
			"FC has no operation that deletes a provision config: destroying this resource sets the target to 0, " +
			"removes the scheduled actions and policies, and waits until the instances are gone.",
		Attributes: map[string]schema.Attribute{
			"always_allocate_cpu": schema.BoolAttribute{
				MarkdownDescription: "Whether FC keeps CPU allocated to provisioned instances while they are idle (so that " +
					"background work runs between invocations). Defaults to `true`, FC's default.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"current": schema.Int64Attribute{
				MarkdownDescription: "Number of provisioned instances FC has now. After an apply it equals `target`; " +
					"scheduled actions and target-tracking policies change it later, which a refresh reports.",
				Computed: true,
			},
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function. Changing it replaces the provision config.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`SERVICE/QUALIFIER/FUNCTION`, e.g. `my-service/prod/my-function`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "Alias (e.g. `prod`) or `LATEST` the instances serve. Never a version number: FC binds " +
					"provisioned instances to aliases, so point an alias at the version. Changing it replaces the provision config.",
				Required:      true,
				Validators:    []validator.String{validators.AliasOrLatest()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"scheduled_actions": schema.ListNestedAttribute{
				MarkdownDescription: "Scheduled scaling: each action sets the number of instances to its `target` on its " +
					"schedule, within its optional time window. Removing the argument removes the actions.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"end_time": schema.StringAttribute{
						MarkdownDescription: "End of the time window the action is valid in (UTC, `YYYY-MM-DDThh:mm:ssZ`, e.g. " +
							"`2024-12-31T00:00:00Z`); after `start_time` when both are set.",
						Optional:   true,
						Validators: []validator.String{validators.UTCTimestamp()},
					},
					"name": schema.StringAttribute{
						MarkdownDescription: "Name of the action, unique among the actions.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"schedule_expression": schema.StringAttribute{
						MarkdownDescription: "When the action runs: " + validators.ScheduleExpressionRule + ".",
						Required:            true,
						Validators:          []validator.String{validators.ScheduleExpression()},
					},
					"start_time": schema.StringAttribute{
						MarkdownDescription: "Start of the time window the action is valid in (UTC, `YYYY-MM-DDThh:mm:ssZ`).",
						Optional:            true,
						Validators:          []validator.String{validators.UTCTimestamp()},
					},
					"target": schema.Int64Attribute{
						MarkdownDescription: "Number of instances the action sets, `0` or more.",
						Required:            true,
						Validators:          []validator.Int64{int64validator.AtLeast(0)},
					},
				}},
				Validators: []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service. Changing it replaces the provision config.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"target": schema.Int64Attribute{
				MarkdownDescription: "Number of provisioned instances, `0` or more. `0` keeps the config (and its schedules " +
					"and policies) without instances.",
				Required:   true,
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"target_tracking_policies": schema.ListNestedAttribute{
				MarkdownDescription: "Metric-tracking scaling, evaluated every minute: above `metric_target` FC adds instances, " +
					"below it removes them, always within [`min_capacity`, `max_capacity`]. Removing the argument removes the policies.",
				Optional: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"end_time": schema.StringAttribute{
						MarkdownDescription: "End of the time window the policy is valid in (UTC, `YYYY-MM-DDThh:mm:ssZ`); after `start_time` when both are set.",
						Optional:            true,
						Validators:          []validator.String{validators.UTCTimestamp()},
					},
					"max_capacity": schema.Int64Attribute{
						MarkdownDescription: "Most instances the policy keeps, `0` or more and at least `min_capacity`.",
						Required:            true,
						Validators:          []validator.Int64{int64validator.AtLeast(0)},
					},
					"metric_target": schema.Float64Attribute{
						MarkdownDescription: "Value of the metric the policy keeps the instances at, more than `0`, e.g. `0.6` " +
							"(60% utilization).",
						Required:   true,
						Validators: []validator.Float64{validators.Float64GreaterThan(0)},
					},
					"metric_type": schema.StringAttribute{
						MarkdownDescription: "Metric the policy tracks, e.g. `" + MetricTypeProvisionedConcurrencyUtilization + "` " +
							"(the share of the provisioned instances' concurrency in use), the metric FC documents.",
						Required:   true,
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"min_capacity": schema.Int64Attribute{
						MarkdownDescription: "Fewest instances the policy keeps, `0` or more and at most `max_capacity`.",
						Required:            true,
						Validators: []validator.Int64{
							int64validator.AtLeast(0),
							validators.Int64LessOrEqualAttribute(path.MatchRelative().AtParent().AtName("max_capacity")),
						},
					},
					"name": schema.StringAttribute{
						MarkdownDescription: "Name of the policy, unique among the policies.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"start_time": schema.StringAttribute{
						MarkdownDescription: "Start of the time window the policy is valid in (UTC, `YYYY-MM-DDThh:mm:ssZ`).",
						Optional:            true,
						Validators:          []validator.String{validators.UTCTimestamp()},
					},
				}},
				Validators: []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"timeouts": provisionTimeoutsAttribute(ctx),
		},
	}
}

// provisionTimeoutsAttribute is the timeouts nested attribute with the
// descriptions the docs need.
func provisionTimeoutsAttribute(ctx context.Context) schema.Attribute {
	a := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, Update: true, Delete: true,
		CreateDescription: "How long a create waits for `current` to reach `target`, e.g. `\"15m\"` (default `10m`).",
		UpdateDescription: "How long an update waits for `current` to reach `target` (default `10m`).",
		DeleteDescription: "How long a destroy waits for the instances to be released (default `10m`).",
	}).(schema.SingleNestedAttribute)
	a.MarkdownDescription = "How long to wait for the provisioned instances (Go durations such as `\"30s\"` or `\"15m\"`)."
	for name, inner := range a.Attributes {
		s := inner.(schema.StringAttribute)
		s.MarkdownDescription = s.Description
		a.Attributes[name] = s
	}
	return a
}

func (r *provisionConfigResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan provisionConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultProvisionTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	state, diags := r.put(ctx, plan, timeout, "creating")
	if state != nil {
		saveState(ctx, resp, state, nil)
	}
	resp.Diagnostics.Append(diags...)
}

func (r *provisionConfigResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state provisionConfigModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, qualifier, function := state.ServiceName.ValueString(), state.Qualifier.ValueString(), state.FunctionName.ValueString()
	out, err := r.client.GetProvisionConfig(ctx, service, qualifier, function)
	if removeIfNotFound(ctx, resp, err, "provision config", map[string]any{"service": service, "qualifier": qualifier, "function": function}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC provision config", "provision config",
			fmt.Sprintf("Could not read the provision config of function %q of service %q at %q", function, service, qualifier), err)
		return
	}
	newState, diags := flattenProvisionConfig(ctx, out, state)
	saveState(ctx, resp, &newState, diags)
}

func (r *provisionConfigResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan provisionConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultProvisionTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	state, diags := r.put(ctx, plan, timeout, "updating")
	if state != nil {
		saveState(ctx, resp, state, nil)
	}
	resp.Diagnostics.Append(diags...)
}

// Delete releases the instances: FC has no delete operation, so the config
// is put with target 0 and without schedules or policies, and Delete waits
// until no instance is left.
func (r *provisionConfigResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state provisionConfigModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultProvisionTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, qualifier, function := state.ServiceName.ValueString(), state.Qualifier.ValueString(), state.FunctionName.ValueString()
	fields := map[string]any{"service": service, "qualifier": qualifier, "function": function}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	tflog.Debug(ctx, "Releasing FC provisioned instances (target 0)", fields)
	_, err := r.client.PutProvisionConfig(ctx, service, qualifier, function, releaseProvisionConfig())
	if goneOnDelete(ctx, err, "provision config", fields) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error deleting FC provision config", "provision config",
			fmt.Sprintf("Could not set the target of the provision config of function %q of service %q at %q to 0", function, service, qualifier), err)
		return
	}
	if _, err := waitForProvision(ctx, r.client, service, qualifier, function, 0, timeout); err != nil {
		if fc.IsNotFound(err) {
			return
		}
		resp.Diagnostics.AddError("Error deleting FC provision config", provisionWaitDetail(
			fmt.Sprintf("The target of function %q of service %q at %q is 0, but the instances were not released", function, service, qualifier), err))
	}
}

// ImportState imports a provision config:
// `terraform import fc_provision_config.x SERVICE/QUALIFIER/FUNCTION`.
func (r *provisionConfigResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importParts(ctx, req, resp, "provision config", "SERVICE/QUALIFIER/FUNCTION", "service_name", "qualifier", "function_name")
}

// ValidateConfig checks what one attribute's validators cannot: names
// unique within each list, and start_time before end_time.
func (r *provisionConfigResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var actions, policies types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("scheduled_actions"), &actions)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("target_tracking_policies"), &policies)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for _, list := range []struct {
		attr  string
		value types.List
	}{{"scheduled_actions", actions}, {"target_tracking_policies", policies}} {
		if !known(list.value) {
			continue
		}
		seen := map[string]int{}
		for i, elem := range list.value.Elements() {
			obj, ok := elem.(types.Object)
			if !ok || !known(obj) {
				continue
			}
			attrs := obj.Attributes()
			at := path.Root(list.attr).AtListIndex(i)
			if name := asString(attrs["name"]); known(name) {
				if j, dup := seen[name.ValueString()]; dup {
					resp.Diagnostics.AddAttributeError(at.AtName("name"), "Duplicate name",
						fmt.Sprintf("%s[%d] and %s[%d] are both named %q: each of %s needs its own name.", list.attr, j, list.attr, i, name.ValueString(), list.attr))
				} else {
					seen[name.ValueString()] = i
				}
			}
			start, end := asString(attrs["start_time"]), asString(attrs["end_time"])
			if !known(start) || !known(end) {
				continue
			}
			st, err1 := validators.ParseUTCTimestamp(start.ValueString())
			et, err2 := validators.ParseUTCTimestamp(end.ValueString())
			if err1 == nil && err2 == nil && !st.Before(et) {
				resp.Diagnostics.AddAttributeError(at.AtName("end_time"), "Invalid time window",
					fmt.Sprintf("%s[%d]: end_time %s is not after start_time %s.", list.attr, i, end.ValueString(), start.ValueString()))
			}
		}
	}
}

// ModifyPlan plans current: an apply that changes the target (or creates
// the config) ends when current equals it, so the plan says so; otherwise
// current keeps its state value (what FC reported at the refresh).
func (r *provisionConfigResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan provisionConfigModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var stateCurrent, stateTarget types.Int64
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("current"), &stateCurrent)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("target"), &stateTarget)...)
	}
	current := stateCurrent
	switch {
	case !known(plan.Target):
		current = types.Int64Unknown()
	case req.State.Raw.IsNull() || !plan.Target.Equal(stateTarget) || !known(stateCurrent):
		current = plan.Target
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("current"), current)...)
}

// put sends the planned config, waits until current reaches the target and
// returns the state FC reports. A wait that fails still returns the state
// (the config exists on FC) with the error: Terraform keeps it, tainted,
// and the next apply replaces it.
func (r *provisionConfigResource) put(ctx context.Context, plan provisionConfigModel, timeout time.Duration, verb string) (*provisionConfigModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	service, qualifier, function := plan.ServiceName.ValueString(), plan.Qualifier.ValueString(), plan.FunctionName.ValueString()
	in, d := expandProvisionConfig(ctx, plan)
	diags.Append(d...)
	if diags.HasError() {
		return nil, diags
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	summary := "Error " + verb + " FC provision config"
	tflog.Debug(ctx, "Putting FC provision config", map[string]any{"service": service, "qualifier": qualifier, "function": function, "target": deref64(in.Target)})
	// A create-or-update PUT keyed by service, qualifier and function: it
	// needs no createByName, and the transport resends it when its answer
	// is lost (fc.Client.PutProvisionConfig).
	if _, err := r.client.PutProvisionConfig(ctx, service, qualifier, function, in); err != nil {
		what := fmt.Sprintf("Could not set the provision config of function %q of service %q at %q", function, service, qualifier)
		if fc.IsNotFound(err) {
			what += " (the service, the function or the alias does not exist)"
		}
		addAPIError(&diags, summary, "provision config", what, err)
		return nil, diags
	}
	out, err := waitForProvision(ctx, r.client, service, qualifier, function, deref64(in.Target), timeout)
	var state *provisionConfigModel
	if out != nil {
		s, d := flattenProvisionConfig(ctx, out, plan)
		diags.Append(d...)
		state = &s
	}
	if err != nil {
		diags.AddError(summary, provisionWaitDetail(
			fmt.Sprintf("FC accepted the target of %d instances for function %q of service %q at %q, but they did not all come up",
				deref64(in.Target), function, service, qualifier), err))
	}
	return state, diags
}

// ---------------------------------------------------------------------------
// Waiting for provisioned instances.

// pollPolicy is how a waiter polls: first after first, then each interval
// doubled, at most max.
type pollPolicy struct {
	first, max time.Duration
}

// provisionPoll paces the provisioned-instance waiter; a variable so the
// tests, whose emulator converges in milliseconds, can poll at that pace.
var provisionPoll = pollPolicy{first: 2 * time.Second, max: 15 * time.Second}

// provisionStallPolls is how many polls in a row FC may report a reason for
// a shortfall without progress before the wait gives up with that reason.
const provisionStallPolls = 3

// errProvisionStalled is a wait that ended because FC stopped short and
// said why.
var errProvisionStalled = errors.New("FC stopped short of the target")

// provisionShortfall is a wait that ended short of the target.
type provisionShortfall struct {
	current, target int64
	reason          string
	cause           error
}

func (e *provisionShortfall) Error() string {
	msg := fmt.Sprintf("%d of %d instances after the wait", e.current, e.target)
	if e.reason != "" {
		msg += "; FC reports: " + e.reason
	} else {
		msg += "; FC reports no reason"
	}
	return msg + " (" + e.cause.Error() + ")"
}

func (e *provisionShortfall) Unwrap() error { return e.cause }

// waitForProvision polls GetProvisionConfig until current equals target. It
// gives up when ctx ends (the timeout) or when FC reports a reason for a
// shortfall (currentError) and current has not moved for
// provisionStallPolls polls. It returns the last config read, if any.
func waitForProvision(ctx context.Context, client *fc.Client, service, qualifier, function string, target int64, timeout time.Duration) (*fc.ProvisionConfig, error) {
	fields := map[string]any{"service": service, "qualifier": qualifier, "function": function, "target": target}
	interval := provisionPoll.first
	var last *fc.ProvisionConfig
	lastCurrent, stalled := int64(-1), 0
	for {
		out, err := client.GetProvisionConfig(ctx, service, qualifier, function)
		if err != nil {
			if ctx.Err() != nil && last != nil {
				return last, shortfallOf(last, target, fmt.Errorf("timed out after %s: %w", timeout, ctx.Err()))
			}
			return last, err
		}
		last = out
		current, reason := out.Current.Int64(), deref(out.CurrentError)
		if current == target {
			tflog.Info(ctx, "FC provisioned instances reached the target", fields)
			return out, nil
		}
		if current != lastCurrent {
			tflog.Info(ctx, "Waiting for FC provisioned instances", mergeFields(fields, map[string]any{"current": current, "current_error": reason}))
			stalled = 0
		} else if reason != "" {
			stalled++
			tflog.Warn(ctx, "FC provisioned instances are not moving and FC reports a reason", mergeFields(fields, map[string]any{"current": current, "current_error": reason, "polls": stalled}))
			if stalled >= provisionStallPolls {
				return out, shortfallOf(out, target, errProvisionStalled)
			}
		}
		lastCurrent = current
		select {
		case <-ctx.Done():
			return out, shortfallOf(out, target, fmt.Errorf("timed out after %s: %w", timeout, ctx.Err()))
		case <-time.After(interval):
		}
		interval = min(2*interval, provisionPoll.max)
	}
}

func shortfallOf(out *fc.ProvisionConfig, target int64, cause error) error {
	return &provisionShortfall{current: out.Current.Int64(), target: target, reason: deref(out.CurrentError), cause: cause}
}

// provisionWaitDetail is the detail of a failed wait: what happened, FC's
// reason, and what to do.
func provisionWaitDetail(what string, err error) string {
	var short *provisionShortfall
	if !errors.As(err, &short) {
		return apiErrorDetail("provision config", what, err)
	}
	detail := fmt.Sprintf("%s: FC has %d of %d instances.", what, short.current, short.target)
	if short.reason != "" {
		detail += fmt.Sprintf("\n\nFC's reason for the shortfall: %s", short.reason)
	}
	if errors.Is(err, errProvisionStalled) {
		detail += "\n\nThe instances stopped coming, so Terraform stopped waiting. Fix the cause (quota, capacity of the zone, " +
			"the function's configuration), or lower the target, and apply again."
	} else {
		detail += fmt.Sprintf("\n\nThe wait %s. Raise the timeout in the timeouts block, or apply again to keep waiting.", short.cause)
	}
	return detail
}

func mergeFields(a, b map[string]any) map[string]any {
	out := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}
