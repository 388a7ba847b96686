package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

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
	desc := description{
		plain:    fmt.Sprintf("must be less than or equal to %s", other),
		markdown: fmt.Sprintf("must be less than or equal to `%s`", other),
	}
	return int64Validator{desc, func(ctx context.Context, req validator.Int64Request, got int64, diags *diag.Diagnostics) {
		for _, expr := range req.PathExpression.MergeExpressions(other) {
			matched, d := req.Config.PathMatches(ctx, expr)
			diags.Append(d...)
			if d.HasError() {
				continue
			}
			for _, p := range matched {
				if p.Equal(req.Path) {
					continue
				}
				var raw attr.Value
				d := req.Config.GetAttribute(ctx, p, &raw)
				diags.Append(d...)
				if d.HasError() || raw == nil || raw.IsNull() || raw.IsUnknown() {
					continue
				}
				var limit types.Int64
				d = tfsdk.ValueAs(ctx, raw, &limit)
				diags.Append(d...)
				if d.HasError() {
					continue
				}
				if got > limit.ValueInt64() {
					diags.AddAttributeError(req.Path, "Invalid Attribute Value",
						fmt.Sprintf("%s must be less than or equal to %s, got %s = %d and %s = %d.",
							req.Path, p, req.Path, got, p, limit.ValueInt64()))
				}
			}
		}
	}}
}
