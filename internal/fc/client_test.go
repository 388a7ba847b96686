package fc

import (
	"net/http"
	"strings"
	"testing"
)

func TestNew_Validation(t *testing.T) {
	valid := Config{AccountID: "123", Region: "cn-hangzhou", AccessKeyID: "id", AccessKeySecret: "secret"}
	tests := []struct {
		name    string
		change  func(*Config)
		wantErr []string // substrings; none = valid
	}{
		{name: "valid account and region", change: func(*Config) {}},
		{name: "valid endpoint without account", change: func(c *Config) { c.AccountID, c.Region, c.Endpoint = "", "", "127.0.0.1:9000" }},
		{name: "missing access key ID", change: func(c *Config) { c.AccessKeyID = " " }, wantErr: []string{"access key ID is required"}},
		{name: "missing secret", change: func(c *Config) { c.AccessKeySecret = "" }, wantErr: []string{"access key secret is required"}},
		{name: "credentials provider instead of keys", change: func(c *Config) {
			c.AccessKeyID, c.AccessKeySecret, c.Credentials = "", "", staticCredentials{AccessKeyID: "id", AccessKeySecret: "secret"}
		}},
		{name: "missing both keys", change: func(c *Config) { c.AccessKeyID, c.AccessKeySecret = "", "" }, wantErr: []string{"access key ID is required", "access key secret is required"}},
		{name: "no endpoint and no account", change: func(c *Config) { c.AccountID = "" }, wantErr: []string{"account ID"}},
		{name: "no endpoint and no region", change: func(c *Config) { c.Region = "" }, wantErr: []string{"region"}},
		{name: "region that is not a host label", change: func(c *Config) { c.Region = "cn-hangzhou.evil.com/x" }, wantErr: []string{"region"}},
		{name: "unsupported scheme", change: func(c *Config) { c.Endpoint = "ftp://example.com" }, wantErr: []string{"http or https"}},
		{name: "endpoint without host", change: func(c *Config) { c.Endpoint = "https://" }, wantErr: []string{"no host"}},
		{name: "endpoint with query", change: func(c *Config) { c.Endpoint = "https://example.com/?a=b" }, wantErr: []string{"query"}},
		{name: "endpoint with user info", change: func(c *Config) { c.Endpoint = "https://u:p@example.com" }, wantErr: []string{"user info"}},
		{name: "endpoint that does not parse", change: func(c *Config) { c.Endpoint = "http://exa mple.com:x" }, wantErr: []string{"not a valid URL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := valid
			tt.change(&cfg)
			c, err := New(cfg)
			if len(tt.wantErr) == 0 {
				if err != nil || c == nil {
					t.Fatalf("New = %v, %v; want a client", c, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("New succeeded, want an error containing %q", tt.wantErr)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to contain %q", err, want)
				}
			}
		})
	}
}

func TestNew_Endpoint(t *testing.T) {
	tests := []struct {
		name      string
		endpoint  string
		account   string
		region    string
		want      string
		wantAccID string
	}{
		{name: "derived from account and region", account: "1234", region: "cn-shanghai", want: "https://1234.cn-shanghai.fc.aliyuncs.com", wantAccID: "1234"},
		{name: "host and port without scheme", endpoint: "127.0.0.1:8080", want: "https://127.0.0.1:8080"},
		{name: "host without scheme", endpoint: "fc.example.com", want: "https://fc.example.com"},
		{name: "http kept, trailing slash dropped", endpoint: "http://localhost:9000/", want: "http://localhost:9000"},
		{name: "path prefix kept", endpoint: "https://gw.example.com/fc/", want: "https://gw.example.com/fc"},
		{name: "endpoint wins over account and region", endpoint: "http://127.0.0.1:1", account: "99", region: "cn-beijing", want: "http://127.0.0.1:1", wantAccID: "99"},
		{name: "surrounding space trimmed", endpoint: " http://127.0.0.1:2 ", want: "http://127.0.0.1:2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(Config{Endpoint: tt.endpoint, AccountID: tt.account, Region: tt.region, AccessKeyID: "id", AccessKeySecret: "secret"})
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if got := c.Endpoint(); got != tt.want {
				t.Errorf("Endpoint() = %q, want %q", got, tt.want)
			}
			if got := c.AccountID(); got != tt.wantAccID {
				t.Errorf("AccountID() = %q, want %q", got, tt.wantAccID)
			}
		})
	}
}

func TestNew_Defaults(t *testing.T) {
	custom := &http.Client{}
	tests := []struct {
		name           string
		cfg            Config
		wantRetries    int
		wantUserAgent  string
		wantHTTPClient *http.Client
	}{
		{name: "negative retries get the default", cfg: Config{MaxRetries: -1}, wantRetries: DefaultMaxRetries, wantUserAgent: DefaultUserAgent},
		{name: "zero retries kept", cfg: Config{MaxRetries: 0, UserAgent: "ua/1"}, wantRetries: 0, wantUserAgent: "ua/1"},
		{name: "explicit retries and client kept", cfg: Config{MaxRetries: 2, HTTPClient: custom}, wantRetries: 2, wantUserAgent: DefaultUserAgent, wantHTTPClient: custom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := tt.cfg
			cfg.Endpoint, cfg.AccessKeyID, cfg.AccessKeySecret = "127.0.0.1:1", "id", "secret"
			c, err := New(cfg)
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if c.retry.maxRetries != tt.wantRetries {
				t.Errorf("maxRetries = %d, want %d", c.retry.maxRetries, tt.wantRetries)
			}
			if c.cfg.UserAgent != tt.wantUserAgent {
				t.Errorf("UserAgent = %q, want %q", c.cfg.UserAgent, tt.wantUserAgent)
			}
			if c.now == nil {
				t.Error("now is nil")
			}
			if tt.wantHTTPClient != nil {
				if c.http != tt.wantHTTPClient {
					t.Error("the configured HTTP client was replaced")
				}
				return
			}
			tr, ok := c.http.Transport.(*http.Transport)
			if !ok || tr.TLSHandshakeTimeout == 0 || tr.ResponseHeaderTimeout == 0 || tr.DialContext == nil || c.http.Timeout == 0 {
				t.Errorf("default HTTP client lacks timeouts: %+v", c.http)
			}
		})
	}
}
