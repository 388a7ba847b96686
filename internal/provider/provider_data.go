package provider

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// providerClient returns the client the provider's Configure passed to a
// resource or data source, or nil before the provider is configured (the
// framework calls Configure early too, with no data).
func providerClient(data any, diags *diag.Diagnostics) *fc.Client {
	if data == nil {
		return nil
	}
	client, ok := data.(*fc.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *fc.Client, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return client
}
