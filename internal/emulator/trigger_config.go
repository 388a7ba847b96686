package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Trigger types. The first seven are documented (reference 4.3); the last
// three are not and take any JSON object as configuration.
const (
	triggerTypeOSS         = "oss"
	triggerTypeLog         = "log"
	triggerTypeTimer       = "timer"
	triggerTypeHTTP        = "http"
	triggerTypeTablestore  = "tablestore"
	triggerTypeCDNEvents   = "cdn_events"
	triggerTypeMNSTopic    = "mns_topic"
	triggerTypeEventBridge = "eventbridge"
	triggerTypeMQ          = "mq"
	triggerTypeRDS         = "rds"
)

var triggerTypes = []string{
	triggerTypeOSS, triggerTypeLog, triggerTypeTimer, triggerTypeHTTP, triggerTypeTablestore,
	triggerTypeCDNEvents, triggerTypeMNSTopic, triggerTypeEventBridge, triggerTypeMQ, triggerTypeRDS,
}

// triggerTypesWithSource need sourceArn and invocationRole: an external
// event source invokes the function with a role.
var triggerTypesWithSource = []string{
	triggerTypeOSS, triggerTypeLog, triggerTypeMNSTopic, triggerTypeCDNEvents, triggerTypeTablestore,
}

// Enumerations inside trigger configurations.
var (
	httpAuthTypes        = []string{"anonymous", "function", "jwt"}
	httpMethods          = []string{"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"}
	mnsContentFormats    = []string{"STREAM", "JSON"}
	mnsNotifyStrategies  = []string{"BACKOFF_RETRY", "EXPONENTIAL_DECAY_RETRY"}
	errConfigNotAnObject = errors.New("not an object")
)

// canonicalTriggerConfig turns the raw triggerConfig member of a request
// into the canonical stored form: a JSON object, compact, keys sorted, null
// members dropped (at every depth). The member may be the object itself
// (github.com/aliyun/fc-go-sdk) or a string holding it (the 2021 API and
// internal/fc). null and "" yield nil (absent).
func canonicalTriggerConfig(raw json.RawMessage) (json.RawMessage, *apiError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil, nil
	}
	doc := []byte(raw)
	if raw[0] == '"' {
		var str string
		if err := json.Unmarshal(raw, &str); err != nil {
			return nil, errInvalidArgument("triggerConfig must be a JSON object or a string holding one")
		}
		if strings.TrimSpace(str) == "" {
			return nil, nil
		}
		doc = []byte(str)
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = errors.New("trailing data")
	}
	obj, isObject := v.(map[string]any)
	if err == nil && !isObject {
		err = errConfigNotAnObject
	}
	if err != nil {
		return nil, errInvalidArgument("triggerConfig must be a JSON object or a string holding one: %v", err)
	}
	out, err := json.Marshal(dropNulls(obj))
	if err != nil {
		return nil, errInvalidArgument("triggerConfig: %v", err)
	}
	return out, nil
}

// dropNulls removes null members from objects at every depth (null means
// "not set", as the SDKs send it for unset fields).
func dropNulls(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, val := range t {
			if val == nil {
				delete(t, k)
				continue
			}
			t[k] = dropNulls(val)
		}
	case []any:
		for i := range t {
			t[i] = dropNulls(t[i])
		}
	}
	return v
}

