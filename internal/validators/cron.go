package validators

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// cronHelp ends every message: the forms a schedule may take.
const cronHelp = "Use `@every Nm` or `@every Nh` (N at least 1), or `cron(S M H DoM Mon DoW)` with six fields, e.g. `cron(0 0 4 * * *)`"

// CronExpression returns a validator for a schedule as FC's timer triggers
// take it: `@every Nm` or `@every Nh` (N at least 1), or six cron fields
// (seconds, minutes, hours, day of month, month, day of week), bare or as
// `cron(...)`. CheckCron is the same check on a plain string.
func CronExpression() validator.String {
	desc := description{plain: "must be `@every Nm`, `@every Nh` or `cron(S M H DoM Mon DoW)`"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if err := CheckCron(got); err != nil {
			diags.AddAttributeError(req.Path, "Invalid cron expression",
				fmt.Sprintf("%s: %q is not a valid timer schedule: %s. %s.", req.Path, got, err, cronHelp))
		}
	}}
}

// CheckCron returns nil when s is a schedule CronExpression accepts, or an
// error saying what is wrong with it (a phrase, without the value itself
// unless a field of it is quoted).
func CheckCron(s string) error {
	if reason := checkCronExpression(s); reason != "" {
		return errors.New(reason)
	}
	return nil
}

var cronEveryPattern = regexp.MustCompile(`^@every ([0-9]+)([mh])$`)

// cronField describes one field of a cron expression.
type cronField struct {
	name     string
	min, max int
	names    []string // names of min, min+1, ... (months, weekdays)
	question bool     // "?" allowed
	// special matches the Quartz forms of the field that are not numbers,
	// ranges or steps (L, W, #); nil when there are none.
	special *regexp.Regexp
}

var cronFields = []cronField{
	{name: "seconds", min: 0, max: 59},
	{name: "minutes", min: 0, max: 59},
	{name: "hours", min: 0, max: 23},
	{name: "day of month", min: 1, max: 31, question: true,
		special: regexp.MustCompile(`^(L|LW|L-[0-9]{1,2}|([1-9]|[12][0-9]|3[01])W)$`)},
	{name: "month", min: 1, max: 12, names: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{name: "day of week", min: 0, max: 7, names: []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}, question: true,
		special: regexp.MustCompile(`(?i)^(L|([0-7]|SUN|MON|TUE|WED|THU|FRI|SAT)(L|#[1-5]))$`)},
}

// checkCronExpression returns why s is not a valid schedule, or "".
func checkCronExpression(s string) string {
	if strings.HasPrefix(s, "@every") {
		m := cronEveryPattern.FindStringSubmatch(s)
		if m == nil {
			return "an interval must be `@every` followed by one space and a whole number of minutes (`m`) or hours (`h`)"
		}
		if n, err := strconv.Atoi(m[1]); err != nil || n < 1 {
			return "the interval must be at least 1"
		}
		return ""
	}
	if strings.HasPrefix(s, "@") {
		return "the only `@` form is `@every`"
	}
	body := s
	if strings.HasPrefix(s, "cron(") {
		if !strings.HasSuffix(s, ")") {
			return "`cron(` has no closing `)`"
		}
		body = s[len("cron(") : len(s)-1]
	}
	fields := strings.Fields(body)
	if len(fields) != len(cronFields) {
		return fmt.Sprintf("a cron expression needs 6 fields (seconds, minutes, hours, day of month, month, day of week), got %d", len(fields))
	}
	for i, f := range fields {
		if reason := cronFields[i].check(f); reason != "" {
			return fmt.Sprintf("field %d (%s) %q: %s", i+1, cronFields[i].name, f, reason)
		}
	}
	return ""
}

// check validates one field: a comma-separated list of `*`, `?`, `a`,
// `a-b`, each optionally followed by `/step`, or a special form.
func (f cronField) check(s string) string {
	for item := range strings.SplitSeq(s, ",") {
		if f.special != nil && f.special.MatchString(item) {
			continue
		}
		base, step, hasStep := strings.Cut(item, "/")
		if hasStep {
			n, err := strconv.Atoi(step)
			if err != nil || n < 1 {
				return fmt.Sprintf("the step %q must be a whole number of at least 1", step)
			}
		}
		switch base {
		case "*":
		case "?":
			if !f.question {
				return "`?` is only allowed in the day-of-month and day-of-week fields"
			}
			if hasStep {
				return "`?` takes no step"
			}
		default:
			lo, hi, isRange := strings.Cut(base, "-")
			a, reason := f.value(lo)
			if reason != "" {
				return reason
			}
			if isRange {
				b, reason := f.value(hi)
				if reason != "" {
					return reason
				}
				if b < a {
					return fmt.Sprintf("the range %q runs backwards", base)
				}
			}
		}
	}
	return ""
}

func (f cronField) value(s string) (int, string) {
	if n, err := strconv.Atoi(s); err == nil {
		if n < f.min || n > f.max {
			return 0, fmt.Sprintf("%d is outside %d-%d", n, f.min, f.max)
		}
		return n, ""
	}
	if i := slices.Index(f.names, strings.ToUpper(s)); i >= 0 {
		return f.min + i, ""
	}
	if len(f.names) > 0 {
		return 0, fmt.Sprintf("%q is not a number from %d to %d or one of %s", s, f.min, f.max, strings.Join(f.names, ", "))
	}
	return 0, fmt.Sprintf("%q is not a number from %d to %d", s, f.min, f.max)
}
