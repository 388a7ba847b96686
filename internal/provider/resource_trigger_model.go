package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Models of fc_trigger and fc_triggers, with their hand-written expand
// (model -> API) and flatten (API -> model) functions.
//
// Null, empty and zero in fc_trigger
//
//   - description: "" is a value a user may set. FC does not tell "" from
//     unset, so flatten keeps "" only where the prior value (plan or state)
//     was "", and reports null otherwise. Removing it sends "" (a clear).
//   - invocation_role, qualifier and source_arn reject "": null is the only
//     way to say "none". Removing invocation_role or qualifier sends "",
//     which clears them; for the qualifier that means LATEST. FC may report
//     an unset qualifier as "" or as "LATEST": both flatten to null unless
//     the user wrote "LATEST" (which is kept).
//   - The configuration is one nested object chosen by `type` (or
//     config_json for the types without a typed block). The whole object is
//     sent on every create and update, so a field removed from it is
//     cleared. Optional strings inside it follow the description rule;
//     booleans and the MNS enums have schema defaults, so what is sent when
//     they are omitted is in the plan; the log job's numbers are omitted
//     when not set (FC applies its default) and read back only where the
//     configuration sets them, so that removing one restores the default.
//   - Maps (log function_parameter): {} and null are both accepted and both
//     sent as {}; flatten keeps {} only where the prior value was {}.
//   - http_config.jwt_auth_config is sent as authConfig, a string holding
//     the JWTAuthConfig JSON, only when auth_type is "jwt"; otherwise
//     authConfig is left out, and as the whole triggerConfig is replaced on
//     update, switching away from jwt clears it. Its lists are left out
//     when null or empty and read back as null unless the prior value was
//     []. jwks keeps the prior text when FC answers the same JSON document.

// Trigger types (fc-api.md sections 3.3 and 9.1).
const (
	TriggerTypeOSS         = "oss"
	TriggerTypeLog         = "log"
	TriggerTypeTimer       = "timer"
	TriggerTypeHTTP        = "http"
	TriggerTypeTablestore  = "tablestore"
	TriggerTypeCDNEvents   = "cdn_events"
	TriggerTypeMNSTopic    = "mns_topic"
	TriggerTypeEventBridge = "eventbridge"
	TriggerTypeMQ          = "mq"
	TriggerTypeRDS         = "rds"
)

// triggerTypes lists every trigger type the resource accepts.
var triggerTypes = []string{
	TriggerTypeOSS,
	TriggerTypeLog,
	TriggerTypeTimer,
	TriggerTypeHTTP,
	TriggerTypeTablestore,
	TriggerTypeCDNEvents,
	TriggerTypeMNSTopic,
	TriggerTypeEventBridge,
	TriggerTypeMQ,
	TriggerTypeRDS,
}

// Attributes holding a trigger's configuration, one per type family.
const (
	attrCDNEventsConfig  = "cdn_events_config"
	attrConfigJSON       = "config_json"
	attrHTTPConfig       = "http_config"
	attrLogConfig        = "log_config"
	attrMNSTopicConfig   = "mns_topic_config"
	attrOSSConfig        = "oss_config"
	attrTablestoreConfig = "tablestore_config"
	attrTimerConfig      = "timer_config"
)

// triggerConfigAttrs lists the configuration attributes in schema order.
var triggerConfigAttrs = []string{
	attrCDNEventsConfig,
	attrConfigJSON,
	attrHTTPConfig,
	attrLogConfig,
	attrMNSTopicConfig,
	attrOSSConfig,
	attrTablestoreConfig,
	attrTimerConfig,
}

// triggerConfigAttrFor maps a trigger type to the attribute that holds its
// configuration.
var triggerConfigAttrFor = map[string]string{
	TriggerTypeOSS:         attrOSSConfig,
	TriggerTypeLog:         attrLogConfig,
	TriggerTypeTimer:       attrTimerConfig,
	TriggerTypeHTTP:        attrHTTPConfig,
	TriggerTypeTablestore:  attrTablestoreConfig,
	TriggerTypeCDNEvents:   attrCDNEventsConfig,
	TriggerTypeMNSTopic:    attrMNSTopicConfig,
	TriggerTypeEventBridge: attrConfigJSON,
	TriggerTypeMQ:          attrConfigJSON,
	TriggerTypeRDS:         attrConfigJSON,
}

// triggerTypesWithSource are the types whose events come from another
// service: they need source_arn and invocation_role.
var triggerTypesWithSource = []string{
	TriggerTypeOSS,
	TriggerTypeLog,
	TriggerTypeMNSTopic,
	TriggerTypeCDNEvents,
	TriggerTypeTablestore,
}

// triggerTypesJSON are the types configured with config_json.
var triggerTypesJSON = []string{TriggerTypeEventBridge, TriggerTypeMQ, TriggerTypeRDS}

// HTTP trigger authentication types and methods.
const (
	HTTPAuthAnonymous = "anonymous"
	HTTPAuthFunction  = "function"
	HTTPAuthJWT       = "jwt"
)

var httpAuthTypes = []string{HTTPAuthAnonymous, HTTPAuthFunction, HTTPAuthJWT}

// Sources a JWT is looked up in (token_lookup: `source:name[:prefix]`).
var jwtTokenSources = []string{"header", "cookie", "query", "form"}

// jwtBlackListSeparator joins black_list on the wire: the 2021-04-06 API
// models JWTAuthConfig.blackList as one string (fc-api.md 9.1), unlike
// whiteList, a list.
const jwtBlackListSeparator = ","

var httpMethods = []string{"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"}

// MNS topic trigger notification formats and retry strategies, the first of
// each being FC's default.
const (
	MNSNotifyContentFormatStream = "STREAM"
	MNSNotifyContentFormatJSON   = "JSON"

	MNSNotifyStrategyBackoffRetry          = "BACKOFF_RETRY"
	MNSNotifyStrategyExponentialDecayRetry = "EXPONENTIAL_DECAY_RETRY"
)

