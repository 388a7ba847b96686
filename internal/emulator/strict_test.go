package emulator

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func withStrict(o *Options) { o.Strict = true }

// Strict mode refuses an unknown body member with 400 InvalidArgument
// naming its path, and stores nothing; the default ignores it.
func TestStrictRefusesUnknownFields(t *testing.T) {
	fn := func(extra map[string]any) map[string]any {
		b := validFunction("fn")
		for k, v := range extra {
			b[k] = v
		}
		return b
	}
	cases := []struct {
		name, method, path string
		body               any
		field              string
	}{
		{"top level", http.MethodPost, api + "/services/svc/functions", fn(map[string]any{"memorySise": 256}), "memorySise"},
		{"nested", http.MethodPost, api + "/services/svc/functions",
			fn(map[string]any{"customContainerConfig": map[string]any{"imag": "x"}}), "customContainerConfig.imag"},
		{"in a list", http.MethodPut, api + "/services/svc",
			map[string]any{"nasConfig": map[string]any{"userId": 1, "groupId": 1,
				"mountPoints": []any{map[string]any{"serverAddr": "a:/", "mountDir": "/mnt/a"}, map[string]any{"serverAdr": "b:/"}}}},
			"nasConfig.mountPoints[1].serverAdr"},
		{"case matters", http.MethodPost, api + "/services/svc/versions", `{"Description":"x"}`, "Description"},
		{"a read-only field", http.MethodPut, api + "/services/svc", map[string]any{"serviceId": "x"}, "serviceId"},
		{"not in the update request", http.MethodPut, api + "/services/svc/functions/existing", map[string]any{"functionName": "x"}, "functionName"},
		{"trigger", http.MethodPost, api + "/services/svc/functions/existing/triggers",
			map[string]any{"triggerName": "t", "triggerType": "timer", "triggerConfig": `{"cronExpression":"@every 1m"}`, "enable": true}, "enable"},
		{"alias", http.MethodPost, api + "/services/svc/aliases", map[string]any{"aliasName": "a", "versionID": "1"}, "versionID"},
		{"alias policy the emulator does not implement", http.MethodPost, api + "/services/svc/aliases",
			map[string]any{"aliasName": "a", "versionId": "1", "resolvePolicy": "Random"}, "resolvePolicy"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			strict := newTestServer(t, withStrict)
			lenient := newTestServer(t)
			for _, s := range []*Server{strict, lenient} {
				mustCreateService(t, s, "svc", nil)
				mustCreateFunction(t, s, "svc", validFunction("existing"))
				mustPublish(t, s, "")
			}
			before := do(t, strict, http.MethodGet, api+"/services/svc", nil).Header.Get("ETag")
			r := do(t, strict, tc.method, tc.path, tc.body)
			expectError(t, r, http.StatusBadRequest, "InvalidArgument")
			if got, want := r.ErrorMessage(), `unknown field "`+tc.field+`" in body`; got != want {
				t.Errorf("message %q, want %q", got, want)
			}
			if after := do(t, strict, http.MethodGet, api+"/services/svc", nil).Header.Get("ETag"); after != before {
				t.Errorf("a refused write changed the service")
			}
			if tc.method == http.MethodPost && strings.HasSuffix(tc.path, "/functions") {
				expectError(t, do(t, strict, http.MethodGet, api+"/services/svc/functions/fn", nil), http.StatusNotFound, "FunctionNotFound")
			}
			// The lenient default ignores the member.
			if r := do(t, lenient, tc.method, tc.path, tc.body); r.Status != http.StatusOK {
				t.Errorf("lenient: %d %s", r.Status, r.Body)
			}
		})
	}
}

