package validators

import (
	"slices"
	"testing"
)

func TestTriggerEnums(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		values []string
		want   []string
	}{
		"TriggerTypes": {TriggerTypes, []string{
			"oss", "log", "timer", "http", "tablestore", "cdn_events", "mns_topic", "eventbridge", "mq", "rds",
		}},
		"HTTPAuthTypes":           {HTTPAuthTypes, []string{"anonymous", "function", "jwt"}},
		"HTTPMethods":             {HTTPMethods, []string{"GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"}},
		"JWTTokenSources":         {JWTTokenSources, []string{"header", "cookie", "query", "form"}},
		"MNSNotifyContentFormats": {MNSNotifyContentFormats, []string{"STREAM", "JSON"}},
		"MNSNotifyStrategies":     {MNSNotifyStrategies, []string{"BACKOFF_RETRY", "EXPONENTIAL_DECAY_RETRY"}},
	}
	for name, tt := range tests {
		if !slices.Equal(tt.values, tt.want) {
			t.Errorf("%s = %q, want %q", name, tt.values, tt.want)
		}
	}
}
