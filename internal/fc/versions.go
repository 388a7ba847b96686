package fc

import (
	"context"
	"net/http"
	"net/url"
)

// PublishServiceVersion publishes the service's current configuration and
// functions as a new version. A non-empty ifMatch makes it conditional on
// the service's ETag.
func (c *Client) PublishServiceVersion(ctx context.Context, service, description, ifMatch string) (*Version, error) {
	var out Version
	body := struct {
		Description string `json:"description"`
	}{description}
	if _, err := c.do(ctx, &request{operation: "PublishServiceVersion", method: http.MethodPost, path: escape("services", service, "versions"), body: body, ifMatch: ifMatch}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// DeleteServiceVersion deletes a version.
func (c *Client) DeleteServiceVersion(ctx context.Context, service, versionID string) error {
	_, err := c.do(ctx, &request{operation: "DeleteServiceVersion", method: http.MethodDelete, idempotent: true, path: escape("services", service, "versions", versionID)}, nil)
	return err
}

// ListServiceVersions lists every version of a service, following nextToken.
func (c *Client) ListServiceVersions(ctx context.Context, service string, opts VersionListOptions) ([]Version, error) {
	return collect(c.ServiceVersions(ctx, service, opts))
}

// GetServiceVersion finds one version by ID. FC has no single-version read:
// it lists from that version on and returns a *APIError with status 404 and
// code VersionNotFound when the version does not exist.
func (c *Client) GetServiceVersion(ctx context.Context, service, versionID string) (*Version, error) {
	var page struct {
		Versions []Version `json:"versions"`
	}
	q := url.Values{"startKey": {versionID}, "limit": {"1"}, "direction": {"FORWARD"}}
	if _, err := c.do(ctx, &request{operation: "ListServiceVersions", method: http.MethodGet, idempotent: true, path: escape("services", service, "versions"), query: q}, &page); err != nil {
		return nil, err
	}
	for _, v := range page.Versions {
		if v.VersionID != nil && *v.VersionID == versionID {
			return &v, nil
		}
	}
	return nil, &APIError{StatusCode: http.StatusNotFound, Code: "VersionNotFound", Message: "version '" + versionID + "' of service '" + service + "' does not exist", Operation: "ListServiceVersions"}
}
