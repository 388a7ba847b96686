package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ datasource.DataSource              = (*customDomainDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*customDomainDataSource)(nil)
	_ datasource.DataSource              = (*customDomainsDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*customDomainsDataSource)(nil)
)

// NewCustomDomainDataSource returns the fc_custom_domain data source.
func NewCustomDomainDataSource() datasource.DataSource {
	return &customDomainDataSource{}
}

// NewCustomDomainsDataSource returns the fc_custom_domains data source.
func NewCustomDomainsDataSource() datasource.DataSource {
	return &customDomainsDataSource{}
}

type customDomainDataSource struct {
	dataSourceBase
}

type customDomainsDataSource struct {
	dataSourceBase
}

type customDomainsDataSourceModel struct {
	CustomDomains []customDomainDataModel `tfsdk:"custom_domains"`
	DomainNames   types.List              `tfsdk:"domain_names"`
	NamePrefix    types.String            `tfsdk:"name_prefix"`
}

func (d *customDomainDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_domain"
}

func (d *customDomainsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_domains"
}

// customDomainDataSourceAttributes are the attributes of the
// fc_custom_domain data source and of each element of fc_custom_domains:
// those of the resource, computed, and a certificate without its private
// key, which FC never returns.
func customDomainDataSourceAttributes(nameRequired bool) map[string]schema.Attribute {
	rules := func(d string) schema.ListNestedAttribute {
		return computedObjectList(d, map[string]schema.Attribute{
			"match":       computedString("What the rule matches."),
			"replacement": computedString("The path the request is rewritten to."),
		})
	}
	name := computedString("The host name, e.g. `api.example.com`.")
	if nameRequired {
		name = schema.StringAttribute{
			MarkdownDescription: "The host name of the domain to read, e.g. `api.example.com`.",
			Required:            true,
			Validators:          []validator.String{validators.DomainName()},
		}
	}
	return map[string]schema.Attribute{
		"account_id": computedString("ID of the account that owns the domain."),
		"cert_config": computedObject("The HTTPS certificate; null when the domain has none. FC does not return the private key.", map[string]schema.Attribute{
			"cert_name":   computedString("Name of the certificate."),
			"certificate": computedString("The certificate (chain) in PEM."),
		}),
		"created_time":       computedString("Creation time of the domain (UTC)."),
		"domain_name":        name,
		"id":                 computedString("The domain name."),
		"last_modified_time": computedString("Time of the last change of the domain (UTC)."),
		"protocol":           computedString("What the domain serves: " + validators.MarkdownEnum(validators.DomainProtocols) + "."),
		"route_config": computedObject("The routing table; null when the domain has no routes.", map[string]schema.Attribute{
			"routes": computedObjectList("The routes, in FC's order.", map[string]schema.Attribute{
				"function_name": computedString("Function that serves the path."),
				"methods":       computedStringSet("HTTP methods routed; null for every method."),
				"path":          computedString("The path, exact or a `/*` prefix."),
				"qualifier":     computedString("Version ID or alias name; null for `LATEST`."),
				"rewrite_config": computedObject("Path rewriting; null when none.", map[string]schema.Attribute{
					"equal_rules":    rules("Rules for exact paths."),
					"regex_rules":    rules("Rules with regular expressions."),
					"wildcard_rules": rules("Rules with `*` wildcards."),
				}),
				"service_name": computedString("Service of the function."),
			}),
		}),
		"tls_config": computedObject("TLS settings; null when FC's defaults apply.", map[string]schema.Attribute{
			"cipher_suites": computedStringList("Cipher suites offered."),
			"max_version":   computedString("Highest TLS version offered."),
			"min_version":   computedString("Lowest TLS version accepted."),
		}),
		"waf_config": computedObject("The Web Application Firewall setting; null when not set.", map[string]schema.Attribute{
			"enable_waf": computedBool("Whether the firewall is on."),
		}),
	}
}

func (d *customDomainDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads a Function Compute custom domain: its protocol, routes, certificate (without the " +
			"private key, which FC never returns), TLS and WAF settings.",
		Attributes: customDomainDataSourceAttributes(true),
	}
}

func (d *customDomainDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var name types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("domain_name"), &name)...)
	if resp.Diagnostics.HasError() {
		return
	}
	out, _, err := d.client.GetCustomDomain(ctx, name.ValueString())
	if err != nil {
		what := fmt.Sprintf("Could not read custom domain %q", name.ValueString())
		addLookupError(&resp.Diagnostics, "Error reading FC custom domain", "custom domain", what, what+" (it does not exist)", err)
		return
	}
	m := flattenCustomDomainData(out)
	m.DomainName, m.ID = name, name
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (d *customDomainsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the Function Compute custom domains of the account and region, in name order, " +
			"optionally only those whose name starts with a prefix.",
		Attributes: map[string]schema.Attribute{
			"custom_domains": computedObjectList("The domains found, with the attributes of the `fc_custom_domain` data source.", customDomainDataSourceAttributes(false)),
			"domain_names":   computedStringList("Names of the domains found, in the order of `custom_domains`."),
			"name_prefix":    optionalString("Only list domains whose name starts with this prefix. When not set, every domain is listed."),
		},
	}
}

func (d *customDomainsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	cfg, ok := dataSourceConfig[customDomainsDataSourceModel](ctx, req, resp)
	if !ok {
		return
	}
	list, ok := listByPrefix(ctx, &resp.Diagnostics, "custom domain", cfg.NamePrefix.ValueString(), d.client.ListCustomDomains)
	if !ok {
		return
	}
	cfg.CustomDomains = mapEach(list, flattenCustomDomainData)
	cfg.DomainNames = namesOf(cfg.CustomDomains, func(m *customDomainDataModel) types.String {
		return types.StringValue(m.DomainName.ValueString())
	})
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
