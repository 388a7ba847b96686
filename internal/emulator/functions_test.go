package emulator

import (
	"encoding/base64"
	"net/http"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestFunctionLifecycle(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)

	body := validFunction("fn")
	body["description"] = "d"
	body["environmentVariables"] = map[string]string{"A": "1"}
	body["layers"] = []string{officialLayer("Python310", 2), officialLayer("Nodejs-Puppeteer17x", 1)}
	body["functionId"] = "ignored"
	r := do(t, s, http.MethodPost, api+"/services/svc/functions", body)
	expectOK(t, r)
	etag1 := r.Header.Get("ETag")
	if !etagRE.MatchString(etag1) {
		t.Fatalf("ETag %q", etag1)
	}
	var created fc.Function
	r.Decode(t, &created)
	if !uuidRE.MatchString(deref(created.FunctionID)) {
		t.Errorf("functionId = %q", deref(created.FunctionID))
	}
	if created.Code != nil {
		t.Errorf("code echoed in the answer")
	}
	// Defaults.
	if deref(created.Timeout) != 3 || deref(created.InitializationTimeout) != 3 || deref(created.MemorySize) != 128 ||
		deref(created.InstanceType) != "e1" || deref(created.InstanceConcurrency) != 1 || deref(created.DiskSize) != 512 {
		t.Errorf("defaults not applied: %s", r.Body)
	}
	if deref(created.CodeChecksum) != codeChecksum(testZip) || deref(created.CodeSize) != int64(len(testZip)) {
		t.Errorf("code checksum/size = %q/%d", deref(created.CodeChecksum), deref(created.CodeSize))
	}

	r = do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != etag1 {
		t.Errorf("GetFunction ETag differs")
	}

	// Update without code keeps the code; the 2021 key InstanceConcurrency
	// and a numeric-string timeout (2016) are accepted; {} clears a map;
	// null is absent.
	r = do(t, s, http.MethodPut, "/2021-04-06/services/svc/functions/fn",
		`{"InstanceConcurrency":10,"instanceSoftConcurrency":5,"timeout":"60","environmentVariables":{},"description":null,"layers":["`+officialLayer("Python310", 3)+`"],"code":null}`,
		withIfMatch(etag1))
	expectOK(t, r)
	etag2 := r.Header.Get("ETag")
	if etag2 == etag1 {
		t.Errorf("ETag unchanged")
	}
	var updated fc.Function
	r.Decode(t, &updated)
	if deref(updated.InstanceConcurrency) != 10 || deref(updated.InstanceSoftConcurrency) != 5 || deref(updated.Timeout) != 60 {
		t.Errorf("update not applied: %s", r.Body)
	}
	if updated.EnvironmentVariables != nil {
		t.Errorf("environmentVariables not cleared: %v", updated.EnvironmentVariables)
	}
	if deref(updated.Description) != "d" {
		t.Errorf("description = %q, want kept", deref(updated.Description))
	}
	if len(updated.Layers) != 1 || updated.Layers[0] != officialLayer("Python310", 3) {
		t.Errorf("layers = %v", updated.Layers)
	}
	if deref(updated.CodeChecksum) != deref(created.CodeChecksum) {
		t.Errorf("code checksum changed without code")
	}

	// Update with new code changes checksum and size.
	newZip := makeZip(t, map[string]string{"index.py": "print(2)"})
	r = do(t, s, http.MethodPut, api+"/services/svc/functions/fn",
		map[string]any{"code": map[string]any{"zipFile": base64.StdEncoding.EncodeToString(newZip)}},
		withHeader("X-Fc-Code-Checksum", codeChecksum(newZip)))
	expectOK(t, r)
	r.Decode(t, &updated)
	if deref(updated.CodeChecksum) != codeChecksum(newZip) || deref(updated.CodeSize) != int64(len(newZip)) {
		t.Errorf("code not replaced: %s", r.Body)
	}
	if len(s.st.Blobs) != 1 {
		t.Errorf("%d code archives kept, want 1 (old one collected)", len(s.st.Blobs))
	}

	expectError(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil, withIfMatch(etag1)),
		http.StatusPreconditionFailed, "PreconditionFailed")
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil))
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil), http.StatusNotFound, "FunctionNotFound")
	expectError(t, do(t, s, http.MethodDelete, api+"/services/svc/functions/fn", nil), http.StatusNotFound, "FunctionNotFound")
	if len(s.st.Blobs) != 0 {
		t.Errorf("code archive kept after delete")
	}
}

func TestFunctionIfMatchLeavesStateUnchanged(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	etag := mustCreateFunction(t, s, "svc", validFunction("fn"))
	before := do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
	newZip := makeZip(t, map[string]string{"a": "b"})
	r := do(t, s, http.MethodPut, api+"/services/svc/functions/fn",
		map[string]any{"memorySize": 512, "code": map[string]any{"zipFile": base64.StdEncoding.EncodeToString(newZip)}},
		withIfMatch("0123456789abcdef0123456789abcdef"))
	expectError(t, r, http.StatusPreconditionFailed, "PreconditionFailed")
	after := do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
	if string(before.Body) != string(after.Body) || after.Header.Get("ETag") != etag {
		t.Fatalf("function changed after 412")
	}
	if len(s.st.Blobs) != 1 {
		t.Errorf("%d archives stored", len(s.st.Blobs))
	}
}

