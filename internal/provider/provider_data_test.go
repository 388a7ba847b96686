package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestProviderClient(t *testing.T) {
	client, err := fc.New(fc.Config{Endpoint: "http://127.0.0.1:9", AccessKeyID: "id", AccessKeySecret: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	if got := providerClient(nil, &diags); got != nil || diags.HasError() {
		t.Errorf("nil data: got %v, %v; want nil and no error", got, diags)
	}
	if got := providerClient(client, &diags); got != client || diags.HasError() {
		t.Errorf("client data: got %v, %v; want the client", got, diags)
	}
	if got := providerClient("not a client", &diags); got != nil || !diags.HasError() {
		t.Errorf("wrong data: got %v, %v; want nil and an error", got, diags)
	}
}