var mnsNotifyContentFormats = []string{MNSNotifyContentFormatStream, MNSNotifyContentFormatJSON}

var mnsNotifyStrategies = []string{MNSNotifyStrategyBackoffRetry, MNSNotifyStrategyExponentialDecayRetry}

// triggerResourceModel is the state of fc_trigger.
type triggerResourceModel struct {
	CDNEventsConfig  types.Object         `tfsdk:"cdn_events_config"`
	ConfigJSON       jsontypes.Normalized `tfsdk:"config_json"`
	CreatedTime      types.String         `tfsdk:"created_time"`
	Description      types.String         `tfsdk:"description"`
	FunctionName     types.String         `tfsdk:"function_name"`
	HTTPConfig       types.Object         `tfsdk:"http_config"`
	ID               types.String         `tfsdk:"id"`
	InvocationRole   types.String         `tfsdk:"invocation_role"`
	LastModifiedTime types.String         `tfsdk:"last_modified_time"`
	LogConfig        types.Object         `tfsdk:"log_config"`
	MNSTopicConfig   types.Object         `tfsdk:"mns_topic_config"`
	Name             types.String         `tfsdk:"name"`
	OSSConfig        types.Object         `tfsdk:"oss_config"`
	Qualifier        types.String         `tfsdk:"qualifier"`
	ServiceName      types.String         `tfsdk:"service_name"`
	SourceARN        types.String         `tfsdk:"source_arn"`
	TablestoreConfig types.Object         `tfsdk:"tablestore_config"`
	TimerConfig      types.Object         `tfsdk:"timer_config"`
	TriggerID        types.String         `tfsdk:"trigger_id"`
	Type             types.String         `tfsdk:"type"`
	URLInternet      types.String         `tfsdk:"url_internet"`
	URLIntranet      types.String         `tfsdk:"url_intranet"`
}

// configValue returns the value of the configuration attribute attrName.
func (m *triggerResourceModel) configValue(attrName string) attr.Value {
	switch attrName {
	case attrCDNEventsConfig:
		return m.CDNEventsConfig
	case attrConfigJSON:
		return m.ConfigJSON
	case attrHTTPConfig:
		return m.HTTPConfig
	case attrLogConfig:
		return m.LogConfig
	case attrMNSTopicConfig:
		return m.MNSTopicConfig
	case attrOSSConfig:
		return m.OSSConfig
	case attrTablestoreConfig:
		return m.TablestoreConfig
	case attrTimerConfig:
		return m.TimerConfig
	}
	return nil
}

type httpTriggerConfigModel struct {
	AuthType           types.String `tfsdk:"auth_type"`
	DisableURLInternet types.Bool   `tfsdk:"disable_url_internet"`
	JWTAuthConfig      types.Object `tfsdk:"jwt_auth_config"`
	Methods            types.Set    `tfsdk:"methods"`
}

type jwtAuthConfigModel struct {
	BlackList   types.List   `tfsdk:"black_list"`
	ClaimPassBy types.List   `tfsdk:"claim_pass_by"`
	JWKS        types.String `tfsdk:"jwks"`
	TokenLookup types.List   `tfsdk:"token_lookup"`
	WhiteList   types.List   `tfsdk:"white_list"`
}

type timerTriggerConfigModel struct {
	CronExpression types.String `tfsdk:"cron_expression"`
	Enable         types.Bool   `tfsdk:"enable"`
	Payload        types.String `tfsdk:"payload"`
}

type ossTriggerConfigModel struct {
	Events       types.List   `tfsdk:"events"`
	FilterPrefix types.String `tfsdk:"filter_prefix"`
	FilterSuffix types.String `tfsdk:"filter_suffix"`
}

type logTriggerConfigModel struct {
	Enable            types.Bool   `tfsdk:"enable"`
	FunctionParameter types.Map    `tfsdk:"function_parameter"`
	Logstore          types.String `tfsdk:"logstore"`
	MaxRetryTime      types.Int64  `tfsdk:"max_retry_time"`
	Project           types.String `tfsdk:"project"`
	SourceLogstore    types.String `tfsdk:"source_logstore"`
	TriggerInterval   types.Int64  `tfsdk:"trigger_interval"`
}

type mnsTopicTriggerConfigModel struct {
	FilterTag           types.String `tfsdk:"filter_tag"`
	NotifyContentFormat types.String `tfsdk:"notify_content_format"`
	NotifyStrategy      types.String `tfsdk:"notify_strategy"`
}

type cdnEventsTriggerConfigModel struct {
	EventName    types.String `tfsdk:"event_name"`
	EventVersion types.String `tfsdk:"event_version"`
	Filter       types.Map    `tfsdk:"filter"`
	Notes        types.String `tfsdk:"notes"`
}

type tablestoreTriggerConfigModel struct {
	InstanceName types.String `tfsdk:"instance_name"`
	TableName    types.String `tfsdk:"table_name"`
}

// Attribute types of the nested objects, for building object values.

var jwtAuthConfigAttrTypes = map[string]attr.Type{
	"black_list":    types.ListType{ElemType: types.StringType},
	"claim_pass_by": types.ListType{ElemType: types.StringType},
	"jwks":          types.StringType,
	"token_lookup":  types.ListType{ElemType: types.StringType},
	"white_list":    types.ListType{ElemType: types.StringType},
}

var httpTriggerConfigAttrTypes = map[string]attr.Type{
	"auth_type":            types.StringType,
	"disable_url_internet": types.BoolType,
	"jwt_auth_config":      types.ObjectType{AttrTypes: jwtAuthConfigAttrTypes},
	"methods":              types.SetType{ElemType: types.StringType},
}

