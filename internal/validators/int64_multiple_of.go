package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Int64MultipleOf returns a validator that requires an integer to be a
// multiple of n, e.g. memory_size (64) or gpu_memory_size (1024). Zero and
// negative multiples pass; combine with int64validator.AtLeast for a lower
// bound. n must be positive: any other n makes every known value fail with a
// validator-usage error.
func Int64MultipleOf(n int64) validator.Int64 {
	desc := description{
		plain:    fmt.Sprintf("must be a multiple of %d", n),
		markdown: fmt.Sprintf("must be a multiple of `%d`", n),
	}
	return int64Validator{desc, func(_ context.Context, req validator.Int64Request, got int64, diags *diag.Diagnostics) {
		if n <= 0 {
			diags.AddAttributeError(req.Path, "Invalid Validator Usage",
				fmt.Sprintf("Int64MultipleOf needs a positive divisor, got %d. This is a bug in the provider; please report it.", n))
			return
		}
		if got%n != 0 {
			diags.AddAttributeError(req.Path, "Invalid Attribute Value",
				fmt.Sprintf("%s %s, got %d.", req.Path, desc.plain, got))
		}
	}}
}
