package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// memPrivate is a private state for the ETag policy tests.
type memPrivate struct {
	m   map[string][]byte
	bad bool
}

func (p *memPrivate) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	if p.bad {
		var d diag.Diagnostics
		d.AddError("private state", "unreadable")
		return nil, d
	}
	return p.m[key], nil
}

func (p *memPrivate) SetKey(_ context.Context, key string, v []byte) diag.Diagnostics {
	if p.m == nil {
		p.m = map[string][]byte{}
	}
	if len(v) == 0 {
		delete(p.m, key)
		return nil
	}
	p.m[key] = v
	return nil
}

// TestETagPolicy: the stored ETag is always the last answer's; an answer
// without one clears it; a failure to read private state is reported.
func TestETagPolicy(t *testing.T) {
	ctx := context.Background()
	p := &memPrivate{}
	var diags diag.Diagnostics
	if got := loadETag(ctx, p, &diags); got != "" || diags.HasError() {
		t.Fatalf("empty private state: %q, %v", got, diags)
	}
	saveETag(ctx, p, `"e1"`)
	if got := loadETag(ctx, p, &diags); got != `"e1"` {
		t.Fatalf("after save: %q", got)
	}
	saveETag(ctx, p, `"e2"`)
	if got := loadETag(ctx, p, &diags); got != `"e2"` {
		t.Fatalf("after a second save: %q", got)
	}
	saveETag(ctx, p, "")
	if got := loadETag(ctx, p, &diags); got != "" {
		t.Fatalf("an answer without an ETag must clear the stored one, got %q", got)
	}
	p.m[etagKey] = []byte("not json")
	if got := loadETag(ctx, p, &diags); got != "" || diags.HasError() {
		t.Fatalf("unreadable value: %q, %v (want no ETag, no error)", got, diags)
	}
	p.bad = true
	if loadETag(ctx, p, &diags); !diags.HasError() {
		t.Fatal("a private state that cannot be read must be reported")
	}
}

func seamSchema() schema.Schema {
	return schema.Schema{Attributes: map[string]schema.Attribute{
		"id":            schema.StringAttribute{Computed: true},
		"service_name":  schema.StringAttribute{Required: true},
		"function_name": schema.StringAttribute{Required: true},
	}}
}

func seamState() tfsdk.State {
	s := seamSchema()
	return tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}
}

func TestRemoveIfNotFound(t *testing.T) {
	ctx := context.Background()
	s := seamSchema()
	full := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, "a/b"), "service_name": tftypes.NewValue(tftypes.String, "a"),
		"function_name": tftypes.NewValue(tftypes.String, "b"),
	})}
	notFound := &fc.APIError{StatusCode: 404, Code: "FunctionNotFound"}
	for _, tc := range []struct {
		name        string
		err         error
		wantHandled bool
	}{
		{"not found", notFound, true},
		{"wrapped not found", errors.Join(errors.New("reading"), notFound), true},
		{"other error", &fc.APIError{StatusCode: 500, Code: "InternalServerError"}, false},
		{"no error", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := &resource.ReadResponse{State: full}
			if got := removeIfNotFound(ctx, resp, tc.err, "function", nil); got != tc.wantHandled {
				t.Fatalf("handled = %v, want %v", got, tc.wantHandled)
			}
			if removed := resp.State.Raw.IsNull(); removed != tc.wantHandled {
				t.Fatalf("removed from state = %v, want %v", removed, tc.wantHandled)
			}
			if gone := goneOnDelete(ctx, tc.err, "function", nil); gone != tc.wantHandled {
				t.Fatalf("goneOnDelete = %v, want %v", gone, tc.wantHandled)
			}
		})
	}
}

