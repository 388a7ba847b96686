package provider

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                   = (*customDomainResource)(nil)
	_ resource.ResourceWithConfigure      = (*customDomainResource)(nil)
	_ resource.ResourceWithImportState    = (*customDomainResource)(nil)
	_ resource.ResourceWithValidateConfig = (*customDomainResource)(nil)
)

// certificateClock is the clock of the plan-time certificate expiry check.
var certificateClock = time.Now

// NewCustomDomainResource returns the fc_custom_domain resource.
func NewCustomDomainResource() resource.Resource {
	return &customDomainResource{}
}

type customDomainResource struct {
	resourceBase
}

func (r *customDomainResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_custom_domain"
}

func (r *customDomainResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages a custom domain of Function Compute: a host name of yours (e.g. `api.example.com`, " +
			"pointed at FC with a CNAME record) whose HTTP and HTTPS requests FC routes by path to functions, " +
			"optionally through an alias or version, with path rewriting, a TLS certificate, TLS settings and the " +
			"Web Application Firewall.\n\n" +
			"The certificate's private key is sensitive and FC never returns it: give it as `cert_config.private_key` " +
			"(kept in the state, marked sensitive) or, with Terraform 1.11 and later, as the write-only " +
			"`cert_config.private_key_wo`, which never enters the plan or the state; change " +
			"`cert_config.private_key_wo_version` to send a new key. The key is never logged.\n\n" +
			"Updates and deletes are conditional on the ETag of the last read when FC returns one.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "ID of the Alibaba Cloud account that owns the domain.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"cert_config": schema.SingleNestedAttribute{
				MarkdownDescription: "The HTTPS certificate, required when `protocol` serves HTTPS. At plan time the " +
					"certificate must be PEM, its first certificate must not have expired (one that expires within 30 " +
					"days draws a warning), and the private key must be that certificate's. Removing the block removes " +
					"the certificate from FC (set `protocol` to `HTTP` in the same change).",
				Optional:   true,
				Validators: []validator.Object{validators.CertificateKeyPair("certificate", "private_key", "private_key_wo")},
				Attributes: map[string]schema.Attribute{
					"cert_name": schema.StringAttribute{
						MarkdownDescription: "A name of your choice for the certificate.",
						Required:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(1, 128)},
					},
					"certificate": schema.StringAttribute{
						MarkdownDescription: "The certificate in PEM; for a chain, the certificates one after another, " +
							"the domain's first.",
						Required:   true,
						Validators: []validator.String{validators.Certificate(func() time.Time { return certificateClock() })},
					},
					"private_key": schema.StringAttribute{
						MarkdownDescription: "The unencrypted PEM private key of the first certificate. Sensitive; kept " +
							"in the state, never read back from FC (after an import it is unknown to Terraform until the " +
							"next apply sends it). Exactly one of `private_key` and `private_key_wo` is required.",
						Optional:  true,
						Sensitive: true,
						Validators: []validator.String{
							validators.PrivateKey(),
							stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("private_key_wo")),
						},
					},
					"private_key_wo": schema.StringAttribute{
						MarkdownDescription: "Write-only alternative to `private_key` (Terraform 1.11 and later): the " +
							"key is sent to FC and never stored in the plan or the state. Terraform cannot see a change " +
							"of a write-only value, so set `private_key_wo_version` with it and change that number " +
							"whenever the key changes.",
						Optional:  true,
						Sensitive: true,
						WriteOnly: true,
						Validators: []validator.String{
							validators.PrivateKey(),
							stringvalidator.AlsoRequires(path.MatchRelative().AtParent().AtName("private_key_wo_version")),
						},
					},
					"private_key_wo_version": schema.Int64Attribute{
						MarkdownDescription: "Version of `private_key_wo`, any number of your choice: changing it sends the " +
							"certificate and the current `private_key_wo` to FC. Required with `private_key_wo`.",
						Optional: true,
						Validators: []validator.Int64{
							int64validator.AlsoRequires(path.MatchRelative().AtParent().AtName("private_key_wo")),
						},
					},
				},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "Creation time of the domain (UTC, e.g. `2020-07-27T08:02:19Z`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"domain_name": schema.StringAttribute{
				MarkdownDescription: "The host name, e.g. `api.example.com`: lower-case labels of letters, digits and " +
					"`-`, at least two of them. Its DNS must point at FC (a CNAME to the account's FC endpoint) before " +
					"FC accepts it. Changing it replaces the domain.",
				Required:      true,
				Validators:    []validator.String{validators.DomainName()},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The domain name.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the domain (UTC); changes on every update.",
				Computed:            true,
			},
			"protocol": schema.StringAttribute{
				MarkdownDescription: "What the domain serves: " + validators.MarkdownEnum(validators.DomainProtocols) +
					" (default `HTTP`). `HTTP,HTTPS` needs `cert_config`. Removing the argument goes back to `HTTP`.",
				Optional:   true,
				Computed:   true,
				Default:    stringdefault.StaticString(validators.DomainProtocolHTTP),
				Validators: []validator.String{stringvalidator.OneOf(validators.DomainProtocols...)},
			},
			"route_config": schema.SingleNestedAttribute{
				MarkdownDescription: "The routing table: which function serves which path. Removing the block removes " +
					"every route.",
				Optional: true,
				Attributes: map[string]schema.Attribute{
					"routes": schema.ListNestedAttribute{
						MarkdownDescription: "The routes (at least one), each path at most once. FC matches an exact path " +
							"(`/login`) or a prefix (`/api/*`).",
						Required: true,
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							validators.UniqueAttribute("path", "route path"),
						},
						NestedObject: schema.NestedAttributeObject{Attributes: customDomainRouteAttributes()},
					},
				},
			},
			"tls_config": schema.SingleNestedAttribute{
				MarkdownDescription: "TLS settings of HTTPS. Removing the block goes back to FC's defaults.",
				Optional:            true,
				Validators:          []validator.Object{validators.TLSVersionRange("min_version", "max_version")},
				Attributes: map[string]schema.Attribute{
					"cipher_suites": schema.ListAttribute{
						MarkdownDescription: "Cipher suites offered (for TLS 1.2 and lower), by their IANA names, e.g. " +
							"`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`. When not set, FC's default suites.",
						Optional:    true,
						ElementType: types.StringType,
						Validators: []validator.List{
							listvalidator.SizeAtLeast(1),
							listvalidator.UniqueValues(),
							listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
						},
					},
					"max_version": schema.StringAttribute{
						MarkdownDescription: "Highest TLS version offered: " + validators.MarkdownEnum(validators.TLSVersions) +
							"; not below `min_version`.",
						Optional:   true,
						Validators: []validator.String{stringvalidator.OneOf(validators.TLSVersions...)},
					},
					"min_version": schema.StringAttribute{
						MarkdownDescription: "Lowest TLS version accepted: " + validators.MarkdownEnum(validators.TLSVersions) + ".",
						Required:            true,
						Validators:          []validator.String{stringvalidator.OneOf(validators.TLSVersions...)},
					},
				},
			},
			"waf_config": schema.SingleNestedAttribute{
				MarkdownDescription: "The Web Application Firewall. Removing the block clears the setting.",
				Optional:            true,
				Attributes: map[string]schema.Attribute{
					"enable_waf": schema.BoolAttribute{
						MarkdownDescription: "Whether requests to the domain pass through the Web Application Firewall.",
						Required:            true,
					},
				},
			},
		},
	}
}

