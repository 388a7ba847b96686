package fc

import (
	"context"
	"net/http"
)

// CreateFunction creates a function in a service and returns it with its
// ETag. checksum, when non-empty, is sent as X-Fc-Code-Checksum.
func (c *Client) CreateFunction(ctx context.Context, service string, in *Function, checksum string) (*Function, string, error) {
	req := &request{operation: "CreateFunction", method: http.MethodPost, path: escape("services", service, "functions"), body: in, codeInBody: in != nil && in.Code != nil}
	setChecksum(req, checksum)
	return doObject[Function](ctx, c, req)
}

// GetFunction reads a function, optionally at a version or alias.
func (c *Client) GetFunction(ctx context.Context, service, qualifier, name string) (*Function, string, error) {
	return doObject[Function](ctx, c, &request{operation: "GetFunction", method: http.MethodGet, idempotent: true, path: escape("services", service, "functions", name), query: withQualifier(nil, qualifier)})
}

// UpdateFunction changes the fields set in in (code only when in.Code is
// set). A non-empty ifMatch makes the update conditional.
func (c *Client) UpdateFunction(ctx context.Context, service, name string, in *Function, checksum, ifMatch string) (*Function, string, error) {
	req := &request{operation: "UpdateFunction", method: http.MethodPut, idempotent: true, path: escape("services", service, "functions", name), body: in, ifMatch: ifMatch, codeInBody: in != nil && in.Code != nil}
	setChecksum(req, checksum)
	return doObject[Function](ctx, c, req)
}

// DeleteFunction deletes a function. A non-empty ifMatch makes it conditional.
func (c *Client) DeleteFunction(ctx context.Context, service, name, ifMatch string) error {
	_, err := c.do(ctx, &request{operation: "DeleteFunction", method: http.MethodDelete, idempotent: true, path: escape("services", service, "functions", name), ifMatch: ifMatch}, nil)
	return err
}

// ListFunctions lists every function of a service (optionally at a
// qualifier) matching opts, following nextToken.
func (c *Client) ListFunctions(ctx context.Context, service, qualifier string, opts ListOptions) ([]Function, error) {
	return collect(c.Functions(ctx, service, qualifier, opts))
}

// GetFunctionCode returns a download URL and the CRC-64 checksum of a
// function's code.
func (c *Client) GetFunctionCode(ctx context.Context, service, qualifier, name string) (*FunctionCode, error) {
	out, _, err := doObject[FunctionCode](ctx, c, &request{operation: "GetFunctionCode", method: http.MethodGet, idempotent: true, path: escape("services", service, "functions", name, "code"), query: withQualifier(nil, qualifier)})
	return out, err
}

func setChecksum(req *request, checksum string) {
	if checksum == "" {
		return
	}
	if req.header == nil {
		req.header = http.Header{}
	}
	req.header.Set("X-Fc-Code-Checksum", checksum)
}
