package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
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
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	configFor := func(types ...string) string {
		return "Configuration of a trigger of type " + validators.MarkdownEnum(types) + "; set it for that type only."
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a trigger of a Function Compute 2.0 function: the event source (a timer, HTTP " +
			"requests, OSS, Simple Log Service, MNS, CDN, Tablestore, EventBridge, MQ or RDS) that invokes it.\n\n" +
			"The configuration is set with the one attribute that matches `type`: `timer_config`, `http_config`, " +
			"`oss_config`, `log_config`, `mns_topic_config`, `cdn_events_config` or `tablestore_config`, and " +
			"`config_json` for `eventbridge`, `mq` and `rds`. It is checked at plan time.\n\n" +
			"Updates and deletes are conditional on the ETag of the last read: if the trigger was changed outside " +
			"Terraform since the last refresh, the apply fails instead of overwriting that change.",
		Attributes: map[string]schema.Attribute{
			attrCDNEventsConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeCDNEvents) + " Removing an optional field clears it.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"event_name": schema.StringAttribute{
						MarkdownDescription: "CDN event that invokes the function, e.g. `CachedObjectsRefreshed`, `LogFileCreated`.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"event_version": schema.StringAttribute{
						MarkdownDescription: "Version of the event, e.g. `1.0.0`.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"filter": schema.MapAttribute{
						MarkdownDescription: "Filters of the events, each a list of values, e.g. `{ domain = [\"example.com\"] }`.",
						Required:            true,
						ElementType:         types.ListType{ElemType: types.StringType},
						Validators:          []validator.Map{mapvalidator.SizeAtLeast(1)},
					},
					"notes": schema.StringAttribute{
						MarkdownDescription: "Free-form notes.",
						Optional:            true,
					},
				},
			},
			attrConfigJSON: schema.StringAttribute{
				MarkdownDescription: configFor(triggerTypesJSON...) + " A JSON object, e.g. with `jsonencode()`, in the " +
					"shape FC documents for the type (for `eventbridge`: `triggerEnable`, `asyncInvocationType`, " +
					"`eventSourceConfig`, `eventRuleFilterPattern`...). Compared as JSON: key order and whitespace " +
					"never cause a difference.",
				Optional:   true,
				CustomType: jsontypes.NormalizedType{},
				Validators: []validator.String{triggerJSONObjectValidator{}},
			},
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
			attrHTTPConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeHTTP) + " The trigger's URLs are `url_internet` and `url_intranet`.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"auth_type": schema.StringAttribute{
						MarkdownDescription: "Who may call the URL: " + validators.MarkdownEnum(httpAuthTypes) +
							" (`function` requires requests signed with an AccessKey; `jwt` requires a JSON Web Token " +
							"verified as `jwt_auth_config` says).",
						Required:   true,
						Validators: []validator.String{stringvalidator.OneOf(httpAuthTypes...)},
					},
					"disable_url_internet": schema.BoolAttribute{
						MarkdownDescription: "Whether the Internet URL is disabled, leaving only the VPC one. Defaults to `false`.",
						Optional:            true,
						Computed:            true,
						Default:             booldefault.StaticBool(false),
					},
					"jwt_auth_config": schema.SingleNestedAttribute{
						MarkdownDescription: "JWT authentication of the URL: required when `auth_type` is `jwt`, and not allowed " +
							"otherwise. Sent to FC as `authConfig`, a string holding the JSON object; switching `auth_type` " +
							"away from `jwt` clears it. Removing an optional list clears it.",
						Optional: true,
						Attributes: map[string]schema.Attribute{
							"black_list": schema.ListAttribute{
								MarkdownDescription: "Paths of FC's `blackList`, the counterpart of `white_list` (FC's JWT " +
									"documentation says how the two combine). FC's 2021-04-06 API takes this as one string (unlike " +
									"`whiteList`, a list): the paths are sent joined with `,`, so none may contain a `,`.",
								Optional:    true,
								ElementType: types.StringType,
								Validators: []validator.List{listvalidator.ValueStringsAre(
									stringvalidator.LengthAtLeast(1),
									stringvalidator.RegexMatches(regexp.MustCompile(`^[^,]*$`), "must not contain a `,` (FC receives the black list as one comma-separated string)"),
								)},
							},
							"claim_pass_by": schema.ListAttribute{
								MarkdownDescription: "Claims of the token passed to the function, each `source:claim:target` with " +
									"source " + validators.MarkdownEnum(jwtTokenSources) + ", e.g. `header:uid:X-User-Id` (the " +
									"`uid` claim as the `X-User-Id` header).",
								Optional:    true,
								ElementType: types.StringType,
								Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.RegexMatches(jwtClaimPassByPattern,
									"must be `source:claim:target` with source one of "+strings.Join(jwtTokenSources, ", ")+", e.g. `header:uid:X-User-Id`"))},
							},
							"jwks": schema.StringAttribute{
								MarkdownDescription: "JSON Web Key Set that verifies the tokens: a JSON object with a non-empty " +
									"`keys` array, e.g. from `jsonencode()` or `file()`. Compared as JSON: key order and " +
									"whitespace never cause a difference. Sensitive, as a set may hold symmetric (`oct`) keys.",
								Required:   true,
								Sensitive:  true,
								Validators: []validator.String{jwksValidator{}},
							},
							"token_lookup": schema.ListAttribute{
								MarkdownDescription: "Where the token is read, each `source:name` or `source:name:prefix` with " +
									"source " + validators.MarkdownEnum(jwtTokenSources) + ", e.g. `header:Authorization:Bearer`, " +
									"`cookie:token`, `query:jwt`. When not set, FC's default applies.",
								Optional:    true,
								ElementType: types.StringType,
								Validators: []validator.List{listvalidator.ValueStringsAre(stringvalidator.RegexMatches(jwtTokenLookupPattern,
									"must be `source:name` or `source:name:prefix` with source one of "+strings.Join(jwtTokenSources, ", ")+
										", e.g. `header:Authorization:Bearer`"))},
							},
							"white_list": schema.ListAttribute{
								MarkdownDescription: "Paths that are served without a token.",
								Optional:            true,
								ElementType:         types.StringType,
								Validators:          []validator.List{listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
							},
						},
					},
					"methods": schema.SetAttribute{
						MarkdownDescription: "HTTP methods the trigger accepts (at least one): " + validators.MarkdownEnum(httpMethods) + ".",
						Required:            true,
						ElementType:         types.StringType,
						Validators: []validator.Set{
							setvalidator.SizeAtLeast(1),
							setvalidator.ValueStringsAre(stringvalidator.OneOf(httpMethods...)),
						},
					},
				},
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
				Validators: nonEmpty,
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the trigger; changes on every update.",
				Computed:            true,
			},
			attrLogConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeLog) + " Invokes the function on the data of a Simple Log Service Logstore.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"enable": schema.BoolAttribute{
						MarkdownDescription: "Whether the trigger is enabled. Defaults to `true`.",
						Optional:            true,
						Computed:            true,
						Default:             booldefault.StaticBool(true),
					},
					"function_parameter": schema.MapAttribute{
						MarkdownDescription: "Parameters passed to the function in every event.",
						Optional:            true,
						ElementType:         types.StringType,
					},
					"logstore": schema.StringAttribute{
						MarkdownDescription: "Logstore the trigger writes its own execution logs to.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"max_retry_time": schema.Int64Attribute{
						MarkdownDescription: "Maximum retries of a failed invocation, 0 to 100. When not set (or removed), FC's default applies.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.Between(0, 100)},
					},
					"project": schema.StringAttribute{
						MarkdownDescription: "Log project of `logstore`.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"source_logstore": schema.StringAttribute{
						MarkdownDescription: "Logstore whose data invokes the function (in the project of `source_arn`).",
						Required:            true,
						Validators:          nonEmpty,
					},
					"trigger_interval": schema.Int64Attribute{
						MarkdownDescription: "Seconds between invocations, 3 to 600. When not set (or removed), FC's default applies.",
						Optional:            true,
						Validators:          []validator.Int64{int64validator.Between(3, 600)},
					},
				},
			},
			attrMNSTopicConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeMNSTopic) + " Invokes the function on the messages of an MNS topic.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"filter_tag": schema.StringAttribute{
						MarkdownDescription: "Only messages with this tag invoke the function. Removing it clears the filter.",
						Optional:            true,
					},
					"notify_content_format": schema.StringAttribute{
						MarkdownDescription: "Format of the event: " + validators.MarkdownEnum(mnsNotifyContentFormats) + ". Defaults to `STREAM`.",
						Optional:            true,
						Computed:            true,
						Default:             stringdefault.StaticString(MNSNotifyContentFormatStream),
						Validators:          []validator.String{stringvalidator.OneOf(mnsNotifyContentFormats...)},
					},
					"notify_strategy": schema.StringAttribute{
						MarkdownDescription: "Retry strategy of failed invocations: " + validators.MarkdownEnum(mnsNotifyStrategies) + ". Defaults to `BACKOFF_RETRY`.",
						Optional:            true,
						Computed:            true,
						Default:             stringdefault.StaticString(MNSNotifyStrategyBackoffRetry),
						Validators:          []validator.String{stringvalidator.OneOf(mnsNotifyStrategies...)},
					},
				},
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the trigger: 1 to 128 letters, digits, `_` and `-`, starting with a letter or `_`. Changing it replaces the trigger.",
				Required:            true,
				Validators:          []validator.String{validators.Name("trigger name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			attrOSSConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeOSS) + " Invokes the function on events of the bucket of `source_arn`.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"events": schema.ListAttribute{
						MarkdownDescription: "OSS events that invoke the function (at least one), e.g. `oss:ObjectCreated:*`.",
						Required:            true,
						ElementType:         types.StringType,
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							listvalidator.ValueStringsAre(stringvalidator.RegexMatches(regexp.MustCompile(`^oss:[A-Za-z]+:[A-Za-z*]+$`),
								"must be an OSS event such as `oss:ObjectCreated:*` or `oss:ObjectRemoved:DeleteObject`, starting with `oss:`")),
						},
					},
					"filter_prefix": schema.StringAttribute{
						MarkdownDescription: "Only objects whose key starts with this prefix invoke the function.",
						Optional:            true,
					},
					"filter_suffix": schema.StringAttribute{
						MarkdownDescription: "Only objects whose key ends with this suffix invoke the function.",
						Optional:            true,
					},
				},
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
				Validators:    nonEmpty,
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			attrTablestoreConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeTablestore) + " Invokes the function on the changes of a Tablestore table.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"instance_name": schema.StringAttribute{
						MarkdownDescription: "Name of the Tablestore instance.",
						Required:            true,
						Validators:          nonEmpty,
					},
					"table_name": schema.StringAttribute{
						MarkdownDescription: "Name of the table.",
						Required:            true,
						Validators:          nonEmpty,
					},
				},
			},
			attrTimerConfig: schema.SingleNestedAttribute{
				MarkdownDescription: configFor(TriggerTypeTimer) + " Invokes the function on a schedule (UTC).",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"cron_expression": schema.StringAttribute{
						MarkdownDescription: "Schedule: `@every Nm` or `@every Nh` (an interval in minutes or hours), or " +
							"`cron(S M H DoM Mon DoW)` with six fields (seconds, minutes, hours, day of month, month, day " +
							"of week), e.g. `cron(0 0 4 * * *)`.",
						Required:   true,
						Validators: []validator.String{cronExpressionValidator{}},
					},
					"enable": schema.BoolAttribute{
						MarkdownDescription: "Whether the timer fires. Defaults to `true`.",
						Optional:            true,
						Computed:            true,
						Default:             booldefault.StaticBool(true),
					},
					"payload": schema.StringAttribute{
						MarkdownDescription: "Event passed to the function on every invocation. Removing it sends an empty payload.",
						Optional:            true,
					},
				},
			},
			"trigger_id": schema.StringAttribute{
				MarkdownDescription: "Globally unique ID FC assigned to the trigger.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Type of the trigger: " + validators.MarkdownEnum(triggerTypes) + ". Changing it replaces the trigger.",
				Required:            true,
				Validators:          []validator.String{stringvalidator.OneOf(triggerTypes...)},
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
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(saveETag(ctx, resp.Private, etag)...)
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
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &newState)...)
	resp.Diagnostics.Append(saveETag(ctx, resp.Private, etag)...)
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
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(saveETag(ctx, resp.Private, newETag)...)
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
	if plan.Type.ValueString() != TriggerTypeHTTP {
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

// httpURLInternetDisabled returns http_config.disable_url_internet, unknown
// when the object is unknown and null when it is null.
func httpURLInternetDisabled(o types.Object) types.Bool {
	switch {
	case o.IsUnknown():
		return types.BoolUnknown()
	case o.IsNull():
		return types.BoolNull()
	}
	if v, ok := o.Attributes()["disable_url_internet"].(types.Bool); ok {
		return v
	}
	return types.BoolUnknown()
}

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
	want, ok := triggerConfigAttrFor[typ]
	if !ok {
		return // the type's own validator reports it
	}
	for _, a := range set {
		if a == want {
			continue
		}
		diags.AddAttributeError(path.Root(a), "Trigger configuration does not match the type",
			fmt.Sprintf("%s cannot be used with a trigger of type %q: a %q trigger is configured with %s%s.",
				a, typ, typ, want, typesConfiguredWith(a)))
	}
	if cfg.configValue(want).IsNull() {
		diags.AddAttributeError(path.Root(want), "Missing trigger configuration",
			fmt.Sprintf("A trigger of type %q needs %s.", typ, want))
	}
	if typ == TriggerTypeHTTP {
		validateHTTPAuthConfig(cfg.HTTPConfig, diags)
	}
	if slices.Contains(triggerTypesWithSource, typ) {
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

// validateHTTPAuthConfig requires http_config.jwt_auth_config when
// auth_type is "jwt" and forbids it otherwise.
func validateHTTPAuthConfig(o types.Object, diags *diag.Diagnostics) {
	if !known(o) {
		return
	}
	authType, _ := o.Attributes()["auth_type"].(types.String)
	jwt := o.Attributes()["jwt_auth_config"]
	if !known(authType) || jwt == nil || jwt.IsUnknown() {
		return
	}
	at := path.Root(attrHTTPConfig).AtName("jwt_auth_config")
	switch {
	case authType.ValueString() == HTTPAuthJWT && jwt.IsNull():
		diags.AddAttributeError(at, "Missing JWT authentication configuration",
			fmt.Sprintf("http_config.jwt_auth_config is required when http_config.auth_type is %q: it holds the JSON Web Key Set that verifies the tokens.", HTTPAuthJWT))
	case authType.ValueString() != HTTPAuthJWT && !jwt.IsNull():
		diags.AddAttributeError(at, "JWT authentication configuration not allowed",
			fmt.Sprintf("http_config.jwt_auth_config can only be set when http_config.auth_type is %q, not %q: remove it, or set auth_type = %q.",
				HTTPAuthJWT, authType.ValueString(), HTTPAuthJWT))
	}
}

// typesConfiguredWith says which types use the configuration attribute a,
// for messages: " (xxx_config is for type "xxx")".
func typesConfiguredWith(a string) string {
	var ts []string
	for _, t := range triggerTypes {
		if triggerConfigAttrFor[t] == a {
			ts = append(ts, strconv.Quote(t))
		}
	}
	if len(ts) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s is for type %s)", a, strings.Join(ts, ", "))
}

// triggerJSONObjectValidator requires a string to hold a JSON object.
// Whether it is JSON at all is checked by the jsontypes.Normalized type.
type triggerJSONObjectValidator struct{}

func (triggerJSONObjectValidator) Description(_ context.Context) string {
	return "must be a JSON object"
}

func (v triggerJSONObjectValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v triggerJSONObjectValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	raw := []byte(req.ConfigValue.ValueString())
	if triggerIsJSONObject(raw) {
		return
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return // reported by the type
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid trigger configuration",
		fmt.Sprintf("%s %s, got %s.", req.Path, v.Description(ctx), triggerShortJSON(raw)))
}

// Forms of jwt_auth_config.token_lookup (`source:name[:prefix]`) and
// claim_pass_by (`source:claim:target`).
var (
	jwtTokenLookupPattern = regexp.MustCompile(`^(header|cookie|query|form):[^:\s]+(:[^:]+)?$`)
	jwtClaimPassByPattern = regexp.MustCompile(`^(header|cookie|query|form):[^:\s]+:[^:\s]+$`)
)

// jwksValidator requires a JSON Web Key Set: a JSON object whose "keys" is
// a non-empty array.
type jwksValidator struct{}

func (jwksValidator) Description(_ context.Context) string {
	return "must be a JSON Web Key Set: a JSON object with a non-empty `keys` array"
}

func (v jwksValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v jwksValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if reason := checkJWKS([]byte(req.ConfigValue.ValueString())); reason != "" {
		// The value is sensitive: the message says what is wrong, not what it is.
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON Web Key Set",
			fmt.Sprintf("%s %s: %s.", req.Path, v.Description(ctx), reason))
	}
}

