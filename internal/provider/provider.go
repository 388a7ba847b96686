// Package provider is the Terraform layer of terraform-provider-fc:
// the provider, its resources and data sources.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ provider.Provider                  = (*fcProvider)(nil)
	_ provider.ProviderWithListResources = (*fcProvider)(nil)
)

// New returns a constructor of the provider for a given version.
func New(version, commit string) func() provider.Provider {
	return func() provider.Provider {
		return &fcProvider{version: version, commit: commit}
	}
}

type fcProvider struct {
	version string
	commit  string
	// newClient builds the API client from the resolved configuration;
	// nil means fc.New. Tests inject a recorder.
	newClient func(fc.Config) (*fc.Client, error)
}

type providerModel struct {
	AccessKey             types.String `tfsdk:"access_key"`
	AccountID             types.String `tfsdk:"account_id"`
	DefaultTags           types.Map    `tfsdk:"default_tags"`
	Endpoint              types.String `tfsdk:"endpoint"`
	MaxRetries            types.Int64  `tfsdk:"max_retries"`
	Profile               types.String `tfsdk:"profile"`
	Region                types.String `tfsdk:"region"`
	SecretKey             types.String `tfsdk:"secret_key"`
	SecurityToken         types.String `tfsdk:"security_token"`
	SharedCredentialsFile types.String `tfsdk:"shared_credentials_file"`
}

func (p *fcProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "fc"
	resp.Version = p.version
}

func (p *fcProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Alibaba Cloud Function Compute 2.0 (FC) services, functions and their related objects.",
		Attributes: map[string]schema.Attribute{
			"access_key": schema.StringAttribute{
				MarkdownDescription: "AccessKey ID. Falls back to `ALIBABA_CLOUD_ACCESS_KEY_ID`, then `ALICLOUD_ACCESS_KEY`.",
				Optional:            true,
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "Alibaba Cloud main-account ID, part of the FC endpoint host. Falls back to `ALIBABA_CLOUD_ACCOUNT_ID`, then `ALICLOUD_ACCOUNT_ID`.",
				Optional:            true,
			},
			"default_tags": schema.MapAttribute{
				MarkdownDescription: "Tags every resource with `tags` carries (today `fc_service`), merged under the resource's " +
					"own `tags` (a key in both takes the resource's value) into its `tags_all`. Changing them changes the " +
					"tags of every such resource on the next apply. Must be known when the provider is configured.",
				Optional:    true,
				ElementType: types.StringType,
				Validators:  tagKeyValidators(),
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "Base URL of the FC API, overriding `https://<account_id>.<region>.fc.aliyuncs.com` (for example a local emulator). Falls back to `FC_ENDPOINT`.",
				Optional:            true,
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "Maximum retries of one API call on throttling, server errors, concurrent-update conflicts and connection resets; `0` disables retries. Defaults to 5.",
				Optional:            true,
				Validators: []validator.Int64{
					int64validator.AtLeast(0),
				},
			},
			"profile": schema.StringAttribute{
				MarkdownDescription: "Profile of the Alibaba Cloud CLI configuration file (`aliyun configure`) to take the access key pair (with its security token), the region and, for CloudSSO profiles, the account ID from when they are not set as arguments or environment variables. Falls back to `ALIBABA_CLOUD_PROFILE`, then `ALICLOUD_PROFILE`, then the file's current profile.",
				Optional:            true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "Region ID, e.g. `cn-hangzhou`. Falls back to `ALIBABA_CLOUD_REGION`, then `ALICLOUD_REGION`.",
				Optional:            true,
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "AccessKey secret. Falls back to `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, then `ALICLOUD_SECRET_KEY`.",
				Optional:            true,
				Sensitive:           true,
			},
			"security_token": schema.StringAttribute{
				MarkdownDescription: "STS security token for temporary credentials. Falls back to `ALIBABA_CLOUD_SECURITY_TOKEN`, then `ALICLOUD_SECURITY_TOKEN`.",
				Optional:            true,
				Sensitive:           true,
			},
			"shared_credentials_file": schema.StringAttribute{
				MarkdownDescription: "Path of the Alibaba Cloud CLI configuration file used with `profile`. Defaults to `~/.aliyun/config.json`. Falls back to `ALIBABA_CLOUD_CONFIG_FILE`, then `ALICLOUD_SHARED_CREDENTIALS_FILE`.",
				Optional:            true,
			},
		},
	}
}

func (p *fcProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	// Implemented in provider_configure.go.
	p.configure(ctx, req, resp)
}

func (p *fcProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewServiceResource,
		NewFunctionResource,
		NewTriggerResource,
		NewServiceVersionResource,
		NewAliasResource,
		NewCustomDomainResource,
		NewProvisionConfigResource,
		NewFunctionAsyncInvokeConfigResource,
		NewLayerVersionResource,
	}
}

func (p *fcProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewServiceDataSource,
		NewServicesDataSource,
		NewFunctionDataSource,
		NewFunctionsDataSource,
		NewTriggersDataSource,
		NewServiceVersionsDataSource,
		NewAliasDataSource,
		NewCustomDomainDataSource,
		NewCustomDomainsDataSource,
		NewProvisionConfigsDataSource,
		NewFunctionAsyncInvokeConfigsDataSource,
		NewFunctionInstancesDataSource,
		NewLayerVersionDataSource,
		NewLayersDataSource,
		NewStatefulAsyncInvocationsDataSource,
	}
}

// ListResources are the list resources of `terraform query` (list.go),
// one per managed resource type.
func (p *fcProvider) ListResources(_ context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewServiceListResource,
		NewFunctionListResource,
		NewTriggerListResource,
		NewServiceVersionListResource,
		NewAliasListResource,
		NewCustomDomainListResource,
		NewProvisionConfigListResource,
		NewFunctionAsyncInvokeConfigListResource,
		NewLayerVersionListResource,
	}
}
