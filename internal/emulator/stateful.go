package emulator

import (
	"context"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Stateful asynchronous invocations (reference 3.10 and 4.12): an
// asynchronous invocation of a function whose async-invoke config at the
// invoked qualifier has statefulInvocation on (or that sends
// X-Fc-Stateful-Async-Invocation-Enable: true) is recorded with its status,
// Running until it Succeeded, Failed after its retries, or was Stopped.
// Records live in memory (they are not persisted), keyed by the function's
// ID, at most maxStatefulRecords per function (the oldest finished ones
// go first).

const (
	maxStatefulRecords      = 1000
	defaultStatefulLimit    = 50
	maxStatefulLimit        = 100
	codeStatefulNotFound    = "StatefulAsyncInvocationNotFound"
	codeStatefulExists      = "StatefulAsyncInvocationAlreadyExists"
	statefulStatusEnqueued  = "Enqueued"
	statefulStatusRetrying  = "Retrying"
	statefulStatusInvoking  = "Invoking"
	statefulSortAscending   = "asc"
	statefulSortDescending  = "desc"
	statefulMaxStoredResult = 64 << 10
)

// bodylessWrites are the PUT and POST operations that take no body.
var bodylessWrites = map[string]bool{"StopStatefulAsyncInvocation": true}

// statefulStatuses are the documented statuses (reference 3.10).
var statefulStatuses = []string{
	fc.InvocationStatusRunning, fc.InvocationStatusSucceeded, fc.InvocationStatusFailed, fc.InvocationStatusStopped,
	fc.InvocationStatusStopping, fc.InvocationStatusInvalid, fc.InvocationStatusExpired,
}

// statefulStore holds the records; guarded by invoker.mu.
type statefulStore struct {
	seq     uint64
	records map[string]map[string]*statefulRecord
}

type statefulRecord struct {
	seq        uint64
	functionID string
	inv        fc.StatefulAsyncInvocation
	started    time.Time
	ended      time.Time
	payload    string
	cancel     context.CancelFunc
	stop       bool
}

func (r *statefulRecord) finished() bool {
	switch deref(r.inv.Status) {
	case fc.InvocationStatusRunning, fc.InvocationStatusStopping:
		return false
	}
	return true
}

// statefulAnswer is a record as the API answers it: the SDK's model with
// the times as milliseconds (the SDK types them Long).
type statefulAnswer struct {
	fc.StatefulAsyncInvocation
	StartedTime *int64 `json:"startedTime,omitempty"`
	EndTime     *int64 `json:"endTime,omitempty"`
}

type listStatefulResponse struct {
	Invocations []statefulAnswer `json:"invocations"`
	NextToken   string           `json:"nextToken,omitempty"`
}

func (r *statefulRecord) answer(includePayload bool) statefulAnswer {
	out := statefulAnswer{StatefulAsyncInvocation: clone(r.inv)}
	out.StatefulAsyncInvocation.StartedTime, out.StatefulAsyncInvocation.EndTime = nil, nil
	out.StartedTime = ptr(r.started.UnixMilli())
	if !r.ended.IsZero() {
		out.EndTime = ptr(r.ended.UnixMilli())
		out.DurationMs = ptr(r.ended.Sub(r.started).Milliseconds())
	}
	if includePayload {
		out.InvocationPayload = ptr(r.payload)
	}
	return out
}

// newStateful records a new invocation as Running; an ID the function
// already has is 409.
func (inv *invoker) newStateful(t *invocationTarget, id, requestID string, payload []byte, cancel context.CancelFunc, now time.Time) (*statefulRecord, *apiError) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	st := &inv.stateful
	if st.records == nil {
		st.records = map[string]map[string]*statefulRecord{}
	}
	byID := st.records[t.functionID]
	if byID == nil {
		byID = map[string]*statefulRecord{}
		st.records[t.functionID] = byID
	}
	if _, ok := byID[id]; ok {
		return nil, newError(http.StatusConflict, codeStatefulExists,
			"stateful async invocation '%s' of function '%s' of service '%s' already exists", id, t.spec.key.function, t.spec.key.service)
	}
	if len(byID) >= maxStatefulRecords {
		dropOldestFinished(byID)
	}
	st.seq++
	rec := &statefulRecord{
		seq: st.seq, functionID: t.functionID, started: now, cancel: cancel,
		payload: string(payload),
		inv: fc.StatefulAsyncInvocation{
			InvocationID: ptr(id), RequestID: ptr(requestID),
			ServiceName: ptr(t.spec.key.service), FunctionName: ptr(t.spec.key.function), Qualifier: ptr(t.qualifier),
			Status: ptr(fc.InvocationStatusRunning), AlreadyRetriedTimes: ptr(int64(0)),
		},
	}
	byID[id] = rec
	addEvent(rec, statefulStatusEnqueued, "", now)
	return rec, nil
}

