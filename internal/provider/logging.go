package provider

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// httpSubsystem is the tflog subsystem of the FC client's HTTP logs. Its
// level follows TF_LOG_PROVIDER_FC_HTTP, else the provider's level.
const httpSubsystem = "fc_http"

// redacted replaces a masked value; it is the string tflog masks with.
const redacted = "***"

// sensitiveLogKeys are field keys (compared case-insensitively, also as
// keys of nested maps such as header maps) whose values are never logged.
var sensitiveLogKeys = []string{
	"access_key_secret",
	"accesskeysecret",
	"authorization",
	"private_key",
	"privatekey",
	"secret",
	"secret_key",
	"security_token",
	"securitytoken",
	"x-acs-security-token",
	"x-fc-security-token",
	"zip_file",
	"zipfile",
}

var sensitiveLogKeySet = func() map[string]bool {
	m := make(map[string]bool, len(sensitiveLogKeys))
	for _, k := range sensitiveLogKeys {
		m[k] = true
	}
	return m
}()

// sensitiveLogFieldKeys are the keys the subsystem masks: each sensitive
// key as written and in canonical header form. Built once.
var sensitiveLogFieldKeys = func() []string {
	keys := make([]string, 0, 2*len(sensitiveLogKeys))
	for _, k := range sensitiveLogKeys {
		keys = append(keys, k, http.CanonicalHeaderKey(k))
	}
	return keys
}()

var _ fc.LevelLogger = (*httpLogger)(nil)

// httpLogger writes the FC client's logs to the fc_http tflog subsystem.
//
// It creates the subsystem on every call because the client outlives the
// Configure call: each resource operation logs with its own context, which
// carries the provider's root logger but not a subsystem made earlier.
//
// Secrets are removed twice: the adapter redacts sensitive keys and secret
// literals at any depth (tflog only masks top-level fields and string
// values), and the subsystem is given the same keys and literals as tflog
// masks.
//
// The levels the client asks about (DebugEnabled, TraceEnabled) are read
// once from the environment, the way the entries are filtered: the first
// of TF_LOG_PROVIDER_FC_HTTP, TF_LOG_PROVIDER_FC, TF_LOG_PROVIDER and
// TF_LOG that is set. With none set Terraform keeps no provider log, so the
// client builds no entry.
type httpLogger struct {
	secrets []string
	level   hclog.Level
}

// newHTTPLogger returns the adapter; secrets are literal values (the
// AccessKey secret, the security token) masked wherever they appear.
func newHTTPLogger(secrets ...string) *httpLogger {
	l := &httpLogger{level: httpLogLevel(os.Getenv)}
	for _, s := range secrets {
		if s != "" {
			l.secrets = append(l.secrets, s)
		}
	}
	return l
}

// httpLogLevel is the level of the fc_http entries Terraform keeps, from
// the environment getenv reads; hclog.Off when no log is asked for.
func httpLogLevel(getenv func(string) string) hclog.Level {
	for _, k := range []string{"TF_LOG_PROVIDER_FC_HTTP", "TF_LOG_PROVIDER_FC", "TF_LOG_PROVIDER", "TF_LOG"} {
		v := strings.TrimSpace(getenv(k))
		if v == "" {
			continue
		}
		if strings.EqualFold(v, "JSON") {
			return hclog.Trace
		}
		if l := hclog.LevelFromString(v); l != hclog.NoLevel {
			return l
		}
		// An unknown level: Terraform logs at TRACE then.
		return hclog.Trace
	}
	return hclog.Off
}

// DebugEnabled reports whether Debug entries are kept.
func (l *httpLogger) DebugEnabled() bool { return l.level != hclog.Off && l.level <= hclog.Debug }

// TraceEnabled reports whether Trace entries are kept.
func (l *httpLogger) TraceEnabled() bool { return l.level != hclog.Off && l.level <= hclog.Trace }

// Debug logs at Debug level to the fc_http subsystem.
func (l *httpLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	ctx = l.subsystem(ctx)
	tflog.SubsystemDebug(ctx, httpSubsystem, l.redactString(msg), l.redactFields(fields))
}

// Trace logs at Trace level to the fc_http subsystem.
func (l *httpLogger) Trace(ctx context.Context, msg string, fields map[string]any) {
	ctx = l.subsystem(ctx)
	tflog.SubsystemTrace(ctx, httpSubsystem, l.redactString(msg), l.redactFields(fields))
}

func (l *httpLogger) subsystem(ctx context.Context) context.Context {
	ctx = tflog.NewSubsystem(ctx, httpSubsystem,
		tflog.WithLevelFromEnv("TF_LOG_PROVIDER_FC_HTTP"),
		tflog.WithRootFields(),
		// Report the caller in internal/fc, not this adapter.
		tflog.WithAdditionalLocationOffset(1),
	)
	ctx = tflog.SubsystemMaskFieldValuesWithFieldKeys(ctx, httpSubsystem, sensitiveLogFieldKeys...)
	if len(l.secrets) > 0 {
		ctx = tflog.SubsystemMaskAllFieldValuesStrings(ctx, httpSubsystem, l.secrets...)
		ctx = tflog.SubsystemMaskMessageStrings(ctx, httpSubsystem, l.secrets...)
	}
	return ctx
}

// redactFields returns a copy of fields with sensitive keys masked and the
// secret literals replaced, at any depth.
func (l *httpLogger) redactFields(fields map[string]any) map[string]any {
	out := make(map[string]any, len(fields))
	for k, v := range fields {
		if isSensitiveLogKey(k) {
			out[k] = redacted
			continue
		}
		out[k] = l.redactValue(v)
	}
	return out
}

func (l *httpLogger) redactValue(v any) any {
	switch v := v.(type) {
	case nil, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, time.Duration, time.Time:
		return v
	case string:
		return l.redactString(v)
	case []byte:
		return l.redactString(string(v))
	case error:
		return l.redactString(v.Error())
	case map[string]any:
		return l.redactFields(v)
	case map[string]string:
		out := make(map[string]string, len(v))
		for k, s := range v {
			if isSensitiveLogKey(k) {
				out[k] = redacted
			} else {
				out[k] = l.redactString(s)
			}
		}
		return out
	case http.Header:
		return l.redactMultiMap(v)
	case map[string][]string:
		return l.redactMultiMap(v)
	case []string:
		out := make([]string, len(v))
		for i, s := range v {
			out[i] = l.redactString(s)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = l.redactValue(e)
		}
		return out
	case fmt.Stringer:
		return l.redactString(v.String())
	default:
		// Anything else is logged as text so that no secret can hide
		// inside a type the adapter does not know.
		return l.redactString(fmt.Sprintf("%+v", v))
	}
}

func (l *httpLogger) redactMultiMap(v map[string][]string) map[string][]string {
	out := make(map[string][]string, len(v))
	for k, vals := range v {
		if isSensitiveLogKey(k) {
			out[k] = []string{redacted}
			continue
		}
		cp := make([]string, len(vals))
		for i, s := range vals {
			cp[i] = l.redactString(s)
		}
		out[k] = cp
	}
	return out
}

func (l *httpLogger) redactString(s string) string {
	for _, secret := range l.secrets {
		s = strings.ReplaceAll(s, secret, redacted)
	}
	return s
}

func isSensitiveLogKey(k string) bool {
	return sensitiveLogKeySet[strings.ToLower(k)]
}
