package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// createAttempts bounds how often a create whose outcome was unknown, and
// whose object was then found absent, is sent again.
const createAttempts = 3

// createResendBackoff is the wait before a create is sent again; a
// variable so tests can shorten it.
var createResendBackoff = 500 * time.Millisecond

// errCreatedDifferently reports that a create failed ambiguously and an
// object of the same name exists that is not what was planned: it may be
// someone else's, so it is left alone.
var errCreatedDifferently = errors.New("an object of that name exists but differs from the configuration")

// errOutcomeUnknown reports that a create failed ambiguously and the read
// that should have told whether the object exists failed too: it may exist.
var errOutcomeUnknown = errors.New("whether the object was created is unknown")

// namedCreate is how createByName creates one object that FC names by a
// name the user chose, and finds it again by that name.
type namedCreate[T any] struct {
	// kind and name are for the log ("service", "svc/fn").
	kind, name string
	// create sends the create request.
	create func(ctx context.Context) (T, string, error)
	// find reads the object by its name; a not-found error means absent.
	find func(ctx context.Context) (T, string, error)
	// matches tells whether the object found is the one the create sent.
	matches func(found T) bool
}

// createByName sends a create and, when it fails ambiguously (fc.IsAmbiguous:
// a 5xx, a lost answer, a timeout), finds out what happened instead of
// guessing:
//   - the object is absent: the create did not happen, and is sent again
//     (at most createAttempts times in all, with a backoff);
//   - present and matching what was sent: it is ours, created by the
//     attempt whose answer was lost; it is returned with its ETag (and a
//     warning in the log);
//   - present and different: errCreatedDifferently, the object untouched.
//
// An "already exists" answer to a resend after an ambiguous failure goes
// the same way (the first attempt did happen); to a first attempt it is
// returned as it is, for the caller's import advice.
func createByName[T any](ctx context.Context, c namedCreate[T]) (T, string, error) {
	var zero T
	ambiguous := false
	var lastErr error
	for attempt := 1; attempt <= createAttempts; attempt++ {
		out, etag, err := c.create(ctx)
		if err == nil {
			return out, etag, nil
		}
		if !fc.IsAmbiguous(err) && !(ambiguous && fc.IsConflict(err)) {
			return zero, "", err
		}
		ambiguous, lastErr = true, err
		tflog.Warn(ctx, "FC create failed with an unknown outcome; reading the object to find out", map[string]any{
			"kind": c.kind, "name": c.name, "attempt": attempt, "error": err.Error(),
		})
		found, foundETag, ferr := c.find(ctx)
		switch {
		case ferr == nil && c.matches(found):
			tflog.Warn(ctx, "FC create's answer was lost but the object exists as planned; taking it into the state", map[string]any{
				"kind": c.kind, "name": c.name,
			})
			return found, foundETag, nil
		case ferr == nil:
			return zero, "", fmt.Errorf("%w (the create had failed: %w)", errCreatedDifferently, err)
		case !fc.IsNotFound(ferr):
			return zero, "", fmt.Errorf("%w: the create failed (%w) and reading the object to see whether it exists failed too: %w", errOutcomeUnknown, err, ferr)
		}
		if attempt < createAttempts {
			select {
			case <-ctx.Done():
				return zero, "", errors.Join(lastErr, ctx.Err())
			case <-time.After(createResendBackoff * time.Duration(attempt)):
			}
		}
	}
	return zero, "", lastErr
}

// sentMatches reports whether every member of the request body sent is
// present with the same value in the object read back (which has more:
// computed members). Arrays must have the same length, each element
// matching; members named in ignore (top level) are skipped.
func sentMatches(sent, got any, ignore ...string) bool {
	a, errA := toJSONValue(sent)
	b, errB := toJSONValue(got)
	if errA != nil || errB != nil {
		return false
	}
	am, okA := a.(map[string]any)
	bm, okB := b.(map[string]any)
	if !okA || !okB {
		return false
	}
	for _, k := range ignore {
		delete(am, k)
	}
	return jsonSubset(am, bm)
}

