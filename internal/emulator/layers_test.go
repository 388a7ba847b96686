package emulator

import (
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// officialLayer is the ARN of a layer FC publishes itself.
func officialLayer(name string, version int) string {
	return "acs:fc:cn-hangzhou:official:layers/" + name + "/versions/" + strconv.Itoa(version)
}

// validLayer returns a valid PublishLayerVersion body.
func validLayer(extra map[string]any) map[string]any {
	body := map[string]any{
		"compatibleRuntime": []string{"python3.10", "python3.9"},
		"code":              map[string]any{"zipFile": testZipBase64},
	}
	for k, v := range extra {
		body[k] = v
	}
	return body
}

// mustPublishLayer publishes a version of a layer and returns it.
func mustPublishLayer(t *testing.T, s http.Handler, name string, extra map[string]any) fc.Layer {
	t.Helper()
	r := do(t, s, http.MethodPost, api+"/layers/"+name+"/versions", validLayer(extra))
	if r.Status != http.StatusOK {
		t.Fatalf("PublishLayerVersion %s: %d %s", name, r.Status, r.Body)
	}
	var l fc.Layer
	r.Decode(t, &l)
	return l
}

func TestLayerVersions_PublishGetDelete(t *testing.T) {
	s := newTestServer(t)
	r := do(t, s, http.MethodPost, api+"/layers/lyr/versions", validLayer(map[string]any{"description": "first"}))
	expectOK(t, r)
	var v1 fc.Layer
	r.Decode(t, &v1)
	etag := r.Header.Get("ETag")
	hexOwner := s.layerOwnerHex()
	if deref(v1.Version) != 1 || deref(v1.LayerName) != "lyr" || deref(v1.Description) != "first" ||
		deref(v1.CodeChecksum) != codeChecksum(testZip) || deref(v1.CodeSize) != int64(len(testZip)) ||
		deref(v1.CreateTime) != "2024-05-01T12:00:00Z" || v1.ACL == nil || deref(v1.ACL) != 0 ||
		deref(v1.ARN) != hexOwner+"#lyr#1" ||
		deref(v1.ARNV2) != "acs:fc:cn-hangzhou:"+DefaultAccountID+":layers/lyr/versions/1" ||
		strings.Join(v1.CompatibleRuntime, ",") != "python3.10,python3.9" || !etagRE.MatchString(etag) {
		t.Fatalf("publish answer %s (ETag %q)", r.Body, etag)
	}
	if v1.Code == nil || v1.Code.RepositoryType != "OSS" || !strings.Contains(v1.Code.Location, "/_emulator/code/") {
		t.Fatalf("code location %+v", v1.Code)
	}

	// Get answers the same version and ETag; the location serves the archive.
	r = do(t, s, http.MethodGet, "/2021-04-06/layers/lyr/versions/1", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != etag {
		t.Errorf("GetLayerVersion ETag %q, want the publish's %q", r.Header.Get("ETag"), etag)
	}
	loc, err := url.Parse(v1.Code.Location)
	if err != nil {
		t.Fatal(err)
	}
	code := do(t, s, http.MethodGet, loc.Path, nil, unsigned())
	if code.Status != http.StatusOK || string(code.Body) != string(testZip) {
		t.Errorf("code download: %d, %d bytes", code.Status, len(code.Body))
	}

	// The 2021-04-06 SDK's "Code" is accepted too; the version number goes up.
	r = do(t, s, http.MethodPost, "/2021-04-06/layers/lyr/versions", map[string]any{
		"Code": map[string]any{"zipFile": testZipBase64}, "compatibleRuntime": []string{"nodejs18"},
	})
	expectOK(t, r)
	var v2 fc.Layer
	r.Decode(t, &v2)
	if deref(v2.Version) != 2 || v2.Description != nil {
		t.Errorf("second publish %s", r.Body)
	}

	// Deleting the newest version does not give its number out again.
	expectOK(t, do(t, s, http.MethodDelete, api+"/layers/lyr/versions/2", nil))
	expectError(t, do(t, s, http.MethodGet, api+"/layers/lyr/versions/2", nil), http.StatusNotFound, "LayerVersionNotFound")
	expectError(t, do(t, s, http.MethodDelete, api+"/layers/lyr/versions/2", nil), http.StatusNotFound, "LayerVersionNotFound")
	if v3 := mustPublishLayer(t, s, "lyr", nil); deref(v3.Version) != 3 {
		t.Errorf("publish after deleting version 2 made version %d, want 3", deref(v3.Version))
	}
	// Nor after every version is gone.
	expectOK(t, do(t, s, http.MethodDelete, api+"/layers/lyr/versions/1", nil))
	expectOK(t, do(t, s, http.MethodDelete, api+"/layers/lyr/versions/03", nil))
	expectError(t, do(t, s, http.MethodGet, api+"/layers/lyr/versions", nil), http.StatusNotFound, "LayerNotFound")
	if v4 := mustPublishLayer(t, s, "lyr", nil); deref(v4.Version) != 4 {
		t.Errorf("publish after deleting every version made version %d, want 4", deref(v4.Version))
	}
	expectError(t, do(t, s, http.MethodGet, api+"/layers/other/versions/1", nil), http.StatusNotFound, "LayerNotFound")
	expectError(t, do(t, s, http.MethodGet, api+"/layers/lyr/versions/x", nil), http.StatusNotFound, "LayerVersionNotFound")
}

// The version counter and the versions survive a restart.
func TestLayerVersions_Persisted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }
	s := newTestServer(t, withState)
	mustPublishLayer(t, s, "lyr", nil)
	mustPublishLayer(t, s, "lyr", nil)
	expectOK(t, do(t, s, http.MethodDelete, api+"/layers/lyr/versions/2", nil))

	s = newTestServer(t, withState)
	expectOK(t, do(t, s, http.MethodGet, api+"/layers/lyr/versions/1", nil))
	if v := mustPublishLayer(t, s, "lyr", nil); deref(v.Version) != 3 {
		t.Errorf("publish after a restart made version %d, want 3", deref(v.Version))
	}
}

