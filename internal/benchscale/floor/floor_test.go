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

// TestFloorSchemas_sameIdentity: the floor's fc_service and fc_function
// have the real resources' identity schemas.
func TestFloorSchemas_sameIdentity(t *testing.T) {
	ctx := context.Background()
	floorNew, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	get := func(p func() fwprovider.Provider) map[string]*tfprotov6.ResourceIdentitySchema {
		srv, err := providerserver.NewProtocol6WithError(p())()
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
		if err != nil {
			t.Fatal(err)
		}
		return resp.IdentitySchemas
	}
	ours, fl := get(provider.New("test", "none")), get(floorNew)
	for _, name := range ResourceTypes {
		if !reflect.DeepEqual(ours[name], fl[name]) {
			t.Errorf("%s identity schema: floor %+v, real %+v", name, fl[name], ours[name])
		}
	}
}

// TestFloorResource_lifecycle drives the floor's fc_function through the
// protocol as Terraform does: plan and apply a create, then a read; the
// state is the configuration with every unknown made null, the id fixed,
// and the identity taken from the state.
func TestFloorResource_lifecycle(t *testing.T) {
	ctx := context.Background()
	floorNew, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := providerserver.NewProtocol6WithError(floorNew())()
	if err != nil {
		t.Fatal(err)
	}
	schemas := protoSchemas(t, floorNew)
	typ := schemas.ResourceSchemas["fc_function"].Block.ValueType().(tftypes.Object)
	set := map[string]tftypes.Value{
		"service_name": tftypes.NewValue(tftypes.String, "svc"),
		"name":         tftypes.NewValue(tftypes.String, "fn"),
		"runtime":      tftypes.NewValue(tftypes.String, "python3.9"),
		"handler":      tftypes.NewValue(tftypes.String, "index.handler"),
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if v, ok := set[name]; ok {
			vals[name] = v
		}
	}
	dv := func(v tftypes.Value) *tfprotov6.DynamicValue {
		d, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	noErrors := func(what string, diags []*tfprotov6.Diagnostic) {
		t.Helper()
		for _, d := range diags {
			if d.Severity == tfprotov6.DiagnosticSeverityError {
				t.Fatalf("%s: %s: %s", what, d.Summary, d.Detail)
			}
		}
	}
	if _, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{}); err != nil {
		t.Fatal(err)
	}
	config := tftypes.NewValue(typ, vals)
	null := tftypes.NewValue(typ, nil)
	plan, err := srv.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: "fc_function", PriorState: dv(null), ProposedNewState: dv(config), Config: dv(config),
	})
	if err != nil {
		t.Fatal(err)
	}
	noErrors("plan", plan.Diagnostics)
	planned, err := plan.PlannedState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if planned.IsFullyKnown() {
		t.Fatal("the plan of a create has no unknown computed value: nothing for the apply to settle")
	}
	applied, err := srv.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: "fc_function", PriorState: dv(null), PlannedState: plan.PlannedState, Config: dv(config),
		PlannedIdentity: plan.PlannedIdentity,
	})
	if err != nil {
		t.Fatal(err)
	}
	noErrors("apply", applied.Diagnostics)
	state, err := applied.NewState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]tftypes.Value
	if err := state.As(&got); err != nil {
		t.Fatal(err)
	}
	if !state.IsFullyKnown() {
		t.Error("state after create has unknown values")
	}
	if !got["id"].Equal(tftypes.NewValue(tftypes.String, FixedID)) {
		t.Errorf("id = %v, want %q", got["id"], FixedID)
	}
	for name, v := range set {
		if !got[name].Equal(v) {
			t.Errorf("%s = %v, want %v", name, got[name], v)
		}
	}
	if got["code_checksum"].IsKnown() && !got["code_checksum"].IsNull() {
		t.Errorf("code_checksum = %v, want null (the floor computes nothing)", got["code_checksum"])
	}
	if applied.NewIdentity == nil {
		t.Fatal("no identity after create")
	}
	idType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"service_name": tftypes.String, "name": tftypes.String}}
	identity, err := applied.NewIdentity.IdentityData.Unmarshal(idType)
	if err != nil {
		t.Fatal(err)
	}
	wantID := tftypes.NewValue(idType, map[string]tftypes.Value{"service_name": set["service_name"], "name": set["name"]})
	if !identity.Equal(wantID) {
		t.Errorf("identity = %v, want %v", identity, wantID)
	}

	// Terraform below 1.12 sends no identity: the read still returns one.
	read, err := srv.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "fc_function", CurrentState: applied.NewState})
	if err != nil {
		t.Fatal(err)
	}
	noErrors("read", read.Diagnostics)
	readState, err := read.NewState.Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	if !readState.Equal(state) {
		t.Errorf("read changed the state:\n got %v\nwant %v", readState, state)
	}
	if read.NewIdentity == nil {
		t.Fatal("no identity after read")
	}
	if ri, err := read.NewIdentity.IdentityData.Unmarshal(idType); err != nil || !ri.Equal(wantID) {
		t.Errorf("identity after read = %v (%v), want %v", ri, err, wantID)
	}
}

func TestIdentityFrom(t *testing.T) {
	state := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String, "size": tftypes.Number}},
		map[string]tftypes.Value{"name": tftypes.NewValue(tftypes.String, "n"), "size": tftypes.NewValue(tftypes.Number, 3)})
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"name": tftypes.String, "size": tftypes.String, "other": tftypes.String}}
	got, err := IdentityFrom(typ, state)
	if err != nil {
		t.Fatal(err)
	}
	want := tftypes.NewValue(typ, map[string]tftypes.Value{
		"name":  tftypes.NewValue(tftypes.String, "n"),
		"size":  tftypes.NewValue(tftypes.String, nil), // another type in the state
		"other": tftypes.NewValue(tftypes.String, nil),
	})
	if !got.Equal(want) {
		t.Errorf("IdentityFrom = %v, want %v", got, want)
	}
}