func toJSONValue(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	return out, json.Unmarshal(raw, &out)
}

func jsonSubset(sent, got any) bool {
	switch s := sent.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return got == nil && jsonSubset(s, map[string]any{})
		}
		for k, sv := range s {
			if !jsonSubset(sv, g[k]) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok {
			return len(s) == 0 && got == nil
		}
		if len(s) != len(g) {
			return false
		}
		for i := range s {
			if !jsonSubset(s[i], g[i]) {
				return false
			}
		}
		return true
	default:
		// FC may leave out a member that holds its zero value.
		if got == nil {
			return sent == nil || sent == "" || sent == false || sent == float64(0)
		}
		return reflect.DeepEqual(sent, got)
	}
}

// rawJSONMatches is sentMatches for a JSON document carried as bytes (a
// trigger's configuration): every member sent is in got with the same value.
func rawJSONMatches(sent, got []byte) bool {
	if len(sent) == 0 {
		return true
	}
	var a, b any
	if json.Unmarshal(sent, &a) != nil || json.Unmarshal(got, &b) != nil {
		return false
	}
	return jsonSubset(a, b)
}

// The seams every resource's Read, Delete and ImportState share. A resource
// keeps its own flow (plain CRUD, create-or-update PUT, publish-only, an
// attribute on a parent, read-only); what repeats lives here.

// removeIfNotFound handles a Read whose object is gone: when err is a
// not-found answer it logs a warning, removes the resource from the state
// (Terraform then plans to create it again) and returns true.
func removeIfNotFound(ctx context.Context, resp *resource.ReadResponse, err error, kind string, fields map[string]any) bool {
	if !fc.IsNotFound(err) {
		return false
	}
	tflog.Warn(ctx, "FC "+kind+" not found, removing it from the state", fields)
	// The framework wants an identity after every Read, also one that
	// removes the resource; Terraform below 1.12 sends none to start from.
	resp.Diagnostics.Append(identityFromState(ctx, resp.State, resp.Identity)...)
	resp.State.RemoveResource(ctx)
	return true
}

// importID is the import ID: the one given, or the one an import block's
// identity (Terraform 1.12+) makes, its attributes attrs joined in the
// order of format. It reports false, with the error added, when the
// identity lacks one.
func importID(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, format string, attrs ...string) (string, bool) {
	if req.ID != "" || req.Identity == nil || req.Identity.Raw.IsNull() {
		return req.ID, true
	}
	id, diags := importIDFromIdentity(ctx, req.Identity, format, attrs...)
	resp.Diagnostics.Append(diags...)
	return id, !diags.HasError()
}

// goneOnDelete reports whether a Delete's error means the object was
// already gone, which is success.
func goneOnDelete(ctx context.Context, err error, kind string, fields map[string]any) bool {
	if !fc.IsNotFound(err) {
		return false
	}
	tflog.Debug(ctx, "FC "+kind+" already deleted", fields)
	return true
}

// importParts parses a composite import ID of the given format
// ("SERVICE/FUNCTION"), sets id to the whole ID and each attribute to its
// part, and returns the parts; on a malformed ID it reports the expected
// format and returns nil. An import block's identity (Terraform 1.12+, no
// ID) names the same attributes, and gives the ID.
func importParts(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, kind, format string, attrs ...string) []string {
	id, ok := importID(ctx, req, resp, format, attrs...)
	if !ok {
		return nil
	}
	parts, err := parseImportID(id, format)
	if err == nil && len(parts) != len(attrs) {
		err = fmt.Errorf("import format %s has %d parts but %d attributes: this is a bug in the provider", format, len(parts), len(attrs))
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Could not import an FC %s: %s.", kind, err))
		return nil
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	for i, a := range attrs {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(a), parts[i])...)
	}
	return parts
}

