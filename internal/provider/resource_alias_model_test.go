package provider

import (
	"context"
	"math/big"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestAliasResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewAliasResource())
	assertDescribed(t, "fc_alias", s.Attributes)
	assertSchemaModelParity(t, "fc_alias", s.Attributes, aliasModel{})
	got := s.Type().(types.ObjectType)
	if want := (types.ObjectType{AttrTypes: aliasAttrTypes}); !want.Equal(got) {
		t.Errorf("aliasAttrTypes differ from the resource schema:\n got %v\nwant %v", got, want)
	}
}

func TestAliasDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewAliasDataSource())
	assertDescribed(t, "data.fc_alias", s.Attributes)
	assertSchemaModelParity(t, "data.fc_alias", s.Attributes, aliasModel{})
	for name, a := range s.Attributes {
		required := name == "name" || name == "service_name"
		if required != a.IsRequired() || required == a.IsComputed() {
			t.Errorf("data.fc_alias.%s: required %t, computed %t", name, a.IsRequired(), a.IsComputed())
		}
	}
	got := s.Type().(types.ObjectType)
	if want := (types.ObjectType{AttrTypes: aliasAttrTypes}); !want.Equal(got) {
		t.Errorf("aliasAttrTypes differ from the data source schema:\n got %v\nwant %v", got, want)
	}
}

func aliasWeights(t *testing.T, w map[string]float64) types.Map {
	t.Helper()
	elems := make(map[string]attr.Value, len(w))
	for k, v := range w {
		elems[k] = types.Float64Value(v)
	}
	return types.MapValueMust(types.Float64Type, elems)
}

func TestAliasVersionWeightsValidator(t *testing.T) {
	root := path.Root("additional_version_weight")
	tests := []struct {
		name  string
		value types.Map
		// wantErrs maps an error's path to a fragment of its detail.
		wantErrs map[string]string
	}{
		{name: "null", value: types.MapNull(types.Float64Type)},
		{name: "unknown", value: types.MapUnknown(types.Float64Type)},
		{name: "empty", value: aliasWeights(t, map[string]float64{})},
		{name: "one weight", value: aliasWeights(t, map[string]float64{"2": 0.05})},
		{name: "bounds are allowed", value: aliasWeights(t, map[string]float64{"2": 0, "3": 1})},
		{name: "sum exactly 1 despite float rounding", value: aliasWeights(t, map[string]float64{"2": 0.1, "3": 0.2, "4": 0.7})},
		{
			name:     "weight above 1",
			value:    aliasWeights(t, map[string]float64{"2": 1.5}),
			wantErrs: map[string]string{`additional_version_weight["2"]`: "is 1.5"},
		},
		{
			name:     "negative weight",
			value:    aliasWeights(t, map[string]float64{"2": -0.1}),
			wantErrs: map[string]string{`additional_version_weight["2"]`: "is -0.1"},
		},
		{
			name:     "sum above 1",
			value:    aliasWeights(t, map[string]float64{"2": 0.6, "3": 0.6}),
			wantErrs: map[string]string{`additional_version_weight`: "sum to 1.2"},
		},
		{
			name:     "key not a version ID",
			value:    aliasWeights(t, map[string]float64{"v2": 0.1}),
			wantErrs: map[string]string{`additional_version_weight["v2"]`: "must be a version ID"},
		},
		{
			// FC reads "02" as version 2 and answers "2": Terraform would
			// report an inconsistent result after the apply.
			name:     "key with a leading zero",
			value:    aliasWeights(t, map[string]float64{"02": 0.1}),
			wantErrs: map[string]string{`additional_version_weight["02"]`: "without leading zeros"},
		},
		{
			name: "unknown weight skips the sum",
			value: types.MapValueMust(types.Float64Type, map[string]attr.Value{
				"2": types.Float64Value(0.9), "3": types.Float64Unknown(),
			}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp validator.MapResponse
			versionWeightsValidator{}.ValidateMap(context.Background(), validator.MapRequest{
				Path: root, PathExpression: root.Expression(), ConfigValue: tt.value,
			}, &resp)
			got := map[string]string{}
			for _, d := range resp.Diagnostics.Errors() {
				dp, ok := d.(interface{ Path() path.Path })
				if !ok {
					t.Errorf("error without a path: %s: %s", d.Summary(), d.Detail())
					continue
				}
				got[dp.Path().String()] = d.Detail()
			}
			if len(got) != len(tt.wantErrs) {
				t.Fatalf("errors %v, want errors at %v", got, tt.wantErrs)
			}
			for p, frag := range tt.wantErrs {
				if !strings.Contains(got[p], frag) {
					t.Errorf("error at %s = %q, want it to contain %q", p, got[p], frag)
				}
			}
		})
	}
}

