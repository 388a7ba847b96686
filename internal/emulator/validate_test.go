package emulator

import (
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
)

func TestCreateServiceValidation(t *testing.T) {
	tests := []struct {
		name  string
		body  any
		field string // must appear in the message
	}{
		{"name missing", map[string]any{"description": "x"}, "serviceName"},
		{"name empty", map[string]any{"serviceName": ""}, "serviceName"},
		{"name starts with digit", map[string]any{"serviceName": "1svc"}, "serviceName"},
		{"name starts with dash", map[string]any{"serviceName": "-svc"}, "serviceName"},
		{"name with dot", map[string]any{"serviceName": "svc.v1"}, "serviceName"},
		{"name too long", map[string]any{"serviceName": "s" + strings.Repeat("a", 128)}, "serviceName"},
		{"logBeginRule", map[string]any{"serviceName": "svc", "logConfig": map[string]any{"project": "p", "logstore": "l", "logBeginRule": "Sometimes"}}, "logConfig.logBeginRule"},
		{"wrong type", map[string]any{"serviceName": "svc", "internetAccess": "yes"}, "internetAccess"},
		{"not an object", "[1,2]", "JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			r := do(t, s, http.MethodPost, api+"/services", tt.body)
			expectError(t, r, http.StatusBadRequest, "InvalidArgument")
			if !strings.Contains(r.ErrorMessage(), tt.field) {
				t.Errorf("message %q does not name %s", r.ErrorMessage(), tt.field)
			}
			var list listServicesResponse
			do(t, s, http.MethodGet, api+"/services", nil).Decode(t, &list)
			if len(list.Services) != 0 {
				t.Errorf("a service was stored: %+v", list.Services)
			}
		})
	}
}

func TestServiceNameLimits(t *testing.T) {
	s := newTestServer(t)
	for _, name := range []string{"a", "_a", "A-b_9", "s" + strings.Repeat("a", 127)} {
		expectOK(t, do(t, s, http.MethodPost, api+"/services", map[string]any{"serviceName": name}))
	}
}

