package provider

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/aliyun/credentials-go/credentials/providers"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Environment variables read when an argument is not set, in order of
// precedence.
var (
	envAccessKey             = []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"}
	envSecretKey             = []string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"}
	envSecurityToken         = []string{"ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"}
	envRegion                = []string{"ALIBABA_CLOUD_REGION", "ALICLOUD_REGION"}
	envAccountID             = []string{"ALIBABA_CLOUD_ACCOUNT_ID", "ALICLOUD_ACCOUNT_ID"}
	envEndpoint              = []string{"FC_ENDPOINT"}
	envProfile               = []string{"ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"}
	envSharedCredentialsFile = []string{"ALIBABA_CLOUD_CONFIG_FILE", "ALICLOUD_SHARED_CREDENTIALS_FILE"}
)

// envCLIProfileDisabled, set to "true", stops the provider from looking at
// the default CLI configuration file on its own (as in credentials-go).
const envCLIProfileDisabled = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED"

// defaultCLIConfigFile is the CLI configuration file, relative to the home
// directory, used when no file is named.
const defaultCLIConfigFile = ".aliyun/config.json"

// stringSetting is one string argument of the provider configuration with
// its environment fallbacks.
type stringSetting struct {
	attr  string
	value types.String
	env   []string
}

// resolved is a value and where it came from ("argument", an environment
// variable's name, or "profile").
type resolved struct {
	value  string
	source string
}

// lookup returns the argument when set (non-empty), else the first
// non-empty environment variable.
func (s stringSetting) lookup() resolved {
	if v := s.value.ValueString(); v != "" {
		return resolved{value: v, source: "argument " + s.attr}
	}
	for _, name := range s.env {
		if v := os.Getenv(name); v != "" {
			return resolved{value: v, source: "environment variable " + name}
		}
	}
	return resolved{}
}

// configure resolves the provider configuration (argument > environment >
// CLI profile) and hands the client and settings (providerMeta) to resources and data
// sources.
func (p *fcProvider) configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if !defaultTagsKnown(m.DefaultTags) {
		resp.Diagnostics.AddAttributeError(path.Root("default_tags"), "Unknown default tags",
			"default_tags is not known until apply: it depends on a value that is only known after an apply. The "+
				"provider needs its default tags when it plans the resources that carry them: set them from known "+
				"values (variables, locals), or apply the resources they depend on first (terraform apply -target).")
		return
	}

	cfg, diags := p.resolveConfig(ctx, m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	newClient := p.newClient
	if newClient == nil {
		newClient = fc.New
	}
	client, err := newClient(cfg)
	if err != nil {
		resp.Diagnostics.AddError("Error configuring the FC client",
			"The provider configuration is not valid: "+err.Error()+
				"\n\nCheck the endpoint, account_id and region arguments (or FC_ENDPOINT, ALIBABA_CLOUD_ACCOUNT_ID and ALIBABA_CLOUD_REGION).")
		return
	}
	meta := &providerMeta{Client: client, AccountID: cfg.AccountID, Region: cfg.Region, DefaultTags: expandStringMap(m.DefaultTags)}
	resp.ResourceData = meta
	resp.DataSourceData = meta
	resp.ListResourceData = meta
	resp.ActionData = meta
}