// aliasConfig builds the configuration of an fc_alias for ValidateConfig.
func aliasConfig(t *testing.T, versionID tftypes.Value, w tftypes.Value) tfsdk.Config {
	t.Helper()
	s := resourceSchema(t, NewAliasResource())
	typ := terraformObjectType(s)
	vals := nullAttributes(typ)
	vals["service_name"] = tftypes.NewValue(tftypes.String, "svc")
	vals["name"] = tftypes.NewValue(tftypes.String, "prod")
	vals["version_id"] = versionID
	vals["additional_version_weight"] = w
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(typ, vals)}
}

func TestAliasValidateConfig_weightForOwnVersion(t *testing.T) {
	mapType := tftypes.Map{ElementType: tftypes.Number}
	w := func(kv map[string]float64) tftypes.Value {
		m := map[string]tftypes.Value{}
		for k, v := range kv {
			m[k] = tftypes.NewValue(tftypes.Number, big.NewFloat(v))
		}
		return tftypes.NewValue(mapType, m)
	}
	tests := []struct {
		name      string
		versionID tftypes.Value
		weights   tftypes.Value
		wantErrAt string
	}{
		{name: "other version", versionID: tftypes.NewValue(tftypes.String, "2"), weights: w(map[string]float64{"1": 0.2})},
		{name: "own version", versionID: tftypes.NewValue(tftypes.String, "2"), weights: w(map[string]float64{"1": 0.2, "2": 0.1}), wantErrAt: `additional_version_weight["2"]`},
		{name: "no weights", versionID: tftypes.NewValue(tftypes.String, "2"), weights: tftypes.NewValue(mapType, nil)},
		{name: "unknown version", versionID: tftypes.NewValue(tftypes.String, tftypes.UnknownValue), weights: w(map[string]float64{"2": 0.1})},
		{name: "unknown weights", versionID: tftypes.NewValue(tftypes.String, "2"), weights: tftypes.NewValue(mapType, tftypes.UnknownValue)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp resource.ValidateConfigResponse
			r := NewAliasResource().(resource.ResourceWithValidateConfig)
			r.ValidateConfig(context.Background(), resource.ValidateConfigRequest{Config: aliasConfig(t, tt.versionID, tt.weights)}, &resp)
			errs := resp.Diagnostics.Errors()
			if tt.wantErrAt == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one at %s", errs, tt.wantErrAt)
			}
			dp, ok := errs[0].(interface{ Path() path.Path })
			if !ok || dp.Path().String() != tt.wantErrAt {
				t.Errorf("error %v, want it at %s", errs[0], tt.wantErrAt)
			}
		})
	}
}

