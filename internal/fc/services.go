package fc

import (
	"context"
	"net/http"
)

// CreateService creates a service and returns it with its ETag.
func (c *Client) CreateService(ctx context.Context, in *Service) (*Service, string, error) {
	return doObject[Service](ctx, c, &request{operation: "CreateService", method: http.MethodPost, path: "/services", body: in})
}

// GetService reads a service, optionally at a version or alias.
func (c *Client) GetService(ctx context.Context, name, qualifier string) (*Service, string, error) {
	return doObject[Service](ctx, c, &request{operation: "GetService", method: http.MethodGet, idempotent: true, path: escape("services", name), query: withQualifier(nil, qualifier)})
}

// UpdateService changes the fields set in in. A non-empty ifMatch makes the
// update conditional on the service's current ETag.
func (c *Client) UpdateService(ctx context.Context, name string, in *Service, ifMatch string) (*Service, string, error) {
	return doObject[Service](ctx, c, &request{operation: "UpdateService", method: http.MethodPut, idempotent: true, path: escape("services", name), body: in, ifMatch: ifMatch})
}

// DeleteService deletes a service. A non-empty ifMatch makes it conditional.
func (c *Client) DeleteService(ctx context.Context, name, ifMatch string) error {
	_, err := c.do(ctx, &request{operation: "DeleteService", method: http.MethodDelete, idempotent: true, path: escape("services", name), ifMatch: ifMatch}, nil)
	return err
}

// ListServices lists every service matching opts, following nextToken.
func (c *Client) ListServices(ctx context.Context, opts ListOptions) ([]Service, error) {
	return collect(c.Services(ctx, opts))
}
