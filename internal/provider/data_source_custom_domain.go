package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
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
	rule := schema.ListNestedAttribute{
		Computed: true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"match":       schema.StringAttribute{MarkdownDescription: "What the rule matches.", Computed: true},
			"replacement": schema.StringAttribute{MarkdownDescription: "The path the request is rewritten to.", Computed: true},
		}},
	}
	withDescription := func(a schema.ListNestedAttribute, d string) schema.ListNestedAttribute {
		a.MarkdownDescription = d
		return a
	}
	name := schema.StringAttribute{MarkdownDescription: "The host name, e.g. `api.example.com`.", Computed: true}
	if nameRequired {
		name = schema.StringAttribute{
			MarkdownDescription: "The host name of the domain to read, e.g. `api.example.com`.",
			Required:            true,
			Validators:          []validator.String{validators.DomainName()},
		}
	}
	return map[string]schema.Attribute{
		"account_id": schema.StringAttribute{MarkdownDescription: "ID of the account that owns the domain.", Computed: true},
		"cert_config": schema.SingleNestedAttribute{
			MarkdownDescription: "The HTTPS certificate; null when the domain has none. FC does not return the private key.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"cert_name":   schema.StringAttribute{MarkdownDescription: "Name of the certificate.", Computed: true},
				"certificate": schema.StringAttribute{MarkdownDescription: "The certificate (chain) in PEM.", Computed: true},
			},
		},
		"created_time": schema.StringAttribute{MarkdownDescription: "Creation time of the domain (UTC).", Computed: true},
		"domain_name":  name,
		"id":           schema.StringAttribute{MarkdownDescription: "The domain name.", Computed: true},
		"last_modified_time": schema.StringAttribute{
			MarkdownDescription: "Time of the last change of the domain (UTC).", Computed: true,
		},
		"protocol": schema.StringAttribute{
			MarkdownDescription: "What the domain serves: " + validators.MarkdownEnum(validators.DomainProtocols) + ".",
			Computed:            true,
		},
		"route_config": schema.SingleNestedAttribute{
			MarkdownDescription: "The routing table; null when the domain has no routes.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"routes": schema.ListNestedAttribute{
					MarkdownDescription: "The routes, in FC's order.",
					Computed:            true,
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"function_name": schema.StringAttribute{MarkdownDescription: "Function that serves the path.", Computed: true},
						"methods": schema.SetAttribute{
							MarkdownDescription: "HTTP methods routed; null for every method.", Computed: true, ElementType: types.StringType,
						},
						"path":      schema.StringAttribute{MarkdownDescription: "The path, exact or a `/*` prefix.", Computed: true},
						"qualifier": schema.StringAttribute{MarkdownDescription: "Version ID or alias name; null for `LATEST`.", Computed: true},
						"rewrite_config": schema.SingleNestedAttribute{
							MarkdownDescription: "Path rewriting; null when none.",
							Computed:            true,
							Attributes: map[string]schema.Attribute{
								"equal_rules":    withDescription(rule, "Rules for exact paths."),
								"regex_rules":    withDescription(rule, "Rules with regular expressions."),
								"wildcard_rules": withDescription(rule, "Rules with `*` wildcards."),
							},
						},
						"service_name": schema.StringAttribute{MarkdownDescription: "Service of the function.", Computed: true},
					}},
				},
			},
		},
		"tls_config": schema.SingleNestedAttribute{
			MarkdownDescription: "TLS settings; null when FC's defaults apply.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"cipher_suites": schema.ListAttribute{MarkdownDescription: "Cipher suites offered.", Computed: true, ElementType: types.StringType},
				"max_version":   schema.StringAttribute{MarkdownDescription: "Highest TLS version offered.", Computed: true},
				"min_version":   schema.StringAttribute{MarkdownDescription: "Lowest TLS version accepted.", Computed: true},
			},
		},
		"waf_config": schema.SingleNestedAttribute{
			MarkdownDescription: "The Web Application Firewall setting; null when not set.",
			Computed:            true,
			Attributes: map[string]schema.Attribute{
				"enable_waf": schema.BoolAttribute{MarkdownDescription: "Whether the firewall is on.", Computed: true},
			},
		},
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
		if fc.IsNotFound(err) {
			what += " (it does not exist)"
		}
		addAPIError(&resp.Diagnostics, "Error reading FC custom domain", "custom domain", what, err)
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
			"custom_domains": schema.ListNestedAttribute{
				MarkdownDescription: "The domains found, with the attributes of the `fc_custom_domain` data source.",
				Computed:            true,
				NestedObject:        schema.NestedAttributeObject{Attributes: customDomainDataSourceAttributes(false)},
			},
			"domain_names": schema.ListAttribute{
				MarkdownDescription: "Names of the domains found, in the order of `custom_domains`.",
				Computed:            true,
				ElementType:         types.StringType,
			},
			"name_prefix": schema.StringAttribute{
				MarkdownDescription: "Only list domains whose name starts with this prefix. When not set, every domain is listed.",
				Optional:            true,
			},
		},
	}
}

func (d *customDomainsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg customDomainsDataSourceModel
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("name_prefix"), &cfg.NamePrefix)...)
	if resp.Diagnostics.HasError() {
		return
	}
	prefix := cfg.NamePrefix.ValueString()
	list, err := d.client.ListCustomDomains(ctx, fc.ListOptions{Prefix: prefix})
	if err != nil {
		what := "Could not list custom domains"
		if prefix != "" {
			what = fmt.Sprintf("Could not list custom domains with the name prefix %q", prefix)
		}
		addAPIError(&resp.Diagnostics, "Error listing FC custom domains", "custom domain", what, err)
		return
	}
	tflog.Debug(ctx, "Listed FC custom domains", map[string]any{"prefix": prefix, "count": len(list)})

	names := make([]string, 0, len(list))
	cfg.CustomDomains = make([]customDomainDataModel, 0, len(list))
	for i := range list {
		m := flattenCustomDomainData(&list[i])
		cfg.CustomDomains = append(cfg.CustomDomains, m)
		names = append(names, m.DomainName.ValueString())
	}
	cfg.DomainNames = flattenComputedStringList(names)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
