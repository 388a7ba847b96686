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

// The ETag policy, one for every resource: the private state holds the ETag
// of the last answer about the object (create, read, update). An answer
// that carries none clears the stored one, so a later update or delete is
// never made conditional on an ETag that no longer describes the object
// (FC documents ETags for some operations only). Updates and deletes send
// the stored ETag as If-Match, and none when none is stored.

// loadETag returns the ETag stored in private state, or "" when none; a
// failure to read private state is added to diags, which the caller checks
// before it calls the API.
func loadETag(ctx context.Context, p privateGetter, diags *diag.Diagnostics) string {
	raw, d := p.GetKey(ctx, etagKey)
	diags.Append(d...)
	if d.HasError() || len(raw) == 0 {
		return ""
	}
	var v struct {
		ETag string `json:"etag"`
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		// Unreadable private state only loses the concurrency check.
		return ""
	}
	return v.ETag
}

// saveETag stores the ETag of the last answer, or clears the stored one
// when the answer carried none.
func saveETag(ctx context.Context, p privateSetter, etag string) diag.Diagnostics {
	if etag == "" {
		return p.SetKey(ctx, etagKey, nil)
	}
	raw, _ := json.Marshal(struct {
		ETag string `json:"etag"`
	}{etag})
	return p.SetKey(ctx, etagKey, raw)
}