// Strict mode accepts every member of the official SDK's request bodies,
// both API versions alike.
func TestStrictAcceptsKnownFields(t *testing.T) {
	s := newTestServer(t, withStrict)
	for _, prefix := range []string{"/2016-08-15", "/2021-04-06"} {
		svc := "svc" + strings.ReplaceAll(prefix[1:5], "-", "")
		expectOK(t, do(t, s, http.MethodPost, prefix+"/services", map[string]any{
			"serviceName": svc, "description": "d", "internetAccess": true, "role": "acs:ram::1:role/r",
			"logConfig":      map[string]any{"project": "p", "logstore": "l", "enableRequestMetrics": true, "enableInstanceMetrics": true, "logBeginRule": "DefaultRegex"},
			"vpcConfig":      map[string]any{"vpcId": "vpc-1", "vSwitchIds": []string{"vsw-1"}, "securityGroupId": "sg-1"},
			"nasConfig":      map[string]any{"userId": 10, "groupId": 10, "mountPoints": []any{map[string]any{"serverAddr": "x.nas.aliyuncs.com:/", "mountDir": "/mnt/nas", "enableTLS": false}}},
			"ossMountConfig": map[string]any{"mountPoints": []any{map[string]any{"bucketName": "b", "bucketPath": "/", "endpoint": "http://oss-cn-hangzhou.aliyuncs.com", "mountDir": "/mnt/oss", "readOnly": true}}},
			"tracingConfig":  map[string]any{"type": "Jaeger", "params": map[string]string{"endpoint": "http://j"}},
		}))
		body := validFunction("fn")
		for k, v := range map[string]any{
			"description": "d", "memorySize": 512, "timeout": 10, "initializer": "index.init", "initializationTimeout": 5,
			"instanceConcurrency": 2, "instanceType": "c1", "diskSize": 512, "cpu": 0.35, "layers": []string{},
			"environmentVariables": map[string]string{"A": "1"}, "caPort": 9000, "instanceSoftConcurrency": 1,
			"instanceLifecycleConfig": map[string]any{"preStop": map[string]any{"handler": "index.stop", "timeout": 3}},
			"customDNS":               map[string]any{"nameServers": []string{"1.1.1.1"}, "searches": []string{}, "dnsOptions": []any{map[string]any{"name": "ndots", "value": "2"}}},
		} {
			body[k] = v
		}
		expectOK(t, do(t, s, http.MethodPost, prefix+"/services/"+svc+"/functions", body))
		expectOK(t, do(t, s, http.MethodPut, prefix+"/services/"+svc+"/functions/fn", map[string]any{"InstanceConcurrency": 3, "timeout": 20}))
		expectOK(t, do(t, s, http.MethodPut, prefix+"/services/"+svc, map[string]any{"description": "e"}))
		expectOK(t, do(t, s, http.MethodPost, prefix+"/services/"+svc+"/versions", map[string]any{"description": "v"}))
		expectOK(t, do(t, s, http.MethodPost, prefix+"/services/"+svc+"/aliases", map[string]any{"aliasName": "a", "versionId": "1", "description": "x", "additionalVersionWeight": map[string]float64{}}))
		expectOK(t, do(t, s, http.MethodPut, prefix+"/services/"+svc+"/aliases/a", map[string]any{"versionId": "1"}))
		expectOK(t, do(t, s, http.MethodPost, prefix+"/services/"+svc+"/functions/fn/triggers", map[string]any{
			"triggerName": "t", "triggerType": "timer", "description": "d", "qualifier": "a",
			"triggerConfig": `{"cronExpression":"@every 1m","enable":true,"payload":"p","anything":1}`}))
		expectOK(t, do(t, s, http.MethodPut, prefix+"/services/"+svc+"/functions/fn/triggers/t", map[string]any{"description": "e"}))
	}
}

// Every member a strict emulator accepts is decoded by the type its
// handler decodes into (JSON names match exactly), so nothing strict mode
// lets through is dropped on the way to the store.
func TestStrictShapesDecode(t *testing.T) {
	targets := map[string]reflect.Type{
		"CreateService": reflect.TypeFor[fc.Service](), "UpdateService": reflect.TypeFor[fc.Service](),
		"CreateFunction": reflect.TypeFor[fc.Function](), "UpdateFunction": reflect.TypeFor[fc.Function](),
		"CreateTrigger": reflect.TypeFor[fc.Trigger](), "UpdateTrigger": reflect.TypeFor[fc.Trigger](),
		"PublishServiceVersion": reflect.TypeFor[fc.Version](),
		"CreateAlias":           reflect.TypeFor[fc.Alias](), "UpdateAlias": reflect.TypeFor[fc.Alias](),
		"CreateCustomDomain": reflect.TypeFor[fc.CustomDomain](), "UpdateCustomDomain": reflect.TypeFor[fc.CustomDomain](),
		"PutProvisionConfig": reflect.TypeFor[fc.ProvisionConfig](), "PutFunctionAsyncInvokeConfig": reflect.TypeFor[fc.AsyncInvokeConfig](),
		"PublishLayerVersion": reflect.TypeFor[publishLayerRequest](),
		"TagResource":         reflect.TypeFor[fc.TagResourceInput](), "UntagResource": reflect.TypeFor[fc.UntagResourceInput](),
	}
	for op, sh := range requestBodies {
		typ, ok := targets[op]
		if !ok {
			t.Errorf("%s: no decode type listed in this test", op)
			continue
		}
		checkShapeDecodes(t, op, sh, typ)
	}
	for _, rt := range routes {
		if (rt.method == http.MethodPost || rt.method == http.MethodPut) && requestBodies[rt.operation] == nil &&
			!rawBodyOperations[rt.operation] && !bodylessWrites[rt.operation] {
			t.Errorf("%s takes a body but has no shape in requestBodies", rt.operation)
		}
	}
}