var timerTriggerConfigAttrTypes = map[string]attr.Type{
	"cron_expression": types.StringType,
	"enable":          types.BoolType,
	"payload":         types.StringType,
}

var ossTriggerConfigAttrTypes = map[string]attr.Type{
	"events":        types.ListType{ElemType: types.StringType},
	"filter_prefix": types.StringType,
	"filter_suffix": types.StringType,
}

var logTriggerConfigAttrTypes = map[string]attr.Type{
	"enable":             types.BoolType,
	"function_parameter": types.MapType{ElemType: types.StringType},
	"logstore":           types.StringType,
	"max_retry_time":     types.Int64Type,
	"project":            types.StringType,
	"source_logstore":    types.StringType,
	"trigger_interval":   types.Int64Type,
}

var mnsTopicTriggerConfigAttrTypes = map[string]attr.Type{
	"filter_tag":            types.StringType,
	"notify_content_format": types.StringType,
	"notify_strategy":       types.StringType,
}

var cdnEventsTriggerConfigAttrTypes = map[string]attr.Type{
	"event_name":    types.StringType,
	"event_version": types.StringType,
	"filter":        types.MapType{ElemType: types.ListType{ElemType: types.StringType}},
	"notes":         types.StringType,
}

var tablestoreTriggerConfigAttrTypes = map[string]attr.Type{
	"instance_name": types.StringType,
	"table_name":    types.StringType,
}

// Wire shapes of triggerConfig (fc-api.md sections 4.3 and 9.1). Every field
// is always sent: the configuration is replaced as a whole.

type httpTriggerConfigJSON struct {
	AuthType string `json:"authType"`
	// AuthConfig is a string holding jwtAuthConfigJSON, for authType jwt
	// only.
	AuthConfig         string   `json:"authConfig,omitempty"`
	Methods            []string `json:"methods"`
	DisableURLInternet bool     `json:"disableURLInternet"`
}

// jwtAuthConfigJSON is JWTAuthConfig (fc-api.md 9.1): jwks is a string
// holding the JSON Web Key Set; blackList is one string.
type jwtAuthConfigJSON struct {
	BlackList   jwtBlackList `json:"blackList,omitempty"`
	ClaimPassBy []string     `json:"claimPassBy,omitempty"`
	JWKS        string       `json:"jwks"`
	TokenLookup []string     `json:"tokenLookup,omitempty"`
	WhiteList   []string     `json:"whiteList,omitempty"`
}

// jwtBlackList is black_list on the wire: the paths joined with
// jwtBlackListSeparator into one string, as the 2021-04-06 SDK models
// blackList. On decode a JSON array of strings is accepted too.
type jwtBlackList []string

func (b jwtBlackList) MarshalJSON() ([]byte, error) {
	return json.Marshal(strings.Join(b, jwtBlackListSeparator))
}

func (b *jwtBlackList) UnmarshalJSON(raw []byte) error {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		*b = nil
		return nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err == nil {
		*b = list
		return nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return fmt.Errorf("blackList must be a string or a list of strings: %w", err)
	}
	*b = nil
	for p := range strings.SplitSeq(s, jwtBlackListSeparator) {
		if p = strings.TrimSpace(p); p != "" {
			*b = append(*b, p)
		}
	}
	return nil
}

type timerTriggerConfigJSON struct {
	CronExpression string `json:"cronExpression"`
	// Enable is a pointer on decode only: an absent value is FC's default,
	// true.
	Enable  *bool  `json:"enable"`
	Payload string `json:"payload"`
}

type ossTriggerConfigJSON struct {
	Events []string `json:"events"`
	Filter struct {
		Key struct {
			Prefix string `json:"prefix"`
			Suffix string `json:"suffix"`
		} `json:"key"`
	} `json:"filter"`
}

type logTriggerConfigJSON struct {
	SourceConfig struct {
		Logstore string `json:"logstore"`
	} `json:"sourceConfig"`
	JobConfig struct {
		MaxRetryTime    *int64 `json:"maxRetryTime,omitempty"`
		TriggerInterval *int64 `json:"triggerInterval,omitempty"`
	} `json:"jobConfig"`
	LogConfig struct {
		Project  string `json:"project"`
		Logstore string `json:"logstore"`
	} `json:"logConfig"`
	FunctionParameter map[string]string `json:"functionParameter"`
	// Enable is a pointer on decode only (absent means true).
	Enable *bool `json:"enable"`
}

type mnsTopicTriggerConfigJSON struct {
	FilterTag           string `json:"filterTag"`
	NotifyContentFormat string `json:"notifyContentFormat"`
	NotifyStrategy      string `json:"notifyStrategy"`
}

type cdnEventsTriggerConfigJSON struct {
	EventName    string              `json:"eventName"`
	EventVersion string              `json:"eventVersion"`
	Notes        string              `json:"notes"`
	Filter       map[string][]string `json:"filter"`
}

type tablestoreTriggerConfigJSON struct {
	InstanceName string `json:"instanceName"`
	TableName    string `json:"tableName"`
}

// ---------------------------------------------------------------------------
// expand

// triggerID is the resource ID: SERVICE/FUNCTION/TRIGGER.
func triggerID(service, function, name string) string {
	return service + "/" + function + "/" + name
}

// expandTriggerCreate builds the CreateTrigger body from a plan.
func expandTriggerCreate(ctx context.Context, m triggerResourceModel) (*fc.Trigger, diag.Diagnostics) {
	cfg, diags := expandTriggerConfig(ctx, m)
	in := &fc.Trigger{
		TriggerName:    m.Name.ValueStringPointer(),
		TriggerType:    m.Type.ValueStringPointer(),
		SourceArn:      m.SourceARN.ValueStringPointer(),
		InvocationRole: m.InvocationRole.ValueStringPointer(),
		Qualifier:      m.Qualifier.ValueStringPointer(),
		Description:    m.Description.ValueStringPointer(),
		TriggerConfig:  cfg,
	}
	return in, diags
}

