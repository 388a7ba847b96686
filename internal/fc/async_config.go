package fc

import (
	"context"
	"net/http"
)

// AsyncInvokeConfig is how FC treats the asynchronous invocations of a
// function at a qualifier (reference 3.9, 4.8 and 9.2): how long an event
// may wait, how often a failed invocation is retried, where results go, and
// whether invocations are stateful. The request sends the first four
// fields; answers add the rest.
type AsyncInvokeConfig struct {
	DestinationConfig         *DestinationConfig `json:"destinationConfig,omitempty"`
	MaxAsyncEventAgeInSeconds *int64             `json:"maxAsyncEventAgeInSeconds,omitempty"`
	MaxAsyncRetryAttempts     *int64             `json:"maxAsyncRetryAttempts,omitempty"`
	StatefulInvocation        *bool              `json:"statefulInvocation,omitempty"`
	// Service and Function name the function in the 2021-04-06 SDK's (and
	// the 2016-08-15 SDK's) answers; the 2016-08-15 document names them
	// serviceName and functionName. Decode both; ServiceNameOf and
	// FunctionNameOf pick whichever is set.
	Service          *string `json:"service,omitempty"`
	Function         *string `json:"function,omitempty"`
	ServiceName      *string `json:"serviceName,omitempty"`
	FunctionName     *string `json:"functionName,omitempty"`
	Qualifier        *string `json:"qualifier,omitempty"`
	CreatedTime      *string `json:"createdTime,omitempty"`
	LastModifiedTime *string `json:"lastModifiedTime,omitempty"`
}

// DestinationConfig says where FC sends the result of an asynchronous
// invocation: OnSuccess after a success, OnFailure after the last retry
// failed or the event expired.
type DestinationConfig struct {
	OnSuccess *Destination `json:"onSuccess,omitempty"`
	OnFailure *Destination `json:"onFailure,omitempty"`
}

// Destination is the ARN of one destination (an MNS queue, another
// function, ...).
type Destination struct {
	Destination string `json:"destination"`
}

// ServiceNameOf returns the service an answer names, in either spelling.
func (a *AsyncInvokeConfig) ServiceNameOf() string {
	if a.Service != nil {
		return *a.Service
	}
	if a.ServiceName != nil {
		return *a.ServiceName
	}
	return ""
}

// FunctionNameOf returns the function an answer names, in either spelling.
func (a *AsyncInvokeConfig) FunctionNameOf() string {
	if a.Function != nil {
		return *a.Function
	}
	if a.FunctionName != nil {
		return *a.FunctionName
	}
	return ""
}

// PutFunctionAsyncInvokeConfig creates the asynchronous invocation config
// of a function at a qualifier ("" = LATEST) or, when one exists, changes
// the fields set in in and keeps the others (FC merges; reference 3.9): a
// field absent from in is not cleared. To clear fields, delete the config
// and put it again.
//
// The PUT is create-or-update, keyed by service, function and qualifier, so
// it does not go through a create-by-name check; sending the same body
// again has the effect of sending it once (the merge of equal fields
// changes nothing), so a PUT whose answer was lost is safe to resend (the
// transport does, request.go).
func (c *Client) PutFunctionAsyncInvokeConfig(ctx context.Context, service, qualifier, function string, in *AsyncInvokeConfig) (*AsyncInvokeConfig, error) {
	out, _, err := doObject[AsyncInvokeConfig](ctx, c, &request{operation: "PutFunctionAsyncInvokeConfig", method: http.MethodPut, idempotent: true,
		path: escape("services", service, "functions", function, "async-invoke-config"), query: withQualifier(nil, qualifier), body: in})
	return out, err
}

// GetFunctionAsyncInvokeConfig reads the asynchronous invocation config of
// a function at a qualifier ("" = LATEST); a function without one is a 404
// (code AsyncConfigNotExists).
func (c *Client) GetFunctionAsyncInvokeConfig(ctx context.Context, service, qualifier, function string) (*AsyncInvokeConfig, error) {
	out, _, err := doObject[AsyncInvokeConfig](ctx, c, &request{operation: "GetFunctionAsyncInvokeConfig", method: http.MethodGet, idempotent: true,
		path: escape("services", service, "functions", function, "async-invoke-config"), query: withQualifier(nil, qualifier)})
	return out, err
}

// DeleteFunctionAsyncInvokeConfig deletes the asynchronous invocation config
// of a function at a qualifier ("" = LATEST).
func (c *Client) DeleteFunctionAsyncInvokeConfig(ctx context.Context, service, qualifier, function string) error {
	_, err := c.do(ctx, &request{operation: "DeleteFunctionAsyncInvokeConfig", method: http.MethodDelete, idempotent: true,
		path: escape("services", service, "functions", function, "async-invoke-config"), query: withQualifier(nil, qualifier)}, nil)
	return err
}

// ListFunctionAsyncInvokeConfigs lists the asynchronous invocation configs
// of a function, one per qualifier, following nextToken. Only opts.Limit
// applies (the operation takes no prefix or start key).
func (c *Client) ListFunctionAsyncInvokeConfigs(ctx context.Context, service, function string, opts ListOptions) ([]AsyncInvokeConfig, error) {
	return collect(c.FunctionAsyncInvokeConfigs(ctx, service, function, opts))
}
