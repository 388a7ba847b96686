package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	_ validator.String = aliasOrLatestValidator{}
	_ validator.String = utcTimestampValidator{}
	_ validator.String = destinationARNValidator{}
)

type aliasOrLatestValidator struct{}

// AliasOrLatest returns a validator for the qualifier of a provision
// config: an alias name or LATEST, never a version number (fc-api.md 9.2:
// provisioned capacity is bound to aliases or LATEST, "other versions not
// supported").
func AliasOrLatest() validator.String {
	return aliasOrLatestValidator{}
}

func (aliasOrLatestValidator) Description(_ context.Context) string {
	return `must be an alias name (1 to 128 letters, digits, "_" and "-", starting with a letter or "_") or "LATEST", not a version number`
}

func (v aliasOrLatestValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v aliasOrLatestValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	var reason string
	switch {
	case got == QualifierLatest:
		return
	case got == "":
		reason = "it is empty"
	case isDigits(got):
		reason = "it is a version number: provisioned instances belong to an alias (point the alias at the version) or to LATEST"
	case !namePattern.MatchString(got):
		reason = "an alias name contains only letters, digits, `_` and `-` and starts with a letter or `_`"
	case len(got) > 128:
		reason = fmt.Sprintf("an alias name is at most 128 characters long, got %d", len(got))
	default:
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid qualifier",
		fmt.Sprintf("%s: %q is not a valid qualifier: %s. The qualifier %s.", req.Path, got, reason, v.Description(ctx)))
}

// utcTimestampLayout is the time format of provision schedules and policies
// (fc-api.md 8.6): ISO 8601 in UTC.
const utcTimestampLayout = "2006-01-02T15:04:05Z"

var utcTimestampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

type utcTimestampValidator struct{}

// UTCTimestamp returns a validator for a time written YYYY-MM-DDThh:mm:ssZ
// (UTC, no fraction), e.g. 2024-06-01T08:00:00Z.
func UTCTimestamp() validator.String {
	return utcTimestampValidator{}
}

func (utcTimestampValidator) Description(_ context.Context) string {
	return "must be a UTC time written YYYY-MM-DDThh:mm:ssZ, e.g. 2024-06-01T08:00:00Z"
}

func (v utcTimestampValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v utcTimestampValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if _, err := ParseUTCTimestamp(got); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid time",
			fmt.Sprintf("%s: %q is not a valid time: %s. The time %s.", req.Path, got, err, v.Description(ctx)))
	}
}

// ParseUTCTimestamp parses a time written YYYY-MM-DDThh:mm:ssZ.
func ParseUTCTimestamp(s string) (time.Time, error) {
	if !utcTimestampRE.MatchString(s) {
		return time.Time{}, fmt.Errorf("it is not written YYYY-MM-DDThh:mm:ssZ")
	}
	t, err := time.Parse(utcTimestampLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("it is not a calendar time")
	}
	return t, nil
}

// Destination kinds of asynchronous invocation results. MNS queues and FC
// functions are the kinds fc-api.md 4.8 documents with their ARN format;
// FC's user guide also lists MNS topics, EventBridge and ApsaraMQ for
// RocketMQ, whose resource part is checked only for being present.
const (
	DestinationMNSQueue    = "acs:mns:<region>:<account>:/queues/<queue>/messages"
	DestinationMNSTopic    = "acs:mns:<region>:<account>:/topics/<topic>/messages"
	DestinationFunction    = "acs:fc:<region>:<account>:services/<service>[.<qualifier>]/functions/<function>"
	DestinationEventBridge = "acs:eventbridge:<region>:<account>:<resource>"
	DestinationRocketMQ    = "acs:mq:<region>:<account>:<resource>"
)

// DestinationKinds lists the destination ARN forms, for descriptions.
var DestinationKinds = []string{DestinationMNSQueue, DestinationMNSTopic, DestinationFunction, DestinationEventBridge, DestinationRocketMQ}

var destinationARNRE = regexp.MustCompile(`^acs:(?:` +
	`mns:[a-z0-9-]+:[0-9]+:/(?:queues|topics)/[A-Za-z0-9_-]+/messages` +
	`|fc:[a-z0-9-]+:[0-9]+:services/[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)?/functions/[A-Za-z_][A-Za-z0-9_-]*` +
	`|eventbridge:[a-z0-9-]+:[0-9]+:\S+` +
	`|mq:[a-z0-9-]+:[0-9]+:\S+` +
	`)$`)

type destinationARNValidator struct{}

// DestinationARN returns a validator for the ARN of an asynchronous
// invocation destination (DestinationKinds).
func DestinationARN() validator.String {
	return destinationARNValidator{}
}

func (destinationARNValidator) Description(_ context.Context) string {
	return "must be the ARN of an MNS queue or topic, an FC function, an EventBridge resource or an ApsaraMQ for RocketMQ resource"
}

func (destinationARNValidator) MarkdownDescription(_ context.Context) string {
	return "must be the ARN of a destination: " + MarkdownEnum(DestinationKinds)
}

func (v destinationARNValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if destinationARNRE.MatchString(got) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid destination ARN",
		fmt.Sprintf("%s: %q is not a destination ARN. Use one of: %s (region in lower case, account ID in digits).",
			req.Path, got, strings.Join(DestinationKinds, "; ")))
}
