package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/aliyun/credentials-go/credentials/providers"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// allProviderEnv lists every environment variable Configure reads.
var allProviderEnv = func() []string {
	var names []string
	for _, list := range [][]string{envAccessKey, envSecretKey, envSecurityToken, envRegion, envAccountID, envEndpoint, envProfile, envSharedCredentialsFile} {
		names = append(names, list...)
	}
	return append(names, envCLIProfileDisabled)
}()

// isolateEnv empties every variable Configure reads and points HOME at an
// empty directory, so that neither the developer's environment nor their
// ~/.aliyun/config.json leaks into a test. It returns the new HOME.
func isolateEnv(t *testing.T) string {
	t.Helper()
	for _, name := range allProviderEnv {
		t.Setenv(name, "")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	return home
}

// configureResult is what one Configure call produced.
type configureResult struct {
	resp provider.ConfigureResponse
	// cfg is the client configuration Configure built; nil when it did
	// not get that far.
	cfg *fc.Config
}

// configure runs Configure on a tfsdk.Config built from attrs (attributes
// left out are null), recording the fc.Config handed to the client.
func configure(t *testing.T, attrs map[string]tftypes.Value) configureResult {
	t.Helper()
	ctx := context.Background()
	var res configureResult
	p := &fcProvider{version: "1.2.3", commit: "abc", newClient: func(c fc.Config) (*fc.Client, error) {
		res.cfg = &c
		return fc.New(c)
	}}

	var sresp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &sresp)
	if sresp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", sresp.Diagnostics)
	}
	objType := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	vals := make(map[string]tftypes.Value, len(objType.AttributeTypes))
	for name, typ := range objType.AttributeTypes {
		vals[name] = tftypes.NewValue(typ, nil)
	}
	for name, v := range attrs {
		if _, ok := objType.AttributeTypes[name]; !ok {
			t.Fatalf("no provider attribute %q", name)
		}
		vals[name] = v
	}
	req := provider.ConfigureRequest{
		TerraformVersion: "1.11.4",
		Config: tfsdk.Config{
			Schema: sresp.Schema,
			Raw:    tftypes.NewValue(objType, vals),
		},
	}
	p.Configure(ctx, req, &res.resp)
	return res
}

