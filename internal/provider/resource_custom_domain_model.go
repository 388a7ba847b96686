package provider

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// customDomainModel is the state of fc_custom_domain.
type customDomainModel struct {
	AccountID        types.String             `tfsdk:"account_id"`
	CertConfig       *customDomainCertModel   `tfsdk:"cert_config"`
	CreatedTime      types.String             `tfsdk:"created_time"`
	DomainName       types.String             `tfsdk:"domain_name"`
	ID               types.String             `tfsdk:"id"`
	LastModifiedTime types.String             `tfsdk:"last_modified_time"`
	Protocol         types.String             `tfsdk:"protocol"`
	RouteConfig      *customDomainRoutesModel `tfsdk:"route_config"`
	TLSConfig        *customDomainTLSModel    `tfsdk:"tls_config"`
	WAFConfig        *customDomainWAFModel    `tfsdk:"waf_config"`
}

// customDomainCertModel is cert_config of the resource. The private key is
// never read from FC: private_key comes from the configuration (and stays
// in the state), private_key_wo never enters plan or state.
type customDomainCertModel struct {
	CertName            types.String `tfsdk:"cert_name"`
	Certificate         types.String `tfsdk:"certificate"`
	PrivateKey          types.String `tfsdk:"private_key"`
	PrivateKeyWO        types.String `tfsdk:"private_key_wo"`
	PrivateKeyWOVersion types.Int64  `tfsdk:"private_key_wo_version"`
}

// customDomainRoutesModel is route_config, of the resource and the data
// sources.
type customDomainRoutesModel struct {
	Routes []customDomainRouteModel `tfsdk:"routes"`
}

type customDomainRouteModel struct {
	FunctionName  types.String              `tfsdk:"function_name"`
	Methods       types.Set                 `tfsdk:"methods"`
	Path          types.String              `tfsdk:"path"`
	Qualifier     types.String              `tfsdk:"qualifier"`
	RewriteConfig *customDomainRewriteModel `tfsdk:"rewrite_config"`
	ServiceName   types.String              `tfsdk:"service_name"`
}

type customDomainRewriteModel struct {
	EqualRules    []customDomainRewriteRuleModel `tfsdk:"equal_rules"`
	RegexRules    []customDomainRewriteRuleModel `tfsdk:"regex_rules"`
	WildcardRules []customDomainRewriteRuleModel `tfsdk:"wildcard_rules"`
}

type customDomainRewriteRuleModel struct {
	Match       types.String `tfsdk:"match"`
	Replacement types.String `tfsdk:"replacement"`
}

type customDomainTLSModel struct {
	CipherSuites types.List   `tfsdk:"cipher_suites"`
	MaxVersion   types.String `tfsdk:"max_version"`
	MinVersion   types.String `tfsdk:"min_version"`
}

type customDomainWAFModel struct {
	EnableWAF types.Bool `tfsdk:"enable_waf"`
}

// ---------------------------------------------------------------------------
// expand: Terraform -> API

// expandCustomDomain builds the body of CreateCustomDomain from a plan;
// keyWO is the write-only private key from the configuration ("" when not
// set).
func expandCustomDomain(m customDomainModel, keyWO string) *fc.CustomDomain {
	return &fc.CustomDomain{
		DomainName:  stringPtr(m.DomainName),
		Protocol:    stringPtr(m.Protocol),
		CertConfig:  expandCustomDomainCert(m.CertConfig, keyWO),
		RouteConfig: expandCustomDomainRoutes(m.RouteConfig),
		TLSConfig:   expandCustomDomainTLS(m.TLSConfig),
		WAFConfig:   expandCustomDomainWAF(m.WAFConfig),
	}
}

