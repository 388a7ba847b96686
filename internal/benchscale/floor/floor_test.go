package floor

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/provider"
)

// protoSchemas is what Terraform receives from GetProviderSchema.
func protoSchemas(t *testing.T, p func() fwprovider.Provider) *tfprotov6.GetProviderSchemaResponse {
	t.Helper()
	srv, err := providerserver.NewProtocol6WithError(p())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("GetProviderSchema: %s: %s", d.Summary, d.Detail)
		}
	}
	return resp
}

// diffBlocks lists every difference Terraform could see between two
// schema blocks: attribute names, types, flags, nesting, descriptions.
func diffBlocks(at string, a, b *tfprotov6.SchemaBlock) []string {
	if a == nil || b == nil {
		if a != b {
			return []string{at + ": block missing on one side"}
		}
		return nil
	}
	var out []string
	if a.Version != b.Version || a.Description != b.Description || a.DescriptionKind != b.DescriptionKind ||
		a.Deprecated != b.Deprecated || a.DeprecationMessage != b.DeprecationMessage {
		out = append(out, at+": block version, description or deprecation differ")
	}
	out = append(out, diffAttributes(at, a.Attributes, b.Attributes)...)
	names := func(bs []*tfprotov6.SchemaNestedBlock) []string {
		var n []string
		for _, x := range bs {
			n = append(n, x.TypeName)
		}
		return n
	}
	if !slices.Equal(names(a.BlockTypes), names(b.BlockTypes)) {
		return append(out, fmt.Sprintf("%s: blocks %v != %v", at, names(a.BlockTypes), names(b.BlockTypes)))
	}
	for i, x := range a.BlockTypes {
		y := b.BlockTypes[i]
		if x.Nesting != y.Nesting || x.MinItems != y.MinItems || x.MaxItems != y.MaxItems {
			out = append(out, at+x.TypeName+": block nesting differs")
		}
		out = append(out, diffBlocks(at+x.TypeName+".", x.Block, y.Block)...)
	}
	return out
}

func diffAttributes(at string, a, b []*tfprotov6.SchemaAttribute) []string {
	index := func(as []*tfprotov6.SchemaAttribute) map[string]*tfprotov6.SchemaAttribute {
		m := map[string]*tfprotov6.SchemaAttribute{}
		for _, x := range as {
			m[x.Name] = x
		}
		return m
	}
	ma, mb := index(a), index(b)
	var out []string
	for name := range mb {
		if ma[name] == nil {
			out = append(out, at+name+": only in the floor")
		}
	}
	for name, x := range ma {
		y := mb[name]
		p := at + name
		switch {
		case y == nil:
			out = append(out, p+": missing from the floor")
			continue
		case (x.Type == nil) != (y.Type == nil) || (x.Type != nil && !x.Type.Equal(y.Type)):
			out = append(out, fmt.Sprintf("%s: type %v != %v", p, x.Type, y.Type))
		case x.Required != y.Required || x.Optional != y.Optional || x.Computed != y.Computed ||
			x.Sensitive != y.Sensitive || x.WriteOnly != y.WriteOnly:
			out = append(out, fmt.Sprintf("%s: flags (req/opt/comp/sens/wo) %v %v %v %v %v != %v %v %v %v %v", p,
				x.Required, x.Optional, x.Computed, x.Sensitive, x.WriteOnly,
				y.Required, y.Optional, y.Computed, y.Sensitive, y.WriteOnly))
		case x.Description != y.Description || x.DescriptionKind != y.DescriptionKind ||
			x.Deprecated != y.Deprecated || x.DeprecationMessage != y.DeprecationMessage:
			out = append(out, p+": description or deprecation differ")
		}
		if (x.NestedType == nil) != (y.NestedType == nil) {
			out = append(out, p+": nested on one side only")
			continue
		}
		if x.NestedType != nil {
			if x.NestedType.Nesting != y.NestedType.Nesting {
				out = append(out, p+": nesting mode differs")
			}
			out = append(out, diffAttributes(p+".", x.NestedType.Attributes, y.NestedType.Attributes)...)
		}
	}
	slices.Sort(out)
	return out
}

// countAttributes counts the attributes of a block, nested ones included.
func countAttributes(as []*tfprotov6.SchemaAttribute) int {
	n := len(as)
	for _, a := range as {
		if a.NestedType != nil {
			n += countAttributes(a.NestedType.Attributes)
		}
	}
	return n
}

