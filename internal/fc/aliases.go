package fc

import (
	"context"
	"net/http"
)

// CreateAlias creates an alias and returns it with its ETag.
func (c *Client) CreateAlias(ctx context.Context, service string, in *Alias) (*Alias, string, error) {
	return doObject[Alias](ctx, c, &request{operation: "CreateAlias", method: http.MethodPost, path: escape("services", service, "aliases"), body: in})
}

// GetAlias reads an alias.
func (c *Client) GetAlias(ctx context.Context, service, name string) (*Alias, string, error) {
	return doObject[Alias](ctx, c, &request{operation: "GetAlias", method: http.MethodGet, idempotent: true, path: escape("services", service, "aliases", name)})
}

// UpdateAlias changes an alias. A non-empty ifMatch makes it conditional.
func (c *Client) UpdateAlias(ctx context.Context, service, name string, in *Alias, ifMatch string) (*Alias, string, error) {
	return doObject[Alias](ctx, c, &request{operation: "UpdateAlias", method: http.MethodPut, idempotent: true, path: escape("services", service, "aliases", name), body: in, ifMatch: ifMatch})
}

// DeleteAlias deletes an alias. A non-empty ifMatch makes it conditional.
func (c *Client) DeleteAlias(ctx context.Context, service, name, ifMatch string) error {
	_, err := c.do(ctx, &request{operation: "DeleteAlias", method: http.MethodDelete, idempotent: true, path: escape("services", service, "aliases", name), ifMatch: ifMatch}, nil)
	return err
}

// ListAliases lists every alias of a service matching opts.
func (c *Client) ListAliases(ctx context.Context, service string, opts ListOptions) ([]Alias, error) {
	return collect(c.Aliases(ctx, service, opts))
}
