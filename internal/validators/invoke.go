package validators

// Invocation types of the fc_invoke_function action (FC's
// X-Fc-Invocation-Type Sync and Async, fc-api.md 3.2).
const (
	InvocationTypeSync  = "sync"
	InvocationTypeAsync = "async"
)

// InvocationTypes lists the invocation types, for stringvalidator.OneOf and
// MarkdownEnum.
var InvocationTypes = []string{InvocationTypeSync, InvocationTypeAsync}

// Statuses of a stateful asynchronous invocation (fc-api.md 3.10).
const (
	InvocationStatusRunning   = "Running"
	InvocationStatusSucceeded = "Succeeded"
	InvocationStatusFailed    = "Failed"
	InvocationStatusStopped   = "Stopped"
	InvocationStatusStopping  = "Stopping"
	InvocationStatusInvalid   = "Invalid"
	InvocationStatusExpired   = "Expired"
)

// InvocationStatuses lists the statuses in the reference's order.
var InvocationStatuses = []string{
	InvocationStatusSucceeded, InvocationStatusFailed, InvocationStatusRunning, InvocationStatusStopped,
	InvocationStatusStopping, InvocationStatusInvalid, InvocationStatusExpired,
}