func str(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
func num(n int64) tftypes.Value  { return tftypes.NewValue(tftypes.Number, n) }
func unknown(t tftypes.Type) tftypes.Value {
	return tftypes.NewValue(t, tftypes.UnknownValue)
}

// requireOK fails the test on any error diagnostic and checks that the
// client reached resources and data sources.
func requireOK(t *testing.T, res configureResult) fc.Config {
	t.Helper()
	if res.resp.Diagnostics.HasError() {
		t.Fatalf("unexpected diagnostics: %v", res.resp.Diagnostics)
	}
	if res.cfg == nil {
		t.Fatal("Configure did not build a client")
	}
	meta, ok := res.resp.ResourceData.(*providerMeta)
	if !ok || meta.Client == nil {
		t.Fatalf("ResourceData is %T, want *providerMeta with a client", res.resp.ResourceData)
	}
	client := meta.Client
	if ds, ok := res.resp.DataSourceData.(*providerMeta); !ok || ds.Client != client {
		t.Fatalf("DataSourceData is %T, want the same client as ResourceData", res.resp.DataSourceData)
	}
	return *res.cfg
}

// errorAt returns the error diagnostic reported on attribute attr, failing
// the test when there is none.
func errorAt(t *testing.T, diags diag.Diagnostics, attr string) diag.Diagnostic {
	t.Helper()
	for _, d := range diags.Errors() {
		if wp, ok := d.(diag.DiagnosticWithPath); ok && wp.Path().Equal(path.Root(attr)) {
			return d
		}
	}
	t.Fatalf("no error on attribute %s; diagnostics: %v", attr, diags)
	return nil
}

func TestConfigure_arguments(t *testing.T) {
	isolateEnv(t)
	res := configure(t, map[string]tftypes.Value{
		"access_key":     str("ak-arg"),
		"secret_key":     str("sk-arg"),
		"security_token": str("token-arg"),
		"region":         str("cn-shanghai"),
		"account_id":     str("1111"),
		"max_retries":    num(2),
	})
	cfg := requireOK(t, res)
	want := fc.Config{
		AccessKeyID:     "ak-arg",
		AccessKeySecret: "sk-arg",
		SecurityToken:   "token-arg",
		Region:          "cn-shanghai",
		AccountID:       "1111",
		MaxRetries:      2,
		UserAgent:       "terraform-provider-fc/1.2.3",
	}
	assertConfig(t, cfg, want)
	if cfg.Logger == nil {
		t.Error("Configure set no HTTP logger")
	}
	client := res.resp.ResourceData.(*providerMeta).Client
	if got, want := client.Endpoint(), "https://1111.cn-shanghai.fc.aliyuncs.com"; got != want {
		t.Errorf("endpoint = %q, want %q", got, want)
	}
}

func TestConfigure_maxRetriesDefault(t *testing.T) {
	isolateEnv(t)
	cfg := requireOK(t, configure(t, map[string]tftypes.Value{
		"access_key": str("ak"),
		"secret_key": str("sk"),
		"endpoint":   str("http://127.0.0.1:9"),
	}))
	if cfg.MaxRetries >= 0 {
		t.Errorf("MaxRetries = %d, want negative (the client's default) when max_retries is not set", cfg.MaxRetries)
	}
	cfg = requireOK(t, configure(t, map[string]tftypes.Value{
		"access_key":  str("ak"),
		"secret_key":  str("sk"),
		"endpoint":    str("http://127.0.0.1:9"),
		"max_retries": num(0),
	}))
	if cfg.MaxRetries != 0 {
		t.Errorf("MaxRetries = %d, want 0 (retries disabled)", cfg.MaxRetries)
	}
}

func TestConfigure_envFallbacks(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
	}{
		{
			name: "ALIBABA_CLOUD names",
			env: map[string]string{
				"ALIBABA_CLOUD_ACCESS_KEY_ID":     "ak-env",
				"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "sk-env",
				"ALIBABA_CLOUD_SECURITY_TOKEN":    "token-env",
				"ALIBABA_CLOUD_REGION":            "cn-beijing",
				"ALIBABA_CLOUD_ACCOUNT_ID":        "2222",
			},
		},
		{
			name: "ALICLOUD names",
			env: map[string]string{
				"ALICLOUD_ACCESS_KEY":     "ak-env",
				"ALICLOUD_SECRET_KEY":     "sk-env",
				"ALICLOUD_SECURITY_TOKEN": "token-env",
				"ALICLOUD_REGION":         "cn-beijing",
				"ALICLOUD_ACCOUNT_ID":     "2222",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			isolateEnv(t)
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			cfg := requireOK(t, configure(t, nil))
			assertConfig(t, cfg, fc.Config{
				AccessKeyID:     "ak-env",
				AccessKeySecret: "sk-env",
				SecurityToken:   "token-env",
				Region:          "cn-beijing",
				AccountID:       "2222",
				MaxRetries:      -1,
				UserAgent:       "terraform-provider-fc/1.2.3",
			})
		})
	}
}

func TestConfigure_endpointFromEnv(t *testing.T) {
	isolateEnv(t)
	t.Setenv("FC_ENDPOINT", "http://127.0.0.1:9000")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk")
	res := configure(t, nil)
	cfg := requireOK(t, res)
	if cfg.Endpoint != "http://127.0.0.1:9000" {
		t.Errorf("Endpoint = %q, want FC_ENDPOINT's value", cfg.Endpoint)
	}
	if got := res.resp.ResourceData.(*providerMeta).Client.Endpoint(); got != "http://127.0.0.1:9000" {
		t.Errorf("client endpoint = %q", got)
	}
}