// resolveConfig turns the configuration into the client's configuration,
// reporting unknown and missing values on their attribute paths.
func (p *fcProvider) resolveConfig(ctx context.Context, m providerModel) (fc.Config, diag.Diagnostics) {
	var diags diag.Diagnostics

	settings := map[string]stringSetting{
		"access_key":              {attr: "access_key", value: m.AccessKey, env: envAccessKey},
		"account_id":              {attr: "account_id", value: m.AccountID, env: envAccountID},
		"endpoint":                {attr: "endpoint", value: m.Endpoint, env: envEndpoint},
		"profile":                 {attr: "profile", value: m.Profile, env: envProfile},
		"region":                  {attr: "region", value: m.Region, env: envRegion},
		"secret_key":              {attr: "secret_key", value: m.SecretKey, env: envSecretKey},
		"security_token":          {attr: "security_token", value: m.SecurityToken, env: envSecurityToken},
		"shared_credentials_file": {attr: "shared_credentials_file", value: m.SharedCredentialsFile, env: envSharedCredentialsFile},
	}
	for _, name := range []string{"access_key", "account_id", "endpoint", "profile", "region", "secret_key", "security_token", "shared_credentials_file"} {
		s := settings[name]
		if s.value.IsUnknown() {
			diags.AddAttributeError(path.Root(s.attr), "Unknown value of "+s.attr,
				fmt.Sprintf("The provider cannot create the FC client because the value of %s is not known until apply. "+
					"Set it to a value known at plan time (not derived from a resource attribute), "+
					"or leave it out and set the %s environment variable instead.", s.attr, orList(s.env)))
		}
	}
	if m.MaxRetries.IsUnknown() {
		diags.AddAttributeError(path.Root("max_retries"), "Unknown value of max_retries",
			"The provider cannot create the FC client because the value of max_retries is not known until apply. "+
				"Set it to a value known at plan time, or leave it out to use the default of 5.")
	}
	if diags.HasError() {
		return fc.Config{}, diags
	}

	accessKey := settings["access_key"].lookup()
	secretKey := settings["secret_key"].lookup()
	token := settings["security_token"].lookup()
	region := settings["region"].lookup()
	account := settings["account_id"].lookup()
	endpoint := settings["endpoint"].lookup()
	profileName := settings["profile"].lookup()
	profileFile := settings["shared_credentials_file"].lookup()

	// The CLI profile fills in what neither an argument nor the
	// environment gave. It is read when named, or when the default file
	// exists and something is missing.
	credsMissing := accessKey.value == "" && secretKey.value == ""
	placeMissing := endpoint.value == "" && (region.value == "" || account.value == "")
	explicitProfile := profileName.value != "" || profileFile.value != ""
	var profileCredentials fc.CredentialsProvider
	if explicitProfile || credsMissing || placeMissing {
		prof, err := loadCLIProfile(ctx, profileFile.value, profileName.value, credsMissing, explicitProfile)
		switch {
		case err != nil && explicitProfile:
			diags.AddAttributeError(path.Root("profile"), "Error reading the Alibaba Cloud CLI profile",
				fmt.Sprintf("%s\n\nCheck the profile and shared_credentials_file arguments (or %s and %s).",
					err, orList(envProfile), orList(envSharedCredentialsFile)))
			return fc.Config{}, diags
		case err != nil:
			diags.AddWarning("Ignoring the Alibaba Cloud CLI configuration",
				fmt.Sprintf("Credentials or region are not set as arguments or environment variables, and the default CLI configuration file could not be used: %s", err))
		case prof != nil:
			src := "profile " + prof.name + " of " + prof.file
			if credsMissing && prof.credentials != nil {
				// The profile's credentials are asked for on every
				// request; these first ones only validate them.
				accessKey = resolved{prof.initial.AccessKeyID, src}
				secretKey = resolved{prof.initial.AccessKeySecret, src}
				// A security token belongs to its key pair.
				token = resolved{prof.initial.SecurityToken, src}
				profileCredentials = prof.credentials
			}
			if region.value == "" && prof.regionID != "" {
				region = resolved{prof.regionID, src}
			}
			if account.value == "" && prof.accountID != "" {
				account = resolved{prof.accountID, src}
			}
		}
	}

	profileHint := "or name a profile of the Alibaba Cloud CLI configuration with profile (or " + orList(envProfile) + ")"
	if accessKey.value == "" {
		diags.AddAttributeError(path.Root("access_key"), "Missing FC access key",
			"The provider needs an AccessKey ID to sign FC API requests. Set the access_key argument, or the "+
				orList(envAccessKey)+" environment variable, "+profileHint+".")
	}
	if secretKey.value == "" {
		diags.AddAttributeError(path.Root("secret_key"), "Missing FC secret key",
			"The provider needs an AccessKey secret to sign FC API requests. Set the secret_key argument, or the "+
				orList(envSecretKey)+" environment variable, "+profileHint+".")
	}
	if endpoint.value == "" {
		if region.value == "" {
			diags.AddAttributeError(path.Root("region"), "Missing FC region",
				"The provider needs a region to build the FC endpoint https://<account_id>.<region>.fc.aliyuncs.com. Set the region argument, or the "+
					orList(envRegion)+" environment variable, "+profileHint+", or set endpoint (or FC_ENDPOINT).")
		}
		if account.value == "" {
			diags.AddAttributeError(path.Root("account_id"), "Missing FC account ID",
				"The provider needs the Alibaba Cloud main-account ID to build the FC endpoint https://<account_id>.<region>.fc.aliyuncs.com. Set the account_id argument, or the "+
					orList(envAccountID)+" environment variable, or set endpoint (or FC_ENDPOINT).")
		}
	}
	maxRetries := -1 // the client's default
	if !m.MaxRetries.IsNull() {
		if v := m.MaxRetries.ValueInt64(); v < 0 {
			diags.AddAttributeError(path.Root("max_retries"), "Invalid max_retries",
				fmt.Sprintf("max_retries must be at least 0, got %d.", v))
		} else {
			maxRetries = int(v)
		}
	}
	if diags.HasError() {
		return fc.Config{}, diags
	}

	tflog.Debug(ctx, "Configuring the FC client", map[string]any{
		"endpoint":                endpoint.value,
		"region":                  region.value,
		"region_source":           region.source,
		"account_id":              account.value,
		"account_id_source":       account.source,
		"credentials_source":      accessKey.source,
		"credentials_refreshable": profileCredentials != nil,
		"security_token_used":     token.value != "",
		"max_retries":             maxRetries,
	})

	cfg := fc.Config{
		Endpoint:   endpoint.value,
		AccountID:  account.value,
		Region:     region.value,
		MaxRetries: maxRetries,
		UserAgent:  "terraform-provider-fc/" + p.version,
		// The client itself masks the secrets of later credentials.
		Logger: newHTTPLogger(secretKey.value, token.value),
	}
	if profileCredentials != nil {
		cfg.Credentials = profileCredentials
	} else {
		cfg.AccessKeyID = accessKey.value
		cfg.AccessKeySecret = secretKey.value
		cfg.SecurityToken = token.value
	}
	return cfg, diags
}

