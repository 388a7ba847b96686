package fc

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// ProvisionConfig is the provisioned capacity of a function at an alias or
// LATEST (reference 3.7, 4.7 and 9.2). The request sends Target,
// ScheduledActions, TargetTrackingPolicies and AlwaysAllocateCPU; answers
// add Resource, Current and CurrentError.
type ProvisionConfig struct {
	// Target is the number of provisioned instances wanted.
	Target *int64 `json:"target,omitempty"`
	// ScheduledActions and TargetTrackingPolicies replace the stored lists
	// as a whole; an empty list clears them.
	ScheduledActions       []ScheduledAction      `json:"scheduledActions,omitzero"`
	TargetTrackingPolicies []TargetTrackingPolicy `json:"targetTrackingPolicies,omitzero"`
	// AlwaysAllocateCPU keeps CPU allocated to idle provisioned instances;
	// the 2021-04-06 SDK documents true as the default.
	AlwaysAllocateCPU *bool `json:"alwaysAllocateCPU,omitempty"`
	// Resource is "<accountId>#<service>#<qualifier>#<function>".
	Resource *string `json:"resource,omitempty"`
	// Current is the number of provisioned instances that exist now.
	Current *LooseInt64 `json:"current,omitempty"`
	// CurrentError is the service's reason why Current falls short of
	// Target, when it does.
	CurrentError *string `json:"currentError,omitempty"`
}

// ScheduledAction sets the target to Target on the schedule of
// ScheduleExpression ("cron(...)" or "at(...)"), between StartTime and
// EndTime when they are set.
type ScheduledAction struct {
	Name               string `json:"name"`
	StartTime          string `json:"startTime,omitempty"`
	EndTime            string `json:"endTime,omitempty"`
	Target             int64  `json:"target"`
	ScheduleExpression string `json:"scheduleExpression"`
}

// TargetTrackingPolicy scales the provisioned instances between
// MinCapacity and MaxCapacity to keep MetricType near MetricTarget.
type TargetTrackingPolicy struct {
	Name         string  `json:"name"`
	StartTime    string  `json:"startTime,omitempty"`
	EndTime      string  `json:"endTime,omitempty"`
	MetricType   string  `json:"metricType"`
	MetricTarget float64 `json:"metricTarget"`
	MinCapacity  int64   `json:"minCapacity"`
	MaxCapacity  int64   `json:"maxCapacity"`
}

// LooseInt64 is an integer that answers carry as a JSON number or as a
// string holding one: the documented PutProvisionConfig example renders
// current as "1" (reference 3.7). It is sent as a number.
type LooseInt64 int64

// UnmarshalJSON accepts 1, "1" and null (which leaves the value alone).
func (n *LooseInt64) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return nil
	}
	s := string(b)
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		s = strings.TrimSpace(s)
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("fc: %s is not an integer", b)
	}
	*n = LooseInt64(v)
	return nil
}

// Int64 returns the value of a possibly nil *LooseInt64 (nil is 0).
func (n *LooseInt64) Int64() int64 {
	if n == nil {
		return 0
	}
	return int64(*n)
}

// ProvisionConfigListOptions selects the provision configs
// ListProvisionConfigs returns: all of the account's, or those of one
// service, optionally at one qualifier. Limit is the page size (0 = the
// service default).
type ProvisionConfigListOptions struct {
	ServiceName string
	Qualifier   string
	Limit       int
}

// PutProvisionConfig sets the provisioned capacity of a function at a
// qualifier (an alias or LATEST; reference 9.2) and returns the config as
// FC stored it. FC has no delete: a target of 0 releases the instances.
//
// The PUT is create-or-update: the config is keyed by service, qualifier
// and function, not created under a name the answer would confirm, so it
// does not go through a create-by-name check; and sending the same body
// again has the effect of sending it once, so a PUT whose answer was lost
// is safe to resend (the transport does, request.go).
func (c *Client) PutProvisionConfig(ctx context.Context, service, qualifier, function string, in *ProvisionConfig) (*ProvisionConfig, error) {
	out, _, err := doObject[ProvisionConfig](ctx, c, &request{operation: "PutProvisionConfig", method: http.MethodPut, idempotent: true,
		path: escape("services", service, "functions", function, "provision-config"), query: withQualifier(nil, qualifier), body: in})
	return out, err
}

// GetProvisionConfig reads the provisioned capacity of a function at a
// qualifier, Current (and CurrentError) included.
func (c *Client) GetProvisionConfig(ctx context.Context, service, qualifier, function string) (*ProvisionConfig, error) {
	out, _, err := doObject[ProvisionConfig](ctx, c, &request{operation: "GetProvisionConfig", method: http.MethodGet, idempotent: true,
		path: escape("services", service, "functions", function, "provision-config"), query: withQualifier(nil, qualifier)})
	return out, err
}

// ListProvisionConfigs lists the provision configs matching opts,
// following nextToken.
func (c *Client) ListProvisionConfigs(ctx context.Context, opts ProvisionConfigListOptions) ([]ProvisionConfig, error) {
	return collect(c.ProvisionConfigs(ctx, opts))
}

// ParseProvisionResource splits a provision config's resource,
// "<accountId>#<service>#<qualifier>#<function>", into its parts.
func ParseProvisionResource(resource string) (accountID, service, qualifier, function string, ok bool) {
	parts := strings.Split(resource, "#")
	if len(parts) != 4 || parts[1] == "" || parts[2] == "" || parts[3] == "" {
		return "", "", "", "", false
	}
	return parts[0], parts[1], parts[2], parts[3], true
}