// expandCustomDomainUpdate builds the body of UpdateCustomDomain: every
// updatable field, a removed one as the blank object that clears it, so that
// what was removed from the configuration is removed from FC. The
// certificate is sent only when it changed (FC keeps it otherwise): the
// private key then travels again, since FC cannot pair a new certificate
// with a key it was given for another.
func expandCustomDomainUpdate(plan, state customDomainModel, keyWO string) *fc.CustomDomain {
	in := &fc.CustomDomain{
		Protocol:    stringPtr(plan.Protocol),
		RouteConfig: expandCustomDomainRoutes(plan.RouteConfig),
		TLSConfig:   expandCustomDomainTLS(plan.TLSConfig),
		WAFConfig:   expandCustomDomainWAF(plan.WAFConfig),
	}
	if in.RouteConfig == nil {
		in.RouteConfig = &fc.RouteConfig{Routes: []fc.PathConfig{}}
	}
	if in.TLSConfig == nil {
		in.TLSConfig = &fc.TLSConfig{}
	}
	if in.WAFConfig == nil {
		in.WAFConfig = &fc.WAFConfig{}
	}
	if certChanged(plan.CertConfig, state.CertConfig) {
		in.CertConfig = expandCustomDomainCert(plan.CertConfig, keyWO)
		if in.CertConfig == nil {
			in.CertConfig = &fc.CertConfig{}
		}
	}
	return in
}

// certChanged reports whether cert_config differs between plan and state
// in what FC stores: name, certificate, key, or the version of the
// write-only key.
func certChanged(plan, state *customDomainCertModel) bool {
	if plan == nil || state == nil {
		return (plan == nil) != (state == nil)
	}
	return !plan.CertName.Equal(state.CertName) || !plan.Certificate.Equal(state.Certificate) ||
		!plan.PrivateKey.Equal(state.PrivateKey) || !plan.PrivateKeyWOVersion.Equal(state.PrivateKeyWOVersion)
}

func expandCustomDomainCert(m *customDomainCertModel, keyWO string) *fc.CertConfig {
	if m == nil {
		return nil
	}
	key := m.PrivateKey.ValueString()
	if !known(m.PrivateKey) {
		key = keyWO
	}
	return &fc.CertConfig{CertName: m.CertName.ValueString(), Certificate: m.Certificate.ValueString(), PrivateKey: key}
}

func expandCustomDomainRoutes(m *customDomainRoutesModel) *fc.RouteConfig {
	if m == nil {
		return nil
	}
	rc := &fc.RouteConfig{Routes: make([]fc.PathConfig, 0, len(m.Routes))}
	for _, r := range m.Routes {
		p := fc.PathConfig{
			Path:         r.Path.ValueString(),
			ServiceName:  r.ServiceName.ValueString(),
			FunctionName: r.FunctionName.ValueString(),
			Qualifier:    r.Qualifier.ValueString(),
			Methods:      expandStringSet(r.Methods),
		}
		if rw := r.RewriteConfig; rw != nil {
			p.RewriteConfig = &fc.RewriteConfig{
				EqualRules:    expandRewriteRules(rw.EqualRules),
				WildcardRules: expandRewriteRules(rw.WildcardRules),
				RegexRules:    expandRewriteRules(rw.RegexRules),
			}
		}
		rc.Routes = append(rc.Routes, p)
	}
	return rc
}

func expandRewriteRules(rules []customDomainRewriteRuleModel) []fc.RewriteRule {
	if rules == nil {
		return nil
	}
	out := make([]fc.RewriteRule, 0, len(rules))
	for _, r := range rules {
		out = append(out, fc.RewriteRule{Match: r.Match.ValueString(), Replacement: r.Replacement.ValueString()})
	}
	return out
}

func expandCustomDomainTLS(m *customDomainTLSModel) *fc.TLSConfig {
	if m == nil {
		return nil
	}
	return &fc.TLSConfig{
		MinVersion:   m.MinVersion.ValueString(),
		MaxVersion:   m.MaxVersion.ValueString(),
		CipherSuites: expandStringList(m.CipherSuites),
	}
}

