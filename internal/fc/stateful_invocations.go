package fc

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// Statuses of a stateful asynchronous invocation (reference 3.10).
const (
	InvocationStatusRunning   = "Running"
	InvocationStatusSucceeded = "Succeeded"
	InvocationStatusFailed    = "Failed"
	InvocationStatusStopped   = "Stopped"
	InvocationStatusStopping  = "Stopping"
	InvocationStatusInvalid   = "Invalid"
	InvocationStatusExpired   = "Expired"
)

// StatefulAsyncInvocation is the record FC keeps of an asynchronous
// invocation of a function whose async-invoke config has
// statefulInvocation on (reference 3.10 and 4.12; the 2021-04-06 SDK's
// StatefulAsyncInvocation). Times are milliseconds since the epoch in the
// SDK and ISO 8601 strings in the document's examples: both decode.
type StatefulAsyncInvocation struct {
	AlreadyRetriedTimes    *int64                         `json:"alreadyRetriedTimes,omitempty"`
	DestinationStatus      *string                        `json:"destinationStatus,omitempty"`
	DurationMs             *int64                         `json:"durationMs,omitempty"`
	EndTime                *LooseString                   `json:"endTime,omitempty"`
	Events                 []StatefulAsyncInvocationEvent `json:"events,omitempty"`
	FunctionName           *string                        `json:"functionName,omitempty"`
	InstanceID             *string                        `json:"instanceId,omitempty"`
	InvocationErrorMessage *string                        `json:"invocationErrorMessage,omitempty"`
	InvocationID           *string                        `json:"invocationId,omitempty"`
	// InvocationPayload is the event (ListStatefulAsyncInvocations with
	// IncludePayload). The document spells the key InvocationPayload;
	// decoding ignores case.
	InvocationPayload *string      `json:"invocationPayload,omitempty"`
	Qualifier         *string      `json:"qualifier,omitempty"`
	RequestID         *string      `json:"requestId,omitempty"`
	ReturnPayload     *string      `json:"returnPayload,omitempty"`
	ServiceName       *string      `json:"serviceName,omitempty"`
	StartedTime       *LooseString `json:"startedTime,omitempty"`
	Status            *string      `json:"status,omitempty"`
}

// StatefulAsyncInvocationEvent is one step in the life of a stateful
// invocation (enqueued, invoked, retried, finished, ...).
type StatefulAsyncInvocationEvent struct {
	EventDetail *string `json:"eventDetail,omitempty"`
	EventID     *int64  `json:"eventId,omitempty"`
	Status      *string `json:"status,omitempty"`
	Timestamp   *int64  `json:"timestamp,omitempty"`
}

// StatefulInvocationListOptions filters ListStatefulAsyncInvocations.
type StatefulInvocationListOptions struct {
	// InvocationIDPrefix keeps the invocations whose ID starts with it.
	InvocationIDPrefix string
	// Status keeps the invocations in that status (InvocationStatus...).
	Status string
	// StartedTimeBegin and StartedTimeEnd, when not zero, bound the start
	// time (sent as milliseconds).
	StartedTimeBegin, StartedTimeEnd time.Time
	// SortOrderByTime is "asc" or "desc" ("" = the service's default).
	SortOrderByTime string
	// IncludePayload asks for each invocation's payload.
	IncludePayload bool
	// Limit is the page size (0 = the service default); every page is
	// read.
	Limit int
}

// ListStatefulAsyncInvocations lists the stateful asynchronous invocations
// of a function at a qualifier ("" = every qualifier the service lists
// without one), following nextToken.
func (c *Client) ListStatefulAsyncInvocations(ctx context.Context, service, qualifier, function string, opts StatefulInvocationListOptions) ([]StatefulAsyncInvocation, error) {
	return collect(c.StatefulAsyncInvocations(ctx, service, qualifier, function, opts))
}

// StatefulAsyncInvocations yields the stateful asynchronous invocations
// of a function (see ListStatefulAsyncInvocations), page by page.
func (c *Client) StatefulAsyncInvocations(ctx context.Context, service, qualifier, function string, opts StatefulInvocationListOptions) iter.Seq2[StatefulAsyncInvocation, error] {
	base := url.Values{}
	if opts.InvocationIDPrefix != "" {
		base.Set("invocationIdPrefix", opts.InvocationIDPrefix)
	}
	if opts.Status != "" {
		base.Set("status", opts.Status)
	}
	if !opts.StartedTimeBegin.IsZero() {
		base.Set("startedTimeBegin", strconv.FormatInt(opts.StartedTimeBegin.UnixMilli(), 10))
	}
	if !opts.StartedTimeEnd.IsZero() {
		base.Set("startedTimeEnd", strconv.FormatInt(opts.StartedTimeEnd.UnixMilli(), 10))
	}
	if opts.SortOrderByTime != "" {
		base.Set("sortOrderByTime", opts.SortOrderByTime)
	}
	if opts.IncludePayload {
		base.Set("includePayload", "true")
	}
	if opts.Limit > 0 {
		base.Set("limit", strconv.Itoa(opts.Limit))
	}
	path := escape("services", service, "functions", function, "stateful-async-invocations")
	return pagedItems(ctx, withQualifier(base, qualifier), func(q url.Values) ([]StatefulAsyncInvocation, string, error) {
		var p struct {
			Invocations []StatefulAsyncInvocation `json:"invocations"`
			NextToken   string                    `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListStatefulAsyncInvocations", path, q, &p)
		return p.Invocations, p.NextToken, err
	})
}

// GetStatefulAsyncInvocation reads one stateful asynchronous invocation.
func (c *Client) GetStatefulAsyncInvocation(ctx context.Context, service, qualifier, function, invocationID string) (*StatefulAsyncInvocation, error) {
	out, _, err := doObject[StatefulAsyncInvocation](ctx, c, &request{operation: "GetStatefulAsyncInvocation", method: http.MethodGet, idempotent: true,
		path:  escape("services", service, "functions", function, "stateful-async-invocations", invocationID),
		query: withQualifier(nil, qualifier)})
	return out, err
}

// StopStatefulAsyncInvocation stops a running stateful asynchronous
// invocation. Stopping twice has the effect of stopping once, so the PUT
// is repeated after transient failures.
func (c *Client) StopStatefulAsyncInvocation(ctx context.Context, service, qualifier, function, invocationID string) error {
	_, err := c.do(ctx, &request{operation: "StopStatefulAsyncInvocation", method: http.MethodPut, idempotent: true,
		path:  escape("services", service, "functions", function, "stateful-async-invocations", invocationID),
		query: withQualifier(nil, qualifier)}, nil)
	return err
}
