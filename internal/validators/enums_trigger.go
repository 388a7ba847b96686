package validators

// Trigger types (fc-api.md sections 3.3 and 9.1), in the order of the API
// reference; the last three are configured with a raw JSON object.
const (
	TriggerTypeOSS         string = "oss"
	TriggerTypeLog         string = "log"
	TriggerTypeTimer       string = "timer"
	TriggerTypeHTTP        string = "http"
	TriggerTypeTablestore  string = "tablestore"
	TriggerTypeCDNEvents   string = "cdn_events"
	TriggerTypeMNSTopic    string = "mns_topic"
	TriggerTypeEventBridge string = "eventbridge"
	TriggerTypeMQ          string = "mq"
	TriggerTypeRDS         string = "rds"
)

// TriggerTypes lists every trigger type FC accepts.
var TriggerTypes = []string{
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

// HTTP trigger authentication types: anyone, requests signed with an
// AccessKey, or a JSON Web Token.
const (
	HTTPAuthTypeAnonymous string = "anonymous"
	HTTPAuthTypeFunction  string = "function"
	HTTPAuthTypeJWT       string = "jwt"
)

// HTTPAuthTypes lists the HTTP trigger authentication types.
var HTTPAuthTypes = []string{HTTPAuthTypeAnonymous, HTTPAuthTypeFunction, HTTPAuthTypeJWT}

// HTTP methods an HTTP trigger can accept.
const (
	HTTPMethodGet     string = "GET"
	HTTPMethodPost    string = "POST"
	HTTPMethodPut     string = "PUT"
	HTTPMethodDelete  string = "DELETE"
	HTTPMethodHead    string = "HEAD"
	HTTPMethodPatch   string = "PATCH"
	HTTPMethodOptions string = "OPTIONS"
)

// HTTPMethods lists the HTTP methods an HTTP trigger can accept.
var HTTPMethods = []string{
	HTTPMethodGet,
	HTTPMethodPost,
	HTTPMethodPut,
	HTTPMethodDelete,
	HTTPMethodHead,
	HTTPMethodPatch,
	HTTPMethodOptions,
}

// Parts of a request a JSON Web Token is looked up in (JWTAuthConfig
// tokenLookup, `source:name[:prefix]`) and claims are passed in
// (claimPassBy, `source:claim:target`).
const (
	JWTTokenSourceHeader string = "header"
	JWTTokenSourceCookie string = "cookie"
	JWTTokenSourceQuery  string = "query"
	JWTTokenSourceForm   string = "form"
)

// JWTTokenSources lists the JWT token sources.
var JWTTokenSources = []string{JWTTokenSourceHeader, JWTTokenSourceCookie, JWTTokenSourceQuery, JWTTokenSourceForm}

// MNS topic trigger notification formats, the first being FC's default.
const (
	MNSNotifyContentFormatStream string = "STREAM"
	MNSNotifyContentFormatJSON   string = "JSON"
)

// MNSNotifyContentFormats lists the MNS topic trigger notification formats.
var MNSNotifyContentFormats = []string{MNSNotifyContentFormatStream, MNSNotifyContentFormatJSON}

// MNS topic trigger retry strategies, the first being FC's default.
const (
	MNSNotifyStrategyBackoffRetry          string = "BACKOFF_RETRY"
	MNSNotifyStrategyExponentialDecayRetry string = "EXPONENTIAL_DECAY_RETRY"
)

// MNSNotifyStrategies lists the MNS topic trigger retry strategies.
var MNSNotifyStrategies = []string{MNSNotifyStrategyBackoffRetry, MNSNotifyStrategyExponentialDecayRetry}
