package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// TestTriggerKinds_registry: every trigger type has exactly one kind, each
// kind has its own attribute, and a kind's null value, get and set agree
// with its schema and the model.
func TestTriggerKinds_registry(t *testing.T) {
	ctx := context.Background()
	seenTypes := map[string]string{}
	seenAttrs := map[string]bool{}
	for _, k := range triggerKinds {
		a := k.attribute()
		if seenAttrs[a] {
			t.Errorf("two kinds hold %s", a)
		}
		seenAttrs[a] = true
		if len(k.types()) == 0 {
			t.Errorf("kind %s configures no trigger type", a)
		}
		for _, typ := range k.types() {
			if other, ok := seenTypes[typ]; ok {
				t.Errorf("trigger type %q has two kinds: %s and %s", typ, other, a)
			}
			seenTypes[typ] = a
			if !slices.Contains(validators.TriggerTypes, typ) {
				t.Errorf("kind %s configures %q, which is not a trigger type", a, typ)
			}
		}
		if got, want := k.null().Type(ctx), k.schema().GetType(); !got.Equal(want) {
			t.Errorf("%s: null value of type %v, schema type %v", a, got, want)
		}
		if !k.null().IsNull() {
			t.Errorf("%s: null() is not null", a)
		}
		// set writes the kind's own field, and get reads it back.
		var m triggerResourceModel
		for _, other := range triggerKinds {
			other.set(&m, other.null())
		}
		typ := k.null().Type(ctx)
		unknown, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(typ.TerraformType(ctx), tftypes.UnknownValue))
		if err != nil {
			t.Fatal(err)
		}
		k.set(&m, unknown)
		if !k.get(&m).IsUnknown() || !m.configValue(a).IsUnknown() {
			t.Errorf("%s: get after set(unknown) = %v", a, k.get(&m))
		}
		for _, other := range triggerKinds {
			if other.attribute() != a && !other.get(&m).IsNull() {
				t.Errorf("setting %s changed %s", a, other.attribute())
			}
		}
	}
	for _, typ := range validators.TriggerTypes {
		if _, ok := seenTypes[typ]; !ok {
			t.Errorf("trigger type %q has no kind", typ)
		}
	}
}