// expandTriggerUpdate builds the UpdateTrigger body from a plan: every
// updatable field is sent, "" where the argument is not set, so removing an
// argument clears it.
func expandTriggerUpdate(ctx context.Context, m triggerResourceModel) (*fc.Trigger, diag.Diagnostics) {
	cfg, diags := expandTriggerConfig(ctx, m)
	in := &fc.Trigger{
		InvocationRole: fc.Ptr(m.InvocationRole.ValueString()),
		Qualifier:      fc.Ptr(m.Qualifier.ValueString()),
		Description:    fc.Ptr(m.Description.ValueString()),
		TriggerConfig:  cfg,
	}
	return in, diags
}

// expandTriggerConfig encodes the configuration attribute of the trigger's
// type as the triggerConfig JSON object.
func expandTriggerConfig(ctx context.Context, m triggerResourceModel) (fc.TriggerConfig, diag.Diagnostics) {
	var diags diag.Diagnostics
	typ := m.Type.ValueString()
	attrName, ok := triggerConfigAttrFor[typ]
	if !ok {
		diags.AddAttributeError(path.Root("type"), "Unsupported trigger type",
			fmt.Sprintf("The trigger type %q is not supported. This is a bug in the provider: the schema should have rejected it.", typ))
		return nil, diags
	}
	v := m.configValue(attrName)
	if v == nil || v.IsNull() || v.IsUnknown() {
		diags.AddAttributeError(path.Root(attrName), "Missing trigger configuration",
			fmt.Sprintf("A trigger of type %q needs %s.", typ, attrName))
		return nil, diags
	}

	var body any
	switch attrName {
	case attrConfigJSON:
		raw := []byte(m.ConfigJSON.ValueString())
		if !triggerIsJSONObject(raw) {
			diags.AddAttributeError(path.Root(attrConfigJSON), "Invalid trigger configuration",
				fmt.Sprintf("%s must be a JSON object, got %s.", attrConfigJSON, triggerShortJSON(raw)))
			return nil, diags
		}
		return triggerCompactJSON(raw), diags
	case attrHTTPConfig:
		var c httpTriggerConfigModel
		diags.Append(m.HTTPConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		methods := triggerStrings(ctx, c.Methods, &diags)
		slices.Sort(methods)
		j := httpTriggerConfigJSON{
			AuthType:           c.AuthType.ValueString(),
			Methods:            methods,
			DisableURLInternet: c.DisableURLInternet.ValueBool(),
		}
		if j.AuthType == HTTPAuthJWT {
			j.AuthConfig = expandJWTAuthConfig(ctx, c.JWTAuthConfig, &diags)
		}
		body = j
	case attrTimerConfig:
		var c timerTriggerConfigModel
		diags.Append(m.TimerConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		body = timerTriggerConfigJSON{
			CronExpression: c.CronExpression.ValueString(),
			Enable:         fc.Ptr(triggerBoolOr(c.Enable, true)),
			Payload:        c.Payload.ValueString(),
		}
	case attrOSSConfig:
		var c ossTriggerConfigModel
		diags.Append(m.OSSConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		var j ossTriggerConfigJSON
		j.Events = triggerStrings(ctx, c.Events, &diags)
		j.Filter.Key.Prefix = c.FilterPrefix.ValueString()
		j.Filter.Key.Suffix = c.FilterSuffix.ValueString()
		body = j
	case attrLogConfig:
		var c logTriggerConfigModel
		diags.Append(m.LogConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		var j logTriggerConfigJSON
		j.SourceConfig.Logstore = c.SourceLogstore.ValueString()
		j.JobConfig.MaxRetryTime = triggerKnownInt64(c.MaxRetryTime)
		j.JobConfig.TriggerInterval = triggerKnownInt64(c.TriggerInterval)
		j.LogConfig.Project = c.Project.ValueString()
		j.LogConfig.Logstore = c.Logstore.ValueString()
		j.FunctionParameter = map[string]string{}
		if !c.FunctionParameter.IsNull() && !c.FunctionParameter.IsUnknown() {
			diags.Append(c.FunctionParameter.ElementsAs(ctx, &j.FunctionParameter, false)...)
		}
		j.Enable = fc.Ptr(triggerBoolOr(c.Enable, true))
		body = j
	case attrMNSTopicConfig:
		var c mnsTopicTriggerConfigModel
		diags.Append(m.MNSTopicConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		body = mnsTopicTriggerConfigJSON{
			FilterTag:           c.FilterTag.ValueString(),
			NotifyContentFormat: triggerStringOr(c.NotifyContentFormat, MNSNotifyContentFormatStream),
			NotifyStrategy:      triggerStringOr(c.NotifyStrategy, MNSNotifyStrategyBackoffRetry),
		}
	case attrCDNEventsConfig:
		var c cdnEventsTriggerConfigModel
		diags.Append(m.CDNEventsConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		j := cdnEventsTriggerConfigJSON{
			EventName:    c.EventName.ValueString(),
			EventVersion: c.EventVersion.ValueString(),
			Notes:        c.Notes.ValueString(),
			Filter:       map[string][]string{},
		}
		if !c.Filter.IsNull() && !c.Filter.IsUnknown() {
			diags.Append(c.Filter.ElementsAs(ctx, &j.Filter, false)...)
		}
		body = j
	case attrTablestoreConfig:
		var c tablestoreTriggerConfigModel
		diags.Append(m.TablestoreConfig.As(ctx, &c, basetypes.ObjectAsOptions{})...)
		body = tablestoreTriggerConfigJSON{
			InstanceName: c.InstanceName.ValueString(),
			TableName:    c.TableName.ValueString(),
		}
	}
	if diags.HasError() {
		return nil, diags
	}
	raw, err := json.Marshal(body)
	if err != nil {
		diags.AddError("Error encoding the trigger configuration", err.Error())
		return nil, diags
	}
	return fc.TriggerConfig(raw), diags
}

// ---------------------------------------------------------------------------
// flatten

// flattenTrigger maps an API trigger onto the model. prior is the plan or
// state the trigger was read for: it supplies the service and function
// names (the API object does not carry them) and decides null versus empty
// (see the top of this file).
func flattenTrigger(ctx context.Context, t *fc.Trigger, prior triggerResourceModel) (triggerResourceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	m := triggerResourceModel{
		ServiceName:      prior.ServiceName,
		FunctionName:     prior.FunctionName,
		Name:             prior.Name,
		Type:             prior.Type,
		CreatedTime:      types.StringPointerValue(t.CreatedTime),
		LastModifiedTime: types.StringPointerValue(t.LastModifiedTime),
		TriggerID:        types.StringPointerValue(t.TriggerID),
		Description:      flattenOptionalString(t.Description, prior.Description),
		InvocationRole:   flattenOptionalString(t.InvocationRole, prior.InvocationRole),
		SourceARN:        flattenOptionalString(t.SourceArn, prior.SourceARN),
		Qualifier:        flattenQualifier(t.Qualifier, prior.Qualifier),
		URLInternet:      types.StringNull(),
		URLIntranet:      types.StringNull(),
	}
	if t.TriggerName != nil && *t.TriggerName != "" {
		m.Name = types.StringValue(*t.TriggerName)
	}
	if t.TriggerType != nil && *t.TriggerType != "" {
		m.Type = types.StringValue(*t.TriggerType)
	}
	m.ID = types.StringValue(triggerID(m.ServiceName.ValueString(), m.FunctionName.ValueString(), m.Name.ValueString()))
	if m.Type.ValueString() == TriggerTypeHTTP {
		m.URLInternet = triggerNonEmpty(t.URLInternet)
		m.URLIntranet = triggerNonEmpty(t.URLIntranet)
	}

	m.CDNEventsConfig = types.ObjectNull(cdnEventsTriggerConfigAttrTypes)
	m.ConfigJSON = jsontypes.NewNormalizedNull()
	m.HTTPConfig = types.ObjectNull(httpTriggerConfigAttrTypes)
	m.LogConfig = types.ObjectNull(logTriggerConfigAttrTypes)
	m.MNSTopicConfig = types.ObjectNull(mnsTopicTriggerConfigAttrTypes)
	m.OSSConfig = types.ObjectNull(ossTriggerConfigAttrTypes)
	m.TablestoreConfig = types.ObjectNull(tablestoreTriggerConfigAttrTypes)
	m.TimerConfig = types.ObjectNull(timerTriggerConfigAttrTypes)

	raw := []byte(t.TriggerConfig)
	typ := m.Type.ValueString()
	attrName, typed := triggerConfigAttrFor[typ]
	if !typed || attrName == attrConfigJSON {
		// Types without a typed block, and types this provider does not
		// know (an import), keep the raw JSON.
		if len(raw) > 0 {
			m.ConfigJSON = flattenConfigJSON(ctx, raw, prior.ConfigJSON, &diags)
		}
		return m, diags
	}
	if len(raw) == 0 {
		diags.AddAttributeError(path.Root(attrName), "Trigger without configuration",
			fmt.Sprintf("FC returned no triggerConfig for the %s trigger %q; its %s cannot be read.", typ, m.Name.ValueString(), attrName))
		return m, diags
	}
	decode := func(target any) bool {
		if err := json.Unmarshal(raw, target); err != nil {
			diags.AddAttributeError(path.Root(attrName), "Unexpected trigger configuration",
				fmt.Sprintf("FC returned a triggerConfig for the %s trigger %q that does not have the expected shape: %s. The configuration was %s.",
					typ, m.Name.ValueString(), err, triggerShortJSON(raw)))
			return false
		}
		return true
	}

	switch attrName {
	case attrHTTPConfig:
		var j httpTriggerConfigJSON
		if decode(&j) {
			var p httpTriggerConfigModel
			triggerPriorObject(ctx, prior.HTTPConfig, &p)
			jwt, err := flattenJWTAuthConfig(ctx, j.AuthConfig, p.JWTAuthConfig)
			if err != nil {
				diags.AddAttributeError(path.Root(attrHTTPConfig), "Unexpected trigger configuration",
					fmt.Sprintf("FC returned an authConfig for the http trigger %q that is not a JWT authentication configuration: %s. The authConfig was %s.",
						m.Name.ValueString(), err, triggerShortJSON([]byte(j.AuthConfig))))
			} else {
				m.HTTPConfig = flattenHTTPTriggerConfig(j, jwt)
			}
		}
	case attrTimerConfig:
		var j timerTriggerConfigJSON
		if decode(&j) {
			var p timerTriggerConfigModel
			triggerPriorObject(ctx, prior.TimerConfig, &p)
			m.TimerConfig = flattenTimerTriggerConfig(j, p)
		}
	case attrOSSConfig:
		var j ossTriggerConfigJSON
		if decode(&j) {
			var p ossTriggerConfigModel
			triggerPriorObject(ctx, prior.OSSConfig, &p)
			m.OSSConfig = flattenOSSTriggerConfig(j, p)
		}
	case attrLogConfig:
		var j logTriggerConfigJSON
		if decode(&j) {
			var p logTriggerConfigModel
			triggerPriorObject(ctx, prior.LogConfig, &p)
			m.LogConfig = flattenLogTriggerConfig(j, p, known(prior.LogConfig))
		}
	case attrMNSTopicConfig:
		var j mnsTopicTriggerConfigJSON
		if decode(&j) {
			var p mnsTopicTriggerConfigModel
			triggerPriorObject(ctx, prior.MNSTopicConfig, &p)
			m.MNSTopicConfig = flattenMNSTopicTriggerConfig(j, p)
		}
	case attrCDNEventsConfig:
		var j cdnEventsTriggerConfigJSON
		if decode(&j) {
			var p cdnEventsTriggerConfigModel
			triggerPriorObject(ctx, prior.CDNEventsConfig, &p)
			m.CDNEventsConfig = flattenCDNEventsTriggerConfig(j, p)
		}
	case attrTablestoreConfig:
		var j tablestoreTriggerConfigJSON
		if decode(&j) {
			m.TablestoreConfig = types.ObjectValueMust(tablestoreTriggerConfigAttrTypes, map[string]attr.Value{
				"instance_name": types.StringValue(j.InstanceName),
				"table_name":    types.StringValue(j.TableName),
			})
		}
	}
	return m, diags
}

func flattenHTTPTriggerConfig(j httpTriggerConfigJSON, jwt types.Object) types.Object {
	methods := make([]attr.Value, 0, len(j.Methods))
	for _, s := range j.Methods {
		methods = append(methods, types.StringValue(s))
	}
	return types.ObjectValueMust(httpTriggerConfigAttrTypes, map[string]attr.Value{
		"auth_type":            types.StringValue(j.AuthType),
		"disable_url_internet": types.BoolValue(j.DisableURLInternet),
		"jwt_auth_config":      jwt,
		"methods":              types.SetValueMust(types.StringType, methods),
	})
}

// expandJWTAuthConfig encodes http_config.jwt_auth_config as authConfig: a
// string holding the JWTAuthConfig JSON object. jwks is sent as written.
func expandJWTAuthConfig(ctx context.Context, o types.Object, diags *diag.Diagnostics) string {
	at := path.Root(attrHTTPConfig).AtName("jwt_auth_config")
	if o.IsNull() || o.IsUnknown() {
		diags.AddAttributeError(at, "Missing JWT authentication configuration",
			fmt.Sprintf("An http trigger with auth_type %q needs http_config.jwt_auth_config.", HTTPAuthJWT))
		return ""
	}
	var c jwtAuthConfigModel
	diags.Append(o.As(ctx, &c, basetypes.ObjectAsOptions{})...)
	j := jwtAuthConfigJSON{
		BlackList:   triggerStrings(ctx, c.BlackList, diags),
		ClaimPassBy: triggerStrings(ctx, c.ClaimPassBy, diags),
		JWKS:        c.JWKS.ValueString(),
		TokenLookup: triggerStrings(ctx, c.TokenLookup, diags),
		WhiteList:   triggerStrings(ctx, c.WhiteList, diags),
	}
	raw, err := json.Marshal(j)
	if err != nil {
		diags.AddAttributeError(at, "Error encoding the JWT authentication configuration", err.Error())
		return ""
	}
	return string(raw)
}

// flattenJWTAuthConfig maps authConfig onto jwt_auth_config: null when it
// is empty; prior (the prior jwt_auth_config) keeps the user's jwks text
// when FC answers the same JSON document, and [] where the user wrote [].
func flattenJWTAuthConfig(ctx context.Context, authConfig string, prior types.Object) (types.Object, error) {
	if strings.TrimSpace(authConfig) == "" {
		return types.ObjectNull(jwtAuthConfigAttrTypes), nil
	}
	var j jwtAuthConfigJSON
	if err := json.Unmarshal([]byte(authConfig), &j); err != nil {
		return types.ObjectNull(jwtAuthConfigAttrTypes), err
	}
	var p jwtAuthConfigModel
	triggerPriorObject(ctx, prior, &p)
	jwks := types.StringValue(j.JWKS)
	if known(p.JWKS) && triggerJSONEquivalent([]byte(p.JWKS.ValueString()), []byte(j.JWKS)) {
		jwks = p.JWKS
	}
	return types.ObjectValueMust(jwtAuthConfigAttrTypes, map[string]attr.Value{
		"black_list":    flattenStringList(j.BlackList, p.BlackList),
		"claim_pass_by": flattenStringList(j.ClaimPassBy, p.ClaimPassBy),
		"jwks":          jwks,
		"token_lookup":  flattenStringList(j.TokenLookup, p.TokenLookup),
		"white_list":    flattenStringList(j.WhiteList, p.WhiteList),
	}), nil
}

func flattenTimerTriggerConfig(j timerTriggerConfigJSON, p timerTriggerConfigModel) types.Object {
	return types.ObjectValueMust(timerTriggerConfigAttrTypes, map[string]attr.Value{
		"cron_expression": types.StringValue(j.CronExpression),
		"enable":          types.BoolValue(j.Enable == nil || *j.Enable),
		"payload":         flattenOptionalString(&j.Payload, p.Payload),
	})
}

func flattenOSSTriggerConfig(j ossTriggerConfigJSON, p ossTriggerConfigModel) types.Object {
	events := make([]attr.Value, 0, len(j.Events))
	for _, s := range j.Events {
		events = append(events, types.StringValue(s))
	}
	eventList := types.ListValueMust(types.StringType, events)
	// The order of OSS events means nothing: when FC answers the prior
	// events in another order, the prior order stays (no diff).
	if known(p.Events) && sameStringsAnyOrder(p.Events, j.Events) {
		eventList = p.Events
	}
	return types.ObjectValueMust(ossTriggerConfigAttrTypes, map[string]attr.Value{
		"events":        eventList,
		"filter_prefix": flattenOptionalString(&j.Filter.Key.Prefix, p.FilterPrefix),
		"filter_suffix": flattenOptionalString(&j.Filter.Key.Suffix, p.FilterSuffix),
	})
}

// flattenLogTriggerConfig maps a log trigger's configuration. p is the prior
// log_config, priorKnown whether there was one (false on import). The job
// settings FC fills in when they are not sent are reported only where the
// configuration sets them, or on import: so removing one is a change, which
// sends the configuration without it.
func flattenLogTriggerConfig(j logTriggerConfigJSON, p logTriggerConfigModel, priorKnown bool) types.Object {
	params := types.MapNull(types.StringType)
	if len(j.FunctionParameter) > 0 || (!p.FunctionParameter.IsNull() && !p.FunctionParameter.IsUnknown()) {
		elems := make(map[string]attr.Value, len(j.FunctionParameter))
		for k, v := range j.FunctionParameter {
			elems[k] = types.StringValue(v)
		}
		params = types.MapValueMust(types.StringType, elems)
	}
	return types.ObjectValueMust(logTriggerConfigAttrTypes, map[string]attr.Value{
		"enable":             types.BoolValue(j.Enable == nil || *j.Enable),
		"function_parameter": params,
		"logstore":           types.StringValue(j.LogConfig.Logstore),
		"max_retry_time":     flattenTriggerJobSetting(j.JobConfig.MaxRetryTime, p.MaxRetryTime, priorKnown),
		"project":            types.StringValue(j.LogConfig.Project),
		"source_logstore":    types.StringValue(j.SourceConfig.Logstore),
		"trigger_interval":   flattenTriggerJobSetting(j.JobConfig.TriggerInterval, p.TriggerInterval, priorKnown),
	})
}

// sameStringsAnyOrder reports whether a known list of strings holds the
// same strings as want, counting repeats, in any order.
func sameStringsAnyOrder(l types.List, want []string) bool {
	elems := l.Elements()
	if len(elems) != len(want) {
		return false
	}
	count := make(map[string]int, len(want))
	for _, s := range want {
		count[s]++
	}
	for _, e := range elems {
		v, ok := e.(types.String)
		if !ok || !known(v) || count[v.ValueString()] == 0 {
			return false
		}
		count[v.ValueString()]--
	}
	return true
}

// flattenTriggerJobSetting maps a log job setting: FC's value, except null
// where the prior configuration did not set it (FC's default).
func flattenTriggerJobSetting(v *int64, prior types.Int64, priorKnown bool) types.Int64 {
	if priorKnown && prior.IsNull() {
		return types.Int64Null()
	}
	return types.Int64PointerValue(v)
}

func flattenMNSTopicTriggerConfig(j mnsTopicTriggerConfigJSON, p mnsTopicTriggerConfigModel) types.Object {
	// An empty enum is FC's default.
	format, strategy := j.NotifyContentFormat, j.NotifyStrategy
	if format == "" {
		format = MNSNotifyContentFormatStream
	}
	if strategy == "" {
		strategy = MNSNotifyStrategyBackoffRetry
	}
	return types.ObjectValueMust(mnsTopicTriggerConfigAttrTypes, map[string]attr.Value{
		"filter_tag":            flattenOptionalString(&j.FilterTag, p.FilterTag),
		"notify_content_format": types.StringValue(format),
		"notify_strategy":       types.StringValue(strategy),
	})
}

func flattenCDNEventsTriggerConfig(j cdnEventsTriggerConfigJSON, p cdnEventsTriggerConfigModel) types.Object {
	elemType := types.ListType{ElemType: types.StringType}
	filter := types.MapNull(elemType)
	if len(j.Filter) > 0 || (!p.Filter.IsNull() && !p.Filter.IsUnknown()) {
		elems := make(map[string]attr.Value, len(j.Filter))
		for k, vs := range j.Filter {
			list := make([]attr.Value, 0, len(vs))
			for _, v := range vs {
				list = append(list, types.StringValue(v))
			}
			elems[k] = types.ListValueMust(types.StringType, list)
		}
		filter = types.MapValueMust(elemType, elems)
	}
	return types.ObjectValueMust(cdnEventsTriggerConfigAttrTypes, map[string]attr.Value{
		"event_name":    types.StringValue(j.EventName),
		"event_version": types.StringValue(j.EventVersion),
		"filter":        filter,
		"notes":         flattenOptionalString(&j.Notes, p.Notes),
	})
}

// flattenConfigJSON returns raw as a normalized JSON value, or prior when
// the two are the same JSON document, so the user's formatting stays in the
// state. Beyond key order and whitespace (jsontypes' semantic equality),
// FC's rewriting of a configuration is not a change either: members whose
// value is null are dropped (null means "not set"), and numbers may be
// written another way (1.0 as 1, 1e2 as 100).
func flattenConfigJSON(ctx context.Context, raw []byte, prior jsontypes.Normalized, diags *diag.Diagnostics) jsontypes.Normalized {
	v := jsontypes.NewNormalizedValue(string(raw))
	if prior.IsNull() || prior.IsUnknown() {
		return v
	}
	equal, d := prior.StringSemanticEquals(ctx, v)
	if d.HasError() {
		// The prior value is not JSON (it was validated, so this cannot
		// happen with a real plan): report what FC has.
		return v
	}
	diags.Append(d...)
	if equal || triggerJSONEquivalent([]byte(prior.ValueString()), raw) {
		return prior
	}
	return v
}

// triggerJSONEquivalent reports whether two JSON documents hold the same
// data once null object members are dropped and numbers are compared by
// value. Invalid JSON is equivalent to nothing.
func triggerJSONEquivalent(a, b []byte) bool {
	decode := func(raw []byte) (any, bool) {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || dec.More() {
			return nil, false
		}
		return v, true
	}
	va, ok := decode(a)
	if !ok {
		return false
	}
	vb, ok := decode(b)
	return ok && jsonValuesEquivalent(va, vb)
}

func jsonValuesEquivalent(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, xv := range x {
			yv, present := y[k]
			if xv == nil {
				if present && yv != nil {
					return false
				}
				continue
			}
			if !present || !jsonValuesEquivalent(xv, yv) {
				return false
			}
		}
		for k, yv := range y {
			if _, present := x[k]; !present && yv != nil {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonValuesEquivalent(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		// big.Float rather than big.Rat: an exponent such as 1e999999999
		// costs nothing to parse.
		fx, _, errx := big.ParseFloat(string(x), 10, 512, big.ToNearestEven)
		fy, _, erry := big.ParseFloat(string(y), 10, 512, big.ToNearestEven)
		return errx == nil && erry == nil && fx.Cmp(fy) == 0
	default: // string, bool, nil
		return a == b
	}
}

// flattenQualifier maps the API's qualifier: "", absent and "LATEST" all
// mean the latest code, and are kept as the user wrote them (null or
// "LATEST").
func flattenQualifier(v *string, prior types.String) types.String {
	got := ""
	if v != nil {
		got = *v
	}
	if got == "" || got == "LATEST" {
		if !prior.IsNull() && !prior.IsUnknown() && prior.ValueString() == "LATEST" {
			return prior
		}
		return types.StringNull()
	}
	return types.StringValue(got)
}

// ---------------------------------------------------------------------------
// fc_triggers

// triggersDataSourceModel is the state of fc_triggers.
type triggersDataSourceModel struct {
	FunctionName types.String       `tfsdk:"function_name"`
	NamePrefix   types.String       `tfsdk:"name_prefix"`
	Names        types.List         `tfsdk:"names"`
	ServiceName  types.String       `tfsdk:"service_name"`
	Triggers     []triggerItemModel `tfsdk:"triggers"`
}

// triggerItemModel is one trigger of fc_triggers.
type triggerItemModel struct {
	ConfigJSON       types.String `tfsdk:"config_json"`
	CreatedTime      types.String `tfsdk:"created_time"`
	Description      types.String `tfsdk:"description"`
	InvocationRole   types.String `tfsdk:"invocation_role"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	Name             types.String `tfsdk:"name"`
	Qualifier        types.String `tfsdk:"qualifier"`
	SourceARN        types.String `tfsdk:"source_arn"`
	TriggerID        types.String `tfsdk:"trigger_id"`
	Type             types.String `tfsdk:"type"`
	URLInternet      types.String `tfsdk:"url_internet"`
	URLIntranet      types.String `tfsdk:"url_intranet"`
}

// flattenTriggerItem maps an API trigger onto an item of fc_triggers: empty
// strings are null, the configuration is its raw JSON.
func flattenTriggerItem(t *fc.Trigger) triggerItemModel {
	item := triggerItemModel{
		ConfigJSON:       types.StringNull(),
		CreatedTime:      triggerNonEmpty(t.CreatedTime),
		Description:      triggerNonEmpty(t.Description),
		InvocationRole:   triggerNonEmpty(t.InvocationRole),
		LastModifiedTime: triggerNonEmpty(t.LastModifiedTime),
		Name:             triggerNonEmpty(t.TriggerName),
		Qualifier:        flattenQualifier(t.Qualifier, types.StringNull()),
		SourceARN:        triggerNonEmpty(t.SourceArn),
		TriggerID:        triggerNonEmpty(t.TriggerID),
		Type:             triggerNonEmpty(t.TriggerType),
		URLInternet:      triggerNonEmpty(t.URLInternet),
		URLIntranet:      triggerNonEmpty(t.URLIntranet),
	}
	if len(t.TriggerConfig) > 0 {
		item.ConfigJSON = types.StringValue(string(triggerCompactJSON(t.TriggerConfig)))
	}
	return item
}

// ---------------------------------------------------------------------------
// helpers

// triggerPriorObject decodes a prior nested object into target when it is known
// and not null; otherwise target keeps its zero value (all fields null).
func triggerPriorObject(ctx context.Context, o types.Object, target any) {
	if o.IsNull() || o.IsUnknown() {
		return
	}
	// A prior of the wrong shape only loses the null-versus-empty hint.
	_ = o.As(ctx, target, basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true})
}

// triggerStrings returns the known elements of a list or set of strings.
func triggerStrings(ctx context.Context, v interface {
	ElementsAs(context.Context, any, bool) diag.Diagnostics
	IsNull() bool
	IsUnknown() bool
}, diags *diag.Diagnostics) []string {
	out := []string{}
	if v.IsNull() || v.IsUnknown() {
		return out
	}
	diags.Append(v.ElementsAs(ctx, &out, false)...)
	return out
}

func triggerBoolOr(v types.Bool, def bool) bool {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueBool()
}

func triggerStringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return def
	}
	return v.ValueString()
}

func triggerKnownInt64(v types.Int64) *int64 {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	return fc.Ptr(v.ValueInt64())
}

func triggerNonEmpty(v *string) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	return types.StringValue(*v)
}

// triggerIsJSONObject reports whether raw holds exactly one JSON object.
func triggerIsJSONObject(raw []byte) bool {
	var obj map[string]json.RawMessage
	return json.Unmarshal(raw, &obj) == nil && obj != nil
}

// triggerCompactJSON removes insignificant whitespace; invalid JSON is returned
// unchanged.
func triggerCompactJSON(raw []byte) []byte {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return raw
	}
	return b.Bytes()
}

// triggerShortJSON quotes raw for a message, cutting long values.
func triggerShortJSON(raw []byte) string {
	const limit = 120
	if r := []rune(string(raw)); len(r) > limit {
		return fmt.Sprintf("%q (truncated)", string(r[:limit]))
	}
	return fmt.Sprintf("%q", raw)
}
