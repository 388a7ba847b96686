package emulator

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const triggersPath = api + "/services/svc/functions/fn/triggers"

// newTriggerServer returns an emulator holding service svc with function fn.
func newTriggerServer(t *testing.T, mutate ...func(*Options)) *Server {
	t.Helper()
	s := newTestServer(t, mutate...)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	return s
}

// validTriggers holds a valid CreateTrigger body per trigger type.
func validTriggers() map[string]map[string]any {
	withSource := func(typ string, cfg map[string]any) map[string]any {
		return map[string]any{
			"triggerName":    "t_" + typ,
			"triggerType":    typ,
			"sourceArn":      "acs:" + typ + ":cn-hangzhou:123:source",
			"invocationRole": "acs:ram::123:role/fc-invoke",
			"triggerConfig":  cfg,
		}
	}
	return map[string]map[string]any{
		"timer": {"triggerName": "t_timer", "triggerType": "timer", "triggerConfig": map[string]any{
			"cronExpression": "@every 5m", "payload": "p", "enable": true}},
		"http": {"triggerName": "t_http", "triggerType": "http", "triggerConfig": map[string]any{
			"authType": "anonymous", "methods": []string{"GET", "POST"}, "disableURLInternet": false}},
		"oss": withSource("oss", map[string]any{"events": []string{"oss:ObjectCreated:*"},
			"filter": map[string]any{"key": map[string]any{"prefix": "in/", "suffix": ".zip"}}}),
		"log": withSource("log", map[string]any{
			"sourceConfig":      map[string]any{"logstore": "src"},
			"jobConfig":         map[string]any{"maxRetryTime": 3, "triggerInterval": 60},
			"logConfig":         map[string]any{"project": "p", "logstore": "fc-log"},
			"enable":            true,
			"functionParameter": map[string]any{"k": "v"},
		}),
		"mns_topic": withSource("mns_topic", map[string]any{"notifyContentFormat": "JSON",
			"notifyStrategy": "BACKOFF_RETRY", "filterTag": "tag"}),
		"cdn_events": withSource("cdn_events", map[string]any{"eventName": "LogFileCreated", "eventVersion": "1.0.0",
			"notes": "n", "filter": map[string][]string{"domain": {"example.com"}}}),
		"tablestore": withSource("tablestore", map[string]any{"instanceName": "inst", "tableName": "tbl"}),
		"eventbridge": {"triggerName": "t_eventbridge", "triggerType": "eventbridge",
			"triggerConfig": map[string]any{"triggerEnable": true, "anything": map[string]any{"x": 1}}},
		"mq":  {"triggerName": "t_mq", "triggerType": "mq", "triggerConfig": map[string]any{}},
		"rds": {"triggerName": "t_rds", "triggerType": "rds", "triggerConfig": map[string]any{"retry": 3}},
	}
}

func timerTrigger(name string) map[string]any {
	return map[string]any{"triggerName": name, "triggerType": "timer",
		"triggerConfig": map[string]any{"cronExpression": "@every 1h", "enable": true}}
}

// mustCreateTrigger creates a trigger on svc/fn and returns its ETag.
func mustCreateTrigger(t *testing.T, s http.Handler, body map[string]any) string {
	t.Helper()
	r := do(t, s, http.MethodPost, triggersPath, body)
	if r.Status != http.StatusOK {
		t.Fatalf("CreateTrigger: %d %s", r.Status, r.Body)
	}
	return r.Header.Get("ETag")
}

// rawTrigger decodes a trigger answer keeping triggerConfig raw.
type rawTrigger struct {
	TriggerName      string          `json:"triggerName"`
	TriggerID        string          `json:"triggerId"`
	TriggerType      string          `json:"triggerType"`
	SourceArn        *string         `json:"sourceArn"`
	InvocationRole   *string         `json:"invocationRole"`
	Qualifier        *string         `json:"qualifier"`
	Description      *string         `json:"description"`
	TriggerConfig    json.RawMessage `json:"triggerConfig"`
	URLInternet      *string         `json:"urlInternet"`
	URLIntranet      *string         `json:"urlIntranet"`
	CreatedTime      string          `json:"createdTime"`
	LastModifiedTime string          `json:"lastModifiedTime"`
}

