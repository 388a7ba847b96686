package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

const statefulPath = api + "/services/svc/functions/fn/stateful-async-invocations"

// putStateful turns stateful invocations on with retries.
func putStateful(t *testing.T, s *Server, retries int) {
	t.Helper()
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn/async-invoke-config",
		map[string]any{"statefulInvocation": true, "maxAsyncRetryAttempts": retries}))
}

func getStateful(t *testing.T, s *Server, id string) statefulAnswer {
	t.Helper()
	r := do(t, s, http.MethodGet, statefulPath+"/"+id, nil)
	expectOK(t, r)
	var out statefulAnswer
	r.Decode(t, &out)
	return out
}

// waitStatus waits until the invocation's status is no longer Running (or
// Stopping) and returns it.
func waitFinished(t *testing.T, s *Server, id string) statefulAnswer {
	t.Helper()
	var out statefulAnswer
	waitFor(t, "invocation "+id+" to finish", func() bool {
		out = getStateful(t, s, id)
		st := deref(out.Status)
		return st != fc.InvocationStatusRunning && st != fc.InvocationStatusStopping
	})
	return out
}

func TestInvokeAsync_statefulSucceeds(t *testing.T) {
	s := invokeServer(t, "def handler(event, context):\n    return b'done with ' + event\n", nil)
	putStateful(t, s, 2)
	r := invoke(t, s, invokePath, "job", withHeader("X-Fc-Invocation-Type", "Async"), withHeader("X-Fc-Stateful-Async-Invocation-Id", "job-1"))
	if r.Status != http.StatusAccepted || r.Header.Get("X-Fc-Stateful-Async-Invocation-Id") != "job-1" || r.Header.Get("X-Fc-Request-Id") == "" {
		t.Fatalf("async answer %d %v %s", r.Status, r.Header, r.Body)
	}
	got := waitFinished(t, s, "job-1")
	if deref(got.Status) != fc.InvocationStatusSucceeded || deref(got.ReturnPayload) != "done with job" ||
		deref(got.AlreadyRetriedTimes) != 0 || deref(got.RequestID) != r.Header.Get("X-Fc-Request-Id") ||
		deref(got.Qualifier) != "LATEST" || deref(got.InvocationPayload) != "job" || got.StartedTime == nil || got.EndTime == nil {
		t.Errorf("record %+v", got)
	}
	var statuses []string
	for _, ev := range got.Events {
		statuses = append(statuses, deref(ev.Status))
	}
	if strings.Join(statuses, ",") != "Enqueued,Invoking,Succeeded" {
		t.Errorf("events %v", statuses)
	}
	// The same ID again is a conflict.
	expectError(t, invoke(t, s, invokePath, "job", withHeader("X-Fc-Invocation-Type", "Async"), withHeader("X-Fc-Stateful-Async-Invocation-Id", "job-1")),
		http.StatusConflict, codeStatefulExists)
}

func TestInvokeAsync_statefulFailsAfterItsRetries(t *testing.T) {
	s := invokeServer(t, `
attempts = []
def handler(event, context):
    attempts.append(1)
    raise RuntimeError("attempt %d failed" % len(attempts))
`, nil)
	putStateful(t, s, 2)
	r := invoke(t, s, invokePath, "job", withHeader("X-Fc-Invocation-Type", "Async"))
	id := r.Header.Get("X-Fc-Stateful-Async-Invocation-Id")
	if r.Status != http.StatusAccepted || id == "" {
		t.Fatalf("async answer %d %v", r.Status, r.Header)
	}
	got := waitFinished(t, s, id)
	if deref(got.Status) != fc.InvocationStatusFailed || deref(got.AlreadyRetriedTimes) != 2 ||
		deref(got.InvocationErrorMessage) != "attempt 3 failed" || got.ReturnPayload != nil {
		t.Errorf("record %+v", got)
	}
	retrying := 0
	for _, ev := range got.Events {
		if deref(ev.Status) == "Retrying" {
			retrying++
		}
	}
	if retrying != 2 {
		t.Errorf("%d Retrying events, want 2: %+v", retrying, got.Events)
	}
}

func TestInvokeAsync_stop(t *testing.T) {
	s := invokeServer(t, `
import time
def handler(event, context):
    time.sleep(50)
    return "late"
`, nil)
	putStateful(t, s, 3)
	r := invoke(t, s, invokePath, "", withHeader("X-Fc-Invocation-Type", "Async"), withHeader("X-Fc-Stateful-Async-Invocation-Id", "slow"))
	if r.Status != http.StatusAccepted {
		t.Fatalf("async answer %d %s", r.Status, r.Body)
	}
	// Wait until the attempt is under way, so that stopping ends a running
	// process.
	waitFor(t, "the attempt to start", func() bool {
		var list listInstancesResponse
		do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions/fn/instances", nil).Decode(t, &list)
		return len(list.Instances) == 1
	})
	expectOK(t, do(t, s, http.MethodPut, statefulPath+"/slow", nil))
	got := waitFinished(t, s, "slow")
	if deref(got.Status) != fc.InvocationStatusStopped || deref(got.AlreadyRetriedTimes) != 0 {
		t.Errorf("record %+v, want Stopped without retries", got)
	}
	expectOK(t, do(t, s, http.MethodPut, statefulPath+"/slow", nil)) // again: fine
	expectError(t, do(t, s, http.MethodPut, statefulPath+"/nope", nil), http.StatusNotFound, codeStatefulNotFound)
}

