package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	aschema "github.com/hashicorp/terraform-plugin-framework/action/schema"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func actionSchema(t *testing.T, a action.Action) aschema.Schema {
	t.Helper()
	var resp action.SchemaResponse
	a.Schema(context.Background(), action.SchemaRequest{}, &resp)
	return validSchema(t, resp.Schema, resp.Diagnostics)
}

func TestInvokeFunctionActionSchema_modelParity(t *testing.T) {
	s := actionSchema(t, NewInvokeFunctionAction())
	assertSchemaModelParity(t, "action.fc_invoke_function", s.Attributes, invokeFunctionActionModel{})
	expect := s.Attributes["expect"].(aschema.SingleNestedAttribute)
	assertSchemaModelParity(t, "action.fc_invoke_function.expect", expect.Attributes, invokeExpectModel{})
	for name, a := range s.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("action.fc_invoke_function.%s has no MarkdownDescription", name)
		}
	}
	for name, a := range expect.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("action.fc_invoke_function.expect.%s has no MarkdownDescription", name)
		}
	}
}

func TestStatefulAsyncInvocationsDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewStatefulAsyncInvocationsDataSource())
	assertDescribed(t, "data.fc_stateful_async_invocations", s.Attributes)
	assertSchemaModelParity(t, "data.fc_stateful_async_invocations", s.Attributes, statefulAsyncInvocationsDataSourceModel{})
	item := s.Attributes["invocations"].(dschema.ListNestedAttribute).NestedObject
	assertSchemaModelParity(t, "data.fc_stateful_async_invocations.invocations", item.Attributes, statefulAsyncInvocationItem{})
}

func TestInvocationMessages(t *testing.T) {
	ok := &fc.InvokeOutput{StatusCode: 200, Payload: []byte(`{"message":"hi"}`), RequestID: "r1", CodeVersion: "LATEST",
		InstanceID: "c-1", LogResult: "FC Invoke Start\nprinted\n"}
	got := invocationMessages("svc/fn", ok, 1500*time.Microsecond, true)
	want := []string{
		"FC function svc/fn answered in 1.5ms (version LATEST, instance c-1, request ID r1)",
		`Result: {"message":"hi"}`,
		"Log tail:\nFC Invoke Start\nprinted",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("messages\n%q\nwant\n%q", got, want)
	}
	failed := &fc.InvokeOutput{StatusCode: 200, ErrorType: fc.ErrorTypeUnhandled, Payload: []byte(`{"errorMessage":"x"}`)}
	if got := invocationMessages("svc/fn (qualifier prod)", failed, 2*time.Second, false); len(got) != 2 ||
		got[0] != "FC function svc/fn (qualifier prod) failed with UnhandledInvocationError in 2s" {
		t.Errorf("failure messages %q", got)
	}
	async := &fc.InvokeOutput{StatusCode: 202, RequestID: "r2", StatefulInvocationID: "job-1"}
	if got := invocationMessages("svc/fn", async, time.Millisecond, false); len(got) != 1 ||
		got[0] != "FC accepted the asynchronous invocation of svc/fn in 1ms (request ID r2); stateful invocation ID job-1" {
		t.Errorf("async messages %q", got)
	}
}

func TestShowResult(t *testing.T) {
	long := strings.Repeat("é", maxShownResult) // 2 bytes each
	for _, tt := range []struct {
		in   []byte
		want string
	}{
		{nil, "(empty)"},
		{[]byte("text"), "text"},
		{[]byte{0xff, 0x00}, "2 bytes of binary data"},
		{[]byte(long), strings.Repeat("é", maxShownResult/2) + "... (2048 bytes in all)"},
	} {
		if got := showResult(tt.in); got != tt.want {
			t.Errorf("showResult(%q...) = %q, want %q", tt.in[:min(len(tt.in), 8)], got[:min(len(got), 40)], tt.want[:min(len(tt.want), 40)])
		}
	}
}

func TestCheckInvocation(t *testing.T) {
	success := &fc.InvokeOutput{StatusCode: 200, Payload: []byte("Hello, world"), RequestID: "r1"}
	failure := &fc.InvokeOutput{StatusCode: 200, ErrorType: fc.ErrorTypeUnhandled, RequestID: "r2",
		Payload: []byte(`{"errorMessage":"asked to fail","errorType":"ValueError","stackTrace":[]}`), LogResult: "Traceback...\n"}
	accepted := &fc.InvokeOutput{StatusCode: 202}
	expect := func(functionError bool, contains string) *invokeExpectModel {
		m := &invokeExpectModel{FunctionError: types.BoolValue(functionError), ResultContains: types.StringNull()}
		if contains != "" {
			m.ResultContains = types.StringValue(contains)
		}
		return m
	}
	for name, tt := range map[string]struct {
		out    *fc.InvokeOutput
		expect *invokeExpectModel
		want   []string // summary and detail fragments; nil = no error
	}{
		"success":                     {success, nil, nil},
		"success containing":          {success, expect(false, "Hello"), nil},
		"success not containing":      {success, expect(false, "Bye"), []string{"FC function result not as expected", `does not contain "Bye"`, "Hello, world", "r1"}},
		"failure":                     {failure, nil, []string{"FC function returned an error", "svc/fn failed: UnhandledInvocationError, ValueError: asked to fail", "Traceback", "r2"}},
		"expected failure":            {failure, expect(true, ""), nil},
		"expected failure containing": {failure, expect(true, "asked"), nil},
		"expected failure, other":     {failure, expect(true, "timed out"), []string{"does not contain \"timed out\""}},
		"unexpected success":          {success, expect(true, ""), []string{"FC function did not fail", "Hello, world"}},
		"async accepted":              {accepted, nil, nil},
		"non-JSON failure":            {&fc.InvokeOutput{ErrorType: fc.ErrorTypeUnhandled, Payload: []byte("plain")}, nil, []string{"UnhandledInvocationError: plain"}},
	} {
		diags := checkInvocation("svc/fn", tt.out, tt.expect)
		if tt.want == nil {
			if diags.HasError() {
				t.Errorf("%s: %v", name, diags)
			}
			continue
		}
		if len(diags) != 1 {
			t.Errorf("%s: diagnostics %v, want one error", name, diags)
			continue
		}
		text := diags[0].Summary() + "\n" + diags[0].Detail()
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q lacks %q", name, text, w)
			}
		}
	}
}

func TestFlattenStatefulInvocation(t *testing.T) {
	ms := fc.LooseString("1714564800123")
	iso := fc.LooseString("2020-08-20T02:28:21Z")
	in := &fc.StatefulAsyncInvocation{
		InvocationID: fc.Ptr("job"), Status: fc.Ptr("Succeeded"), StartedTime: &ms, EndTime: &iso,
		InvocationPayload: fc.Ptr("{}"), AlreadyRetriedTimes: fc.Ptr(int64(1)),
	}
	got := flattenStatefulInvocation(in, false)
	if got.StartedTime.ValueString() != "2024-05-01T12:00:00.123Z" || got.EndTime.ValueString() != "2020-08-20T02:28:21Z" ||
		!got.Payload.IsNull() || got.AlreadyRetriedTimes.ValueInt64() != 1 || !got.Result.IsNull() || !got.DurationMs.IsNull() {
		t.Errorf("flattened %+v", got)
	}
	if got := flattenStatefulInvocation(in, true); got.Payload.ValueString() != "{}" {
		t.Errorf("payload %v with include_payload", got.Payload)
	}
}
