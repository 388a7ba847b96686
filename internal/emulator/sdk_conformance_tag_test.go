package emulator

import (
	"maps"
	"net/http"
	"testing"

	sdk "github.com/aliyun/fc-go-sdk"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// TestSDKConformance_Tags drives the tag operations with the official
// 2016-08-15 SDK, whose UnTagResource is the document's DELETE /tag with a
// JSON body (the 2021-04-06 SDK sends PUT).
func TestSDKConformance_Tags(t *testing.T) {
	s, client := startSDKEmulator(t)
	if _, err := client.CreateService(sdk.NewCreateServiceInput().WithServiceName("sdk_svc")); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	arn := fc.ServiceARN(DefaultRegion, DefaultAccountID, "sdk_svc")

	if _, err := client.TagResource(sdk.NewTagResourceInput(arn, map[string]string{"env": "test", "team": "a", "x": "1"})); err != nil {
		t.Fatalf("TagResource: %v", err)
	}
	got, err := client.GetResourceTags(sdk.NewGetResourceTagsInput(arn))
	if err != nil {
		t.Fatalf("GetResourceTags: %v", err)
	}
	if deref(got.ResourceArn) != arn || !maps.Equal(got.Tags, map[string]string{"env": "test", "team": "a", "x": "1"}) || got.GetRequestID() == "" {
		t.Errorf("GetResourceTags: %s", got)
	}

	// The SDK sends "all": null when it is not set.
	if _, err := client.UnTagResource(sdk.NewUnTagResourceInput(arn).WithTagKeys([]string{"team"})); err != nil {
		t.Fatalf("UnTagResource: %v", err)
	}
	if got, err := client.GetResourceTags(sdk.NewGetResourceTagsInput(arn)); err != nil || !maps.Equal(got.Tags, map[string]string{"env": "test", "x": "1"}) {
		t.Errorf("after UnTagResource: %v, %v", got, err)
	}
	if _, err := client.UnTagResource(sdk.NewUnTagResourceInput(arn).WithAll(true)); err != nil {
		t.Fatalf("UnTagResource all: %v", err)
	}
	if got, err := client.GetResourceTags(sdk.NewGetResourceTagsInput(arn)); err != nil || len(got.Tags) != 0 {
		t.Errorf("after UnTagResource all: %v, %v", got, err)
	}

	_, err = client.TagResource(sdk.NewTagResourceInput(fc.ServiceARN(DefaultRegion, DefaultAccountID, "missing"), map[string]string{"a": "1"}))
	expectSDKError(t, err, http.StatusNotFound, "ServiceNotFound")
	_, err = client.GetResourceTags(sdk.NewGetResourceTagsInput("acs:fc:cn-hangzhou:1:functions/f"))
	expectSDKError(t, err, http.StatusBadRequest, "InvalidArgument")

	counts := s.Counts()
	for _, op := range []string{"TagResource", "UntagResource", "GetResourceTags"} {
		if counts[op] == 0 {
			t.Errorf("operation %s not counted: %v", op, counts)
		}
	}
}
