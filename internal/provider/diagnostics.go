package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// addAPIError reports a failed API call. summary names the operation
// ("Error updating FC function"); what says what failed; the detail ends
// with the API's code, message and request ID when the error carries them.
// A precondition failure (stale ETag) and throttling get specific advice.
func addAPIError(diags *diag.Diagnostics, summary, kind, what string, err error) {
	diags.AddError(summary, apiErrorDetail(kind, what, err))
}

func apiErrorDetail(kind, what string, err error) string {
	var detail string
	switch {
	case fc.IsPreconditionFailed(err):
		detail = fmt.Sprintf("%s: the %s was changed outside Terraform since the last refresh, so Terraform did not overwrite it. "+
			"Run `terraform plan` again to see the current state, then apply.", what, kind)
	case fc.IsThrottled(err):
		detail = fmt.Sprintf("%s: FC throttled the request and the retries ran out. Wait and try again, or raise max_retries.", what)
	default:
		detail = fmt.Sprintf("%s.", what)
	}
	var apiErr *fc.APIError
	if errors.As(err, &apiErr) {
		return fmt.Sprintf("%s\n\nAPI error: HTTP %d, code %s, message %q, request ID %s.",
			detail, apiErr.StatusCode, apiErr.Code, apiErr.Message, apiErr.RequestID)
	}
	return fmt.Sprintf("%s\n\nError: %s", detail, err)
}
