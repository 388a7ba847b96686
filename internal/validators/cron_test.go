package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckCron(t *testing.T) {
	t.Parallel()
	valid := []string{
		"@every 1m", "@every 5m", "@every 90m", "@every 1h", "@every 24h",
		"cron(0 0 4 * * *)", "cron(0 */5 * * * *)", "cron(0 0,30 8-18 ? * MON-FRI)",
		"cron(30 15 10 1 JAN,jul ?)", "cron(0 0 0 L * ?)", "cron(0 0 0 15W * ?)", "cron(0 0 12 ? * 6#3)", "cron(0 0 12 ? * 5L)",
		"cron(59 59 23 31 12 7)", "cron(0 0 4  *  * *)", "0 0 4 * * *",
	}
	for _, s := range valid {
		if err := CheckCron(s); err != nil {
			t.Errorf("CheckCron(%q) = %q, want valid", s, err)
		}
	}
	invalid := map[string]string{
		"":                     "needs 6 fields",
		"@every 30s":           "whole number of minutes",
		"@every 0m":            "at least 1",
		"@every 5":             "whole number",
		"@every  5m":           "one space",
		"@every 1h30m":         "whole number",
		"@daily":               "the only `@` form is `@every`",
		"cron(0 0 4 * *)":      "needs 6 fields",
		"cron(0 0 4 * * * *)":  "needs 6 fields",
		"cron(0 0 4 * * *":     "no closing",
		"cron(60 0 4 * * *)":   `field 1 (seconds) "60": 60 is outside 0-59`,
		"cron(0 0 24 * * *)":   `field 3 (hours) "24"`,
		"cron(0 0 0 0 * *)":    `field 4 (day of month) "0": 0 is outside 1-31`,
		"cron(0 0 0 * 13 *)":   `field 5 (month) "13"`,
		"cron(0 0 0 * FOO *)":  `"FOO" is not a number from 1 to 12 or one of JAN`,
		"cron(0 0 0 * * 8)":    `field 6 (day of week) "8"`,
		"cron(? 0 0 * * *)":    "only allowed in the day-of-month and day-of-week",
		"cron(0 */0 * * * *)":  `the step "0"`,
		"cron(0 10-5 * * * *)": "runs backwards",
		"cron(0 0 0 * * ?/2)":  "takes no step",
		"cron(0 0 0 L * 6#9)":  `field 6 (day of week) "6#9"`,
		"cron(0 0 12 1 * x)":   `"x" is not a number`,
		"cron(0 0 0 1,,2 * *)": `"" is not a number`,
		"cron(0 0 0 32W * *)":  `field 4 (day of month) "32W"`,
	}
	for s, want := range invalid {
		err := CheckCron(s)
		if err == nil {
			t.Errorf("CheckCron(%q) accepted an invalid schedule", s)
			continue
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("CheckCron(%q) = %q, want it to contain %q", s, err, want)
		}
	}
}

func TestCronExpression(t *testing.T) {
	t.Parallel()
	invalid := func(value string, detail ...string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid cron expression",
			detail:  append([]string{"timer_config.cron_expression: ", "is not a valid timer schedule", "Use `@every Nm`"}, detail...),
		}}
	}
	runStringCases(t, CronExpression(), path.Root("timer_config").AtName("cron_expression"), map[string]stringCase{
		"null":     {value: types.StringNull()},
		"unknown":  {value: types.StringUnknown()},
		"interval": {value: types.StringValue("@every 5m")},
		"cron":     {value: types.StringValue("cron(0 0 4 * * *)")},
		"seconds":  invalid("@every 30s", `"@every 30s"`, "whole number of minutes"),
		"range":    invalid("cron(0 0 24 * * *)", `field 3 (hours) "24": 24 is outside 0-23`),
	})
}
