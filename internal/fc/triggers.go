package fc

import (
	"context"
	"net/http"
)

// CreateTrigger creates a trigger on a function and returns it with its ETag.
func (c *Client) CreateTrigger(ctx context.Context, service, function string, in *Trigger) (*Trigger, string, error) {
	return doObject[Trigger](ctx, c, &request{operation: "CreateTrigger", method: http.MethodPost, path: escape("services", service, "functions", function, "triggers"), body: in})
}

// GetTrigger reads a trigger.
func (c *Client) GetTrigger(ctx context.Context, service, function, name string) (*Trigger, string, error) {
	return doObject[Trigger](ctx, c, &request{operation: "GetTrigger", method: http.MethodGet, idempotent: true, path: escape("services", service, "functions", function, "triggers", name)})
}

// UpdateTrigger changes a trigger's invocation role, qualifier, description
// or configuration. A non-empty ifMatch makes it conditional.
func (c *Client) UpdateTrigger(ctx context.Context, service, function, name string, in *Trigger, ifMatch string) (*Trigger, string, error) {
	return doObject[Trigger](ctx, c, &request{operation: "UpdateTrigger", method: http.MethodPut, idempotent: true, path: escape("services", service, "functions", function, "triggers", name), body: in, ifMatch: ifMatch})
}

// DeleteTrigger deletes a trigger. A non-empty ifMatch makes it conditional.
func (c *Client) DeleteTrigger(ctx context.Context, service, function, name, ifMatch string) error {
	_, err := c.do(ctx, &request{operation: "DeleteTrigger", method: http.MethodDelete, idempotent: true, path: escape("services", service, "functions", function, "triggers", name), ifMatch: ifMatch}, nil)
	return err
}

// ListTriggers lists every trigger of a function matching opts.
func (c *Client) ListTriggers(ctx context.Context, service, function string, opts ListOptions) ([]Trigger, error) {
	return collect(c.Triggers(ctx, service, function, opts))
}