func TestInvokeAsync_withoutStatefulConfigKeepsNoRecord(t *testing.T) {
	s := invokeServer(t, "def handler(event, context):\n    return 'ok'\n", nil)
	r := invoke(t, s, invokePath, "", withHeader("X-Fc-Invocation-Type", "Async"))
	if r.Status != http.StatusAccepted || r.Header.Get("X-Fc-Stateful-Async-Invocation-Id") != "" {
		t.Fatalf("async answer %d %v", r.Status, r.Header)
	}
	var page listStatefulResponse
	do(t, s, http.MethodGet, statefulPath, nil).Decode(t, &page)
	if len(page.Invocations) != 0 {
		t.Errorf("records %+v without statefulInvocation", page.Invocations)
	}
	// The header turns it on for one invocation.
	r = invoke(t, s, invokePath, "", withHeader("X-Fc-Invocation-Type", "Async"), withHeader("X-Fc-Stateful-Async-Invocation-Enable", "true"))
	if id := r.Header.Get("X-Fc-Stateful-Async-Invocation-Id"); id == "" {
		t.Error("X-Fc-Stateful-Async-Invocation-Enable: true kept no record")
	} else {
		waitFinished(t, s, id)
	}
}

func TestListStatefulAsyncInvocations_filtersAndPages(t *testing.T) {
	s := invokeServer(t, `
def handler(event, context):
    if event == b"fail":
        raise ValueError("no")
    return "ok"
`, nil)
	putStateful(t, s, 0)
	for _, id := range []string{"job-a", "job-b", "job-c", "other-x"} {
		event := "fine"
		if id == "job-b" {
			event = "fail"
		}
		r := invoke(t, s, invokePath, event, withHeader("X-Fc-Invocation-Type", "Async"), withHeader("X-Fc-Stateful-Async-Invocation-Id", id))
		if r.Status != http.StatusAccepted {
			t.Fatalf("%s: %d %s", id, r.Status, r.Body)
		}
		waitFinished(t, s, id)
	}
	list := func(query string) listStatefulResponse {
		t.Helper()
		r := do(t, s, http.MethodGet, statefulPath+query, nil)
		expectOK(t, r)
		var page listStatefulResponse
		r.Decode(t, &page)
		return page
	}
	ids := func(p listStatefulResponse) string {
		var out []string
		for _, in := range p.Invocations {
			out = append(out, deref(in.InvocationID))
		}
		return strings.Join(out, ",")
	}
	if got := ids(list("")); got != "other-x,job-c,job-b,job-a" {
		t.Errorf("default order (newest first) %s", got)
	}
	if got := ids(list("?invocationIdPrefix=job-&sortOrderByTime=asc")); got != "job-a,job-b,job-c" {
		t.Errorf("prefix, ascending: %s", got)
	}
	if got := ids(list("?status=Failed")); got != "job-b" {
		t.Errorf("status Failed: %s", got)
	}
	ms := testNow.UnixMilli()
	if got := ids(list("?startedTimeBegin=" + itoa(ms+1))); got != "" {
		t.Errorf("started after the clock: %s", got)
	}
	if got := ids(list("?startedTimeBegin=" + itoa(ms) + "&startedTimeEnd=" + itoa(ms))); got != "other-x,job-c,job-b,job-a" {
		t.Errorf("time range: %s", got)
	}
	p := list("?limit=3&sortOrderByTime=asc")
	if ids(p) != "job-a,job-b,job-c" || p.NextToken != "other-x" {
		t.Errorf("page 1: %s next %q", ids(p), p.NextToken)
	}
	if p := list("?limit=3&sortOrderByTime=asc&nextToken=other-x"); ids(p) != "other-x" || p.NextToken != "" {
		t.Errorf("page 2: %s next %q", ids(p), p.NextToken)
	}
	if p := list("?limit=1"); p.Invocations[0].InvocationPayload != nil {
		t.Error("payload without includePayload=true")
	}
	if p := list("?limit=1&includePayload=true"); deref(p.Invocations[0].InvocationPayload) != "fine" {
		t.Errorf("payload %v", p.Invocations[0].InvocationPayload)
	}
	for _, bad := range []string{"?limit=0", "?limit=101", "?status=Done", "?sortOrderByTime=up", "?startedTimeBegin=x", "?nextToken=nope"} {
		expectError(t, do(t, s, http.MethodGet, statefulPath+bad, nil), http.StatusBadRequest, codeInvalidArgument)
	}
	// Under the 2021-04-06 SDK's path with a qualifier: those of LATEST.
	r := do(t, s, http.MethodGet, "/2021-04-06/services/svc/functions/fn/stateful-async-invocations?qualifier=LATEST&limit=10", nil)
	expectOK(t, r)
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc/functions/nope/stateful-async-invocations", nil), http.StatusNotFound, "FunctionNotFound")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
