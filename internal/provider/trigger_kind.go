package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// triggerKind is one kind of trigger configuration: the FC trigger types
// configured with one attribute of fc_trigger, that attribute's schema,
// and how its value is checked at plan time (validate), sent to FC
// (expand) and read back (flatten). Each kind lives in its own file,
// trigger_kind_<name>.go; triggerKinds lists them, and every other table
// of types and configuration attributes derives from that list.
type triggerKind interface {
	// types are the FC trigger types configured with attribute().
	types() []string
	// attribute is the fc_trigger attribute holding the configuration.
	attribute() string
	// schema is the attribute's schema.
	schema() schema.Attribute
	// null is the attribute's null value (of the schema's type).
	null() attr.Value
	// get and set access the attribute in the model.
	get(m *triggerResourceModel) attr.Value
	set(m *triggerResourceModel, v attr.Value)
	// needsSource reports whether the events come from another service:
	// the trigger then needs source_arn and invocation_role.
	needsSource() bool
	// validate reports, at plan time, what the attribute's schema cannot
	// say alone. v may be null or unknown (then there is nothing to say).
	validate(v attr.Value, diags *diag.Diagnostics)
	// expand encodes v, known and not null, as the triggerConfig object.
	expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage
	// flatten decodes FC's triggerConfig into the attribute's value. When
	// it cannot, it reports an error at the attribute and returns null.
	flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value
}

// objectTriggerKind is a kind configured with a nested object (every kind
// but config_json): C is the object's model, W FC's triggerConfig body
// for the type. It implements triggerKind from what is the kind's own:
// the methods below are the part every such kind shares (decoding the
// object and the prior, encoding and decoding the body, null versus
// value).
type objectTriggerKind[C, W any] struct {
	typ    string // the FC trigger type
	attr   string // the fc_trigger attribute
	source bool   // needsSource
	// field is the attribute's field of the model.
	field func(m *triggerResourceModel) *types.Object
	// summary follows triggerConfigDescription in the description.
	summary    string
	attributes func() map[string]schema.Attribute
	attrTypes  map[string]attr.Type // nestedAttrTypes(attributes())
	// check is validate for a known object; nil when the schema says all.
	check func(o types.Object, diags *diag.Diagnostics)
	// toWire is expand past the decoding of the object c.
	toWire func(ctx context.Context, c C, diags *diag.Diagnostics) W
	// fromWire is flatten past the decoding of FC's body j and of the
	// prior object p: the object's attribute values, or nil (reported in
	// diags) for a null object.
	fromWire func(ctx context.Context, in triggerConfigRead, j W, p C, diags *diag.Diagnostics) map[string]attr.Value
}

func (k *objectTriggerKind[C, W]) types() []string   { return []string{k.typ} }
func (k *objectTriggerKind[C, W]) attribute() string { return k.attr }
func (k *objectTriggerKind[C, W]) needsSource() bool { return k.source }
func (k *objectTriggerKind[C, W]) null() attr.Value  { return types.ObjectNull(k.attrTypes) }

func (k *objectTriggerKind[C, W]) get(m *triggerResourceModel) attr.Value { return *k.field(m) }
func (k *objectTriggerKind[C, W]) set(m *triggerResourceModel, v attr.Value) {
	*k.field(m) = v.(types.Object)
}

func (k *objectTriggerKind[C, W]) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " " + k.summary,
		Optional:            true,
		Attributes:          k.attributes(),
	}
}

func (k *objectTriggerKind[C, W]) validate(v attr.Value, diags *diag.Diagnostics) {
	if o, ok := v.(types.Object); ok && known(o) && k.check != nil {
		k.check(o, diags)
	}
}

func (k *objectTriggerKind[C, W]) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c C
	triggerObject(ctx, v, &c, diags)
	return encodeTriggerConfig(k.toWire(ctx, c, diags), diags)
}

func (k *objectTriggerKind[C, W]) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j W
	if !decodeTriggerConfig(in, k.attr, &j, diags) {
		return k.null()
	}
	var p C
	triggerPriorObject(ctx, in.prior, &p)
	values := k.fromWire(ctx, in, j, p, diags)
	if values == nil {
		return k.null()
	}
	return types.ObjectValueMust(k.attrTypes, values)
}

