package emulator

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	sdk "github.com/aliyun/fc-go-sdk"
)

// startSDKEmulator serves a fresh emulator on 127.0.0.1 and returns it with
// a client of Alibaba's official Go SDK for the 2016-08-15 API.
func startSDKEmulator(t *testing.T) (*Server, *sdk.Client) {
	t.Helper()
	s, err := New(Options{AccessKeyID: "sdk-key", AccessKeySecret: "sdk-secret"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(s)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	client, err := sdk.NewClient(ts.URL, "2016-08-15", "sdk-key", "sdk-secret")
	if err != nil {
		t.Fatal(err)
	}
	return s, client
}

// TestSDKConformance_Layers drives the layer operations with the official
// 2016-08-15 SDK: its PublishLayerVersion sends "code" (and "layerName")
// where the 2021-04-06 SDK sends "Code". GetLayerVersionByArn (a path the
// documents do not describe) is not served.
func TestSDKConformance_Layers(t *testing.T) {
	s, client := startSDKEmulator(t)
	zipBytes := makeZip(t, map[string]string{"python/lib.py": "X = 1\n"})

	v1, err := client.PublishLayerVersion(sdk.NewPublishLayerVersionInput().
		WithLayerName("sdk_layer").
		WithDescription("first").
		WithCompatibleRuntime([]string{"python3", "python3.9"}).
		WithCode(sdk.NewCode().WithZipFile(zipBytes)))
	if err != nil {
		t.Fatalf("PublishLayerVersion: %v", err)
	}
	if v1.GetEtag() == "" || v1.GetRequestID() == "" || v1.Version != 1 || v1.LayerName != "sdk_layer" ||
		v1.Description != "first" || v1.CodeChecksum != codeChecksum(zipBytes) || v1.CodeSize != int64(len(zipBytes)) ||
		v1.Arn != s.layerARN("sdk_layer", 1) || len(v1.CompatibleRuntime) != 2 || v1.CreateTime == "" ||
		v1.Code.Location == nil || *v1.Code.Location == "" {
		t.Errorf("PublishLayerVersion: %+v (ETag %q)", v1.Layer, v1.GetEtag())
	}
	v2, err := client.PublishLayerVersion(sdk.NewPublishLayerVersionInput().
		WithLayerName("sdk_layer").
		WithCompatibleRuntime([]string{"python3"}).
		WithCode(sdk.NewCode().WithOSSBucketName("bucket").WithOSSObjectName("layer.zip")))
	if err != nil {
		t.Fatalf("PublishLayerVersion (OSS): %v", err)
	}
	if v2.Version != 2 || v2.CodeChecksum != codeChecksum(ossArchive("bucket", "layer.zip")) {
		t.Errorf("PublishLayerVersion (OSS): %+v", v2.Layer)
	}

	got, err := client.GetLayerVersion(sdk.NewGetLayerVersionInput("sdk_layer", 1))
	if err != nil {
		t.Fatalf("GetLayerVersion: %v", err)
	}
	if got.GetEtag() != v1.GetEtag() || got.Description != "first" || got.Arn != v1.Arn || got.ACL != 0 {
		t.Errorf("GetLayerVersion: %s", got)
	}
	_, err = client.GetLayerVersion(sdk.NewGetLayerVersionInput("sdk_layer", 9))
	expectSDKError(t, err, http.StatusNotFound, "LayerVersionNotFound")

	versions, err := client.ListLayerVersions(sdk.NewListLayerVersionsInput("sdk_layer", 1).WithLimit(1))
	if err != nil {
		t.Fatalf("ListLayerVersions: %v", err)
	}
	if len(versions.Layers) != 1 || versions.Layers[0].Version != 1 || versions.NextVersion == nil || *versions.NextVersion != 2 {
		t.Errorf("ListLayerVersions: %s", versions)
	}
	layers, err := client.ListLayers(sdk.NewListLayersInput().WithPrefix("sdk_").WithLimit(10))
	if err != nil {
		t.Fatalf("ListLayers: %v", err)
	}
	if len(layers.Layers) != 1 || layers.Layers[0].Version != 2 || layers.NextToken != nil {
		t.Errorf("ListLayers: %s", layers)
	}

	// A function takes the layer's ARN.
	if _, err := client.CreateService(sdk.NewCreateServiceInput().WithServiceName("sdk_svc")); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	fn, err := client.CreateFunction(sdk.NewCreateFunctionInput("sdk_svc").
		WithFunctionName("sdk_fn").WithRuntime("python3").WithHandler("index.handler").
		WithLayers([]string{v1.Arn}).
		WithCode(sdk.NewCode().WithZipFile(makeZip(t, map[string]string{"index.py": "def handler(e, c):\n    return 'ok'\n"}))))
	if err != nil {
		t.Fatalf("CreateFunction with a layer: %v", err)
	}
	if len(fn.Layers) != 1 || fn.Layers[0] != v1.Arn {
		t.Errorf("CreateFunction layers: %v", fn.Layers)
	}
	_, err = client.CreateFunction(sdk.NewCreateFunctionInput("sdk_svc").
		WithFunctionName("sdk_fn2").WithRuntime("python3").WithHandler("index.handler").
		WithLayers([]string{s.layerARN("sdk_layer", 7)}).
		WithCode(sdk.NewCode().WithZipFile(zipBytes)))
	expectSDKError(t, err, http.StatusNotFound, "LayerVersionNotFound")

	if _, err := client.DeleteLayerVersion(sdk.NewDeleteLayerVersionInput("sdk_layer", 1)); err != nil {
		t.Fatalf("DeleteLayerVersion: %v", err)
	}
	_, err = client.DeleteLayerVersion(sdk.NewDeleteLayerVersionInput("sdk_layer", 1))
	expectSDKError(t, err, http.StatusNotFound, "LayerVersionNotFound")

	counts := s.Counts()
	for _, op := range []string{"PublishLayerVersion", "GetLayerVersion", "ListLayerVersions", "ListLayers", "DeleteLayerVersion"} {
		if counts[op] == 0 {
			t.Errorf("operation %s not counted: %v", op, counts)
		}
	}
}
