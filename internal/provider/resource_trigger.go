package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                   = (*triggerResource)(nil)
	_ resource.ResourceWithConfigure      = (*triggerResource)(nil)
	_ resource.ResourceWithImportState    = (*triggerResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*triggerResource)(nil)
	_ resource.ResourceWithValidateConfig = (*triggerResource)(nil)
)

// NewTriggerResource returns the fc_trigger resource.
func NewTriggerResource() resource.Resource {
	return &triggerResource{}
}

type triggerResource struct {
	resourceBase
}

func (r *triggerResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trigger"
}

func (r *triggerResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a trigger of a Function Compute 2.0 function: the event source (a timer, HTTP " +
			"requests, OSS, Simple Log Service, MNS, CDN, Tablestore, EventBridge, MQ or RDS) that invokes it.\n\n" +
			"The configuration is set with the one attribute that matches `type`: `timer_config`, `http_config`, " +
			"`oss_config`, `log_config`, `mns_topic_config`, `cdn_events_config` or `tablestore_config`, and " +
			"`config_json` for `eventbridge`, `mq` and `rds`. It is checked at plan time.\n\n" +
			"Updates and deletes are conditional on the ETag of the last read: if the trigger was changed outside " +
			"Terraform since the last refresh, the apply fails instead of overwriting that change.",
		Attributes: map[string]schema.Attribute{
			"created_time": schema.StringAttribute{
				MarkdownDescription: "Creation time of the trigger.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the trigger. `\"\"` is allowed; removing the argument clears the description.",
				Optional:            true,
			},
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function the trigger invokes. Changing it replaces the trigger.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`SERVICE/FUNCTION/TRIGGER`, the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"invocation_role": schema.StringAttribute{
				MarkdownDescription: "ARN of the RAM role the event source assumes to invoke the function, e.g. " +
					"`acs:ram::1234567890123456:role/aliyunosseventnotificationrole`. Required for " +
					validators.MarkdownEnum(triggerTypesWithSource) + " triggers. Removing the argument clears the role.",
				Optional:   true,
				Validators: nonEmptyString(),
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the trigger; changes on every update.",
				Computed:            true,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the trigger: 1 to 128 letters, digits, `_` and `-`, starting with a letter or `_`. Changing it replaces the trigger.",
				Required:            true,
				Validators:          []validator.String{validators.Name("trigger name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "Version or alias of the service the trigger invokes, e.g. `1` or `prod` (a version " +
					"ID without leading zeros). When not set (or removed) the trigger invokes the latest code (`LATEST`).",
				Optional:   true,
				Validators: []validator.String{validators.Qualifier()},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service of the function. Changing it replaces the trigger.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"source_arn": schema.StringAttribute{
				MarkdownDescription: "ARN of the event source, e.g. `acs:oss:cn-hangzhou:1234567890123456:my-bucket` or " +
					"`acs:log:cn-hangzhou:1234567890123456:project/my-project`. Required for " +
					validators.MarkdownEnum(triggerTypesWithSource) + " triggers. Changing it replaces the trigger.",
				Optional:      true,
				Validators:    nonEmptyString(),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"trigger_id": schema.StringAttribute{
				MarkdownDescription: "Globally unique ID FC assigned to the trigger.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Type of the trigger: " + validators.MarkdownEnum(validators.TriggerTypes) + ". Changing it replaces the trigger.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(validators.TriggerTypes...)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"url_internet": schema.StringAttribute{
				MarkdownDescription: "Internet URL of an `http` trigger; null for other types.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"url_intranet": schema.StringAttribute{
				MarkdownDescription: "VPC URL of an `http` trigger; null for other types.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
		},
	}
	// The configuration attributes, one per kind.
	for _, k := range triggerKinds {
		resp.Schema.Attributes[k.attribute()] = k.schema()
	}
}

func (r *triggerResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan triggerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, name := plan.ServiceName.ValueString(), plan.FunctionName.ValueString(), plan.Name.ValueString()

	in, diags := expandTriggerCreate(ctx, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "Creating FC trigger", map[string]any{"service": service, "function": function, "trigger": name, "type": plan.Type.ValueString()})
	out, etag, err := createByName(ctx, triggerCreate(r.client, service, function, name, in))
	if err != nil {
		reportCreateError(ctx, req.Plan, resp, "trigger", fmt.Sprintf("Could not create trigger %q of function %q in service %q", name, function, service),
			"the service, the function or the qualifier does not exist. Create them first (refer to the "+
				"fc_function's attributes so that Terraform orders the two), or correct the names", err)
		return
	}

	// The response is the created trigger: no read after create.
	state, diags := flattenTrigger(ctx, out, plan)
	saveWithETag(ctx, resp, &state, diags, etag)
}

func (r *triggerResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state triggerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, name := state.ServiceName.ValueString(), state.FunctionName.ValueString(), state.Name.ValueString()

	out, etag, err := r.client.GetTrigger(ctx, service, function, name)
	if removeIfNotFound(ctx, resp, err, "trigger", map[string]any{"service": service, "function": function, "trigger": name}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC trigger", "trigger",
			fmt.Sprintf("Could not read trigger %q of function %q in service %q", name, function, service), err)
		return
	}

	newState, diags := flattenTrigger(ctx, out, state)
	saveWithETag(ctx, resp, &newState, diags, etag)
}

func (r *triggerResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan triggerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, name := plan.ServiceName.ValueString(), plan.FunctionName.ValueString(), plan.Name.ValueString()

	in, diags := expandTriggerUpdate(ctx, plan)
	resp.Diagnostics.Append(diags...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "Updating FC trigger", map[string]any{"service": service, "function": function, "trigger": name, "if_match": etag})
	out, newETag, err := r.client.UpdateTrigger(ctx, service, function, name, in, etag)
	if err != nil {
		what := fmt.Sprintf("Could not update trigger %q of function %q in service %q", name, function, service)
		if fc.IsNotFound(err) {
			what += ": the trigger, or the qualifier it should invoke, does not exist"
		}
		addAPIError(&resp.Diagnostics, "Error updating FC trigger", "trigger", what, err)
		return
	}

	state, diags := flattenTrigger(ctx, out, plan)
	saveWithETag(ctx, resp, &state, diags, newETag)
}

func (r *triggerResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state triggerResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	service, function, name := state.ServiceName.ValueString(), state.FunctionName.ValueString(), state.Name.ValueString()

	tflog.Debug(ctx, "Deleting FC trigger", map[string]any{"service": service, "function": function, "trigger": name, "if_match": etag})
	err := r.client.DeleteTrigger(ctx, service, function, name, etag)
	if err != nil && !goneOnDelete(ctx, err, "trigger", map[string]any{"service": service, "function": function, "trigger": name}) {
		addAPIError(&resp.Diagnostics, "Error deleting FC trigger", "trigger",
			fmt.Sprintf("Could not delete trigger %q of function %q in service %q", name, function, service), err)
	}
}

// ImportState imports a trigger: `terraform import fc_trigger.x SERVICE/FUNCTION/TRIGGER`.
func (r *triggerResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importParts(ctx, req, resp, "trigger", "SERVICE/FUNCTION/TRIGGER", "service_name", "function_name", "name")
}

// ValidateConfig checks what the schema cannot say alone: exactly one
// configuration attribute, the one of `type`; source_arn and
// invocation_role where the type has an event source.
func (r *triggerResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg triggerResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	validateTriggerConfig(cfg, &resp.Diagnostics)
}

// ModifyPlan plans the URLs: null for a trigger whose type is not http
// (known at plan time, also on create); for an http trigger, unknown when
// they change: they hold the qualifier, and url_internet is null while the
// Internet URL is disabled. Otherwise they keep their state values
// (UseStateForUnknown).
func (r *triggerResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan, state triggerResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !known(plan.Type) {
		return
	}
	if plan.Type.ValueString() != validators.TriggerTypeHTTP {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("url_internet"), types.StringNull())...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("url_intranet"), types.StringNull())...)
		return
	}
	if req.State.Raw.IsNull() {
		return // create: the URLs are unknown
	}
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.Qualifier.Equal(state.Qualifier) && httpURLInternetDisabled(plan.HTTPConfig).Equal(httpURLInternetDisabled(state.HTTPConfig)) {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("url_internet"), types.StringUnknown())...)
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("url_intranet"), types.StringUnknown())...)
}

