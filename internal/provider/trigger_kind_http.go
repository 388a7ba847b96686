package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// httpTriggerKind is http_config, the configuration of an HTTP trigger,
// with its JWT authentication (jwt_auth_config).
var httpTriggerKind = &objectTriggerKind[httpTriggerConfigModel, fc.HTTPTriggerConfig]{
	typ: validators.TriggerTypeHTTP, attr: attrHTTPConfig,
	field:      func(m *triggerResourceModel) *types.Object { return &m.HTTPConfig },
	summary:    "The trigger's URLs are `url_internet` and `url_intranet`.",
	attributes: httpTriggerAttributes, attrTypes: httpTriggerConfigAttrTypes,
	check: validateHTTPTriggerConfig, toWire: expandHTTPTriggerConfig, fromWire: flattenHTTPTriggerConfig,
}

const attrHTTPConfig = "http_config"

type httpTriggerConfigModel struct {
	AuthType           types.String `tfsdk:"auth_type"`
	DisableURLInternet types.Bool   `tfsdk:"disable_url_internet"`
	JWTAuthConfig      types.Object `tfsdk:"jwt_auth_config"`
	Methods            types.Set    `tfsdk:"methods"`
}

type jwtAuthConfigModel struct {
	BlackList   types.List   `tfsdk:"black_list"`
	ClaimPassBy types.List   `tfsdk:"claim_pass_by"`
	JWKS        types.String `tfsdk:"jwks"`
	TokenLookup types.List   `tfsdk:"token_lookup"`
	WhiteList   types.List   `tfsdk:"white_list"`
}

var (
	jwtAuthConfigAttrTypes     = nestedAttrTypes(jwtAuthConfigAttributes())
	httpTriggerConfigAttrTypes = nestedAttrTypes(httpTriggerAttributes())
)

func httpTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"auth_type": schema.StringAttribute{
			MarkdownDescription: "Who may call the URL: " + validators.MarkdownEnum(validators.HTTPAuthTypes) +
				" (`function` requires requests signed with an AccessKey; `jwt` requires a JSON Web Token " +
				"verified as `jwt_auth_config` says).",
			Required:   true,
			Validators: []validator.String{stringvalidator.OneOf(validators.HTTPAuthTypes...)},
		},
		"disable_url_internet": triggerDefaultBool("Whether the Internet URL is disabled, leaving only the VPC one. Defaults to `false`.", false),
		"jwt_auth_config": schema.SingleNestedAttribute{
			MarkdownDescription: "JWT authentication of the URL: required when `auth_type` is `jwt`, and not allowed " +
				"otherwise. Sent to FC as `authConfig`, a string holding the JSON object; switching `auth_type` " +
				"away from `jwt` clears it. Removing an optional list clears it.",
			Optional:   true,
			Attributes: jwtAuthConfigAttributes(),
		},
		"methods": schema.SetAttribute{
			MarkdownDescription: "HTTP methods the trigger accepts (at least one): " + validators.MarkdownEnum(validators.HTTPMethods) + ".",
			Required:            true,
			ElementType:         types.StringType,
			Validators: []validator.Set{
				setvalidator.SizeAtLeast(1),
				setvalidator.ValueStringsAre(stringvalidator.OneOf(validators.HTTPMethods...)),
			},
		},
	}
}

func jwtAuthConfigAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"black_list": triggerStringList("Paths of FC's `blackList`, the counterpart of `white_list` (FC's JWT "+
			"documentation says how the two combine). FC's 2021-04-06 API takes this as one string (unlike "+
			"`whiteList`, a list): the paths are sent joined with `,`, so none may contain a `,`.",
			stringvalidator.LengthAtLeast(1),
			stringvalidator.RegexMatches(regexp.MustCompile(`^[^,]*$`), "must not contain a `,` (FC receives the black list as one comma-separated string)"),
		),
		"claim_pass_by": triggerStringList("Claims of the token passed to the function, each `source:claim:target` with "+
			"source "+validators.MarkdownEnum(validators.JWTTokenSources)+", e.g. `header:uid:X-User-Id` (the "+
			"`uid` claim as the `X-User-Id` header).",
			stringvalidator.RegexMatches(jwtClaimPassByPattern,
				"must be `source:claim:target` with source one of "+strings.Join(validators.JWTTokenSources, ", ")+", e.g. `header:uid:X-User-Id`")),
		"jwks": schema.StringAttribute{
			MarkdownDescription: "JSON Web Key Set that verifies the tokens: a JSON object with a non-empty " +
				"`keys` array, e.g. from `jsonencode()` or `file()`. Compared as JSON: key order and " +
				"whitespace never cause a difference. Sensitive, as a set may hold symmetric (`oct`) keys.",
			Required:   true,
			Sensitive:  true,
			Validators: []validator.String{validators.JWKS()},
		},
		"token_lookup": triggerStringList("Where the token is read, each `source:name` or `source:name:prefix` with "+
			"source "+validators.MarkdownEnum(validators.JWTTokenSources)+", e.g. `header:Authorization:Bearer`, "+
			"`cookie:token`, `query:jwt`. When not set, FC's default applies.",
			stringvalidator.RegexMatches(jwtTokenLookupPattern,
				"must be `source:name` or `source:name:prefix` with source one of "+strings.Join(validators.JWTTokenSources, ", ")+
					", e.g. `header:Authorization:Bearer`")),
		"white_list": triggerStringList("Paths that are served without a token.", stringvalidator.LengthAtLeast(1)),
	}
}

// validateHTTPTriggerConfig requires http_config.jwt_auth_config when
// auth_type is "jwt" and forbids it otherwise.
func validateHTTPTriggerConfig(o types.Object, diags *diag.Diagnostics) {
	authType, _ := o.Attributes()["auth_type"].(types.String)
	jwt := o.Attributes()["jwt_auth_config"]
	if !known(authType) || jwt == nil || jwt.IsUnknown() {
		return
	}
	at := path.Root(attrHTTPConfig).AtName("jwt_auth_config")
	switch {
	case authType.ValueString() == validators.HTTPAuthTypeJWT && jwt.IsNull():
		diags.AddAttributeError(at, "Missing JWT authentication configuration",
			fmt.Sprintf("http_config.jwt_auth_config is required when http_config.auth_type is %q: it holds the JSON Web Key Set that verifies the tokens.", validators.HTTPAuthTypeJWT))
	case authType.ValueString() != validators.HTTPAuthTypeJWT && !jwt.IsNull():
		diags.AddAttributeError(at, "JWT authentication configuration not allowed",
			fmt.Sprintf("http_config.jwt_auth_config can only be set when http_config.auth_type is %q, not %q: remove it, or set auth_type = %q.",
				validators.HTTPAuthTypeJWT, authType.ValueString(), validators.HTTPAuthTypeJWT))
	}
}

// expandHTTPTriggerConfig sends the methods sorted, and authConfig for
// auth_type jwt only.
func expandHTTPTriggerConfig(ctx context.Context, c httpTriggerConfigModel, diags *diag.Diagnostics) fc.HTTPTriggerConfig {
	methods := triggerStrings(ctx, c.Methods, diags)
	slices.Sort(methods)
	j := fc.HTTPTriggerConfig{
		AuthType:           c.AuthType.ValueString(),
		Methods:            methods,
		DisableURLInternet: c.DisableURLInternet.ValueBool(),
	}
	if j.AuthType == validators.HTTPAuthTypeJWT {
		j.AuthConfig = expandJWTAuthConfig(ctx, c.JWTAuthConfig, diags)
	}
	return j
}

func flattenHTTPTriggerConfig(ctx context.Context, in triggerConfigRead, j fc.HTTPTriggerConfig, p httpTriggerConfigModel, diags *diag.Diagnostics) map[string]attr.Value {
	jwt, err := flattenJWTAuthConfig(ctx, j.AuthConfig, p.JWTAuthConfig)
	if err != nil {
		diags.AddAttributeError(path.Root(attrHTTPConfig), "Unexpected trigger configuration",
			fmt.Sprintf("FC returned an authConfig for the http trigger %q that is not a JWT authentication configuration: %s. The authConfig was %s.",
				in.name, err, triggerShortJSON([]byte(j.AuthConfig))))
		return nil
	}
	methods := make([]attr.Value, 0, len(j.Methods))
	for _, s := range j.Methods {
		methods = append(methods, types.StringValue(s))
	}
	return map[string]attr.Value{
		"auth_type":            types.StringValue(j.AuthType),
		"disable_url_internet": types.BoolValue(j.DisableURLInternet),
		"jwt_auth_config":      jwt,
		"methods":              types.SetValueMust(types.StringType, methods),
	}
}

