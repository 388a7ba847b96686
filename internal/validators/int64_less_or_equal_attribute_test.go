package validators

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// lessOrEqualSchema is a small resource schema with the pair at the root and
// again inside a nested attribute, to exercise root and relative expressions.
var lessOrEqualSchema = schema.Schema{
	Attributes: map[string]schema.Attribute{
		"instance_concurrency":      schema.Int64Attribute{Optional: true},
		"instance_soft_concurrency": schema.Int64Attribute{Optional: true},
		"description":               schema.StringAttribute{Optional: true},
		"scaling": schema.SingleNestedAttribute{
			Optional: true,
			Attributes: map[string]schema.Attribute{
				"max": schema.Int64Attribute{Optional: true},
				"min": schema.Int64Attribute{Optional: true},
			},
		},
	},
}

var scalingType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
	"max": tftypes.Number,
	"min": tftypes.Number,
}}

// num returns a tftypes number, or null for nil, or unknown for "unknown".
func num(v any) tftypes.Value {
	switch v := v.(type) {
	case nil:
		return tftypes.NewValue(tftypes.Number, nil)
	case int:
		return tftypes.NewValue(tftypes.Number, v)
	default:
		return tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)
	}
}

func lessOrEqualConfig(t *testing.T, concurrency, soft any, scaling tftypes.Value) tfsdk.Config {
	t.Helper()
	typ := lessOrEqualSchema.Type().TerraformType(context.Background())
	return tfsdk.Config{
		Schema: lessOrEqualSchema,
		Raw: tftypes.NewValue(typ, map[string]tftypes.Value{
			"instance_concurrency":      num(concurrency),
			"instance_soft_concurrency": num(soft),
			"description":               tftypes.NewValue(tftypes.String, "d"),
			"scaling":                   scaling,
		}),
	}
}

func nullScaling() tftypes.Value { return tftypes.NewValue(scalingType, nil) }

func scalingValue(lo, hi any) tftypes.Value {
	return tftypes.NewValue(scalingType, map[string]tftypes.Value{"min": num(lo), "max": num(hi)})
}

