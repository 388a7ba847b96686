package provider

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestLayerVersionResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewLayerVersionResource())
	assertDescribed(t, "fc_layer_version", s.Attributes)
	assertSchemaModelParity(t, "fc_layer_version", s.Attributes, layerVersionModel{})
	assertSchemaModelParity(t, "fc_layer_version.code", s.Attributes["code"].(rschema.SingleNestedAttribute).Attributes, codeModel{})

	// There is no update API: every argument FC holds replaces the version
	// (code through ModifyPlan, by its checksum).
	replaces := map[string]bool{}
	for name, a := range s.Attributes {
		switch a := a.(type) {
		case rschema.StringAttribute:
			replaces[name] = len(a.PlanModifiers) > 0 && hasRequiresReplace(a.PlanModifiers)
		case rschema.SetAttribute:
			replaces[name] = len(a.PlanModifiers) > 0
		}
	}
	for _, name := range []string{"layer_name", "description", "compatible_runtime"} {
		if !replaces[name] {
			t.Errorf("fc_layer_version.%s does not replace the version", name)
		}
	}
}

func hasRequiresReplace(mods []planmodifier.String) bool {
	for _, m := range mods {
		if strings.Contains(m.Description(context.Background()), "destroy and recreate") {
			return true
		}
	}
	return false
}

func TestLayerVersionDataSourcesSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewLayerVersionDataSource())
	assertDescribed(t, "data.fc_layer_version", s.Attributes)
	assertSchemaModelParity(t, "data.fc_layer_version", s.Attributes, layerVersionDataSourceModel{})

	list := dataSourceSchema(t, NewLayersDataSource())
	assertDescribed(t, "data.fc_layers", list.Attributes)
	assertSchemaModelParity(t, "data.fc_layers", list.Attributes, layersDataSourceModel{})
	item := list.Attributes["layers"].(dschema.ListNestedAttribute).NestedObject.Attributes
	assertSchemaModelParity(t, "data.fc_layers.layers", item, layerVersionAttributesModel{})
	assertSchemaModelParity(t, "layerVersionAttrTypes", layerVersionAttrTypes, layerVersionAttributesModel{})
	got := list.Attributes["layers"].GetType().(types.ListType).ElemType
	if want := (types.ObjectType{AttrTypes: layerVersionAttrTypes}); !want.Equal(got) {
		t.Errorf("layerVersionAttrTypes differ from the layers element type:\n got %v\nwant %v", got, want)
	}
}