func TestCreateTriggerEveryType(t *testing.T) {
	for typ, body := range validTriggers() {
		t.Run(typ, func(t *testing.T) {
			s := newTriggerServer(t)
			r := do(t, s, http.MethodPost, triggersPath, body)
			expectOK(t, r)
			if !etagRE.MatchString(r.Header.Get("ETag")) {
				t.Errorf("ETag %q", r.Header.Get("ETag"))
			}
			var got rawTrigger
			r.Decode(t, &got)
			if got.TriggerType != typ || !uuidRE.MatchString(got.TriggerID) || got.CreatedTime != "2024-05-01T12:00:00Z" {
				t.Errorf("answer %s", r.Body)
			}
			// 2016-08-15 answers the configuration as an object equal to
			// the one sent.
			want, _ := json.Marshal(body["triggerConfig"])
			if !jsonEqual(t, got.TriggerConfig, want) {
				t.Errorf("triggerConfig = %s, want %s", got.TriggerConfig, want)
			}
		})
	}
}

func TestCreateTriggerValidation(t *testing.T) {
	type mutation func(b map[string]any)
	cfg := func(b map[string]any) map[string]any { return b["triggerConfig"].(map[string]any) }
	setCfg := func(k string, v any) mutation { return func(b map[string]any) { cfg(b)[k] = v } }
	delCfg := func(k string) mutation { return func(b map[string]any) { delete(cfg(b), k) } }
	nested := func(parent, k string, v any) mutation {
		return func(b map[string]any) { cfg(b)[parent].(map[string]any)[k] = v }
	}
	// auth sets authType and authConfig (left out when nil).
	auth := func(authType string, authConfig any) mutation {
		return func(b map[string]any) {
			cfg(b)["authType"] = authType
			if authConfig != nil {
				cfg(b)["authConfig"] = authConfig
			}
		}
	}
	// jwtWith is an authConfig string: a valid JWTAuthConfig with member k
	// set to v (removed when v is nil).
	jwtWith := func(k string, v any) string {
		c := map[string]any{"jwks": testJWKS, "tokenLookup": []string{"header:Authorization:Bearer"}}
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
		b, _ := json.Marshal(c)
		return string(b)
	}
	tests := []struct {
		name   string
		typ    string
		mutate mutation
		field  string // must appear in the message
	}{
		// Common fields.
		{"name missing", "timer", func(b map[string]any) { delete(b, "triggerName") }, "triggerName"},
		{"name starts with digit", "timer", func(b map[string]any) { b["triggerName"] = "1t" }, "triggerName"},
		{"name starts with dash", "timer", func(b map[string]any) { b["triggerName"] = "-t" }, "triggerName"},
		{"name too long", "timer", func(b map[string]any) { b["triggerName"] = "t" + strings.Repeat("x", 128) }, "triggerName"},
		{"name with dot", "timer", func(b map[string]any) { b["triggerName"] = "t.1" }, "triggerName"},
		{"type missing", "timer", func(b map[string]any) { delete(b, "triggerType") }, "triggerType"},
		{"type unknown", "timer", func(b map[string]any) { b["triggerType"] = "kafka" }, "triggerType"},
		{"config missing", "timer", func(b map[string]any) { delete(b, "triggerConfig") }, "triggerConfig"},
		{"config null", "timer", func(b map[string]any) { b["triggerConfig"] = nil }, "triggerConfig"},
		{"config empty string", "timer", func(b map[string]any) { b["triggerConfig"] = "" }, "triggerConfig"},
		{"config string not JSON", "timer", func(b map[string]any) { b["triggerConfig"] = "{cron" }, "triggerConfig"},
		{"config string holds an array", "timer", func(b map[string]any) { b["triggerConfig"] = "[1]" }, "triggerConfig"},
		{"config is an array", "timer", func(b map[string]any) { b["triggerConfig"] = []int{1} }, "triggerConfig"},
		{"config is a number", "mq", func(b map[string]any) { b["triggerConfig"] = 5 }, "triggerConfig"},
		{"description wrong type", "timer", func(b map[string]any) { b["description"] = 5 }, "description"},
		// Source and role, required for event-source types only.
		{"oss sourceArn missing", "oss", func(b map[string]any) { delete(b, "sourceArn") }, "sourceArn"},
		{"oss invocationRole missing", "oss", func(b map[string]any) { delete(b, "invocationRole") }, "invocationRole"},
		{"log sourceArn empty", "log", func(b map[string]any) { b["sourceArn"] = "" }, "sourceArn"},
		{"mns_topic invocationRole missing", "mns_topic", func(b map[string]any) { delete(b, "invocationRole") }, "invocationRole"},
		{"cdn_events sourceArn missing", "cdn_events", func(b map[string]any) { delete(b, "sourceArn") }, "sourceArn"},
		{"tablestore invocationRole missing", "tablestore", func(b map[string]any) { delete(b, "invocationRole") }, "invocationRole"},
		// timer.
		{"timer cron missing", "timer", delCfg("cronExpression"), "triggerConfig.cronExpression"},
		{"timer cron empty", "timer", setCfg("cronExpression", ""), "triggerConfig.cronExpression"},
		{"timer every zero", "timer", setCfg("cronExpression", "@every 0m"), "triggerConfig.cronExpression"},
		{"timer every seconds", "timer", setCfg("cronExpression", "@every 30s"), "triggerConfig.cronExpression"},
		{"timer every no unit", "timer", setCfg("cronExpression", "@every 5"), "triggerConfig.cronExpression"},
		{"timer cron five fields", "timer", setCfg("cronExpression", "0 * * * *"), "triggerConfig.cronExpression"},
		{"timer cron() five fields", "timer", setCfg("cronExpression", "cron(0 * * * *)"), "triggerConfig.cronExpression"},
		{"timer cron( unclosed", "timer", setCfg("cronExpression", "cron(0 0 * * * *"), "triggerConfig.cronExpression"},
		{"timer cron bad character", "timer", setCfg("cronExpression", "0 0 % * * *"), "triggerConfig.cronExpression"},
		{"timer cron bad month name", "timer", setCfg("cronExpression", "0 0 0 1 JANUARY *"), "triggerConfig.cronExpression"},
		{"timer cron ? in hours", "timer", setCfg("cronExpression", "0 0 ? * * *"), "triggerConfig.cronExpression"},
		{"timer cron wrong type", "timer", setCfg("cronExpression", 5), "triggerConfig.cronExpression"},
		{"timer payload wrong type", "timer", setCfg("payload", map[string]any{}), "triggerConfig.payload"},
		{"timer enable wrong type", "timer", setCfg("enable", "yes"), "triggerConfig.enable"},
		// http.
		{"http authType missing", "http", delCfg("authType"), "triggerConfig.authType"},
		{"http authType unknown", "http", setCfg("authType", "basic"), "triggerConfig.authType"},
		{"http anonymous with authConfig", "http", auth("anonymous", jwtWith("x", 1)), "triggerConfig.authConfig"},
		{"http function with authConfig", "http", auth("function", jwtWith("x", 1)), "triggerConfig.authConfig"},
		{"http jwt without authConfig", "http", auth("jwt", nil), "triggerConfig.authConfig"},
		{"http jwt authConfig empty", "http", auth("jwt", ""), "triggerConfig.authConfig"},
		{"http jwt authConfig is an object", "http", auth("jwt", map[string]any{"jwks": testJWKS}), "triggerConfig.authConfig"},
		{"http jwt authConfig not JSON", "http", auth("jwt", "{jwks"), "triggerConfig.authConfig"},
		{"http jwt authConfig holds an array", "http", auth("jwt", "[1]"), "triggerConfig.authConfig"},
		{"http jwt jwks missing", "http", auth("jwt", jwtWith("jwks", nil)), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks empty", "http", auth("jwt", jwtWith("jwks", "")), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks is an object", "http", auth("jwt", jwtWith("jwks", map[string]any{"keys": []any{map[string]any{"kty": "oct"}}})), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks not JSON", "http", auth("jwt", jwtWith("jwks", "{keys")), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks holds an array", "http", auth("jwt", jwtWith("jwks", `[{"kty":"oct"}]`)), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks without keys", "http", auth("jwt", jwtWith("jwks", `{}`)), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks keys empty", "http", auth("jwt", jwtWith("jwks", `{"keys":[]}`)), "triggerConfig.authConfig.jwks"},
		{"http jwt jwks keys not an array", "http", auth("jwt", jwtWith("jwks", `{"keys":{"kty":"oct"}}`)), "triggerConfig.authConfig.jwks"},
		{"http jwt tokenLookup wrong type", "http", auth("jwt", jwtWith("tokenLookup", "header:Authorization")), "triggerConfig.authConfig.tokenLookup"},
		{"http jwt blackList wrong type", "http", auth("jwt", jwtWith("blackList", []string{"/admin"})), "triggerConfig.authConfig.blackList"},
		{"http jwt whiteList wrong type", "http", auth("jwt", jwtWith("whiteList", "/health")), "triggerConfig.authConfig.whiteList"},
		{"http jwt claimPassBy wrong type", "http", auth("jwt", jwtWith("claimPassBy", 1)), "triggerConfig.authConfig.claimPassBy"},
		{"http methods missing", "http", delCfg("methods"), "triggerConfig.methods"},
		{"http methods empty", "http", setCfg("methods", []string{}), "triggerConfig.methods"},
		{"http method unknown", "http", setCfg("methods", []string{"GET", "TRACE"}), "triggerConfig.methods"},
		{"http method lower case", "http", setCfg("methods", []string{"get"}), "triggerConfig.methods"},
		{"http method twice", "http", setCfg("methods", []string{"GET", "POST", "GET"}), "triggerConfig.methods"},
		{"http methods wrong type", "http", setCfg("methods", "GET"), "triggerConfig.methods"},
		{"http disableURLInternet wrong type", "http", setCfg("disableURLInternet", "no"), "triggerConfig.disableURLInternet"},
		// oss.
		{"oss events missing", "oss", delCfg("events"), "triggerConfig.events"},
		{"oss events empty", "oss", setCfg("events", []string{}), "triggerConfig.events"},
		{"oss event without prefix", "oss", setCfg("events", []string{"ObjectCreated:*"}), "triggerConfig.events"},
		{"oss event bare prefix", "oss", setCfg("events", []string{"oss:"}), "triggerConfig.events"},
		{"oss filter prefix wrong type", "oss", setCfg("filter", map[string]any{"key": map[string]any{"prefix": 1}}), "triggerConfig.filter.key.prefix"},
		{"oss filter suffix wrong type", "oss", setCfg("filter", map[string]any{"key": map[string]any{"suffix": true}}), "triggerConfig.filter.key.suffix"},
		// log.
		{"log sourceConfig missing", "log", delCfg("sourceConfig"), "triggerConfig.sourceConfig.logstore"},
		{"log sourceConfig.logstore empty", "log", nested("sourceConfig", "logstore", ""), "triggerConfig.sourceConfig.logstore"},
		{"log logConfig missing", "log", delCfg("logConfig"), "triggerConfig.logConfig.project"},
		{"log logConfig.project missing", "log", nested("logConfig", "project", nil), "triggerConfig.logConfig.project"},
		{"log logConfig.logstore missing", "log", nested("logConfig", "logstore", ""), "triggerConfig.logConfig.logstore"},
		{"log triggerInterval below 3", "log", nested("jobConfig", "triggerInterval", 2), "triggerConfig.jobConfig.triggerInterval"},
		{"log triggerInterval above 600", "log", nested("jobConfig", "triggerInterval", 601), "triggerConfig.jobConfig.triggerInterval"},
		{"log maxRetryTime negative", "log", nested("jobConfig", "maxRetryTime", -1), "triggerConfig.jobConfig.maxRetryTime"},
		{"log maxRetryTime above 100", "log", nested("jobConfig", "maxRetryTime", 101), "triggerConfig.jobConfig.maxRetryTime"},
		{"log maxRetryTime fraction", "log", nested("jobConfig", "maxRetryTime", 1.5), "triggerConfig.jobConfig.maxRetryTime"},
		{"log enable wrong type", "log", setCfg("enable", 1), "triggerConfig.enable"},
		{"log functionParameter wrong type", "log", setCfg("functionParameter", "k=v"), "triggerConfig.functionParameter"},
		// mns_topic.
		{"mns notifyContentFormat", "mns_topic", setCfg("notifyContentFormat", "XML"), "triggerConfig.notifyContentFormat"},
		{"mns notifyStrategy", "mns_topic", setCfg("notifyStrategy", "RETRY"), "triggerConfig.notifyStrategy"},
		{"mns filterTag wrong type", "mns_topic", setCfg("filterTag", 1), "triggerConfig.filterTag"},
		// cdn_events.
		{"cdn eventName missing", "cdn_events", delCfg("eventName"), "triggerConfig.eventName"},
		{"cdn eventVersion missing", "cdn_events", delCfg("eventVersion"), "triggerConfig.eventVersion"},
		{"cdn notes wrong type", "cdn_events", setCfg("notes", []string{"n"}), "triggerConfig.notes"},
		{"cdn filter not a map of lists", "cdn_events", setCfg("filter", map[string]any{"domain": "example.com"}), "triggerConfig.filter"},
		// tablestore.
		{"tablestore instanceName missing", "tablestore", delCfg("instanceName"), "triggerConfig.instanceName"},
		{"tablestore tableName missing", "tablestore", delCfg("tableName"), "triggerConfig.tableName"},
		{"tablestore tableName wrong type", "tablestore", setCfg("tableName", 1), "triggerConfig.tableName"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTriggerServer(t)
			body := validTriggers()[tt.typ]
			tt.mutate(body)
			r := do(t, s, http.MethodPost, triggersPath, body)
			expectError(t, r, http.StatusBadRequest, "InvalidArgument")
			if !strings.Contains(r.ErrorMessage(), tt.field) {
				t.Errorf("message %q does not name %s", r.ErrorMessage(), tt.field)
			}
			var list listTriggersResponse
			do(t, s, http.MethodGet, triggersPath, nil).Decode(t, &list)
			if len(list.Triggers) != 0 {
				t.Errorf("a trigger was stored: %+v", list.Triggers)
			}
		})
	}
}

