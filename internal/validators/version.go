package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// QualifierLatest is the qualifier of a service's current, unpublished
// configuration.
const QualifierLatest = "LATEST"

// versionIDPattern is a version ID as FC issues them: 1, 2, 3... per
// service, written without leading zeros. FC reads "01" as version 1 and
// answers "1", which Terraform would report as an inconsistent result.
var versionIDPattern = regexp.MustCompile(`^[1-9][0-9]*$`)

// IsVersionID reports whether s is a version ID as FC writes it: a positive
// whole number without leading zeros.
func IsVersionID(s string) bool {
	return versionIDPattern.MatchString(s)
}

// VersionIDRule says what a version ID is, for messages: "the number FC
// gave the version, e.g. ...".
const VersionIDRule = `a version ID is the number FC gave the version, written without leading zeros, e.g. "1" or "12"`

var (
	_ validator.String = versionIDValidator{}
	_ validator.String = qualifierValidator{}
)

type versionIDValidator struct{}

// VersionID returns a validator for a version ID: a positive whole number
// without leading zeros.
func VersionID() validator.String {
	return versionIDValidator{}
}

func (versionIDValidator) Description(_ context.Context) string {
	return "must be a version ID: " + VersionIDRule
}

func (v versionIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (versionIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if IsVersionID(got) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid version ID",
		fmt.Sprintf("%s: %q is not a version ID: %s.", req.Path, got, VersionIDRule))
}

type qualifierValidator struct{}

// Qualifier returns a validator for the qualifier of an object that invokes
// a function (a trigger): `LATEST`, a version ID (without leading zeros) or
// an alias name.
func Qualifier() validator.String {
	return qualifierValidator{}
}

func (qualifierValidator) Description(_ context.Context) string {
	return `must be "LATEST", a version ID (e.g. "3", without leading zeros) or an alias name (1 to 128 letters, digits, "_" and "-", starting with a letter or "_")`
}

func (v qualifierValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v qualifierValidator) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	var reason string
	switch {
	case got == QualifierLatest, IsVersionID(got):
		return
	case got == "":
		reason = "it is empty; leave qualifier out (or null) for the latest code"
	case isDigits(got) && trimLeadingZeros(got) == "0":
		reason = "FC numbers versions from 1"
	case isDigits(got):
		reason = fmt.Sprintf("a version ID is written without leading zeros (write %q)", trimLeadingZeros(got))
	case !namePattern.MatchString(got):
		reason = "it is neither a version ID nor an alias name, which contains only letters, digits, `_` and `-` and starts with a letter or `_`"
	case len(got) > 128:
		reason = fmt.Sprintf("an alias name is at most 128 characters long, got %d", len(got))
	default:
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid qualifier",
		fmt.Sprintf("%s: %q is not a valid qualifier: %s. The qualifier %s.", req.Path, got, reason, v.Description(ctx)))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func trimLeadingZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}
