package validators

import (
	"context"
	"math"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestInt64MultipleOf(t *testing.T) {
	t.Parallel()
	p := path.Root("memory_size")
	tests := map[string]struct {
		n     int64
		value types.Int64
		want  *wantDiag
	}{
		"multiple":          {n: 64, value: types.Int64Value(128)},
		"the divisor":       {n: 64, value: types.Int64Value(64)},
		"zero":              {n: 64, value: types.Int64Value(0)},
		"negative multiple": {n: 64, value: types.Int64Value(-192)},
		"gpu memory":        {n: 1024, value: types.Int64Value(16384)},
		"null":              {n: 64, value: types.Int64Null()},
		"unknown":           {n: 64, value: types.Int64Unknown()},
		"not a multiple": {n: 64, value: types.Int64Value(100),
			want: &wantDiag{summary: "Invalid Attribute Value", detail: []string{"memory_size", "multiple of 64", "got 100"}}},
		"one off": {n: 1024, value: types.Int64Value(1025),
			want: &wantDiag{summary: "Invalid Attribute Value", detail: []string{"multiple of 1024", "got 1025"}}},
		"negative non-multiple": {n: 64, value: types.Int64Value(-1),
			want: &wantDiag{detail: []string{"got -1"}}},
		"zero divisor": {n: 0, value: types.Int64Value(64),
			want: &wantDiag{summary: "Invalid Validator Usage", detail: []string{"got 0"}}},
		"negative divisor": {n: -64, value: types.Int64Value(64),
			want: &wantDiag{summary: "Invalid Validator Usage", detail: []string{"got -64"}}},
		"zero divisor, null value": {n: 0, value: types.Int64Null()},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.Int64Request{Path: p, PathExpression: p.Expression(), ConfigValue: tt.value}
			var resp validator.Int64Response
			Int64MultipleOf(tt.n).ValidateInt64(context.Background(), req, &resp)
			checkDiags(t, resp.Diagnostics, p, tt.want)
		})
	}
}

func TestFloat64Step(t *testing.T) {
	t.Parallel()
	p := path.Root("cpu")
	tests := map[string]struct {
		step  float64
		value types.Float64
		want  *wantDiag
	}{
		"the step":                 {step: 0.05, value: types.Float64Value(0.05)},
		"0.15 (binary error)":      {step: 0.05, value: types.Float64Value(0.15)},
		"0.1+0.2":                  {step: 0.05, value: types.Float64Value(0.1 + 0.2)},
		"0.35":                     {step: 0.05, value: types.Float64Value(0.35)},
		"whole":                    {step: 0.05, value: types.Float64Value(16)},
		"2.55":                     {step: 0.05, value: types.Float64Value(2.55)},
		"zero":                     {step: 0.05, value: types.Float64Value(0)},
		"negative multiple":        {step: 0.05, value: types.Float64Value(-0.25)},
		"integer step":             {step: 2, value: types.Float64Value(6)},
		"null":                     {step: 0.05, value: types.Float64Null()},
		"unknown":                  {step: 0.05, value: types.Float64Unknown()},
		"zero step, unknown value": {step: 0, value: types.Float64Unknown()},
		"not a multiple": {step: 0.05, value: types.Float64Value(0.12),
			want: &wantDiag{summary: "Invalid Attribute Value", detail: []string{"cpu", "multiple of 0.05", "got 0.12"}}},
		"just off": {step: 0.05, value: types.Float64Value(0.0501),
			want: &wantDiag{detail: []string{"got 0.0501"}}},
		"odd with integer step": {step: 2, value: types.Float64Value(5),
			want: &wantDiag{detail: []string{"multiple of 2", "got 5"}}},
		"infinite value": {step: 0.05, value: types.Float64Value(math.Inf(1)),
			want: &wantDiag{summary: "Invalid Attribute Value"}},
		"zero step": {step: 0, value: types.Float64Value(1),
			want: &wantDiag{summary: "Invalid Validator Usage"}},
		"negative step": {step: -0.05, value: types.Float64Value(1),
			want: &wantDiag{summary: "Invalid Validator Usage"}},
		"NaN step": {step: math.NaN(), value: types.Float64Value(1),
			want: &wantDiag{summary: "Invalid Validator Usage"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.Float64Request{Path: p, PathExpression: p.Expression(), ConfigValue: tt.value}
			var resp validator.Float64Response
			Float64Step(tt.step).ValidateFloat64(context.Background(), req, &resp)
			checkDiags(t, resp.Diagnostics, p, tt.want)
		})
	}
}

// TestFloat64StepAllCPUValues checks every multiple of 0.05 up to 32 vCPU as
// a user would write it (a decimal literal), which is where float error bites.
func TestFloat64StepAllCPUValues(t *testing.T) {
	t.Parallel()
	v := Float64Step(0.05)
	p := path.Root("cpu")
	for i := 1; i <= 640; i++ {
		value := float64(i) / 20 // the closest float64 to the decimal i*0.05
		var resp validator.Float64Response
		v.ValidateFloat64(context.Background(), validator.Float64Request{Path: p, ConfigValue: types.Float64Value(value)}, &resp)
		if resp.Diagnostics.HasError() {
			t.Errorf("%v rejected: %v", value, resp.Diagnostics)
		}
		off := value + 0.01
		resp = validator.Float64Response{}
		v.ValidateFloat64(context.Background(), validator.Float64Request{Path: p, ConfigValue: types.Float64Value(off)}, &resp)
		if !resp.Diagnostics.HasError() {
			t.Errorf("%v accepted", off)
		}
	}
}

func TestNumericDescriptions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := map[string]struct {
		got, want string
	}{
		"Int64MultipleOf":                    {Int64MultipleOf(64).Description(ctx), "must be a multiple of 64"},
		"Int64MultipleOf markdown":           {Int64MultipleOf(64).MarkdownDescription(ctx), "must be a multiple of `64`"},
		"Float64Step":                        {Float64Step(0.05).Description(ctx), "must be a multiple of 0.05"},
		"Float64Step markdown":               {Float64Step(0.05).MarkdownDescription(ctx), "must be a multiple of `0.05`"},
		"Int64LessOrEqualAttribute":          {Int64LessOrEqualAttribute(path.MatchRoot("instance_concurrency")).Description(ctx), "must be less than or equal to instance_concurrency"},
		"Int64LessOrEqualAttribute markdown": {Int64LessOrEqualAttribute(path.MatchRoot("instance_concurrency")).MarkdownDescription(ctx), "must be less than or equal to `instance_concurrency`"},
	}
	for name, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", name, tt.got, tt.want)
		}
	}
}