// customDomainRouteAttributes are the attributes of one route.
func customDomainRouteAttributes() map[string]schema.Attribute {
	rules := func(what, match string, matchValidators ...validator.String) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{
			MarkdownDescription: what,
			Optional:            true,
			Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"match": schema.StringAttribute{
					MarkdownDescription: match,
					Required:            true,
					Validators:          append([]validator.String{stringvalidator.LengthAtLeast(1)}, matchValidators...),
				},
				"replacement": schema.StringAttribute{
					MarkdownDescription: "The path the request is rewritten to.",
					Required:            true,
					Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				},
			}},
		}
	}
	return map[string]schema.Attribute{
		"function_name": schema.StringAttribute{
			MarkdownDescription: "Name of the function that serves the path.",
			Required:            true,
			Validators:          []validator.String{validators.Name("function name", 64)},
		},
		"methods": schema.SetAttribute{
			MarkdownDescription: "HTTP methods routed (at least one): " + validators.MarkdownEnum(validators.HTTPMethods) +
				". When not set, every method.",
			Optional:    true,
			ElementType: types.StringType,
			Validators: []validator.Set{
				setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(stringvalidator.OneOf(validators.HTTPMethods...)),
			},
		},
		"path": schema.StringAttribute{
			MarkdownDescription: "The path, beginning with `/`: exact (`/login`) or a prefix ending in `/*` (`/api/*`). " +
				"Each path at most once per domain.",
			Required:   true,
			Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^/`), "must begin with /")},
		},
		"qualifier": schema.StringAttribute{
			MarkdownDescription: "Version ID or alias name of the service to route to, e.g. an `fc_alias`'s `name`. " +
				"When not set, `LATEST`.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"rewrite_config": schema.SingleNestedAttribute{
			MarkdownDescription: "Rewrites the request path before the function sees it (at least one rule). FC applies " +
				"equal rules, then wildcard rules, then regex rules; the first that matches wins.",
			Optional:   true,
			Validators: []validator.Object{rewriteHasRule{}},
			Attributes: map[string]schema.Attribute{
				"equal_rules": rules("Rules for exact paths.", "The exact path to rewrite, e.g. `/old`."),
				"regex_rules": rules("Rules with regular expressions.",
					"A regular expression (RE2 syntax), e.g. `^/api/v1/(.*)$`; `$1` in the replacement is its first group.",
					validators.RegularExpression()),
				"wildcard_rules": rules("Rules with `*` wildcards.",
					"A path with `*` wildcards, e.g. `/api/*`; `$1` in the replacement is what the first `*` matched."),
			},
		},
		"service_name": schema.StringAttribute{
			MarkdownDescription: "Name of the service of the function.",
			Required:            true,
			Validators:          []validator.String{validators.Name("service name", 128)},
		},
	}
}

func (r *customDomainResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan customDomainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	keyWO := writeOnlyPrivateKey(ctx, req.Config, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.DomainName.ValueString()
	in := expandCustomDomain(plan, keyWO)

	tflog.Debug(ctx, "Creating FC custom domain", map[string]any{"domain": name, "protocol": plan.Protocol.ValueString()})
	out, etag, err := createByName(ctx, customDomainCreate(r.client, name, in))
	if err != nil {
		what := fmt.Sprintf("Could not create custom domain %q", name)
		switch {
		case errors.Is(err, errCreatedDifferently):
			what += " (its answer was lost, and the domain of that name that exists now differs from the configuration, so Terraform left it alone: import it with `terraform import`)"
		case fc.IsConflict(err):
			what += " (it is already bound to FC: import it with `terraform import`)"
		case fc.IsNotFound(err):
			what += " (a route names a service, function, version or alias that does not exist)"
		}
		addAPIError(&resp.Diagnostics, "Error creating FC custom domain", "custom domain", what, err)
		return
	}

	state := flattenCustomDomain(out, plan)
	saveWithETag(ctx, resp, &state, nil, etag)
}

func (r *customDomainResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state customDomainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.DomainName.ValueString()

	out, etag, err := r.client.GetCustomDomain(ctx, name)
	if removeIfNotFound(ctx, resp, err, "custom domain", map[string]any{"domain": name}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC custom domain", "custom domain",
			fmt.Sprintf("Could not read custom domain %q", name), err)
		return
	}

	newState := flattenCustomDomain(out, state)
	saveWithETag(ctx, resp, &newState, nil, etag)
}

func (r *customDomainResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state customDomainModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	keyWO := writeOnlyPrivateKey(ctx, req.Config, &resp.Diagnostics)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.DomainName.ValueString()
	in := expandCustomDomainUpdate(plan, state, keyWO)

	tflog.Debug(ctx, "Updating FC custom domain", map[string]any{
		"domain": name, "protocol": plan.Protocol.ValueString(), "certificate_sent": in.CertConfig != nil, "if_match": etag,
	})
	out, newETag, err := r.client.UpdateCustomDomain(ctx, name, in, etag)
	if err != nil {
		what := fmt.Sprintf("Could not update custom domain %q", name)
		if fc.IsNotFound(err) {
			what += " (the domain was deleted outside Terraform, or a route names a service, function, version or alias that does not exist)"
		}
		addAPIError(&resp.Diagnostics, "Error updating FC custom domain", "custom domain", what, err)
		return
	}

	newState := flattenCustomDomain(out, plan)
	saveWithETag(ctx, resp, &newState, nil, newETag)
}

func (r *customDomainResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state customDomainModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.DomainName.ValueString()

	tflog.Debug(ctx, "Deleting FC custom domain", map[string]any{"domain": name, "if_match": etag})
	err := r.client.DeleteCustomDomain(ctx, name, etag)
	if err != nil && !goneOnDelete(ctx, err, "custom domain", map[string]any{"domain": name}) {
		addAPIError(&resp.Diagnostics, "Error deleting FC custom domain", "custom domain",
			fmt.Sprintf("Could not delete custom domain %q", name), err)
	}
}

// ImportState imports a custom domain: `terraform import
// fc_custom_domain.x DOMAIN`. The private key is not imported (FC does not
// return it): the next apply sends the configured one.
func (r *customDomainResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importParts(ctx, req, resp, "custom domain", "DOMAIN", "domain_name")
}

// ValidateConfig requires a certificate for HTTPS, when both are known.
func (r *customDomainResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var protocol types.String
	var cert types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("protocol"), &protocol)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("cert_config"), &cert)...)
	if resp.Diagnostics.HasError() || !known(protocol) || cert.IsUnknown() {
		return
	}
	if strings.Contains(protocol.ValueString(), "HTTPS") && cert.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("protocol"), "HTTPS needs a certificate",
			fmt.Sprintf("protocol = %q serves HTTPS, which needs cert_config with the certificate and its private key. "+
				"Add cert_config, or set protocol to %q.", protocol.ValueString(), validators.DomainProtocolHTTP))
	}
}

// writeOnlyPrivateKey returns cert_config.private_key_wo from the
// configuration ("" when not set): write-only values are only there.
func writeOnlyPrivateKey(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) string {
	var cert types.Object
	diags.Append(config.GetAttribute(ctx, path.Root("cert_config"), &cert)...)
	if !known(cert) {
		return ""
	}
	var key types.String
	diags.Append(config.GetAttribute(ctx, path.Root("cert_config").AtName("private_key_wo"), &key)...)
	return key.ValueString()
}

var _ validator.Object = rewriteHasRule{}

// rewriteHasRule requires a rewrite_config to have at least one list of
// rules.
type rewriteHasRule struct{}

func (rewriteHasRule) Description(_ context.Context) string {
	return "at least one of equal_rules, wildcard_rules and regex_rules must be set"
}

func (v rewriteHasRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v rewriteHasRule) ValidateObject(ctx context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if !known(req.ConfigValue) {
		return
	}
	for _, a := range req.ConfigValue.Attributes() {
		if !a.IsNull() {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty rewrite configuration",
		fmt.Sprintf("%s has no rules: %s, or remove rewrite_config.", req.Path, v.Description(ctx)))
}

// customDomainCreate is how Create sends a custom domain and, when the
// answer is lost, recognizes it (createByName). FC does not return the
// private key, so the comparison leaves it out.
func customDomainCreate(client *fc.Client, name string, in *fc.CustomDomain) namedCreate[*fc.CustomDomain] {
	sent := *in
	if sent.CertConfig != nil {
		c := *sent.CertConfig
		c.PrivateKey = ""
		sent.CertConfig = &c
	}
	return namedCreate[*fc.CustomDomain]{
		kind: "custom domain", name: name,
		create:  func(ctx context.Context) (*fc.CustomDomain, string, error) { return client.CreateCustomDomain(ctx, in) },
		find:    func(ctx context.Context) (*fc.CustomDomain, string, error) { return client.GetCustomDomain(ctx, name) },
		matches: func(found *fc.CustomDomain) bool { return sentMatches(&sent, found) },
	}
}
