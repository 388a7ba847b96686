package provider

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// FuzzTriggerConfigDecoding reads an arbitrary triggerConfig answer with
// every registered kind (which picks the kind and, for config_json, the
// type) and checks that:
//   - nothing panics;
//   - a configuration that cannot be read is an error at the kind's
//     attribute whose message says what FC returned, and leaves the
//     attribute null;
//   - one that can is the attribute's value (every other configuration
//     attribute null), and reading the same answer again with it as the
//     prior value gives the same state (no perpetual diff);
//   - what the provider would send for that value, it can read back.
func FuzzTriggerConfigDecoding(f *testing.F) {
	seeds := []string{
		`{"cronExpression":"@every 5m","enable":false,"payload":"p"}`,
		`{"authType":"jwt","methods":["GET","GET"],"authConfig":"{\"jwks\":\"{\\\"keys\\\":[{}]}\",\"blackList\":\"/a, /b\"}"}`,
		`{"authType":"anonymous","methods":"GET"}`,
		`{"authType":"jwt","authConfig":"{jwks"}`,
		`{"events":["oss:ObjectCreated:*"],"filter":{"key":{"prefix":"a/","suffix":""}}}`,
		`{"sourceConfig":{"logstore":"in"},"jobConfig":{"maxRetryTime":3,"triggerInterval":1e3},"logConfig":{"project":"p","logstore":"l"},"functionParameter":{}}`,
		`{"filterTag":"t","notifyContentFormat":"","notifyStrategy":null}`,
		`{"eventName":"e","eventVersion":"1","filter":{"domain":["a","a"]},"notes":""}`,
		`{"instanceName":"i","tableName":"t"}`,
		`{"triggerEnable":true,"a":[1,null,{"b":1.0e2}]}`,
		``, `null`, `[]`, `"{}"`, `{"cronExpression":5}`, "{\"payload\":\"\xff\"}",
	}
	// Every seed with every kind, and config_json with each of its types.
	for _, s := range seeds {
		for which := range 3 * len(triggerKinds) {
			f.Add(uint8(which), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, raw []byte) {
		ctx := context.Background()
		k := triggerKinds[int(which)%len(triggerKinds)]
		typ := k.types()[int(which)/len(triggerKinds)%len(k.types())]
		at := path.Root(k.attribute())

		got, diags := flattenTrigger(ctx, apiTrigger(typ, string(raw)), triggerPlan(typ))
		if diags.HasError() {
			checkTriggerReadErrors(t, diags, at, raw)
			if v := k.get(&got); !v.IsNull() {
				t.Fatalf("%s = %v after an error, want null", k.attribute(), v)
			}
			return
		}
		for _, other := range triggerKinds {
			v := other.get(&got)
			if other != k && !v.IsNull() {
				t.Fatalf("a %s trigger read %s = %v", typ, other.attribute(), v)
			}
		}
		v := k.get(&got)
		if !v.Type(ctx).Equal(k.null().Type(ctx)) {
			t.Fatalf("%s is a %v, want a %v", k.attribute(), v.Type(ctx), k.null().Type(ctx))
		}
		if len(raw) > 0 && v.IsNull() {
			t.Fatalf("a %s trigger with configuration %q read %s = null", typ, raw, k.attribute())
		}

		again, diags := flattenTrigger(ctx, apiTrigger(typ, string(raw)), got)
		if diags.HasError() {
			t.Fatalf("reading %q again: %v", raw, diags)
		}
		if w := k.get(&again); !w.Equal(v) {
			t.Fatalf("reading %q again, with the first read as prior:\n got %v\nwant %v", raw, w, v)
		}

		sent, diags := expandTriggerConfig(ctx, got)
		if diags.HasError() {
			return // not something the provider would send (e.g. jwt without jwt_auth_config)
		}
		if _, diags := flattenTrigger(ctx, apiTrigger(typ, string(sent)), got); diags.HasError() {
			t.Fatalf("the provider sends %s for %q but cannot read it back: %v", sent, raw, diags)
		}
	})
}

// checkTriggerReadErrors asserts that every error is at the attribute and
// says, in a message a user can act on, what FC returned.
func checkTriggerReadErrors(t *testing.T, diags diag.Diagnostics, at path.Path, raw []byte) {
	t.Helper()
	for _, d := range diags.Errors() {
		wp, ok := d.(diag.DiagnosticWithPath)
		if !ok || !wp.Path().Equal(at) {
			t.Fatalf("error for %q not at %s: %v", raw, at, d)
		}
		if strings.TrimSpace(d.Summary()) == "" || !strings.HasPrefix(d.Detail(), "FC returned ") ||
			!strings.Contains(d.Detail(), `"tr"`) || !utf8.ValidString(d.Detail()) {
			t.Fatalf("unclear error for %q: %s: %s", raw, d.Summary(), d.Detail())
		}
	}
}