// testJWKS is a JSON Web Key Set with one symmetric key.
const testJWKS = `{"keys":[{"kty":"oct","kid":"k1","alg":"HS256","k":"c2VjcmV0"}]}`

// TestCreateTriggerHTTPJWT: an http trigger with authType jwt stores its
// authConfig string as sent; an update to anonymous without authConfig
// clears it (the configuration is replaced as a whole).
func TestCreateTriggerHTTPJWT(t *testing.T) {
	s := newTriggerServer(t)
	authConfig := `{"jwks":` + strconv.Quote(testJWKS) + `,"tokenLookup":["header:Authorization:Bearer","cookie:token"],` +
		`"claimPassBy":["header:uid:X-User-Id"],"whiteList":["/health"],"blackList":"/admin,/internal"}`
	body := validTriggers()["http"]
	body["triggerConfig"].(map[string]any)["authType"] = "jwt"
	body["triggerConfig"].(map[string]any)["authConfig"] = authConfig
	r := do(t, s, http.MethodPost, triggersPath, body)
	expectOK(t, r)
	var got rawTrigger
	r.Decode(t, &got)
	var cfg struct {
		AuthType   string `json:"authType"`
		AuthConfig string `json:"authConfig"`
	}
	if err := json.Unmarshal(got.TriggerConfig, &cfg); err != nil || cfg.AuthType != "jwt" || cfg.AuthConfig != authConfig {
		t.Fatalf("triggerConfig = %s (%v), want authType jwt and authConfig %s", got.TriggerConfig, err, authConfig)
	}

	r = do(t, s, http.MethodPut, triggersPath+"/t_http", map[string]any{"triggerConfig": map[string]any{
		"authType": "anonymous", "methods": []string{"GET"}}})
	expectOK(t, r)
	r.Decode(t, &got)
	if strings.Contains(string(got.TriggerConfig), "authConfig") {
		t.Errorf("authConfig not cleared: %s", got.TriggerConfig)
	}
}