func TestConfigure_precedence(t *testing.T) {
	t.Run("ALIBABA_CLOUD name over ALICLOUD name", func(t *testing.T) {
		isolateEnv(t)
		for k, v := range map[string]string{
			"ALIBABA_CLOUD_ACCESS_KEY_ID": "ak-new", "ALICLOUD_ACCESS_KEY": "ak-old",
			"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "sk-new", "ALICLOUD_SECRET_KEY": "sk-old",
			"ALIBABA_CLOUD_SECURITY_TOKEN": "token-new", "ALICLOUD_SECURITY_TOKEN": "token-old",
			"ALIBABA_CLOUD_REGION": "cn-new", "ALICLOUD_REGION": "cn-old",
			"ALIBABA_CLOUD_ACCOUNT_ID": "3333", "ALICLOUD_ACCOUNT_ID": "4444",
		} {
			t.Setenv(k, v)
		}
		assertConfig(t, requireOK(t, configure(t, nil)), fc.Config{
			AccessKeyID: "ak-new", AccessKeySecret: "sk-new", SecurityToken: "token-new",
			Region: "cn-new", AccountID: "3333", MaxRetries: -1, UserAgent: "terraform-provider-fc/1.2.3",
		})
	})
	t.Run("argument over environment", func(t *testing.T) {
		isolateEnv(t)
		for k, v := range map[string]string{
			"ALIBABA_CLOUD_ACCESS_KEY_ID": "ak-env", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "sk-env",
			"ALIBABA_CLOUD_SECURITY_TOKEN": "token-env", "ALIBABA_CLOUD_REGION": "cn-env",
			"ALIBABA_CLOUD_ACCOUNT_ID": "5555", "FC_ENDPOINT": "http://env.invalid",
		} {
			t.Setenv(k, v)
		}
		assertConfig(t, requireOK(t, configure(t, map[string]tftypes.Value{
			"access_key": str("ak-arg"), "secret_key": str("sk-arg"), "security_token": str("token-arg"),
			"region": str("cn-arg"), "account_id": str("6666"), "endpoint": str("http://arg.invalid"),
		})), fc.Config{
			AccessKeyID: "ak-arg", AccessKeySecret: "sk-arg", SecurityToken: "token-arg",
			Region: "cn-arg", AccountID: "6666", Endpoint: "http://arg.invalid",
			MaxRetries: -1, UserAgent: "terraform-provider-fc/1.2.3",
		})
	})
	t.Run("empty argument falls back to environment", func(t *testing.T) {
		isolateEnv(t)
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env")
		cfg := requireOK(t, configure(t, map[string]tftypes.Value{
			"access_key": str(""), "secret_key": str("sk"), "endpoint": str("http://127.0.0.1:9"),
		}))
		if cfg.AccessKeyID != "ak-env" {
			t.Errorf("AccessKeyID = %q, want ak-env", cfg.AccessKeyID)
		}
	})
}

func TestConfigure_missingCredentials(t *testing.T) {
	isolateEnv(t)
	res := configure(t, nil)
	if res.resp.ResourceData != nil || res.cfg != nil {
		t.Fatal("Configure built a client without credentials")
	}
	for attr, names := range map[string][]string{
		"access_key": envAccessKey,
		"secret_key": envSecretKey,
		"region":     envRegion,
		"account_id": envAccountID,
	} {
		d := errorAt(t, res.resp.Diagnostics, attr)
		text := d.Summary() + "\n" + d.Detail()
		for _, want := range append([]string{attr}, names...) {
			if !strings.Contains(text, want) {
				t.Errorf("error on %s does not mention %s:\n%s", attr, want, text)
			}
		}
	}
	if n := res.resp.Diagnostics.ErrorsCount(); n != 4 {
		t.Errorf("got %d errors, want 4: %v", n, res.resp.Diagnostics)
	}
}

func TestConfigure_endpointMakesRegionAndAccountOptional(t *testing.T) {
	isolateEnv(t)
	cfg := requireOK(t, configure(t, map[string]tftypes.Value{
		"access_key": str("ak"),
		"secret_key": str("sk"),
		"endpoint":   str("http://127.0.0.1:9"),
	}))
	if cfg.Region != "" || cfg.AccountID != "" {
		t.Errorf("Region, AccountID = %q, %q, want empty", cfg.Region, cfg.AccountID)
	}

	// Without an endpoint the same configuration is incomplete.
	res := configure(t, map[string]tftypes.Value{
		"access_key": str("ak"),
		"secret_key": str("sk"),
		"region":     str("cn-hangzhou"),
	})
	errorAt(t, res.resp.Diagnostics, "account_id")
	if n := res.resp.Diagnostics.ErrorsCount(); n != 1 {
		t.Errorf("got %d errors, want only the missing account ID: %v", n, res.resp.Diagnostics)
	}
}

func TestConfigure_invalidEndpoint(t *testing.T) {
	isolateEnv(t)
	res := configure(t, map[string]tftypes.Value{
		"access_key": str("ak"),
		"secret_key": str("sk"),
		"endpoint":   str("ftp://127.0.0.1"),
	})
	if !res.resp.Diagnostics.HasError() || res.resp.ResourceData != nil {
		t.Fatalf("want an error and no client, got %v", res.resp.Diagnostics)
	}
	if d := res.resp.Diagnostics.Errors()[0]; !strings.Contains(d.Detail(), "ftp://127.0.0.1") {
		t.Errorf("detail does not name the endpoint: %s", d.Detail())
	}
}

