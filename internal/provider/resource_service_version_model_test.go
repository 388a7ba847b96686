package provider

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestServiceVersionResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewServiceVersionResource())
	assertDescribed(t, "fc_service_version", s.Attributes)
	assertSchemaModelParity(t, "fc_service_version", s.Attributes, serviceVersionModel{})

	// A version is immutable: everything but skip_destroy replaces it.
	for _, name := range []string{"service_name", "description"} {
		a, ok := s.Attributes[name].(rschema.StringAttribute)
		if !ok || len(a.PlanModifiers) == 0 {
			t.Errorf("fc_service_version.%s has no RequiresReplace plan modifier", name)
		}
	}
	// skip_destroy defaults to false, so that an imported version (whose
	// state cannot know it) plans no change with skip_destroy = false or
	// unset.
	if sd, ok := s.Attributes["skip_destroy"].(rschema.BoolAttribute); !ok || !sd.IsOptional() || !sd.IsComputed() || sd.Default == nil {
		t.Error("fc_service_version.skip_destroy must be optional and computed with a default")
	} else {
		var resp defaults.BoolResponse
		sd.Default.DefaultBool(context.Background(), defaults.BoolRequest{}, &resp)
		if !resp.PlanValue.Equal(types.BoolValue(false)) {
			t.Errorf("fc_service_version.skip_destroy defaults to %v, want false", resp.PlanValue)
		}
	}
}

func TestServiceVersionsDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewServiceVersionsDataSource())
	assertDescribed(t, "data.fc_service_versions", s.Attributes)
	assertSchemaModelParity(t, "data.fc_service_versions", s.Attributes, serviceVersionsDataSourceModel{})
	elems := s.Attributes["versions"].(dschema.ListNestedAttribute).NestedObject.Attributes
	assertSchemaModelParity(t, "data.fc_service_versions.versions", elems, versionItemModel{})
	got := s.Attributes["versions"].GetType().(types.ListType).ElemType
	if want := (types.ObjectType{AttrTypes: versionItemAttrTypes}); !want.Equal(got) {
		t.Errorf("versionItemAttrTypes differ from the versions element type:\n got %v\nwant %v", got, want)
	}
}

