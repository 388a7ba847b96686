package provider

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

func TestTriggerResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewTriggerResource())
	assertDescribed(t, "fc_trigger", s.Attributes)
	assertSchemaModelParity(t, "fc_trigger", s.Attributes, triggerResourceModel{})

	nested := []struct {
		name  string
		model any
	}{
		{attrCDNEventsConfig, cdnEventsTriggerConfigModel{}},
		{attrHTTPConfig, httpTriggerConfigModel{}},
		{attrLogConfig, logTriggerConfigModel{}},
		{attrMNSTopicConfig, mnsTopicTriggerConfigModel{}},
		{attrOSSConfig, ossTriggerConfigModel{}},
		{attrTablestoreConfig, tablestoreTriggerConfigModel{}},
		{attrTimerConfig, timerTriggerConfigModel{}},
	}
	for _, n := range nested {
		a, ok := s.Attributes[n.name].(rschema.SingleNestedAttribute)
		if !ok {
			t.Errorf("fc_trigger.%s is not a single nested attribute", n.name)
			continue
		}
		assertSchemaModelParity(t, "fc_trigger."+n.name, a.Attributes, n.model)
	}

	// http_config.jwt_auth_config, one level further down.
	if h, ok := s.Attributes[attrHTTPConfig].(rschema.SingleNestedAttribute); ok {
		if j, ok := h.Attributes["jwt_auth_config"].(rschema.SingleNestedAttribute); !ok {
			t.Error("fc_trigger.http_config.jwt_auth_config is not a single nested attribute")
		} else {
			assertSchemaModelParity(t, "fc_trigger.http_config.jwt_auth_config", j.Attributes, jwtAuthConfigModel{})
		}
	}

	// Every type has a configuration attribute of the schema, and every
	// configuration attribute serves a type.
	for _, typ := range validators.TriggerTypes {
		a, ok := triggerConfigAttrFor[typ]
		if !ok {
			t.Errorf("trigger type %q has no configuration attribute", typ)
			continue
		}
		if _, ok := s.Attributes[a]; !ok {
			t.Errorf("trigger type %q: configuration attribute %q is not in the schema", typ, a)
		}
	}
	for _, a := range triggerConfigAttrs {
		found := false
		for _, v := range triggerConfigAttrFor {
			found = found || v == a
		}
		if !found {
			t.Errorf("configuration attribute %q serves no trigger type", a)
		}
		m := triggerResourceModel{}
		if m.configValue(a) == nil {
			t.Errorf("configValue(%q) is nil", a)
		}
	}
	if !slices.IsSorted(triggerConfigAttrs) {
		t.Error("triggerConfigAttrs is not sorted")
	}

	// Immutable arguments force replacement.
	for _, name := range []string{"function_name", "name", "service_name", "source_arn", "type"} {
		a := s.Attributes[name].(rschema.StringAttribute)
		if len(a.PlanModifiers) == 0 {
			t.Errorf("fc_trigger.%s has no RequiresReplace", name)
		}
	}
}

func TestTriggersDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewTriggersDataSource())
	assertDescribed(t, "data.fc_triggers", s.Attributes)
	assertSchemaModelParity(t, "data.fc_triggers", s.Attributes, triggersDataSourceModel{})
	elems := s.Attributes["triggers"].(dschema.ListNestedAttribute).NestedObject.Attributes
	assertSchemaModelParity(t, "data.fc_triggers.triggers", elems, triggerItemModel{})
	for name, a := range elems {
		if !a.IsComputed() {
			t.Errorf("data.fc_triggers.triggers.%s is not computed", name)
		}
	}
}

// ---------------------------------------------------------------------------
// model builders

// triggerPlan is a plan of the given type with no configuration: optional
// attributes null, computed ones unknown, as the framework builds it.
func triggerPlan(typ string) triggerResourceModel {
	return triggerResourceModel{
		CDNEventsConfig:  types.ObjectNull(cdnEventsTriggerConfigAttrTypes),
		ConfigJSON:       jsontypes.NewNormalizedNull(),
		CreatedTime:      types.StringUnknown(),
		Description:      types.StringNull(),
		FunctionName:     types.StringValue("fn"),
		HTTPConfig:       types.ObjectNull(httpTriggerConfigAttrTypes),
		ID:               types.StringUnknown(),
		InvocationRole:   types.StringNull(),
		LastModifiedTime: types.StringUnknown(),
		LogConfig:        types.ObjectNull(logTriggerConfigAttrTypes),
		MNSTopicConfig:   types.ObjectNull(mnsTopicTriggerConfigAttrTypes),
		Name:             types.StringValue("tr"),
		OSSConfig:        types.ObjectNull(ossTriggerConfigAttrTypes),
		Qualifier:        types.StringNull(),
		ServiceName:      types.StringValue("svc"),
		SourceARN:        types.StringNull(),
		TablestoreConfig: types.ObjectNull(tablestoreTriggerConfigAttrTypes),
		TimerConfig:      types.ObjectNull(timerTriggerConfigAttrTypes),
		TriggerID:        types.StringUnknown(),
		Type:             types.StringValue(typ),
		URLInternet:      types.StringUnknown(),
		URLIntranet:      types.StringUnknown(),
	}
}

func timerTriggerObject(cron string, enable bool, payload types.String) types.Object {
	return types.ObjectValueMust(timerTriggerConfigAttrTypes, map[string]attr.Value{
		"cron_expression": types.StringValue(cron),
		"enable":          types.BoolValue(enable),
		"payload":         payload,
	})
}

func httpTriggerObject(auth string, disable bool, methods ...string) types.Object {
	return httpJWTTriggerObject(auth, types.ObjectNull(jwtAuthConfigAttrTypes), disable, methods...)
}

func httpJWTTriggerObject(auth string, jwt types.Object, disable bool, methods ...string) types.Object {
	return types.ObjectValueMust(httpTriggerConfigAttrTypes, map[string]attr.Value{
		"auth_type":            types.StringValue(auth),
		"disable_url_internet": types.BoolValue(disable),
		"jwt_auth_config":      jwt,
		"methods":              types.SetValueMust(types.StringType, stringValues(methods...)),
	})
}