// checkJWKS returns why raw is not a JSON Web Key Set, or "".
func checkJWKS(raw []byte) string {
	var set map[string]json.RawMessage
	if err := json.Unmarshal(raw, &set); err != nil || set == nil {
		return "it is not a JSON object"
	}
	keys, ok := set["keys"]
	if !ok {
		return "it has no `keys` member"
	}
	var list []json.RawMessage
	if err := json.Unmarshal(keys, &list); err != nil || list == nil {
		return "`keys` is not an array"
	}
	if len(list) == 0 {
		return "`keys` is empty"
	}
	return ""
}

// cronExpressionValidator validates a timer trigger's schedule: `@every Nm`,
// `@every Nh`, or six cron fields, bare or as `cron(...)`.
type cronExpressionValidator struct{}

const cronHelp = "Use `@every Nm` or `@every Nh` (N at least 1), or `cron(S M H DoM Mon DoW)` with six fields, e.g. `cron(0 0 4 * * *)`"

func (cronExpressionValidator) Description(_ context.Context) string {
	return "must be `@every Nm`, `@every Nh` or `cron(S M H DoM Mon DoW)`"
}

func (v cronExpressionValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v cronExpressionValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if reason := checkCronExpression(got); reason != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid cron expression",
			fmt.Sprintf("%s: %q is not a valid timer schedule: %s. %s.", req.Path, got, reason, cronHelp))
	}
}