func TestLayerVersions_Validation(t *testing.T) {
	s := newTestServer(t)
	cases := []struct {
		name, layer string
		body        any
		message     string
	}{
		{"name starts with a digit", "1lyr", validLayer(nil), "layerName '1lyr' is invalid"},
		{"name too long", strings.Repeat("a", 65), validLayer(nil), "is invalid"},
		{"description too long", "lyr", validLayer(map[string]any{"description": strings.Repeat("d", 257)}), "description must be at most 256 characters"},
		{"no runtime", "lyr", validLayer(map[string]any{"compatibleRuntime": []string{}}), "compatibleRuntime is required"},
		{"empty runtime", "lyr", validLayer(map[string]any{"compatibleRuntime": []string{""}}), "compatibleRuntime[0] is empty"},
		{"runtime twice", "lyr", validLayer(map[string]any{"compatibleRuntime": []string{"go1", "go1"}}), "lists 'go1' twice"},
		{"no code", "lyr", map[string]any{"compatibleRuntime": []string{"go1"}}, "code is required"},
		{"two sources", "lyr", validLayer(map[string]any{"code": map[string]any{"zipFile": testZipBase64, "ossBucketName": "b", "ossObjectName": "o"}}), "not both"},
		{"not a zip", "lyr", validLayer(map[string]any{"code": map[string]any{"zipFile": "aGVsbG8="}}), "not a valid zip archive"},
		{"wrong type", "lyr", validLayer(map[string]any{"description": 3}), "description"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, s, http.MethodPost, api+"/layers/"+tc.layer+"/versions", tc.body)
			expectError(t, r, http.StatusBadRequest, "InvalidArgument")
			if !strings.Contains(r.ErrorMessage(), tc.message) {
				t.Errorf("message %q, want it to contain %q", r.ErrorMessage(), tc.message)
			}
		})
	}
	// A checksum header that does not match the package is refused.
	r := do(t, s, http.MethodPost, api+"/layers/lyr/versions", validLayer(nil), withHeader("X-Fc-Code-Checksum", "1"))
	expectError(t, r, http.StatusBadRequest, "InvalidArgument")
	// Nothing was stored.
	r = do(t, s, http.MethodGet, api+"/layers", nil)
	expectOK(t, r)
	if string(r.Body) != `{"layers":[]}` {
		t.Errorf("refused publishes stored layers: %s", r.Body)
	}
}

