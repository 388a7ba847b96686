package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// timerTriggerKind is timer_config, the configuration of a timer trigger.
type timerTriggerKind struct{}

const attrTimerConfig = "timer_config"

type timerTriggerConfigModel struct {
	CronExpression types.String `tfsdk:"cron_expression"`
	Enable         types.Bool   `tfsdk:"enable"`
	Payload        types.String `tfsdk:"payload"`
}

var timerTriggerConfigAttrTypes = map[string]attr.Type{
	"cron_expression": types.StringType,
	"enable":          types.BoolType,
	"payload":         types.StringType,
}

func (timerTriggerKind) types() []string   { return []string{validators.TriggerTypeTimer} }
func (timerTriggerKind) attribute() string { return attrTimerConfig }
func (timerTriggerKind) needsSource() bool { return false }
func (timerTriggerKind) null() attr.Value  { return types.ObjectNull(timerTriggerConfigAttrTypes) }

func (timerTriggerKind) get(m *triggerResourceModel) attr.Value { return m.TimerConfig }
func (timerTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.TimerConfig = v.(types.Object)
}

func (k timerTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Invokes the function on a schedule (UTC).",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"cron_expression": schema.StringAttribute{
				MarkdownDescription: "Schedule: `@every Nm` or `@every Nh` (an interval in minutes or hours), or " +
					"`cron(S M H DoM Mon DoW)` with six fields (seconds, minutes, hours, day of month, month, day " +
					"of week), e.g. `cron(0 0 4 * * *)`.",
				Required:   true,
				Validators: []validator.String{cronExpressionValidator{}},
			},
			"enable": schema.BoolAttribute{
				MarkdownDescription: "Whether the timer fires. Defaults to `true`.",
				Optional:            true,
				Computed:            true,
				Default:             booldefault.StaticBool(true),
			},
			"payload": schema.StringAttribute{
				MarkdownDescription: "Event passed to the function on every invocation. Removing it sends an empty payload.",
				Optional:            true,
			},
		},
	}
}

func (timerTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

func (timerTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c timerTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	return encodeTriggerConfig(fc.TimerTriggerConfig{
		CronExpression: c.CronExpression.ValueString(),
		Enable:         fc.Ptr(triggerBoolOr(c.Enable, true)),
		Payload:        c.Payload.ValueString(),
	}, diags)
}

func (k timerTriggerKind) flatten(ctx context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.TimerTriggerConfig
	if !decodeTriggerConfig(in, attrTimerConfig, &j, diags) {
		return k.null()
	}
	var p timerTriggerConfigModel
	triggerPriorObject(ctx, in.prior, &p)
	return types.ObjectValueMust(timerTriggerConfigAttrTypes, map[string]attr.Value{
		"cron_expression": types.StringValue(j.CronExpression),
		"enable":          types.BoolValue(j.Enable == nil || *j.Enable),
		"payload":         flattenTriggerString(&j.Payload, p.Payload),
	})
}

// cronExpressionValidator validates a timer trigger's schedule: `@every Nm`,
// `@every Nh`, or six cron fields, bare or as `cron(...)`.
type cronExpressionValidator struct{}

const cronHelp = "Use `@every Nm` or `@every Nh` (N at least 1), or `cron(S M H DoM Mon DoW)` with six fields, e.g. `cron(0 0 4 * * *)`"

func (cronExpressionValidator) Description(_ context.Context) string {
	return "must be `@every Nm`, `@every Nh` or `cron(S M H DoM Mon DoW)`"
}

func (v cronExpressionValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v cronExpressionValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	got := req.ConfigValue.ValueString()
	if reason := checkCronExpression(got); reason != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid cron expression",
			fmt.Sprintf("%s: %q is not a valid timer schedule: %s. %s.", req.Path, got, reason, cronHelp))
	}
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
