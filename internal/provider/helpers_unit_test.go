package provider

// Helpers shared by the unit tests (package provider) of several resources
// and data sources. A helper that serves one resource stays in that
// resource's test file.

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ---------------------------------------------------------------------------
// Schemas.

// resourceSchema returns the schema of r, failing the test unless it is
// valid.
func resourceSchema(t *testing.T, r resource.Resource) rschema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	return validSchema(t, resp.Schema, resp.Diagnostics)
}

// dataSourceSchema returns the schema of ds, failing the test unless it is
// valid.
func dataSourceSchema(t *testing.T, ds datasource.DataSource) dschema.Schema {
	t.Helper()
	var resp datasource.SchemaResponse
	ds.Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	return validSchema(t, resp.Schema, resp.Diagnostics)
}

// validSchema returns s, failing the test on the diagnostics of the Schema
// call that returned it or on those of its ValidateImplementation.
func validSchema[S interface {
	ValidateImplementation(context.Context) diag.Diagnostics
}](t *testing.T, s S, diags diag.Diagnostics) S {
	t.Helper()
	if diags.HasError() {
		t.Fatalf("Schema: %v", diags)
	}
	if diags := s.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatalf("ValidateImplementation: %v", diags)
	}
	return s
}

// terraformObjectType is the Terraform type of a provider, resource or data
// source schema.
func terraformObjectType(s interface{ Type() attr.Type }) tftypes.Object {
	return s.Type().TerraformType(context.Background()).(tftypes.Object)
}

// nullAttributes returns a null value for every attribute of typ: the raw
// value of a configuration or state where nothing is set.
func nullAttributes(typ tftypes.Object) map[string]tftypes.Value {
	vals := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
	}
	return vals
}

// assertSchemaModelParity fails the test unless the attribute names of a
// schema (or of a nested object, or the keys of hand-written attribute
// types) are exactly the tfsdk tags of model, a struct value; the fields
// of embedded structs count as the model's own. where names the schema in
// messages, e.g. "fc_service.log_config". Use it for every resource, data
// source and nested object:
//
//	assertSchemaModelParity(t, "fc_service", s.Attributes, serviceModel{})
func assertSchemaModelParity[A any](t *testing.T, where string, attrs map[string]A, model any) {
	t.Helper()
	typ := reflect.TypeOf(model)
	if typ.Kind() != reflect.Struct {
		t.Fatalf("%s: model must be a struct value, got %T", where, model)
	}
	tags := map[string]bool{}
	var collect func(reflect.Type)
	collect = func(st reflect.Type) {
		for i := 0; i < st.NumField(); i++ {
			f := st.Field(i)
			tag := strings.Split(f.Tag.Get("tfsdk"), ",")[0]
			if f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct {
				collect(f.Type)
				continue
			}
			if tag == "" || tag == "-" {
				continue
			}
			if tags[tag] {
				t.Errorf("%s: %s has tfsdk tag %q twice", where, typ.Name(), tag)
			}
			tags[tag] = true
		}
	}
	collect(typ)
	for name := range attrs {
		if !tags[name] {
			t.Errorf("%s: schema attribute %q has no field in %s", where, name, typ.Name())
		}
	}
	for tag := range tags {
		if _, ok := attrs[tag]; !ok {
			t.Errorf("%s: %s field tagged %q has no schema attribute", where, typ.Name(), tag)
		}
	}
}

// describable is what every framework schema attribute offers.
type describable interface {
	GetMarkdownDescription() string
}

// assertDescribed fails for every attribute, nested ones included, without
// a MarkdownDescription (the docs are generated from them).
func assertDescribed[A describable](t *testing.T, where string, attrs map[string]A) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s.%s has no MarkdownDescription", where, name)
		}
		switch n := any(a).(type) {
		case rschema.SingleNestedAttribute:
			assertDescribed(t, where+"."+name, n.Attributes)
		case rschema.ListNestedAttribute:
			assertDescribed(t, where+"."+name, n.NestedObject.Attributes)
		case dschema.SingleNestedAttribute:
			assertDescribed(t, where+"."+name, n.Attributes)
		case dschema.ListNestedAttribute:
			assertDescribed(t, where+"."+name, n.NestedObject.Attributes)
		}
	}
}

// ---------------------------------------------------------------------------
// Values.

// stringValues returns vals as framework string values (never nil).
func stringValues(vals ...string) []attr.Value {
	out := make([]attr.Value, 0, len(vals))
	for _, v := range vals {
		out = append(out, types.StringValue(v))
	}
	return out
}

// stringList returns vals as a known list of strings (empty, not null, for
// no vals).
func stringList(vals ...string) types.List {
	return types.ListValueMust(types.StringType, stringValues(vals...))
}

// mustJSON returns the JSON encoding of v, e.g. of a request body.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshaling %+v: %v", v, err)
	}
	return string(b)
}
