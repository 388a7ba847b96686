package provider

import (
	"maps"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func tagMap(kv ...string) types.Map {
	elems := map[string]attr.Value{}
	for i := 0; i+1 < len(kv); i += 2 {
		elems[kv[i]] = types.StringValue(kv[i+1])
	}
	return types.MapValueMust(types.StringType, elems)
}

func TestMergeTags(t *testing.T) {
	defaults := map[string]string{"env": "test", "team": "a"}
	got, ok := mergeTags(defaults, tagMap("team", "b", "own", "1"))
	if want := map[string]string{"env": "test", "team": "b", "own": "1"}; !ok || !maps.Equal(got, want) {
		t.Errorf("merge = %v, %v; want %v", got, ok, want)
	}
	if defaults["team"] != "a" {
		t.Error("mergeTags changed the defaults")
	}
	if got, ok := mergeTags(nil, types.MapNull(types.StringType)); !ok || got == nil || len(got) != 0 {
		t.Errorf("no tags, no defaults = %#v, %v; want an empty map", got, ok)
	}
	if _, ok := mergeTags(defaults, types.MapUnknown(types.StringType)); ok {
		t.Error("unknown tags merged")
	}
	partly := types.MapValueMust(types.StringType, map[string]attr.Value{"a": types.StringUnknown()})
	if _, ok := mergeTags(defaults, partly); ok {
		t.Error("a tag with an unknown value merged")
	}
}

func TestDiffTags(t *testing.T) {
	for _, tc := range []struct {
		name      string
		old, want map[string]string
		diff      tagChanges
	}{
		{"same", map[string]string{"a": "1"}, map[string]string{"a": "1"}, tagChanges{}},
		{"none", nil, map[string]string{}, tagChanges{}},
		{"added and changed", map[string]string{"a": "1", "b": "2"}, map[string]string{"a": "1", "b": "3", "c": ""},
			tagChanges{set: map[string]string{"b": "3", "c": ""}}},
		{"one removed", map[string]string{"a": "1", "b": "2"}, map[string]string{"a": "1"}, tagChanges{remove: []string{"b"}}},
		{"all removed", map[string]string{"b": "2", "a": "1"}, map[string]string{}, tagChanges{remove: []string{"a", "b"}, all: true}},
		{"replaced", map[string]string{"a": "1"}, map[string]string{"b": "1"}, tagChanges{set: map[string]string{"b": "1"}, remove: []string{"a"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := diffTags(tc.old, tc.want); !reflect.DeepEqual(got, tc.diff) {
				t.Errorf("diffTags = %+v, want %+v", got, tc.diff)
			}
		})
	}
}

func TestFlattenTags(t *testing.T) {
	defaults := map[string]string{"env": "test", "team": "a"}
	for _, tc := range []struct {
		name        string
		remote      map[string]string
		defaults    map[string]string
		prior       types.Map
		tags        types.Map
		wantTagsAll types.Map
	}{
		{"no tags", map[string]string{}, nil, types.MapNull(types.StringType), types.MapNull(types.StringType), tagMap()},
		{"{} kept", map[string]string{}, nil, tagMap(), tagMap(), tagMap()},
		{"own tags", map[string]string{"a": "1"}, nil, types.MapNull(types.StringType), tagMap("a", "1"), tagMap("a", "1")},
		{"defaults left out", map[string]string{"env": "test", "team": "a", "own": "1"}, defaults, tagMap("own", "1"),
			tagMap("own", "1"), tagMap("env", "test", "team", "a", "own", "1")},
		{"a default overridden is the resource's", map[string]string{"env": "test", "team": "b"}, defaults, tagMap("team", "b"),
			tagMap("team", "b"), tagMap("env", "test", "team", "b")},
		{"a default also set by the resource is kept", map[string]string{"env": "test", "team": "a"}, defaults, tagMap("env", "test"),
			tagMap("env", "test"), tagMap("env", "test", "team", "a")},
		{"a default changed outside shows in tags", map[string]string{"env": "prod", "team": "a"}, defaults, types.MapNull(types.StringType),
			tagMap("env", "prod"), tagMap("env", "prod", "team", "a")},
		{"a tag added outside shows", map[string]string{"a": "1", "x": "y"}, nil, tagMap("a", "1"),
			tagMap("a", "1", "x", "y"), tagMap("a", "1", "x", "y")},
		{"only defaults, after import", map[string]string{"env": "test"}, defaults, types.MapNull(types.StringType),
			types.MapNull(types.StringType), tagMap("env", "test")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tags, tagsAll := flattenTags(tc.remote, tc.defaults, tc.prior)
			if !tags.Equal(tc.tags) || !tagsAll.Equal(tc.wantTagsAll) {
				t.Errorf("tags %s, tags_all %s; want %s, %s", tags, tagsAll, tc.tags, tc.wantTagsAll)
			}
		})
	}
}

func TestReadsTags(t *testing.T) {
	none, empty := types.MapNull(types.StringType), tagMap()
	meta := &providerMeta{}
	withDefaults := &providerMeta{DefaultTags: map[string]string{"env": "test"}}
	for _, tc := range []struct {
		name          string
		meta          *providerMeta
		tags, tagsAll types.Map
		want          bool
	}{
		{"no tags: one request per refresh", meta, none, empty, false},
		{"tags = {}", meta, empty, empty, false},
		{"tags", meta, tagMap("a", "1"), tagMap("a", "1"), true},
		{"tags removed, not yet applied", meta, none, tagMap("a", "1"), true},
		{"default tags", withDefaults, none, tagMap("env", "test"), true},
		{"import or a state from before tags", meta, none, none, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := readsTags(tc.meta, tc.tags, tc.tagsAll); got != tc.want {
				t.Errorf("readsTags = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestServiceTagARN(t *testing.T) {
	if got := serviceTagARN(&providerMeta{AccountID: "123", Region: "cn-shanghai"}, "svc"); got != "acs:fc:cn-shanghai:123:services/svc" {
		t.Errorf("ARN %q", got)
	}
	// An endpoint given without an account ID: the short form.
	if got := serviceTagARN(&providerMeta{Region: "cn-shanghai"}, "svc"); got != "services/svc" {
		t.Errorf("ARN without account %q", got)
	}
}

func TestConfigure_defaultTags(t *testing.T) {
	isolateEnv(t)
	mapType := tftypes.Map{ElementType: tftypes.String}
	res := configure(t, map[string]tftypes.Value{
		"access_key": str("ak"), "secret_key": str("sk"), "endpoint": str("http://127.0.0.1:9"),
		"default_tags": tftypes.NewValue(mapType, map[string]tftypes.Value{"env": str("test"), "empty": str("")}),
	})
	requireOK(t, res)
	meta := res.resp.ResourceData.(*providerMeta)
	if want := map[string]string{"env": "test", "empty": ""}; !maps.Equal(meta.DefaultTags, want) {
		t.Errorf("DefaultTags = %v, want %v", meta.DefaultTags, want)
	}
	partly := configure(t, map[string]tftypes.Value{
		"access_key": str("ak"), "secret_key": str("sk"), "endpoint": str("http://127.0.0.1:9"),
		"default_tags": tftypes.NewValue(mapType, map[string]tftypes.Value{"env": unknown(tftypes.String)}),
	})
	errorAt(t, partly.resp.Diagnostics, "default_tags")
}
