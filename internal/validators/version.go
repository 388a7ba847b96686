package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
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

// VersionID returns a validator for a version ID: a positive whole number
// without leading zeros.
func VersionID() validator.String {
	desc := description{plain: "must be a version ID: " + VersionIDRule}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if IsVersionID(got) {
			return
		}
		diags.AddAttributeError(req.Path, "Invalid version ID",
			fmt.Sprintf("%s: %q is not a version ID: %s.", req.Path, got, VersionIDRule))
	}}
}

// Qualifier returns a validator for the qualifier of an object that invokes
// a function (a trigger): `LATEST`, a version ID (without leading zeros) or
// an alias name.
func Qualifier() validator.String {
	return qualifierRule(`must be "LATEST", a version ID (e.g. "3", without leading zeros) or an alias name (1 to 128 letters, digits, "_" and "-", starting with a letter or "_")`,
		func(got string) string {
			switch {
			case got == QualifierLatest, IsVersionID(got):
				return ""
			case got == "":
				return "it is empty; leave qualifier out (or null) for the latest code"
			case isDigits(got) && trimLeadingZeros(got) == "0":
				return "FC numbers versions from 1"
			case isDigits(got):
				return fmt.Sprintf("a version ID is written without leading zeros (write %q)", trimLeadingZeros(got))
			}
			return aliasNameProblem(got, "it is neither a version ID nor an alias name, which contains only letters, digits, `_` and `-` and starts with a letter or `_`")
		})
}

// qualifierRule returns a validator for a qualifier described by plain:
// problem says why got is not one, or "" when it is.
func qualifierRule(plain string, problem func(got string) string) validator.String {
	return stringValidator{description{plain: plain}, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if reason := problem(got); reason != "" {
			diags.AddAttributeError(req.Path, "Invalid qualifier",
				fmt.Sprintf("%s: %q is not a valid qualifier: %s. The qualifier %s.", req.Path, got, reason, plain))
		}
	}}
}

// aliasNameProblem says why got is not an alias name (notName when it has
// other characters or starts with one), or "" when it is one.
func aliasNameProblem(got, notName string) string {
	switch {
	case !namePattern.MatchString(got):
		return notName
	case len(got) > 128:
		return fmt.Sprintf("an alias name is at most 128 characters long, got %d", len(got))
	}
	return ""
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
