package provider

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	tfresource "github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// ---------------------------------------------------------------------------
// Schema / model parity.

// functionCodeAttrTypes are the attribute types of the code argument
// (the provider itself never builds a code object).
var functionCodeAttrTypes = map[string]attr.Type{
	"filename":        types.StringType,
	"oss_bucket_name": types.StringType,
	"oss_object_name": types.StringType,
	"source_dir":      types.StringType,
	"zip_file":        types.StringType,
}

// fnNestedModels maps each nested object attribute to its attribute types
// and model struct.
var fnNestedModels = map[string]struct {
	attrTypes map[string]attr.Type
	model     any
}{
	"custom_container_config":    {customContainerConfigAttrTypes, customContainerConfigModel{}},
	"custom_dns":                 {customDNSAttrTypes, customDNSModel{}},
	"custom_health_check_config": {customHealthCheckConfigAttrTypes, customHealthCheckConfigModel{}},
	"custom_runtime_config":      {customRuntimeConfigAttrTypes, customRuntimeConfigModel{}},
	"instance_lifecycle_config":  {instanceLifecycleConfigAttrTypes, instanceLifecycleConfigModel{}},
}

// fnCheckParity compares a schema's attributes with a model's tags, and every
// nested object's schema type with its attribute types and model.
func fnCheckParity(t *testing.T, what string, schemaType tftypes.Object, model any) {
	t.Helper()
	assertSchemaModelParity(t, what, schemaType.AttributeTypes, model)
	for name, n := range fnNestedModels {
		typ, ok := schemaType.AttributeTypes[name]
		if !ok {
			continue
		}
		want := types.ObjectType{AttrTypes: n.attrTypes}.TerraformType(context.Background())
		if !typ.Equal(want) {
			t.Errorf("%s.%s: schema type %s, attribute types %s", what, name, typ, want)
		}
		assertSchemaModelParity(t, what+"."+name, n.attrTypes, n.model)
	}
}

func TestFunctionSchemaModelParity(t *testing.T) {
	res := terraformObjectType(resourceSchema(t, NewFunctionResource()))
	fnCheckParity(t, "fc_function", res, functionResourceModel{})
	assertSchemaModelParity(t, "code", functionCodeAttrTypes, codeModel{})
	if !res.AttributeTypes["code"].Equal(types.ObjectType{AttrTypes: functionCodeAttrTypes}.TerraformType(context.Background())) {
		t.Errorf("code: schema type %s", res.AttributeTypes["code"])
	}
	assertSchemaModelParity(t, "dns_options", dnsOptionAttrTypes, dnsOptionModel{})
	assertSchemaModelParity(t, "lifecycle hook", lifecycleHookAttrTypes, lifecycleHookModel{})

	ds := terraformObjectType(dataSourceSchema(t, NewFunctionDataSource()))
	fnCheckParity(t, "data.fc_function", ds, functionDataSourceModel{})

	list := terraformObjectType(dataSourceSchema(t, NewFunctionsDataSource()))
	fnCheckParity(t, "data.fc_functions", list, functionsDataSourceModel{})
	item := list.AttributeTypes["functions"].(tftypes.List).ElementType.(tftypes.Object)
	fnCheckParity(t, "data.fc_functions.functions", item, functionAttributesModel{})

	// The data sources describe the same function as the resource.
	for name, typ := range item.AttributeTypes {
		if !typ.Equal(res.AttributeTypes[name]) {
			t.Errorf("functions[].%s has type %s, the resource's has %s", name, typ, res.AttributeTypes[name])
		}
	}
}

// ---------------------------------------------------------------------------
// Model helpers.

// fnNullModel returns a resource model whose attributes are all null (with
// their types), like the state of an import before Read.
func fnNullModel(t *testing.T) functionResourceModel {
	t.Helper()
	rs := resourceSchema(t, NewFunctionResource())
	typ := terraformObjectType(rs)
	st := tfsdk.State{Schema: rs, Raw: tftypes.NewValue(typ, nullAttributes(typ))}
	var m functionResourceModel
	if diags := st.Get(context.Background(), &m); diags.HasError() {
		t.Fatal(diags)
	}
	return m
}

func fnStrMap(kv ...string) types.Map {
	elems := map[string]attr.Value{}
	for i := 0; i+1 < len(kv); i += 2 {
		elems[kv[i]] = types.StringValue(kv[i+1])
	}
	return types.MapValueMust(types.StringType, elems)
}

func fnObjectOf(t *testing.T, attrTypes map[string]attr.Type, vals map[string]attr.Value) types.Object {
	t.Helper()
	full := map[string]attr.Value{}
	for k, at := range attrTypes {
		if v, ok := vals[k]; ok {
			full[k] = v
			continue
		}
		v, err := at.ValueFromTerraform(context.Background(), tftypes.NewValue(at.TerraformType(context.Background()), nil))
		if err != nil {
			t.Fatal(err)
		}
		full[k] = v
	}
	o, diags := types.ObjectValue(attrTypes, full)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return o
}

func fnCodeObject(t *testing.T, vals map[string]string) types.Object {
	t.Helper()
	m := map[string]attr.Value{}
	for k, v := range vals {
		m[k] = types.StringValue(v)
	}
	return fnObjectOf(t, functionCodeAttrTypes, m)
}