func TestConfigure_unknownValues(t *testing.T) {
	for _, tc := range []struct {
		attr string
		typ  tftypes.Type
		env  string // an environment variable the error must name; "" for none
	}{
		{"access_key", tftypes.String, "ALIBABA_CLOUD_ACCESS_KEY_ID"},
		{"account_id", tftypes.String, "ALIBABA_CLOUD_ACCOUNT_ID"},
		{"default_tags", tftypes.Map{ElementType: tftypes.String}, ""},
		{"endpoint", tftypes.String, "FC_ENDPOINT"},
		{"max_retries", tftypes.Number, ""},
		{"profile", tftypes.String, "ALIBABA_CLOUD_PROFILE"},
		{"region", tftypes.String, "ALIBABA_CLOUD_REGION"},
		{"secret_key", tftypes.String, "ALIBABA_CLOUD_ACCESS_KEY_SECRET"},
		{"security_token", tftypes.String, "ALIBABA_CLOUD_SECURITY_TOKEN"},
		{"shared_credentials_file", tftypes.String, "ALIBABA_CLOUD_CONFIG_FILE"},
	} {
		t.Run(tc.attr, func(t *testing.T) {
			isolateEnv(t)
			attrs := map[string]tftypes.Value{
				"access_key": str("ak"),
				"secret_key": str("sk"),
				"endpoint":   str("http://127.0.0.1:9"),
			}
			attrs[tc.attr] = unknown(tc.typ)
			res := configure(t, attrs)
			d := errorAt(t, res.resp.Diagnostics, tc.attr)
			if !strings.Contains(d.Detail(), "not known") {
				t.Errorf("detail does not say the value is unknown: %s", d.Detail())
			}
			if tc.env != "" && !strings.Contains(d.Detail(), tc.env) {
				t.Errorf("detail does not name %s: %s", tc.env, d.Detail())
			}
			if res.resp.ResourceData != nil || res.cfg != nil {
				t.Error("Configure built a client from an unknown value")
			}
		})
	}
}