// TestFloorSchemas_sameAsProvider: Terraform sees the same provider,
// fc_service and fc_function schemas from the floor as from the real
// provider, attribute by attribute.
func TestFloorSchemas_sameAsProvider(t *testing.T) {
	floorNew, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ours := protoSchemas(t, provider.New("test", "none"))
	fl := protoSchemas(t, floorNew)

	if d := diffBlocks("provider.", ours.Provider.Block, fl.Provider.Block); len(d) > 0 {
		t.Errorf("provider schema differs:\n%s", strings.Join(d, "\n"))
	}
	var got []string
	for name := range fl.ResourceSchemas {
		got = append(got, name)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"fc_function", "fc_service"}) {
		t.Errorf("floor resources = %v, want fc_function and fc_service", got)
	}
	for _, name := range ResourceTypes {
		r, f := ours.ResourceSchemas[name], fl.ResourceSchemas[name]
		if r == nil || f == nil {
			t.Fatalf("%s: missing schema (ours %v, floor %v)", name, r != nil, f != nil)
		}
		if r.Version != f.Version {
			t.Errorf("%s: schema version %d != %d", name, r.Version, f.Version)
		}
		if d := diffBlocks(name+".", r.Block, f.Block); len(d) > 0 {
			t.Errorf("%s schema differs:\n%s", name, strings.Join(d, "\n"))
		}
		// Not a vacuous comparison: the schemas have their dozens of attributes.
		if n := countAttributes(f.Block.Attributes); n < 10 {
			t.Errorf("%s: only %d attributes in the floor schema", name, n)
		}
	}
	if len(fl.DataSourceSchemas) != 0 {
		t.Errorf("floor has data sources: %v", fl.DataSourceSchemas)
	}
}

// behavior lists the fields anywhere in v that make a provider do work
// beyond what the framework does: Validators, PlanModifiers, Default and
// CustomType that are set.
func behavior(at string, v reflect.Value) []string {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return behavior(at, v.Elem())
	case reflect.Map:
		var out []string
		for _, k := range v.MapKeys() {
			out = append(out, behavior(fmt.Sprintf("%s.%v", at, k), v.MapIndex(k))...)
		}
		return out
	case reflect.Struct:
		var out []string
		for i := range v.NumField() {
			f, name := v.Field(i), v.Type().Field(i).Name
			switch name {
			case "Validators", "PlanModifiers", "Default", "CustomType":
				if !f.IsZero() {
					out = append(out, at+": "+name)
				}
			case "Attributes", "Blocks", "NestedObject":
				out = append(out, behavior(at, f)...)
			}
		}
		return out
	}
	return nil
}

// TestFloorSchemas_noBehavior: the floor's schemas carry no validator,
// plan modifier, default or custom type, while the real ones do (so the
// check finds them when they are there).
func TestFloorSchemas_noBehavior(t *testing.T) {
	ctx := context.Background()
	ours, err := RealSchemas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fl, err := FloorSchemas(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range ResourceTypes {
		if got := behavior(name, reflect.ValueOf(ours.Resources[name])); len(got) == 0 {
			t.Errorf("%s: the check finds no validator or plan modifier in the real schema", name)
		}
		if got := behavior(name, reflect.ValueOf(fl.Resources[name])); len(got) > 0 {
			slices.Sort(got)
			t.Errorf("%s: floor schema keeps:\n%s", name, strings.Join(got, "\n"))
		}
	}
	if got := behavior("provider", reflect.ValueOf(ours.Provider)); len(got) == 0 {
		t.Error("provider: the check finds no validator in the real schema")
	}
	if got := behavior("provider", reflect.ValueOf(fl.Provider)); len(got) > 0 {
		t.Errorf("floor provider schema keeps: %v", got)
	}
}

func TestSettle(t *testing.T) {
	nested := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"a": tftypes.String, "n": tftypes.Number}}
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"id": tftypes.String, "name": tftypes.String, "size": tftypes.Number,
		"obj": nested, "list": tftypes.List{ElementType: nested}, "gone": nested,
	}}
	in := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":   tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		"name": tftypes.NewValue(tftypes.String, "x"),
		"size": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
		"obj": tftypes.NewValue(nested, map[string]tftypes.Value{
			"a": tftypes.NewValue(tftypes.String, "kept"),
			"n": tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
		}),
		"list": tftypes.NewValue(tftypes.List{ElementType: nested}, []tftypes.Value{
			tftypes.NewValue(nested, map[string]tftypes.Value{
				"a": tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
				"n": tftypes.NewValue(tftypes.Number, 1),
			}),
		}),
		"gone": tftypes.NewValue(nested, tftypes.UnknownValue),
	})
	want := tftypes.NewValue(typ, map[string]tftypes.Value{
		"id":   tftypes.NewValue(tftypes.String, FixedID),
		"name": tftypes.NewValue(tftypes.String, "x"),
		"size": tftypes.NewValue(tftypes.Number, nil),
		"obj": tftypes.NewValue(nested, map[string]tftypes.Value{
			"a": tftypes.NewValue(tftypes.String, "kept"),
			"n": tftypes.NewValue(tftypes.Number, nil),
		}),
		"list": tftypes.NewValue(tftypes.List{ElementType: nested}, []tftypes.Value{
			tftypes.NewValue(nested, map[string]tftypes.Value{
				"a": tftypes.NewValue(tftypes.String, nil),
				"n": tftypes.NewValue(tftypes.Number, 1),
			}),
		}),
		"gone": tftypes.NewValue(nested, nil),
	})
	got, err := Settle(in)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(want) {
		t.Errorf("Settle:\n got %v\nwant %v", got, want)
	}
	if !got.IsFullyKnown() {
		t.Error("Settle left unknown values")
	}
}