// testJWKS is a JSON Web Key Set with one symmetric key.
const testJWKS = `{"keys":[{"kty":"oct","kid":"k1","alg":"HS256","k":"c2VjcmV0"}]}`

// jwtObject is a jwt_auth_config; lists are null when nil, [] when empty.
func jwtObject(jwks string, tokenLookup, claimPassBy, whiteList, blackList []string) types.Object {
	list := func(v []string) types.List {
		if v == nil {
			return types.ListNull(types.StringType)
		}
		return types.ListValueMust(types.StringType, stringValues(v...))
	}
	return types.ObjectValueMust(jwtAuthConfigAttrTypes, map[string]attr.Value{
		"black_list":    list(blackList),
		"claim_pass_by": list(claimPassBy),
		"jwks":          types.StringValue(jwks),
		"token_lookup":  list(tokenLookup),
		"white_list":    list(whiteList),
	})
}

func ossTriggerObject(prefix, suffix types.String, events ...string) types.Object {
	return types.ObjectValueMust(ossTriggerConfigAttrTypes, map[string]attr.Value{
		"events":        types.ListValueMust(types.StringType, stringValues(events...)),
		"filter_prefix": prefix,
		"filter_suffix": suffix,
	})
}

func logTriggerObject(params types.Map, maxRetry, interval types.Int64) types.Object {
	return types.ObjectValueMust(logTriggerConfigAttrTypes, map[string]attr.Value{
		"enable":             types.BoolValue(true),
		"function_parameter": params,
		"logstore":           types.StringValue("out"),
		"max_retry_time":     maxRetry,
		"project":            types.StringValue("proj"),
		"source_logstore":    types.StringValue("in"),
		"trigger_interval":   interval,
	})
}

func mnsTriggerObject(tag types.String, format, strategy string) types.Object {
	return types.ObjectValueMust(mnsTopicTriggerConfigAttrTypes, map[string]attr.Value{
		"filter_tag":            tag,
		"notify_content_format": types.StringValue(format),
		"notify_strategy":       types.StringValue(strategy),
	})
}

func cdnTriggerObject(notes types.String, filter map[string][]string) types.Object {
	elemType := types.ListType{ElemType: types.StringType}
	elems := map[string]attr.Value{}
	for k, v := range filter {
		elems[k] = types.ListValueMust(types.StringType, stringValues(v...))
	}
	return types.ObjectValueMust(cdnEventsTriggerConfigAttrTypes, map[string]attr.Value{
		"event_name":    types.StringValue("LogFileCreated"),
		"event_version": types.StringValue("1.0.0"),
		"filter":        types.MapValueMust(elemType, elems),
		"notes":         notes,
	})
}

func tablestoreTriggerObject() types.Object {
	return types.ObjectValueMust(tablestoreTriggerConfigAttrTypes, map[string]attr.Value{
		"instance_name": types.StringValue("inst"),
		"table_name":    types.StringValue("tbl"),
	})
}

// withConfig returns a plan of type typ with attribute a set to v.
func withTriggerConfig(typ, a string, v attr.Value) triggerResourceModel {
	m := triggerPlan(typ)
	setTriggerConfig(&m, a, v)
	return m
}

// setTriggerConfig sets the configuration attribute a of m to v.
func setTriggerConfig(m *triggerResourceModel, a string, v attr.Value) {
	triggerKindByAttribute[a].set(m, v)
}

// assertTriggerJSONEqual compares two JSON documents semantically.
func assertTriggerJSONEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got %s: not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %s: not JSON: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("JSON differs:\n got %s\nwant %s", got, want)
	}
}

func assertTriggerNoDiags(t *testing.T, diags diag.Diagnostics) {
	t.Helper()
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
}

// ---------------------------------------------------------------------------
// expand

