package fc

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Trigger is a function's trigger.
type Trigger struct {
	TriggerName    *string `json:"triggerName,omitempty"`
	TriggerID      *string `json:"triggerId,omitempty"`
	TriggerType    *string `json:"triggerType,omitempty"`
	SourceArn      *string `json:"sourceArn,omitempty"`
	InvocationRole *string `json:"invocationRole,omitempty"`
	// Qualifier is the version or alias the trigger invokes; "" or LATEST
	// means the latest code.
	Qualifier     *string       `json:"qualifier,omitempty"`
	Description   *string       `json:"description,omitempty"`
	TriggerConfig TriggerConfig `json:"triggerConfig,omitzero"`
	// URLInternet and URLIntranet are returned for HTTP triggers.
	URLInternet      *string `json:"urlInternet,omitempty"`
	URLIntranet      *string `json:"urlIntranet,omitempty"`
	CreatedTime      *string `json:"createdTime,omitempty"`
	LastModifiedTime *string `json:"lastModifiedTime,omitempty"`
}

// TriggerConfig is a trigger's type-specific configuration, a JSON object.
// The 2021-04-06 API carries it as a string that holds the JSON document
// (that is how it is sent); some answers carry the object itself, and both
// decode to the same value.
type TriggerConfig json.RawMessage

// MarshalJSON encodes the configuration as a JSON string.
func (c TriggerConfig) MarshalJSON() ([]byte, error) {
	if c == nil {
		return []byte("null"), nil
	}
	return json.Marshal(string(c))
}

// UnmarshalJSON accepts a string holding JSON, an object, or null.
func (c *TriggerConfig) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*c = nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if s == "" {
			*c = nil
			return nil
		}
		if !json.Valid([]byte(s)) {
			return errors.New("fc: triggerConfig is a string that does not hold JSON")
		}
		*c = TriggerConfig(s)
	default:
		*c = TriggerConfig(append([]byte(nil), b...))
	}
	return nil
}

// Version is a published, immutable snapshot of a service.
type Version struct {
	VersionID        *string `json:"versionId,omitempty"`
	Description      *string `json:"description,omitempty"`
	CreatedTime      *string `json:"createdTime,omitempty"`
	LastModifiedTime *string `json:"lastModifiedTime,omitempty"`
}

// Alias names a service version, optionally with canary weights.
type Alias struct {
	AliasName   *string `json:"aliasName,omitempty"`
	VersionID   *string `json:"versionId,omitempty"`
	Description *string `json:"description,omitempty"`
	// AdditionalVersionWeight maps a version ID to its traffic share in
	// [0, 1]. A non-nil empty map clears the weights.
	AdditionalVersionWeight map[string]float64 `json:"additionalVersionWeight,omitzero"`
	ServiceName             *string            `json:"serviceName,omitempty"`
	CreatedTime             *string            `json:"createdTime,omitempty"`
	LastModifiedTime        *string            `json:"lastModifiedTime,omitempty"`
}

// VersionListOptions pages ListServiceVersions. Direction is FORWARD
// (ascending) or BACKWARD (descending, the service default).
type VersionListOptions struct {
	StartKey  string
	Limit     int
	Direction string
}
