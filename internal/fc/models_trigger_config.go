package fc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Wire shapes of Trigger.TriggerConfig, one per trigger type with a
// documented configuration (fc-api.md sections 4.3 and 9.1). They are what
// the provider sends: no field is omitted unless its comment says so,
// because an update replaces the configuration as a whole. EventBridge, MQ
// and RDS configurations travel as raw JSON objects.

// HTTPTriggerConfig is the configuration of an http trigger.
type HTTPTriggerConfig struct {
	AuthType string `json:"authType"`
	// AuthConfig is a string holding a JWTAuthConfig, for authType jwt
	// only.
	AuthConfig         string   `json:"authConfig,omitempty"`
	Methods            []string `json:"methods"`
	DisableURLInternet bool     `json:"disableURLInternet"`
}

// JWTAuthConfig is the JWT authentication of an http trigger, held as a
// JSON string by HTTPTriggerConfig.AuthConfig: JWKS is a string holding
// the JSON Web Key Set; BlackList is one string on the wire.
type JWTAuthConfig struct {
	BlackList   JWTBlackList `json:"blackList,omitempty"`
	ClaimPassBy []string     `json:"claimPassBy,omitempty"`
	JWKS        string       `json:"jwks"`
	TokenLookup []string     `json:"tokenLookup,omitempty"`
	WhiteList   []string     `json:"whiteList,omitempty"`
}

// JWTBlackListSeparator joins JWTAuthConfig.BlackList on the wire: the
// 2021-04-06 API models blackList as one string (fc-api.md 9.1), unlike
// whiteList, a list.
const JWTBlackListSeparator = ","

// JWTBlackList is blackList: paths, sent joined with JWTBlackListSeparator
// into one string, as the 2021-04-06 SDK models it. On decode a JSON array
// of strings is accepted too; blanks around the paths are dropped.
type JWTBlackList []string

// MarshalJSON encodes the paths as one string.
func (b JWTBlackList) MarshalJSON() ([]byte, error) {
	return json.Marshal(strings.Join(b, JWTBlackListSeparator))
}

// UnmarshalJSON accepts a separated string, a list of strings or null.
func (b *JWTBlackList) UnmarshalJSON(raw []byte) error {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		*b = nil
		return nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		*b = list
		return nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return fmt.Errorf("blackList must be a string or a list of strings: %w", err)
	}
	*b = nil
	for p := range strings.SplitSeq(s, JWTBlackListSeparator) {
		if p = strings.TrimSpace(p); p != "" {
			*b = append(*b, p)
		}
	}
	return nil
}

// TimerTriggerConfig is the configuration of a timer trigger.
type TimerTriggerConfig struct {
	CronExpression string `json:"cronExpression"`
	// Enable is a pointer for decoding: an absent value is FC's default,
	// true.
	Enable  *bool  `json:"enable"`
	Payload string `json:"payload"`
}

// OSSTriggerConfig is the configuration of an oss trigger.
type OSSTriggerConfig struct {
	Events []string         `json:"events"`
	Filter OSSTriggerFilter `json:"filter"`
}

// OSSTriggerFilter selects the objects whose events invoke the function.
type OSSTriggerFilter struct {
	Key OSSTriggerKey `json:"key"`
}

// OSSTriggerKey filters objects by the prefix and suffix of their key.
type OSSTriggerKey struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// LogTriggerConfig is the configuration of a log (Simple Log Service)
// trigger.
type LogTriggerConfig struct {
	SourceConfig      LogTriggerSourceConfig `json:"sourceConfig"`
	JobConfig         LogTriggerJobConfig    `json:"jobConfig"`
	LogConfig         LogTriggerLogConfig    `json:"logConfig"`
	FunctionParameter map[string]string      `json:"functionParameter"`
	// Enable is a pointer for decoding (absent means true).
	Enable *bool `json:"enable"`
}

// LogTriggerSourceConfig names the Logstore whose data invokes the
// function.
type LogTriggerSourceConfig struct {
	Logstore string `json:"logstore"`
}

// LogTriggerJobConfig holds the job settings; nil leaves FC's default.
type LogTriggerJobConfig struct {
	MaxRetryTime    *int64 `json:"maxRetryTime,omitempty"`
	TriggerInterval *int64 `json:"triggerInterval,omitempty"`
}

// LogTriggerLogConfig is where the trigger writes its own execution logs.
type LogTriggerLogConfig struct {
	Project  string `json:"project"`
	Logstore string `json:"logstore"`
}

// MNSTopicTriggerConfig is the configuration of an mns_topic trigger.
type MNSTopicTriggerConfig struct {
	FilterTag           string `json:"filterTag"`
	NotifyContentFormat string `json:"notifyContentFormat"`
	NotifyStrategy      string `json:"notifyStrategy"`
}

// CDNEventsTriggerConfig is the configuration of a cdn_events trigger.
type CDNEventsTriggerConfig struct {
	EventName    string              `json:"eventName"`
	EventVersion string              `json:"eventVersion"`
	Notes        string              `json:"notes"`
	Filter       map[string][]string `json:"filter"`
}

// TablestoreTriggerConfig is the configuration of a tablestore trigger.
type TablestoreTriggerConfig struct {
	InstanceName string `json:"instanceName"`
	TableName    string `json:"tableName"`
}