func TestCreateFunctionValidation(t *testing.T) {
	notZip := base64.StdEncoding.EncodeToString([]byte("not a zip"))
	tests := []struct {
		name   string
		mutate func(m map[string]any)
		field  string
	}{
		{"functionName missing", func(m map[string]any) { delete(m, "functionName") }, "functionName"},
		{"functionName starts with digit", func(m map[string]any) { m["functionName"] = "9f" }, "functionName"},
		{"functionName too long", func(m map[string]any) { m["functionName"] = "f" + strings.Repeat("x", 64) }, "functionName"},
		{"handler missing", func(m map[string]any) { delete(m, "handler") }, "handler"},
		{"runtime missing", func(m map[string]any) { delete(m, "runtime") }, "runtime"},
		{"runtime unknown", func(m map[string]any) { m["runtime"] = "python4" }, "runtime"},
		{"memorySize not multiple of 64", func(m map[string]any) { m["memorySize"] = 100 }, "memorySize"},
		{"memorySize zero", func(m map[string]any) { m["memorySize"] = 0 }, "memorySize"},
		{"cpu not multiple of 0.05", func(m map[string]any) { m["cpu"] = 0.33 }, "cpu"},
		{"cpu zero", func(m map[string]any) { m["cpu"] = 0 }, "cpu"},
		{"diskSize", func(m map[string]any) { m["diskSize"] = 1024 }, "diskSize"},
		{"gpuMemorySize", func(m map[string]any) { m["gpuMemorySize"] = 1000 }, "gpuMemorySize"},
		{"timeout zero", func(m map[string]any) { m["timeout"] = 0 }, "timeout"},
		{"timeout too large", func(m map[string]any) { m["timeout"] = 86401 }, "timeout"},
		{"timeout not a number", func(m map[string]any) { m["timeout"] = "soon" }, "timeout"},
		{"initializationTimeout zero", func(m map[string]any) { m["initializationTimeout"] = 0 }, "initializationTimeout"},
		{"initializationTimeout too large", func(m map[string]any) { m["initializationTimeout"] = 301 }, "initializationTimeout"},
		{"instanceConcurrency zero", func(m map[string]any) { m["instanceConcurrency"] = 0 }, "instanceConcurrency"},
		{"instanceSoftConcurrency above concurrency", func(m map[string]any) {
			m["instanceConcurrency"] = 5
			m["instanceSoftConcurrency"] = 6
		}, "instanceSoftConcurrency"},
		{"instanceSoftConcurrency above default concurrency", func(m map[string]any) { m["instanceSoftConcurrency"] = 2 }, "instanceSoftConcurrency"},
		{"instanceType", func(m map[string]any) { m["instanceType"] = "e2" }, "instanceType"},
		{"caPort", func(m map[string]any) { m["caPort"] = 70000 }, "caPort"},
		{"customHealthCheckConfig on python", func(m map[string]any) {
			m["customHealthCheckConfig"] = map[string]any{"httpGetUrl": "/ready"}
		}, "customHealthCheckConfig"},
		{"accelerationType", func(m map[string]any) {
			m["customContainerConfig"] = map[string]any{"image": "img", "accelerationType": "Turbo"}
		}, "customContainerConfig.accelerationType"},
		{"command not a JSON array", func(m map[string]any) {
			m["customContainerConfig"] = map[string]any{"image": "img", "command": "/code/server"}
		}, "customContainerConfig.command"},
		{"args not an array of strings", func(m map[string]any) {
			m["customContainerConfig"] = map[string]any{"image": "img", "args": "[1,2]"}
		}, "customContainerConfig.args"},
		{"code missing", func(m map[string]any) { delete(m, "code") }, "code"},
		{"code empty", func(m map[string]any) { m["code"] = map[string]any{} }, "code"},
		{"code with two sources", func(m map[string]any) {
			m["code"] = map[string]any{"zipFile": testZipBase64, "ossBucketName": "b", "ossObjectName": "o"}
		}, "code"},
		{"code OSS bucket without object", func(m map[string]any) {
			m["code"] = map[string]any{"ossBucketName": "b"}
		}, "ossObjectName"},
		{"zipFile not base64", func(m map[string]any) { m["code"] = map[string]any{"zipFile": "%%%"} }, "code.zipFile"},
		{"zipFile not a zip", func(m map[string]any) { m["code"] = map[string]any{"zipFile": notZip} }, "code.zipFile"},
		{"custom-container without config nor code", func(m map[string]any) {
			m["runtime"] = "custom-container"
			delete(m, "code")
		}, "code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			mustCreateService(t, s, "svc", nil)
			body := validFunction("fn")
			tt.mutate(body)
			r := do(t, s, http.MethodPost, api+"/services/svc/functions", body)
			expectError(t, r, http.StatusBadRequest, "InvalidArgument")
			if !strings.Contains(r.ErrorMessage(), tt.field) {
				t.Errorf("message %q does not name %s", r.ErrorMessage(), tt.field)
			}
			var list listFunctionsResponse
			do(t, s, http.MethodGet, api+"/services/svc/functions", nil).Decode(t, &list)
			if len(list.Functions) != 0 {
				t.Errorf("a function was stored: %+v", list.Functions)
			}
			if n := len(s.st.Blobs); n != 0 {
				t.Errorf("%d code archives stored", n)
			}
		})
	}
}