func TestExpandTriggerConfig(t *testing.T) {
	cases := []struct {
		name  string
		model triggerResourceModel
		want  string
	}{
		{
			name:  "timer",
			model: withTriggerConfig("timer", attrTimerConfig, timerTriggerObject("@every 5m", false, types.StringValue("hi"))),
			want:  `{"cronExpression":"@every 5m","enable":false,"payload":"hi"}`,
		},
		{
			name:  "timer without payload sends an empty one",
			model: withTriggerConfig("timer", attrTimerConfig, timerTriggerObject("cron(0 0 4 * * *)", true, types.StringNull())),
			want:  `{"cronExpression":"cron(0 0 4 * * *)","enable":true,"payload":""}`,
		},
		{
			name:  "http methods are sent sorted",
			model: withTriggerConfig("http", attrHTTPConfig, httpTriggerObject("function", true, "POST", "GET")),
			want:  `{"authType":"function","disableURLInternet":true,"methods":["GET","POST"]}`,
		},
		{
			name: "http jwt: authConfig is a string holding the JWTAuthConfig, blackList one string",
			model: withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt",
				jwtObject(testJWKS, []string{"header:Authorization:Bearer", "cookie:token"}, []string{"header:uid:X-User-Id"},
					[]string{"/health"}, []string{"/admin", "/internal"}), false, "GET")),
			want: `{"authType":"jwt","authConfig":` + jsonString(`{"blackList":"/admin,/internal","claimPassBy":["header:uid:X-User-Id"],`+
				`"jwks":`+jsonString(testJWKS)+`,"tokenLookup":["header:Authorization:Bearer","cookie:token"],"whiteList":["/health"]}`) +
				`,"disableURLInternet":false,"methods":["GET"]}`,
		},
		{
			name:  "http jwt: null and empty lists are left out",
			model: withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt", jwtObject(testJWKS, nil, []string{}, nil, []string{}), false, "GET")),
			want:  `{"authType":"jwt","authConfig":` + jsonString(`{"jwks":`+jsonString(testJWKS)+`}`) + `,"disableURLInternet":false,"methods":["GET"]}`,
		},
		{
			name:  "oss keeps the order of events",
			model: withTriggerConfig("oss", attrOSSConfig, ossTriggerObject(types.StringValue("a/"), types.StringNull(), "oss:ObjectRemoved:*", "oss:ObjectCreated:*")),
			want:  `{"events":["oss:ObjectRemoved:*","oss:ObjectCreated:*"],"filter":{"key":{"prefix":"a/","suffix":""}}}`,
		},
		{
			name: "log with job settings and parameters",
			model: withTriggerConfig("log", attrLogConfig, logTriggerObject(
				types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("v")}),
				types.Int64Value(0), types.Int64Value(60))),
			want: `{"sourceConfig":{"logstore":"in"},"jobConfig":{"maxRetryTime":0,"triggerInterval":60},` +
				`"logConfig":{"project":"proj","logstore":"out"},"functionParameter":{"k":"v"},"enable":true}`,
		},
		{
			name:  "log leaves unknown job settings to FC and sends no parameters as {}",
			model: withTriggerConfig("log", attrLogConfig, logTriggerObject(types.MapNull(types.StringType), types.Int64Unknown(), types.Int64Unknown())),
			want: `{"sourceConfig":{"logstore":"in"},"jobConfig":{},` +
				`"logConfig":{"project":"proj","logstore":"out"},"functionParameter":{},"enable":true}`,
		},
		{
			name:  "mns_topic",
			model: withTriggerConfig("mns_topic", attrMNSTopicConfig, mnsTriggerObject(types.StringNull(), "JSON", "EXPONENTIAL_DECAY_RETRY")),
			want:  `{"filterTag":"","notifyContentFormat":"JSON","notifyStrategy":"EXPONENTIAL_DECAY_RETRY"}`,
		},
		{
			name:  "cdn_events",
			model: withTriggerConfig("cdn_events", attrCDNEventsConfig, cdnTriggerObject(types.StringNull(), map[string][]string{"domain": {"b.example.com", "a.example.com"}})),
			want:  `{"eventName":"LogFileCreated","eventVersion":"1.0.0","notes":"","filter":{"domain":["b.example.com","a.example.com"]}}`,
		},
		{
			name:  "tablestore",
			model: withTriggerConfig("tablestore", attrTablestoreConfig, tablestoreTriggerObject()),
			want:  `{"instanceName":"inst","tableName":"tbl"}`,
		},
		{
			name:  "eventbridge sends config_json compacted",
			model: withTriggerConfig("eventbridge", attrConfigJSON, jsontypes.NewNormalizedValue("{\n  \"b\": 1,\n  \"a\": {\"x\": [true]}\n}\n")),
			want:  `{"b":1,"a":{"x":[true]}}`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := expandTriggerConfig(context.Background(), tc.model)
			assertTriggerNoDiags(t, diags)
			assertTriggerJSONEqual(t, got, tc.want)
			if tc.model.Type.ValueString() == "eventbridge" && strings.ContainsAny(string(got), " \n") {
				t.Errorf("config_json not compacted: %s", got)
			}
		})
	}
}

func TestExpandTriggerConfig_errors(t *testing.T) {
	cases := []struct {
		name     string
		model    triggerResourceModel
		wantPath path.Path
	}{
		{"missing configuration", triggerPlan("timer"), path.Root(attrTimerConfig)},
		{"config_json not an object", withTriggerConfig("mq", attrConfigJSON, jsontypes.NewNormalizedValue(`[1]`)), path.Root(attrConfigJSON)},
		{"unknown type", triggerPlan("kafka"), path.Root("type")},
		{"jwt without jwt_auth_config", withTriggerConfig("http", attrHTTPConfig, httpTriggerObject("jwt", false, "GET")),
			path.Root(attrHTTPConfig).AtName("jwt_auth_config")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := expandTriggerConfig(context.Background(), tc.model)
			assertTriggerDiagPaths(t, diags, tc.wantPath)
		})
	}
}

func TestExpandTrigger_createOmitsUnsetUpdateClears(t *testing.T) {
	ctx := context.Background()
	plan := withTriggerConfig("timer", attrTimerConfig, timerTriggerObject("@every 5m", true, types.StringNull()))

	in, diags := expandTriggerCreate(ctx, plan)
	assertTriggerNoDiags(t, diags)
	if in.SourceArn != nil || in.InvocationRole != nil || in.Qualifier != nil || in.Description != nil {
		t.Errorf("create sends unset arguments: %+v", in)
	}
	if *in.TriggerName != "tr" || *in.TriggerType != "timer" {
		t.Errorf("create sends name %q, type %q", *in.TriggerName, *in.TriggerType)
	}

	up, diags := expandTriggerUpdate(ctx, plan)
	assertTriggerNoDiags(t, diags)
	for name, p := range map[string]*string{"invocationRole": up.InvocationRole, "qualifier": up.Qualifier, "description": up.Description} {
		if p == nil || *p != "" {
			t.Errorf("update: %s = %v, want \"\" (a clear)", name, p)
		}
	}
	if up.TriggerName != nil || up.TriggerType != nil || up.SourceArn != nil {
		t.Errorf("update sends immutable fields: %+v", up)
	}
	body, err := json.Marshal(up)
	if err != nil {
		t.Fatal(err)
	}
	// triggerConfig travels as a string holding the object.
	var wire map[string]any
	_ = json.Unmarshal(body, &wire)
	if s, ok := wire["triggerConfig"].(string); !ok || !strings.Contains(s, `"cronExpression":"@every 5m"`) {
		t.Errorf("update body triggerConfig = %#v", wire["triggerConfig"])
	}

	plan.Qualifier = types.StringValue("prod")
	plan.Description = types.StringValue("")
	up, _ = expandTriggerUpdate(ctx, plan)
	if *up.Qualifier != "prod" || *up.Description != "" {
		t.Errorf("update: qualifier %q, description %q", *up.Qualifier, *up.Description)
	}
}

// ---------------------------------------------------------------------------
// flatten

func apiTrigger(typ, cfg string) *fc.Trigger {
	return &fc.Trigger{
		TriggerName:      fc.Ptr("tr"),
		TriggerID:        fc.Ptr("id-1"),
		TriggerType:      fc.Ptr(typ),
		TriggerConfig:    fc.TriggerConfig(cfg),
		CreatedTime:      fc.Ptr("2024-01-02T03:04:05Z"),
		LastModifiedTime: fc.Ptr("2024-01-02T03:04:06Z"),
	}
}