func TestLayerVersions_Lists(t *testing.T) {
	s := newTestServer(t)
	for range 5 {
		mustPublishLayer(t, s, "a-lyr", nil)
	}
	mustPublishLayer(t, s, "b-lyr", map[string]any{"description": "b1"})
	mustPublishLayer(t, s, "b-lyr", map[string]any{"description": "b2"})
	mustPublishLayer(t, s, "empty", nil)
	expectOK(t, do(t, s, http.MethodDelete, api+"/layers/empty/versions/1", nil))

	// Versions ascending from startVersion, paged by limit.
	var page listLayerVersionsResponse
	r := do(t, s, http.MethodGet, api+"/layers/a-lyr/versions?startVersion=2&limit=2", nil)
	expectOK(t, r)
	r.Decode(t, &page)
	if len(page.Layers) != 2 || deref(page.Layers[0].Version) != 2 || deref(page.Layers[1].Version) != 3 ||
		page.NextVersion == nil || *page.NextVersion != 4 {
		t.Fatalf("first page %s", r.Body)
	}
	r = do(t, s, http.MethodGet, api+"/layers/a-lyr/versions?startVersion=4&limit=2", nil)
	expectOK(t, r)
	page = listLayerVersionsResponse{}
	r.Decode(t, &page)
	if len(page.Layers) != 2 || page.NextVersion != nil {
		t.Fatalf("last page %s", r.Body)
	}
	for _, q := range []string{"startVersion=0", "startVersion=x", "limit=101"} {
		expectError(t, do(t, s, http.MethodGet, api+"/layers/a-lyr/versions?"+q, nil), http.StatusBadRequest, "InvalidArgument")
	}

	// Layers by name, each as its newest version; a layer without versions
	// is not listed; the emulator has no official layers.
	var layers listLayersResponse
	r = do(t, s, http.MethodGet, "/2021-04-06/layers?limit=1", nil)
	expectOK(t, r)
	r.Decode(t, &layers)
	if len(layers.Layers) != 1 || deref(layers.Layers[0].LayerName) != "a-lyr" || deref(layers.Layers[0].Version) != 5 || layers.NextToken != "b-lyr" {
		t.Fatalf("ListLayers first page %s", r.Body)
	}
	layers = listLayersResponse{}
	r = do(t, s, http.MethodGet, "/2021-04-06/layers?nextToken=b-lyr", nil)
	expectOK(t, r)
	r.Decode(t, &layers)
	if len(layers.Layers) != 1 || deref(layers.Layers[0].Description) != "b2" || layers.NextToken != "" {
		t.Fatalf("ListLayers second page %s", r.Body)
	}
	layers = listLayersResponse{}
	r = do(t, s, http.MethodGet, api+"/layers?prefix=b", nil)
	expectOK(t, r)
	r.Decode(t, &layers)
	if len(layers.Layers) != 1 || deref(layers.Layers[0].LayerName) != "b-lyr" {
		t.Fatalf("ListLayers prefix %s", r.Body)
	}
	r = do(t, s, http.MethodGet, api+"/layers?official=true", nil)
	expectOK(t, r)
	if got := string(r.Body); got != `{"layers":[]}` {
		t.Errorf("official layers %s", got)
	}
}

