package fc

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestJWTBlackListWire(t *testing.T) {
	b, err := json.Marshal(JWTAuthConfig{JWKS: "{}", BlackList: JWTBlackList{"/a", "/b"}})
	if err != nil || string(b) != `{"blackList":"/a,/b","jwks":"{}"}` {
		t.Errorf("marshal = %s, %v", b, err)
	}
	for in, want := range map[string][]string{
		`{"blackList":"/a, /b,"}`:   {"/a", "/b"},
		`{"blackList":["/a","/b"]}`: {"/a", "/b"},
		`{"blackList":""}`:          nil,
		`{"blackList":null}`:        nil,
		`{}`:                        nil,
	} {
		var j JWTAuthConfig
		if err := json.Unmarshal([]byte(in), &j); err != nil || !slices.Equal(j.BlackList, want) {
			t.Errorf("unmarshal %s = %q, %v; want %q", in, j.BlackList, err, want)
		}
	}
	var j JWTAuthConfig
	if err := json.Unmarshal([]byte(`{"blackList":1}`), &j); err == nil {
		t.Error("blackList 1 was accepted")
	}
}

// TestTriggerConfigs_sendEveryField: an update replaces the configuration
// as a whole, so the zero value of each shape still names every member,
// except those documented as omitted (authConfig, the JWT lists, the log
// job settings).
func TestTriggerConfigs_sendEveryField(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{HTTPTriggerConfig{}, `{"authType":"","methods":null,"disableURLInternet":false}`},
		{JWTAuthConfig{}, `{"jwks":""}`},
		{TimerTriggerConfig{}, `{"cronExpression":"","enable":null,"payload":""}`},
		{OSSTriggerConfig{}, `{"events":null,"filter":{"key":{"prefix":"","suffix":""}}}`},
		{LogTriggerConfig{}, `{"sourceConfig":{"logstore":""},"jobConfig":{},"logConfig":{"project":"","logstore":""},"functionParameter":null,"enable":null}`},
		{MNSTopicTriggerConfig{}, `{"filterTag":"","notifyContentFormat":"","notifyStrategy":""}`},
		{CDNEventsTriggerConfig{}, `{"eventName":"","eventVersion":"","notes":"","filter":null}`},
		{TablestoreTriggerConfig{}, `{"instanceName":"","tableName":""}`},
	} {
		b, err := json.Marshal(tc.v)
		if err != nil || string(b) != tc.want {
			t.Errorf("%T: marshal = %s, %v; want %s", tc.v, b, err, tc.want)
		}
	}
}