func TestFlattenTrigger_configs(t *testing.T) {
	cases := []struct {
		name  string
		typ   string
		api   string
		prior triggerResourceModel
		attr  string
		want  attr.Value
	}{
		{
			name: "timer: empty payload is null, absent enable is FC's default true",
			typ:  "timer", api: `{"cronExpression":"@every 5m","payload":""}`, prior: triggerPlan("timer"),
			attr: attrTimerConfig, want: timerTriggerObject("@every 5m", true, types.StringNull()),
		},
		{
			name: "timer: empty payload stays empty where the user wrote it",
			typ:  "timer", api: `{"payload":"","enable":false,"cronExpression":"@every 1h"}`,
			prior: withTriggerConfig("timer", attrTimerConfig, timerTriggerObject("@every 5m", true, types.StringValue(""))),
			attr:  attrTimerConfig, want: timerTriggerObject("@every 1h", false, types.StringValue("")),
		},
		{
			name: "http: methods are a set",
			typ:  "http", api: `{"methods":["POST","GET"],"authType":"anonymous"}`, prior: triggerPlan("http"),
			attr: attrHTTPConfig, want: httpTriggerObject("anonymous", false, "GET", "POST"),
		},
		{
			name: "http: an empty authConfig is no jwt_auth_config",
			typ:  "http", api: `{"methods":["GET"],"authType":"anonymous","authConfig":""}`, prior: triggerPlan("http"),
			attr: attrHTTPConfig, want: httpTriggerObject("anonymous", false, "GET"),
		},
		{
			name: "http jwt: import reads every field, blackList split",
			typ:  "http", prior: triggerPlan("http"),
			api: `{"methods":["GET"],"authType":"jwt","authConfig":` + jsonString(`{"jwks":`+jsonString(testJWKS)+
				`,"tokenLookup":["query:jwt"],"claimPassBy":["header:uid:X-Uid"],"whiteList":["/a"],"blackList":"/b,/c"}`) + `}`,
			attr: attrHTTPConfig, want: httpJWTTriggerObject("jwt",
				jwtObject(testJWKS, []string{"query:jwt"}, []string{"header:uid:X-Uid"}, []string{"/a"}, []string{"/b", "/c"}), false, "GET"),
		},
		{
			name: "http jwt: blackList answered as a list is read too",
			typ:  "http", prior: triggerPlan("http"),
			api:  `{"methods":["GET"],"authType":"jwt","authConfig":` + jsonString(`{"jwks":`+jsonString(testJWKS)+`,"blackList":["/b"]}`) + `}`,
			attr: attrHTTPConfig, want: httpJWTTriggerObject("jwt", jwtObject(testJWKS, nil, nil, nil, []string{"/b"}), false, "GET"),
		},
		{
			name: "http jwt: the same key set in another form keeps the user's text, [] stays []",
			typ:  "http",
			prior: withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt",
				jwtObject("{\n  \"keys\": [ {\"k\": \"c2VjcmV0\", \"alg\": \"HS256\", \"kid\": \"k1\", \"kty\": \"oct\"} ]\n}", []string{}, nil, nil, nil), false, "GET")),
			api:  `{"methods":["GET"],"authType":"jwt","authConfig":` + jsonString(`{"jwks":`+jsonString(testJWKS)+`}`) + `}`,
			attr: attrHTTPConfig, want: httpJWTTriggerObject("jwt",
				jwtObject("{\n  \"keys\": [ {\"k\": \"c2VjcmV0\", \"alg\": \"HS256\", \"kid\": \"k1\", \"kty\": \"oct\"} ]\n}", []string{}, nil, nil, nil), false, "GET"),
		},
		{
			name: "http jwt: another key set is a change",
			typ:  "http",
			prior: withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt",
				jwtObject(`{"keys":[{"kty":"oct","k":"b2xk"}]}`, nil, nil, nil, nil), false, "GET")),
			api:  `{"methods":["GET"],"authType":"jwt","authConfig":` + jsonString(`{"jwks":`+jsonString(testJWKS)+`}`) + `}`,
			attr: attrHTTPConfig, want: httpJWTTriggerObject("jwt", jwtObject(testJWKS, nil, nil, nil, nil), false, "GET"),
		},
		{
			name: "http: leftover authConfig after a switch to anonymous is read, so the plan clears it",
			typ:  "http", prior: withTriggerConfig("http", attrHTTPConfig, httpTriggerObject("anonymous", false, "GET")),
			api:  `{"methods":["GET"],"authType":"anonymous","authConfig":` + jsonString(`{"jwks":`+jsonString(testJWKS)+`}`) + `}`,
			attr: attrHTTPConfig, want: httpJWTTriggerObject("anonymous", jwtObject(testJWKS, nil, nil, nil, nil), false, "GET"),
		},
		{
			name: "oss: empty filters are null",
			typ:  "oss", api: `{"filter":{"key":{"suffix":"","prefix":""}},"events":["oss:ObjectCreated:*"]}`, prior: triggerPlan("oss"),
			attr: attrOSSConfig, want: ossTriggerObject(types.StringNull(), types.StringNull(), "oss:ObjectCreated:*"),
		},
		{
			name: "oss: events FC answers in another order keep the prior order",
			typ:  "oss", api: `{"events":["oss:ObjectRemoved:DeleteObject","oss:ObjectCreated:*"]}`,
			prior: withTriggerConfig("oss", attrOSSConfig, ossTriggerObject(types.StringNull(), types.StringNull(), "oss:ObjectCreated:*", "oss:ObjectRemoved:DeleteObject")),
			attr:  attrOSSConfig, want: ossTriggerObject(types.StringNull(), types.StringNull(), "oss:ObjectCreated:*", "oss:ObjectRemoved:DeleteObject"),
		},
		{
			name: "oss: other events are a change",
			typ:  "oss", api: `{"events":["oss:ObjectRemoved:DeleteObject","oss:ObjectRemoved:DeleteObject"]}`,
			prior: withTriggerConfig("oss", attrOSSConfig, ossTriggerObject(types.StringNull(), types.StringNull(), "oss:ObjectCreated:*", "oss:ObjectRemoved:DeleteObject")),
			attr:  attrOSSConfig, want: ossTriggerObject(types.StringNull(), types.StringNull(), "oss:ObjectRemoved:DeleteObject", "oss:ObjectRemoved:DeleteObject"),
		},
		{
			name: "oss: no filter at all",
			typ:  "oss", api: `{"events":["oss:ObjectCreated:*"]}`,
			prior: withTriggerConfig("oss", attrOSSConfig, ossTriggerObject(types.StringValue(""), types.StringNull(), "oss:ObjectCreated:*")),
			attr:  attrOSSConfig, want: ossTriggerObject(types.StringValue(""), types.StringNull(), "oss:ObjectCreated:*"),
		},
		{
			name: "log: FC's job settings are reported, {} parameters are null",
			typ:  "log", api: `{"enable":true,"functionParameter":{},"jobConfig":{"maxRetryTime":3,"triggerInterval":60},` +
				`"logConfig":{"logstore":"out","project":"proj"},"sourceConfig":{"logstore":"in"}}`,
			prior: triggerPlan("log"),
			attr:  attrLogConfig, want: logTriggerObject(types.MapNull(types.StringType), types.Int64Value(3), types.Int64Value(60)),
		},
		{
			name: "log: {} parameters stay {} where the user wrote them; absent job settings are null",
			typ:  "log", api: `{"logConfig":{"logstore":"out","project":"proj"},"sourceConfig":{"logstore":"in"}}`,
			prior: withTriggerConfig("log", attrLogConfig, logTriggerObject(types.MapValueMust(types.StringType, map[string]attr.Value{}), types.Int64Unknown(), types.Int64Unknown())),
			attr:  attrLogConfig, want: logTriggerObject(types.MapValueMust(types.StringType, map[string]attr.Value{}), types.Int64Null(), types.Int64Null()),
		},
		{
			// Removing trigger_interval from the configuration must be a
			// change (and FC's default must not show as a diff).
			name: "log: job settings FC fills in are null where the configuration does not set them",
			typ:  "log", api: `{"jobConfig":{"maxRetryTime":3,"triggerInterval":60},"logConfig":{"logstore":"out","project":"proj"},"sourceConfig":{"logstore":"in"}}`,
			prior: withTriggerConfig("log", attrLogConfig, logTriggerObject(types.MapNull(types.StringType), types.Int64Null(), types.Int64Value(30))),
			attr:  attrLogConfig, want: logTriggerObject(types.MapNull(types.StringType), types.Int64Null(), types.Int64Value(60)),
		},
		{
			name: "mns_topic: empty enums are FC's defaults",
			typ:  "mns_topic", api: `{"filterTag":"t"}`, prior: triggerPlan("mns_topic"),
			attr: attrMNSTopicConfig, want: mnsTriggerObject(types.StringValue("t"), "STREAM", "BACKOFF_RETRY"),
		},
		{
			name: "cdn_events",
			typ:  "cdn_events", api: `{"eventName":"LogFileCreated","eventVersion":"1.0.0","filter":{"domain":["x.com"]},"notes":""}`,
			prior: triggerPlan("cdn_events"),
			attr:  attrCDNEventsConfig, want: cdnTriggerObject(types.StringNull(), map[string][]string{"domain": {"x.com"}}),
		},
		{
			name: "tablestore",
			typ:  "tablestore", api: `{"tableName":"tbl","instanceName":"inst"}`, prior: triggerPlan("tablestore"),
			attr: attrTablestoreConfig, want: tablestoreTriggerObject(),
		},
		{
			name: "rds: raw JSON",
			typ:  "rds", api: `{"concurrency":1}`, prior: triggerPlan("rds"),
			attr: attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"concurrency":1}`),
		},
		{
			name: "eventbridge: the prior value is kept when it is the same JSON",
			typ:  "eventbridge", api: `{"a":1,"b":[1,2]}`,
			prior: withTriggerConfig("eventbridge", attrConfigJSON, jsontypes.NewNormalizedValue("{ \"b\": [1, 2],\n \"a\": 1 }")),
			attr:  attrConfigJSON, want: jsontypes.NewNormalizedValue("{ \"b\": [1, 2],\n \"a\": 1 }"),
		},
		{
			name: "eventbridge: a change is reported",
			typ:  "eventbridge", api: `{"a":2,"b":[2,1]}`,
			prior: withTriggerConfig("eventbridge", attrConfigJSON, jsontypes.NewNormalizedValue(`{"b":[1,2],"a":1}`)),
			attr:  attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"a":2,"b":[2,1]}`),
		},
		{
			name: "eventbridge: null members FC drops and numbers FC rewrites are no change",
			typ:  "eventbridge", api: `{"a":{"n":100,"x":1},"l":[1,{"k":2}],"r":0.5}`,
			prior: withTriggerConfig("eventbridge", attrConfigJSON, jsontypes.NewNormalizedValue(
				`{"a":{"x":1.0,"y":null,"n":1e2},"l":[1.00,{"k":2,"z":null}],"r":5e-1,"gone":null}`)),
			attr: attrConfigJSON, want: jsontypes.NewNormalizedValue(
				`{"a":{"x":1.0,"y":null,"n":1e2},"l":[1.00,{"k":2,"z":null}],"r":5e-1,"gone":null}`),
		},
		{
			name: "mq: a null that FC answers with a value is a change",
			typ:  "mq", api: `{"a":1}`,
			prior: withTriggerConfig("mq", attrConfigJSON, jsontypes.NewNormalizedValue(`{"a":null}`)),
			attr:  attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"a":1}`),
		},
		{
			name: "mq: a null array element is not dropped",
			typ:  "mq", api: `{"a":[1]}`,
			prior: withTriggerConfig("mq", attrConfigJSON, jsontypes.NewNormalizedValue(`{"a":[1,null]}`)),
			attr:  attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"a":[1]}`),
		},
		{
			name: "mq: a different number is a change",
			typ:  "mq", api: `{"a":1.5}`,
			prior: withTriggerConfig("mq", attrConfigJSON, jsontypes.NewNormalizedValue(`{"a":1}`)),
			attr:  attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"a":1.5}`),
		},
		{
			name: "mq: a number is not its string",
			typ:  "mq", api: `{"a":"1"}`,
			prior: withTriggerConfig("mq", attrConfigJSON, jsontypes.NewNormalizedValue(`{"a":1}`)),
			attr:  attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"a":"1"}`),
		},
		{
			name: "a type this provider does not know keeps its JSON",
			typ:  "kafka", api: `{"topic":"t"}`, prior: triggerPlan("kafka"),
			attr: attrConfigJSON, want: jsontypes.NewNormalizedValue(`{"topic":"t"}`),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := flattenTrigger(context.Background(), apiTrigger(tc.typ, tc.api), tc.prior)
			assertTriggerNoDiags(t, diags)
			for _, a := range triggerConfigAttrs {
				v := got.configValue(a)
				if a == tc.attr {
					if !v.Equal(tc.want) {
						t.Errorf("%s =\n %v\nwant\n %v", a, v, tc.want)
					}
					continue
				}
				if !v.IsNull() {
					t.Errorf("%s = %v, want null (type %s)", a, v, tc.typ)
				}
			}
		})
	}
}

