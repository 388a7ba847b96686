package floor

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// CopyIdentitySchema is CopyResourceSchema for a resource identity
// schema: the same attributes, types and import flags, no custom types.
func CopyIdentitySchema(s identityschema.Schema) (identityschema.Schema, error) {
	out := identityschema.Schema{Version: s.Version}
	if s.Attributes == nil {
		return out, nil
	}
	out.Attributes = make(map[string]identityschema.Attribute, len(s.Attributes))
	for _, name := range slices.Sorted(maps.Keys(s.Attributes)) {
		switch a := s.Attributes[name].(type) {
		case identityschema.StringAttribute:
			out.Attributes[name] = identityschema.StringAttribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.Int64Attribute:
			out.Attributes[name] = identityschema.Int64Attribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.Int32Attribute:
			out.Attributes[name] = identityschema.Int32Attribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.Float64Attribute:
			out.Attributes[name] = identityschema.Float64Attribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.Float32Attribute:
			out.Attributes[name] = identityschema.Float32Attribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.BoolAttribute:
			out.Attributes[name] = identityschema.BoolAttribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.NumberAttribute:
			out.Attributes[name] = identityschema.NumberAttribute{RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		case identityschema.ListAttribute:
			out.Attributes[name] = identityschema.ListAttribute{ElementType: a.ElementType, RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport, Description: a.Description}
		default:
			return identityschema.Schema{}, fmt.Errorf("identity attribute %s: kind %T not handled by the floor's schema copy", name, a)
		}
	}
	return out, nil
}

// IdentityFrom builds an identity of type typ from the top-level
// attributes of the same names in state (null where state has none, or
// one of another type), as the real provider does.
func IdentityFrom(typ tftypes.Type, state tftypes.Value) (tftypes.Value, error) {
	obj, ok := typ.(tftypes.Object)
	if !ok {
		return tftypes.Value{}, fmt.Errorf("identity type %s is not an object", typ)
	}
	var attrs map[string]tftypes.Value
	if !state.IsNull() && state.IsKnown() {
		if err := state.As(&attrs); err != nil {
			return tftypes.Value{}, err
		}
	}
	vals := make(map[string]tftypes.Value, len(obj.AttributeTypes))
	for name, t := range obj.AttributeTypes {
		v, ok := attrs[name]
		if !ok || !v.Type().Equal(t) || !v.IsKnown() {
			v = tftypes.NewValue(t, nil)
		}
		vals[name] = v
	}
	return tftypes.NewValue(obj, vals), nil
}
