package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// API versions served. Both share one route table.
const (
	apiVersion2016 = "2016-08-15"
	apiVersion2021 = "2021-04-06"
)

const (
	headerRequestID    = "X-Fc-Request-Id"
	headerCodeChecksum = "X-Fc-Code-Checksum"
	headerIfMatch      = "If-Match"
	headerETag         = "ETag"

	// maxBodyBytes bounds a request body (a base64 code archive included).
	maxBodyBytes = 100 << 20
)

// call is one API or admin request being served.
type call struct {
	w         http.ResponseWriter
	r         *http.Request
	requestID string
	// op is the operation name, e.g. "GetFunction"; empty for unrouted and
	// admin requests.
	op string
	// version is the API version prefix of the path.
	version string
	// params are the decoded path wildcards of the route.
	params map[string]string
	// service and qualifier are split from the {service} wildcard
	// ("name.qualifier"); on a qualified route the qualifier may come from
	// the ?qualifier= query instead. qualifier is empty when absent.
	service   string
	qualifier string
	body      []byte
}

// handler serves one routed API operation. It runs after authentication.
type handler func(s *Server, c *call) *apiError

// route maps a method and a path pattern below the version prefix to an
// operation. Pattern segments are literals or {name} wildcards; the
// {service} wildcard may carry a ".qualifier" only when qualified is true.
type route struct {
	method    string
	segments  []string
	operation string
	qualified bool
	handle    handler
}

func newRoute(method, pattern, operation string, qualified bool, h handler) route {
	return route{
		method:    method,
		segments:  strings.Split(strings.Trim(pattern, "/"), "/"),
		operation: operation,
		qualified: qualified,
		handle:    h,
	}
}

// routes is the API route table. Later objects (custom domains, ...) add
// their rows here.
var routes = []route{
	newRoute(http.MethodPost, "services", "CreateService", false, (*Server).createService),
	newRoute(http.MethodGet, "services", "ListServices", false, (*Server).listServices),
	newRoute(http.MethodGet, "services/{service}", "GetService", true, (*Server).getService),
	newRoute(http.MethodPut, "services/{service}", "UpdateService", false, (*Server).updateService),
	newRoute(http.MethodDelete, "services/{service}", "DeleteService", false, (*Server).deleteService),

	newRoute(http.MethodPost, "services/{service}/functions", "CreateFunction", false, (*Server).createFunction),
	newRoute(http.MethodGet, "services/{service}/functions", "ListFunctions", true, (*Server).listFunctions),
	newRoute(http.MethodGet, "services/{service}/functions/{function}", "GetFunction", true, (*Server).getFunction),
	newRoute(http.MethodPut, "services/{service}/functions/{function}", "UpdateFunction", false, (*Server).updateFunction),
	newRoute(http.MethodDelete, "services/{service}/functions/{function}", "DeleteFunction", false, (*Server).deleteFunction),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/code", "GetFunctionCode", true, (*Server).getFunctionCode),

	newRoute(http.MethodPost, "services/{service}/functions/{function}/triggers", "CreateTrigger", false, (*Server).createTrigger),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/triggers", "ListTriggers", false, (*Server).listTriggers),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/triggers/{trigger}", "GetTrigger", false, (*Server).getTrigger),
	newRoute(http.MethodPut, "services/{service}/functions/{function}/triggers/{trigger}", "UpdateTrigger", false, (*Server).updateTrigger),
	newRoute(http.MethodDelete, "services/{service}/functions/{function}/triggers/{trigger}", "DeleteTrigger", false, (*Server).deleteTrigger),

	newRoute(http.MethodPost, "services/{service}/versions", "PublishServiceVersion", false, (*Server).publishServiceVersion),
	newRoute(http.MethodGet, "services/{service}/versions", "ListServiceVersions", false, (*Server).listServiceVersions),
	newRoute(http.MethodDelete, "services/{service}/versions/{version}", "DeleteServiceVersion", false, (*Server).deleteServiceVersion),

	newRoute(http.MethodPost, "services/{service}/aliases", "CreateAlias", false, (*Server).createAlias),
	newRoute(http.MethodGet, "services/{service}/aliases", "ListAliases", false, (*Server).listAliases),
	newRoute(http.MethodGet, "services/{service}/aliases/{alias}", "GetAlias", false, (*Server).getAlias),
	newRoute(http.MethodPut, "services/{service}/aliases/{alias}", "UpdateAlias", false, (*Server).updateAlias),
	newRoute(http.MethodDelete, "services/{service}/aliases/{alias}", "DeleteAlias", false, (*Server).deleteAlias),

	newRoute(http.MethodPost, "custom-domains", "CreateCustomDomain", false, (*Server).createCustomDomain),
	newRoute(http.MethodGet, "custom-domains", "ListCustomDomains", false, (*Server).listCustomDomains),
	newRoute(http.MethodGet, "custom-domains/{domain}", "GetCustomDomain", false, (*Server).getCustomDomain),
	newRoute(http.MethodPut, "custom-domains/{domain}", "UpdateCustomDomain", false, (*Server).updateCustomDomain),
	newRoute(http.MethodDelete, "custom-domains/{domain}", "DeleteCustomDomain", false, (*Server).deleteCustomDomain),
	newRoute(http.MethodPut, "services/{service}/functions/{function}/provision-config", "PutProvisionConfig", true, (*Server).putProvisionConfig),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/provision-config", "GetProvisionConfig", true, (*Server).getProvisionConfig),
	newRoute(http.MethodGet, "provision-configs", "ListProvisionConfigs", false, (*Server).listProvisionConfigs),

	newRoute(http.MethodPut, "services/{service}/functions/{function}/async-invoke-config", "PutFunctionAsyncInvokeConfig", true, (*Server).putAsyncConfig),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/async-invoke-config", "GetFunctionAsyncInvokeConfig", true, (*Server).getAsyncConfig),
	newRoute(http.MethodDelete, "services/{service}/functions/{function}/async-invoke-config", "DeleteFunctionAsyncInvokeConfig", true, (*Server).deleteAsyncConfig),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/async-invoke-configs", "ListFunctionAsyncInvokeConfigs", false, (*Server).listAsyncConfigs),

	newRoute(http.MethodGet, "services/{service}/functions/{function}/instances", "ListInstances", true, (*Server).listInstances),

	newRoute(http.MethodPost, "services/{service}/functions/{function}/invocations", "InvokeFunction", true, (*Server).invokeFunction),
	newRoute(http.MethodPost, "services/{service}/functions/{function}", "InvokeFunction", true, (*Server).invokeFunction),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/stateful-async-invocations", "ListStatefulAsyncInvocations", true, (*Server).listStatefulInvocations),
	newRoute(http.MethodGet, "services/{service}/functions/{function}/stateful-async-invocations/{invocation}", "GetStatefulAsyncInvocation", true, (*Server).getStatefulInvocation),
	newRoute(http.MethodPut, "services/{service}/functions/{function}/stateful-async-invocations/{invocation}", "StopStatefulAsyncInvocation", true, (*Server).stopStatefulInvocation),
	newRoute(http.MethodPost, "layers/{layer}/versions", "PublishLayerVersion", false, (*Server).publishLayerVersion),
	newRoute(http.MethodGet, "layers/{layer}/versions", "ListLayerVersions", false, (*Server).listLayerVersions),
	newRoute(http.MethodGet, "layers/{layer}/versions/{version}", "GetLayerVersion", false, (*Server).getLayerVersion),
	newRoute(http.MethodDelete, "layers/{layer}/versions/{version}", "DeleteLayerVersion", false, (*Server).deleteLayerVersion),
	newRoute(http.MethodGet, "layers", "ListLayers", false, (*Server).listLayers),

	newRoute(http.MethodPost, "tag", "TagResource", false, (*Server).tagResource),
	newRoute(http.MethodPut, "tag", "UntagResource", false, (*Server).untagResource),
	newRoute(http.MethodDelete, "tag", "UntagResource", false, (*Server).untagResource),
	newRoute(http.MethodGet, "tag", "GetResourceTags", false, (*Server).getResourceTags),
}

