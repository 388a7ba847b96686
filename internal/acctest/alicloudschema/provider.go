// Package alicloudschema is a stand-in for the alicloud provider
// (aliyun/alicloud) in the tests of the moves from alicloud_fc_* to fc_*.
//
// Terraform reads the schema of a moved resource's source provider (never
// calling it), so those tests need a provider of that name. This one
// declares the incumbent's FC 2.0 resources with their schemas as the
// incumbent's terraform-plugin-sdk v1 source declares them, schema version
// 0: TypeList MaxItems 1 blocks as list nested blocks, sets as sets, maps as
// maps, TypeInt and TypeFloat as numbers, the implicit optional and
// computed id. SDK v1 defaults are schema defaults here, so that the state
// holds them as the incumbent's does.
//
// Its resources store what they are given and nothing else: Create and
// Update keep the plan, with the computed values left unknown set the way
// SDK v1 stores them ("", 0, false, empty collections), computed values
// kept from the state in a plan as SDK v1 keeps them, and a new object's
// id in the incumbent's format; an import takes the ID alone (SDK v1's
// ImportStatePassthrough, without the incumbent's read); Read returns the
// state; Delete does nothing. It stands for the schema, not for any
// behavior of the incumbent.
package alicloudschema

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// New returns the stand-in provider, whose type name is "alicloud".
func New() provider.Provider {
	return &alicloudProvider{}
}

type alicloudProvider struct{}

func (p *alicloudProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "alicloud"
}

// Schema is empty: the tests configure nothing, and Terraform needs only
// the resources' schemas.
func (p *alicloudProvider) Schema(_ context.Context, _ provider.SchemaRequest, _ *provider.SchemaResponse) {
}

func (p *alicloudProvider) Configure(_ context.Context, _ provider.ConfigureRequest, _ *provider.ConfigureResponse) {
}

func (p *alicloudProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		func() resource.Resource { return serviceResource() },
		func() resource.Resource { return functionResource() },
		func() resource.Resource { return triggerResource() },
		func() resource.Resource { return aliasResource() },
		func() resource.Resource { return layerVersionResource() },
		func() resource.Resource { return asyncInvokeConfigResource() },
		func() resource.Resource { return customDomainResource() },
	}
}

func (p *alicloudProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return nil
}

// Schemas returns the stand-in's resource schemas by type name (e.g.
// "alicloud_fc_service"), for tests that check old states against them.
func Schemas() map[string]schema.Schema {
	out := map[string]schema.Schema{}
	for _, r := range []*storedResource{
		serviceResource(), functionResource(), triggerResource(), aliasResource(), layerVersionResource(), asyncInvokeConfigResource(),
		customDomainResource(),
	} {
		out["alicloud_"+r.name] = r.schema
	}
	return out
}