// ---------------------------------------------------------------------------
// helpers

// validateTriggerConfig reports, on the attribute at fault, a configuration
// that does not match the trigger type. Unknown values (not yet computed)
// are given the benefit of the doubt.
func validateTriggerConfig(cfg triggerResourceModel, diags *diag.Diagnostics) {
	var set []string // configuration attributes known to be set
	for _, a := range triggerConfigAttrs {
		if v := cfg.configValue(a); !v.IsNull() && !v.IsUnknown() {
			set = append(set, a)
		}
	}
	if cfg.Type.IsNull() || cfg.Type.IsUnknown() {
		if len(set) > 1 {
			for _, a := range set[1:] {
				diags.AddAttributeError(path.Root(a), "Conflicting trigger configurations",
					fmt.Sprintf("Only one trigger configuration may be set, the one for the trigger's type; found %s.", strings.Join(set, " and ")))
			}
		}
		return
	}
	typ := cfg.Type.ValueString()
	k, ok := triggerKindFor(typ)
	if !ok {
		return // the type's own validator reports it
	}
	want := k.attribute()
	for _, a := range set {
		if a == want {
			continue
		}
		diags.AddAttributeError(path.Root(a), "Trigger configuration does not match the type",
			fmt.Sprintf("%s cannot be used with a trigger of type %q: a %q trigger is configured with %s%s.",
				a, typ, typ, want, typesConfiguredWith(a)))
	}
	if k.get(&cfg).IsNull() {
		diags.AddAttributeError(path.Root(want), "Missing trigger configuration",
			fmt.Sprintf("A trigger of type %q needs %s.", typ, want))
	}
	k.validate(k.get(&cfg), diags)
	if k.needsSource() {
		for _, a := range []struct {
			name  string
			value types.String
			what  string
		}{
			{"source_arn", cfg.SourceARN, "the ARN of the event source"},
			{"invocation_role", cfg.InvocationRole, "the ARN of the RAM role the event source assumes to invoke the function"},
		} {
			if a.value.IsNull() {
				diags.AddAttributeError(path.Root(a.name), "Missing "+a.name,
					fmt.Sprintf("%s is required for a trigger of type %q: it is %s.", a.name, typ, a.what))
			}
		}
	}
}

