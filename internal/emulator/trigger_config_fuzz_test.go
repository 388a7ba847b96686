package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
)

// FuzzEmulatorTriggerConfig decodes an arbitrary triggerConfig member, as
// CreateTrigger and UpdateTrigger receive it, and checks with every trigger
// type (which picks it) that:
//   - nothing panics, and whatever is refused is a 400 InvalidArgument
//     with a message;
//   - what is accepted is stored canonically: one compact JSON object
//     without null members, which decodes to itself again, and which the
//     member sent as a string holding the object decodes to as well;
//   - checking it against the type's rules is nil or a 400
//     InvalidArgument with a message.
func FuzzEmulatorTriggerConfig(f *testing.F) {
	seeds := []string{
		`{"cronExpression":"@every 5m","enable":true,"payload":"p"}`,
		`"{\"cronExpression\":\"cron(0 0 4 * * *)\"}"`,
		`{"authType":"jwt","methods":["GET"],"authConfig":"{\"jwks\":\"{\\\"keys\\\":[{}]}\",\"blackList\":\"/a\"}"}`,
		`{"authType":"function","methods":["GET","GET"]}`,
		`{"events":["oss:ObjectCreated:*"],"filter":{"key":{"prefix":null}}}`,
		`{"sourceConfig":{"logstore":"in"},"jobConfig":{"triggerInterval":1e3},"logConfig":{"project":"p","logstore":"l"}}`,
		`{"notifyStrategy":""}`,
		`{"eventName":"e","eventVersion":"1","filter":{"domain":["a"]}}`,
		`{"instanceName":"i","tableName":"t"}`,
		`{"a":[1,null,{"b":null}],"n":1.50}`,
		``, `null`, `""`, `"  "`, `[]`, `{} {}`, `"{"`, `{"cronExpression":5}`, "{\"a\":\"\xff\"}",
	}
	for _, s := range seeds {
		for which := range triggerTypes {
			f.Add(uint8(which), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, raw []byte) {
		typ := triggerTypes[int(which)%len(triggerTypes)]
		out, e := canonicalTriggerConfig(raw)
		if e != nil {
			checkInvalidArgument(t, e)
			return
		}
		if out == nil {
			return // null, "" or nothing: no configuration
		}
		var obj map[string]any
		if err := json.Unmarshal(out, &obj); err != nil || obj == nil {
			t.Fatalf("%q stored as %q, not a JSON object", raw, out)
		}
		if hasNullMember(obj) {
			t.Fatalf("%q stored as %q, with null members", raw, out)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, out); err != nil || !bytes.Equal(compact.Bytes(), out) {
			t.Fatalf("%q stored as %q, not compact", raw, out)
		}
		again, e := canonicalTriggerConfig(out)
		if e != nil || !bytes.Equal(again, out) {
			t.Fatalf("the stored form %q decodes to %q, %v", out, again, e)
		}
		str, _ := json.Marshal(string(out))
		if fromString, e := canonicalTriggerConfig(str); e != nil || !bytes.Equal(fromString, out) {
			t.Fatalf("the stored form %q sent as a string decodes to %q, %v", out, fromString, e)
		}
		if e := validateTriggerConfig(typ, out); e != nil {
			checkInvalidArgument(t, e)
		}
	})
}

func checkInvalidArgument(t *testing.T, e *apiError) {
	t.Helper()
	checkAPIError(t, e)
	if e.Status != http.StatusBadRequest || e.Code != codeInvalidArgument {
		t.Fatalf("%v, want 400 %s", e, codeInvalidArgument)
	}
}

// hasNullMember reports whether an object has a null member at any depth.
func hasNullMember(v any) bool {
	switch x := v.(type) {
	case map[string]any:
		for _, m := range x {
			if m == nil || hasNullMember(m) {
				return true
			}
		}
	case []any:
		for _, m := range x {
			if hasNullMember(m) {
				return true
			}
		}
	}
	return false
}
