package validators

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The schedule of a provision config's scheduled action (fc-api.md 3.7 and
// 8.6): "cron(<six fields>)", seconds minutes hours day-of-month month
// day-of-week as in the documented "cron(0 30 8 * * *)", or a one-off
// "at(YYYY-MM-DDThh:mm:ss)". Unlike a timer trigger's cronExpression, the
// bare fields and "@every" are not accepted here.

// ScheduleExpressionRule says what a scheduled action's expression is, for
// descriptions and messages.
const ScheduleExpressionRule = "`cron(<seconds> <minutes> <hours> <day-of-month> <month> <day-of-week>)`, e.g. `cron(0 30 8 * * *)` " +
	"(8:30 every day), or `at(YYYY-MM-DDThh:mm:ss)`, e.g. `at(2024-06-01T08:00:00)` (once)"

// ScheduleExpression returns a validator for a provision config's
// scheduled-action expression: cron(...) with six fields, or at(...).
func ScheduleExpression() validator.String {
	desc := description{
		plain:    "must be " + strings.ReplaceAll(ScheduleExpressionRule, "`", ""),
		markdown: "must be " + ScheduleExpressionRule,
	}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if err := CheckScheduleExpression(got); err != nil {
			diags.AddAttributeError(req.Path, "Invalid schedule expression",
				fmt.Sprintf("%s: %q is not a schedule expression: %s. It %s.", req.Path, got, err, desc.plain))
		}
	}}
}

// scheduleAtRE is the one-off form; FC's examples write the time without a
// zone, and a trailing Z is accepted.
var scheduleAtRE = regexp.MustCompile(`^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z?\)$`)

// scheduleCronField is one of the six fields: the characters it may hold
// and the names its letters may spell.
type scheduleCronField struct {
	name  string
	chars string
	words []string
}

var scheduleCronFields = []scheduleCronField{
	{name: "seconds", chars: "0123456789,-*/"},
	{name: "minutes", chars: "0123456789,-*/"},
	{name: "hours", chars: "0123456789,-*/"},
	{name: "day-of-month", chars: "0123456789,-*/?LW"},
	{name: "month", chars: "0123456789,-*/", words: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{name: "day-of-week", chars: "0123456789,-*/?L#", words: []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}},
}

// CheckScheduleExpression returns why s is not a scheduled action's
// expression, or nil. Each cron field is checked for the characters it may
// hold; values are not range-checked.
func CheckScheduleExpression(s string) error {
	switch {
	case strings.HasPrefix(s, "cron("):
		if !strings.HasSuffix(s, ")") {
			return fmt.Errorf("%q has no closing parenthesis", "cron(")
		}
		fields := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(s, "cron("), ")"))
		if len(fields) != len(scheduleCronFields) {
			return fmt.Errorf("cron(...) takes 6 fields (seconds minutes hours day-of-month month day-of-week), got %d", len(fields))
		}
		for i, f := range fields {
			if err := scheduleCronFields[i].check(f); err != nil {
				return err
			}
		}
		return nil
	case strings.HasPrefix(s, "at("):
		m := scheduleAtRE.FindStringSubmatch(s)
		if m == nil {
			return fmt.Errorf("at(...) takes a time written YYYY-MM-DDThh:mm:ss")
		}
		if _, err := time.Parse("2006-01-02T15:04:05", m[1]); err != nil {
			return fmt.Errorf("%q is not a valid time", m[1])
		}
		return nil
	}
	return fmt.Errorf("it starts with neither %q nor %q", "cron(", "at(")
}

func (cf scheduleCronField) check(f string) error {
	for i := 0; i < len(f); {
		if c := f[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			j := i
			for j < len(f) && (f[j] >= 'a' && f[j] <= 'z' || f[j] >= 'A' && f[j] <= 'Z') {
				j++
			}
			run := strings.ToUpper(f[i:j])
			if !slices.Contains(cf.words, run) && strings.Trim(run, cf.chars) != "" {
				return fmt.Errorf("the %s field %q may not hold %q", cf.name, f, f[i:j])
			}
			i = j
			continue
		}
		if !strings.ContainsRune(cf.chars, rune(f[i])) {
			return fmt.Errorf("the %s field %q may not hold %q", cf.name, f, f[i:i+1])
		}
		i++
	}
	return nil
}
