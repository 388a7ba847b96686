package fc

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// The SDK's CreateLayerVersion answer spells the size "codesize"; Get and
// List answers spell it "codeSize". Both decode into CodeSize.
func TestPublishLayerVersion_AnswerSpellings(t *testing.T) {
	for _, body := range []string{
		`{"layerName":"l","version":3,"codesize":421,"codeChecksum":"7","arn":"h#l#3"}`,
		`{"layerName":"l","version":3,"codeSize":421,"codeChecksum":"7","arn":"h#l#3"}`,
	} {
		rec := newRecorder(t, answer{status: http.StatusOK, header: map[string]string{"ETag": "e1"}, body: body})
		c := newTestClient(t, rec)
		got, etag, err := c.PublishLayerVersion(context.Background(), "l", &PublishLayerVersionInput{Code: &Code{ZipFile: "UEsDBA=="}})
		if err != nil {
			t.Fatalf("PublishLayerVersion: %v", err)
		}
		if etag != "e1" || got.CodeSize == nil || *got.CodeSize != 421 || *got.Version != 3 || *got.ARN != "h#l#3" {
			t.Errorf("answer %s decoded as %+v, ETag %q", body, got, etag)
		}
		reqs := rec.requests()
		var sent map[string]json.RawMessage
		if err := json.Unmarshal(reqs[0].Body, &sent); err != nil {
			t.Fatal(err)
		}
		if _, ok := sent["Code"]; !ok || len(sent) != 1 {
			t.Errorf("body %s: want only the SDK's \"Code\" member", reqs[0].Body)
		}
	}
}

// ListLayerVersions follows nextVersion and stops on the last page (and on
// a cursor that does not move forward).
func TestListLayerVersions_FollowsNextVersion(t *testing.T) {
	rec := newRecorder(t,
		answer{status: http.StatusOK, body: `{"layers":[{"version":2},{"version":3}],"nextVersion":5}`},
		answer{status: http.StatusOK, body: `{"layers":[{"version":5}],"nextVersion":5}`},
	)
	c := newTestClient(t, rec)
	got, err := c.ListLayerVersions(context.Background(), "l", LayerVersionListOptions{StartVersion: 2, Limit: 2})
	if err != nil {
		t.Fatalf("ListLayerVersions: %v", err)
	}
	var versions []int64
	for _, l := range got {
		versions = append(versions, *l.Version)
	}
	if !reflect.DeepEqual(versions, []int64{2, 3, 5}) {
		t.Errorf("versions %v, want [2 3 5]", versions)
	}
	reqs := rec.requests()
	if len(reqs) != 2 || reqs[0].Query["startVersion"][0] != "2" || reqs[1].Query["startVersion"][0] != "5" || reqs[1].Query["limit"][0] != "2" {
		t.Errorf("requests %+v", reqs)
	}
}

// With no start version the list starts at 1, as the SDK requires one.
func TestListLayerVersions_DefaultStart(t *testing.T) {
	rec := newRecorder(t, answer{status: http.StatusOK, body: `{"layers":[]}`})
	c := newTestClient(t, rec)
	if _, err := c.ListLayerVersions(context.Background(), "l", LayerVersionListOptions{}); err != nil {
		t.Fatal(err)
	}
	if q := rec.requests()[0].Query; !reflect.DeepEqual(q, map[string][]string{"startVersion": {"1"}}) {
		t.Errorf("query %v, want startVersion=1 only", q)
	}
}

func TestTags_Bodies(t *testing.T) {
	arn := ServiceARN("cn-hangzhou", "123", "svc")
	if arn != "acs:fc:cn-hangzhou:123:services/svc" {
		t.Fatalf("ServiceARN = %q", arn)
	}
	rec := newRecorder(t, answer{status: http.StatusOK, body: `{"resourceArn":"x"}`})
	c := newTestClient(t, rec)
	ctx := context.Background()
	if err := c.UntagResource(ctx, arn, nil, true); err != nil {
		t.Fatal(err)
	}
	if err := c.TagResource(ctx, arn, map[string]string{"a": ""}); err != nil {
		t.Fatal(err)
	}
	tags, err := c.GetResourceTags(ctx, arn)
	if err != nil {
		t.Fatal(err)
	}
	if tags == nil || len(tags) != 0 {
		t.Errorf("GetResourceTags without tags = %#v, want an empty map", tags)
	}
	reqs := rec.requests()
	if got, want := string(reqs[0].Body), `{"resourceArn":"acs:fc:cn-hangzhou:123:services/svc","tagKeys":[],"all":true}`; got != want {
		t.Errorf("UntagResource body %s, want %s", got, want)
	}
	if got, want := string(reqs[1].Body), `{"resourceArn":"acs:fc:cn-hangzhou:123:services/svc","tags":{"a":""}}`; got != want {
		t.Errorf("TagResource body %s, want %s", got, want)
	}
	if reqs[2].Query["resourceArn"][0] != arn {
		t.Errorf("GetResourceTags query %v", reqs[2].Query)
	}
}
