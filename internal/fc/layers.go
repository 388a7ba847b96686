package fc

import (
	"context"
	"net/http"
	"strconv"
)

// Layer is one version of a layer (reference 4.10; the SDK's Layer). FC
// has no update of a layer version: every publish makes a new version
// number.
type Layer struct {
	LayerName   *string `json:"layerName,omitempty"`
	Version     *int64  `json:"version,omitempty"`
	Description *string `json:"description,omitempty"`
	// Code is where FC serves the package from (a download URL).
	Code              *LayerCode `json:"code,omitempty"`
	CodeSize          *int64     `json:"codeSize,omitempty"`
	CodeChecksum      *string    `json:"codeChecksum,omitempty"`
	CreateTime        *string    `json:"createTime,omitempty"`
	ACL               *int64     `json:"acl,omitempty"`
	CompatibleRuntime []string   `json:"compatibleRuntime,omitzero"`
	// ARN is the identifier a function's layers take,
	// "<hex>#<layerName>#<version>" (reference 4.2, 4.10).
	ARN *string `json:"arn,omitempty"`
	// ARNV2 is "acs:fc:<region>:<account>:layers/<layerName>/versions/<version>",
	// which a function's layers take too.
	ARNV2 *string `json:"arnV2,omitempty"`
}

// LayerCode is the code location in a layer answer.
type LayerCode struct {
	RepositoryType string `json:"repositoryType,omitempty"`
	Location       string `json:"location,omitempty"`
}

// PublishLayerVersionInput is the body of PublishLayerVersion (the SDK's
// CreateLayerVersionRequest). The SDK spells the code member "Code", with
// a capital C, where the 2016-08-15 document writes "code" (reference
// 9.2); the client sends the SDK's spelling.
type PublishLayerVersionInput struct {
	Code              *Code    `json:"Code,omitempty"`
	CompatibleRuntime []string `json:"compatibleRuntime,omitzero"`
	Description       *string  `json:"description,omitempty"`
}

// PublishLayerVersion publishes a new version of a layer (the layer is
// created by its first version) and returns it with its ETag. The SDK names
// the operation CreateLayerVersion; its answer spells the size "codesize",
// which decodes into CodeSize as well (JSON member names match
// case-insensitively). A publish is not idempotent: each one that FC
// processes makes a version, so the transport resends it only when FC
// certainly did not process it.
func (c *Client) PublishLayerVersion(ctx context.Context, layer string, in *PublishLayerVersionInput) (*Layer, string, error) {
	req := &request{operation: "PublishLayerVersion", method: http.MethodPost, path: escape("layers", layer, "versions"), body: in, codeInBody: in != nil && in.Code != nil}
	return doObject[Layer](ctx, c, req)
}

// GetLayerVersion reads one version of a layer.
func (c *Client) GetLayerVersion(ctx context.Context, layer string, version int64) (*Layer, string, error) {
	return doObject[Layer](ctx, c, &request{operation: "GetLayerVersion", method: http.MethodGet, idempotent: true, path: escape("layers", layer, "versions", strconv.FormatInt(version, 10))})
}

// DeleteLayerVersion deletes one version of a layer. Its number is not
// given out again.
func (c *Client) DeleteLayerVersion(ctx context.Context, layer string, version int64) error {
	_, err := c.do(ctx, &request{operation: "DeleteLayerVersion", method: http.MethodDelete, idempotent: true, path: escape("layers", layer, "versions", strconv.FormatInt(version, 10))}, nil)
	return err
}

// LayerVersionListOptions selects and pages ListLayerVersions.
type LayerVersionListOptions struct {
	// StartVersion is the first version listed (ascending); 0 means 1.
	StartVersion int64
	// Limit is the page size of each request; 0 means the service default.
	Limit int
}

// ListLayerVersions lists the versions of a layer in ascending order from
// opts.StartVersion, following nextVersion to the end.
func (c *Client) ListLayerVersions(ctx context.Context, layer string, opts LayerVersionListOptions) ([]Layer, error) {
	return collect(c.LayerVersions(ctx, layer, opts))
}

// ListLayers lists the layers matching opts, each as its newest version,
// following nextToken.
func (c *Client) ListLayers(ctx context.Context, opts ListOptions) ([]Layer, error) {
	return collect(c.Layers(ctx, opts))
}