// cliProfile is what the provider takes from one profile of the Alibaba
// Cloud CLI configuration file.
type cliProfile struct {
	file, name string
	// credentials is set when credentials were asked for; initial is what
	// it returned first.
	credentials *profileCredentials
	initial     fc.Credentials
	regionID    string
	accountID   string
}

// loadCLIProfile reads profile name (empty = the file's current profile)
// of the CLI configuration file (empty = ~/.aliyun/config.json).
//
// Credentials come from credentials-go's CLI-profile provider, which knows
// every profile mode (AK, StsToken, RamRoleArn, EcsRamRole, OIDC, CloudSSO,
// ...) and refreshes temporary credentials before they expire. The client
// asks it for every request; loadCLIProfile asks once so that a profile
// that cannot give credentials is reported now. That provider exposes no
// region or account, so those two are read from the same file here:
// region_id, and cloud_sso_account_id for CloudSSO profiles (the CLI file
// has no account ID otherwise).
//
// When the file was not named (explicit false) and does not exist, or the
// CLI profile is disabled, it returns nil and no error.
func loadCLIProfile(ctx context.Context, file, name string, wantCredentials, explicit bool) (*cliProfile, error) {
	if file == "" {
		if !explicit && strings.EqualFold(os.Getenv(envCLIProfileDisabled), "true") {
			return nil, nil
		}
		home, err := os.UserHomeDir()
		if err != nil {
			if !explicit {
				return nil, nil
			}
			return nil, fmt.Errorf("locating the CLI configuration file: %w", err)
		}
		file = filepath.Join(home, defaultCLIConfigFile)
	} else {
		file = expandHome(file)
	}

	raw, err := os.ReadFile(file)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("reading the CLI configuration file: %w", err)
	}
	var conf struct {
		Current  string `json:"current"`
		Profiles []struct {
			Name              string `json:"name"`
			RegionID          string `json:"region_id"`
			CloudSSOAccountID string `json:"cloud_sso_account_id"`
		} `json:"profiles"`
	}
	if err := json.Unmarshal(raw, &conf); err != nil {
		return nil, fmt.Errorf("parsing the CLI configuration file %s: %w", file, err)
	}
	if name == "" {
		name = conf.Current
	}
	if name == "" {
		return nil, fmt.Errorf("the CLI configuration file %s names no current profile; set profile", file)
	}
	prof := &cliProfile{file: file, name: name}
	found := false
	for _, p := range conf.Profiles {
		if p.Name == name {
			prof.regionID = p.RegionID
			prof.accountID = p.CloudSSOAccountID
			found = true
			break
		}
	}
	if !found {
		return nil, fmt.Errorf("profile %q not found in the CLI configuration file %s", name, file)
	}
	if !wantCredentials {
		return prof, nil
	}

	// credentials-go may quote the whole file in its errors: mask its
	// secrets before an error reaches a diagnostic or a log (redactedError).
	secrets := cliFileSecrets(raw)
	cp, err := providers.NewCLIProfileCredentialsProviderBuilder().
		WithProfileFile(file).
		WithProfileName(name).
		Build()
	if err != nil {
		return nil, fmt.Errorf("profile %q of %s: %w", name, file, redactedError{err, secrets})
	}
	prof.credentials = newProfileCredentials(cp, fmt.Sprintf("profile %q of %s", name, file))
	prof.credentials.secrets = secrets
	if prof.initial, err = prof.credentials.Credentials(ctx); err != nil {
		return nil, fmt.Errorf("getting credentials: %w", err)
	}
	return prof, nil
}

