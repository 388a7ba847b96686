package main

import (
	"os"
	"testing"

	"github.com/hashicorp/go-hclog"
)

func TestLogsRequested(t *testing.T) {
	for _, tc := range []struct {
		env  []string
		want bool
	}{
		{nil, false},
		{[]string{"HOME=/x", "PATH=/bin"}, false},
		{[]string{"TF_LOG="}, false},
		{[]string{"TF_LOG_PATH=/tmp/tf.log"}, false},
		{[]string{"TF_LOG_CORE=TRACE"}, false},
		{[]string{"TF_LOG=DEBUG"}, true},
		{[]string{"TF_LOG=trace"}, true},
		{[]string{"TF_LOG_PROVIDER=TRACE"}, true},
		{[]string{"TF_LOG_PROVIDER_FC=DEBUG"}, true},
		{[]string{"TF_LOG_SDK_FRAMEWORK=TRACE"}, true},
		{[]string{"TF_LOGGING=1"}, false},
	} {
		if got := logsRequested(tc.env); got != tc.want {
			t.Errorf("logsRequested(%q) = %v, want %v", tc.env, got, tc.want)
		}
	}
}

// TestQuietLogs: with no log requested, every level variable the SDK and
// provider root loggers are built from (tf6server reads them with
// tfsdklog.WithLevelFromEnv) says off; with a log requested, or for a
// debugger, none is set.
func TestQuietLogs(t *testing.T) {
	levels := func(t *testing.T, env map[string]string, debug bool) map[string]hclog.Level {
		t.Helper()
		for _, k := range append(append([]string{}, quietLogVars...), "TF_LOG") {
			t.Setenv(k, "")
			_ = os.Unsetenv(k)
		}
		for k, v := range env {
			t.Setenv(k, v)
		}
		quietLogs(debug)
		out := map[string]hclog.Level{}
		for _, k := range quietLogVars {
			out[k] = hclog.LevelFromString(os.Getenv(k))
		}
		return out
	}
	for k, l := range levels(t, nil, false) {
		if l != hclog.Off {
			t.Errorf("no TF_LOG: %s level %v, want off", k, l)
		}
	}
	for _, tc := range []struct {
		name  string
		env   map[string]string
		debug bool
	}{
		{"TF_LOG=DEBUG", map[string]string{"TF_LOG": "DEBUG"}, false},
		{"TF_LOG_PROVIDER=TRACE", map[string]string{"TF_LOG_PROVIDER": "TRACE"}, false},
		{"-debug", nil, true},
	} {
		for k, l := range levels(t, tc.env, tc.debug) {
			if want := hclog.LevelFromString(tc.env[k]); l != want {
				t.Errorf("%s: %s level %v, want %v (untouched)", tc.name, k, l, want)
			}
		}
	}
}