func checkShapeDecodes(t *testing.T, path string, sh *shape, typ reflect.Type) {
	t.Helper()
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
		typ = typ.Elem()
	}
	if sh == nil {
		return
	}
	if sh.elem != nil {
		checkShapeDecodes(t, path+"[]", sh.elem, typ)
		return
	}
	fields := map[string]reflect.Type{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			fields[name] = f.Type
		}
	}
	for member, sub := range sh.members {
		if member == "InstanceConcurrency" || member == "Code" {
			continue // rewritten to instanceConcurrency and code before decoding (fixFunctionFields, fixLayerFields)
		}
		ft, ok := fields[member]
		if !ok {
			t.Errorf("%s.%s: accepted in strict mode but %s has no field with that JSON name", path, member, typ)
			continue
		}
		checkShapeDecodes(t, path+"."+member, sub, ft)
	}
}

// The answers use the official 2021-04-06 SDK's response member names
// (GetServiceResponseBody, GetFunctionResponseBody, ...): every top-level
// member a fully populated answer carries is one the SDK reads. The alias
// answer's serviceName is from the 2016-08-15 document.
func TestAnswerMembersAreSDKNames(t *testing.T) {
	sdk := map[string]string{
		"GetService":            "createdTime description internetAccess lastModifiedTime logConfig nasConfig ossMountConfig role serviceId serviceName tracingConfig useSLRAuthentication vpcConfig",
		"GetFunction":           "caPort codeChecksum codeSize cpu createdTime customContainerConfig customDNS customHealthCheckConfig customRuntimeConfig description diskSize environmentVariables functionId functionName gpuMemorySize handler initializationTimeout initializer instanceConcurrency instanceLifecycleConfig instanceSoftConcurrency instanceType lastModifiedTime layers layersArnV2 memorySize runtime timeout",
		"GetTrigger":            "createdTime description domainName invocationRole lastModifiedTime qualifier sourceArn triggerConfig triggerId triggerName triggerType urlInternet urlIntranet",
		"GetAlias":              "additionalVersionWeight aliasName createdTime description lastModifiedTime resolvePolicy routePolicy versionId serviceName",
		"PublishServiceVersion": "createdTime description lastModifiedTime versionId",
		"GetFunctionCode":       "checksum url",
		"GetLayerVersion":       "acl arn arnV2 code codeChecksum codeSize compatibleRuntime createTime description layerName license version",
		"PublishLayerVersion":   "acl arn arnV2 code codeChecksum codeSize compatibleRuntime createTime description layerName license version",
	}
	s := newTestServer(t)
	layer := mustPublishLayer(t, s, "lyr", map[string]any{"description": "d"})
	mustCreateService(t, s, "svc", map[string]any{"description": "d", "role": "r",
		"logConfig": map[string]any{"project": "p", "logstore": "l"}, "tracingConfig": map[string]any{"type": "Jaeger"}})
	fn := validFunction("fn")
	fn["description"], fn["initializer"], fn["environmentVariables"], fn["layers"] = "d", "index.init", map[string]string{"A": "1"}, []string{deref(layer.ARN)}
	mustCreateFunction(t, s, "svc", fn)
	answers := map[string]*testResponse{
		"GetService":            do(t, s, http.MethodGet, api+"/services/svc", nil),
		"GetFunction":           do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil),
		"PublishServiceVersion": do(t, s, http.MethodPost, versionsPath, map[string]any{"description": "v"}),
		"GetFunctionCode":       do(t, s, http.MethodGet, api+"/services/svc/functions/fn/code", nil),
		"GetLayerVersion":       do(t, s, http.MethodGet, api+"/layers/lyr/versions/1", nil),
		"PublishLayerVersion":   do(t, s, http.MethodPost, api+"/layers/lyr/versions", validLayer(nil)),
	}
	expectOK(t, do(t, s, http.MethodPost, aliasesPath, map[string]any{"aliasName": "a", "versionId": "1", "description": "x"}))
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/functions/fn/triggers", map[string]any{
		"triggerName": "t", "triggerType": "http", "description": "d", "qualifier": "a",
		"triggerConfig": `{"authType":"anonymous","methods":["GET"]}`}))
	answers["GetAlias"] = do(t, s, http.MethodGet, aliasesPath+"/a", nil)
	answers["GetTrigger"] = do(t, s, http.MethodGet, api+"/services/svc/functions/fn/triggers/t", nil)
	for op, r := range answers {
		expectOK(t, r)
		known := map[string]bool{}
		for _, n := range strings.Fields(sdk[op]) {
			known[n] = true
		}
		for member := range r.JSON(t) {
			if !known[member] {
				t.Errorf("%s answers member %q, which the SDK does not name", op, member)
			}
		}
	}
}