func dropOldestFinished(byID map[string]*statefulRecord) {
	var oldest *statefulRecord
	for _, r := range byID {
		if r.finished() && (oldest == nil || r.seq < oldest.seq) {
			oldest = r
		}
	}
	if oldest != nil {
		delete(byID, deref(oldest.inv.InvocationID))
	}
}

func addEvent(rec *statefulRecord, status, detail string, now time.Time) {
	ev := fc.StatefulAsyncInvocationEvent{EventID: ptr(int64(len(rec.inv.Events) + 1)), Status: ptr(status), Timestamp: ptr(now.UnixMilli())}
	if detail != "" {
		ev.EventDetail = ptr(detail)
	}
	rec.inv.Events = append(rec.inv.Events, ev)
}

func (inv *invoker) statefulEvent(rec *statefulRecord, status, detail string, now time.Time) {
	if rec == nil {
		return
	}
	inv.mu.Lock()
	defer inv.mu.Unlock()
	addEvent(rec, status, detail, now)
}

func (inv *invoker) stopRequested(rec *statefulRecord) bool {
	if rec == nil {
		return false
	}
	inv.mu.Lock()
	defer inv.mu.Unlock()
	return rec.stop
}

// retryStateful records a failed attempt that will be retried.
func (inv *invoker) retryStateful(rec *statefulRecord, res *invokeResult, message string, now time.Time) {
	if rec == nil {
		return
	}
	inv.mu.Lock()
	defer inv.mu.Unlock()
	rec.inv.AlreadyRetriedTimes = ptr(deref(rec.inv.AlreadyRetriedTimes) + 1)
	rec.inv.InvocationErrorMessage = ptr(message)
	rec.inv.InstanceID = ptr(res.instanceID)
	addEvent(rec, statefulStatusRetrying, message, now)
}

// finishStateful records the end of an invocation.
func (inv *invoker) finishStateful(rec *statefulRecord, status string, res *invokeResult, message string, now time.Time) {
	if rec == nil {
		return
	}
	inv.mu.Lock()
	defer inv.mu.Unlock()
	rec.inv.Status = ptr(status)
	rec.ended = now
	rec.cancel = nil
	if message != "" {
		rec.inv.InvocationErrorMessage = ptr(message)
	}
	if res != nil {
		rec.inv.InstanceID = ptr(res.instanceID)
		if !res.failed() {
			body := string(res.body)
			if len(body) > statefulMaxStoredResult {
				body = body[:statefulMaxStoredResult]
			}
			rec.inv.ReturnPayload = ptr(body)
		}
	}
	addEvent(rec, status, message, now)
}

// errorMessageOf returns the errorMessage of an error payload, or the
// payload.
func errorMessageOf(body []byte) string {
	var e struct {
		ErrorMessage string `json:"errorMessage"`
	}
	if json.Unmarshal(body, &e) == nil && e.ErrorMessage != "" {
		return e.ErrorMessage
	}
	return strings.TrimSpace(string(body))
}

// statefulFunctionID resolves the path of the stateful invocation
// operations: the qualifier (optional) must resolve and the function must
// exist there and at LATEST. It returns the function's ID.
func (s *Server) statefulFunctionID(c *call) (string, *apiError) {
	function := c.params["function"]
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.qualifier != "" {
		if _, e := s.st.qualifiedFunction(c.service, c.qualifier, function); e != nil {
			return "", e
		}
	}
	fn, e := lookup[*functionRecord](s.st, kindFunction, c.service, function)
	if e != nil {
		return "", e
	}
	return deref(fn.Function.FunctionID), nil
}

func canonicalQualifier(q string) string {
	switch {
	case q == "":
		return ""
	case isDigits(q):
		return canonicalVersionID(q)
	}
	return q
}

func (s *Server) getStatefulInvocation(c *call) *apiError {
	rec, e := s.statefulRecordOf(c)
	if e != nil {
		return e
	}
	s.invoke.mu.Lock()
	out := rec.answer(true)
	s.invoke.mu.Unlock()
	return c.writeJSON(out, "")
}

// statefulRecordOf finds the record of the path's invocation ID (and
// qualifier, when the path has one) of the path's function (see
// statefulFunctionID): 404 StatefulAsyncInvocationNotFound.
func (s *Server) statefulRecordOf(c *call) (*statefulRecord, *apiError) {
	functionID, e := s.statefulFunctionID(c)
	if e != nil {
		return nil, e
	}
	id := c.params["invocation"]
	inv := s.invoke
	inv.mu.Lock()
	defer inv.mu.Unlock()
	rec := inv.stateful.records[functionID][id]
	if rec == nil || (c.qualifier != "" && deref(rec.inv.Qualifier) != canonicalQualifier(c.qualifier)) {
		return nil, newError(http.StatusNotFound, codeStatefulNotFound,
			"stateful async invocation '%s' of function '%s' of service '%s' does not exist", id, c.params["function"], c.service)
	}
	return rec, nil
}

