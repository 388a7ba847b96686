package validators

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The fuzz targets run their seeds (f.Add and testdata/fuzz/FuzzXxx) as
// ordinary tests; `make fuzz` runs each one for a while.

// cronFieldSpec is what the documentation says a cron field holds.
type cronFieldSpec struct {
	min, max int
	names    []string // names of min, min+1, ...
	question bool
}

var documentedCronFields = [6]cronFieldSpec{
	{min: 0, max: 59},
	{min: 0, max: 59},
	{min: 0, max: 23},
	{min: 1, max: 31, question: true},
	{min: 1, max: 12, names: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{min: 0, max: 7, names: []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}, question: true},
}

// documentedCronField builds a field in one of the documented forms (a
// number, `*`, a range, a step, a list, `?`, a name) from three bytes.
func documentedCronField(f cronFieldSpec, sel, a, b byte) string {
	span := f.max - f.min + 1
	x, y := f.min+int(a)%span, f.min+int(b)%span
	if y < x {
		x, y = y, x
	}
	switch sel % 7 {
	case 0:
		return strconv.Itoa(x)
	case 1:
		return "*"
	case 2:
		return fmt.Sprintf("%d-%d", x, y)
	case 3:
		return fmt.Sprintf("*/%d", int(b)%span+1)
	case 4:
		return fmt.Sprintf("%d,%d", x, y)
	case 5:
		if f.question {
			return "?"
		}
		return fmt.Sprintf("%d-%d/%d", x, y, int(a)%10+1)
	default:
		if len(f.names) > 0 {
			name := f.names[int(a)%len(f.names)]
			if b%2 == 1 {
				name = strings.ToLower(name)
			}
			return name
		}
		return strconv.Itoa(y)
	}
}

// FuzzCronExpression checks CheckCron and the CronExpression validator:
//   - on any string: no panic; an error is a clear message (not empty,
//     valid UTF-8, one line, a phrase the validator can end with a period),
//     and the validator reports exactly when CheckCron does, at its path;
//   - every schedule of the documented forms (`@every Nm`, `@every Nh`, six
//     fields of numbers, `*`, ranges, steps, lists, `?` and names, bare or
//     in `cron(...)`) is accepted.
func FuzzCronExpression(f *testing.F) {
	f.Add("cron(0 0 4 * * *)", uint16(5), false, true, []byte{0, 0, 0, 1, 1, 1})
	f.Add("@every 5m", uint16(0), true, false, []byte("\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13"))
	f.Add("@every 99999999999999999999m", uint16(65535), false, true, []byte(nil))
	f.Add("cron(0 0 0 L * 6#9)", uint16(1), true, true, []byte{6, 200, 100, 6, 1, 2, 6, 0, 0, 5, 3, 3, 6, 11, 11, 5, 0, 0})
	f.Add("cron(0 0 0 1,,2 * *", uint16(7), false, false, []byte{3, 3, 3, 3, 3, 3})
	f.Add("\xff\x00 \n*", uint16(2), true, true, []byte{255, 255, 255})
	f.Fuzz(func(t *testing.T, s string, every uint16, hours, wrap bool, sel []byte) {
		p := path.Root("timer_config").AtName("cron_expression")
		err := CheckCron(s)
		if err != nil {
			msg := err.Error()
			if strings.TrimSpace(msg) == "" || !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r") || strings.HasSuffix(msg, ".") {
				t.Fatalf("CheckCron(%q): unclear message %q", s, msg)
			}
		}
		var resp validator.StringResponse
		CronExpression().ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: types.StringValue(s)}, &resp)
		if got := resp.Diagnostics.HasError(); got != (err != nil) || (err != nil && len(resp.Diagnostics) != 1) {
			t.Fatalf("CheckCron(%q) = %v, but the validator said %v", s, err, resp.Diagnostics)
		}

		unit := "m"
		if hours {
			unit = "h"
		}
		interval := fmt.Sprintf("@every %d%s", int(every)+1, unit)
		if err := CheckCron(interval); err != nil {
			t.Fatalf("CheckCron(%q) = %v, want valid", interval, err)
		}
		sel = append(sel, make([]byte, 18)...)
		fields := make([]string, len(documentedCronFields))
		for i, spec := range documentedCronFields {
			fields[i] = documentedCronField(spec, sel[3*i], sel[3*i+1], sel[3*i+2])
		}
		expr := strings.Join(fields, " ")
		if wrap {
			expr = "cron(" + expr + ")"
		}
		if err := CheckCron(expr); err != nil {
			t.Fatalf("CheckCron(%q) = %v, want valid", expr, err)
		}
	})
}