func TestCheckCronExpression(t *testing.T) {
	valid := []string{
		"@every 1m", "@every 90m", "@every 2h", "@every  5m",
		"0 0 4 * * *", "0 */5 * * * *", "0 0 8-18 ? * MON-FRI", "0 0 0 L * ?", "0 0 0 15W * ?",
		"0 0 12 ? JAN,jul 5#2", "0 0 0 ? * 6L", "cron(0 0 4 * * *)", " cron(0 0/10 * * * ?) ",
	}
	for _, expr := range valid {
		if reason := checkCronExpression(expr); reason != "" {
			t.Errorf("%q rejected: %s", expr, reason)
		}
	}
	invalid := []string{
		"", "@every", "@every 0h", "@every 1d", "@every -1m", "@every 1h30m", "@hourly",
		"* * * * *", "0 0 0 * * * *", "cron()", "cron(0 0 4 * *)", "cron 0 0 4 * * *",
		"0 0 4 * * MONDAY", "0 0 4 * FOO *", "0 0 W 4 * *", "0 0 4 * * 1W", "x 0 4 * * *", "0 0 4 * * $",
	}
	for _, expr := range invalid {
		if checkCronExpression(expr) == "" {
			t.Errorf("%q accepted", expr)
		}
	}
}

func TestTriggerLifecycle(t *testing.T) {
	now := testNow
	s := newTriggerServer(t, func(o *Options) { o.Now = func() time.Time { return now } })
	body := validTriggers()["oss"]
	body["triggerName"] = "tr"
	body["description"] = "first"
	body["triggerId"] = "client-cannot-set-this"
	r := do(t, s, http.MethodPost, triggersPath, body)
	expectOK(t, r)
	etag1 := r.Header.Get("ETag")
	var created rawTrigger
	r.Decode(t, &created)
	if created.TriggerID == "client-cannot-set-this" || deref(created.Description) != "first" || created.Qualifier != nil {
		t.Errorf("created %s", r.Body)
	}

	r = do(t, s, http.MethodGet, triggersPath+"/tr", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != etag1 {
		t.Errorf("GetTrigger ETag %q, want %q", r.Header.Get("ETag"), etag1)
	}

	// Update: invocationRole, qualifier, triggerConfig and description
	// change; triggerName, triggerType and sourceArn in the body are
	// ignored; null keeps.
	now = now.Add(time.Minute)
	r = do(t, s, http.MethodPut, triggersPath+"/tr", map[string]any{
		"invocationRole": "acs:ram::123:role/other",
		"qualifier":      "LATEST",
		"triggerConfig":  `{"events":["oss:ObjectRemoved:*"]}`,
		"description":    nil,
		"triggerName":    "renamed",
		"triggerType":    "timer",
		"sourceArn":      "acs:oss:cn-hangzhou:123:other",
	}, withIfMatch(etag1))
	expectOK(t, r)
	etag2 := r.Header.Get("ETag")
	if etag2 == "" || etag2 == etag1 {
		t.Fatalf("ETag did not change: %q", etag2)
	}
	var updated rawTrigger
	r.Decode(t, &updated)
	if updated.TriggerName != "tr" || updated.TriggerType != "oss" || deref(updated.SourceArn) != "acs:oss:cn-hangzhou:123:source" ||
		deref(updated.InvocationRole) != "acs:ram::123:role/other" || deref(updated.Qualifier) != "LATEST" ||
		deref(updated.Description) != "first" || updated.TriggerID != created.TriggerID {
		t.Errorf("updated %s", r.Body)
	}
	if !jsonEqual(t, updated.TriggerConfig, []byte(`{"events":["oss:ObjectRemoved:*"]}`)) {
		t.Errorf("triggerConfig = %s", updated.TriggerConfig)
	}
	if updated.CreatedTime != "2024-05-01T12:00:00Z" || updated.LastModifiedTime != "2024-05-01T12:01:00Z" {
		t.Errorf("times %s / %s", updated.CreatedTime, updated.LastModifiedTime)
	}

	// An empty update is a change too; an empty qualifier clears it.
	r = do(t, s, http.MethodPut, triggersPath+"/tr", `{"qualifier":""}`)
	expectOK(t, r)
	etag3 := r.Header.Get("ETag")
	if etag3 == etag2 {
		t.Errorf("ETag did not change")
	}
	var cleared rawTrigger
	r.Decode(t, &cleared)
	if cleared.Qualifier != nil {
		t.Errorf("qualifier not cleared: %s", r.Body)
	}

	// A stale If-Match changes nothing.
	before := do(t, s, http.MethodGet, triggersPath+"/tr", nil)
	expectError(t, do(t, s, http.MethodPut, triggersPath+"/tr", `{"description":"x"}`, withIfMatch(etag1)),
		http.StatusPreconditionFailed, "PreconditionFailed")
	expectError(t, do(t, s, http.MethodDelete, triggersPath+"/tr", nil, withIfMatch(etag2)),
		http.StatusPreconditionFailed, "PreconditionFailed")
	after := do(t, s, http.MethodGet, triggersPath+"/tr", nil)
	if string(after.Body) != string(before.Body) || after.Header.Get("ETag") != etag3 {
		t.Fatalf("state changed after 412:\n%s\n%s", before.Body, after.Body)
	}

	// Update validation applies to the merged trigger and stores nothing.
	expectError(t, do(t, s, http.MethodPut, triggersPath+"/tr", `{"invocationRole":""}`), http.StatusBadRequest, "InvalidArgument")
	expectError(t, do(t, s, http.MethodPut, triggersPath+"/tr", `{"triggerConfig":{"events":[]}}`), http.StatusBadRequest, "InvalidArgument")
	expectError(t, do(t, s, http.MethodPut, triggersPath+"/tr", `{"triggerConfig":"nope"}`), http.StatusBadRequest, "InvalidArgument")
	if r := do(t, s, http.MethodGet, triggersPath+"/tr", nil); r.Header.Get("ETag") != etag3 {
		t.Errorf("a failed update changed the trigger")
	}

	expectOK(t, do(t, s, http.MethodDelete, triggersPath+"/tr", nil, withIfMatch(etag3)))
	expectError(t, do(t, s, http.MethodGet, triggersPath+"/tr", nil), http.StatusNotFound, "TriggerNotFound")
	expectError(t, do(t, s, http.MethodDelete, triggersPath+"/tr", nil), http.StatusNotFound, "TriggerNotFound")
	expectError(t, do(t, s, http.MethodPut, triggersPath+"/tr", `{}`), http.StatusNotFound, "TriggerNotFound")
}

func TestTriggerNotFoundAndConflicts(t *testing.T) {
	s := newTriggerServer(t)
	mustCreateTrigger(t, s, timerTrigger("tr"))
	expectError(t, do(t, s, http.MethodPost, triggersPath, timerTrigger("tr")), http.StatusConflict, "TriggerAlreadyExists")

	tests := []struct {
		method, path string
		body         any
		status       int
		code         string
	}{
		{http.MethodPost, api + "/services/svc/functions/nofn/triggers", timerTrigger("x"), http.StatusNotFound, "FunctionNotFound"},
		{http.MethodPost, api + "/services/nosvc/functions/fn/triggers", timerTrigger("x"), http.StatusNotFound, "ServiceNotFound"},
		{http.MethodGet, api + "/services/svc/functions/nofn/triggers", nil, http.StatusNotFound, "FunctionNotFound"},
		{http.MethodGet, api + "/services/svc/functions/nofn/triggers/tr", nil, http.StatusNotFound, "FunctionNotFound"},
		{http.MethodGet, triggersPath + "/nope", nil, http.StatusNotFound, "TriggerNotFound"},
		{http.MethodGet, api + "/services/svc.LATEST/functions/fn/triggers/tr", nil, http.StatusBadRequest, "PathNotSupported"},
		{http.MethodPost, triggersPath + "/tr", timerTrigger("x"), http.StatusBadRequest, "PathNotSupported"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			expectError(t, do(t, s, tt.method, tt.path, tt.body), tt.status, tt.code)
		})
	}
}

