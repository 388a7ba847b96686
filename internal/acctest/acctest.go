// Package acctest bootstraps Terraform-driven tests: provider factories, an
// in-process FC emulator per test, and the switch to real FC.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	sdkacctest "github.com/hashicorp/terraform-plugin-testing/helper/acctest"

	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/provider"
)

// Credentials of the in-process emulator.
const (
	AccessKeyID     = "acctest-key-id"
	AccessKeySecret = "acctest-key-secret"
	AccountID       = "1234567890123456"
	Region          = "cn-hangzhou"
)

// ProtoV6ProviderFactories serves the provider in-process to Terraform.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"fc": providerserver.NewProtocol6WithError(provider.New("test", "none")()),
}

// Env is the world one test runs against.
type Env struct {
	// Client talks to the same API as the provider, for out-of-band changes
	// and CheckDestroy.
	Client *fc.Client
	// Emulator is the in-process emulator; nil when Live.
	Emulator *emulator.Server
	// Live is true when the test runs against real FC (FC_ACC_LIVE=1).
	Live bool
	// ProviderConfig is the HCL provider block to prefix every step with.
	ProviderConfig string
}

// New returns the environment of one test: a fresh in-process emulator on
// 127.0.0.1, or real FC when FC_ACC_LIVE=1 and credentials are set.
func New(t *testing.T) *Env {
	t.Helper()
	if os.Getenv("FC_ACC_LIVE") == "1" {
		return live(t)
	}
	em, err := emulator.New(emulator.Options{
		AccountID:       AccountID,
		Region:          Region,
		AccessKeyID:     AccessKeyID,
		AccessKeySecret: AccessKeySecret,
		Strict:          true,
	})
	if err != nil {
		t.Fatalf("starting the emulator: %v", err)
	}
	srv := httptest.NewServer(em)
	// Cleanups run last-in first-out: the listener closes first, then the
	// processes InvokeFunction started end.
	t.Cleanup(em.Close)
	t.Cleanup(srv.Close)
	client, err := fc.New(fc.Config{
		Endpoint:        srv.URL,
		AccountID:       AccountID,
		Region:          Region,
		AccessKeyID:     AccessKeyID,
		AccessKeySecret: AccessKeySecret,
		MaxRetries:      -1,
	})
	if err != nil {
		t.Fatalf("creating the client: %v", err)
	}
	return &Env{
		Client:   client,
		Emulator: em,
		ProviderConfig: fmt.Sprintf(`
provider "fc" {
  endpoint   = %q
  account_id = %q
  region     = %q
  access_key = %q
  secret_key = %q
}
`, srv.URL, AccountID, Region, AccessKeyID, AccessKeySecret),
	}
}

func live(t *testing.T) *Env {
	t.Helper()
	get := func(names ...string) string {
		for _, n := range names {
			if v := os.Getenv(n); v != "" {
				return v
			}
		}
		return ""
	}
	ak := get("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY")
	sk := get("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY")
	account := get("ALIBABA_CLOUD_ACCOUNT_ID", "ALICLOUD_ACCOUNT_ID")
	region := get("ALIBABA_CLOUD_REGION", "ALICLOUD_REGION")
	if ak == "" || sk == "" || account == "" || region == "" {
		t.Skip("FC_ACC_LIVE=1 but ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_ACCOUNT_ID and ALIBABA_CLOUD_REGION are not all set: skipping the live run")
	}
	client, err := fc.New(fc.Config{
		Endpoint:        os.Getenv("FC_ENDPOINT"),
		AccountID:       account,
		Region:          region,
		AccessKeyID:     ak,
		AccessKeySecret: sk,
		SecurityToken:   get("ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"),
		MaxRetries:      -1,
	})
	if err != nil {
		t.Fatalf("creating the client: %v", err)
	}
	// The provider reads the same environment variables.
	return &Env{Client: client, Live: true, ProviderConfig: "provider \"fc\" {}\n"}
}

// SkipIfLive skips a test that needs the emulator (e.g. its counters).
func (e *Env) SkipIfLive(t *testing.T, why string) {
	t.Helper()
	if e.Live {
		t.Skipf("emulator only: %s", why)
	}
}

// Config prefixes an HCL body with the provider block.
func (e *Env) Config(body string) string {
	return e.ProviderConfig + body
}

// RandomName returns a name valid for every FC object: prefix, a dash and
// eight random lowercase letters and digits.
func RandomName(prefix string) string {
	return prefix + "-" + sdkacctest.RandString(8)
}
