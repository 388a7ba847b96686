package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// etagKey is the private-state key that holds the ETag of the last read.
const etagKey = "etag"

// privateGetter and privateSetter are the parts of the framework's private
// state (request and response) the helpers below use.
type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

type privateSetter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// getETag returns the ETag stored in private state, or "" when none.
func getETag(ctx context.Context, p privateGetter) (string, diag.Diagnostics) {
	raw, diags := p.GetKey(ctx, etagKey)
	if diags.HasError() || len(raw) == 0 {
		return "", diags
	}
	var v struct {
		ETag string `json:"etag"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		// Unreadable private state only loses the concurrency check.
		return "", diags
	}
	return v.ETag, diags
}

// setETag stores an ETag in private state; an empty ETag is not stored.
func setETag(ctx context.Context, p privateSetter, etag string) diag.Diagnostics {
	if etag == "" {
		return nil
	}
	raw, _ := json.Marshal(struct {
		ETag string `json:"etag"`
	}{etag})
	return p.SetKey(ctx, etagKey, raw)
}
