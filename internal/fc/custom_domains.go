package fc

import (
	"context"
	"net/http"
)

// CustomDomain is an FC custom domain: a host name of the user's whose HTTP
// requests FC routes to functions by path (reference 3.6, 4.6 and the
// 2021-04-06 SDK's shapes, 9.1).
//
// Presence follows models.go. An update sends the fields to change:
// Protocol, RouteConfig, TLSConfig and WAFConfig replace the stored value
// when non-nil; a blank object (RouteConfig with no routes, a zero
// TLSConfig, a WAFConfig with EnableWAF nil, a CertConfig with no
// certificate) clears it. DomainName is the path key and is sent only on
// create.
type CustomDomain struct {
	DomainName  *string      `json:"domainName,omitempty"`
	Protocol    *string      `json:"protocol,omitempty"`
	CertConfig  *CertConfig  `json:"certConfig,omitempty"`
	RouteConfig *RouteConfig `json:"routeConfig,omitempty"`
	TLSConfig   *TLSConfig   `json:"tlsConfig,omitempty"`
	WAFConfig   *WAFConfig   `json:"wafConfig,omitempty"`
	// Read-only.
	AccountID        *string `json:"accountId,omitempty"`
	APIVersion       *string `json:"apiVersion,omitempty"`
	CreatedTime      *string `json:"createdTime,omitempty"`
	LastModifiedTime *string `json:"lastModifiedTime,omitempty"`
}

// CertConfig is the HTTPS certificate of a custom domain. PrivateKey is
// sent, never read back: FC does not return it (the client's logs mask it,
// log.go). An empty CertConfig ({}) in an update removes the certificate.
type CertConfig struct {
	CertName string `json:"certName,omitempty"`
	// Certificate is PEM; a chain is the certificates one after another,
	// the domain's first.
	Certificate string `json:"certificate,omitempty"`
	// PrivateKey is the PEM private key of the first certificate.
	PrivateKey string `json:"privateKey,omitempty"`
}

// RouteConfig is a custom domain's routing table.
type RouteConfig struct {
	Routes []PathConfig `json:"routes"`
}

// PathConfig routes the requests of one path (exact, e.g. "/login", or a
// prefix, "/login/*") to a function.
type PathConfig struct {
	Path         string `json:"path"`
	ServiceName  string `json:"serviceName"`
	FunctionName string `json:"functionName,omitempty"`
	// Qualifier is a version ID or an alias name; empty means LATEST.
	Qualifier string `json:"qualifier,omitempty"`
	// Methods are the HTTP methods routed; empty means all.
	Methods       []string       `json:"methods,omitempty"`
	RewriteConfig *RewriteConfig `json:"rewriteConfig,omitempty"`
}

// RewriteConfig rewrites the request path before it reaches the function:
// exact matches, wildcard (`*`) matches and regular expressions.
type RewriteConfig struct {
	EqualRules    []RewriteRule `json:"equalRules,omitempty"`
	WildcardRules []RewriteRule `json:"wildcardRules,omitempty"`
	RegexRules    []RewriteRule `json:"regexRules,omitempty"`
}

// RewriteRule replaces a path that matches Match with Replacement.
type RewriteRule struct {
	Match       string `json:"match"`
	Replacement string `json:"replacement"`
}

// TLSConfig sets the TLS versions and cipher suites an HTTPS domain offers.
type TLSConfig struct {
	// MinVersion and MaxVersion are "TLSv1.0" ... "TLSv1.3".
	MinVersion   string   `json:"minVersion,omitempty"`
	MaxVersion   string   `json:"maxVersion,omitempty"`
	CipherSuites []string `json:"cipherSuites,omitempty"`
}

// WAFConfig turns the Web Application Firewall on or off. EnableWAF is a
// pointer so that false is sent (and kept); a WAFConfig without it ({})
// clears the configuration.
type WAFConfig struct {
	EnableWAF *bool `json:"enableWAF,omitempty"`
}

// CreateCustomDomain creates a custom domain and returns it with its ETag
// (empty when FC sends none).
func (c *Client) CreateCustomDomain(ctx context.Context, in *CustomDomain) (*CustomDomain, string, error) {
	return doObject[CustomDomain](ctx, c, &request{operation: "CreateCustomDomain", method: http.MethodPost, path: "/custom-domains", body: in})
}

// GetCustomDomain reads a custom domain. The answer has no private key.
func (c *Client) GetCustomDomain(ctx context.Context, name string) (*CustomDomain, string, error) {
	return doObject[CustomDomain](ctx, c, &request{operation: "GetCustomDomain", method: http.MethodGet, idempotent: true, path: escape("custom-domains", name)})
}

// UpdateCustomDomain changes the fields set in in (in.DomainName must be
// nil: the path names the domain). A non-empty ifMatch makes it
// conditional.
func (c *Client) UpdateCustomDomain(ctx context.Context, name string, in *CustomDomain, ifMatch string) (*CustomDomain, string, error) {
	return doObject[CustomDomain](ctx, c, &request{operation: "UpdateCustomDomain", method: http.MethodPut, idempotent: true, path: escape("custom-domains", name), body: in, ifMatch: ifMatch})
}

// DeleteCustomDomain deletes a custom domain (FC answers 204). A non-empty
// ifMatch makes it conditional.
func (c *Client) DeleteCustomDomain(ctx context.Context, name, ifMatch string) error {
	_, err := c.do(ctx, &request{operation: "DeleteCustomDomain", method: http.MethodDelete, idempotent: true, path: escape("custom-domains", name), ifMatch: ifMatch}, nil)
	return err
}

// ListCustomDomains lists every custom domain matching opts, following
// nextToken.
func (c *Client) ListCustomDomains(ctx context.Context, opts ListOptions) ([]CustomDomain, error) {
	return collect(c.CustomDomains(ctx, opts))
}
