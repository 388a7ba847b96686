package emulator

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var svcARN = fc.ServiceARN(DefaultRegion, DefaultAccountID, "svc")

func getTags(t *testing.T, s http.Handler, arn string) map[string]string {
	t.Helper()
	r := do(t, s, http.MethodGet, api+"/tag?resourceArn="+url.QueryEscape(arn), nil)
	expectOK(t, r)
	var out fc.ResourceTags
	r.Decode(t, &out)
	if out.ResourceArn != arn || out.Tags == nil {
		t.Fatalf("GetResourceTags answer %s", r.Body)
	}
	return out.Tags
}

func TestTags_Lifecycle(t *testing.T) {
	s := newTestServer(t)
	etag := mustCreateService(t, s, "svc", nil)
	if got := getTags(t, s, svcARN); len(got) != 0 {
		t.Fatalf("a new service has tags %v", got)
	}

	r := do(t, s, http.MethodPost, api+"/tag", map[string]any{"resourceArn": svcARN, "tags": map[string]string{"a": "1", "b": "2", "c": ""}})
	expectOK(t, r)
	if len(r.Body) != 0 {
		t.Errorf("TagResource answered a body: %s", r.Body)
	}
	// Tagging again adds and changes, keeping the others.
	expectOK(t, do(t, s, http.MethodPost, "/2021-04-06/tag", map[string]any{"resourceArn": svcARN, "tags": map[string]string{"b": "3", "d": "4"}}))
	if got, want := getTags(t, s, svcARN), map[string]string{"a": "1", "b": "3", "c": "", "d": "4"}; !maps.Equal(got, want) {
		t.Fatalf("tags %v, want %v", got, want)
	}
	// The short ARN of the document's example reads the same tags.
	if got := getTags(t, s, "services/svc"); len(got) != 4 {
		t.Errorf("short ARN: %v", got)
	}

	// UntagResource as the 2021 SDK's PUT and as the document's DELETE;
	// unknown keys are ignored.
	expectOK(t, do(t, s, http.MethodPut, "/2021-04-06/tag", map[string]any{"resourceArn": svcARN, "tagKeys": []string{"a", "zz"}, "all": false}))
	expectOK(t, do(t, s, http.MethodDelete, api+"/tag", map[string]any{"resourceArn": svcARN, "tagKeys": []string{"c"}}))
	if got, want := getTags(t, s, svcARN), map[string]string{"b": "3", "d": "4"}; !maps.Equal(got, want) {
		t.Fatalf("after untag: %v, want %v", got, want)
	}
	expectOK(t, do(t, s, http.MethodPut, api+"/tag", map[string]any{"resourceArn": svcARN, "tagKeys": []string{}, "all": true}))
	if got := getTags(t, s, svcARN); len(got) != 0 {
		t.Fatalf("after untag all: %v", got)
	}

	// Tags do not change the service's ETag.
	if r := do(t, s, http.MethodGet, api+"/services/svc", nil); r.Header.Get("ETag") != etag {
		t.Errorf("tagging changed the service's ETag")
	}

	// Tags go with the service.
	expectOK(t, do(t, s, http.MethodPost, api+"/tag", map[string]any{"resourceArn": svcARN, "tags": map[string]string{"a": "1"}}))
	expectOK(t, do(t, s, http.MethodDelete, api+"/services/svc", nil))
	mustCreateService(t, s, "svc", nil)
	if got := getTags(t, s, svcARN); len(got) != 0 {
		t.Errorf("a service created again has the old one's tags %v", got)
	}
}

func TestTags_Refused(t *testing.T) {
	s := newTestServer(t)
	mustCreateService(t, s, "svc", nil)
	cases := []struct {
		name, method string
		body         any
		status       int
		code, msg    string
	}{
		{"no ARN", http.MethodPost, map[string]any{"tags": map[string]string{"a": "1"}}, http.StatusBadRequest, "InvalidArgument", "resourceArn is required"},
		{"no tags", http.MethodPost, map[string]any{"resourceArn": svcARN, "tags": map[string]string{}}, http.StatusBadRequest, "InvalidArgument", "at least one tag"},
		{"empty key", http.MethodPost, map[string]any{"resourceArn": svcARN, "tags": map[string]string{"": "x"}}, http.StatusBadRequest, "InvalidArgument", "must not be empty"},
		{"a function", http.MethodPost, map[string]any{"resourceArn": svcARN + "/functions/f", "tags": map[string]string{"a": "1"}}, http.StatusBadRequest, "InvalidArgument", "only services"},
		{"another account", http.MethodPost, map[string]any{"resourceArn": fc.ServiceARN(DefaultRegion, "999", "svc"), "tags": map[string]string{"a": "1"}}, http.StatusBadRequest, "InvalidArgument", "outside account"},
		{"not FC", http.MethodPost, map[string]any{"resourceArn": "acs:oss:cn-hangzhou:1:bucket", "tags": map[string]string{"a": "1"}}, http.StatusBadRequest, "InvalidArgument", "not an FC resource ARN"},
		{"missing service", http.MethodPost, map[string]any{"resourceArn": fc.ServiceARN(DefaultRegion, DefaultAccountID, "nope"), "tags": map[string]string{"a": "1"}}, http.StatusNotFound, "ServiceNotFound", "nope"},
		{"untag without keys", http.MethodPut, map[string]any{"resourceArn": svcARN, "tagKeys": []string{}}, http.StatusBadRequest, "InvalidArgument", "tagKeys is required"},
		{"untag a missing service", http.MethodPut, map[string]any{"resourceArn": "services/nope", "all": true}, http.StatusNotFound, "ServiceNotFound", "nope"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, s, tc.method, api+"/tag", tc.body)
			expectError(t, r, tc.status, tc.code)
			if !strings.Contains(r.ErrorMessage(), tc.msg) {
				t.Errorf("message %q, want it to contain %q", r.ErrorMessage(), tc.msg)
			}
		})
	}
	expectError(t, do(t, s, http.MethodGet, api+"/tag", nil), http.StatusBadRequest, "InvalidArgument")
	expectError(t, do(t, s, http.MethodGet, api+"/tag?resourceArn=services/nope", nil), http.StatusNotFound, "ServiceNotFound")
	if got := getTags(t, s, svcARN); len(got) != 0 {
		t.Errorf("refused requests stored tags %v", got)
	}
}