// typesConfiguredWith says which types use the configuration attribute a,
// for messages: " (xxx_config is for type "xxx")".
func typesConfiguredWith(a string) string {
	k, ok := triggerKindByAttribute[a]
	if !ok {
		return ""
	}
	var ts []string
	for _, t := range k.types() {
		ts = append(ts, strconv.Quote(t))
	}
	return fmt.Sprintf(" (%s is for type %s)", a, strings.Join(ts, ", "))
}

// triggerCreate is how Create sends a trigger and, when the answer is lost,
// recognizes it (createByName): the members sent, the configuration (a JSON
// string on the wire) compared as JSON.
func triggerCreate(client *fc.Client, service, function, name string, in *fc.Trigger) namedCreate[*fc.Trigger] {
	return namedCreate[*fc.Trigger]{
		kind: "trigger", name: service + "/" + function + "/" + name,
		create: func(ctx context.Context) (*fc.Trigger, string, error) {
			return client.CreateTrigger(ctx, service, function, in)
		},
		find: func(ctx context.Context) (*fc.Trigger, string, error) {
			return client.GetTrigger(ctx, service, function, name)
		},
		matches: func(found *fc.Trigger) bool {
			return sentMatches(in, found, "triggerConfig") &&
				rawJSONMatches(in.TriggerConfig, found.TriggerConfig)
		},
	}
}
