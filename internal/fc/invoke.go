package fc

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Invocation types (X-Fc-Invocation-Type, reference 3.2).
const (
	InvocationSync  = "Sync"
	InvocationAsync = "Async"
)

// Function error types (X-Fc-Error-Type, reference 3.2): HandledInvocationError
// is an error the function returned through its runtime's callback (Node.js);
// UnhandledInvocationError is every other failure (an exception, a timeout,
// running out of memory).
const (
	ErrorTypeHandled   = "HandledInvocationError"
	ErrorTypeUnhandled = "UnhandledInvocationError"
)

// Headers of InvokeFunction (reference 3.2; the 2021-04-06 SDK's
// InvokeFunctionHeaders).
const (
	headerInvocationType         = "X-Fc-Invocation-Type"
	headerLogType                = "X-Fc-Log-Type"
	headerLogResult              = "X-Fc-Log-Result"
	headerErrorType              = "X-Fc-Error-Type"
	headerStatefulInvocationID   = "X-Fc-Stateful-Async-Invocation-Id"
	headerStatefulInvocationOn   = "X-Fc-Stateful-Async-Invocation-Enable"
	headerInstanceID             = "X-Fc-Instance-Id"
	headerInvocationDuration     = "X-Fc-Invocation-Duration"
	headerInvocationCodeVersion  = "X-Fc-Invocation-Code-Version"
	headerMaxMemoryUsage         = "X-Fc-Max-Memory-Usage"
	headerCodeChecksum           = "X-Fc-Code-Checksum"
	contentTypeInvocationPayload = "application/octet-stream"
)

// InvokeInput is one invocation of a function.
type InvokeInput struct {
	// Payload is the event, sent as is (an empty payload is sent as an
	// empty body).
	Payload []byte
	// InvocationType is InvocationSync (the default when empty) or
	// InvocationAsync.
	InvocationType string
	// LogTail asks for the last 4 KB of the invocation's log
	// (X-Fc-Log-Type: Tail); sync invocations only.
	LogTail bool
	// StatefulInvocationID names an asynchronous invocation
	// (X-Fc-Stateful-Async-Invocation-Id); FC generates one when empty.
	StatefulInvocationID string
	// Stateful, when non-nil, turns stateful tracking of an asynchronous
	// invocation on or off (X-Fc-Stateful-Async-Invocation-Enable) instead
	// of the function's async-invoke config deciding.
	Stateful *bool
}

// InvokeOutput is what an invocation answered. A function that failed
// (an exception, a timeout) is not an error of InvokeFunction: ErrorType
// says so, and Payload carries the error as the runtime reported it.
type InvokeOutput struct {
	// StatusCode is 200 for a sync invocation, 202 for an accepted async
	// one.
	StatusCode int
	// Payload is the function's result (sync), or the error body when
	// ErrorType is set; empty for async invocations.
	Payload []byte
	// ErrorType is ErrorTypeHandled or ErrorTypeUnhandled when the function
	// failed, else empty.
	ErrorType string
	// LogResult is the decoded log tail (with InvokeInput.LogTail).
	LogResult string
	RequestID string
	// InstanceID is the instance that ran the invocation, when FC says.
	InstanceID string
	// StatefulInvocationID is the ID of a stateful async invocation.
	StatefulInvocationID string
	// CodeVersion is the version that ran (LATEST or a version ID), when
	// FC says (X-Fc-Invocation-Code-Version).
	CodeVersion string
	// CodeChecksum is the checksum of the code that ran, when FC says.
	CodeChecksum string
	// Duration is the invocation's duration as FC reports it
	// (X-Fc-Invocation-Duration, milliseconds), or 0.
	Duration time.Duration
	// MaxMemoryUsageMB is the instance's peak memory as FC reports it
	// (X-Fc-Max-Memory-Usage), or 0.
	MaxMemoryUsageMB float64
}

// Failed reports whether the function failed (ErrorType is set).
func (o *InvokeOutput) Failed() bool { return o.ErrorType != "" }

// InvokeFunction invokes a function at a qualifier ("" = LATEST, a version
// ID or an alias). It is a POST that is not idempotent (the function may
// have effects), so the transport repeats it only when the request
// certainly did not reach FC (request.go).
func (c *Client) InvokeFunction(ctx context.Context, service, qualifier, function string, in *InvokeInput) (*InvokeOutput, error) {
	if in == nil {
		in = &InvokeInput{}
	}
	header := http.Header{}
	typ := in.InvocationType
	if typ == "" {
		typ = InvocationSync
	}
	if typ != InvocationSync && typ != InvocationAsync {
		return nil, fmt.Errorf("FC API InvokeFunction: invocation type must be %s or %s, got %q", InvocationSync, InvocationAsync, typ)
	}
	header.Set(headerInvocationType, typ)
	if in.LogTail {
		header.Set(headerLogType, "Tail")
	}
	if in.StatefulInvocationID != "" {
		header.Set(headerStatefulInvocationID, in.StatefulInvocationID)
	}
	if in.Stateful != nil {
		header.Set(headerStatefulInvocationOn, strconv.FormatBool(*in.Stateful))
	}
	payload := in.Payload
	if payload == nil {
		payload = []byte{}
	}
	req := &request{operation: "InvokeFunction", method: http.MethodPost,
		path:  escape("services", service, "functions", function, "invocations"),
		query: withQualifier(nil, qualifier), header: header, raw: payload, contentType: contentTypeInvocationPayload}
	u, err := c.url(req)
	if err != nil {
		return nil, fmt.Errorf("FC API %s: building URL: %w", req.operation, err)
	}
	res, err := c.exchange(ctx, req, u, payload)
	if err != nil {
		return nil, err
	}
	out := &InvokeOutput{
		StatusCode:           res.status,
		Payload:              res.body,
		ErrorType:            res.header.Get(headerErrorType),
		RequestID:            res.header.Get(requestIDHeader),
		InstanceID:           res.header.Get(headerInstanceID),
		StatefulInvocationID: res.header.Get(headerStatefulInvocationID),
		CodeVersion:          res.header.Get(headerInvocationCodeVersion),
		CodeChecksum:         res.header.Get(headerCodeChecksum),
	}
	if v := res.header.Get(headerLogResult); v != "" {
		// FC sends the tail base64-encoded; a value that is not base64 is
		// kept as sent.
		if b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(v)); err == nil {
			out.LogResult = string(b)
		} else {
			out.LogResult = v
		}
	}
	if v, err := strconv.ParseFloat(res.header.Get(headerInvocationDuration), 64); err == nil && v >= 0 {
		out.Duration = time.Duration(v * float64(time.Millisecond))
	}
	if v, err := strconv.ParseFloat(res.header.Get(headerMaxMemoryUsage), 64); err == nil && v >= 0 {
		out.MaxMemoryUsageMB = v
	}
	return out, nil
}
