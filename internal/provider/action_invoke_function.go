package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ action.Action                   = (*invokeFunctionAction)(nil)
	_ action.ActionWithConfigure      = (*invokeFunctionAction)(nil)
	_ action.ActionWithValidateConfig = (*invokeFunctionAction)(nil)
)

// NewInvokeFunctionAction returns the fc_invoke_function action.
func NewInvokeFunctionAction() action.Action {
	return &invokeFunctionAction{}
}

// invokeFunctionAction invokes a function once, from an action_trigger
// (after_create, after_update) or `terraform apply -invoke=...`
// (Terraform 1.14 and later).
type invokeFunctionAction struct {
	actionBase
}

type invokeFunctionActionModel struct {
	Expect         *invokeExpectModel `tfsdk:"expect"`
	FunctionName   types.String       `tfsdk:"function_name"`
	InvocationType types.String       `tfsdk:"invocation_type"`
	LogTail        types.Bool         `tfsdk:"log_tail"`
	Payload        types.String       `tfsdk:"payload"`
	Qualifier      types.String       `tfsdk:"qualifier"`
	ServiceName    types.String       `tfsdk:"service_name"`
}

type invokeExpectModel struct {
	FunctionError  types.Bool   `tfsdk:"function_error"`
	ResultContains types.String `tfsdk:"result_contains"`
}

// maxShownResult bounds the result a progress message shows.
const maxShownResult = 1 << 10

func (a *invokeFunctionAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_invoke_function"
}

func (a *invokeFunctionAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Invokes a Function Compute function once (InvokeFunction) and reports what it answered: " +
			"the status, the duration and the result in progress messages, and, when asked, the last 4 KB of its log. " +
			"A function that fails (an exception, a timeout) is an error diagnostic with the error's type and message, " +
			"unless `expect` says the failure is expected. Actions need Terraform 1.14 or later: run it from an " +
			"`action_trigger` in a resource's `lifecycle` (for example `after_create` and `after_update` of the " +
			"`fc_function`, so that every deployment is proven by the function answering), or on its own with " +
			"`terraform apply -invoke=action.fc_invoke_function.<name>`. With `on_failure = continue` in the trigger, " +
			"a failure is reported as a warning and the apply goes on.",
		Attributes: map[string]schema.Attribute{
			"expect": schema.SingleNestedAttribute{
				MarkdownDescription: "What the invocation must give; anything else is an error diagnostic. Without it " +
					"the function must succeed.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"function_error": schema.BoolAttribute{
						MarkdownDescription: "`true` expects the function to fail (to test an error path): a success is " +
							"then the error. `false` (the default) expects it to succeed.",
						Optional: true,
					},
					"result_contains": schema.StringAttribute{
						MarkdownDescription: "A string the result must contain (the error payload when `function_error` " +
							"is `true`). Sync invocations only.",
						Optional: true,
					},
				},
			},
			"function_name": schema.StringAttribute{
				MarkdownDescription: "Name of the function.",
				Required:            true,
				Validators:          []validator.String{validators.Name("function name", 64)},
			},
			"invocation_type": schema.StringAttribute{
				MarkdownDescription: "How to invoke: " + validators.MarkdownEnum(validators.InvocationTypes) +
					". `sync` (the default) waits for the result; `async` returns once FC accepted the event " +
					"(HTTP 202), which it then runs and retries as the function's `fc_function_async_invoke_config` says.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(validators.InvocationTypes...)},
			},
			"log_tail": schema.BoolAttribute{
				MarkdownDescription: "Ask FC for the last 4 KB of the invocation's log and show it in a progress " +
					"message (and in the error, when the function fails). Sync invocations only.",
				Optional: true,
			},
			"payload": schema.StringAttribute{
				MarkdownDescription: "The event, sent as is: a string, or JSON written with `jsonencode(...)`. " +
					"Empty when not set.",
				Optional: true,
			},
			"qualifier": schema.StringAttribute{
				MarkdownDescription: "`LATEST` (the default), a version ID or an alias name (an alias with " +
					"`additional_version_weight` picks a version by its weights).",
				Optional:   true,
				Validators: []validator.String{validators.Qualifier()},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
			},
		},
	}
}