func expandCustomDomainWAF(m *customDomainWAFModel) *fc.WAFConfig {
	if m == nil {
		return nil
	}
	return &fc.WAFConfig{EnableWAF: boolPtr(m.EnableWAF)}
}

// expandStringSet returns the strings of a set, sorted (nil for null).
func expandStringSet(v types.Set) []string {
	if !known(v) {
		return nil
	}
	out := make([]string, 0, len(v.Elements()))
	for _, e := range v.Elements() {
		out = append(out, asString(e).ValueString())
	}
	slices.Sort(out)
	return out
}

// ---------------------------------------------------------------------------
// flatten: API -> Terraform

// flattenCustomDomain maps an API custom domain to the resource model.
// prior is the plan (after create and update) or the state (on read): it
// supplies the private key, which FC never returns, and decides between
// null and empty where FC cannot tell.
func flattenCustomDomain(d *fc.CustomDomain, prior customDomainModel) customDomainModel {
	name := prior.DomainName
	if d.DomainName != nil && *d.DomainName != "" {
		name = types.StringValue(*d.DomainName)
	}
	m := customDomainModel{
		AccountID:        flattenComputedString(d.AccountID),
		CertConfig:       flattenCustomDomainCert(d.CertConfig, prior.CertConfig),
		CreatedTime:      flattenComputedString(d.CreatedTime),
		DomainName:       name,
		ID:               name,
		LastModifiedTime: flattenComputedString(d.LastModifiedTime),
		Protocol:         flattenComputedString(d.Protocol),
		RouteConfig:      flattenCustomDomainRoutes(d.RouteConfig),
		TLSConfig:        flattenCustomDomainTLS(d.TLSConfig, prior.TLSConfig),
		WAFConfig:        flattenCustomDomainWAF(d.WAFConfig),
	}
	if d.Protocol == nil {
		m.Protocol = types.StringValue("HTTP") // FC's default
	}
	return m
}

// flattenCustomDomainCert maps the certificate FC reports; the key
// attributes come from prior. A certificate bound outside Terraform (prior
// null) appears without a key, and the plan then removes or replaces it.
func flattenCustomDomainCert(c *fc.CertConfig, prior *customDomainCertModel) *customDomainCertModel {
	if c == nil || (c.CertName == "" && c.Certificate == "") {
		return nil
	}
	m := &customDomainCertModel{
		CertName:            types.StringValue(c.CertName),
		Certificate:         types.StringValue(c.Certificate),
		PrivateKey:          types.StringNull(),
		PrivateKeyWO:        types.StringNull(),
		PrivateKeyWOVersion: types.Int64Null(),
	}
	if prior != nil {
		m.PrivateKey = prior.PrivateKey
		m.PrivateKeyWOVersion = prior.PrivateKeyWOVersion
		if prior.PrivateKey.IsUnknown() {
			m.PrivateKey = types.StringNull()
		}
	}
	return m
}

func flattenCustomDomainRoutes(rc *fc.RouteConfig) *customDomainRoutesModel {
	if rc == nil || len(rc.Routes) == 0 {
		return nil
	}
	m := &customDomainRoutesModel{Routes: make([]customDomainRouteModel, 0, len(rc.Routes))}
	for _, r := range rc.Routes {
		m.Routes = append(m.Routes, customDomainRouteModel{
			FunctionName:  flattenNonEmptyString(r.FunctionName),
			Methods:       flattenMethods(r.Methods),
			Path:          types.StringValue(r.Path),
			Qualifier:     flattenNonEmptyString(r.Qualifier),
			RewriteConfig: flattenRewrite(r.RewriteConfig),
			ServiceName:   types.StringValue(r.ServiceName),
		})
	}
	return m
}

func flattenMethods(methods []string) types.Set {
	if len(methods) == 0 {
		return types.SetNull(types.StringType)
	}
	elems := make([]attr.Value, 0, len(methods))
	for _, s := range methods {
		elems = append(elems, types.StringValue(s))
	}
	return types.SetValueMust(types.StringType, elems)
}

