package main

import (
	"os"
	"strings"
)

// The framework and terraform-plugin-go log every request at TRACE through
// loggers whose level comes from TF_LOG_SDK, TF_LOG_SDK_FRAMEWORK,
// TF_LOG_SDK_PROTO, TF_LOG_PROVIDER and TF_LOG_PROVIDER_FC, and default to
// TRACE when those are unset: every line is encoded as JSON on stderr,
// where Terraform parses it, and, with no TF_LOG set, drops it. When the
// user asked Terraform for no logs at all, quietLogs turns those loggers
// off, which saves that work in both processes. Any TF_LOG* variable that
// sets a level (TF_LOG, TF_LOG_PROVIDER, TF_LOG_SDK..., TF_LOG_PROVIDER_FC)
// leaves everything as it is, so `TF_LOG=DEBUG` or `TF_LOG_PROVIDER=TRACE`
// still produce every line.

// quietLogVars are the level variables quietLogs sets to "off".
var quietLogVars = []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_FC"}

// logsRequested reports whether the environment asks for logs: a TF_LOG or
// TF_LOG_<something> variable with a non-empty value, other than the ones
// that only say where logs go or concern Terraform's core.
func logsRequested(environ []string) bool {
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		if v == "" || (k != "TF_LOG" && !strings.HasPrefix(k, "TF_LOG_")) {
			continue
		}
		switch k {
		case "TF_LOG_PATH", "TF_LOG_PATH_MASK", "TF_LOG_CORE", "TF_LOG_SDK_PROTO_DATA_DIR":
			continue
		}
		return true
	}
	return false
}

// quietLogs turns the provider's and SDK's loggers off unless logs were
// requested or the provider runs for a debugger.
func quietLogs(debug bool) {
	if debug || logsRequested(os.Environ()) {
		return
	}
	for _, k := range quietLogVars {
		_ = os.Setenv(k, "off")
	}
}