// A function's layers must name layer versions that exist; official layers
// are taken unchecked. layersArnV2 answers the acs: form of each.
func TestFunctionLayers(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	l1 := mustPublishLayer(t, s, "lyr", nil)
	l2 := mustPublishLayer(t, s, "lyr", nil)

	fn := validFunction("fn")
	fn["layers"] = []string{deref(l1.ARN), deref(l2.ARNV2), officialLayer("Python310", 2)}
	r := do(t, s, http.MethodPost, api+"/services/svc/functions", fn)
	expectOK(t, r)
	var created fc.Function
	r.Decode(t, &created)
	wantV2 := []string{deref(l1.ARNV2), deref(l2.ARNV2), officialLayer("Python310", 2)}
	if strings.Join(created.Layers, ",") != strings.Join(fn["layers"].([]string), ",") ||
		strings.Join(created.LayersArnV2, ",") != strings.Join(wantV2, ",") {
		t.Fatalf("layers %v, layersArnV2 %v", created.Layers, created.LayersArnV2)
	}

	refused := []struct {
		name, layer string
		status      int
		code        string
	}{
		{"missing version", s.layerOwnerHex() + "#lyr#9", http.StatusNotFound, "LayerVersionNotFound"},
		{"missing layer", "acs:fc:cn-hangzhou:" + DefaultAccountID + ":layers/nope/versions/1", http.StatusNotFound, "LayerVersionNotFound"},
		{"another account", "acs:fc:cn-hangzhou:999:layers/lyr/versions/1", http.StatusNotFound, "LayerVersionNotFound"},
		{"another account's hex", strings.Repeat("0", 32) + "#lyr#1", http.StatusNotFound, "LayerVersionNotFound"},
		{"another region", "acs:fc:cn-beijing:" + DefaultAccountID + ":layers/lyr/versions/1", http.StatusNotFound, "LayerVersionNotFound"},
		{"a plain name", "lyr", http.StatusBadRequest, "InvalidArgument"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			body := validFunction("fn2")
			body["layers"] = []string{officialLayer("Python310", 2), tc.layer}
			r := do(t, s, http.MethodPost, api+"/services/svc/functions", body)
			expectError(t, r, tc.status, tc.code)
			if !strings.Contains(r.ErrorMessage(), "layers[1]") {
				t.Errorf("message %q does not name layers[1]", r.ErrorMessage())
			}
			expectError(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"layers": []string{tc.layer}}), tc.status, tc.code)
		})
	}
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc/functions/fn2", nil), http.StatusNotFound, "FunctionNotFound")

	// A version deleted after it was set stays on the function: updates
	// that leave layers alone succeed, one that sets it again fails.
	expectOK(t, do(t, s, http.MethodDelete, api+"/layers/lyr/versions/1", nil))
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"description": "d"}))
	expectError(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"layers": []string{deref(l1.ARN)}}), http.StatusNotFound, "LayerVersionNotFound")
	// Clearing the layers clears layersArnV2.
	r = do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"layers": []string{}})
	expectOK(t, r)
	var cleared fc.Function
	r.Decode(t, &cleared)
	if cleared.Layers != nil || cleared.LayersArnV2 != nil {
		t.Errorf("after clearing: layers %v, layersArnV2 %v", cleared.Layers, cleared.LayersArnV2)
	}
}

func TestLayerVersions_Strict(t *testing.T) {
	s := newTestServer(t, withStrict)
	expectOK(t, do(t, s, http.MethodPost, api+"/layers/lyr/versions", validLayer(map[string]any{"description": "d"})))
	expectOK(t, do(t, s, http.MethodPost, api+"/layers/lyr/versions", map[string]any{
		"Code": map[string]any{"zipFile": testZipBase64}, "compatibleRuntime": []string{"go1"}}))
	r := do(t, s, http.MethodPost, api+"/layers/lyr/versions", validLayer(map[string]any{"compatibleRuntimes": []string{"go1"}}))
	expectError(t, r, http.StatusBadRequest, "InvalidArgument")
	if r.ErrorMessage() != `unknown field "compatibleRuntimes" in body` {
		t.Errorf("message %q", r.ErrorMessage())
	}
	r = do(t, s, http.MethodPost, api+"/layers/lyr/versions", validLayer(map[string]any{"code": map[string]any{"zipfile": testZipBase64}}))
	if r.ErrorMessage() != `unknown field "code.zipfile" in body` {
		t.Errorf("message %q", r.ErrorMessage())
	}
}