// writeCLIConfig writes an Alibaba Cloud CLI configuration file with an AK
// profile "default" (current), an StsToken profile "sts" and a CloudSSO
// profile "sso".
func writeCLIConfig(t *testing.T, file string) {
	t.Helper()
	const conf = `{
  "current": "default",
  "profiles": [
    {"name": "default", "mode": "AK", "access_key_id": "ak-profile", "access_key_secret": "sk-profile", "region_id": "cn-qingdao"},
    {"name": "sts", "mode": "StsToken", "access_key_id": "ak-sts", "access_key_secret": "sk-sts", "sts_token": "token-sts", "region_id": "cn-zhangjiakou"},
    {"name": "sso", "mode": "CloudSSO", "region_id": "cn-shenzhen", "cloud_sso_account_id": "8888", "cloud_sso_sign_in_url": "https://signin.invalid"}
  ],
  "meta_path": ""
}`
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestConfigure_profile(t *testing.T) {
	base := map[string]tftypes.Value{"account_id": str("7777")}
	with := func(extra map[string]tftypes.Value) map[string]tftypes.Value {
		m := map[string]tftypes.Value{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	// Credentials from a profile come from a provider, not as a snapshot.
	defaultProfile := fc.Config{
		Credentials: fixedCredentials{AccessKeyID: "ak-profile", AccessKeySecret: "sk-profile"},
		Region:      "cn-qingdao", AccountID: "7777",
		MaxRetries: -1, UserAgent: "terraform-provider-fc/1.2.3",
	}
	stsProfile := fc.Config{
		Credentials: fixedCredentials{AccessKeyID: "ak-sts", AccessKeySecret: "sk-sts", SecurityToken: "token-sts"},
		Region:      "cn-zhangjiakou", AccountID: "7777",
		MaxRetries: -1, UserAgent: "terraform-provider-fc/1.2.3",
	}

	t.Run("file argument, current profile", func(t *testing.T) {
		isolateEnv(t)
		file := filepath.Join(t.TempDir(), "config.json")
		writeCLIConfig(t, file)
		assertConfig(t, requireOK(t, configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str(file),
		}))), defaultProfile)
	})
	t.Run("file and profile arguments", func(t *testing.T) {
		isolateEnv(t)
		file := filepath.Join(t.TempDir(), "config.json")
		writeCLIConfig(t, file)
		assertConfig(t, requireOK(t, configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str(file),
			"profile":                 str("sts"),
		}))), stsProfile)
	})
	for _, fileEnv := range envSharedCredentialsFile {
		for _, profileEnv := range envProfile {
			t.Run(fileEnv+" and "+profileEnv, func(t *testing.T) {
				isolateEnv(t)
				file := filepath.Join(t.TempDir(), "config.json")
				writeCLIConfig(t, file)
				t.Setenv(fileEnv, file)
				t.Setenv(profileEnv, "sts")
				assertConfig(t, requireOK(t, configure(t, base)), stsProfile)
			})
		}
	}
	t.Run("default file in the home directory", func(t *testing.T) {
		home := isolateEnv(t)
		writeCLIConfig(t, filepath.Join(home, ".aliyun", "config.json"))
		assertConfig(t, requireOK(t, configure(t, base)), defaultProfile)
	})
	t.Run("default file ignored when disabled", func(t *testing.T) {
		home := isolateEnv(t)
		writeCLIConfig(t, filepath.Join(home, ".aliyun", "config.json"))
		t.Setenv(envCLIProfileDisabled, "true")
		res := configure(t, base)
		errorAt(t, res.resp.Diagnostics, "access_key")
	})
	t.Run("tilde in file argument", func(t *testing.T) {
		home := isolateEnv(t)
		writeCLIConfig(t, filepath.Join(home, "cli.json"))
		assertConfig(t, requireOK(t, configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str("~/cli.json"),
		}))), defaultProfile)
	})
	t.Run("environment credentials over profile, region from profile", func(t *testing.T) {
		isolateEnv(t)
		file := filepath.Join(t.TempDir(), "config.json")
		writeCLIConfig(t, file)
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env")
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk-env")
		assertConfig(t, requireOK(t, configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str(file),
			"profile":                 str("sts"),
		}))), fc.Config{
			AccessKeyID: "ak-env", AccessKeySecret: "sk-env", Region: "cn-zhangjiakou", AccountID: "7777",
			MaxRetries: -1, UserAgent: "terraform-provider-fc/1.2.3",
		})
	})
	t.Run("account ID of a CloudSSO profile", func(t *testing.T) {
		isolateEnv(t)
		file := filepath.Join(t.TempDir(), "config.json")
		writeCLIConfig(t, file)
		// Credentials from the environment: the SSO sign-in is not needed.
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "ak-env")
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "sk-env")
		cfg := requireOK(t, configure(t, map[string]tftypes.Value{
			"shared_credentials_file": str(file),
			"profile":                 str("sso"),
		}))
		if cfg.AccountID != "8888" || cfg.Region != "cn-shenzhen" {
			t.Errorf("AccountID, Region = %q, %q, want 8888, cn-shenzhen", cfg.AccountID, cfg.Region)
		}
	})
	t.Run("region argument over profile", func(t *testing.T) {
		isolateEnv(t)
		file := filepath.Join(t.TempDir(), "config.json")
		writeCLIConfig(t, file)
		cfg := requireOK(t, configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str(file),
			"region":                  str("cn-arg"),
		})))
		assertConfig(t, cfg, fc.Config{
			Credentials: fixedCredentials{AccessKeyID: "ak-profile", AccessKeySecret: "sk-profile"},
			Region:      "cn-arg", AccountID: "7777",
			MaxRetries: -1, UserAgent: "terraform-provider-fc/1.2.3",
		})
	})
	t.Run("unknown profile", func(t *testing.T) {
		isolateEnv(t)
		file := filepath.Join(t.TempDir(), "config.json")
		writeCLIConfig(t, file)
		res := configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str(file),
			"profile":                 str("nope"),
		}))
		d := errorAt(t, res.resp.Diagnostics, "profile")
		if !strings.Contains(d.Detail(), `"nope"`) {
			t.Errorf("detail does not name the profile: %s", d.Detail())
		}
	})
	t.Run("missing named file", func(t *testing.T) {
		isolateEnv(t)
		res := configure(t, with(map[string]tftypes.Value{
			"shared_credentials_file": str(filepath.Join(t.TempDir(), "absent.json")),
		}))
		errorAt(t, res.resp.Diagnostics, "profile")
	})
	t.Run("broken default file warns", func(t *testing.T) {
		home := isolateEnv(t)
		if err := os.MkdirAll(filepath.Join(home, ".aliyun"), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(home, ".aliyun", "config.json"), []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
		res := configure(t, base)
		if len(res.resp.Diagnostics.Warnings()) != 1 {
			t.Errorf("want one warning about the CLI configuration, got %v", res.resp.Diagnostics)
		}
		errorAt(t, res.resp.Diagnostics, "access_key")
	})
}