// A function with triggers cannot be deleted; once they are gone it can.
func TestFunctionWithTriggersCannotBeDeleted(t *testing.T) {
	s := newTriggerServer(t)
	mustCreateTrigger(t, s, timerTrigger("a"))
	mustCreateTrigger(t, s, timerTrigger("b"))
	r := do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil)
	expectError(t, r, http.StatusConflict, "FunctionNotEmpty")
	if !strings.Contains(r.ErrorMessage(), "2 trigger(s)") {
		t.Errorf("message %q", r.ErrorMessage())
	}
	expectOK(t, do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil))
	expectOK(t, do(t, s, http.MethodDelete, triggersPath+"/a", nil))
	expectOK(t, do(t, s, http.MethodDelete, triggersPath+"/b", nil))
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil))
}

func TestTriggerQualifier(t *testing.T) {
	s := newTriggerServer(t)
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/versions", `{}`))
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/aliases", map[string]any{"aliasName": "prod", "versionId": "1"}))
	tests := []struct {
		qualifier string
		code      string
		stored    string
	}{
		{"LATEST", "", "LATEST"},
		{"1", "", "1"},
		{"01", "", "1"},
		{"prod", "", "prod"},
		{"2", "VersionNotFound", ""},
		{"staging", "AliasNotFound", ""},
	}
	for i, tt := range tests {
		t.Run(tt.qualifier, func(t *testing.T) {
			body := timerTrigger("t" + string(rune('a'+i)))
			body["qualifier"] = tt.qualifier
			r := do(t, s, http.MethodPost, triggersPath, body)
			if tt.code != "" {
				expectError(t, r, http.StatusNotFound, tt.code)
				// Update checks it the same way.
				expectError(t, do(t, s, http.MethodPut, triggersPath+"/ta", map[string]any{"qualifier": tt.qualifier}),
					http.StatusNotFound, tt.code)
				return
			}
			expectOK(t, r)
			var got rawTrigger
			r.Decode(t, &got)
			if deref(got.Qualifier) != tt.stored {
				t.Errorf("qualifier = %q, want %q", deref(got.Qualifier), tt.stored)
			}
		})
	}
}

