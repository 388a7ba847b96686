package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ validator.Int64 = int64LessOrEqualAttributeValidator{}

type int64LessOrEqualAttributeValidator struct {
	other path.Expression
}

// Int64LessOrEqualAttribute returns a validator that requires an integer to
// be less than or equal to the integer attribute at other, e.g.
// instance_soft_concurrency <= instance_concurrency:
//
//	validators.Int64LessOrEqualAttribute(path.MatchRoot("instance_concurrency"))
//
// Relative expressions (path.MatchRelative()...) resolve against the
// validated attribute. The check is skipped while either value is null or
// unknown.
func Int64LessOrEqualAttribute(other path.Expression) validator.Int64 {
	return int64LessOrEqualAttributeValidator{other: other}
}

func (v int64LessOrEqualAttributeValidator) Description(_ context.Context) string {
	return fmt.Sprintf("must be less than or equal to %s", v.other)
}

func (v int64LessOrEqualAttributeValidator) MarkdownDescription(_ context.Context) string {
	return fmt.Sprintf("must be less than or equal to `%s`", v.other)
}

func (v int64LessOrEqualAttributeValidator) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueInt64()

	for _, expr := range req.PathExpression.MergeExpressions(v.other) {
		matched, diags := req.Config.PathMatches(ctx, expr)
		resp.Diagnostics.Append(diags...)
		if diags.HasError() {
			continue
		}
		for _, p := range matched {
			if p.Equal(req.Path) {
				continue
			}
			var raw attr.Value
			diags := req.Config.GetAttribute(ctx, p, &raw)
			resp.Diagnostics.Append(diags...)
			if diags.HasError() || raw == nil || raw.IsNull() || raw.IsUnknown() {
				continue
			}
			var limit types.Int64
			diags = tfsdk.ValueAs(ctx, raw, &limit)
			resp.Diagnostics.Append(diags...)
			if diags.HasError() {
				continue
			}
			if got > limit.ValueInt64() {
				resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
					fmt.Sprintf("%s must be less than or equal to %s, got %s = %d and %s = %d.",
						req.Path, p, req.Path, got, p, limit.ValueInt64()))
			}
		}
	}
}