// nestedAttrTypes are the attribute types of a nested object with the
// attributes attrs, as its schema gives them.
func nestedAttrTypes(attrs map[string]schema.Attribute) map[string]attr.Type {
	out := make(map[string]attr.Type, len(attrs))
	for name, a := range attrs {
		out[name] = a.GetType()
	}
	return out
}

// triggerKinds is the registry of configuration kinds. Its order is the
// order in which the documentation lists the types with an event source
// (invocation_role, source_arn): those kinds come first.
var triggerKinds = []triggerKind{
	ossTriggerKind,
	logTriggerKind,
	mnsTopicTriggerKind,
	cdnEventsTriggerKind,
	tablestoreTriggerKind,
	timerTriggerKind,
	httpTriggerKind,
	jsonTriggerKind{},
}

// triggerKindFallback reads the configuration of a type this provider does
// not know (an import): its raw JSON is kept in config_json.
var triggerKindFallback triggerKind = jsonTriggerKind{}

// triggerConfigRead is what a kind's flatten reads.
type triggerConfigRead struct {
	typ, name string // the trigger's type and name, for messages
	// raw is FC's triggerConfig, a JSON object; empty when FC sent none.
	raw []byte
	// prior is the attribute's value in the plan or state the trigger is
	// read for: it decides null versus empty. Null on import.
	prior attr.Value
}

// Tables derived from triggerKinds.
var (
	// triggerKindByType maps a trigger type to its kind.
	triggerKindByType = func() map[string]triggerKind {
		m := map[string]triggerKind{}
		for _, k := range triggerKinds {
			for _, t := range k.types() {
				m[t] = k
			}
		}
		return m
	}()
	// triggerKindByAttribute maps a configuration attribute to its kind.
	triggerKindByAttribute = func() map[string]triggerKind {
		m := map[string]triggerKind{}
		for _, k := range triggerKinds {
			m[k.attribute()] = k
		}
		return m
	}()
	// triggerConfigAttrs lists the configuration attributes, sorted.
	triggerConfigAttrs = func() []string {
		var attrs []string
		for _, k := range triggerKinds {
			attrs = append(attrs, k.attribute())
		}
		slices.Sort(attrs)
		return attrs
	}()
	// triggerConfigAttrFor maps a trigger type to the attribute that holds
	// its configuration.
	triggerConfigAttrFor = func() map[string]string {
		m := map[string]string{}
		for t, k := range triggerKindByType {
			m[t] = k.attribute()
		}
		return m
	}()
	// triggerTypesWithSource are the types whose events come from another
	// service: they need source_arn and invocation_role.
	triggerTypesWithSource = func() []string {
		var ts []string
		for _, k := range triggerKinds {
			if k.needsSource() {
				ts = append(ts, k.types()...)
			}
		}
		return ts
	}()
)

// triggerKindFor returns the kind of a trigger type.
func triggerKindFor(typ string) (triggerKind, bool) {
	k, ok := triggerKindByType[typ]
	return k, ok
}

// triggerConfigDescription is the first sentence of the description of a
// configuration attribute.
func triggerConfigDescription(k triggerKind) string {
	return "Configuration of a trigger of type " + validators.MarkdownEnum(k.types()) + "; set it for that type only."
}

// nonEmptyString is the validator list of a string that may not be "".
func nonEmptyString() []validator.String {
	return []validator.String{stringvalidator.LengthAtLeast(1)}
}

// triggerRequiredString is a required string attribute that may not be "".
func triggerRequiredString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Required: true, Validators: nonEmptyString()}
}

// triggerOptionalString is an optional string attribute.
func triggerOptionalString(description string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: description, Optional: true}
}

// triggerStringList is an optional list of strings, each valid by elem.
func triggerStringList(description string, elem ...validator.String) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: description,
		Optional:            true,
		ElementType:         types.StringType,
		Validators:          []validator.List{listvalidator.ValueStringsAre(elem...)},
	}
}