// flattenRewrite maps rewrite rules; a rewrite configuration without rules
// is null (the schema requires at least one rule), each list of rules null
// when empty.
func flattenRewrite(rw *fc.RewriteConfig) *customDomainRewriteModel {
	if rw == nil || len(rw.EqualRules)+len(rw.WildcardRules)+len(rw.RegexRules) == 0 {
		return nil
	}
	return &customDomainRewriteModel{
		EqualRules:    flattenRewriteRules(rw.EqualRules),
		RegexRules:    flattenRewriteRules(rw.RegexRules),
		WildcardRules: flattenRewriteRules(rw.WildcardRules),
	}
}

func flattenRewriteRules(rules []fc.RewriteRule) []customDomainRewriteRuleModel {
	if len(rules) == 0 {
		return nil
	}
	out := make([]customDomainRewriteRuleModel, 0, len(rules))
	for _, r := range rules {
		out = append(out, customDomainRewriteRuleModel{Match: types.StringValue(r.Match), Replacement: types.StringValue(r.Replacement)})
	}
	return out
}

func flattenCustomDomainTLS(t *fc.TLSConfig, prior *customDomainTLSModel) *customDomainTLSModel {
	if t == nil || (t.MinVersion == "" && t.MaxVersion == "" && len(t.CipherSuites) == 0) {
		return nil
	}
	priorSuites := types.ListNull(types.StringType)
	if prior != nil {
		priorSuites = prior.CipherSuites
	}
	return &customDomainTLSModel{
		CipherSuites: flattenStringList(t.CipherSuites, priorSuites),
		MaxVersion:   flattenNonEmptyString(t.MaxVersion),
		MinVersion:   flattenNonEmptyString(t.MinVersion),
	}
}

func flattenCustomDomainWAF(w *fc.WAFConfig) *customDomainWAFModel {
	if w == nil || w.EnableWAF == nil {
		return nil
	}
	return &customDomainWAFModel{EnableWAF: types.BoolValue(*w.EnableWAF)}
}

// ---------------------------------------------------------------------------
// data sources

// customDomainDataModel is the fc_custom_domain data source, and one
// element of fc_custom_domains: the resource's attributes, computed, with
// a certificate without its key.
type customDomainDataModel struct {
	AccountID        types.String               `tfsdk:"account_id"`
	CertConfig       *customDomainCertDataModel `tfsdk:"cert_config"`
	CreatedTime      types.String               `tfsdk:"created_time"`
	DomainName       types.String               `tfsdk:"domain_name"`
	ID               types.String               `tfsdk:"id"`
	LastModifiedTime types.String               `tfsdk:"last_modified_time"`
	Protocol         types.String               `tfsdk:"protocol"`
	RouteConfig      *customDomainRoutesModel   `tfsdk:"route_config"`
	TLSConfig        *customDomainTLSModel      `tfsdk:"tls_config"`
	WAFConfig        *customDomainWAFModel      `tfsdk:"waf_config"`
}

type customDomainCertDataModel struct {
	CertName    types.String `tfsdk:"cert_name"`
	Certificate types.String `tfsdk:"certificate"`
}

func flattenCustomDomainData(d *fc.CustomDomain) customDomainDataModel {
	r := flattenCustomDomain(d, customDomainModel{})
	m := customDomainDataModel{
		AccountID: r.AccountID, CreatedTime: r.CreatedTime, DomainName: r.DomainName, ID: r.ID,
		LastModifiedTime: r.LastModifiedTime, Protocol: r.Protocol, RouteConfig: r.RouteConfig,
		TLSConfig: r.TLSConfig, WAFConfig: r.WAFConfig,
	}
	if r.CertConfig != nil {
		m.CertConfig = &customDomainCertDataModel{CertName: r.CertConfig.CertName, Certificate: r.CertConfig.Certificate}
	}
	return m
}