// expandJWTAuthConfig encodes http_config.jwt_auth_config as authConfig: a
// string holding the JWTAuthConfig JSON object. jwks is sent as written.
func expandJWTAuthConfig(ctx context.Context, o types.Object, diags *diag.Diagnostics) string {
	at := path.Root(attrHTTPConfig).AtName("jwt_auth_config")
	if o.IsNull() || o.IsUnknown() {
		diags.AddAttributeError(at, "Missing JWT authentication configuration",
			fmt.Sprintf("An http trigger with auth_type %q needs http_config.jwt_auth_config.", validators.HTTPAuthTypeJWT))
		return ""
	}
	var c jwtAuthConfigModel
	triggerObject(ctx, o, &c, diags)
	j := fc.JWTAuthConfig{
		BlackList:   triggerStrings(ctx, c.BlackList, diags),
		ClaimPassBy: triggerStrings(ctx, c.ClaimPassBy, diags),
		JWKS:        c.JWKS.ValueString(),
		TokenLookup: triggerStrings(ctx, c.TokenLookup, diags),
		WhiteList:   triggerStrings(ctx, c.WhiteList, diags),
	}
	raw, err := json.Marshal(j)
	if err != nil {
		diags.AddAttributeError(at, "Error encoding the JWT authentication configuration", err.Error())
		return ""
	}
	return string(raw)
}

// flattenJWTAuthConfig maps authConfig onto jwt_auth_config: null when it
// is empty; prior (the prior jwt_auth_config) keeps the user's jwks text
// when FC answers the same JSON document, and [] where the user wrote [].
func flattenJWTAuthConfig(ctx context.Context, authConfig string, prior types.Object) (types.Object, error) {
	if strings.TrimSpace(authConfig) == "" {
		return types.ObjectNull(jwtAuthConfigAttrTypes), nil
	}
	var j fc.JWTAuthConfig
	if err := json.Unmarshal([]byte(authConfig), &j); err != nil {
		return types.ObjectNull(jwtAuthConfigAttrTypes), err
	}
	var p jwtAuthConfigModel
	triggerPriorObject(ctx, prior, &p)
	jwks := types.StringValue(j.JWKS)
	if known(p.JWKS) && triggerJSONEquivalent([]byte(p.JWKS.ValueString()), []byte(j.JWKS)) {
		jwks = p.JWKS
	}
	return types.ObjectValueMust(jwtAuthConfigAttrTypes, map[string]attr.Value{
		"black_list":    flattenStringList(j.BlackList, p.BlackList),
		"claim_pass_by": flattenStringList(j.ClaimPassBy, p.ClaimPassBy),
		"jwks":          jwks,
		"token_lookup":  flattenStringList(j.TokenLookup, p.TokenLookup),
		"white_list":    flattenStringList(j.WhiteList, p.WhiteList),
	}), nil
}

// httpURLInternetDisabled returns http_config.disable_url_internet, unknown
// when the object is unknown and null when it is null.
func httpURLInternetDisabled(o types.Object) types.Bool {
	switch {
	case o.IsUnknown():
		return types.BoolUnknown()
	case o.IsNull():
		return types.BoolNull()
	}
	if v, ok := o.Attributes()["disable_url_internet"].(types.Bool); ok {
		return v
	}
	return types.BoolUnknown()
}

// Forms of jwt_auth_config.token_lookup (`source:name[:prefix]`) and
// claim_pass_by (`source:claim:target`), source one of JWTTokenSources.
var (
	jwtTokenSourcePattern = "(" + strings.Join(validators.JWTTokenSources, "|") + ")"
	jwtTokenLookupPattern = regexp.MustCompile(`^` + jwtTokenSourcePattern + `:[^:\s]+(:[^:]+)?$`)
	jwtClaimPassByPattern = regexp.MustCompile(`^` + jwtTokenSourcePattern + `:[^:\s]+:[^:\s]+$`)
)