func TestFlattenTrigger_attributes(t *testing.T) {
	api := apiTrigger("http", `{"authType":"anonymous","methods":["GET"]}`)
	api.URLInternet = fc.Ptr("https://a/")
	api.URLIntranet = fc.Ptr("https://b/")
	api.SourceArn = fc.Ptr("")
	api.InvocationRole = fc.Ptr("role")
	got, diags := flattenTrigger(context.Background(), api, triggerPlan("http"))
	assertTriggerNoDiags(t, diags)
	want := map[string]attr.Value{
		"id":                 types.StringValue("svc/fn/tr"),
		"trigger_id":         types.StringValue("id-1"),
		"created_time":       types.StringValue("2024-01-02T03:04:05Z"),
		"last_modified_time": types.StringValue("2024-01-02T03:04:06Z"),
		"url_internet":       types.StringValue("https://a/"),
		"url_intranet":       types.StringValue("https://b/"),
		"source_arn":         types.StringNull(),
		"invocation_role":    types.StringValue("role"),
		"description":        types.StringNull(),
		"qualifier":          types.StringNull(),
	}
	gotValues := map[string]attr.Value{
		"id": got.ID, "trigger_id": got.TriggerID, "created_time": got.CreatedTime, "last_modified_time": got.LastModifiedTime,
		"url_internet": got.URLInternet, "url_intranet": got.URLIntranet, "source_arn": got.SourceARN,
		"invocation_role": got.InvocationRole, "description": got.Description, "qualifier": got.Qualifier,
	}
	for k, w := range want {
		if !gotValues[k].Equal(w) {
			t.Errorf("%s = %v, want %v", k, gotValues[k], w)
		}
	}

	// URLs belong to http triggers only.
	timer := apiTrigger("timer", `{"cronExpression":"@every 5m"}`)
	timer.URLInternet = fc.Ptr("https://a/")
	got, _ = flattenTrigger(context.Background(), timer, triggerPlan("timer"))
	if !got.URLInternet.IsNull() || !got.URLIntranet.IsNull() {
		t.Errorf("timer trigger has URLs %v, %v", got.URLInternet, got.URLIntranet)
	}

	// Import: names come from the prior state, type and config from FC.
	imported := triggerResourceModel{ServiceName: types.StringValue("s"), FunctionName: types.StringValue("f"), Name: types.StringValue("tr")}
	got, diags = flattenTrigger(context.Background(), apiTrigger("timer", `{"cronExpression":"@every 5m","enable":true,"payload":"x"}`), imported)
	assertTriggerNoDiags(t, diags)
	if got.ID.ValueString() != "s/f/tr" || got.Type.ValueString() != "timer" || !got.TimerConfig.Equal(timerTriggerObject("@every 5m", true, types.StringValue("x"))) {
		t.Errorf("imported trigger: id %v, type %v, timer_config %v", got.ID, got.Type, got.TimerConfig)
	}
}