// requestBodies are the known members of each operation's request body,
// enforced in strict mode (wire.go). Operations not listed take no body.
var requestBodies = map[string]*shape{
	"CreateService":         createServiceShape,
	"UpdateService":         updateServiceShape,
	"CreateFunction":        createFunctionShape,
	"UpdateFunction":        updateFunctionShape,
	"CreateTrigger":         createTriggerShape,
	"UpdateTrigger":         updateTriggerShape,
	"PublishServiceVersion": publishVersionShape,
	"CreateAlias":           createAliasShape,
	"UpdateAlias":           updateAliasShape,
	"CreateCustomDomain":    createCustomDomainShape,
	"UpdateCustomDomain":    updateCustomDomainShape,

	"PutProvisionConfig":           putProvisionConfigShape,
	"PutFunctionAsyncInvokeConfig": putAsyncConfigShape,
	"PublishLayerVersion":          publishLayerShape,
	"TagResource":                  tagResourceShape,
	"UntagResource":                untagResourceShape,
}

// matchRoute finds the route for method and the decoded path segments
// below the version prefix and returns its wildcard values.
func matchRoute(method string, segments []string) (*route, map[string]string) {
	for i := range routes {
		rt := &routes[i]
		if rt.method != method || len(rt.segments) != len(segments) {
			continue
		}
		params := map[string]string{}
		ok := true
		for j, pat := range rt.segments {
			if strings.HasPrefix(pat, "{") && strings.HasSuffix(pat, "}") {
				if segments[j] == "" {
					ok = false
					break
				}
				params[pat[1:len(pat)-1]] = segments[j]
				continue
			}
			if pat != segments[j] {
				ok = false
				break
			}
		}
		if ok {
			return rt, params
		}
	}
	return nil, nil
}

// splitPath splits an escaped URL path into decoded segments, ignoring one
// trailing slash.
func splitPath(escaped string) ([]string, error) {
	p := strings.TrimPrefix(escaped, "/")
	p = strings.TrimSuffix(p, "/")
	raw := strings.Split(p, "/")
	out := make([]string, len(raw))
	for i, seg := range raw {
		dec, err := url.PathUnescape(seg)
		if err != nil {
			return nil, err
		}
		out[i] = dec
	}
	return out, nil
}

