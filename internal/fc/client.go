// Package fc is a signed client for the Alibaba Cloud Function Compute 2.0
// API: typed wire models, request signing, a retrying transport and typed
// errors. It imports nothing from terraform-plugin-*.
package fc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultUserAgent is sent when Config.UserAgent is empty.
const DefaultUserAgent = "terraform-provider-fc"

// DefaultMaxRetries is used when Config.MaxRetries is negative.
const DefaultMaxRetries = 5

// Config configures a Client.
type Config struct {
	// Endpoint overrides the base URL (scheme://host[:port][/prefix]); a
	// value without a scheme gets https://. When empty the client uses
	// https://<AccountID>.<Region>.fc.aliyuncs.com.
	Endpoint  string
	AccountID string
	Region    string
	// AccessKeyID, AccessKeySecret and SecurityToken are static
	// credentials, used when Credentials is nil.
	AccessKeyID     string
	AccessKeySecret string
	SecurityToken   string
	// Credentials, when set, is asked for the credentials of every attempt
	// (temporary credentials that expire during a long run) and takes
	// precedence over the static fields.
	Credentials CredentialsProvider
	// MaxRetries bounds the retries of one call (0 = no retry; negative =
	// the default of 5).
	MaxRetries int
	// HTTPClient sends the requests; nil = a client with connection,
	// TLS-handshake and response-header timeouts.
	HTTPClient *http.Client
	// UserAgent is sent as User-Agent; empty = DefaultUserAgent.
	UserAgent string
	// Now returns the current time (tests inject a clock); nil = time.Now.
	Now func() time.Time
	// Logger receives HTTP logs; nil = no logging.
	Logger Logger
}

// Client is a signed FC API client. It is safe for concurrent use.
type Client struct {
	cfg     Config
	baseURL string
	http    *http.Client
	now     func() time.Time
	retry   retryPolicy
	creds   CredentialsProvider
	// secrets are masked in logs.
	secrets secretSet
}

// New validates cfg and returns a client for it.
func New(cfg Config) (*Client, error) {
	var errs []error
	if cfg.Credentials == nil {
		if strings.TrimSpace(cfg.AccessKeyID) == "" {
			errs = append(errs, errors.New("access key ID is required"))
		}
		if strings.TrimSpace(cfg.AccessKeySecret) == "" {
			errs = append(errs, errors.New("access key secret is required"))
		}
	}
	base, err := baseURL(cfg)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("fc: invalid configuration: %w", errors.Join(errs...))
	}
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = DefaultMaxRetries
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	c := &Client{
		cfg:     cfg,
		baseURL: base,
		http:    cfg.HTTPClient,
		now:     cfg.Now,
		retry:   defaultRetryPolicy(cfg.MaxRetries),
		creds:   cfg.Credentials,
	}
	if c.creds == nil {
		c.creds = staticCredentials{AccessKeyID: cfg.AccessKeyID, AccessKeySecret: cfg.AccessKeySecret, SecurityToken: cfg.SecurityToken}
		c.secrets.add(cfg.AccessKeySecret, cfg.SecurityToken)
	}
	if c.http == nil {
		c.http = defaultHTTPClient()
	}
	if c.now == nil {
		c.now = time.Now
	}
	return c, nil
}

// Endpoint returns the base URL the client sends requests to, without a
// trailing slash, e.g. "https://123.cn-hangzhou.fc.aliyuncs.com".
func (c *Client) Endpoint() string { return c.baseURL }

// AccountID returns the configured account ID (may be empty when an
// endpoint was given without one).
func (c *Client) AccountID() string { return c.cfg.AccountID }

// baseURL derives the base URL from cfg.Endpoint or cfg.AccountID and
// cfg.Region.
func baseURL(cfg Config) (string, error) {
	endpoint := strings.TrimSpace(cfg.Endpoint)
	if endpoint == "" {
		var errs []error
		if !isHostLabel(cfg.AccountID) {
			errs = append(errs, fmt.Errorf("account ID %q must be set to letters, digits and hyphens when no endpoint is given", cfg.AccountID))
		}
		if !isHostLabel(cfg.Region) {
			errs = append(errs, fmt.Errorf("region %q must be set to letters, digits and hyphens when no endpoint is given", cfg.Region))
		}
		if len(errs) > 0 {
			return "", errors.Join(errs...)
		}
		return "https://" + cfg.AccountID + "." + cfg.Region + ".fc.aliyuncs.com", nil
	}
	if !strings.Contains(endpoint, "://") {
		endpoint = "https://" + endpoint
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return "", fmt.Errorf("endpoint %q is not a valid URL: %w", cfg.Endpoint, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("endpoint %q must use http or https", cfg.Endpoint)
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("endpoint %q has no host", cfg.Endpoint)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("endpoint %q must not carry user info, a query or a fragment", cfg.Endpoint)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u.String(), nil
}

// isHostLabel reports whether s can be used as one DNS label.
func isHostLabel(s string) bool {
	if s == "" || len(s) > 63 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// defaultHTTPClient bounds connecting, the TLS handshake and the wait for
// response headers; the caller's context bounds the whole call.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = 10 * time.Second
	t.ResponseHeaderTimeout = 2 * time.Minute
	t.ExpectContinueTimeout = time.Second
	t.IdleConnTimeout = 90 * time.Second
	t.MaxIdleConnsPerHost = 10
	// Timeout is a last-resort bound for callers without a deadline; it
	// leaves room for uploading large code archives.
	return &http.Client{Transport: t, Timeout: 15 * time.Minute}
}

// doObject sends req and decodes the answer into a new T: the object
// and the ETag FC answered with.
func doObject[T any](ctx context.Context, c *Client, req *request) (*T, string, error) {
	var out T
	h, err := c.do(ctx, req, &out)
	if err != nil {
		return nil, "", err
	}
	return &out, h.Get("ETag"), nil
}

// do sends req, retrying as the transport allows, decodes a JSON answer into
// out (when out is non-nil and the body is non-empty) and returns the
// response headers. Every non-2xx answer is an *APIError.
func (c *Client) do(ctx context.Context, req *request, out any) (http.Header, error) {
	u, err := c.url(req)
	if err != nil {
		return nil, fmt.Errorf("FC API %s: building URL: %w", req.operation, err)
	}
	body := req.raw
	if req.body != nil {
		if body, err = json.Marshal(req.body); err != nil {
			return nil, fmt.Errorf("FC API %s: encoding request: %w", req.operation, err)
		}
	}
	if req.method == http.MethodPut && req.ifMatch != "" {
		// A conditional update that FC applied but answered with a 5xx or
		// a reset would, repeated, fail its own If-Match with 412 and read
		// as a change made elsewhere: repeat it only when it certainly was
		// not processed, as a create.
		req.idempotent = false
	}
	res, err := c.exchange(ctx, req, u, body)
	if err != nil {
		return nil, err
	}
	if out != nil && len(bytes.TrimSpace(res.body)) > 0 {
		if err := json.Unmarshal(res.body, out); err != nil {
			return res.header, fmt.Errorf("FC API %s: decoding response (request ID %s): %w", req.operation, res.header.Get(requestIDHeader), err)
		}
	}
	return res.header, nil
}

// url returns the full URL of req.
func (c *Client) url(req *request) (*url.URL, error) {
	u, err := url.Parse(c.baseURL + "/" + APIVersion + req.path)
	if err != nil {
		return nil, err
	}
	if len(req.query) > 0 {
		u.RawQuery = req.query.Encode()
	}
	return u, nil
}