// Typed views of the documented configurations (reference 9.1), used only
// to validate; the stored form is the canonical JSON object, so fields
// this emulator does not know are kept. They are not internal/fc's trigger
// configuration shapes (models_trigger_config.go), which are what a client
// sends: those have value fields, while these tell an absent member from an
// empty one (an explicit "" notifyStrategy is refused, not taken for the
// default), take functionParameter values of any JSON type, and take
// blackList as a string only.
type (
	timerTriggerConfig struct {
		CronExpression *string `json:"cronExpression"`
		Payload        *string `json:"payload"`
		Enable         *bool   `json:"enable"`
	}
	httpTriggerConfig struct {
		AuthType           *string  `json:"authType"`
		AuthConfig         *string  `json:"authConfig"`
		Methods            []string `json:"methods"`
		DisableURLInternet *bool    `json:"disableURLInternet"`
	}
	// jwtAuthConfig is the JWTAuthConfig held, as a JSON string, by
	// authConfig; as the 2021-04-06 SDK models it, jwks is a string holding
	// the key set and blackList one string.
	jwtAuthConfig struct {
		BlackList   *string  `json:"blackList"`
		ClaimPassBy []string `json:"claimPassBy"`
		JWKS        *string  `json:"jwks"`
		TokenLookup []string `json:"tokenLookup"`
		WhiteList   []string `json:"whiteList"`
	}
	ossTriggerConfig struct {
		Events []string `json:"events"`
		Filter *struct {
			Key *struct {
				Prefix *string `json:"prefix"`
				Suffix *string `json:"suffix"`
			} `json:"key"`
		} `json:"filter"`
	}
	logTriggerConfig struct {
		SourceConfig *struct {
			Logstore *string `json:"logstore"`
		} `json:"sourceConfig"`
		JobConfig *struct {
			MaxRetryTime    *int64 `json:"maxRetryTime"`
			TriggerInterval *int64 `json:"triggerInterval"`
		} `json:"jobConfig"`
		LogConfig *struct {
			Project  *string `json:"project"`
			Logstore *string `json:"logstore"`
		} `json:"logConfig"`
		Enable            *bool          `json:"enable"`
		FunctionParameter map[string]any `json:"functionParameter"`
	}
	mnsTopicTriggerConfig struct {
		FilterTag           *string `json:"filterTag"`
		NotifyContentFormat *string `json:"notifyContentFormat"`
		NotifyStrategy      *string `json:"notifyStrategy"`
	}
	cdnEventsTriggerConfig struct {
		EventName    *string             `json:"eventName"`
		EventVersion *string             `json:"eventVersion"`
		Notes        *string             `json:"notes"`
		Filter       map[string][]string `json:"filter"`
	}
	tablestoreTriggerConfig struct {
		InstanceName *string `json:"instanceName"`
		TableName    *string `json:"tableName"`
	}
)