// stopStatefulInvocation stops a Running invocation: its attempt is ended
// (the instance running it is stopped) and it is not retried. Stopping a
// Stopped invocation again is fine; one that Succeeded or Failed is 400.
func (s *Server) stopStatefulInvocation(c *call) *apiError {
	rec, e := s.statefulRecordOf(c)
	if e != nil {
		return e
	}
	s.invoke.mu.Lock()
	status := deref(rec.inv.Status)
	switch {
	case status == fc.InvocationStatusStopped || status == fc.InvocationStatusStopping:
	case rec.finished():
		s.invoke.mu.Unlock()
		return errInvalidArgument("stateful async invocation '%s' is %s: only a Running invocation can be stopped", c.params["invocation"], status)
	default:
		rec.stop = true
		rec.inv.Status = ptr(fc.InvocationStatusStopping)
		addEvent(rec, fc.InvocationStatusStopping, "", s.now())
		if rec.cancel != nil {
			rec.cancel()
		}
	}
	s.invoke.mu.Unlock()
	c.w.WriteHeader(http.StatusOK)
	return nil
}

// statefulListParams are the filters of ListStatefulAsyncInvocations.
type statefulListParams struct {
	prefix, status, order, nextToken string
	begin, end                       *int64
	includePayload                   bool
	limit                            int
}

func parseStatefulListParams(c *call) (*statefulListParams, *apiError) {
	q := c.r.URL.Query()
	p := &statefulListParams{
		prefix: q.Get("invocationIdPrefix"), status: q.Get("status"), nextToken: q.Get("nextToken"),
		order: statefulSortDescending, limit: defaultStatefulLimit,
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxStatefulLimit {
			return nil, errInvalidArgument("limit must be an integer between 1 and %d, got '%s'", maxStatefulLimit, v)
		}
		p.limit = n
	}
	if p.status != "" && !contains(statefulStatuses, p.status) {
		return nil, errInvalidArgument("status must be one of %s, got '%s'", strings.Join(statefulStatuses, ", "), p.status)
	}
	switch v := q.Get("sortOrderByTime"); v {
	case "":
	case statefulSortAscending, statefulSortDescending:
		p.order = v
	default:
		return nil, errInvalidArgument("sortOrderByTime must be asc or desc, got '%s'", v)
	}
	for name, dst := range map[string]**int64{"startedTimeBegin": &p.begin, "startedTimeEnd": &p.end} {
		if v := q.Get(name); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 {
				return nil, errInvalidArgument("%s must be milliseconds since the epoch, got '%s'", name, v)
			}
			*dst = &n
		}
	}
	if v := q.Get("includePayload"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, errInvalidArgument("includePayload must be true or false, got '%s'", v)
		}
		p.includePayload = b
	}
	return p, nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// listStatefulInvocations lists a function's records: filtered by the
// path's qualifier (none: all), invocationIdPrefix, status and the start
// time range (milliseconds, both ends inclusive), sorted by start time
// (desc by default), paged by limit with nextToken the ID of the first
// record of the next page.
func (s *Server) listStatefulInvocations(c *call) *apiError {
	p, e := parseStatefulListParams(c)
	if e != nil {
		return e
	}
	functionID, e := s.statefulFunctionID(c)
	if e != nil {
		return e
	}
	qualifier := canonicalQualifier(c.qualifier)
	s.invoke.mu.Lock()
	out, e := s.invoke.stateful.list(functionID, qualifier, p)
	s.invoke.mu.Unlock()
	if e != nil {
		return e
	}
	return c.writeJSON(out, "")
}

// list selects and pages the records; the caller holds invoker.mu.
func (st *statefulStore) list(functionID, qualifier string, p *statefulListParams) (*listStatefulResponse, *apiError) {
	var recs []*statefulRecord
	for _, r := range st.records[functionID] {
		ms := r.started.UnixMilli()
		switch {
		case qualifier != "" && deref(r.inv.Qualifier) != qualifier,
			!strings.HasPrefix(deref(r.inv.InvocationID), p.prefix),
			p.status != "" && deref(r.inv.Status) != p.status,
			p.begin != nil && ms < *p.begin,
			p.end != nil && ms > *p.end:
			continue
		}
		recs = append(recs, r)
	}
	sort.Slice(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if !a.started.Equal(b.started) {
			if p.order == statefulSortAscending {
				return a.started.Before(b.started)
			}
			return a.started.After(b.started)
		}
		if p.order == statefulSortAscending {
			return a.seq < b.seq
		}
		return a.seq > b.seq
	})
	start := 0
	if p.nextToken != "" {
		start = -1
		for i, r := range recs {
			if deref(r.inv.InvocationID) == p.nextToken {
				start = i
				break
			}
		}
		if start < 0 {
			return nil, errInvalidArgument("nextToken '%s' is not an invocation of this listing", p.nextToken)
		}
	}
	out := listStatefulResponse{Invocations: []statefulAnswer{}}
	for i := start; i < len(recs); i++ {
		if len(out.Invocations) == p.limit {
			out.NextToken = deref(recs[i].inv.InvocationID)
			break
		}
		out.Invocations = append(out.Invocations, recs[i].answer(p.includePayload))
	}
	return &out, nil
}
