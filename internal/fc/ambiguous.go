package fc

import (
	"context"
	"errors"
)

// IsAmbiguous reports whether a failed request may nevertheless have been
// carried out by FC: a 5xx answer, a connection lost after the request was
// sent, or a deadline that ran out while waiting for the answer. The
// transport retries on its own only what FC certainly did not process
// (request.go); for a create that ends in an ambiguous error the caller has
// to find out, by reading the object, whether it exists. A 4xx answer is
// not ambiguous (FC refused the request), nor is a canceled context
// (the user stopped Terraform; nothing is learnt by reading).
func IsAmbiguous(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode >= 500
	}
	// Transport errors (EOF, connection reset, a timeout) give no answer:
	// the request may have been processed.
	return true
}