// triggerDefaultBool is an optional bool attribute that defaults to def.
func triggerDefaultBool(description string, def bool) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Optional: true, Computed: true, Default: booldefault.StaticBool(def)}
}

// decodeTriggerConfig decodes in.raw into target, or reports at attribute
// why it cannot: FC sent no configuration, or one of another shape.
func decodeTriggerConfig(in triggerConfigRead, attribute string, target any, diags *diag.Diagnostics) bool {
	if len(in.raw) == 0 {
		diags.AddAttributeError(path.Root(attribute), "Trigger without configuration",
			fmt.Sprintf("FC returned no triggerConfig for the %s trigger %q; its %s cannot be read.", in.typ, in.name, attribute))
		return false
	}
	if err := json.Unmarshal(in.raw, target); err != nil {
		diags.AddAttributeError(path.Root(attribute), "Unexpected trigger configuration",
			fmt.Sprintf("FC returned a triggerConfig for the %s trigger %q that does not have the expected shape: %s. The configuration was %s.",
				in.typ, in.name, err, triggerShortJSON(in.raw)))
		return false
	}
	return true
}

// encodeTriggerConfig marshals a kind's wire body, unless diags already
// holds an error (then the body is incomplete and nothing is sent).
func encodeTriggerConfig(body any, diags *diag.Diagnostics) json.RawMessage {
	if diags.HasError() {
		return nil
	}
	raw, err := json.Marshal(body)
	if err != nil {
		diags.AddError("Error encoding the trigger configuration", err.Error())
		return nil
	}
	return raw
}

// triggerPriorObject decodes a prior nested object into target when it is
// a known object; otherwise target keeps its zero value (all fields null).
func triggerPriorObject(ctx context.Context, v attr.Value, target any) {
	o, ok := v.(types.Object)
	if !ok || o.IsNull() || o.IsUnknown() {
		return
	}
	// A prior of the wrong shape only loses the null-versus-empty hint.
	_ = o.As(ctx, target, basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true})
}

// triggerObject returns the configuration object v as the model target.
func triggerObject(ctx context.Context, v attr.Value, target any, diags *diag.Diagnostics) {
	o, ok := v.(types.Object)
	if !ok {
		diags.AddError("Unexpected trigger configuration value",
			fmt.Sprintf("A trigger configuration is a %T, not an object. This is a bug in the provider.", v))
		return
	}
	diags.Append(o.As(ctx, target, basetypes.ObjectAsOptions{})...)
}

// triggerStrings returns the known elements of a list or set of strings.
func triggerStrings(ctx context.Context, v interface {
	ElementsAs(context.Context, any, bool) diag.Diagnostics
	IsNull() bool
	IsUnknown() bool
}, diags *diag.Diagnostics) []string {
	out := []string{}
	if v.IsNull() || v.IsUnknown() {
		return out
	}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

func triggerBoolOr(v types.Bool, def bool) bool {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueBool()
}

// triggerJSONEquivalent reports whether two JSON documents hold the same
// data once null object members are dropped and numbers are compared by
// value. Invalid JSON is equivalent to nothing.
func triggerJSONEquivalent(a, b []byte) bool {
	decode := func(raw []byte) (any, bool) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || dec.More() {
			return nil, false
		}
		return v, true
	}
	va, ok := decode(a)
	if !ok {
		return false
	}
	vb, ok := decode(b)
	return ok && jsonValuesEquivalent(va, vb)
}

func jsonValuesEquivalent(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, xv := range x {
			yv, present := y[k]
			if xv == nil {
				if present && yv != nil {
					return false
				}
				continue
			}
			if !present || !jsonValuesEquivalent(xv, yv) {
				return false
			}
		}
		for k, yv := range y {
			if _, present := x[k]; !present && yv != nil {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonValuesEquivalent(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		// big.Float rather than big.Rat: an exponent such as 1e999999999
		// costs nothing to parse.
		fx, _, errx := big.ParseFloat(string(x), 10, 512, big.ToNearestEven)
		fy, _, erry := big.ParseFloat(string(y), 10, 512, big.ToNearestEven)
		return errx == nil && erry == nil && fx.Cmp(fy) == 0
	default: // string, bool, nil
		return a == b
	}
}
