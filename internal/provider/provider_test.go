package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func providerSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp provider.SchemaResponse
	New("test", "none")().Schema(context.Background(), provider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("Schema: %v", resp.Diagnostics)
	}
	return resp.Schema
}

func TestProviderSchema_valid(t *testing.T) {
	s := providerSchema(t)
	if diags := s.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatalf("ValidateImplementation: %v", diags)
	}
	if s.MarkdownDescription == "" {
		t.Error("the provider schema has no MarkdownDescription")
	}
	for name, attr := range s.Attributes {
		if attr.GetMarkdownDescription() == "" {
			t.Errorf("attribute %s has no MarkdownDescription", name)
		}
		if attr.IsRequired() {
			t.Errorf("attribute %s is required; every provider argument must be optional so that the environment can supply it", name)
		}
	}
	for _, name := range []string{"secret_key", "security_token"} {
		if !s.Attributes[name].IsSensitive() {
			t.Errorf("attribute %s is not Sensitive", name)
		}
	}
}

// TestProviderSchema_modelParity checks that providerModel has exactly the
// schema's attributes.
func TestProviderSchema_modelParity(t *testing.T) {
	s := providerSchema(t)
	ctx := context.Background()
	objType := terraformObjectType(s)
	cfg := tfsdk.Config{Schema: s, Raw: tftypes.NewValue(objType, nullAttributes(objType))}
	var m providerModel
	if diags := cfg.Get(ctx, &m); diags.HasError() {
		t.Fatalf("providerModel does not match the schema: %v", diags)
	}
}

func TestProviderSchema_maxRetriesValidator(t *testing.T) {
	attr, ok := providerSchema(t).Attributes["max_retries"].(schema.Int64Attribute)
	if !ok {
		t.Fatal("max_retries is not an Int64Attribute")
	}
	for _, tc := range []struct {
		value   int64
		wantErr bool
	}{{-1, true}, {0, false}, {5, false}} {
		var resp validator.Int64Response
		for _, v := range attr.Int64Validators() {
			v.ValidateInt64(context.Background(), validator.Int64Request{
				Path:        path.Root("max_retries"),
				ConfigValue: types.Int64Value(tc.value),
			}, &resp)
		}
		if got := resp.Diagnostics.HasError(); got != tc.wantErr {
			t.Errorf("max_retries = %d: error = %v, want %v (%v)", tc.value, got, tc.wantErr, resp.Diagnostics)
		}
	}
}

func TestProviderMetadata(t *testing.T) {
	var resp provider.MetadataResponse
	New("1.2.3", "abc")().Metadata(context.Background(), provider.MetadataRequest{}, &resp)
	if resp.TypeName != "fc" || resp.Version != "1.2.3" {
		t.Errorf("Metadata = %q, %q, want fc, 1.2.3", resp.TypeName, resp.Version)
	}
}
