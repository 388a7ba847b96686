package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var _ validator.Int64 = int64MultipleOfValidator{}

type int64MultipleOfValidator struct {
	n int64
}

// Int64MultipleOf returns a validator that requires an integer to be a
// multiple of n, e.g. memory_size (64) or gpu_memory_size (1024). Zero and
// negative multiples pass; combine with int64validator.AtLeast for a lower
// bound. n must be positive: any other n makes every known value fail with a
// validator-usage error.
func Int64MultipleOf(n int64) validator.Int64 {
	return int64MultipleOfValidator{n: n}
}

func (v int64MultipleOfValidator) Description(_ context.Context) string {
	return fmt.Sprintf("must be a multiple of %d", v.n)
}

func (v int64MultipleOfValidator) MarkdownDescription(ctx context.Context) string {
	return fmt.Sprintf("must be a multiple of `%d`", v.n)
}

func (v int64MultipleOfValidator) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if v.n <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Validator Usage",
			fmt.Sprintf("Int64MultipleOf needs a positive divisor, got %d. This is a bug in the provider; please report it.", v.n))
		return
	}
	got := req.ConfigValue.ValueInt64()
	if got%v.n != 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value",
			fmt.Sprintf("%s %s, got %d.", req.Path, v.Description(ctx), got))
	}
}