// validateTriggerConfig checks a canonical configuration against the rules
// of its trigger type. Messages name the field as
// "triggerConfig.<path>".
func validateTriggerConfig(triggerType string, cfg []byte) *apiError {
	switch triggerType {
	case triggerTypeTimer:
		var c timerTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if c.CronExpression == nil || strings.TrimSpace(*c.CronExpression) == "" {
			return errInvalidArgument("triggerConfig.cronExpression is required")
		}
		if reason := checkCronExpression(*c.CronExpression); reason != "" {
			return errInvalidArgument("triggerConfig.cronExpression '%s' is invalid: %s", *c.CronExpression, reason)
		}
	case triggerTypeHTTP:
		var c httpTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if c.AuthType == nil || *c.AuthType == "" {
			return errInvalidArgument("triggerConfig.authType is required: %s", strings.Join(httpAuthTypes, ", "))
		}
		if !slices.Contains(httpAuthTypes, *c.AuthType) {
			return errInvalidArgument("triggerConfig.authType must be one of %s, got '%s'", strings.Join(httpAuthTypes, ", "), *c.AuthType)
		}
		if e := validateHTTPAuthConfig(*c.AuthType, deref(c.AuthConfig)); e != nil {
			return e
		}
		if len(c.Methods) == 0 {
			return errInvalidArgument("triggerConfig.methods must list at least one of %s", strings.Join(httpMethods, ", "))
		}
		seen := map[string]bool{}
		for _, m := range c.Methods {
			if !slices.Contains(httpMethods, m) {
				return errInvalidArgument("triggerConfig.methods: '%s' is not one of %s", m, strings.Join(httpMethods, ", "))
			}
			if seen[m] {
				return errInvalidArgument("triggerConfig.methods: '%s' is listed twice", m)
			}
			seen[m] = true
		}
	case triggerTypeOSS:
		var c ossTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if len(c.Events) == 0 {
			return errInvalidArgument("triggerConfig.events must list at least one OSS event, e.g. oss:ObjectCreated:*")
		}
		for _, ev := range c.Events {
			if !strings.HasPrefix(ev, "oss:") || len(ev) == len("oss:") {
				return errInvalidArgument("triggerConfig.events: '%s' is not an OSS event name (oss:...)", ev)
			}
		}
	case triggerTypeLog:
		var c logTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if c.SourceConfig == nil || deref(c.SourceConfig.Logstore) == "" {
			return errInvalidArgument("triggerConfig.sourceConfig.logstore is required")
		}
		if c.LogConfig == nil || deref(c.LogConfig.Project) == "" {
			return errInvalidArgument("triggerConfig.logConfig.project is required")
		}
		if deref(c.LogConfig.Logstore) == "" {
			return errInvalidArgument("triggerConfig.logConfig.logstore is required")
		}
		if jc := c.JobConfig; jc != nil {
			if v := jc.TriggerInterval; v != nil && (*v < 3 || *v > 600) {
				return errInvalidArgument("triggerConfig.jobConfig.triggerInterval must be between 3 and 600 seconds, got %d", *v)
			}
			if v := jc.MaxRetryTime; v != nil && (*v < 0 || *v > 100) {
				return errInvalidArgument("triggerConfig.jobConfig.maxRetryTime must be between 0 and 100, got %d", *v)
			}
		}
	case triggerTypeMNSTopic:
		var c mnsTopicTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if v := c.NotifyContentFormat; v != nil && !slices.Contains(mnsContentFormats, *v) {
			return errInvalidArgument("triggerConfig.notifyContentFormat must be STREAM or JSON, got '%s'", *v)
		}
		if v := c.NotifyStrategy; v != nil && !slices.Contains(mnsNotifyStrategies, *v) {
			return errInvalidArgument("triggerConfig.notifyStrategy must be BACKOFF_RETRY or EXPONENTIAL_DECAY_RETRY, got '%s'", *v)
		}
	case triggerTypeCDNEvents:
		var c cdnEventsTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if deref(c.EventName) == "" {
			return errInvalidArgument("triggerConfig.eventName is required")
		}
		if deref(c.EventVersion) == "" {
			return errInvalidArgument("triggerConfig.eventVersion is required")
		}
	case triggerTypeTablestore:
		var c tablestoreTriggerConfig
		if e := decodeTriggerConfig(cfg, &c); e != nil {
			return e
		}
		if deref(c.InstanceName) == "" {
			return errInvalidArgument("triggerConfig.instanceName is required")
		}
		if deref(c.TableName) == "" {
			return errInvalidArgument("triggerConfig.tableName is required")
		}
	}
	// eventbridge, mq, rds: any JSON object (checked by canonicalTriggerConfig).
	return nil
}

// validateHTTPAuthConfig checks authConfig against authType: for jwt, a
// string holding a JWTAuthConfig object whose jwks is a string holding a
// key set with a non-empty keys array; for the other types, empty.
func validateHTTPAuthConfig(authType, authConfig string) *apiError {
	if authType != "jwt" {
		if strings.TrimSpace(authConfig) != "" {
			return errInvalidArgument("triggerConfig.authConfig must be empty when authType is '%s'; it configures authType jwt", authType)
		}
		return nil
	}
	if strings.TrimSpace(authConfig) == "" {
		return errInvalidArgument("triggerConfig.authConfig is required when authType is jwt: a string holding the JWTAuthConfig JSON object")
	}
	dec := json.NewDecoder(strings.NewReader(authConfig))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil || obj == nil || dec.More() {
		return errInvalidArgument("triggerConfig.authConfig must be a string holding a JSON object")
	}
	var c jwtAuthConfig
	if err := json.Unmarshal([]byte(authConfig), &c); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errInvalidArgument("triggerConfig.authConfig.%s: invalid value, expected %s", te.Field, te.Type)
		}
		return errInvalidArgument("triggerConfig.authConfig: %v", err)
	}
	if c.JWKS == nil || strings.TrimSpace(*c.JWKS) == "" {
		return errInvalidArgument("triggerConfig.authConfig.jwks is required: a string holding the JSON Web Key Set")
	}
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal([]byte(*c.JWKS), &set); err != nil || !strings.HasPrefix(strings.TrimSpace(*c.JWKS), "{") {
		return errInvalidArgument("triggerConfig.authConfig.jwks must be a string holding a JSON object (a JSON Web Key Set)")
	}
	if len(set.Keys) == 0 {
		return errInvalidArgument("triggerConfig.authConfig.jwks must hold a non-empty keys array")
	}
	return nil
}

