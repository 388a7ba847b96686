package emulator

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// triggerNameRE is the trigger name rule of reference section 9.
var triggerNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,127}$`)

// fixTriggerConfig rewrites the triggerConfig member of a trigger request
// to its canonical object (or removes it when null or "") before decoding.
func fixTriggerConfig(raw map[string]json.RawMessage) *apiError {
	v, ok := raw["triggerConfig"]
	if !ok {
		return nil
	}
	cfg, e := canonicalTriggerConfig(v)
	if e != nil {
		return e
	}
	if cfg == nil {
		delete(raw, "triggerConfig")
		return nil
	}
	raw["triggerConfig"] = cfg
	return nil
}

// decodeTrigger decodes a trigger request body. Fields a client cannot set
// (triggerId, createdTime, lastModifiedTime, urlInternet, urlIntranet) are
// dropped; empty sourceArn, invocationRole and qualifier mean absent.
func decodeTrigger(body []byte) (*fc.Trigger, *apiError) {
	var in fc.Trigger
	if e := decodeObject(body, &in, fixTriggerConfig); e != nil {
		return nil, e
	}
	in.TriggerID, in.CreatedTime, in.LastModifiedTime = nil, nil, nil
	in.URLInternet, in.URLIntranet = nil, nil
	for _, p := range []**string{&in.SourceArn, &in.InvocationRole, &in.Qualifier} {
		if *p != nil && **p == "" {
			*p = nil
		}
	}
	return &in, nil
}

// validateTrigger checks a trigger as it would be stored (on create, and
// the merged result of an update).
func validateTrigger(t *fc.Trigger) *apiError {
	name := deref(t.TriggerName)
	if name == "" {
		return errInvalidArgument("triggerName is required")
	}
	if !triggerNameRE.MatchString(name) {
		return errInvalidArgument("triggerName '%s' is invalid: use 1 to 128 letters, digits, '-' or '_', not starting with a digit or '-'", name)
	}
	typ := deref(t.TriggerType)
	if typ == "" {
		return errInvalidArgument("triggerType is required")
	}
	if !slices.Contains(triggerTypes, typ) {
		return errInvalidArgument("triggerType '%s' is not supported; use one of %s", typ, strings.Join(triggerTypes, ", "))
	}
	if t.TriggerConfig == nil {
		return errInvalidArgument("triggerConfig is required")
	}
	if slices.Contains(triggerTypesWithSource, typ) {
		if t.SourceArn == nil {
			return errInvalidArgument("sourceArn is required for %s triggers", typ)
		}
		if t.InvocationRole == nil {
			return errInvalidArgument("invocationRole is required for %s triggers", typ)
		}
	}
	return validateTriggerConfig(typ, t.TriggerConfig)
}

// checkTriggerQualifier checks that a trigger's qualifier names LATEST, an
// existing version or an existing alias of the service, answering like a
// read with that qualifier would (404 VersionNotFound or AliasNotFound). A
// version ID is rewritten to its canonical form.
func (st *state) checkTriggerQualifier(service string, t *fc.Trigger) *apiError {
	if t.Qualifier == nil {
		return nil
	}
	view, e := st.resolveQualifier(service, *t.Qualifier)
	if e != nil {
		return e
	}
	if isDigits(*t.Qualifier) {
		t.Qualifier = ptr(view.versionID) // "01" is version "1"
	}
	return nil
}

// triggerAnswer is a trigger as answered: triggerConfig is a JSON object
// under 2016-08-15 (what github.com/aliyun/fc-go-sdk parses) and a string
// holding the object under 2021-04-06. The outer field shadows the
// embedded one.
type triggerAnswer struct {
	fc.Trigger
	TriggerConfig any `json:"triggerConfig,omitempty"`
}

// triggerView builds the answer for trigger t of service/function.
func (s *Server) triggerView(c *call, service, function string, t *fc.Trigger) triggerAnswer {
	out := triggerAnswer{Trigger: *t}
	if t.TriggerConfig != nil {
		if c.version == apiVersion2016 {
			out.TriggerConfig = json.RawMessage(t.TriggerConfig)
		} else {
			out.TriggerConfig = string(t.TriggerConfig)
		}
	}
	if deref(t.TriggerType) == triggerTypeHTTP {
		qualifier := deref(t.Qualifier)
		if qualifier == "" {
			qualifier = qualifierLatest
		}
		path := "/2016-08-15/proxy/" + service + "." + qualifier + "/" + function + "/"
		var cfg httpTriggerConfig
		_ = json.Unmarshal(t.TriggerConfig, &cfg)
		if !deref(cfg.DisableURLInternet) {
			out.URLInternet = ptr("https://" + s.opts.AccountID + "." + s.opts.Region + ".fc.aliyuncs.com" + path)
		}
		out.URLIntranet = ptr("https://" + s.opts.AccountID + "." + s.opts.Region + "-internal.fc.aliyuncs.com" + path)
	}
	return out
}

func (s *Server) createTrigger(c *call) *apiError {
	in, e := decodeTrigger(c.body)
	if e != nil {
		return e
	}
	if e := validateTrigger(in); e != nil {
		return e
	}
	fnName, name := c.params["function"], *in.TriggerName
	now := s.timestamp()
	in.TriggerID = ptr(newID())
	in.CreatedTime = ptr(now)
	in.LastModifiedTime = ptr(now)
	tr := &triggerRecord{Trigger: *in}
	return create(s, c, kindTrigger, []string{c.service, fnName, name}, tr,
		func(record) *apiError { return s.st.checkTriggerQualifier(c.service, &tr.Trigger) },
		func(tr *triggerRecord) *apiError {
			return c.writeJSON(s.triggerView(c, c.service, fnName, &tr.Trigger), tr.ETag)
		})
}

func (s *Server) getTrigger(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	fnName := c.params["function"]
	tr, e := lookup[*triggerRecord](s.st, kindTrigger, c.service, fnName, c.params["trigger"])
	if e != nil {
		return e
	}
	return c.writeJSON(s.triggerView(c, c.service, fnName, &tr.Trigger), tr.ETag)
}

// updateTrigger changes invocationRole, qualifier, triggerConfig and
// description; other fields of the body (triggerName, triggerType,
// sourceArn, ...) are ignored. Present fields replace, null and absent
// keep; an empty qualifier or invocationRole clears it.
func (s *Server) updateTrigger(c *call) *apiError {
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(c.body, &raw)
	in, e := decodeTrigger(c.body)
	if e != nil {
		return e
	}
	present := func(k string) bool {
		v, ok := raw[k]
		return ok && strings.TrimSpace(string(v)) != "null"
	}

	fnName := c.params["function"]
	return modify(s, c, kindTrigger, []string{c.service, fnName, c.params["trigger"]}, false, func(tr *triggerRecord) *apiError {
		merged := tr.Trigger
		if present("invocationRole") {
			merged.InvocationRole = in.InvocationRole
		}
		if present("qualifier") {
			merged.Qualifier = in.Qualifier
		}
		if in.Description != nil {
			merged.Description = in.Description
		}
		if in.TriggerConfig != nil {
			merged.TriggerConfig = in.TriggerConfig
		}
		if e := validateTrigger(&merged); e != nil {
			return e
		}
		if e := s.st.checkTriggerQualifier(c.service, &merged); e != nil {
			return e
		}
		merged.LastModifiedTime = ptr(s.timestamp())
		tr.Trigger = merged
		return nil
	}, func(tr *triggerRecord) *apiError {
		return c.writeJSON(s.triggerView(c, c.service, fnName, &tr.Trigger), tr.ETag)
	})
}

func (s *Server) deleteTrigger(c *call) *apiError {
	return remove[*triggerRecord](s, c, kindTrigger, []string{c.service, c.params["function"], c.params["trigger"]}, nil, http.StatusOK)
}

// listTriggersResponse is the answer of ListTriggers.
type listTriggersResponse struct {
	Triggers  []triggerAnswer `json:"triggers"`
	NextToken string          `json:"nextToken,omitempty"`
}

func (s *Server) listTriggers(c *call) *apiError {
	fnName := c.params["function"]
	return list(s, c, kindTrigger, []string{c.service, fnName},
		func(tr *triggerRecord) triggerAnswer { return s.triggerView(c, c.service, fnName, &tr.Trigger) },
		func(items []triggerAnswer, next string) any {
			return listTriggersResponse{Triggers: items, NextToken: next}
		})
}
