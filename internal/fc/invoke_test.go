package fc

import (
	"encoding/base64"
	"net/http"
	"testing"
	"time"
)

func TestInvokeFunction_sendsHeadersAndRawPayload(t *testing.T) {
	rec := newRecorder(t, answer{status: http.StatusOK, body: `hello`, header: map[string]string{
		"X-Fc-Request-Id":              "req-1",
		"X-Fc-Log-Result":              base64.StdEncoding.EncodeToString([]byte("FC Invoke Start\nprinted\n")),
		"X-Fc-Invocation-Duration":     "12.5",
		"X-Fc-Instance-Id":             "c-1",
		"X-Fc-Invocation-Code-Version": "3",
		"X-Fc-Max-Memory-Usage":        "20.5",
	}})
	c := newTestClient(t, rec)
	out, err := c.InvokeFunction(ctxWithTimeout(t, 10*time.Second), "svc", "prod", "fn",
		&InvokeInput{Payload: []byte("not json"), LogTail: true, StatefulInvocationID: "job-1", Stateful: Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	r := rec.requests()[0]
	for name, want := range map[string]string{
		"X-Fc-Invocation-Type":                  "Sync",
		"X-Fc-Log-Type":                         "Tail",
		"X-Fc-Stateful-Async-Invocation-Id":     "job-1",
		"X-Fc-Stateful-Async-Invocation-Enable": "true",
		"Content-Type":                          "application/octet-stream",
	} {
		if got := r.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if string(r.Body) != "not json" {
		t.Errorf("body = %q, want the payload as is", r.Body)
	}
	if string(out.Payload) != "hello" || out.Failed() || out.StatusCode != 200 || out.RequestID != "req-1" ||
		out.LogResult != "FC Invoke Start\nprinted\n" || out.Duration != 12500*time.Microsecond ||
		out.InstanceID != "c-1" || out.CodeVersion != "3" || out.MaxMemoryUsageMB != 20.5 {
		t.Errorf("output = %+v", out)
	}
}

func TestInvokeFunction_functionErrorIsNotAnAPIError(t *testing.T) {
	rec := newRecorder(t, answer{status: http.StatusOK, body: `{"errorMessage":"boom","errorType":"ValueError"}`,
		header: map[string]string{"X-Fc-Error-Type": ErrorTypeUnhandled}})
	c := newTestClient(t, rec)
	out, err := c.InvokeFunction(ctxWithTimeout(t, 10*time.Second), "svc", "", "fn", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !out.Failed() || out.ErrorType != ErrorTypeUnhandled || string(out.Payload) != `{"errorMessage":"boom","errorType":"ValueError"}` {
		t.Errorf("output = %+v", out)
	}
	if q := rec.requests()[0].Query["qualifier"]; q != nil {
		t.Errorf("qualifier %v sent for LATEST", q)
	}
}

func TestInvokeFunction_asyncAccepted(t *testing.T) {
	rec := newRecorder(t, answer{status: http.StatusAccepted, header: map[string]string{"X-Fc-Stateful-Async-Invocation-Id": "gen-1"}})
	c := newTestClient(t, rec)
	out, err := c.InvokeFunction(ctxWithTimeout(t, 10*time.Second), "svc", "", "fn", &InvokeInput{InvocationType: InvocationAsync})
	if err != nil {
		t.Fatal(err)
	}
	if out.StatusCode != http.StatusAccepted || out.StatefulInvocationID != "gen-1" {
		t.Errorf("output = %+v", out)
	}
	if got := rec.requests()[0].Header.Get("X-Fc-Invocation-Type"); got != "Async" {
		t.Errorf("X-Fc-Invocation-Type = %q", got)
	}
	if _, err := c.InvokeFunction(ctxWithTimeout(t, 10*time.Second), "svc", "", "fn", &InvokeInput{InvocationType: "async"}); err == nil {
		t.Error("invocation type async (lower case) accepted")
	}
}

// TestInvokeFunction_notRepeatedAfterA500: an invocation may have run, so
// a 500 is not retried.
func TestInvokeFunction_notRepeatedAfterA500(t *testing.T) {
	rec := newRecorder(t, answer{status: http.StatusInternalServerError, body: `{"errorCode":"InternalServerError","errorMessage":"x"}`},
		answer{status: http.StatusOK, body: "ok"})
	c := newTestClient(t, rec)
	_, err := c.InvokeFunction(ctxWithTimeout(t, 10*time.Second), "svc", "", "fn", nil)
	if err == nil {
		t.Fatal("a 500 answer was not an error")
	}
	if n := len(rec.requests()); n != 1 {
		t.Errorf("%d requests, want 1 (InvokeFunction is not idempotent)", n)
	}
}