func TestFunctionNotFoundAndConflicts(t *testing.T) {
	s := newTestServer(t)
	expectError(t, do(t, s, http.MethodPost, api+"/services/nope/functions", validFunction("fn")),
		http.StatusNotFound, "ServiceNotFound")
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	expectError(t, do(t, s, http.MethodPost, api+"/services/svc/functions", validFunction("fn")),
		http.StatusConflict, "FunctionAlreadyExists")
	tests := []struct {
		method, path string
		status       int
		code         string
	}{
		{http.MethodGet, "/services/svc/functions/other", http.StatusNotFound, "FunctionNotFound"},
		{http.MethodPut, "/services/svc/functions/other", http.StatusNotFound, "FunctionNotFound"},
		{http.MethodGet, "/services/svc/functions/other/code", http.StatusNotFound, "FunctionNotFound"},
		{http.MethodGet, "/services/nope/functions/fn", http.StatusNotFound, "ServiceNotFound"},
		{http.MethodGet, "/services/nope/functions", http.StatusNotFound, "ServiceNotFound"},
		{http.MethodGet, "/services/svc.LATEST/functions/fn", http.StatusOK, ""},
		{http.MethodGet, "/services/svc.LATEST/functions", http.StatusOK, ""},
		{http.MethodGet, "/services/svc.LATEST/functions/fn/code", http.StatusOK, ""},
		{http.MethodGet, "/services/svc.2/functions/fn", http.StatusNotFound, "VersionNotFound"},
		{http.MethodGet, "/services/svc.prod/functions", http.StatusNotFound, "AliasNotFound"},
		{http.MethodGet, "/services/svc.prod/functions/fn/code", http.StatusNotFound, "AliasNotFound"},
		{http.MethodPut, "/services/svc.LATEST/functions/fn", http.StatusBadRequest, "PathNotSupported"},
		{http.MethodDelete, "/services/svc.LATEST/functions/fn", http.StatusBadRequest, "PathNotSupported"},
		{http.MethodPost, "/services/svc.LATEST/functions", http.StatusBadRequest, "PathNotSupported"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			var body any
			if tt.method == http.MethodPut || tt.method == http.MethodPost {
				body = map[string]any{}
			}
			r := do(t, s, tt.method, api+tt.path, body)
			if tt.code == "" {
				expectOK(t, r)
				return
			}
			expectError(t, r, tt.status, tt.code)
		})
	}
}

func TestFunctionPathSegmentsAreDecoded(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "my_svc", nil)
	mustCreateFunction(t, s, "my_svc", validFunction("my-fn"))
	// %5F is "_", %2D is "-".
	expectOK(t, do(t, s, http.MethodGet, api+"/services/my%5Fsvc/functions/my%2Dfn", nil))
}

func TestGetFunctionAccelerationInfo(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	body := validFunction("fn")
	body["runtime"] = "custom-container"
	delete(body, "code")
	body["customContainerConfig"] = map[string]any{"image": "img", "accelerationType": "Default",
		"accelerationInfo": map[string]any{"status": "Client"}}
	r := do(t, s, http.MethodPost, api+"/services/svc/functions", body)
	expectOK(t, r)
	var created fc.Function
	r.Decode(t, &created)
	if created.CustomContainerConfig == nil || created.CustomContainerConfig.AccelerationInfo != nil {
		t.Errorf("create answer customContainerConfig = %+v", created.CustomContainerConfig)
	}
	if created.CodeChecksum != nil {
		t.Errorf("codeChecksum without code")
	}
	var got fc.Function
	do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil).Decode(t, &got)
	if got.CustomContainerConfig == nil || got.CustomContainerConfig.AccelerationInfo == nil ||
		got.CustomContainerConfig.AccelerationInfo.Status != "Ready" {
		t.Errorf("GetFunction customContainerConfig = %+v", got.CustomContainerConfig)
	}
	// GetFunctionCode of a function without code package.
	var code fc.FunctionCode
	r = do(t, s, http.MethodGet, api+"/services/svc/functions/fn/code", nil)
	expectOK(t, r)
	r.Decode(t, &code)
	if code.URL != "" || code.Checksum != "" {
		t.Errorf("code = %+v", code)
	}
}

func TestListFunctionsPagination(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	for _, n := range []string{"f3", "f1", "g1", "f2"} {
		mustCreateFunction(t, s, "svc", validFunction(n))
	}
	var all []string
	token := ""
	for range 10 {
		q := "?limit=1&prefix=f"
		if token != "" {
			q += "&nextToken=" + token
		}
		r := do(t, s, http.MethodGet, api+"/services/svc/functions"+q, nil)
		expectOK(t, r)
		var l listFunctionsResponse
		r.Decode(t, &l)
		for _, f := range l.Functions {
			all = append(all, deref(f.FunctionName))
		}
		if token = l.NextToken; token == "" {
			break
		}
	}
	if !equalStrings(all, []string{"f1", "f2", "f3"}) {
		t.Fatalf("paged names = %v", all)
	}
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc/functions?limit=101", nil), http.StatusBadRequest, "InvalidArgument")
}