// reportCreateError reports a create that failed, with the advice each
// outcome of createByName needs; what names the object ("Could not create
// function "fn" in service "svc""), notFound is the resource's hint for a
// not-found answer (a parent missing), or "". When the outcome is unknown
// (errOutcomeUnknown) it keeps the planned object in the state: Terraform
// then saves it as tainted, and the next apply refreshes it (dropping it if
// it is absent) and replaces it, so the apply converges with no manual step.
func reportCreateError(ctx context.Context, plan tfsdk.Plan, resp *resource.CreateResponse, kind, what, notFound string, err error) {
	switch {
	case errors.Is(err, errOutcomeUnknown):
		what += fmt.Sprintf(" (its answer was lost, and whether the %s exists could not be read: Terraform keeps it in the state "+
			"marked as tainted, so the next apply reads it again and replaces it)", kind)
		resp.Diagnostics.Append(keepPlannedForReplacement(plan, &resp.State)...)
	case errors.Is(err, errCreatedDifferently):
		what += fmt.Sprintf(" (its answer was lost, and the %s of that name that exists now differs from the configuration, "+
			"so Terraform left it alone: import it with `terraform import`, or choose another name)", kind)
	case fc.IsConflict(err):
		what += fmt.Sprintf(" (a %s of that name already exists: import it with `terraform import`, or choose another name)", kind)
	case fc.IsNotFound(err) && notFound != "":
		what += " (" + notFound + ")"
	}
	addAPIError(&resp.Diagnostics, "Error creating FC "+kind, kind, what, err)
}

// keepPlannedForReplacement sets the state to the plan with every value
// not yet known made null (a state must be wholly known). Returned with an
// error from Create, it is saved as tainted.
func keepPlannedForReplacement(plan tfsdk.Plan, state *tfsdk.State) diag.Diagnostics {
	var diags diag.Diagnostics
	raw, err := tftypes.Transform(plan.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError("Error saving the state of an FC object that may exist",
			"Terraform could not keep the object in the state for replacement: "+err.Error()+". Import it if it exists.")
		return diags
	}
	state.Raw = raw
	return diags
}

// answer is the response of a Create, Read or Update.
type answer interface {
	*resource.CreateResponse | *resource.ReadResponse | *resource.UpdateResponse
}

// saveWithETag saves what Create, Read or Update flattened from an answer:
// the model m (with flat, the diagnostics of flattening it) into the
// state, the resource identity from that state, and the answer's ETag into
// private state (saveETag); nothing when the flattening failed.
func saveWithETag[R answer](ctx context.Context, resp R, m any, flat diag.Diagnostics, etag string) {
	if saveState(ctx, resp, m, flat) {
		_, private, _, diags := answerParts(resp)
		diags.Append(saveETag(ctx, private, etag)...)
	}
}

// saveState is saveWithETag for objects without an ETag: the state and the
// identity. It reports whether it saved them.
func saveState[R answer](ctx context.Context, resp R, m any, flat diag.Diagnostics) bool {
	state, _, identity, diags := answerParts(resp)
	diags.Append(flat...)
	if diags.HasError() {
		return false
	}
	diags.Append(state.Set(ctx, m)...)
	if diags.HasError() {
		return false
	}
	diags.Append(identityFromState(ctx, *state, identity)...)
	return !diags.HasError()
}

func answerParts[R answer](resp R) (*tfsdk.State, privateSetter, *tfsdk.ResourceIdentity, *diag.Diagnostics) {
	switch r := any(resp).(type) {
	case *resource.CreateResponse:
		return &r.State, r.Private, r.Identity, &r.Diagnostics
	case *resource.ReadResponse:
		return &r.State, r.Private, r.Identity, &r.Diagnostics
	case *resource.UpdateResponse:
		return &r.State, r.Private, r.Identity, &r.Diagnostics
	}
	panic("unreachable: answer is one of three response types")
}