func TestConfigure_loggerMasksConfiguredSecrets(t *testing.T) {
	isolateEnv(t)
	cfg := requireOK(t, configure(t, map[string]tftypes.Value{
		"access_key":     str("ak"),
		"secret_key":     str("configured-secret-value"),
		"security_token": str("configured-token-value"),
		"endpoint":       str("http://127.0.0.1:9"),
	}))
	out := captureLogs(t, func(ctx context.Context) {
		cfg.Logger.Debug(ctx, "FC API call", map[string]any{
			"error": "signature of configured-secret-value with configured-token-value",
		})
	})
	assertNoSecrets(t, out, "configured-secret-value", "configured-token-value")
}

// assertConfig compares the fields of fc.Config that Configure resolves;
// the logger is checked by the logging tests. Credentials from a provider
// are compared by what the provider returns now, and must not come with
// static keys.
func assertConfig(t *testing.T, got, want fc.Config) {
	t.Helper()
	type resolvedFields struct {
		Endpoint, AccountID, Region, AccessKeyID, AccessKeySecret, SecurityToken, UserAgent string
		MaxRetries                                                                          int
		Refreshable                                                                         bool
	}
	project := func(c fc.Config) resolvedFields {
		r := resolvedFields{c.Endpoint, c.AccountID, c.Region, c.AccessKeyID, c.AccessKeySecret, c.SecurityToken, c.UserAgent, c.MaxRetries, false}
		if c.Credentials == nil {
			return r
		}
		if r.AccessKeyID != "" || r.AccessKeySecret != "" || r.SecurityToken != "" {
			t.Errorf("static credentials %q set next to a credentials provider", r.AccessKeyID)
		}
		creds, err := c.Credentials.Credentials(context.Background())
		if err != nil {
			t.Fatalf("credentials provider: %v", err)
		}
		r.AccessKeyID, r.AccessKeySecret, r.SecurityToken, r.Refreshable = creds.AccessKeyID, creds.AccessKeySecret, creds.SecurityToken, true
		return r
	}
	if g, w := project(got), project(want); g != w {
		t.Errorf("fc.Config mismatch\n got: %+v\nwant: %+v", g, w)
	}
}

// fixedCredentials is a credentials provider that always returns itself;
// tests use it to say which credentials a provider must return.
type fixedCredentials fc.Credentials

func (f fixedCredentials) Credentials(context.Context) (fc.Credentials, error) {
	return fc.Credentials(f), nil
}

