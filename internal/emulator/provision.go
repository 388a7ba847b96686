package emulator

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Provision configs (reference 3.7, 4.7, 8.6 and 9.2) are keyed by service,
// qualifier and function: they hang off the (LATEST) function record, one
// per qualifier, which is an alias or LATEST. FC has no delete operation: a
// target of 0 releases the instances, and a config with target 0, no
// scheduled actions and no target-tracking policies reads like one that was
// never set. Deleting the function, or the alias, drops its configs.

// provisionRecord is one stored provision config: what was put, and how
// many instances existed at ChangedAt. Current moves toward Target over
// time (Provisioning, provisioning.go); settle brings it up to date.
type provisionRecord struct {
	Config fc.ProvisionConfig `json:"config"`
	// Current is the number of instances at ChangedAt.
	Current   int64     `json:"current"`
	ChangedAt time.Time `json:"changedAt"`
}

func (r *provisionRecord) etag() *string { return nil }
func (r *provisionRecord) value() any    { return r.Config }

// goal is where current heads under p: the target, less p's shortfall.
func (r *provisionRecord) goal(p Provisioning) int64 {
	return max(0, deref(r.Config.Target)-p.Shortfall)
}

// currentAt returns the number of instances at now: one more (or fewer)
// per p.Step since ChangedAt, up (or down) to the goal.
func (r *provisionRecord) currentAt(p Provisioning, now time.Time) int64 {
	goal := r.goal(p)
	elapsed := now.Sub(r.ChangedAt)
	if elapsed < 0 {
		elapsed = 0
	}
	steps := int64(elapsed / p.step())
	switch {
	case r.Current < goal:
		return min(goal, r.Current+steps)
	case r.Current > goal:
		return max(goal, r.Current-steps)
	}
	return r.Current
}

// settle records the current number of instances as of now.
func (r *provisionRecord) settle(p Provisioning, now time.Time) {
	r.Current = r.currentAt(p, now)
	r.ChangedAt = now
}

// empty reports whether the config holds nothing: target 0, no instances
// left, no scheduled actions and no policies.
func (r *provisionRecord) empty(p Provisioning, now time.Time) bool {
	return deref(r.Config.Target) == 0 && len(r.Config.ScheduledActions) == 0 &&
		len(r.Config.TargetTrackingPolicies) == 0 && r.currentAt(p, now) == 0
}

// eachProvisionConfig calls f for every stored provision config.
func (st *state) eachProvisionConfig(f func(service, qualifier, function string, r *provisionRecord)) {
	for sn, svc := range st.Services {
		for fnName, fn := range svc.Functions {
			for q, r := range fn.ProvisionConfigs {
				f(sn, q, fnName, r)
			}
		}
	}
}

// provisionView is the answer for one config: what was put, its resource
// and its current instances, with currentError when it fell short.
func (s *Server) provisionView(service, qualifier, function string, r *provisionRecord) fc.ProvisionConfig {
	out := fc.ProvisionConfig{Target: ptr(int64(0))}
	if r != nil {
		out = clone(r.Config)
	}
	out.Resource = ptr(s.opts.AccountID + "#" + service + "#" + qualifier + "#" + function)
	current := int64(0)
	if r != nil {
		current = r.currentAt(s.provisioning, s.now())
		if current == r.goal(s.provisioning) && current < deref(r.Config.Target) {
			out.CurrentError = ptr(s.provisioning.reason())
		}
	}
	out.Current = ptr(fc.LooseInt64(current))
	return out
}

// provisionTarget resolves the path of a provision config: the qualifier is
// required and must be LATEST or an alias (400 InvalidArgument otherwise;
// reference 9.2), which must exist (404 AliasNotFound), and the function
// must exist at it and at LATEST (404 FunctionNotFound). It returns the
// LATEST function record, which holds the configs.
func (st *state) provisionTarget(service, qualifier, function string) (*functionRecord, *apiError) {
	switch {
	case qualifier == "":
		return nil, errInvalidArgument("qualifier is required: a provision config belongs to an alias or LATEST")
	case isDigits(qualifier):
		return nil, errInvalidArgument("qualifier '%s' is a version: a provision config belongs to an alias or LATEST, other versions are not supported", qualifier)
	}
	if _, e := st.qualifiedFunction(service, qualifier, function); e != nil {
		return nil, e
	}
	return lookup[*functionRecord](st, kindFunction, service, function)
}