// decodeTriggerConfig decodes cfg into a typed view; a member of the wrong
// JSON type is 400 InvalidArgument naming "triggerConfig.<path>".
func decodeTriggerConfig(cfg []byte, dst any) *apiError {
	if err := json.Unmarshal(cfg, dst); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errInvalidArgument("triggerConfig.%s: invalid value, expected %s", te.Field, te.Type)
		}
		return errInvalidArgument("triggerConfig: %v", err)
	}
	return nil
}

// everyRE is the interval form of a timer: "@every 5m", "@every 1h".
var everyRE = regexp.MustCompile(`^@every\s+([0-9]+)([mh])$`)

// cronField describes one of the six cron fields: the characters it may
// hold and the names (month or weekday abbreviations) its letters may
// spell.
type cronField struct {
	name  string
	chars string
	words []string
}

var cronFields = []cronField{
	{name: "seconds", chars: "0123456789,-*/"},
	{name: "minutes", chars: "0123456789,-*/"},
	{name: "hours", chars: "0123456789,-*/"},
	{name: "day-of-month", chars: "0123456789,-*/?LW"},
	{name: "month", chars: "0123456789,-*/", words: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}},
	{name: "day-of-week", chars: "0123456789,-*/?L#", words: []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}},
}

// checkCronExpression returns why expr is not a timer expression, or "".
// Accepted: "@every <N>m" or "@every <N>h" with N >= 1, and six cron
// fields (seconds minutes hours day-of-month month day-of-week), bare or
// wrapped in "cron(...)". Each field is checked for the characters it may
// hold; values are not range-checked.
func checkCronExpression(expr string) string {
	expr = strings.TrimSpace(expr)
	if strings.HasPrefix(expr, "@every") {
		m := everyRE.FindStringSubmatch(expr)
		if m == nil {
			return "use '@every Nm' or '@every Nh' with N at least 1"
		}
		if n, err := strconv.Atoi(m[1]); err != nil || n < 1 {
			return "the interval must be at least 1"
		}
		return ""
	}
	if strings.HasPrefix(expr, "cron(") {
		if !strings.HasSuffix(expr, ")") {
			return "'cron(' without a closing ')'"
		}
		expr = strings.TrimSuffix(strings.TrimPrefix(expr, "cron("), ")")
	}
	fields := strings.Fields(expr)
	if len(fields) != len(cronFields) {
		return "want 6 fields (seconds minutes hours day-of-month month day-of-week) or '@every Nm' / '@every Nh', got " + strconv.Itoa(len(fields)) + " field(s)"
	}
	for i, f := range fields {
		if reason := cronFields[i].check(f); reason != "" {
			return reason
		}
	}
	return ""
}

func (cf cronField) check(f string) string {
	for i := 0; i < len(f); {
		ch := f[i]
		if isLetter(ch) {
			j := i
			for j < len(f) && isLetter(f[j]) {
				j++
			}
			run := strings.ToUpper(f[i:j])
			if !slices.Contains(cf.words, run) && strings.Trim(run, cf.chars) != "" {
				return "the " + cf.name + " field '" + f + "' may not hold '" + f[i:j] + "'"
			}
			i = j
			continue
		}
		if !strings.ContainsRune(cf.chars, rune(ch)) {
			return "the " + cf.name + " field '" + f + "' may not hold '" + string(ch) + "'"
		}
		i++
	}
	return ""
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