var cronEveryPattern = regexp.MustCompile(`^@every ([0-9]+)([mh])$`)

// cronField describes one field of a cron expression.
type cronField struct {
	name     string
	min, max int
	names    []string // names of min, min+1, ... (months, weekdays)
	question bool     // "?" allowed
	// special matches the Quartz forms of the field that are not numbers,
	// ranges or steps (L, W, #); nil when there are none.
	special *regexp.Regexp
}

var cronFields = []cronField{
	{name: "seconds", min: 0, max: 59},
	{name: "minutes", min: 0, max: 59},
	{name: "hours", min: 0, max: 23},
	{name: "day of month", min: 1, max: 31, question: true,
		special: regexp.MustCompile(`^(L|LW|L-[0-9]{1,2}|([1-9]|[12][0-9]|3[01])W)$`)},
	{name: "month", min: 1, max: 12, names: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{name: "day of week", min: 0, max: 7, names: []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}, question: true,
		special: regexp.MustCompile(`(?i)^(L|([0-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$`)},
}

// checkCronExpression returns why s is not a valid schedule, or "".
func checkCronExpression(s string) string {
	if strings.HasPrefix(s, "@every") {
		m := cronEveryPattern.FindStringSubmatch(s)
		if m == nil {
			return "an interval must be `@every` followed by one space and a whole number of minutes (`m`) or hours (`h`)"
		}
		if n, err := strconv.Atoi(m[1]); err != nil || n < 1 {
			return "the interval must be at least 1"
		}
		return ""
	}
	if strings.HasPrefix(s, "@") {
		return "the only `@` form is `@every`"
	}
	body := s
	if strings.HasPrefix(s, "cron(") {
		if !strings.HasSuffix(s, ")") {
			return "`cron(` has no closing `)`"
		}
		body = s[len("cron(") : len(s)-1]
	}
	fields := strings.Fields(body)
	if len(fields) != len(cronFields) {
		return fmt.Sprintf("a cron expression needs 6 fields (seconds, minutes, hours, day of month, month, day of week), got %d", len(fields))
	}
	for i, f := range fields {
		if reason := cronFields[i].check(f); reason != "" {
			return fmt.Sprintf("field %d (%s) %q: %s", i+1, cronFields[i].name, f, reason)
		}
	}
	return ""
}

