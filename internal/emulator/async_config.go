package emulator

import (
	"net/http"
	"regexp"
	"sort"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Async-invoke configs (reference 3.9, 4.8, 8.7 and 9.2) are keyed by
// service, function and qualifier (LATEST, a version or an alias; absent is
// LATEST): they hang off the (LATEST) function record, one per qualifier,
// and are deleted with the function, the alias or the version.

// asyncConfigRecord is one stored async-invoke config. Config holds what was
// put (merged) plus createdTime and lastModifiedTime; the names of the
// function are added to answers.
type asyncConfigRecord struct {
	Config fc.AsyncInvokeConfig `json:"config"`
}

func (r *asyncConfigRecord) etag() *string { return nil }
func (r *asyncConfigRecord) value() any    { return r.Config }

// Limits of the async-invoke config (reference 8.7).
const (
	maxAsyncEventAge          = 2592000
	maxAsyncRetryAttempts     = 8
	defaultAsyncRetryAttempts = 3
)

// codeAsyncConfigNotExists is what FC answers (404) for a function without
// an async-invoke config, as public FC clients expect it.
const codeAsyncConfigNotExists = "AsyncConfigNotExists"

func errAsyncConfigNotExists(service, qualifier, function string) *apiError {
	return newError(http.StatusNotFound, codeAsyncConfigNotExists,
		"the async invoke config of function '%s' of service '%s' at qualifier '%s' does not exist", function, service, qualifier)
}

// destinationARNRE matches the destination ARNs the emulator accepts: the
// kinds the reference documents (4.8: an MNS queue, an FC function, with an
// optional qualifier), an MNS topic, and any EventBridge or ApsaraMQ for
// RocketMQ (acs:mq) resource, which FC documents as destinations without
// giving their resource formats.
var destinationARNRE = regexp.MustCompile(`^acs:(?:` +
	`mns:[a-z0-9-]+:[0-9]+:/(?:queues|topics)/[A-Za-z0-9_-]+/messages` +
	`|fc:[a-z0-9-]+:[0-9]+:services/[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)?/functions/[A-Za-z_][A-Za-z0-9_-]*` +
	`|eventbridge:[a-z0-9-]+:[0-9]+:\S+` +
	`|mq:[a-z0-9-]+:[0-9]+:\S+` +
	`)$`)

// asyncTarget resolves the path of an async-invoke config: the qualifier
// (absent = LATEST) must resolve (404 VersionNotFound, AliasNotFound) and
// the function must exist at it and at LATEST (404 FunctionNotFound). It
// returns the LATEST function record, which holds the configs, and the
// canonical qualifier ("LATEST", "1", an alias name).
func (st *state) asyncTarget(service, qualifier, function string) (*functionRecord, string, *apiError) {
	if qualifier == "" {
		qualifier = qualifierLatest
	}
	if isDigits(qualifier) {
		qualifier = canonicalVersionID(qualifier)
	}
	if _, e := st.qualifiedFunction(service, qualifier, function); e != nil {
		return nil, "", e
	}
	fn, e := lookup[*functionRecord](st, kindFunction, service, function)
	return fn, qualifier, e
}

func validateAsyncConfig(in *fc.AsyncInvokeConfig) *apiError {
	if v := in.MaxAsyncEventAgeInSeconds; v != nil && (*v < 1 || *v > maxAsyncEventAge) {
		return errInvalidArgument("maxAsyncEventAgeInSeconds must be between 1 and %d, got %d", maxAsyncEventAge, *v)
	}
	if v := in.MaxAsyncRetryAttempts; v != nil && (*v < 0 || *v > maxAsyncRetryAttempts) {
		return errInvalidArgument("maxAsyncRetryAttempts must be between 0 and %d, got %d", maxAsyncRetryAttempts, *v)
	}
	if dc := in.DestinationConfig; dc != nil {
		for name, d := range map[string]*fc.Destination{"onSuccess": dc.OnSuccess, "onFailure": dc.OnFailure} {
			if d != nil && !destinationARNRE.MatchString(d.Destination) {
				return errInvalidArgument("destinationConfig.%s.destination '%s' is not a destination ARN: use acs:mns:<region>:<account>:/queues/<queue>/messages, "+
					"acs:mns:<region>:<account>:/topics/<topic>/messages, acs:fc:<region>:<account>:services/<service>[.<qualifier>]/functions/<function>, "+
					"or an acs:eventbridge or acs:mq resource", name, d.Destination)
			}
		}
	}
	return nil
}

// putAsyncConfig creates the config or, when one exists, merges what is
// sent into it as documented (reference 3.9): every field present replaces
// the stored one, absent (and null) fields are kept, and within
// destinationConfig onSuccess and onFailure are each kept unless sent. So
// nothing can be cleared by a put: the config must be deleted first.
// maxAsyncRetryAttempts is 3 when never set.
func (s *Server) putAsyncConfig(c *call) *apiError {
	var in fc.AsyncInvokeConfig
	if e := decodeObject(c.body, &in, nil); e != nil {
		return e
	}
	if e := validateAsyncConfig(&in); e != nil {
		return e
	}
	function := c.params["function"]

	s.mu.Lock()
	defer s.mu.Unlock()
	fn, qualifier, e := s.st.asyncTarget(c.service, c.qualifier, function)
	if e != nil {
		return e
	}
	now := s.timestamp()
	rec := fn.AsyncConfigs[qualifier]
	if rec == nil {
		rec = &asyncConfigRecord{Config: fc.AsyncInvokeConfig{CreatedTime: ptr(now), MaxAsyncRetryAttempts: ptr(int64(defaultAsyncRetryAttempts))}}
	}
	cfg := clone(rec.Config)
	if in.MaxAsyncEventAgeInSeconds != nil {
		cfg.MaxAsyncEventAgeInSeconds = in.MaxAsyncEventAgeInSeconds
	}
	if in.MaxAsyncRetryAttempts != nil {
		cfg.MaxAsyncRetryAttempts = in.MaxAsyncRetryAttempts
	}
	if in.StatefulInvocation != nil {
		cfg.StatefulInvocation = in.StatefulInvocation
	}
	if dc := in.DestinationConfig; dc != nil {
		if cfg.DestinationConfig == nil {
			cfg.DestinationConfig = &fc.DestinationConfig{}
		}
		if dc.OnSuccess != nil {
			cfg.DestinationConfig.OnSuccess = dc.OnSuccess
		}
		if dc.OnFailure != nil {
			cfg.DestinationConfig.OnFailure = dc.OnFailure
		}
		if cfg.DestinationConfig.OnSuccess == nil && cfg.DestinationConfig.OnFailure == nil {
			cfg.DestinationConfig = nil
		}
	}
	cfg.LastModifiedTime = ptr(now)
	rec.Config = cfg
	kindAsyncConfig.table.put(fn, qualifier, rec)
	if e := s.commit(); e != nil {
		return e
	}
	return c.writeJSON(s.asyncView(c, c.service, qualifier, function, rec), "")
}

// asyncView is the answer for one config: the config with the names of the
// function as both SDKs spell them (service, function) and, under
// /2016-08-15, as the document does too (serviceName, functionName).
func (s *Server) asyncView(c *call, service, qualifier, function string, r *asyncConfigRecord) fc.AsyncInvokeConfig {
	out := clone(r.Config)
	out.Service, out.Function, out.Qualifier = ptr(service), ptr(function), ptr(qualifier)
	if c.version == apiVersion2016 {
		out.ServiceName, out.FunctionName = ptr(service), ptr(function)
	}
	return out
}

func (s *Server) getAsyncConfig(c *call) *apiError {
	function := c.params["function"]
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, qualifier, e := s.st.asyncTarget(c.service, c.qualifier, function)
	if e != nil {
		return e
	}
	rec := fn.AsyncConfigs[qualifier]
	if rec == nil {
		return errAsyncConfigNotExists(c.service, qualifier, function)
	}
	return c.writeJSON(s.asyncView(c, c.service, qualifier, function, rec), "")
}

// deleteAsyncConfig answers 204, or 404 AsyncConfigNotExists.
func (s *Server) deleteAsyncConfig(c *call) *apiError {
	function := c.params["function"]
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, qualifier, e := s.st.asyncTarget(c.service, c.qualifier, function)
	if e != nil {
		return e
	}
	if fn.AsyncConfigs[qualifier] == nil {
		return errAsyncConfigNotExists(c.service, qualifier, function)
	}
	kindAsyncConfig.table.remove(fn, qualifier)
	if e := s.commit(); e != nil {
		return e
	}
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

// listAsyncConfigsResponse is the answer of ListFunctionAsyncInvokeConfigs.
type listAsyncConfigsResponse struct {
	Configs   []fc.AsyncInvokeConfig `json:"configs"`
	NextToken string                 `json:"nextToken,omitempty"`
}

// listAsyncConfigs lists a function's configs by qualifier, paged like the
// other lists (limit, nextToken; prefix and startKey are not taken).
func (s *Server) listAsyncConfigs(c *call) *apiError {
	p, e := parseListParams(c.r.URL.Query())
	if e != nil {
		return e
	}
	p.prefix, p.startKey = "", ""
	function := c.params["function"]
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, e := lookup[*functionRecord](s.st, kindFunction, c.service, function)
	if e != nil {
		return e
	}
	names := make([]string, 0, len(fn.AsyncConfigs))
	for q := range fn.AsyncConfigs {
		names = append(names, q)
	}
	sort.Strings(names)
	selected, next := page(names, p)
	out := listAsyncConfigsResponse{Configs: make([]fc.AsyncInvokeConfig, 0, len(selected)), NextToken: next}
	for _, q := range selected {
		out.Configs = append(out.Configs, s.asyncView(c, c.service, q, function, fn.AsyncConfigs[q]))
	}
	return c.writeJSON(out, "")
}
