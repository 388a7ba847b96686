package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The skeleton every validator of this package shares: a description, and
// a check that runs only on known values (null and unknown ones pass) and
// reports against the validated path. A validator is one of the types
// below, built by its constructor with its descriptions and its check, so
// that a new rule says only what is its own.

var (
	_ validator.String  = stringValidator{}
	_ validator.Int64   = int64Validator{}
	_ validator.Float64 = float64Validator{}
	_ validator.Object  = objectValidator{}
	_ validator.List    = listValidator{}
)

// description is what a validator says it requires, as plain text and as
// Markdown; an empty markdown is the plain text.
type description struct{ plain, markdown string }

func (d description) Description(_ context.Context) string { return d.plain }

func (d description) MarkdownDescription(_ context.Context) string {
	if d.markdown == "" {
		return d.plain
	}
	return d.markdown
}

// isKnown reports whether a configuration value is neither null nor
// unknown: the only values a check sees.
func isKnown(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// stringValidator is a validator.String: check sees the known value got.
type stringValidator struct {
	description
	check func(ctx context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics)
}

func (v stringValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if isKnown(req.ConfigValue) {
		v.check(ctx, req, req.ConfigValue.ValueString(), &resp.Diagnostics)
	}
}

// int64Validator is a validator.Int64: check sees the known value got.
type int64Validator struct {
	description
	check func(ctx context.Context, req validator.Int64Request, got int64, diags *diag.Diagnostics)
}

func (v int64Validator) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if isKnown(req.ConfigValue) {
		v.check(ctx, req, req.ConfigValue.ValueInt64(), &resp.Diagnostics)
	}
}

// float64Validator is a validator.Float64: check sees the known value got.
type float64Validator struct {
	description
	check func(ctx context.Context, req validator.Float64Request, got float64, diags *diag.Diagnostics)
}

func (v float64Validator) ValidateFloat64(ctx context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if isKnown(req.ConfigValue) {
		v.check(ctx, req, req.ConfigValue.ValueFloat64(), &resp.Diagnostics)
	}
}

// objectValidator is a validator.Object: check sees the attributes of the
// known object.
type objectValidator struct {
	description
	check func(ctx context.Context, req validator.ObjectRequest, attrs map[string]attr.Value, diags *diag.Diagnostics)
}

func (v objectValidator) ValidateObject(ctx context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if isKnown(req.ConfigValue) {
		v.check(ctx, req, req.ConfigValue.Attributes(), &resp.Diagnostics)
	}
}

// listValidator is a validator.List: check sees the elements of the known
// list.
type listValidator struct {
	description
	check func(ctx context.Context, req validator.ListRequest, elems []attr.Value, diags *diag.Diagnostics)
}

func (v listValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if isKnown(req.ConfigValue) {
		v.check(ctx, req, req.ConfigValue.Elements(), &resp.Diagnostics)
	}
}