func TestExpandAlias(t *testing.T) {
	ctx := context.Background()
	base := aliasModel{
		ServiceName: types.StringValue("svc"),
		Name:        types.StringValue("prod"),
		VersionID:   types.StringValue("2"),
	}
	with := func(description types.String, w types.Map) aliasModel {
		m := base
		m.Description = description
		m.AdditionalVersionWeight = w
		return m
	}
	null := types.MapNull(types.Float64Type)
	tests := []struct {
		name   string
		model  aliasModel
		update bool
		want   fc.Alias
		// wantJSON is the request body: what omitzero makes of the weights.
		wantJSON string
	}{
		{
			name:     "create, minimal",
			model:    with(types.StringNull(), null),
			want:     fc.Alias{AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("2")},
			wantJSON: `{"aliasName":"prod","versionId":"2"}`,
		},
		{
			name:     "create with weights and empty description",
			model:    with(types.StringValue(""), aliasWeights(t, map[string]float64{"1": 0.2})),
			want:     fc.Alias{AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("2"), Description: fc.Ptr(""), AdditionalVersionWeight: map[string]float64{"1": 0.2}},
			wantJSON: `{"aliasName":"prod","versionId":"2","description":"","additionalVersionWeight":{"1":0.2}}`,
		},
		{
			name:     "update clears what was removed",
			model:    with(types.StringNull(), null),
			update:   true,
			want:     fc.Alias{VersionID: fc.Ptr("2"), Description: fc.Ptr(""), AdditionalVersionWeight: map[string]float64{}},
			wantJSON: `{"versionId":"2","description":"","additionalVersionWeight":{}}`,
		},
		{
			name:     "update with weights",
			model:    with(types.StringValue("canary"), aliasWeights(t, map[string]float64{"1": 0.2, "3": 0.05})),
			update:   true,
			want:     fc.Alias{VersionID: fc.Ptr("2"), Description: fc.Ptr("canary"), AdditionalVersionWeight: map[string]float64{"1": 0.2, "3": 0.05}},
			wantJSON: `{"versionId":"2","description":"canary","additionalVersionWeight":{"1":0.2,"3":0.05}}`,
		},
		{
			name:     "update with {} written",
			model:    with(types.StringValue("d"), aliasWeights(t, map[string]float64{})),
			update:   true,
			want:     fc.Alias{VersionID: fc.Ptr("2"), Description: fc.Ptr("d"), AdditionalVersionWeight: map[string]float64{}},
			wantJSON: `{"versionId":"2","description":"d","additionalVersionWeight":{}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := expandAlias(ctx, tt.model, tt.update)
			if diags.HasError() {
				t.Fatalf("expandAlias: %v", diags)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("expandAlias =\n%+v\nwant\n%+v", *got, tt.want)
			}
			if b := mustJSON(t, got); b != tt.wantJSON {
				t.Errorf("body %s, want %s", b, tt.wantJSON)
			}
		})
	}
}

func TestFlattenAlias_weightsNullVersusEmpty(t *testing.T) {
	empty := aliasWeights(t, map[string]float64{})
	null := types.MapNull(types.Float64Type)
	tests := []struct {
		name  string
		api   map[string]float64
		prior types.Map
		want  types.Map
	}{
		{name: "API null, prior null", api: nil, prior: null, want: null},
		{name: "API {}, prior null", api: map[string]float64{}, prior: null, want: null},
		{name: "API {}, prior {}", api: map[string]float64{}, prior: empty, want: empty},
		{name: "API null, prior {}", api: nil, prior: empty, want: empty},
		{name: "API {}, prior unknown (plan)", api: map[string]float64{}, prior: types.MapUnknown(types.Float64Type), want: null},
		{name: "API {}, prior had weights (cleared outside)", api: map[string]float64{}, prior: aliasWeights(t, map[string]float64{"1": 0.1}), want: null},
		{name: "weights", api: map[string]float64{"1": 0.1, "3": 0}, prior: null, want: aliasWeights(t, map[string]float64{"1": 0.1, "3": 0})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prior := aliasModel{
				ServiceName:             types.StringValue("svc"),
				Name:                    types.StringValue("prod"),
				Description:             types.StringNull(),
				AdditionalVersionWeight: tt.prior,
			}
			got, diags := flattenAlias(&fc.Alias{AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("2"), AdditionalVersionWeight: tt.api}, prior)
			if diags.HasError() {
				t.Fatalf("flattenAlias: %v", diags)
			}
			if !got.AdditionalVersionWeight.Equal(tt.want) {
				t.Errorf("additional_version_weight = %v, want %v", got.AdditionalVersionWeight, tt.want)
			}
		})
	}
}

func TestFlattenAlias(t *testing.T) {
	api := &fc.Alias{
		AliasName:        fc.Ptr("prod"),
		VersionID:        fc.Ptr("2"),
		Description:      fc.Ptr(""),
		ServiceName:      fc.Ptr("svc-from-api"),
		CreatedTime:      fc.Ptr("2020-07-27T06:37:29Z"),
		LastModifiedTime: fc.Ptr("2020-07-28T06:37:29Z"),
	}
	t.Run("description \"\" written", func(t *testing.T) {
		got, _ := flattenAlias(api, aliasModel{ServiceName: types.StringValue("svc"), Name: types.StringValue("prod"), Description: types.StringValue("")})
		want := aliasModel{
			AdditionalVersionWeight: types.MapNull(types.Float64Type),
			CreatedTime:             types.StringValue("2020-07-27T06:37:29Z"),
			Description:             types.StringValue(""),
			ID:                      types.StringValue("svc/prod"),
			LastModifiedTime:        types.StringValue("2020-07-28T06:37:29Z"),
			Name:                    types.StringValue("prod"),
			ServiceName:             types.StringValue("svc"),
			VersionID:               types.StringValue("2"),
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("flattenAlias =\n%+v\nwant\n%+v", got, want)
		}
	})
	t.Run("import: description null, service from the state", func(t *testing.T) {
		got, _ := flattenAlias(api, aliasModel{ServiceName: types.StringValue("svc"), Name: types.StringValue("prod")})
		if !got.Description.IsNull() || got.ServiceName.ValueString() != "svc" || got.ID.ValueString() != "svc/prod" {
			t.Errorf("flattenAlias = %+v", got)
		}
	})
}

func TestAliasWeightsRoundTrip(t *testing.T) {
	ctx := context.Background()
	plan := aliasModel{
		ServiceName:             types.StringValue("svc"),
		Name:                    types.StringValue("prod"),
		VersionID:               types.StringValue("2"),
		Description:             types.StringNull(),
		AdditionalVersionWeight: aliasWeights(t, map[string]float64{"1": 0.1, "3": 0.25}),
	}
	in, diags := expandAlias(ctx, plan, true)
	if diags.HasError() {
		t.Fatal(diags)
	}
	got, diags := flattenAlias(in, plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !got.AdditionalVersionWeight.Equal(plan.AdditionalVersionWeight) || !got.VersionID.Equal(plan.VersionID) || !got.Description.IsNull() {
		t.Errorf("round trip = %+v, want %+v", got, plan)
	}
}

// TestAliasWeightsRoundTrip_precision plans weights that are Terraform
// numbers of more precision than a float64 (1/3 in the configuration):
// they are sent rounded, and the state keeps them as planned.
func TestAliasWeightsRoundTrip_precision(t *testing.T) {
	ctx := context.Background()
	precise := func(num, den int64) types.Float64 {
		f := new(big.Float).SetPrec(512).Quo(new(big.Float).SetPrec(512).SetInt64(num), new(big.Float).SetPrec(512).SetInt64(den))
		v, err := types.Float64Type.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.Number, f))
		if err != nil {
			t.Fatal(err)
		}
		return v.(types.Float64)
	}
	plan := aliasModel{
		ServiceName: types.StringValue("svc"),
		Name:        types.StringValue("prod"),
		VersionID:   types.StringValue("2"),
		Description: types.StringNull(),
		AdditionalVersionWeight: types.MapValueMust(types.Float64Type, map[string]attr.Value{
			"1": precise(1, 3),
			"3": precise(7, 100),
		}),
	}
	for _, update := range []bool{false, true} {
		in, diags := expandAlias(ctx, plan, update)
		if diags.HasError() {
			t.Fatalf("expandAlias (update %v): %v", update, diags)
		}
		if want := map[string]float64{"1": 1.0 / 3, "3": 0.07}; !reflect.DeepEqual(in.AdditionalVersionWeight, want) {
			t.Errorf("weights sent = %v, want %v", in.AdditionalVersionWeight, want)
		}
		got, diags := flattenAlias(in, plan)
		if diags.HasError() {
			t.Fatal(diags)
		}
		if !got.AdditionalVersionWeight.Equal(plan.AdditionalVersionWeight) {
			t.Errorf("state weights = %v, want the planned %v", got.AdditionalVersionWeight, plan.AdditionalVersionWeight)
		}
	}
	// A weight changed outside Terraform is reported as FC has it.
	got, _ := flattenAlias(&fc.Alias{AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("2"),
		AdditionalVersionWeight: map[string]float64{"1": 0.5, "3": 0.07}}, plan)
	if w := got.AdditionalVersionWeight.Elements(); !w["1"].Equal(types.Float64Value(0.5)) || !w["3"].Equal(plan.AdditionalVersionWeight.Elements()["3"]) {
		t.Errorf("state weights after a change outside = %v, want 1 = 0.5 and 3 as planned", w)
	}
}