// provisionTimeRE is the time format of startTime and endTime (reference
// 8.6): ISO 8601 in UTC.
var provisionTimeRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// atExpressionRE is the one-off form of a scheduled action's
// scheduleExpression: at(YYYY-MM-DDThh:mm:ss), optionally with a trailing Z.
var atExpressionRE = regexp.MustCompile(`^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z?\)$`)

// checkScheduleExpression returns why expr is not a scheduled action's
// expression, or "": cron(<six fields>) as a timer trigger's fields
// (checkCronExpression), or at(<time>).
func checkScheduleExpression(expr string) string {
	switch {
	case strings.HasPrefix(expr, "cron("):
		if strings.Contains(expr, "@every") {
			return "use six cron fields inside cron(...)"
		}
		return checkCronExpression(expr)
	case strings.HasPrefix(expr, "at("):
		m := atExpressionRE.FindStringSubmatch(expr)
		if m == nil {
			return "use at(YYYY-MM-DDThh:mm:ss)"
		}
		if _, err := time.Parse("2006-01-02T15:04:05", m[1]); err != nil {
			return "'" + m[1] + "' is not a valid time"
		}
		return ""
	}
	return "use cron(<seconds> <minutes> <hours> <day-of-month> <month> <day-of-week>) or at(YYYY-MM-DDThh:mm:ss)"
}

// checkWindow checks an optional startTime/endTime pair.
func checkWindow(what, start, end string) *apiError {
	var ts [2]time.Time
	for i, v := range []string{start, end} {
		if v == "" {
			continue
		}
		t, err := time.Parse(timeLayout, v)
		if !provisionTimeRE.MatchString(v) || err != nil {
			return errInvalidArgument("%s.%s '%s' is invalid: use YYYY-MM-DDThh:mm:ssZ (UTC)", what, []string{"startTime", "endTime"}[i], v)
		}
		ts[i] = t
	}
	if start != "" && end != "" && !ts[0].Before(ts[1]) {
		return errInvalidArgument("%s: startTime '%s' must be before endTime '%s'", what, start, end)
	}
	return nil
}

// validateProvisionConfig checks a PutProvisionConfig body (400
// InvalidArgument naming the field).
func validateProvisionConfig(in *fc.ProvisionConfig) *apiError {
	if in.Target == nil {
		return errInvalidArgument("target is required")
	}
	if *in.Target < 0 {
		return errInvalidArgument("target must be 0 or more, got %d", *in.Target)
	}
	names := map[string]bool{}
	for i, a := range in.ScheduledActions {
		what := "scheduledActions[" + strconv.Itoa(i) + "]"
		switch {
		case a.Name == "":
			return errInvalidArgument("%s.name is required", what)
		case names[a.Name]:
			return errInvalidArgument("%s.name '%s' is used twice", what, a.Name)
		case a.Target < 0:
			return errInvalidArgument("%s.target must be 0 or more, got %d", what, a.Target)
		case a.ScheduleExpression == "":
			return errInvalidArgument("%s.scheduleExpression is required", what)
		}
		names[a.Name] = true
		if reason := checkScheduleExpression(a.ScheduleExpression); reason != "" {
			return errInvalidArgument("%s.scheduleExpression '%s' is invalid: %s", what, a.ScheduleExpression, reason)
		}
		if e := checkWindow(what, a.StartTime, a.EndTime); e != nil {
			return e
		}
	}
	names = map[string]bool{}
	for i, p := range in.TargetTrackingPolicies {
		what := "targetTrackingPolicies[" + strconv.Itoa(i) + "]"
		switch {
		case p.Name == "":
			return errInvalidArgument("%s.name is required", what)
		case names[p.Name]:
			return errInvalidArgument("%s.name '%s' is used twice", what, p.Name)
		case p.MetricType == "":
			return errInvalidArgument("%s.metricType is required", what)
		case math.IsNaN(p.MetricTarget) || math.IsInf(p.MetricTarget, 0) || p.MetricTarget <= 0:
			return errInvalidArgument("%s.metricTarget must be more than 0, got %g", what, p.MetricTarget)
		case p.MinCapacity < 0:
			return errInvalidArgument("%s.minCapacity must be 0 or more, got %d", what, p.MinCapacity)
		case p.MaxCapacity < p.MinCapacity:
			return errInvalidArgument("%s: minCapacity %d is more than maxCapacity %d", what, p.MinCapacity, p.MaxCapacity)
		}
		names[p.Name] = true
		if e := checkWindow(what, p.StartTime, p.EndTime); e != nil {
			return e
		}
	}
	return nil
}