// ValidateConfig refuses what an asynchronous invocation cannot give: a
// log tail or a result.
func (a *invokeFunctionAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var m invokeFunctionActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.InvocationType.ValueString() != validators.InvocationTypeAsync {
		return
	}
	if m.LogTail.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("log_tail"), "Log tail of an asynchronous invocation",
			"An asynchronous invocation answers before the function runs, so it has no log to show: "+
				"remove log_tail, or set invocation_type = \"sync\".")
	}
	if m.Expect != nil && (known(m.Expect.ResultContains) || m.Expect.FunctionError.ValueBool()) {
		resp.Diagnostics.AddAttributeError(path.Root("expect"), "Expectation on an asynchronous invocation",
			"An asynchronous invocation answers before the function runs, so there is no result to check: "+
				"remove expect.result_contains and expect.function_error, or set invocation_type = \"sync\". "+
				"To follow an asynchronous invocation, turn on stateful_invocation in fc_function_async_invoke_config "+
				"and read the fc_stateful_async_invocations data source.")
	}
}

func (a *invokeFunctionAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m invokeFunctionActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if a.client == nil {
		resp.Diagnostics.AddError("Provider not configured",
			"The fc provider was not configured before the action ran. This is a bug in the provider; please report it.")
		return
	}
	service, function, qualifier := m.ServiceName.ValueString(), m.FunctionName.ValueString(), m.Qualifier.ValueString()
	target := invocationTarget(service, function, qualifier)
	typ := fc.InvocationSync
	if m.InvocationType.ValueString() == validators.InvocationTypeAsync {
		typ = fc.InvocationAsync
	}
	in := &fc.InvokeInput{Payload: []byte(m.Payload.ValueString()), InvocationType: typ, LogTail: m.LogTail.ValueBool()}
	progress(resp, fmt.Sprintf("Invoking FC function %s (%s)...", target, strings.ToLower(typ)))
	start := time.Now()
	out, err := a.client.InvokeFunction(ctx, service, qualifier, function, in)
	if err != nil {
		what := fmt.Sprintf("Invoking function %q of service %q failed", function, service)
		if fc.IsNotFound(err) {
			what += ": the service, the function or the qualifier does not exist"
		}
		addAPIError(&resp.Diagnostics, "Error invoking FC function", "function", what, err)
		return
	}
	elapsed := out.Duration
	if elapsed == 0 {
		elapsed = time.Since(start)
	}
	for _, msg := range invocationMessages(target, out, elapsed, in.LogTail) {
		progress(resp, msg)
	}
	resp.Diagnostics.Append(checkInvocation(target, out, m.Expect)...)
}

func progress(resp *action.InvokeResponse, msg string) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: msg})
	}
}

// invocationTarget names the function in messages: svc/fn, with the
// qualifier when there is one.
func invocationTarget(service, function, qualifier string) string {
	t := service + "/" + function
	if qualifier != "" {
		t += " (qualifier " + qualifier + ")"
	}
	return t
}

