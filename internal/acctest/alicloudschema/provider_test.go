package alicloudschema

import (
	"context"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestSchemas checks that the stand-in serves every resource with a valid
// schema of version 0, as the incumbent's SDK v1 resources have.
func TestSchemas(t *testing.T) {
	server, err := providerserver.NewProtocol6WithError(New())()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		t.Errorf("%s: %s: %s", d.Severity, d.Summary, d.Detail)
	}
	for name := range Schemas() {
		s, ok := resp.ResourceSchemas[name]
		if !ok {
			t.Errorf("%s is not served", name)
			continue
		}
		if s.Version != 0 {
			t.Errorf("%s has schema version %d, want 0", name, s.Version)
		}
	}
	if len(resp.ResourceSchemas) != len(Schemas()) {
		t.Errorf("serves %d resources, Schemas() lists %d", len(resp.ResourceSchemas), len(Schemas()))
	}
}

func TestZeroValue(t *testing.T) {
	list := tftypes.List{ElementType: tftypes.String}
	for _, tc := range []struct {
		typ  tftypes.Type
		want tftypes.Value
	}{
		{tftypes.String, tftypes.NewValue(tftypes.String, "")},
		{tftypes.Number, tftypes.NewValue(tftypes.Number, new(big.Float))},
		{tftypes.Bool, tftypes.NewValue(tftypes.Bool, false)},
		{list, tftypes.NewValue(list, []tftypes.Value{})},
	} {
		if got := zeroValue(tc.typ); !got.Equal(tc.want) {
			t.Errorf("zeroValue(%s) = %s, want %s", tc.typ, got, tc.want)
		}
	}
}
