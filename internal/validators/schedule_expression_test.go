package validators

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestScheduleExpression(t *testing.T) {
	t.Parallel()
	p := path.Root("scheduled_actions").AtListIndex(0).AtName("schedule_expression")
	invalid := func(value, reason string) stringCase {
		return stringCase{value: types.StringValue(value), want: &wantDiag{
			summary: "Invalid schedule expression",
			detail:  []string{`scheduled_actions[0].schedule_expression: "` + value + `" is not a schedule expression`, reason, "cron(0 30 8 * * *)"},
		}}
	}
	runStringCases(t, ScheduleExpression(), p, map[string]stringCase{
		"documented cron":   {value: types.StringValue("cron(0 30 8 * * *)")},
		"ranges and steps":  {value: types.StringValue("cron(0 */15 8-18 ? * MON-FRI)")},
		"last day":          {value: types.StringValue("cron(0 0 0 L * ?)")},
		"nth weekday":       {value: types.StringValue("cron(0 0 9 ? * 2#1)")},
		"month names":       {value: types.StringValue("cron(0 0 9 1 jan,Jul *)")},
		"at":                {value: types.StringValue("at(2024-06-01T08:00:00)")},
		"at with Z":         {value: types.StringValue("at(2024-06-01T08:00:00Z)")},
		"null":              {value: types.StringNull()},
		"unknown":           {value: types.StringUnknown()},
		"bare fields":       invalid("0 30 8 * * *", `neither "cron(" nor "at("`),
		"every":             invalid("@every 5m", `neither "cron(" nor "at("`),
		"five fields":       invalid("cron(30 8 * * *)", "takes 6 fields"),
		"seven fields":      invalid("cron(0 30 8 * * * 2024)", "got 7"),
		"no parenthesis":    invalid("cron(0 30 8 * * *", "no closing parenthesis"),
		"letter in hours":   invalid("cron(0 30 H * * *)", `the hours field "H" may not hold "H"`),
		"W in day-of-week":  invalid("cron(0 0 0 ? * W)", "day-of-week"),
		"bad month name":    invalid("cron(0 0 0 1 JANUARY *)", `may not hold "JANUARY"`),
		"at without time":   invalid("at(2024-06-01)", "YYYY-MM-DDThh:mm:ss"),
		"at, not a day":     invalid("at(2024-02-30T08:00:00)", "is not a valid time"),
		"at with an offset": invalid("at(2024-06-01T08:00:00+08:00)", "YYYY-MM-DDThh:mm:ss"),
		"empty":             invalid("", `neither "cron(" nor "at("`),
	})
}
