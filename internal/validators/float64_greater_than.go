package validators

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Float64GreaterThan returns a validator for a number strictly greater than
// bound, e.g. a metric target that must be more than 0.
func Float64GreaterThan(bound float64) validator.Float64 {
	desc := description{plain: "must be more than " + strconv.FormatFloat(bound, 'g', -1, 64)}
	return float64Validator{desc, func(_ context.Context, req validator.Float64Request, got float64, diags *diag.Diagnostics) {
		if !(got > bound) {
			diags.AddAttributeError(req.Path, "Invalid Attribute Value",
				fmt.Sprintf("%s %s, got %s.", req.Path, desc.plain, strconv.FormatFloat(got, 'g', -1, 64)))
		}
	}}
}
