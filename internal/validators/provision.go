package validators

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// AliasOrLatest returns a validator for the qualifier of a provision
// config: an alias name or LATEST, never a version number (fc-api.md 9.2:
// provisioned capacity is bound to aliases or LATEST, "other versions not
// supported").
func AliasOrLatest() validator.String {
	return qualifierRule(`must be an alias name (1 to 128 letters, digits, "_" and "-", starting with a letter or "_") or "LATEST", not a version number`,
		func(got string) string {
			switch {
			case got == QualifierLatest:
				return ""
			case got == "":
				return "it is empty"
			case isDigits(got):
				return "it is a version number: provisioned instances belong to an alias (point the alias at the version) or to LATEST"
			}
			return aliasNameProblem(got, "an alias name contains only letters, digits, `_` and `-` and starts with a letter or `_`")
		})
}

// utcTimestampLayout is the time format of provision schedules and policies
// (fc-api.md 8.6): ISO 8601 in UTC.
const utcTimestampLayout = "2006-01-02T15:04:05Z"

var utcTimestampRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// UTCTimestamp returns a validator for a time written YYYY-MM-DDThh:mm:ssZ
// (UTC, no fraction), e.g. 2024-06-01T08:00:00Z.
func UTCTimestamp() validator.String {
	desc := description{plain: "must be a UTC time written YYYY-MM-DDThh:mm:ssZ, e.g. 2024-06-01T08:00:00Z"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if _, err := ParseUTCTimestamp(got); err != nil {
			diags.AddAttributeError(req.Path, "Invalid time",
				fmt.Sprintf("%s: %q is not a valid time: %s. The time %s.", req.Path, got, err, desc.plain))
		}
	}}
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

// DestinationARN returns a validator for the ARN of an asynchronous
// invocation destination (DestinationKinds).
func DestinationARN() validator.String {
	desc := description{
		plain:    "must be the ARN of an MNS queue or topic, an FC function, an EventBridge resource or an ApsaraMQ for RocketMQ resource",
		markdown: "must be the ARN of a destination: " + MarkdownEnum(DestinationKinds),
	}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if destinationARNRE.MatchString(got) {
			return
		}
		diags.AddAttributeError(req.Path, "Invalid destination ARN",
			fmt.Sprintf("%s: %q is not a destination ARN. Use one of: %s (region in lower case, account ID in digits).",
				req.Path, got, strings.Join(DestinationKinds, "; ")))
	}}
}