var _ fc.CredentialsProvider = (*profileCredentials)(nil)

// profileCredentials adapts a credentials-go provider to
// fc.CredentialsProvider. credentials-go caches temporary credentials and
// fetches new ones shortly before they expire, but its providers are not
// safe for concurrent use: calls are serialized here.
type profileCredentials struct {
	provider providers.CredentialsProvider
	// source names the profile in errors.
	source string
	// sem holds one token: the right to call provider.
	sem chan struct{}
	// secrets are masked in the provider's errors.
	secrets []string
}

func newProfileCredentials(p providers.CredentialsProvider, source string) *profileCredentials {
	return &profileCredentials{provider: p, source: source, sem: make(chan struct{}, 1)}
}

// Credentials returns the provider's current credentials. While another
// call refreshes them it waits, unless ctx ends first. Errors name the
// profile; the client adds "getting credentials".
func (a *profileCredentials) Credentials(ctx context.Context) (fc.Credentials, error) {
	if err := ctx.Err(); err != nil {
		return fc.Credentials{}, err
	}
	select {
	case a.sem <- struct{}{}:
	case <-ctx.Done():
		return fc.Credentials{}, ctx.Err()
	}
	defer func() { <-a.sem }()
	c, err := a.provider.GetCredentials()
	if err != nil {
		return fc.Credentials{}, fmt.Errorf("%s: %w", a.source, redactedError{err, a.secrets})
	}
	if c == nil || c.AccessKeyId == "" || c.AccessKeySecret == "" {
		return fc.Credentials{}, fmt.Errorf("%s: no access key ID or secret returned", a.source)
	}
	return fc.Credentials{AccessKeyID: c.AccessKeyId, AccessKeySecret: c.AccessKeySecret, SecurityToken: c.SecurityToken}, nil
}

// expandHome replaces a leading "~/" with the home directory.
func expandHome(p string) string {
	if !strings.HasPrefix(p, "~/") {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return p
	}
	return filepath.Join(home, p[2:])
}

// orList renders environment variable names as "A (or B)".
func orList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return names[0] + " (or " + strings.Join(names[1:], ", ") + ")"
}

// cliFileSecrets returns the string values of the CLI configuration file
// whose keys name secrets (secrets, tokens, passwords, private keys and
// access keys), longest first, for redactSecrets.
func cliFileSecrets(raw []byte) []string {
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil
	}
	var out []string
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch t := v.(type) {
		case map[string]any:
			for k, child := range t {
				walk(k, child)
			}
		case []any:
			for _, child := range t {
				walk(key, child)
			}
		case string:
			k := strings.ToLower(key)
			if t != "" && (strings.Contains(k, "secret") || strings.Contains(k, "token") ||
				strings.Contains(k, "password") || strings.Contains(k, "private") || strings.Contains(k, "access_key")) {
				out = append(out, t)
			}
		}
	}
	walk("", doc)
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// redactedError is an error whose text has the given secrets masked; it
// still unwraps to the original error.
type redactedError struct {
	err     error
	secrets []string
}

func (e redactedError) Error() string {
	msg := e.err.Error()
	for _, s := range e.secrets {
		msg = strings.ReplaceAll(msg, s, "***")
	}
	return msg
}

func (e redactedError) Unwrap() error { return e.err }

// defaultTagsKnown reports whether the default_tags argument is known with
// every value (null is known: no default tags).
func defaultTagsKnown(m types.Map) bool {
	if m.IsUnknown() {
		return false
	}
	for _, v := range m.Elements() {
		if v.IsUnknown() {
			return false
		}
	}
	return true
}