func TestExpandFlattenLayerVersion(t *testing.T) {
	ctx := context.Background()
	plan := layerVersionModel{layerVersionAttributesModel: layerVersionAttributesModel{
		CompatibleRuntime: types.SetValueMust(types.StringType, []attr.Value{types.StringValue("python3.9"), types.StringValue("nodejs18")}),
		Description:       types.StringValue(""),
		LayerName:         types.StringValue("libs"),
		Version:           types.Int64Unknown(),
	}, SkipDestroy: types.BoolValue(true)}
	in, diags := expandLayerVersion(ctx, &plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if in.Description == nil || *in.Description != "" || strings.Join(in.CompatibleRuntime, ",") != "nodejs18,python3.9" || in.Code != nil {
		t.Errorf("expand: %+v", in)
	}
	plan.Description = types.StringNull()
	if in, _ := expandLayerVersion(ctx, &plan); in.Description != nil {
		t.Errorf("a null description is sent: %q", *in.Description)
	}

	api := &fc.Layer{
		LayerName: fc.Ptr("libs"), Version: fc.Ptr(int64(3)), CodeChecksum: fc.Ptr("42"), CodeSize: fc.Ptr(int64(7)),
		CreateTime: fc.Ptr("2020-11-11T11:08:00Z"), ACL: fc.Ptr(int64(0)), ARN: fc.Ptr("h#libs#3"),
		CompatibleRuntime: []string{"python3.9", "nodejs18", "python3.9"},
	}
	plan.Description = types.StringValue("")
	st := layerVersionState(api, &plan)
	if st.ID.ValueString() != "libs/3" || st.Version.ValueInt64() != 3 || st.ARN.ValueString() != "h#libs#3" ||
		!st.ARNV2.IsNull() || st.ACL.ValueInt64() != 0 || st.CodeSize.ValueInt64() != 7 || !st.SkipDestroy.ValueBool() {
		t.Errorf("state %+v", st)
	}
	if got := st.Description; !got.Equal(types.StringValue("")) {
		t.Errorf("description %s, want the planned \"\" kept", got)
	}
	if n := len(st.CompatibleRuntime.Elements()); n != 2 {
		t.Errorf("compatible_runtime %s, want 2 runtimes", st.CompatibleRuntime)
	}
	// Imported: skip_destroy unknown to the state is false; an empty
	// description is null without a "" prior.
	imported := layerVersionState(api, &layerVersionModel{layerVersionAttributesModel: layerVersionAttributesModel{
		LayerName: types.StringValue("libs"), Version: types.Int64Value(3), Description: types.StringNull(),
	}})
	if !imported.SkipDestroy.Equal(types.BoolValue(false)) || !imported.Description.IsNull() {
		t.Errorf("imported %+v", imported)
	}
}

// ---------------------------------------------------------------------------
// publishLayer: the branches of a publish whose answer may be lost.

type layerPublishEnv struct {
	em     *emulator.Server
	client *fc.Client
	clock  time.Time
}

func newLayerPublishEnv(t *testing.T) *layerPublishEnv {
	t.Helper()
	env := &layerPublishEnv{clock: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}
	em, err := emulator.New(emulator.Options{AccountID: "1234567890123456", Region: "cn-hangzhou",
		AccessKeyID: "k", AccessKeySecret: "s", Strict: true, Now: func() time.Time { return env.clock }})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	client, err := fc.New(fc.Config{Endpoint: srv.URL, AccountID: "1234567890123456", Region: "cn-hangzhou",
		AccessKeyID: "k", AccessKeySecret: "s", MaxRetries: 0, Now: func() time.Time { return env.clock }})
	if err != nil {
		t.Fatal(err)
	}
	env.em, env.client = em, client
	return env
}

func (e *layerPublishEnv) input(description string) *fc.PublishLayerVersionInput {
	return &fc.PublishLayerVersionInput{
		Code:              &fc.Code{ZipFile: testLayerZipBase64},
		CompatibleRuntime: []string{"python3.10"},
		Description:       fc.Ptr(description),
	}
}

// publishDirectly publishes a version outside the code under test.
func (e *layerPublishEnv) publishDirectly(t *testing.T, description string) {
	t.Helper()
	if _, _, err := e.client.PublishLayerVersion(context.Background(), "libs", e.input(description)); err != nil {
		t.Fatal(err)
	}
}

func (e *layerPublishEnv) run(description string) (*fc.Layer, error) {
	in := e.input(description)
	out, _, err := publishLayer(context.Background(), layerVersionPublish(e.client, "libs", in, testLayerChecksum, func() time.Time { return e.clock }))
	return out, err
}

// testLayerZipBase64 is an empty zip archive; testLayerChecksum its checksum.
const testLayerZipBase64 = "UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA=="

var testLayerChecksum = func() string {
	b, _ := base64.StdEncoding.DecodeString(testLayerZipBase64)
	return codepkg.Checksum(b)
}()

func TestPublishLayer_branches(t *testing.T) {
	t.Run("published", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		out, err := e.run("d")
		if err != nil || int64OrZero(out.Version) != 1 {
			t.Fatalf("publish: %+v, %v", out, err)
		}
		if n := e.em.Counts()["ListLayerVersions"]; n != 0 {
			t.Errorf("a publish that succeeded listed versions %d times", n)
		}
	})
	t.Run("refused", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		in := e.input("d")
		in.CompatibleRuntime = nil // the emulator refuses it: 400, not ambiguous
		_, _, err := publishLayer(context.Background(), layerVersionPublish(e.client, "libs", in, testLayerChecksum, func() time.Time { return e.clock }))
		var apiErr *fc.APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 || errors.Is(err, errPublishUnknown) {
			t.Fatalf("publish: %v, want the API's 400", err)
		}
		if n := e.em.Counts()["ListLayerVersions"]; n != 0 {
			t.Errorf("a refused publish listed versions %d times", n)
		}
	})
	t.Run("answer lost, version adopted", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		e.publishDirectly(t, "older, other description")
		faultOnce(t, e.em, "PublishLayerVersion", emulator.FaultLostResponse)
		out, err := e.run("d")
		if err != nil {
			t.Fatalf("publish: %v", err)
		}
		if int64OrZero(out.Version) != 2 || stringOrEmpty(out.Description) != "d" {
			t.Fatalf("adopted %+v, want version 2", out)
		}
		if n := e.em.Counts()["PublishLayerVersion"]; n != 2 { // the direct one and the lost one
			t.Errorf("PublishLayerVersion processed %d times, want 2 (no resend)", n)
		}
	})
	t.Run("not processed, nothing adopted, no resend", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		faultOnce(t, e.em, "PublishLayerVersion", emulator.FaultUnavailable)
		_, err := e.run("d")
		if !errors.Is(err, errPublishUnknown) {
			t.Fatalf("publish: %v, want errPublishUnknown", err)
		}
		_ = e.em.SetFaults(emulator.FaultConfig{})
		if vs, err := e.client.ListLayers(context.Background(), fc.ListOptions{}); err != nil || len(vs) != 0 {
			t.Errorf("layers after a refused publish: %+v, %v", vs, err)
		}
	})
	t.Run("a matching version from before the attempt is not adopted", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		e.publishDirectly(t, "d")
		e.clock = e.clock.Add(publishClockSkew + 2*time.Second)
		faultOnce(t, e.em, "PublishLayerVersion", emulator.FaultUnavailable)
		if _, err := e.run("d"); !errors.Is(err, errPublishUnknown) {
			t.Fatalf("publish: %v, want errPublishUnknown", err)
		}
	})
	t.Run("a version with another checksum or runtime is not adopted", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		other := e.input("d")
		other.CompatibleRuntime = []string{"python3.9"}
		if _, _, err := e.client.PublishLayerVersion(context.Background(), "libs", other); err != nil {
			t.Fatal(err)
		}
		faultOnce(t, e.em, "PublishLayerVersion", emulator.FaultUnavailable)
		if _, err := e.run("d"); !errors.Is(err, errPublishUnknown) {
			t.Fatalf("publish: %v, want errPublishUnknown (runtime differs)", err)
		}
		p := layerVersionPublish(e.client, "libs", e.input("d"), "12345", func() time.Time { return e.clock })
		if _, _, err := publishLayer(context.Background(), p); !errors.Is(err, errPublishUnknown) {
			t.Fatalf("publish: %v, want errPublishUnknown (checksum differs)", err)
		}
	})
	t.Run("several match: none is adopted", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		e.publishDirectly(t, "d")
		e.publishDirectly(t, "d")
		faultOnce(t, e.em, "PublishLayerVersion", emulator.FaultUnavailable)
		out, err := e.run("d")
		if !errors.Is(err, errCreatedDifferently) || out != nil || !strings.Contains(err.Error(), "versions 1, 2") {
			t.Fatalf("publish: %+v, %v; want errCreatedDifferently naming versions 1, 2", out, err)
		}
	})
	t.Run("the list fails too", func(t *testing.T) {
		e := newLayerPublishEnv(t)
		if err := e.em.SetFaults(emulator.FaultConfig{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultUnavailable}, Seed: 1,
			Operations: []string{"PublishLayerVersion", "ListLayerVersions"}}); err != nil {
			t.Fatal(err)
		}
		_, err := e.run("d")
		if err == nil || errors.Is(err, errPublishUnknown) || !strings.Contains(err.Error(), "listing the layer's versions") {
			t.Fatalf("publish: %v, want both failures", err)
		}
	})
}

// layerVersionAttrTypes are the attribute types of an fc_layers item.
var layerVersionAttrTypes = map[string]attr.Type{
	"acl":                types.Int64Type,
	"arn":                types.StringType,
	"arn_v2":             types.StringType,
	"code_checksum":      types.StringType,
	"code_size":          types.Int64Type,
	"compatible_runtime": types.SetType{ElemType: types.StringType},
	"create_time":        types.StringType,
	"description":        types.StringType,
	"layer_name":         types.StringType,
	"version":            types.Int64Type,
}