func TestTags_StrictAndPersisted(t *testing.T) {
	path := t.TempDir() + "/state.json"
	s := newTestServer(t, withStrict, func(o *Options) { o.StatePath = path })
	mustCreateService(t, s, "svc", nil)
	r := do(t, s, http.MethodPost, api+"/tag", map[string]any{"resourceArn": svcARN, "tags": map[string]string{"a": "1"}, "tag": "x"})
	expectError(t, r, http.StatusBadRequest, "InvalidArgument")
	if r.ErrorMessage() != `unknown field "tag" in body` {
		t.Errorf("message %q", r.ErrorMessage())
	}
	expectOK(t, do(t, s, http.MethodPost, api+"/tag", map[string]any{"resourceArn": svcARN, "tags": map[string]string{"a": "1"}}))
	r = do(t, s, http.MethodPut, api+"/tag", map[string]any{"resourceArn": svcARN, "tagKey": []string{"a"}})
	if r.ErrorMessage() != `unknown field "tagKey" in body` {
		t.Errorf("message %q", r.ErrorMessage())
	}
	s = newTestServer(t, func(o *Options) { o.StatePath = path })
	if got := getTags(t, s, svcARN); !maps.Equal(got, map[string]string{"a": "1"}) {
		t.Errorf("tags after a restart: %v", got)
	}
}

// TestClientRoundTripLayersAndTags drives layers and tags through this
// repository's client (2021-04-06 paths, "Code", PUT /tag).
func TestClientRoundTripLayersAndTags(t *testing.T) {
	s := newTestServer(t, withStrict)
	ts := httptest.NewServer(s)
	defer ts.Close()
	client, err := fc.New(fc.Config{
		Endpoint: ts.URL, AccountID: DefaultAccountID, Region: DefaultRegion,
		AccessKeyID: testKeyID, AccessKeySecret: testKeySecret,
		Now: func() time.Time { return testNow },
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	l, etag, err := client.PublishLayerVersion(ctx, "lyr", &fc.PublishLayerVersionInput{
		Code: &fc.Code{ZipFile: testZipBase64}, CompatibleRuntime: []string{"python3.10"}, Description: fc.Ptr("d"),
	})
	if err != nil {
		t.Fatalf("PublishLayerVersion: %v", err)
	}
	if etag == "" || deref(l.Version) != 1 || deref(l.CodeChecksum) != codeChecksum(testZip) || deref(l.ARN) == "" {
		t.Errorf("PublishLayerVersion: %+v", l)
	}
	if _, _, err := client.PublishLayerVersion(ctx, "lyr", &fc.PublishLayerVersionInput{
		Code: &fc.Code{ZipFile: testZipBase64}, CompatibleRuntime: []string{"python3.10"},
	}); err != nil {
		t.Fatalf("PublishLayerVersion: %v", err)
	}
	got, getETag, err := client.GetLayerVersion(ctx, "lyr", 1)
	if err != nil || getETag != etag || deref(got.Description) != "d" {
		t.Errorf("GetLayerVersion: %+v %q %v", got, getETag, err)
	}
	versions, err := client.ListLayerVersions(ctx, "lyr", fc.LayerVersionListOptions{Limit: 1})
	if err != nil || len(versions) != 2 {
		t.Errorf("ListLayerVersions: %d versions, %v", len(versions), err)
	}
	layers, err := client.ListLayers(ctx, fc.ListOptions{Prefix: "ly"})
	if err != nil || len(layers) != 1 || deref(layers[0].Version) != 2 {
		t.Errorf("ListLayers: %+v, %v", layers, err)
	}
	if err := client.DeleteLayerVersion(ctx, "lyr", 1); err != nil {
		t.Fatalf("DeleteLayerVersion: %v", err)
	}
	if _, _, err := client.GetLayerVersion(ctx, "lyr", 1); !fc.IsNotFound(err) {
		t.Errorf("GetLayerVersion after delete: %v", err)
	}

	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	if err := client.TagResource(ctx, svcARN, map[string]string{"a": "1", "b": "2"}); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	if err := client.UntagResource(ctx, svcARN, []string{"a"}, false); err != nil {
		t.Fatalf("UntagResource: %v", err)
	}
	tags, err := client.GetResourceTags(ctx, svcARN)
	if err != nil || !maps.Equal(tags, map[string]string{"b": "2"}) {
		t.Errorf("GetResourceTags: %v, %v", tags, err)
	}
	if err := client.UntagResource(ctx, svcARN, nil, true); err != nil {
		t.Fatalf("UntagResource all: %v", err)
	}
	if tags, err := client.GetResourceTags(ctx, svcARN); err != nil || len(tags) != 0 {
		t.Errorf("GetResourceTags after untag all: %v, %v", tags, err)
	}
}
