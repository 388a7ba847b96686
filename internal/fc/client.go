package fc

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Config configures a Client.
type Config struct {
	// Endpoint overrides the base URL (scheme://host[:port]). When empty the
	// client uses https://<AccountID>.<Region>.fc.aliyuncs.com.
	Endpoint        string
	AccountID       string
	Region          string
	AccessKeyID     string
	AccessKeySecret string
	SecurityToken   string
	// MaxRetries bounds the retries of one call (0 = no retry; negative =
	// the default of 5).
	MaxRetries int
	HTTPClient *http.Client
	UserAgent  string
	// Now returns the current time (tests inject a clock); nil = time.Now.
	Now func() time.Time
}

// Client is a signed FC API client.
type Client struct {
	cfg Config
}

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	return &Client{cfg: cfg}, nil
}

// do sends req, retrying as the transport allows, decodes a JSON answer into
// out (when out is non-nil and the body is non-empty) and returns the
// response headers. Every non-2xx answer is an *APIError.
func (c *Client) do(ctx context.Context, req *request, out any) (http.Header, error) {
	return nil, errors.New("fc: transport not implemented yet")
}