// invocationMessages are the progress messages of an answered invocation:
// its status and duration, its result, and its log tail when asked.
func invocationMessages(target string, out *fc.InvokeOutput, elapsed time.Duration, logTail bool) []string {
	var where []string
	if out.CodeVersion != "" {
		where = append(where, "version "+out.CodeVersion)
	}
	if out.InstanceID != "" {
		where = append(where, "instance "+out.InstanceID)
	}
	if out.RequestID != "" {
		where = append(where, "request ID "+out.RequestID)
	}
	suffix := ""
	if len(where) > 0 {
		suffix = " (" + strings.Join(where, ", ") + ")"
	}
	if out.StatusCode == 202 {
		msg := fmt.Sprintf("FC accepted the asynchronous invocation of %s in %s%s", target, roundDuration(elapsed), suffix)
		if out.StatefulInvocationID != "" {
			msg += "; stateful invocation ID " + out.StatefulInvocationID
		}
		return []string{msg}
	}
	status := "answered"
	if out.Failed() {
		status = "failed with " + out.ErrorType
	}
	msgs := []string{fmt.Sprintf("FC function %s %s in %s%s", target, status, roundDuration(elapsed), suffix)}
	msgs = append(msgs, "Result: "+showResult(out.Payload))
	if logTail {
		if out.LogResult == "" {
			msgs = append(msgs, "Log tail: (empty)")
		} else {
			msgs = append(msgs, "Log tail:\n"+strings.TrimRight(out.LogResult, "\n"))
		}
	}
	return msgs
}

func roundDuration(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond * 100)
}

// showResult renders a result for a message: text up to maxShownResult
// bytes, or the size of binary data.
func showResult(b []byte) string {
	switch {
	case len(b) == 0:
		return "(empty)"
	case !utf8.Valid(b):
		return fmt.Sprintf("%d bytes of binary data", len(b))
	case len(b) > maxShownResult:
		cut := maxShownResult
		for cut > 0 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		return fmt.Sprintf("%s... (%d bytes in all)", b[:cut], len(b))
	}
	return string(b)
}

// invocationError is the error payload of a failed function (FC's
// runtimes answer errorMessage and errorType, Python and Node.js a
// stackTrace too).
type invocationError struct {
	ErrorMessage string `json:"errorMessage"`
	ErrorType    string `json:"errorType"`
}

// checkInvocation turns an answer that is not what expect says into an
// error diagnostic: by default a function error; with
// function_error = true a success; with result_contains a result without
// the string.
func checkInvocation(target string, out *fc.InvokeOutput, expect *invokeExpectModel) diag.Diagnostics {
	var diags diag.Diagnostics
	wantError := expect != nil && expect.FunctionError.ValueBool()
	logPart := ""
	if out.LogResult != "" {
		logPart = "\n\nLog tail:\n" + strings.TrimRight(out.LogResult, "\n")
	}
	requestPart := ""
	if out.RequestID != "" {
		requestPart = "\n\nRequest ID: " + out.RequestID
	}
	switch {
	case out.Failed() && !wantError:
		var e invocationError
		detail := fmt.Sprintf("FC function %s failed: %s", target, out.ErrorType)
		if json.Unmarshal(out.Payload, &e) == nil && (e.ErrorMessage != "" || e.ErrorType != "") {
			if e.ErrorType != "" {
				detail += ", " + e.ErrorType
			}
			if e.ErrorMessage != "" {
				detail += ": " + e.ErrorMessage
			}
		} else if len(out.Payload) > 0 {
			detail += ": " + showResult(out.Payload)
		}
		detail += ".\n\nFix the function's code or configuration, or set expect.function_error = true when the failure is what you test. " +
			"With on_failure = continue in the action_trigger the failure is a warning."
		diags.AddError("FC function returned an error", detail+logPart+requestPart)
		return diags
	case !out.Failed() && wantError && out.StatusCode != 202:
		diags.AddError("FC function did not fail",
			fmt.Sprintf("FC function %s succeeded, but expect.function_error = true says it must fail. Result: %s%s",
				target, showResult(out.Payload), requestPart))
		return diags
	}
	if expect != nil && known(expect.ResultContains) && out.StatusCode != 202 {
		if want := expect.ResultContains.ValueString(); !strings.Contains(string(out.Payload), want) {
			diags.AddError("FC function result not as expected",
				fmt.Sprintf("The result of FC function %s does not contain %q (expect.result_contains). Result: %s%s%s",
					target, want, showResult(out.Payload), logPart, requestPart))
		}
	}
	return diags
}