// A profile whose credentials rotate (an External credential process that
// answers new temporary credentials on every run): Configure hands the
// client a provider, and every request is signed with the credentials of
// its moment, none of whose secrets reach the logs.
func TestConfigure_profileCredentialsAreRefreshed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the credential process is a POSIX shell script")
	}
	isolateEnv(t)
	// Traces are built only when asked for.
	t.Setenv("TF_LOG_PROVIDER_FC_HTTP", "TRACE")
	dir := t.TempDir()
	script := filepath.Join(dir, "credentials.sh")
	counter := filepath.Join(dir, "count")
	const scriptText = `#!/bin/sh
n=$(cat "$1" 2>/dev/null || echo 0)
n=$((n+1))
echo "$n" > "$1"
printf '{"mode":"StsToken","access_key_id":"ak-ext-%d","access_key_secret":"sk-ext-%d-secret","sts_token":"token-ext-%d"}' "$n" "$n" "$n"
`
	if err := os.WriteFile(script, []byte(scriptText), 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "config.json")
	conf := `{"current": "ext", "profiles": [{"name": "ext", "mode": "External", "region_id": "cn-hangzhou",
  "process_command": "/bin/sh ` + script + ` ` + counter + `"}]}`
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	var keys []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, sig, _ := strings.Cut(strings.TrimPrefix(r.Header.Get("Authorization"), "FC "), ":")
		n := strings.TrimPrefix(id, "ak-ext-")
		secret := "sk-ext-" + n + "-secret"
		resource := fc.CanonicalResource(r.URL.EscapedPath(), r.URL.Query(), false)
		if want := fc.Sign(secret, fc.StringToSign(r.Method, r.Header, resource)); sig != want {
			t.Errorf("request signed by %q: signature %q, want %q", id, sig, want)
		}
		if got, want := r.Header.Get("X-Fc-Security-Token"), "token-ext-"+n; got != want {
			t.Errorf("request signed by %q: security token %q, want %q", id, got, want)
		}
		mu.Lock()
		keys = append(keys, id)
		mu.Unlock()
		// A careless server echoing the credentials.
		fmt.Fprintf(w, `{"serviceName":"s1","description":"%s %s"}`, secret, "token-ext-"+n)
	}))
	defer srv.Close()

	res := configure(t, map[string]tftypes.Value{
		"shared_credentials_file": str(file),
		"endpoint":                str(srv.URL),
	})
	cfg := requireOK(t, res)
	if cfg.Credentials == nil {
		t.Fatal("Configure passed a snapshot of the profile's credentials, want a credentials provider")
	}
	if cfg.AccessKeyID != "" || cfg.AccessKeySecret != "" || cfg.SecurityToken != "" {
		t.Errorf("static credentials %q set next to the provider", cfg.AccessKeyID)
	}
	client := res.resp.ResourceData.(*providerMeta).Client
	out := captureLogs(t, func(ctx context.Context) {
		for range 2 {
			if _, _, err := client.GetService(ctx, "s1", ""); err != nil {
				t.Fatalf("GetService: %v", err)
			}
		}
	})
	// Configure ran the process once (ak-ext-1) to validate the profile.
	if got, want := strings.Join(keys, ","), "ak-ext-2,ak-ext-3"; got != want {
		t.Errorf("requests signed by %s, want %s", got, want)
	}
	if !strings.Contains(out, "FC API response") {
		t.Fatalf("no HTTP trace was logged:\n%s", out)
	}
	assertNoSecrets(t, out, "sk-ext-1-secret", "sk-ext-2-secret", "sk-ext-3-secret", "token-ext-1", "token-ext-2", "token-ext-3")
}

// A profile that cannot give credentials is reported at Configure, on the
// profile attribute, naming the profile.
func TestConfigure_profileCredentialsError(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the credential process is a POSIX shell script")
	}
	isolateEnv(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "fail.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho 'not logged in' >&2\nexit 3\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "config.json")
	conf := `{"current": "ext", "profiles": [{"name": "ext", "mode": "External", "region_id": "cn-hangzhou", "process_command": "/bin/sh ` + script + `"}]}`
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	res := configure(t, map[string]tftypes.Value{
		"shared_credentials_file": str(file),
		"endpoint":                str("http://127.0.0.1:9"),
	})
	d := errorAt(t, res.resp.Diagnostics, "profile")
	for _, want := range []string{`getting credentials: profile "ext" of ` + file, "not logged in"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail does not contain %q:\n%s", want, d.Detail())
		}
	}
	if res.cfg != nil {
		t.Error("Configure built a client without credentials")
	}
}

// fakeCredentialsProvider is a credentials-go provider that hands out a new
// key pair per call and records how many calls overlap.
type fakeCredentialsProvider struct {
	mu              sync.Mutex
	n               int
	err             error
	empty           bool
	inFlight, worst int
	release         chan struct{} // when set, each call waits for it
}

func (f *fakeCredentialsProvider) GetCredentials() (*providers.Credentials, error) {
	f.mu.Lock()
	f.inFlight++
	f.worst = max(f.worst, f.inFlight)
	f.n++
	n, release := f.n, f.release
	f.mu.Unlock()
	if release != nil {
		<-release
	}
	f.mu.Lock()
	f.inFlight--
	f.mu.Unlock()
	switch {
	case f.err != nil:
		return nil, f.err
	case f.empty:
		return &providers.Credentials{AccessKeyId: "ak"}, nil
	}
	return &providers.Credentials{
		AccessKeyId:     fmt.Sprintf("ak-%d", n),
		AccessKeySecret: fmt.Sprintf("sk-%d", n),
		SecurityToken:   fmt.Sprintf("token-%d", n),
		ProviderName:    "fake",
	}, nil
}