func TestFlattenTrigger_emptyStringsFollowPrior(t *testing.T) {
	api := apiTrigger("timer", `{"cronExpression":"@every 5m"}`)
	api.Description = fc.Ptr("")
	prior := triggerPlan("timer")
	prior.Description = types.StringValue("")
	got, _ := flattenTrigger(context.Background(), api, prior)
	if !got.Description.Equal(types.StringValue("")) {
		t.Errorf("description = %v, want \"\" (written by the user)", got.Description)
	}
	got, _ = flattenTrigger(context.Background(), api, triggerPlan("timer"))
	if !got.Description.IsNull() {
		t.Errorf("description = %v, want null", got.Description)
	}
}

func TestFlattenTriggerQualifier(t *testing.T) {
	cases := []struct {
		api   *string
		prior types.String
		want  types.String
	}{
		{nil, types.StringNull(), types.StringNull()},
		{fc.Ptr(""), types.StringNull(), types.StringNull()},
		{fc.Ptr("LATEST"), types.StringNull(), types.StringNull()},
		{fc.Ptr("LATEST"), types.StringValue("LATEST"), types.StringValue("LATEST")},
		{fc.Ptr(""), types.StringValue("LATEST"), types.StringValue("LATEST")},
		{nil, types.StringUnknown(), types.StringNull()},
		{fc.Ptr("prod"), types.StringNull(), types.StringValue("prod")},
		{fc.Ptr("1"), types.StringValue("prod"), types.StringValue("1")},
		{fc.Ptr(""), types.StringValue("prod"), types.StringNull()},
	}
	for _, tc := range cases {
		if got := flattenQualifier(tc.api, tc.prior); !got.Equal(tc.want) {
			t.Errorf("flattenQualifier(%v, %v) = %v, want %v", tc.api, tc.prior, got, tc.want)
		}
	}
}