// check validates one field: a comma-separated list of `*`, `?`, `a`,
// `a-b`, each optionally followed by `/step`, or a special form.
func (f cronField) check(s string) string {
	for item := range strings.SplitSeq(s, ",") {
		if f.special != nil && f.special.MatchString(item) {
			continue
		}
		base, step, hasStep := strings.Cut(item, "/")
		if hasStep {
			n, err := strconv.Atoi(step)
			if err != nil || n < 1 {
				return fmt.Sprintf("the step %q must be a whole number of at least 1", step)
			}
		}
		switch base {
		case "*":
		case "?":
			if !f.question {
				return "`?` is only allowed in the day-of-month and day-of-week fields"
			}
			if hasStep {
				return "`?` takes no step"
			}
		default:
			lo, hi, isRange := strings.Cut(base, "-")
			a, reason := f.value(lo)
			if reason != "" {
				return reason
			}
			if isRange {
				b, reason := f.value(hi)
				if reason != "" {
					return reason
				}
				if b < a {
					return fmt.Sprintf("the range %q runs backwards", base)
				}
			}
		}
	}
	return ""
}

func (f cronField) value(s string) (int, string) {
	if n, err := strconv.Atoi(s); err == nil {
		if n < f.min || n > f.max {
			return 0, fmt.Sprintf("%d is outside %d-%d", n, f.min, f.max)
		}
		return n, ""
	}
	if i := slices.Index(f.names, strings.ToUpper(s)); i >= 0 {
		return f.min + i, ""
	}
	if len(f.names) > 0 {
		return 0, fmt.Sprintf("%q is not a number from %d to %d or one of %s", s, f.min, f.max, strings.Join(f.names, ", "))
	}
	return 0, fmt.Sprintf("%q is not a number from %d to %d", s, f.min, f.max)
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