// The configuration is accepted as an object or as a string holding one,
// stored canonically, and answered as an object under 2016-08-15 and as a
// string under 2021-04-06.
func TestTriggerConfigStringOrObject(t *testing.T) {
	s := newTriggerServer(t)
	asObject := `{"triggerName":"obj","triggerType":"timer","triggerConfig":{"payload":null,"enable":true,"cronExpression":"@every 5m"}}`
	asString := `{"triggerName":"str","triggerType":"timer","triggerConfig":"{\"cronExpression\": \"@every 5m\", \"enable\": true}"}`
	expectOK(t, do(t, s, http.MethodPost, triggersPath, asObject))
	expectOK(t, do(t, s, "POST", "/2021-04-06/services/svc/functions/fn/triggers", asString))
	canonical := `{"cronExpression":"@every 5m","enable":true}`

	for _, name := range []string{"obj", "str"} {
		t.Run(name, func(t *testing.T) {
			var v2016 rawTrigger
			do(t, s, http.MethodGet, triggersPath+"/"+name, nil).Decode(t, &v2016)
			if string(v2016.TriggerConfig) != canonical {
				t.Errorf("2016-08-15 triggerConfig = %s, want the object %s", v2016.TriggerConfig, canonical)
			}
			var v2021 rawTrigger
			do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions/fn/triggers/"+name, nil).Decode(t, &v2021)
			var str string
			if err := json.Unmarshal(v2021.TriggerConfig, &str); err != nil || str != canonical {
				t.Errorf("2021-04-06 triggerConfig = %s, want the string of %s", v2021.TriggerConfig, canonical)
			}
			// internal/fc decodes both shapes to the same value.
			var a, b fc.Trigger
			do(t, s, http.MethodGet, triggersPath+"/"+name, nil).Decode(t, &a)
			do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions/fn/triggers/"+name, nil).Decode(t, &b)
			if string(a.TriggerConfig) != string(b.TriggerConfig) {
				t.Errorf("fc.Trigger configs differ: %s vs %s", a.TriggerConfig, b.TriggerConfig)
			}
		})
	}

	// Lists use the same shapes.
	for prefix, wantString := range map[string]bool{"/2016-08-15": false, "/2021-04-06": true} {
		var list struct {
			Triggers []rawTrigger `json:"triggers"`
		}
		do(t, s, http.MethodGet, prefix+"/services/svc/functions/fn/triggers", nil).Decode(t, &list)
		if len(list.Triggers) != 2 {
			t.Fatalf("%s: %d triggers", prefix, len(list.Triggers))
		}
		for _, tr := range list.Triggers {
			if isString := tr.TriggerConfig[0] == '"'; isString != wantString {
				t.Errorf("%s list triggerConfig = %s", prefix, tr.TriggerConfig)
			}
		}
	}
}

