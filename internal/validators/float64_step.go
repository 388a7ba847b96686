package validators

import (
	"context"
	"fmt"
	"math"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// float64StepTolerance is how far value/step may be from an integer and still
// count as a multiple, which absorbs binary floating-point error (0.15/0.05
// is 2.9999999999999996).
const float64StepTolerance = 1e-9

// Float64Step returns a validator that requires a number to be a multiple of
// step within floating-point tolerance, e.g. cpu (0.05). Zero and negative
// multiples pass; combine with float64validator.AtLeast for a lower bound.
// step must be positive and finite: otherwise every known value fails with a
// validator-usage error.
func Float64Step(step float64) validator.Float64 {
	desc := description{
		plain:    fmt.Sprintf("must be a multiple of %s", formatFloat(step)),
		markdown: fmt.Sprintf("must be a multiple of `%s`", formatFloat(step)),
	}
	return float64Validator{desc, func(_ context.Context, req validator.Float64Request, got float64, diags *diag.Diagnostics) {
		if !(step > 0) || math.IsInf(step, 1) {
			diags.AddAttributeError(req.Path, "Invalid Validator Usage",
				fmt.Sprintf("Float64Step needs a positive finite step, got %s. This is a bug in the provider; please report it.", formatFloat(step)))
			return
		}
		q := got / step
		if math.IsNaN(q) || math.IsInf(q, 0) || math.Abs(q-math.Round(q)) > float64StepTolerance {
			diags.AddAttributeError(req.Path, "Invalid Attribute Value",
				fmt.Sprintf("%s %s, got %s.", req.Path, desc.plain, formatFloat(got)))
		}
	}}
}

// formatFloat prints the shortest decimal that round-trips, e.g. 0.05.
func formatFloat(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