// ---------------------------------------------------------------------------
// Expand.

func TestExpandFunctionCreate_nullEmptyZero(t *testing.T) {
	ctx := context.Background()
	plan := fnNullModel(t)
	plan.Name = types.StringValue("fn")
	plan.Runtime = types.StringValue("python3.10")
	plan.Handler = types.StringValue("index.handler")
	// Unknown Optional+Computed values (FC fills them in) are not sent.
	plan.Timeout = types.Int64Unknown()
	plan.MemorySize = types.Int64Unknown()

	in, diags := expandFunctionCreate(ctx, &plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got, want := mustJSON(t, in), `{"functionName":"fn","runtime":"python3.10","handler":"index.handler"}`; got != want {
		t.Errorf("null arguments:\n got %s\nwant %s", got, want)
	}

	plan.Description = types.StringValue("")
	plan.Initializer = types.StringValue("")
	plan.GPUMemorySize = types.Int64Value(0)
	plan.EnvironmentVariables = fnStrMap()
	plan.Layers = stringList()
	plan.CustomContainerConfig = fnObjectOf(t, customContainerConfigAttrTypes, map[string]attr.Value{
		"image":           types.StringValue("img"),
		"command":         stringList("/code/server", "-x"),
		"args":            stringList(),
		"web_server_mode": types.BoolValue(false),
	})
	in, diags = expandFunctionCreate(ctx, &plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := `{"functionName":"fn","description":"","runtime":"python3.10","handler":"index.handler","initializer":"",` +
		`"gpuMemorySize":0,"environmentVariables":{},"layers":[],` +
		`"customContainerConfig":{"image":"img","command":"[\"/code/server\",\"-x\"]","args":"[]","webServerMode":false}}`
	if got := mustJSON(t, in); got != want {
		t.Errorf("empty and zero arguments:\n got %s\nwant %s", got, want)
	}
}

func TestExpandFunctionUpdate(t *testing.T) {
	ctx := context.Background()
	base := fnNullModel(t)
	base.ServiceName = types.StringValue("svc")
	base.Name = types.StringValue("fn")
	base.Runtime = types.StringValue("custom")
	base.Handler = types.StringValue("index.handler")
	base.Timeout = types.Int64Value(3)
	base.MemorySize = types.Int64Value(128)

	withAll := base
	withAll.Description = types.StringValue("d")
	withAll.Initializer = types.StringValue("i")
	withAll.EnvironmentVariables = fnStrMap("A", "1")
	withAll.Layers = stringList("l1")
	withAll.CustomDNS = fnObjectOf(t, customDNSAttrTypes, map[string]attr.Value{"name_servers": stringList("8.8.8.8")})
	withAll.CustomRuntimeConfig = fnObjectOf(t, customRuntimeConfigAttrTypes, map[string]attr.Value{"command": stringList("/b")})
	withAll.CustomHealthCheckConfig = fnObjectOf(t, customHealthCheckConfigAttrTypes, map[string]attr.Value{"http_get_url": types.StringValue("/r")})
	withAll.CustomContainerConfig = fnObjectOf(t, customContainerConfigAttrTypes, map[string]attr.Value{"image": types.StringValue("img")})
	withAll.InstanceLifecycleConfig = fnObjectOf(t, instanceLifecycleConfigAttrTypes, map[string]attr.Value{
		"pre_stop": fnObjectOf(t, lifecycleHookAttrTypes, map[string]attr.Value{"handler": types.StringValue("h"), "timeout": types.Int64Value(5)}),
	})

	cases := []struct {
		name        string
		state, plan func() functionResourceModel
		want        string
		wantChanged bool
	}{
		{
			name:  "no change sends nothing",
			state: func() functionResourceModel { return withAll },
			plan:  func() functionResourceModel { return withAll },
			want:  `{}`,
		},
		{
			name:  "changed values only",
			state: func() functionResourceModel { return withAll },
			plan: func() functionResourceModel {
				p := withAll
				p.MemorySize = types.Int64Value(512)
				p.EnvironmentVariables = fnStrMap("A", "2")
				return p
			},
			want:        `{"memorySize":512,"environmentVariables":{"A":"2"}}`,
			wantChanged: true,
		},
		{
			name:  "removed Optional arguments are cleared",
			state: func() functionResourceModel { return withAll },
			plan:  func() functionResourceModel { return base },
			want: `{"description":"","initializer":"","environmentVariables":{},"layers":[],` +
				`"customContainerConfig":{"image":""},` +
				`"customDNS":{"nameServers":null,"searches":null,"dnsOptions":null},` +
				`"customRuntimeConfig":{"command":null,"args":null},` +
				`"customHealthCheckConfig":{"httpGetUrl":"","initialDelaySeconds":0,"periodSeconds":0,"timeoutSeconds":0,"failureThreshold":0,"successThreshold":0},` +
				`"instanceLifecycleConfig":{}}`,
			wantChanged: true,
		},
		{
			name:  "set from null",
			state: func() functionResourceModel { return base },
			plan: func() functionResourceModel {
				p := base
				p.Description = types.StringValue("")
				p.Layers = stringList("a", "b")
				return p
			},
			want:        `{"description":"","layers":["a","b"]}`,
			wantChanged: true,
		},
		{
			name:  "unknown planned value counts as a change but is not sent",
			state: func() functionResourceModel { return base },
			plan: func() functionResourceModel {
				p := base
				p.Description = types.StringUnknown()
				return p
			},
			want:        `{}`,
			wantChanged: true,
		},
		{
			// cpu = 0.35 in the configuration is the exact decimal; FC
			// answers the float64 nearest to it. Terraform sees no change,
			// so neither may the provider (import blocks compare the two).
			name:  "configured decimal cpu equals the float64 FC reports",
			state: func() functionResourceModel { p := base; p.CPU = types.Float64Value(0.35); return p },
			plan:  func() functionResourceModel { p := base; p.CPU = fnDecimalFloat64(t, "0.35"); return p },
			want:  `{}`,
		},
		{
			name:        "a different cpu is sent",
			state:       func() functionResourceModel { p := base; p.CPU = types.Float64Value(0.35); return p },
			plan:        func() functionResourceModel { p := base; p.CPU = fnDecimalFloat64(t, "1.45"); return p },
			want:        `{"cpu":1.45}`,
			wantChanged: true,
		},
		{
			name:        "cpu set from null is sent",
			state:       func() functionResourceModel { return base },
			plan:        func() functionResourceModel { p := base; p.CPU = fnDecimalFloat64(t, "0.35"); return p },
			want:        `{"cpu":0.35}`,
			wantChanged: true,
		},
		{
			name:  "code and computed attributes are not part of the configuration diff",
			state: func() functionResourceModel { return base },
			plan: func() functionResourceModel {
				p := base
				p.Code = fnCodeObject(t, map[string]string{"source_dir": "/src"})
				p.CodeChecksum = types.StringValue("123")
				p.LastModifiedTime = types.StringUnknown()
				return p
			},
			want: `{}`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			state, plan := c.state(), c.plan()
			in, changed, diags := expandFunctionUpdate(ctx, &plan, &state)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got := mustJSON(t, in); got != c.want {
				t.Errorf("body:\n got %s\nwant %s", got, c.want)
			}
			if changed != c.wantChanged {
				t.Errorf("changed = %v, want %v", changed, c.wantChanged)
			}
		})
	}
}

// fnDecimalFloat64 is a Float64 as the framework decodes a number written
// in a configuration: an arbitrary-precision decimal, not a float64.
func fnDecimalFloat64(t *testing.T, decimal string) types.Float64 {
	t.Helper()
	f, _, err := big.ParseFloat(decimal, 10, 512, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	v, err := types.Float64Type.ValueFromTerraform(context.Background(), tftypes.NewValue(tftypes.Number, f))
	if err != nil {
		t.Fatal(err)
	}
	d, ok := v.(types.Float64)
	if !ok {
		t.Fatalf("got %T", v)
	}
	if d.Equal(types.Float64Value(d.ValueFloat64())) {
		t.Fatalf("%s: the decimal equals its float64; the test would not tell them apart", decimal)
	}
	return d
}

// ---------------------------------------------------------------------------
// Flatten.

func TestFunctionFlattenLeaves(t *testing.T) {
	empty := ""
	x := "x"
	strCases := []struct {
		name  string
		v     *string
		prior types.String
		want  types.String
	}{
		{"absent, prior null", nil, types.StringNull(), types.StringNull()},
		{"empty, prior null", &empty, types.StringNull(), types.StringNull()},
		{"absent, prior empty", nil, types.StringValue(""), types.StringValue("")},
		{"empty, prior empty", &empty, types.StringValue(""), types.StringValue("")},
		{"empty, prior set", &empty, types.StringValue("old"), types.StringNull()},
		{"set", &x, types.StringNull(), types.StringValue("x")},
		{"empty, prior unknown", &empty, types.StringUnknown(), types.StringNull()},
	}
	for _, c := range strCases {
		if got := flattenOptionalString(c.v, c.prior); !got.Equal(c.want) {
			t.Errorf("flattenOptionalString %s: got %s, want %s", c.name, got, c.want)
		}
	}

	mapCases := []struct {
		name  string
		v     map[string]string
		prior types.Map
		want  types.Map
	}{
		{"absent, prior null", nil, types.MapNull(types.StringType), types.MapNull(types.StringType)},
		{"absent, prior empty", nil, fnStrMap(), fnStrMap()},
		{"empty, prior empty", map[string]string{}, fnStrMap(), fnStrMap()},
		{"absent, prior set", nil, fnStrMap("A", "1"), types.MapNull(types.StringType)},
		{"set", map[string]string{"A": "1"}, types.MapNull(types.StringType), fnStrMap("A", "1")},
	}
	for _, c := range mapCases {
		if got := flattenStringMap(c.v, c.prior); !got.Equal(c.want) {
			t.Errorf("flattenStringMap %s: got %s, want %s", c.name, got, c.want)
		}
	}

	listCases := []struct {
		name  string
		v     []string
		prior types.List
		want  types.List
	}{
		{"absent, prior null", nil, types.ListNull(types.StringType), types.ListNull(types.StringType)},
		{"absent, prior empty", nil, stringList(), stringList()},
		{"absent, prior set", nil, stringList("a"), types.ListNull(types.StringType)},
		{"set keeps order", []string{"b", "a"}, types.ListNull(types.StringType), stringList("b", "a")},
	}
	for _, c := range listCases {
		if got := flattenStringList(c.v, c.prior); !got.Equal(c.want) {
			t.Errorf("flattenStringList %s: got %s, want %s", c.name, got, c.want)
		}
	}

	intCases := []struct {
		v     int64
		prior types.Int64
		want  types.Int64
	}{
		{0, types.Int64Null(), types.Int64Null()},
		{0, types.Int64Value(0), types.Int64Value(0)},
		{0, types.Int64Value(3), types.Int64Null()},
		{7, types.Int64Null(), types.Int64Value(7)},
	}
	for _, c := range intCases {
		if got := flattenOptionalInt64Value(c.v, c.prior); !got.Equal(c.want) {
			t.Errorf("flattenOptionalInt64Value(%d, %s) = %s, want %s", c.v, c.prior, got, c.want)
		}
	}

	if got := flattenInt64(fc.Ptr(int64(0))); !got.Equal(types.Int64Value(0)) {
		t.Errorf("flattenInt64(0) = %s, want 0 (an explicit zero is a value)", got)
	}
	if got := flattenInstanceType(fc.Ptr("fc.gpu.tesla.1"), types.StringValue("g1")); !got.Equal(types.StringValue("g1")) {
		t.Errorf("flattenInstanceType keeps the configured alias: got %s", got)
	}
	if got := flattenInstanceType(fc.Ptr("c1"), types.StringValue("g1")); !got.Equal(types.StringValue("c1")) {
		t.Errorf("flattenInstanceType of another type: got %s", got)
	}
}

func TestFunctionFlattenNestedObjects(t *testing.T) {
	ctx := context.Background()
	emptyDNS := fnObjectOf(t, customDNSAttrTypes, nil)
	setDNS := fnObjectOf(t, customDNSAttrTypes, map[string]attr.Value{"searches": stringList("a")})

	cases := []struct {
		name  string
		v     *fc.CustomDNS
		prior types.Object
		want  types.Object
	}{
		{"absent, prior null", nil, types.ObjectNull(customDNSAttrTypes), types.ObjectNull(customDNSAttrTypes)},
		{"absent, prior configured empty", nil, emptyDNS, emptyDNS},
		{"blank, prior configured empty", &fc.CustomDNS{NameServers: []string{}}, emptyDNS, emptyDNS},
		{"absent, prior set", nil, setDNS, types.ObjectNull(customDNSAttrTypes)},
		{"set", &fc.CustomDNS{Searches: []string{"a"}}, types.ObjectNull(customDNSAttrTypes), setDNS},
		{
			"options", &fc.CustomDNS{DNSOptions: []fc.DNSOption{{Name: "ndots", Value: "2"}, {Name: "edns0"}}},
			types.ObjectNull(customDNSAttrTypes),
			fnObjectOf(t, customDNSAttrTypes, map[string]attr.Value{
				"dns_options": types.ListValueMust(dnsOptionObjectType, []attr.Value{
					fnObjectOf(t, dnsOptionAttrTypes, map[string]attr.Value{"name": types.StringValue("ndots"), "value": types.StringValue("2")}),
					fnObjectOf(t, dnsOptionAttrTypes, map[string]attr.Value{"name": types.StringValue("edns0")}),
				}),
			}),
		},
	}
	for _, c := range cases {
		got, diags := flattenCustomDNS(ctx, c.v, c.prior)
		if diags.HasError() {
			t.Fatalf("%s: %v", c.name, diags)
		}
		if !got.Equal(c.want) {
			t.Errorf("flattenCustomDNS %s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}

	// The container command and args are JSON-array strings in FC and
	// lists in Terraform.
	got, diags := flattenCustomContainerConfig(ctx, &fc.CustomContainerConfig{Image: "img", Command: `["/s","-x"]`, Args: "[]"},
		fnObjectOf(t, customContainerConfigAttrTypes, map[string]attr.Value{"image": types.StringValue("img"), "args": stringList()}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := fnObjectOf(t, customContainerConfigAttrTypes, map[string]attr.Value{
		"image": types.StringValue("img"), "command": stringList("/s", "-x"), "args": stringList(),
	})
	if !got.Equal(want) {
		t.Errorf("flattenCustomContainerConfig:\n got %s\nwant %s", got, want)
	}
	got, diags = flattenCustomContainerConfig(ctx, &fc.CustomContainerConfig{Image: "img", Command: "not json"}, types.ObjectNull(customContainerConfigAttrTypes))
	if diags.HasError() || diags.WarningsCount() != 1 {
		t.Errorf("unreadable command: want one warning, got %v", diags)
	}
	if cmd := got.Attributes()["command"]; !cmd.IsNull() {
		t.Errorf("unreadable command flattens to %s, want null", cmd)
	}

	// A health check FC reports with zeros keeps the zeros the user wrote.
	hc, diags := flattenCustomHealthCheckConfig(ctx, &fc.CustomHealthCheckConfig{HTTPGetURL: "/r"},
		fnObjectOf(t, customHealthCheckConfigAttrTypes, map[string]attr.Value{"http_get_url": types.StringValue("/r"), "initial_delay_seconds": types.Int64Value(0)}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if v := hc.Attributes()["initial_delay_seconds"]; !v.Equal(types.Int64Value(0)) {
		t.Errorf("initial_delay_seconds = %s, want 0", v)
	}
	if v := hc.Attributes()["period_seconds"]; !v.IsNull() {
		t.Errorf("period_seconds = %s, want null", v)
	}

	// Lifecycle hooks: an absent hook is null.
	lc, diags := flattenInstanceLifecycleConfig(ctx, &fc.InstanceLifecycleConfig{PreStop: &fc.LifecycleHook{Handler: "h", Timeout: 3}}, types.ObjectNull(instanceLifecycleConfigAttrTypes))
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !lc.Attributes()["pre_freeze"].IsNull() || lc.Attributes()["pre_stop"].IsNull() {
		t.Errorf("lifecycle = %s", lc)
	}
}

// TestFlattenFunction_fitsSchemas flattens a function with every field set
// and stores it in the resource and data source schemas: a mismatch
// between flatten and schema types fails here rather than in Terraform.
func TestFunctionFlatten_fitsSchemas(t *testing.T) {
	ctx := context.Background()
	f := &fc.Function{
		FunctionName: fc.Ptr("fn"), FunctionID: fc.Ptr("id-1"), Description: fc.Ptr("d"), Runtime: fc.Ptr("custom"),
		Handler: fc.Ptr("h"), Initializer: fc.Ptr("i"), InitializationTimeout: fc.Ptr(int64(3)), Timeout: fc.Ptr(int64(60)),
		MemorySize: fc.Ptr(int64(512)), CPU: fc.Ptr(0.35), DiskSize: fc.Ptr(int64(512)), GPUMemorySize: fc.Ptr(int64(0)),
		InstanceType: fc.Ptr("e1"), InstanceConcurrency: fc.Ptr(int64(10)), InstanceSoftConcurrency: fc.Ptr(int64(5)),
		CAPort: fc.Ptr(int64(9000)), EnvironmentVariables: map[string]string{"A": "1"}, Layers: []string{"l"},
		LayersArnV2: []string{"acs:fc:cn-hangzhou:official:layers/Python310/versions/2"},
		CustomContainerConfig: &fc.CustomContainerConfig{Image: "img", Command: `["a"]`, Args: `["b"]`, AccelerationType: "Default",
			InstanceID: "cri-1", WebServerMode: fc.Ptr(true), AccelerationInfo: &fc.AccelerationInfo{Status: "Ready"}},
		CustomDNS:               &fc.CustomDNS{NameServers: []string{"8.8.8.8"}, Searches: []string{"s"}, DNSOptions: []fc.DNSOption{{Name: "ndots", Value: "2"}}},
		CustomRuntimeConfig:     &fc.CustomRuntimeConfig{Command: []string{"/b"}, Args: []string{"x"}},
		CustomHealthCheckConfig: &fc.CustomHealthCheckConfig{HTTPGetURL: "/r", InitialDelaySeconds: 1, PeriodSeconds: 2, TimeoutSeconds: 3, FailureThreshold: 4, SuccessThreshold: 5},
		InstanceLifecycleConfig: &fc.InstanceLifecycleConfig{PreFreeze: &fc.LifecycleHook{Handler: "f", Timeout: 1}, PreStop: &fc.LifecycleHook{Handler: "s", Timeout: 2}},
		CodeChecksum:            fc.Ptr("123"), CodeSize: fc.Ptr(int64(42)), CreatedTime: fc.Ptr("t1"), LastModifiedTime: fc.Ptr("t2"),
	}
	prior := fnNullModel(t)
	prior.ServiceName = types.StringValue("svc")
	prior.Code = fnCodeObject(t, map[string]string{"source_dir": "/src"})
	m, diags := functionStateFromAPI(ctx, f, &prior)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if m.ID.ValueString() != "svc/fn" || !m.Code.Equal(prior.Code) {
		t.Errorf("id %s, code %s", m.ID, m.Code)
	}

	rs := resourceSchema(t, NewFunctionResource())
	st := tfsdk.State{Schema: rs, Raw: tftypes.NewValue(terraformObjectType(rs), nil)}
	if diags := st.Set(ctx, m); diags.HasError() {
		t.Fatalf("resource state: %v", diags)
	}
	var back functionResourceModel
	if diags := st.Get(ctx, &back); diags.HasError() {
		t.Fatal(diags)
	}
	if !reflect.DeepEqual(back, *m) {
		t.Errorf("state round trip changed the model")
	}
	for _, check := range []struct {
		got  attr.Value
		want attr.Value
	}{
		{back.GPUMemorySize, types.Int64Value(0)},
		{back.CPU, types.Float64Value(0.35)},
		{back.LayersARNV2, stringList("acs:fc:cn-hangzhou:official:layers/Python310/versions/2")},
		{back.CustomContainerConfig.Attributes()["command"], stringList("a")},
	} {
		if !check.got.Equal(check.want) {
			t.Errorf("got %s, want %s", check.got, check.want)
		}
	}

	ds := dataSourceSchema(t, NewFunctionsDataSource())
	dsState := tfsdk.State{Schema: ds, Raw: tftypes.NewValue(terraformObjectType(ds), nil)}
	attrs, diags := flattenFunctionAttributes(ctx, f, functionAttributesModel{})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if diags := dsState.Set(ctx, &functionsDataSourceModel{
		Functions:   []functionAttributesModel{attrs},
		NamePrefix:  types.StringNull(),
		Names:       stringList("fn"),
		Qualifier:   types.StringNull(),
		ServiceName: types.StringValue("svc"),
	}); diags.HasError() {
		t.Fatalf("fc_functions state: %v", diags)
	}
}

// ---------------------------------------------------------------------------
// Code: validation, planned checksum, upload decision.

func TestFunctionValidateCode(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name      string
		runtime   types.String
		container bool
		code      func() types.Object
		wantErr   string // "" = valid
	}{
		{"source_dir", types.StringValue("python3"), false, func() types.Object { return fnCodeObject(t, map[string]string{"source_dir": "/s"}) }, ""},
		{"oss pair", types.StringValue("python3"), false, func() types.Object {
			return fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o"})
		}, ""},
		{"two sources", types.StringValue("python3"), false, func() types.Object {
			return fnCodeObject(t, map[string]string{"filename": "f.zip", "zip_file": "UEs="})
		}, "Conflicting code sources"},
		{"local and oss", types.StringValue("python3"), false, func() types.Object {
			return fnCodeObject(t, map[string]string{"filename": "f.zip", "oss_bucket_name": "b", "oss_object_name": "o"})
		}, "Conflicting code sources"},
		{"no source", types.StringValue("python3"), false, func() types.Object { return fnCodeObject(t, nil) }, "Missing code source"},
		{"bucket only", types.StringValue("python3"), false, func() types.Object {
			return fnCodeObject(t, map[string]string{"oss_bucket_name": "b"})
		}, "Incomplete OSS code source"},
		{"unknown source", types.StringValue("python3"), false, func() types.Object {
			return fnObjectOf(t, functionCodeAttrTypes, map[string]attr.Value{"source_dir": types.StringUnknown()})
		}, ""},
		{"unknown code", types.StringValue("python3"), false, func() types.Object { return types.ObjectUnknown(functionCodeAttrTypes) }, ""},
		{"no code", types.StringValue("python3"), false, func() types.Object { return types.ObjectNull(functionCodeAttrTypes) }, "Missing code"},
		{"no code, runtime unknown", types.StringUnknown(), false, func() types.Object { return types.ObjectNull(functionCodeAttrTypes) }, ""},
		{"no code, custom container", types.StringValue("custom-container"), true, func() types.Object { return types.ObjectNull(functionCodeAttrTypes) }, ""},
		{"no code, custom-container without config", types.StringValue("custom-container"), false, func() types.Object {
			return types.ObjectNull(functionCodeAttrTypes)
		}, "Missing code"},
	}
	for _, c := range cases {
		cfg := fnNullModel(t)
		cfg.Runtime = c.runtime
		cfg.Code = c.code()
		if c.container {
			cfg.CustomContainerConfig = fnObjectOf(t, customContainerConfigAttrTypes, map[string]attr.Value{"image": types.StringValue("img")})
		}
		diags := validateFunctionCode(ctx, &cfg)
		switch {
		case c.wantErr == "" && diags.HasError():
			t.Errorf("%s: unexpected %v", c.name, diags)
		case c.wantErr != "" && (!diags.HasError() || diags.Errors()[0].Summary() != c.wantErr):
			t.Errorf("%s: got %v, want %q", c.name, diags, c.wantErr)
		}
	}
}

func TestFunctionPlannedCodeChecksum(t *testing.T) {
	ctx := context.Background()
	src, err := filepath.Abs(filepath.Join("testdata", "function", "hello"))
	if err != nil {
		t.Fatal(err)
	}
	zip, err := codepkg.ZipDir(src)
	if err != nil {
		t.Fatal(err)
	}
	sum := codepkg.Checksum(zip)

	ossState := fnNullModel(t)
	ossState.Code = fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o1"})
	ossState.CodeChecksum = types.StringValue("111")
	imported := fnNullModel(t) // code is null after an import
	imported.CodeChecksum = types.StringValue("111")

	cases := []struct {
		name  string
		code  types.Object
		state *functionResourceModel
		want  types.String
	}{
		{"source_dir", fnCodeObject(t, map[string]string{"source_dir": src}), nil, types.StringValue(sum)},
		{"zip_file", fnCodeObject(t, map[string]string{"zip_file": base64.StdEncoding.EncodeToString(zip)}), nil, types.StringValue(sum)},
		{"unknown source", fnObjectOf(t, functionCodeAttrTypes, map[string]attr.Value{"source_dir": types.StringUnknown()}), nil, types.StringUnknown()},
		{"oss on create", fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o1"}), nil, types.StringUnknown()},
		{"oss unchanged", fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o1"}), &ossState, types.StringValue("111")},
		{"oss changed", fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o2"}), &ossState, types.StringUnknown()},
		{"oss after import", fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o1"}), &imported, types.StringUnknown()},
		{"no code keeps the state's", types.ObjectNull(functionCodeAttrTypes), &ossState, types.StringValue("111")},
	}
	for _, c := range cases {
		plan := fnNullModel(t)
		plan.Code = c.code
		var diags diag.Diagnostics
		got := plannedCodeChecksum(ctx, &plan, c.state, &diags)
		if diags.HasError() {
			t.Errorf("%s: %v", c.name, diags)
		}
		if !got.Equal(c.want) {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestFunctionCodeUploadNeeded(t *testing.T) {
	state := fnNullModel(t)
	state.Code = fnCodeObject(t, map[string]string{"source_dir": "/a"})
	state.CodeChecksum = types.StringValue("1")
	cases := []struct {
		name     string
		code     types.Object
		checksum types.String
		want     bool
	}{
		{"same package", fnCodeObject(t, map[string]string{"source_dir": "/a"}), types.StringValue("1"), false},
		{"same package from another source", fnCodeObject(t, map[string]string{"filename": "/a.zip"}), types.StringValue("1"), false},
		{"files changed", fnCodeObject(t, map[string]string{"source_dir": "/a"}), types.StringValue("2"), true},
		{"unknown (OSS changed)", fnCodeObject(t, map[string]string{"oss_bucket_name": "b", "oss_object_name": "o"}), types.StringUnknown(), true},
		{"no code", types.ObjectNull(functionCodeAttrTypes), types.StringValue("1"), false},
	}
	for _, c := range cases {
		plan := state
		plan.Code, plan.CodeChecksum = c.code, c.checksum
		if got := codeUploadNeeded(&plan, &state); got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

// TestFunctionUpdateRequest_configOnlySendsNoCode: an update of the
// configuration alone carries no code; a changed package carries it with
// its checksum; a changed source argument alone sends nothing at all.
func TestFunctionUpdateRequest_configOnlySendsNoCode(t *testing.T) {
	ctx := context.Background()
	src, _ := filepath.Abs(filepath.Join("testdata", "function", "hello"))
	zip, err := codepkg.ZipDir(src)
	if err != nil {
		t.Fatal(err)
	}
	sum := codepkg.Checksum(zip)
	state := fnNullModel(t)
	state.ServiceName, state.Name = types.StringValue("svc"), types.StringValue("fn")
	state.Runtime, state.Handler = types.StringValue("python3"), types.StringValue("index.handler")
	state.MemorySize = types.Int64Value(128)
	state.Code = fnCodeObject(t, map[string]string{"source_dir": src})
	state.CodeChecksum = types.StringValue(sum)

	plan := state
	plan.MemorySize = types.Int64Value(256)
	call, diags := functionUpdateRequest(ctx, &plan, &state)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if call.body.Code != nil || call.checksum != "" || !call.send {
		t.Errorf("config-only update: code %v, checksum %q, send %v; want no code, sent", call.body.Code, call.checksum, call.send)
	}
	if got := mustJSON(t, call.body); got != `{"memorySize":256}` {
		t.Errorf("config-only update body = %s", got)
	}

	plan = state
	state.CodeChecksum = types.StringValue("999") // e.g. code changed outside Terraform
	plan.CodeChecksum = types.StringValue(sum)
	call, diags = functionUpdateRequest(ctx, &plan, &state)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if call.body.Code == nil || call.body.Code.ZipFile != base64.StdEncoding.EncodeToString(zip) || call.checksum != sum || !call.send {
		t.Errorf("code update: code set %v, checksum %q, send %v", call.body.Code != nil, call.checksum, call.send)
	}

	state.CodeChecksum = types.StringValue(sum)
	state.Code = types.ObjectNull(functionCodeAttrTypes) // after an import
	plan = state
	plan.Code = fnCodeObject(t, map[string]string{"zip_file": base64.StdEncoding.EncodeToString(zip)})
	call, diags = functionUpdateRequest(ctx, &plan, &state)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if call.send {
		t.Errorf("only the source argument changed: want no API call, got body %s", mustJSON(t, call.body))
	}

	// Files changed between plan and apply: nothing is sent.
	plan.CodeChecksum = types.StringValue("1")
	state.CodeChecksum = types.StringValue("2")
	_, diags = functionUpdateRequest(ctx, &plan, &state)
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Summary(), "changed after planning") {
		t.Errorf("changed files: got %v", diags)
	}
}

// ---------------------------------------------------------------------------
// Terraform-driven test with a recording transport (package-internal: the
// provider's client constructor is injected to see the request bodies).

// fnRecordedRequest is one API call as the emulator received it.
type fnRecordedRequest struct {
	method, path string
	hasCode      bool
	checksum     string
}

type fnRecorder struct {
	mu   sync.Mutex
	reqs []fnRecordedRequest
	next http.RoundTripper
}

func (r *fnRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	rec := fnRecordedRequest{method: req.Method, path: req.URL.Path, checksum: req.Header.Get("X-Fc-Code-Checksum")}
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		_ = req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(b))
		var body struct {
			Code json.RawMessage `json:"code"`
		}
		_ = json.Unmarshal(b, &body)
		rec.hasCode = len(body.Code) > 0 && string(body.Code) != "null"
	}
	r.mu.Lock()
	r.reqs = append(r.reqs, rec)
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

// functionUpdates returns the UpdateFunction requests recorded so far.
func (r *fnRecorder) functionUpdates() []fnRecordedRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []fnRecordedRequest
	for _, q := range r.reqs {
		if q.method == http.MethodPut && strings.Contains(q.path, "/functions/") {
			out = append(out, q)
		}
	}
	return out
}

func TestAccFunctionResource_configOnlyUpdateSendsNoCode(t *testing.T) {
	const (
		keyID, keySecret = "internal-key-id", "internal-key-secret"
		account, region  = "1234567890123456", "cn-hangzhou"
	)
	em, err := emulator.New(emulator.Options{AccountID: account, Region: region, AccessKeyID: keyID, AccessKeySecret: keySecret})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	rec := &fnRecorder{next: http.DefaultTransport}
	cfg := fc.Config{Endpoint: srv.URL, AccountID: account, Region: region, AccessKeyID: keyID, AccessKeySecret: keySecret, MaxRetries: -1}
	client, err := fc.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	factories := map[string]func() (tfprotov6.ProviderServer, error){
		"fc": providerserver.NewProtocol6WithError(&fcProvider{version: "test", newClient: func(c fc.Config) (*fc.Client, error) {
			c.HTTPClient = &http.Client{Transport: rec}
			return fc.New(c)
		}}),
	}
	service, name := "internal-svc", "internal-fn"
	src, _ := filepath.Abs(filepath.Join("testdata", "function", "hello"))
	zip, _ := codepkg.ZipDir(src)
	checksum := codepkg.Checksum(zip)
	config := func(memory int) string {
		return fmt.Sprintf(`
provider "fc" {
  endpoint   = %q
  account_id = %q
  region     = %q
  access_key = %q
  secret_key = %q
}

resource "fc_function" "test" {
  service_name = %q
  name         = %q
  runtime      = "python3.10"
  handler      = "index.handler"
  memory_size  = %d
  code = {
    source_dir = %q
  }
}
`, srv.URL, account, region, keyID, keySecret, service, name, memory, src)
	}
	expectUpdates := func(want []fnRecordedRequest) tfresource.TestCheckFunc {
		return func(*terraform.State) error {
			got := rec.functionUpdates()
			if len(got) != len(want) {
				return fmt.Errorf("UpdateFunction requests: got %+v, want %+v", got, want)
			}
			for i := range got {
				if got[i].hasCode != want[i].hasCode || got[i].checksum != want[i].checksum {
					return fmt.Errorf("UpdateFunction request %d: got %+v, want %+v", i, got[i], want[i])
				}
			}
			return nil
		}
	}

	tfresource.ParallelTest(t, tfresource.TestCase{
		ProtoV6ProviderFactories: factories,
		PreCheck: func() {
			if _, _, err := client.CreateService(context.Background(), &fc.Service{ServiceName: fc.Ptr(service)}); err != nil {
				t.Fatalf("creating the service: %v", err)
			}
		},
		CheckDestroy: func(*terraform.State) error {
			if _, _, err := client.GetFunction(context.Background(), service, "", name); !fc.IsNotFound(err) {
				return fmt.Errorf("function still exists or cannot be read: %v", err)
			}
			return nil
		},
		Steps: []tfresource.TestStep{
			{
				Config: config(128),
				ConfigPlanChecks: tfresource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: expectUpdates(nil),
			},
			{
				Config: config(256),
				ConfigPlanChecks: tfresource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("fc_function.test", plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("fc_function.test", tfjsonpath.New("memory_size"), knownvalue.Int64Exact(256)),
					statecheck.ExpectKnownValue("fc_function.test", tfjsonpath.New("code_checksum"), knownvalue.StringExact(checksum)),
				},
				// One UpdateFunction, without code and without checksum.
				Check: expectUpdates([]fnRecordedRequest{{hasCode: false}}),
			},
		},
	})
}

// TestFunctionResourceSchema_zipFileSensitive: inline base64 code is kept
// out of plan output.
func TestFunctionResourceSchema_zipFileSensitive(t *testing.T) {
	s := resourceSchema(t, NewFunctionResource())
	code, ok := s.Attributes["code"].(rschema.SingleNestedAttribute)
	if !ok {
		t.Fatalf("code is %T, want a single nested attribute", s.Attributes["code"])
	}
	zip, ok := code.Attributes["zip_file"].(rschema.StringAttribute)
	if !ok || !zip.Sensitive {
		t.Fatalf("code.zip_file = %#v, want a sensitive string", code.Attributes["zip_file"])
	}
}

// TestPlannedChecksumSharedDir: the plans of many functions that share one
// source_dir zip it once; a change to its files plans a new checksum.
func TestPlannedChecksumSharedDir(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.py"), []byte("def handler(e, c):\n    return 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, d := types.ObjectValueFrom(ctx, functionCodeAttrTypes, codeModel{SourceDir: types.StringValue(dir),
		Filename: types.StringNull(), ZipFile: types.StringNull(), OSSBucketName: types.StringNull(), OSSObjectName: types.StringNull()})
	if d.HasError() {
		t.Fatal(d)
	}
	before := planChecksums.Reads()
	var first types.String
	for i := range 1000 {
		var diags diag.Diagnostics
		got := plannedChecksum(ctx, code, nil, "function", &diags)
		if diags.HasError() || !known(got) {
			t.Fatalf("plan %d: %v, %v", i, got, diags)
		}
		if i == 0 {
			first = got
		} else if !got.Equal(first) {
			t.Fatalf("plan %d: checksum %v, want %v", i, got, first)
		}
	}
	if n := planChecksums.Reads() - before; n != 1 {
		t.Fatalf("1000 plans of one shared source_dir zipped it %d times, want once", n)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.py"), []byte("def handler(e, c):\n    return 22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	if got := plannedChecksum(ctx, code, nil, "function", &diags); got.Equal(first) || diags.HasError() {
		t.Fatalf("after the files changed: checksum %v (%v), want a new one", got, diags)
	}
}