func TestImportParts(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		id, format string
		attrs      []string
		wantErr    string
	}{
		{"svc/fn", "SERVICE/FUNCTION", []string{"service_name", "function_name"}, ""},
		{"svc", "SERVICE/FUNCTION", []string{"service_name", "function_name"}, `expected SERVICE/FUNCTION, got "svc"`},
		{"svc/fn/x", "SERVICE/FUNCTION", []string{"service_name", "function_name"}, `expected SERVICE/FUNCTION, got "svc/fn/x"`},
		{"svc/fn", "SERVICE/FUNCTION", []string{"service_name"}, "bug in the provider"},
	} {
		t.Run(tc.id+" "+strings.Join(tc.attrs, ","), func(t *testing.T) {
			resp := &resource.ImportStateResponse{State: seamState()}
			parts := importParts(ctx, resource.ImportStateRequest{ID: tc.id}, resp, "function", tc.format, tc.attrs...)
			if tc.wantErr != "" {
				if parts != nil || !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.wantErr) {
					t.Fatalf("parts %v, diagnostics %v; want an error containing %q", parts, resp.Diagnostics, tc.wantErr)
				}
				return
			}
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			var m struct {
				ID       string `tfsdk:"id"`
				Service  string `tfsdk:"service_name"`
				Function string `tfsdk:"function_name"`
			}
			resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
			if resp.Diagnostics.HasError() || m.ID != "svc/fn" || m.Service != "svc" || m.Function != "fn" {
				t.Fatalf("state %+v, %v", m, resp.Diagnostics)
			}
		})
	}
}

// TestReportCreateError: an unknown outcome keeps the planned object in the
// state (unknown values made null) with the error, so Terraform saves it as
// tainted; the other failures save nothing.
func TestReportCreateError(t *testing.T) {
	ctx := context.Background()
	s := seamSchema()
	typ := s.Type().TerraformType(ctx)
	plan := tfsdk.Plan{Schema: s, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{
		"id": tftypes.NewValue(tftypes.String, tftypes.UnknownValue), "service_name": tftypes.NewValue(tftypes.String, "svc"),
		"function_name": tftypes.NewValue(tftypes.String, "fn"),
	})}
	apiErr := &fc.APIError{StatusCode: 503, Code: "ServiceUnavailable"}
	for _, tc := range []struct {
		name      string
		err       error
		wantState bool
		wantText  string
	}{
		{"outcome unknown", fmt.Errorf("%w: %w", errOutcomeUnknown, apiErr), true, "marked as tainted"},
		{"created differently", fmt.Errorf("%w (%w)", errCreatedDifferently, apiErr), false, "left it alone"},
		{"already exists", &fc.APIError{StatusCode: 409, Code: "FunctionAlreadyExists"}, false, "already exists: import it"},
		{"parent missing", &fc.APIError{StatusCode: 404, Code: "ServiceNotFound"}, false, "(the service does not exist)"},
		{"plain failure", apiErr, false, "code ServiceUnavailable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := &resource.CreateResponse{State: seamState()}
			reportCreateError(ctx, plan, resp, "function", `Could not create function "fn"`, "the service does not exist", tc.err)
			if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.wantText) {
				t.Fatalf("diagnostics %v, want an error containing %q", resp.Diagnostics, tc.wantText)
			}
			if got := !resp.State.Raw.IsNull(); got != tc.wantState {
				t.Fatalf("state kept = %v, want %v", got, tc.wantState)
			}
			if !tc.wantState {
				return
			}
			if !resp.State.Raw.IsFullyKnown() {
				t.Fatal("the state kept must be wholly known")
			}
			var m struct {
				ID       types.String `tfsdk:"id"`
				Service  types.String `tfsdk:"service_name"`
				Function types.String `tfsdk:"function_name"`
			}
			resp.Diagnostics.Append(resp.State.Get(ctx, &m)...)
			if !m.ID.IsNull() || m.Service.ValueString() != "svc" || m.Function.ValueString() != "fn" {
				t.Fatalf("state %+v, want the planned names and a null id", m)
			}
		})
	}
}