func TestFlattenTrigger_unexpectedConfig(t *testing.T) {
	for _, tc := range []struct{ typ, cfg, attr string }{
		{"timer", `{"cronExpression":5}`, attrTimerConfig},
		{"http", `{"methods":"GET"}`, attrHTTPConfig},
		{"http", `{"methods":["GET"],"authType":"jwt","authConfig":"{jwks"}`, attrHTTPConfig},
		{"oss", ``, attrOSSConfig},
	} {
		_, diags := flattenTrigger(context.Background(), apiTrigger(tc.typ, tc.cfg), triggerPlan(tc.typ))
		assertTriggerDiagPaths(t, diags, path.Root(tc.attr))
	}
}

// TestTriggerRoundTrip expands a full plan of every type, lets a fake FC
// answer with the configuration (keys sorted, as the emulator does) and
// flattens it with the plan as prior: the result is the plan, with the
// computed attributes filled in.
func TestTriggerRoundTrip(t *testing.T) {
	plans := []triggerResourceModel{
		withTriggerConfig("timer", attrTimerConfig, timerTriggerObject("@every 5m", false, types.StringValue(""))),
		withTriggerConfig("http", attrHTTPConfig, httpTriggerObject("function", false, "GET", "DELETE")),
		withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt",
			jwtObject("{ \"keys\": [{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}] }", []string{"header:Authorization:Bearer "}, []string{}, []string{"/h"}, []string{"/a", "/b"}),
			true, "POST")),
		withTriggerConfig("oss", attrOSSConfig, ossTriggerObject(types.StringValue("p"), types.StringValue(""), "oss:ObjectCreated:*")),
		withTriggerConfig("log", attrLogConfig, logTriggerObject(types.MapValueMust(types.StringType, map[string]attr.Value{"a": types.StringValue("")}), types.Int64Value(0), types.Int64Value(3))),
		withTriggerConfig("mns_topic", attrMNSTopicConfig, mnsTriggerObject(types.StringValue(""), "STREAM", "BACKOFF_RETRY")),
		withTriggerConfig("cdn_events", attrCDNEventsConfig, cdnTriggerObject(types.StringValue("n"), map[string][]string{"domain": {"a", "b"}, "path": {"/x"}})),
		withTriggerConfig("tablestore", attrTablestoreConfig, tablestoreTriggerObject()),
		withTriggerConfig("mq", attrConfigJSON, jsontypes.NewNormalizedValue(`{ "z": 1, "a": "b" }`)),
	}
	for _, plan := range plans {
		t.Run(plan.Type.ValueString(), func(t *testing.T) {
			plan.Description = types.StringValue("")
			plan.Qualifier = types.StringValue("prod")
			plan.InvocationRole = types.StringValue("role")
			plan.SourceARN = types.StringValue("arn")
			in, diags := expandTriggerCreate(context.Background(), plan)
			assertTriggerNoDiags(t, diags)

			// The answer: sorted keys, compact, as FC stores it.
			var doc any
			if err := json.Unmarshal(in.TriggerConfig, &doc); err != nil {
				t.Fatal(err)
			}
			canonical, _ := json.Marshal(doc)
			out := apiTrigger(*in.TriggerType, string(canonical))
			out.Description, out.Qualifier, out.InvocationRole, out.SourceArn = in.Description, in.Qualifier, in.InvocationRole, in.SourceArn

			got, diags := flattenTrigger(context.Background(), out, plan)
			assertTriggerNoDiags(t, diags)
			want := plan
			want.ID = types.StringValue("svc/fn/tr")
			want.TriggerID = types.StringValue("id-1")
			want.CreatedTime = types.StringValue("2024-01-02T03:04:05Z")
			want.LastModifiedTime = types.StringValue("2024-01-02T03:04:06Z")
			want.URLInternet, want.URLIntranet = types.StringNull(), types.StringNull()
			assertTriggerModelEqual(t, got, want)
		})
	}
}

// assertTriggerModelEqual compares two models attribute by attribute with
// the framework's Equal (sets compare without order).
func assertTriggerModelEqual(t *testing.T, got, want triggerResourceModel) {
	t.Helper()
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range g.NumField() {
		gv, wv := g.Field(i).Interface().(attr.Value), w.Field(i).Interface().(attr.Value)
		if !gv.Equal(wv) {
			t.Errorf("%s = %v, want %v", g.Type().Field(i).Tag.Get("tfsdk"), gv, wv)
		}
	}
}

// ---------------------------------------------------------------------------
// fc_triggers

func TestFlattenTriggerItem(t *testing.T) {
	api := apiTrigger("timer", `{"payload":"","cronExpression":"@every 5m"}`)
	api.Qualifier = fc.Ptr("LATEST")
	api.Description = fc.Ptr("")
	api.InvocationRole = fc.Ptr("role")
	got := flattenTriggerItem(api)
	want := triggerItemModel{
		ConfigJSON:       types.StringValue(`{"payload":"","cronExpression":"@every 5m"}`),
		CreatedTime:      types.StringValue("2024-01-02T03:04:05Z"),
		Description:      types.StringNull(),
		InvocationRole:   types.StringValue("role"),
		LastModifiedTime: types.StringValue("2024-01-02T03:04:06Z"),
		Name:             types.StringValue("tr"),
		Qualifier:        types.StringNull(),
		SourceARN:        types.StringNull(),
		TriggerID:        types.StringValue("id-1"),
		Type:             types.StringValue("timer"),
		URLInternet:      types.StringNull(),
		URLIntranet:      types.StringNull(),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flattenTriggerItem:\n got %+v\nwant %+v", got, want)
	}
	if got := flattenTriggerItem(&fc.Trigger{TriggerName: fc.Ptr("x")}); !got.ConfigJSON.IsNull() {
		t.Errorf("config_json of a trigger without configuration = %v, want null", got.ConfigJSON)
	}
}

// ---------------------------------------------------------------------------
// validation

