package validators

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var _ validator.Float64 = float64GreaterThanValidator{}

type float64GreaterThanValidator struct{ min float64 }

// Float64GreaterThan returns a validator for a number strictly greater than
// bound, e.g. a metric target that must be more than 0.
func Float64GreaterThan(bound float64) validator.Float64 {
	return float64GreaterThanValidator{min: bound}
}

func (v float64GreaterThanValidator) Description(_ context.Context) string {
	return "must be more than " + strconv.FormatFloat(v.min, 'g', -1, 64)
}

func (v float64GreaterThanValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v float64GreaterThanValidator) ValidateFloat64(ctx context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if got := req.ConfigValue.ValueFloat64(); !(got > v.min) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("%s %s, got %s.", req.Path, v.Description(ctx), strconv.FormatFloat(got, 'g', -1, 64)))
	}
}