// putProvisionConfig replaces the provision config of a function at a
// qualifier: target, scheduledActions, targetTrackingPolicies and
// alwaysAllocateCPU (absent: true, reference 9.2) as sent. The instances
// existing so far are kept and move toward the new target from now.
func (s *Server) putProvisionConfig(c *call) *apiError {
	var in fc.ProvisionConfig
	if e := decodeObject(c.body, &in, nil); e != nil {
		return e
	}
	in.Resource, in.Current, in.CurrentError = nil, nil, nil
	if e := validateProvisionConfig(&in); e != nil {
		return e
	}
	if in.AlwaysAllocateCPU == nil {
		in.AlwaysAllocateCPU = ptr(true)
	}
	if len(in.ScheduledActions) == 0 {
		in.ScheduledActions = nil
	}
	if len(in.TargetTrackingPolicies) == 0 {
		in.TargetTrackingPolicies = nil
	}
	function := c.params["function"]

	s.mu.Lock()
	defer s.mu.Unlock()
	fn, e := s.st.provisionTarget(c.service, c.qualifier, function)
	if e != nil {
		return e
	}
	now := s.now()
	r, _ := kindProvisionConfig.table.get(fn, c.qualifier)
	rec, _ := r.(*provisionRecord)
	if rec == nil {
		rec = &provisionRecord{ChangedAt: now}
	}
	rec.settle(s.provisioning, now)
	rec.Config = in
	kindProvisionConfig.table.put(fn, c.qualifier, rec)
	if e := s.commit(); e != nil {
		return e
	}
	out := s.provisionView(c.service, c.qualifier, function, rec)
	out.CurrentError = nil // the SDK's Put answer has no currentError
	return c.writeJSON(out, "")
}

// getProvisionConfig answers the config with its current instances; a
// function that never had one at the qualifier answers target 0.
func (s *Server) getProvisionConfig(c *call) *apiError {
	function := c.params["function"]
	s.mu.Lock()
	defer s.mu.Unlock()
	fn, e := s.st.provisionTarget(c.service, c.qualifier, function)
	if e != nil {
		return e
	}
	rec := fn.ProvisionConfigs[c.qualifier]
	return c.writeJSON(s.provisionView(c.service, c.qualifier, function, rec), "")
}

// listProvisionConfigsResponse is the answer of ListProvisionConfigs.
type listProvisionConfigsResponse struct {
	ProvisionConfigs []fc.ProvisionConfig `json:"provisionConfigs"`
	NextToken        string               `json:"nextToken,omitempty"`
}

// listProvisionConfigs lists the account's provision configs (or those of
// serviceName, optionally at qualifier) by resource, leaving out empty
// ones. qualifier without serviceName is 400, as the SDK refuses it.
func (s *Server) listProvisionConfigs(c *call) *apiError {
	q := c.r.URL.Query()
	p, e := parseListParams(q)
	if e != nil {
		return e
	}
	p.prefix, p.startKey = "", ""
	service, qualifier := q.Get("serviceName"), q.Get("qualifier")
	if qualifier != "" && service == "" {
		return errInvalidArgument("serviceName is required when qualifier is given")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if service != "" {
		if _, e := s.st.service(service); e != nil {
			return e
		}
	}
	now := s.now()
	type item struct {
		service, qualifier, function string
		rec                          *provisionRecord
	}
	byKey := map[string]item{}
	s.st.eachProvisionConfig(func(sn, qn, fnName string, r *provisionRecord) {
		if (service != "" && sn != service) || (qualifier != "" && qn != qualifier) || r.empty(s.provisioning, now) {
			return
		}
		byKey[s.opts.AccountID+"#"+sn+"#"+qn+"#"+fnName] = item{sn, qn, fnName, r}
	})
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	selected, next := page(keys, p)
	out := listProvisionConfigsResponse{ProvisionConfigs: make([]fc.ProvisionConfig, 0, len(selected)), NextToken: next}
	for _, k := range selected {
		it := byKey[k]
		out.ProvisionConfigs = append(out.ProvisionConfigs, s.provisionView(it.service, it.qualifier, it.function, it.rec))
	}
	return c.writeJSON(out, "")
}

// dropQualifierConfigs removes the provision and async-invoke configs that
// every function of the service holds for qualifier (an alias or version
// being deleted).
func (svc *serviceRecord) dropQualifierConfigs(qualifier string) {
	for _, fn := range svc.Functions {
		delete(fn.ProvisionConfigs, qualifier)
		delete(fn.AsyncConfigs, qualifier)
	}
}