// assertTriggerDiagPaths fails unless diags holds errors at exactly the paths
// want, in any order.
func assertTriggerDiagPaths(t *testing.T, diags diag.Diagnostics, want ...path.Path) {
	t.Helper()
	var got []string
	for _, d := range diags.Errors() {
		p := "<no path>"
		if wp, ok := d.(diag.DiagnosticWithPath); ok {
			p = wp.Path().String()
		}
		got = append(got, p)
	}
	var exp []string
	for _, p := range want {
		exp = append(exp, p.String())
	}
	slices.Sort(got)
	slices.Sort(exp)
	if !slices.Equal(got, exp) {
		t.Errorf("errors at %v, want at %v; diagnostics: %v", got, exp, diags)
	}
}

func TestValidateTriggerConfig(t *testing.T) {
	timer := timerTriggerObject("@every 5m", true, types.StringNull())
	http := httpTriggerObject("anonymous", false, "GET")
	oss := ossTriggerObject(types.StringNull(), types.StringNull(), "oss:ObjectCreated:*")
	withSource := func(m triggerResourceModel) triggerResourceModel {
		m.SourceARN, m.InvocationRole = types.StringValue("arn"), types.StringValue("role")
		return m
	}
	two := func(m triggerResourceModel, a string, v attr.Value) triggerResourceModel {
		setTriggerConfig(&m, a, v)
		return m
	}
	unknownType := withTriggerConfig("timer", attrTimerConfig, timer)
	unknownType.Type = types.StringUnknown()

	cases := []struct {
		name      string
		model     triggerResourceModel
		wantPaths []path.Path
		wantText  string
	}{
		{name: "timer ok", model: withTriggerConfig("timer", attrTimerConfig, timer)},
		{name: "oss ok", model: withSource(withTriggerConfig("oss", attrOSSConfig, oss))},
		{name: "rds ok", model: withTriggerConfig("rds", attrConfigJSON, jsontypes.NewNormalizedValue(`{}`))},
		{name: "unknown configuration passes", model: withTriggerConfig("timer", attrTimerConfig, types.ObjectUnknown(timerTriggerConfigAttrTypes))},
		{
			name: "wrong configuration", model: withTriggerConfig("timer", attrHTTPConfig, http),
			wantPaths: []path.Path{path.Root(attrHTTPConfig), path.Root(attrTimerConfig)},
			wantText:  `http_config cannot be used with a trigger of type "timer"`,
		},
		{
			name: "two configurations", model: two(withTriggerConfig("timer", attrTimerConfig, timer), attrHTTPConfig, http),
			wantPaths: []path.Path{path.Root(attrHTTPConfig)},
			wantText:  `a "timer" trigger is configured with timer_config (http_config is for type "http")`,
		},
		{
			name: "config_json for a typed trigger", model: withTriggerConfig("http", attrConfigJSON, jsontypes.NewNormalizedValue(`{}`)),
			wantPaths: []path.Path{path.Root(attrConfigJSON), path.Root(attrHTTPConfig)},
			wantText:  `(config_json is for type "eventbridge", "mq", "rds")`,
		},
		{
			name: "missing configuration", model: triggerPlan("mns_topic"),
			wantPaths: []path.Path{path.Root(attrMNSTopicConfig), path.Root("source_arn"), path.Root("invocation_role")},
			wantText:  `A trigger of type "mns_topic" needs mns_topic_config`,
		},
		{
			name: "missing source_arn", model: func() triggerResourceModel {
				m := withSource(withTriggerConfig("oss", attrOSSConfig, oss))
				m.SourceARN = types.StringNull()
				return m
			}(),
			wantPaths: []path.Path{path.Root("source_arn")},
			wantText:  `source_arn is required for a trigger of type "oss"`,
		},
		{
			name: "unknown source_arn passes", model: func() triggerResourceModel {
				m := withSource(withTriggerConfig("oss", attrOSSConfig, oss))
				m.SourceARN = types.StringUnknown()
				return m
			}(),
		},
		{
			name: "unknown type: two configurations still conflict", model: two(unknownType, attrHTTPConfig, http),
			wantPaths: []path.Path{path.Root(attrTimerConfig)},
			wantText:  `found http_config and timer_config`,
		},
		{name: "unknown type: one configuration passes", model: unknownType},
		{name: "jwt ok", model: withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt", jwtObject(testJWKS, nil, nil, nil, nil), false, "GET"))},
		{
			name: "jwt without jwt_auth_config", model: withTriggerConfig("http", attrHTTPConfig, httpTriggerObject("jwt", false, "GET")),
			wantPaths: []path.Path{path.Root(attrHTTPConfig).AtName("jwt_auth_config")},
			wantText:  `http_config.jwt_auth_config is required when http_config.auth_type is "jwt"`,
		},
		{
			name:      "jwt_auth_config with function",
			model:     withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("function", jwtObject(testJWKS, nil, nil, nil, nil), false, "GET")),
			wantPaths: []path.Path{path.Root(attrHTTPConfig).AtName("jwt_auth_config")},
			wantText:  `http_config.jwt_auth_config can only be set when http_config.auth_type is "jwt", not "function"`,
		},
		{
			name: "unknown auth_type passes", model: func() triggerResourceModel {
				o := types.ObjectValueMust(httpTriggerConfigAttrTypes, map[string]attr.Value{
					"auth_type": types.StringUnknown(), "disable_url_internet": types.BoolValue(false),
					"jwt_auth_config": types.ObjectNull(jwtAuthConfigAttrTypes), "methods": types.SetValueMust(types.StringType, stringValues("GET")),
				})
				return withTriggerConfig("http", attrHTTPConfig, o)
			}(),
		},
		{
			name:  "unknown jwt_auth_config passes",
			model: withTriggerConfig("http", attrHTTPConfig, httpJWTTriggerObject("jwt", types.ObjectUnknown(jwtAuthConfigAttrTypes), false, "GET")),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			validateTriggerConfig(tc.model, &diags)
			assertTriggerDiagPaths(t, diags, tc.wantPaths...)
			if tc.wantText != "" && !strings.Contains(triggerDiagText(diags), tc.wantText) {
				t.Errorf("diagnostics do not say %q: %v", tc.wantText, diags)
			}
		})
	}
}

func triggerDiagText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

// jsonString encodes s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