func TestInt64LessOrEqualAttribute(t *testing.T) {
	t.Parallel()
	softPath := path.Root("instance_soft_concurrency")
	concurrency := path.MatchRoot("instance_concurrency")
	minPath := path.Root("scaling").AtName("min")
	sibling := path.MatchRelative().AtParent().AtName("max")

	tests := map[string]struct {
		config tfsdk.Config
		path   path.Path
		other  path.Expression
		value  types.Int64
		want   *wantDiag
	}{
		"less": {
			config: lessOrEqualConfig(t, 10, 5, nullScaling()), path: softPath, other: concurrency, value: types.Int64Value(5),
		},
		"equal": {
			config: lessOrEqualConfig(t, 10, 10, nullScaling()), path: softPath, other: concurrency, value: types.Int64Value(10),
		},
		"greater": {
			config: lessOrEqualConfig(t, 10, 11, nullScaling()), path: softPath, other: concurrency, value: types.Int64Value(11),
			want: &wantDiag{summary: "Invalid Attribute Value", detail: []string{
				"instance_soft_concurrency must be less than or equal to instance_concurrency",
				"instance_soft_concurrency = 11", "instance_concurrency = 10",
			}},
		},
		"other null": {
			config: lessOrEqualConfig(t, nil, 11, nullScaling()), path: softPath, other: concurrency, value: types.Int64Value(11),
		},
		"other unknown": {
			config: lessOrEqualConfig(t, "unknown", 11, nullScaling()), path: softPath, other: concurrency, value: types.Int64Value(11),
		},
		"value null": {
			config: lessOrEqualConfig(t, 10, nil, nullScaling()), path: softPath, other: concurrency, value: types.Int64Null(),
		},
		"value unknown": {
			config: lessOrEqualConfig(t, 10, "unknown", nullScaling()), path: softPath, other: concurrency, value: types.Int64Unknown(),
		},
		"relative, less": {
			config: lessOrEqualConfig(t, nil, nil, scalingValue(1, 3)), path: minPath, other: sibling, value: types.Int64Value(1),
		},
		"relative, greater": {
			config: lessOrEqualConfig(t, nil, nil, scalingValue(4, 3)), path: minPath, other: sibling, value: types.Int64Value(4),
			want: &wantDiag{detail: []string{"scaling.min must be less than or equal to scaling.max", "scaling.min = 4", "scaling.max = 3"}},
		},
		"relative, sibling null": {
			config: lessOrEqualConfig(t, nil, nil, scalingValue(4, nil)), path: minPath, other: sibling, value: types.Int64Value(4),
		},
		"root expression into a null parent": {
			config: lessOrEqualConfig(t, nil, 5, nullScaling()), path: softPath, other: path.MatchRoot("scaling").AtName("max"), value: types.Int64Value(5),
		},
		"expression outside the schema": {
			config: lessOrEqualConfig(t, 10, 11, nullScaling()), path: softPath, other: path.MatchRoot("no_such_attribute"), value: types.Int64Value(11),
			want: &wantDiag{summary: "Invalid Path Expression for Schema"},
		},
		"other is not a number": {
			config: lessOrEqualConfig(t, 10, 11, nullScaling()), path: softPath, other: path.MatchRoot("description"), value: types.Int64Value(11),
			want: &wantDiag{},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.Int64Request{
				Config:         tt.config,
				ConfigValue:    tt.value,
				Path:           tt.path,
				PathExpression: tt.path.Expression(),
			}
			var resp validator.Int64Response
			Int64LessOrEqualAttribute(tt.other).ValidateInt64(context.Background(), req, &resp)
			if tt.want != nil && tt.want.summary == "Invalid Path Expression for Schema" {
				// Framework diagnostic without a path: a bug in the caller.
				if !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != tt.want.summary {
					t.Fatalf("want %q, got %v", tt.want.summary, resp.Diagnostics)
				}
				return
			}
			if tt.want != nil && tt.want.summary == "" && len(tt.want.detail) == 0 {
				if !resp.Diagnostics.HasError() {
					t.Fatal("want an error")
				}
				return
			}
			checkDiags(t, resp.Diagnostics, tt.path, tt.want)
		})
	}
}

// TestInt64LessOrEqualAttributeInSchema runs the validator the way the
// framework does, from an attribute's Validators, through a real config.
func TestInt64LessOrEqualAttributeInSchema(t *testing.T) {
	t.Parallel()
	v := Int64LessOrEqualAttribute(path.MatchRoot("instance_concurrency"))
	s := lessOrEqualSchema
	attrs := map[string]schema.Attribute{}
	for k, a := range s.Attributes {
		attrs[k] = a
	}
	attrs["instance_soft_concurrency"] = schema.Int64Attribute{Optional: true, Validators: []validator.Int64{v}}
	s.Attributes = attrs

	ctx := context.Background()
	for _, tc := range []struct {
		concurrency, soft int
		wantErr           bool
	}{{10, 3, false}, {10, 10, false}, {3, 10, true}} {
		cfg := lessOrEqualConfig(t, tc.concurrency, tc.soft, nullScaling())
		cfg.Schema = s
		var soft types.Int64
		if d := cfg.GetAttribute(ctx, path.Root("instance_soft_concurrency"), &soft); d.HasError() {
			t.Fatal(d)
		}
		a, d := cfg.Schema.AttributeAtPath(ctx, path.Root("instance_soft_concurrency"))
		if d.HasError() {
			t.Fatal(d)
		}
		var resp validator.Int64Response
		for _, av := range a.(schema.Int64Attribute).Int64Validators() {
			av.ValidateInt64(ctx, validator.Int64Request{
				Config: cfg, ConfigValue: soft,
				Path: path.Root("instance_soft_concurrency"), PathExpression: path.MatchRoot("instance_soft_concurrency"),
			}, &resp)
		}
		if got := resp.Diagnostics.HasError(); got != tc.wantErr {
			t.Errorf("concurrency %d, soft %d: error = %v, want %v (%v)", tc.concurrency, tc.soft, got, tc.wantErr, resp.Diagnostics)
		}
	}
}
