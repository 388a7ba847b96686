package validators

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var _ validator.Float64 = float64StepValidator{}

// float64StepTolerance is how far value/step may be from an integer and still
// count as a multiple, which absorbs binary floating-point error (0.15/0.05
// is 2.9999999999999996).
const float64StepTolerance = 1e-9

type float64StepValidator struct {
	step float64
}

// Float64Step returns a validator that requires a number to be a multiple of
// step within floating-point tolerance, e.g. cpu (0.05). Zero and negative
// multiples pass; combine with float64validator.AtLeast for a lower bound.
// step must be positive and finite: otherwise every known value fails with a
// validator-usage error.
func Float64Step(step float64) validator.Float64 {
	return float64StepValidator{step: step}
}

func (v float64StepValidator) Description(_ context.Context) string {
	return fmt.Sprintf("must be a multiple of %s", formatFloat(v.step))
}

func (v float64StepValidator) MarkdownDescription(_ context.Context) string {
	return fmt.Sprintf("must be a multiple of `%s`", formatFloat(v.step))
}

func (v float64StepValidator) ValidateFloat64(ctx context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if !(v.step > 0) || math.IsInf(v.step, 1) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Validator Usage",
			fmt.Sprintf("Float64Step needs a positive finite step, got %s. This is a bug in the provider; please report it.", formatFloat(v.step)))
		return
	}
	got := req.ConfigValue.ValueFloat64()
	q := got / v.step
	if math.IsNaN(q) || math.IsInf(q, 0) || math.Abs(q-math.Round(q)) > float64StepTolerance {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("%s %s, got %s.", req.Path, v.Description(ctx), formatFloat(got)))
	}
}

// formatFloat prints the shortest decimal that round-trips, e.g. 0.05.
func formatFloat(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