// serveAPI routes, counts, authenticates and runs one API request.
func (s *Server) serveAPI(c *call) {
	r := c.r
	segments, err := splitPath(r.URL.EscapedPath())
	if err != nil || len(segments) < 2 || (segments[0] != apiVersion2016 && segments[0] != apiVersion2021) {
		c.fail(s, errPathNotSupported(r.Method, r.URL.Path))
		return
	}
	c.version = segments[0]
	rt, params := matchRoute(r.Method, segments[1:])
	if rt == nil {
		c.fail(s, errPathNotSupported(r.Method, r.URL.Path))
		return
	}
	c.op = rt.operation
	c.params = params
	s.count(rt.operation)

	if svc, ok := params["service"]; ok {
		name, qualifier, dotted := strings.Cut(svc, ".")
		if dotted && !rt.qualified {
			c.fail(s, errPathNotSupported(r.Method, r.URL.Path))
			return
		}
		c.service, c.qualifier = name, qualifier
		if rt.qualified {
			// The 2021-04-06 SDK sends the qualifier as ?qualifier=; it
			// resolves exactly like the dotted form, on both API versions.
			if q := r.URL.Query().Get("qualifier"); q != "" {
				if dotted && q != qualifier {
					c.fail(s, errInvalidArgument("the qualifier is given twice with different values: '%s' in the path and '%s' in the query", qualifier, q))
					return
				}
				c.qualifier = q
			}
		}
	}

	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		c.fail(s, errInvalidArgument("cannot read the request body: %v", err))
		return
	}
	if len(body) > maxBodyBytes {
		c.fail(s, errEntityTooLarge(maxBodyBytes))
		return
	}
	c.body = body

	if e := s.authenticate(r, body); e != nil {
		c.fail(s, e)
		return
	}
	if len(body) > 0 && !rawBodyOperations[rt.operation] {
		if e := checkJSONContentType(r.Header.Get("Content-Type")); e != nil {
			c.fail(s, e)
			return
		}
	}
	if s.opts.Strict {
		if e := checkStrict(requestBodies[rt.operation], body); e != nil {
			c.fail(s, e)
			return
		}
	}
	if e := rt.handle(s, c); e != nil {
		c.fail(s, e)
	}
}

func checkJSONContentType(ct string) *apiError {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return errInvalidArgument("Content-Type must be application/json, got '%s'", ct)
	}
	return nil
}

// fail writes e and logs it.
func (c *call) fail(s *Server, e *apiError) {
	if e.Status >= 500 {
		s.log.Error("request failed", "operation", c.op, "code", e.Code, "message", e.Message, "request_id", c.requestID)
	} else {
		s.log.Debug("request rejected", "operation", c.op, "code", e.Code, "message", e.Message, "request_id", c.requestID)
	}
	writeError(c.w, e)
}

// writeJSON writes v with status 200 and, when etag is not empty, the ETag
// header.
func (c *call) writeJSON(v any, etag string) *apiError {
	b, err := json.Marshal(v)
	if err != nil {
		return errInternal()
	}
	h := c.w.Header()
	h.Set("Content-Type", contentTypeJSON)
	if etag != "" {
		h.Set(headerETag, etag)
	}
	c.w.WriteHeader(http.StatusOK)
	_, _ = c.w.Write(b)
	return nil
}

// ifMatch reports whether the request's If-Match header (if any) matches
// etag. Absent header and "*" match; quotes and a W/ prefix are ignored; a
// comma-separated list matches when any element does.
func (c *call) ifMatch(etag string) (string, bool) {
	h := strings.TrimSpace(c.r.Header.Get(headerIfMatch))
	if h == "" {
		return "", true
	}
	for _, v := range strings.Split(h, ",") {
		v = strings.TrimSpace(v)
		v = strings.TrimPrefix(v, "W/")
		v = strings.Trim(v, `"`)
		if v == "*" || v == etag {
			return h, true
		}
	}
	return h, false
}

// baseURL is the absolute URL of this emulator as the client reached it.
func (c *call) baseURL() string {
	scheme := "http"
	if c.r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + c.r.Host
}

// decodeObject decodes a JSON object body into dst. fix, when not nil, may
// rewrite the raw fields first (aliases, numeric strings). An empty body is
// an empty object. Unknown fields are ignored.
func decodeObject(body []byte, dst any, fix func(map[string]json.RawMessage) *apiError) *apiError {
	if len(strings.TrimSpace(string(body))) == 0 {
		body = []byte("{}")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil || raw == nil {
		return errInvalidArgument("the request body must be a JSON object")
	}
	if fix != nil {
		if e := fix(raw); e != nil {
			return e
		}
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return errInvalidArgument("the request body must be a JSON object")
	}
	if err := json.Unmarshal(b, dst); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errInvalidArgument("%s: invalid value, expected %s", te.Field, te.Type)
		}
		return errInvalidArgument("invalid request body: %v", err)
	}
	return nil
}