func TestHTTPTriggerURLs(t *testing.T) {
	s := newTriggerServer(t, func(o *Options) { o.AccountID, o.Region = "42", "cn-shanghai" })
	mustCreateTrigger(t, s, validTriggers()["http"])
	var got rawTrigger
	do(t, s, http.MethodGet, triggersPath+"/t_http", nil).Decode(t, &got)
	if deref(got.URLInternet) != "https://42.cn-shanghai.fc.aliyuncs.com/2016-08-15/proxy/svc.LATEST/fn/" ||
		deref(got.URLIntranet) != "https://42.cn-shanghai-internal.fc.aliyuncs.com/2016-08-15/proxy/svc.LATEST/fn/" {
		t.Errorf("urls %q %q", deref(got.URLInternet), deref(got.URLIntranet))
	}
	// Client-sent URLs are ignored; disableURLInternet drops the public URL;
	// the qualifier appears in the path.
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/versions", nil))
	r := do(t, s, http.MethodPut, triggersPath+"/t_http", map[string]any{
		"qualifier":     "1",
		"urlInternet":   "https://elsewhere/",
		"triggerConfig": map[string]any{"authType": "function", "methods": []string{"GET"}, "disableURLInternet": true},
	})
	expectOK(t, r)
	got = rawTrigger{}
	r.Decode(t, &got)
	if got.URLInternet != nil || deref(got.URLIntranet) != "https://42.cn-shanghai-internal.fc.aliyuncs.com/2016-08-15/proxy/svc.1/fn/" {
		t.Errorf("urls %v %q", got.URLInternet, deref(got.URLIntranet))
	}
	// Other types carry no URL.
	mustCreateTrigger(t, s, timerTrigger("tm"))
	got = rawTrigger{}
	do(t, s, http.MethodGet, triggersPath+"/tm", nil).Decode(t, &got)
	if got.URLInternet != nil || got.URLIntranet != nil {
		t.Errorf("timer trigger has URLs")
	}
}

