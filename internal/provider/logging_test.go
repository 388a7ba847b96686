package provider

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// captureLogs runs fn with a context whose provider root logger writes JSON
// to a buffer, and returns what was written.
func captureLogs(t *testing.T, fn func(ctx context.Context)) string {
	t.Helper()
	var buf bytes.Buffer
	fn(tflogtest.RootLogger(context.Background(), &buf))
	return buf.String()
}

func assertNoSecrets(t *testing.T, out string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("log output contains %q:\n%s", s, out)
		}
	}
}

func TestLogging_masksSecretsAndTokens(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_FC_HTTP", "")
	const (
		secret    = "s3cr3t-AccessKeySecret-value"
		token     = "sts-token-CAIS-value"
		signature = "FC ak-id:c2lnbmF0dXJl"
		zip       = "UEsDBBQAAAAIAA-archive"
		key       = "-----BEGIN PRIVATE KEY-----abc"
	)
	l := newHTTPLogger(secret, token)
	out := captureLogs(t, func(ctx context.Context) {
		l.Debug(ctx, "FC API call signed with "+secret, map[string]any{
			"method":           "POST",
			"path":             "/2021-04-06/services",
			"status":           200,
			"authorization":    signature,
			"security_token":   token,
			"secret":           "something",
			"error":            errors.New("InvalidAccessKeySecret: " + secret),
			"query":            "token=" + token,
			"unknown_type":     struct{ Token string }{token},
			"raw_body":         []byte(`{"accessKeySecret":"` + secret + `"}`),
			"list":             []string{"x", token},
			"any_list":         []any{map[string]any{"zipFile": zip}},
			"x-fc-date":        "Mon, 02 Jan 2006 15:04:05 GMT",
			"access_key_id":    "ak-id",
			"request_id":       "req-1",
			"code_size":        int64(123),
			"will_retry":       false,
			"latency_fraction": 0.5,
		})
		l.Trace(ctx, "FC API request", map[string]any{
			"headers": map[string]string{
				"Authorization":       signature,
				"X-Fc-Security-Token": token,
				"Content-Type":        "application/json",
			},
			"header": http.Header{
				"Authorization":       {signature},
				"X-Fc-Security-Token": {token},
				"X-Fc-Request-Id":     {"req-1"},
			},
			"body": map[string]any{
				"code":       map[string]any{"zipFile": zip},
				"privateKey": key,
				"nested":     map[string]any{"x": "contains " + secret},
			},
			"zipFile": zip,
		})
	})

	assertNoSecrets(t, out, secret, token, "c2lnbmF0dXJl", zip, key)

	entries, err := tflogtest.MultilineJSONDecode(strings.NewReader(out))
	if err != nil {
		t.Fatalf("decoding log output: %v\n%s", err, out)
	}
	if len(entries) != 2 {
		t.Fatalf("got %d log entries, want 2:\n%s", len(entries), out)
	}
	debug, trace := entries[0], entries[1]
	for i, want := range []struct{ level, module string }{{"debug", "provider.fc_http"}, {"trace", "provider.fc_http"}} {
		if got := entries[i]["@level"]; got != want.level {
			t.Errorf("entry %d level = %v, want %s", i, got, want.level)
		}
		if got := entries[i]["@module"]; got != want.module {
			t.Errorf("entry %d module = %v, want %s", i, got, want.module)
		}
	}
	// What is not secret survives.
	for k, want := range map[string]any{
		"method":        "POST",
		"path":          "/2021-04-06/services",
		"status":        float64(200),
		"request_id":    "req-1",
		"access_key_id": "ak-id",
		"code_size":     float64(123),
		"will_retry":    false,
		"authorization": "***",
		"@message":      "FC API call signed with ***",
	} {
		if got := debug[k]; got != want {
			t.Errorf("debug field %s = %#v, want %#v", k, got, want)
		}
	}
	headers, _ := trace["headers"].(map[string]any)
	if headers["Content-Type"] != "application/json" || headers["Authorization"] != "***" {
		t.Errorf("trace headers = %v, want Content-Type kept and Authorization masked", headers)
	}
}

func TestLogging_levelFromEnvironment(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_FC_HTTP", "DEBUG")
	l := newHTTPLogger("secret")
	out := captureLogs(t, func(ctx context.Context) {
		l.Debug(ctx, "kept", nil)
		l.Trace(ctx, "dropped", nil)
	})
	if !strings.Contains(out, "kept") || strings.Contains(out, "dropped") {
		t.Errorf("with TF_LOG_PROVIDER_FC_HTTP=DEBUG want the Debug entry only, got:\n%s", out)
	}
}

func TestLogging_noRootLogger(t *testing.T) {
	// Outside Terraform (no root logger in the context) logging is a no-op
	// and must not panic.
	l := newHTTPLogger("secret")
	l.Debug(context.Background(), "msg", map[string]any{"k": "v"})
	l.Trace(context.Background(), "msg", nil)
}

func TestLogging_doesNotModifyCallerFields(t *testing.T) {
	l := newHTTPLogger("secret")
	fields := map[string]any{"authorization": "FC a:b", "h": map[string]string{"Authorization": "FC a:b"}}
	_ = captureLogs(t, func(ctx context.Context) { l.Debug(ctx, "m", fields) })
	if fields["authorization"] != "FC a:b" || fields["h"].(map[string]string)["Authorization"] != "FC a:b" {
		t.Errorf("the adapter changed the caller's fields: %v", fields)
	}
}

// TestHTTPLogLevel: the fc_http level comes from the first of
// TF_LOG_PROVIDER_FC_HTTP, TF_LOG_PROVIDER_FC, TF_LOG_PROVIDER and TF_LOG
// that is set; none set means no entry is built.
func TestHTTPLogLevel(t *testing.T) {
	for _, tc := range []struct {
		env          map[string]string
		debug, trace bool
	}{
		{nil, false, false},
		{map[string]string{"TF_LOG": "TRACE"}, true, true},
		{map[string]string{"TF_LOG": "json"}, true, true},
		{map[string]string{"TF_LOG": "DEBUG"}, true, false},
		{map[string]string{"TF_LOG": "INFO"}, false, false},
		{map[string]string{"TF_LOG": "TRACE", "TF_LOG_PROVIDER": "DEBUG"}, true, false},
		{map[string]string{"TF_LOG": "DEBUG", "TF_LOG_PROVIDER_FC_HTTP": "TRACE"}, true, true},
		{map[string]string{"TF_LOG_PROVIDER_FC": "debug"}, true, false},
		{map[string]string{"TF_LOG_PROVIDER": "off"}, false, false},
		{map[string]string{"TF_LOG": "yes"}, true, true},
	} {
		l := &httpLogger{level: httpLogLevel(func(k string) string { return tc.env[k] })}
		if l.DebugEnabled() != tc.debug || l.TraceEnabled() != tc.trace {
			t.Errorf("%v: debug %v, trace %v; want %v, %v", tc.env, l.DebugEnabled(), l.TraceEnabled(), tc.debug, tc.trace)
		}
	}
}