func (f *fakeCredentialsProvider) GetProviderName() string { return "fake" }

func TestConfigure_profileCredentialsAdapter(t *testing.T) {
	ctx := context.Background()
	t.Run("returns the provider's current credentials", func(t *testing.T) {
		a := newProfileCredentials(&fakeCredentialsProvider{}, `profile "p" of f`)
		for i := 1; i <= 2; i++ {
			got, err := a.Credentials(ctx)
			want := fc.Credentials{AccessKeyID: fmt.Sprintf("ak-%d", i), AccessKeySecret: fmt.Sprintf("sk-%d", i), SecurityToken: fmt.Sprintf("token-%d", i)}
			if err != nil || got != want {
				t.Errorf("call %d = %+v, %v; want %+v", i, got, err, want)
			}
		}
	})
	t.Run("error names the profile and wraps the cause", func(t *testing.T) {
		cause := errors.New("AssumeRole: AccessDenied")
		_, err := newProfileCredentials(&fakeCredentialsProvider{err: cause}, `profile "p" of f`).Credentials(ctx)
		if !errors.Is(err, cause) || err.Error() != `profile "p" of f: AssumeRole: AccessDenied` {
			t.Errorf("err = %v, want the profile named and the cause wrapped", err)
		}
	})
	t.Run("incomplete credentials", func(t *testing.T) {
		_, err := newProfileCredentials(&fakeCredentialsProvider{empty: true}, `profile "p" of f`).Credentials(ctx)
		if err == nil || !strings.Contains(err.Error(), "no access key ID or secret") {
			t.Errorf("err = %v, want incomplete credentials reported", err)
		}
	})
	t.Run("calls are serialized", func(t *testing.T) {
		fake := &fakeCredentialsProvider{}
		a := newProfileCredentials(fake, "p")
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 10 {
					if _, err := a.Credentials(ctx); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		if fake.n != 80 || fake.worst != 1 {
			t.Errorf("calls = %d with up to %d at once, want 80 and 1", fake.n, fake.worst)
		}
	})
	t.Run("a waiting call gives up when its context ends", func(t *testing.T) {
		fake := &fakeCredentialsProvider{release: make(chan struct{})}
		a := newProfileCredentials(fake, "p")
		done := make(chan error, 1)
		go func() { _, err := a.Credentials(ctx); done <- err }()
		// Wait until the first call is inside the provider.
		for {
			fake.mu.Lock()
			busy := fake.inFlight == 1
			fake.mu.Unlock()
			if busy {
				break
			}
			runtime.Gosched()
		}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := a.Credentials(cctx); !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		close(fake.release)
		if err := <-done; err != nil {
			t.Errorf("first call: %v", err)
		}
	})
}

// credentials-go quotes the whole CLI configuration file in some errors
// (here: a field of the wrong JSON type it cannot decode); no secret of any
// profile may reach the diagnostic.
func TestConfigure_profileErrorMasksFileSecrets(t *testing.T) {
	isolateEnv(t)
	file := filepath.Join(t.TempDir(), "config.json")
	conf := `{"current": "default", "profiles": [
  {"name": "default", "mode": "AK", "access_key_id": "ak-visible-id", "access_key_secret": "sk-must-not-leak", "region_id": "cn-hangzhou", "expired_seconds": "3600"},
  {"name": "other", "mode": "StsToken", "access_key_id": "ak-other", "access_key_secret": "sk-other-must-not-leak", "sts_token": "token-must-not-leak"}
]}`
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	res := configure(t, map[string]tftypes.Value{
		"shared_credentials_file": str(file),
		"endpoint":                str("http://127.0.0.1:9"),
	})
	if !res.resp.Diagnostics.HasError() {
		t.Fatal("Configure accepted a CLI configuration file credentials-go cannot read")
	}
	for _, d := range res.resp.Diagnostics {
		text := d.Summary() + "\n" + d.Detail()
		for _, secret := range []string{"sk-must-not-leak", "sk-other-must-not-leak", "token-must-not-leak"} {
			if strings.Contains(text, secret) {
				t.Errorf("diagnostic leaks %q:\n%s", secret, text)
			}
		}
	}
}