func TestCreateFunctionAcceptsEdgeValues(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(m map[string]any)
	}{
		{"cpu 0.05", func(m map[string]any) { m["cpu"] = 0.05 }},
		{"cpu 1.15 (float error)", func(m map[string]any) { m["cpu"] = 1.15 }},
		{"cpu 0.35", func(m map[string]any) { m["cpu"] = 0.35 }},
		{"diskSize 10240", func(m map[string]any) { m["diskSize"] = 10240 }},
		{"gpuMemorySize 2048", func(m map[string]any) { m["gpuMemorySize"] = 2048 }},
		{"timeout 86400", func(m map[string]any) { m["timeout"] = 86400 }},
		{"initializationTimeout 300", func(m map[string]any) { m["initializationTimeout"] = 300 }},
		{"soft equals concurrency", func(m map[string]any) {
			m["instanceConcurrency"] = 10
			m["instanceSoftConcurrency"] = 10
		}},
		{"accelerationType empty", func(m map[string]any) {
			m["customContainerConfig"] = map[string]any{"image": "img", "accelerationType": ""}
		}},
		{"custom-container with config and no code", func(m map[string]any) {
			m["runtime"] = "custom-container"
			delete(m, "code")
			m["customContainerConfig"] = map[string]any{"image": "img", "command": `["/server"]`, "args": `["-a","b"]`, "accelerationType": "Default"}
			m["customHealthCheckConfig"] = map[string]any{"httpGetUrl": "/ready"}
		}},
		{"OSS code", func(m map[string]any) { m["code"] = map[string]any{"ossBucketName": "b", "ossObjectName": "o.zip"} }},
		{"function name of 64", func(m map[string]any) { m["functionName"] = "f" + strings.Repeat("x", 63) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			mustCreateService(t, s, "svc", nil)
			body := validFunction("fn")
			tt.mutate(body)
			expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/functions", body))
		})
	}
}

// Update validates the merged function: rules that combine a stored and a
// sent value are checked on the effective result, and nothing changes on
// failure.
func TestUpdateFunctionValidation(t *testing.T) {
	tests := []struct {
		name   string
		create func(m map[string]any)
		update map[string]any
		field  string
	}{
		{"soft concurrency above stored concurrency", func(m map[string]any) { m["instanceConcurrency"] = 4 },
			map[string]any{"instanceSoftConcurrency": 5}, "instanceSoftConcurrency"},
		{"concurrency below stored soft concurrency", func(m map[string]any) {
			m["instanceConcurrency"] = 4
			m["instanceSoftConcurrency"] = 3
		}, map[string]any{"instanceConcurrency": 2}, "instanceSoftConcurrency"},
		{"runtime change leaves a health check behind", func(m map[string]any) {
			m["runtime"] = "custom"
			m["customHealthCheckConfig"] = map[string]any{"httpGetUrl": "/ready"}
		}, map[string]any{"runtime": "python3"}, "customHealthCheckConfig"},
		{"leaving custom-container without code", func(m map[string]any) {
			m["runtime"] = "custom-container"
			delete(m, "code")
			m["customContainerConfig"] = map[string]any{"image": "img"}
		}, map[string]any{"runtime": "python3"}, "code"},
		{"empty handler", nil, map[string]any{"handler": ""}, "handler"},
		{"memorySize", nil, map[string]any{"memorySize": 65}, "memorySize"},
		{"bad zip", nil, map[string]any{"code": map[string]any{"zipFile": "AAAA"}}, "code.zipFile"},
		{"timeout string not numeric", nil, map[string]any{"timeout": "6o"}, "timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestServer(t)
			mustCreateService(t, s, "svc", nil)
			body := validFunction("fn")
			if tt.create != nil {
				tt.create(body)
			}
			mustCreateFunction(t, s, "svc", body)
			before := do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
			r := do(t, s, http.MethodPut, api+"/services/svc/functions/fn", tt.update)
			expectError(t, r, http.StatusBadRequest, "InvalidArgument")
			if !strings.Contains(r.ErrorMessage(), tt.field) {
				t.Errorf("message %q does not name %s", r.ErrorMessage(), tt.field)
			}
			after := do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
			if string(before.Body) != string(after.Body) || before.Header.Get("ETag") != after.Header.Get("ETag") {
				t.Errorf("function changed:\n%s\n%s", before.Body, after.Body)
			}
		})
	}
}

func TestValidCPU(t *testing.T) {
	for _, tt := range []struct {
		cpu  float64
		want bool
	}{{0.05, true}, {0.1, true}, {0.15, true}, {1.15, true}, {2.3, true}, {16, true}, {0.06, false}, {0.051, false}, {0, false}, {-0.05, false}} {
		if got := validCPU(tt.cpu); got != tt.want {
			t.Errorf("validCPU(%g) = %v, want %v", tt.cpu, got, tt.want)
		}
	}
}
