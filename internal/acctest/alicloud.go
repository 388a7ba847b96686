package acctest

import (
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/terraform-fc/terraform-provider-fc/internal/acctest/alicloudschema"
)

// ProtoV6ProviderFactoriesWithAlicloud serves this provider and, as
// "alicloud", the stand-in for the incumbent provider that the tests of
// moves from alicloud_fc_* need (see package alicloudschema).
// terraform-plugin-testing gives it the address
// registry.terraform.io/hashicorp/alicloud, the incumbent's legacy address.
func ProtoV6ProviderFactoriesWithAlicloud() map[string]func() (tfprotov6.ProviderServer, error) {
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"alicloud": providerserver.NewProtocol6WithError(alicloudschema.New()),
	}
	for name, f := range ProtoV6ProviderFactories {
		factories[name] = f
	}
	return factories
}
