package provider

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource                   = (*statefulAsyncInvocationsDataSource)(nil)
	_ datasource.DataSourceWithConfigure      = (*statefulAsyncInvocationsDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig = (*statefulAsyncInvocationsDataSource)(nil)
)

// NewStatefulAsyncInvocationsDataSource returns the
// fc_stateful_async_invocations data source.
func NewStatefulAsyncInvocationsDataSource() datasource.DataSource {
	return &statefulAsyncInvocationsDataSource{}
}

type statefulAsyncInvocationsDataSource struct {
	dataSourceBase
}

type statefulAsyncInvocationsDataSourceModel struct {
	FunctionName       types.String                  `tfsdk:"function_name"`
	IncludePayload     types.Bool                    `tfsdk:"include_payload"`
	InvocationIDPrefix types.String                  `tfsdk:"invocation_id_prefix"`
	Invocations        []statefulAsyncInvocationItem `tfsdk:"invocations"`
	Qualifier          types.String                  `tfsdk:"qualifier"`
	ServiceName        types.String                  `tfsdk:"service_name"`
	StartedAfter       types.String                  `tfsdk:"started_after"`
	StartedBefore      types.String                  `tfsdk:"started_before"`
	Status             types.String                  `tfsdk:"status"`
}

type statefulAsyncInvocationItem struct {
	AlreadyRetriedTimes types.Int64  `tfsdk:"already_retried_times"`
	DestinationStatus   types.String `tfsdk:"destination_status"`
	DurationMs          types.Int64  `tfsdk:"duration_ms"`
	EndTime             types.String `tfsdk:"end_time"`
	ErrorMessage        types.String `tfsdk:"error_message"`
	InstanceID          types.String `tfsdk:"instance_id"`
	InvocationID        types.String `tfsdk:"invocation_id"`
	Payload             types.String `tfsdk:"payload"`
	Qualifier           types.String `tfsdk:"qualifier"`
	RequestID           types.String `tfsdk:"request_id"`
	Result              types.String `tfsdk:"result"`
	StartedTime         types.String `tfsdk:"started_time"`
	Status              types.String `tfsdk:"status"`
}

func (d *statefulAsyncInvocationsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_stateful_async_invocations"
}

func (d *statefulAsyncInvocationsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	startedBound := func(when string) schema.StringAttribute {
		return optionalString("Only the invocations that started at or "+when+" this time, written `YYYY-MM-DDThh:mm:ssZ` (UTC).",
			validators.UTCTimestamp())
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the stateful asynchronous invocations of a Function Compute function " +
			"(ListStatefulAsyncInvocations), newest first: the asynchronous invocations FC keeps a record of because " +
			"the function's `fc_function_async_invoke_config` has `stateful_invocation = true`, with their status " +
			"(`Running`, then `Succeeded`, `Failed` after the retries, or `Stopped`).",
		Attributes: map[string]schema.Attribute{
			"function_name": requiredFunctionName("Name of the function."),
			"include_payload": schema.BoolAttribute{
				MarkdownDescription: "Also read each invocation's event into `payload`.",
				Optional:            true,
			},
			"invocation_id_prefix": optionalString("Only the invocations whose ID starts with this."),
			"invocations": computedObjectList("The invocations, newest first.", map[string]schema.Attribute{
				"already_retried_times": computedInt64("How often FC retried it so far."),
				"destination_status":    computedString("Status of the delivery to the async-invoke config's destination, when FC reports one."),
				"duration_ms":           computedInt64("How long it ran, in milliseconds, once it ended."),
				"end_time":              computedString("When it ended (RFC 3339, UTC); null while it runs."),
				"error_message":         computedString("The error of its last failed attempt."),
				"instance_id":           computedString("The instance that ran its last attempt."),
				"invocation_id":         computedString("ID of the invocation (`X-Fc-Stateful-Async-Invocation-Id`)."),
				"payload":               computedString("Its event, with `include_payload = true`."),
				"qualifier":             computedString("The qualifier it was invoked with."),
				"request_id":            computedString("Request ID of the InvokeFunction call that started it."),
				"result":                computedString("What the function returned, once it succeeded."),
				"started_time":          computedString("When it started (RFC 3339, UTC)."),
				"status":                computedString("Its status: " + validators.MarkdownEnum(validators.InvocationStatuses) + "."),
			}),
			"qualifier": optionalString("Only the invocations of this qualifier (`LATEST`, a version ID or an alias name); "+
				"all of them when not set.", validators.Qualifier()),
			"service_name":   requiredServiceName("Name of the service."),
			"started_after":  startedBound("after"),
			"started_before": startedBound("before"),
			"status": optionalString("Only the invocations in this status: "+validators.MarkdownEnum(validators.InvocationStatuses)+".",
				stringvalidator.OneOf(validators.InvocationStatuses...)),
		},
	}
}