func TestListTriggersPagination(t *testing.T) {
	s := newTriggerServer(t)
	for _, n := range []string{"c", "a", "b", "x1", "x2"} {
		mustCreateTrigger(t, s, timerTrigger(n))
	}
	tests := []struct {
		query     string
		want      []string
		nextToken string
	}{
		{"", []string{"a", "b", "c", "x1", "x2"}, ""},
		{"?limit=2", []string{"a", "b"}, "c"},
		{"?limit=2&nextToken=c", []string{"c", "x1"}, "x2"},
		{"?prefix=x", []string{"x1", "x2"}, ""},
		{"?startKey=b&limit=1", []string{"b"}, "c"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			r := do(t, s, http.MethodGet, triggersPath+tt.query, nil)
			expectOK(t, r)
			var l struct {
				Triggers  []rawTrigger `json:"triggers"`
				NextToken string       `json:"nextToken"`
			}
			r.Decode(t, &l)
			var got []string
			for _, tr := range l.Triggers {
				got = append(got, tr.TriggerName)
			}
			if !equalStrings(got, tt.want) || l.NextToken != tt.nextToken {
				t.Errorf("got %v / %q, want %v / %q", got, l.NextToken, tt.want, tt.nextToken)
			}
		})
	}
	expectError(t, do(t, s, http.MethodGet, triggersPath+"?limit=101", nil), http.StatusBadRequest, "InvalidArgument")
}

// jsonEqual compares two JSON documents semantically.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("decoding %s: %v", a, err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("decoding %s: %v", b, err)
	}
	ca, _ := json.Marshal(va)
	cb, _ := json.Marshal(vb)
	return string(ca) == string(cb)
}
