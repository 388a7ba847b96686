package alicloudschema

import (
	"context"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// storedResource is a resource of the stand-in: it stores its plan.
type storedResource struct {
	// name is the type name without the provider's prefix, e.g.
	// "fc_service".
	name   string
	schema schema.Schema
	// idAttrs are the attributes whose values, joined with ":", are the
	// incumbent's ID.
	idAttrs []string
}

var (
	_ resource.Resource                = (*storedResource)(nil)
	_ resource.ResourceWithImportState = (*storedResource)(nil)
)

func (r *storedResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.name
}

func (r *storedResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = r.schema
}

func (r *storedResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.store(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *storedResource) Read(_ context.Context, _ resource.ReadRequest, _ *resource.ReadResponse) {
	// The state stays as it is.
}

func (r *storedResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.store(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *storedResource) Delete(_ context.Context, _ resource.DeleteRequest, _ *resource.DeleteResponse) {
}

// ImportState takes the ID alone, as SDK v1's ImportStatePassthrough does
// (the incumbent then reads the object; this stand-in does not).
func (r *storedResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// store sets the state to the plan, with unknown values set as SDK v1
// stores a computed value nothing set, and the id of a new object.
func (r *storedResource) store(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State, diags interface {
	AddError(string, string)
}) {
	// A create plans the id unknown; an update keeps the state's.
	var planned map[string]tftypes.Value
	if err := plan.Raw.As(&planned); err != nil {
		diags.AddError("Stand-in alicloud provider", err.Error())
		return
	}
	idUnknown := !planned["id"].IsKnown()
	v, err := tftypes.Transform(plan.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		return zeroValue(v.Type()), nil
	})
	if err != nil {
		diags.AddError("Stand-in alicloud provider", err.Error())
		return
	}
	state.Raw = v
	if !idUnknown {
		return // the id of an existing object stays
	}
	var attrs map[string]tftypes.Value
	if err := v.As(&attrs); err != nil {
		diags.AddError("Stand-in alicloud provider", err.Error())
		return
	}
	parts := make([]string, 0, len(r.idAttrs))
	for _, a := range r.idAttrs {
		var s string
		if err := attrs[a].As(&s); err != nil {
			diags.AddError("Stand-in alicloud provider", fmt.Sprintf("%s: %s", a, err))
			return
		}
		parts = append(parts, s)
	}
	if d := state.SetAttribute(ctx, path.Root("id"), strings.Join(parts, ":")); d.HasError() {
		diags.AddError("Stand-in alicloud provider", fmt.Sprint(d))
	}
}

// zeroValue is what SDK v1 stores for a computed value nothing set.
func zeroValue(t tftypes.Type) tftypes.Value {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "")
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, new(big.Float))
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, false)
	case t.Is(tftypes.List{}), t.Is(tftypes.Set{}):
		return tftypes.NewValue(t, []tftypes.Value{})
	case t.Is(tftypes.Map{}):
		return tftypes.NewValue(t, map[string]tftypes.Value{})
	}
	return tftypes.NewValue(t, nil)
}