// ValidateConfig refuses a time range that ends before it starts.
func (d *statefulAsyncInvocationsDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var m statefulAsyncInvocationsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !known(m.StartedAfter) || !known(m.StartedBefore) {
		return
	}
	after, err1 := validators.ParseUTCTimestamp(m.StartedAfter.ValueString())
	before, err2 := validators.ParseUTCTimestamp(m.StartedBefore.ValueString())
	if err1 == nil && err2 == nil && before.Before(after) {
		resp.Diagnostics.AddAttributeError(path.Root("started_before"), "Empty time range",
			fmt.Sprintf("started_before (%s) is before started_after (%s): no invocation can match.", m.StartedBefore.ValueString(), m.StartedAfter.ValueString()))
	}
}

func (d *statefulAsyncInvocationsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[statefulAsyncInvocationsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	opts := fc.StatefulInvocationListOptions{
		InvocationIDPrefix: cfg.InvocationIDPrefix.ValueString(),
		Status:             cfg.Status.ValueString(),
		IncludePayload:     cfg.IncludePayload.ValueBool(),
		SortOrderByTime:    "desc",
		Limit:              100,
	}
	if known(cfg.StartedAfter) {
		opts.StartedTimeBegin, _ = validators.ParseUTCTimestamp(cfg.StartedAfter.ValueString())
	}
	if known(cfg.StartedBefore) {
		// The bound is inclusive to the second: up to its last millisecond.
		t, _ := validators.ParseUTCTimestamp(cfg.StartedBefore.ValueString())
		opts.StartedTimeEnd = t.Add(time.Second - time.Millisecond)
	}
	service, function, qualifier := cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString(), cfg.Qualifier.ValueString()
	list, err := d.client.ListStatefulAsyncInvocations(ctx, service, qualifier, function, opts)
	if err != nil {
		what := fmt.Sprintf("Listing the stateful async invocations of function %q of service %q failed", function, service)
		addLookupError(&resp.Diagnostics, "Error listing FC stateful async invocations", "function", what, what+": the service, the function or the qualifier does not exist", err)
		return
	}
	cfg.Invocations = mapEach(list, func(in *fc.StatefulAsyncInvocation) statefulAsyncInvocationItem {
		return flattenStatefulInvocation(in, cfg.IncludePayload.ValueBool())
	})
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// flattenStatefulInvocation maps one record; payload only when it was
// asked for.
func flattenStatefulInvocation(in *fc.StatefulAsyncInvocation, includePayload bool) statefulAsyncInvocationItem {
	item := statefulAsyncInvocationItem{
		AlreadyRetriedTimes: types.Int64PointerValue(in.AlreadyRetriedTimes),
		DestinationStatus:   types.StringPointerValue(in.DestinationStatus),
		DurationMs:          types.Int64PointerValue(in.DurationMs),
		EndTime:             invocationTime(in.EndTime),
		ErrorMessage:        types.StringPointerValue(in.InvocationErrorMessage),
		InstanceID:          types.StringPointerValue(in.InstanceID),
		InvocationID:        types.StringPointerValue(in.InvocationID),
		Payload:             types.StringNull(),
		Qualifier:           types.StringPointerValue(in.Qualifier),
		RequestID:           types.StringPointerValue(in.RequestID),
		Result:              types.StringPointerValue(in.ReturnPayload),
		StartedTime:         invocationTime(in.StartedTime),
		Status:              types.StringPointerValue(in.Status),
	}
	if includePayload {
		item.Payload = types.StringPointerValue(in.InvocationPayload)
	}
	return item
}

// invocationTime renders a start or end time: FC's milliseconds (the SDK's
// Long) as RFC 3339 in UTC with milliseconds; a string that is not a
// number (the document's examples are ISO times) as it is.
func invocationTime(v *fc.LooseString) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	ms, err := strconv.ParseInt(string(*v), 10, 64)
	if err != nil {
		return types.StringValue(string(*v))
	}
	return types.StringValue(time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z"))
}