func TestFlattenServiceVersion(t *testing.T) {
	api := &fc.Version{
		VersionID:        fc.Ptr("3"),
		Description:      fc.Ptr(""),
		CreatedTime:      fc.Ptr("2020-04-08T08:00:15Z"),
		LastModifiedTime: fc.Ptr("2020-04-08T08:00:15Z"),
	}
	tests := []struct {
		name            string
		prior           serviceVersionModel
		wantDescription types.String
		wantSkipDestroy types.Bool
	}{
		{
			name:            "plan without description",
			prior:           serviceVersionModel{ServiceName: types.StringValue("svc"), Description: types.StringNull(), SkipDestroy: types.BoolValue(false), VersionID: types.StringUnknown()},
			wantDescription: types.StringNull(),
			wantSkipDestroy: types.BoolValue(false),
		},
		{
			name:            "state written before skip_destroy had a default",
			prior:           serviceVersionModel{ServiceName: types.StringValue("svc"), Description: types.StringNull(), SkipDestroy: types.BoolNull(), VersionID: types.StringValue("3")},
			wantDescription: types.StringNull(),
			wantSkipDestroy: types.BoolValue(false),
		},
		{
			name:            "plan with empty description and skip_destroy",
			prior:           serviceVersionModel{ServiceName: types.StringValue("svc"), Description: types.StringValue(""), SkipDestroy: types.BoolValue(true), VersionID: types.StringUnknown()},
			wantDescription: types.StringValue(""),
			wantSkipDestroy: types.BoolValue(true),
		},
		{
			name:            "import: only the IDs are known",
			prior:           serviceVersionModel{ServiceName: types.StringValue("svc"), VersionID: types.StringValue("3")},
			wantDescription: types.StringNull(),
			wantSkipDestroy: types.BoolValue(false),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flattenServiceVersion(api, tt.prior)
			want := serviceVersionModel{
				CreatedTime:      types.StringValue("2020-04-08T08:00:15Z"),
				Description:      tt.wantDescription,
				ID:               types.StringValue("svc/3"),
				LastModifiedTime: types.StringValue("2020-04-08T08:00:15Z"),
				ServiceName:      types.StringValue("svc"),
				SkipDestroy:      tt.wantSkipDestroy,
				VersionID:        types.StringValue("3"),
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("flattenServiceVersion =\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestServiceVersionSortNewestFirst(t *testing.T) {
	vs := []fc.Version{{VersionID: fc.Ptr("2")}, {VersionID: fc.Ptr("10")}, {VersionID: fc.Ptr("x")}, {VersionID: fc.Ptr("9")}, {VersionID: fc.Ptr("1")}}
	sortVersionsNewestFirst(vs)
	var got []string
	for _, v := range vs {
		got = append(got, *v.VersionID)
	}
	if want := []string{"10", "9", "2", "1", "x"}; !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v (numeric, not lexical)", got, want)
	}
}

func TestAliasesHoldingVersion(t *testing.T) {
	aliases := []fc.Alias{
		{AliasName: fc.Ptr("prod"), VersionID: fc.Ptr("3")},
		{AliasName: fc.Ptr("canary"), VersionID: fc.Ptr("4"), AdditionalVersionWeight: map[string]float64{"3": 0.1}},
		{AliasName: fc.Ptr("staging"), VersionID: fc.Ptr("4"), AdditionalVersionWeight: map[string]float64{}},
		{AliasName: fc.Ptr("old"), VersionID: fc.Ptr("13")}, // "3" is not a prefix match
		{AliasName: fc.Ptr("blue"), VersionID: fc.Ptr("3"), AdditionalVersionWeight: map[string]float64{"4": 0.5}},
	}
	tests := []struct {
		version string
		want    []aliasReference
		text    string
	}{
		{
			version: "3",
			want:    []aliasReference{{Alias: "blue"}, {Alias: "canary", Canary: true}, {Alias: "prod"}},
			text:    `alias "blue" (its version_id), alias "canary" (a key of its additional_version_weight) and alias "prod" (its version_id)`,
		},
		{
			version: "4",
			want:    []aliasReference{{Alias: "blue", Canary: true}, {Alias: "canary"}, {Alias: "staging"}},
			text:    `alias "blue" (a key of its additional_version_weight), alias "canary" (its version_id) and alias "staging" (its version_id)`,
		},
		{version: "13", want: []aliasReference{{Alias: "old"}}, text: `alias "old" (its version_id)`},
		{version: "1", want: nil, text: ""},
	}
	for _, tt := range tests {
		t.Run("version "+tt.version, func(t *testing.T) {
			got := aliasesHoldingVersion(aliases, tt.version)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("aliasesHoldingVersion = %+v, want %+v", got, tt.want)
			}
			if text := describeAliasReferences(got); text != tt.text {
				t.Errorf("describeAliasReferences = %q, want %q", text, tt.text)
			}
		})
	}
	if got := aliasesHoldingVersion(nil, "1"); got != nil {
		t.Errorf("no aliases: got %+v", got)
	}
}

func TestServiceVersionDeleteRefused(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{&fc.APIError{StatusCode: 400, Code: "VersionInUse"}, true},
		{&fc.APIError{StatusCode: 409, Code: "Conflict"}, true},
		{&fc.APIError{StatusCode: 404, Code: "VersionNotFound"}, false},
		{&fc.APIError{StatusCode: 412, Code: "PreconditionFailed"}, false},
		{&fc.APIError{StatusCode: 429, Code: "TooManyRequests"}, false},
		{&fc.APIError{StatusCode: 500, Code: "InternalServerError"}, false},
		{context.DeadlineExceeded, false},
	}
	for _, tt := range tests {
		if got := versionDeleteRefused(tt.err); got != tt.want {
			t.Errorf("versionDeleteRefused(%v) = %t, want %t", tt.err, got, tt.want)
		}
	}
}

func TestServiceVersionImportState_invalidID(t *testing.T) {
	for _, id := range []string{"svc", "svc/", "/1", "svc/1/x", "svc/v1", "svc/01", "svc/0"} {
		var resp resource.ImportStateResponse
		NewServiceVersionResource().(resource.ResourceWithImportState).ImportState(context.Background(), resource.ImportStateRequest{ID: id}, &resp)
		if !resp.Diagnostics.HasError() {
			t.Errorf("import ID %q: no error", id)
			continue
		}
		if d := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(d, "expected SERVICE/VERSION") {
			t.Errorf("import ID %q: detail %q does not name the format", id, d)
		}
	}
}

// versionItemAttrTypes are the attribute types an fc_service_versions item
// must have, written out independently of the schema.
var versionItemAttrTypes = map[string]attr.Type{
	"created_time":       types.StringType,
	"description":        types.StringType,
	"last_modified_time": types.StringType,
	"version_id":         types.StringType,
}
