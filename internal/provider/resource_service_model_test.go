package provider

import (
	"context"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestServiceResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewServiceResource())
	assertDescribed(t, "fc_service", s.Attributes)

	assertSchemaModelParity(t, "fc_service", s.Attributes, serviceResourceModel{})
	nested := func(name string) map[string]rschema.Attribute {
		return s.Attributes[name].(rschema.SingleNestedAttribute).Attributes
	}
	listed := func(parent map[string]rschema.Attribute, name string) map[string]rschema.Attribute {
		return parent[name].(rschema.ListNestedAttribute).NestedObject.Attributes
	}
	assertSchemaModelParity(t, "fc_service.log_config", nested("log_config"), logConfigModel{})
	assertSchemaModelParity(t, "fc_service.nas_config", nested("nas_config"), nasConfigModel{})
	assertSchemaModelParity(t, "fc_service.nas_config.mount_points", listed(nested("nas_config"), "mount_points"), nasMountPointModel{})
	assertSchemaModelParity(t, "fc_service.oss_mount_config", nested("oss_mount_config"), ossMountConfigModel{})
	assertSchemaModelParity(t, "fc_service.oss_mount_config.mount_points", listed(nested("oss_mount_config"), "mount_points"), ossMountPointModel{})
	assertSchemaModelParity(t, "fc_service.tracing_config", nested("tracing_config"), tracingConfigModel{})
	assertSchemaModelParity(t, "fc_service.vpc_config", nested("vpc_config"), vpcConfigModel{})

	// The hand-written attribute types used by flatten must be the
	// schema's, or building state would fail at run time.
	// The resource has tags_all besides.
	got := maps.Clone(s.Type().(types.ObjectType).AttrTypes)
	if tagsAll := got["tags_all"]; !(types.MapType{ElemType: types.StringType}).Equal(tagsAll) {
		t.Errorf("tags_all: type %v", tagsAll)
	}
	delete(got, "tags_all")
	if want := (types.ObjectType{AttrTypes: serviceAttrTypes}); !want.Equal(types.ObjectType{AttrTypes: got}) {
		t.Errorf("serviceAttrTypes differ from the resource schema:\n got schema %v\nwant        %v", got, serviceAttrTypes)
	}
}

func TestServiceDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewServiceDataSource())
	assertDescribed(t, "data.fc_service", s.Attributes)
	assertSchemaModelParity(t, "data.fc_service", s.Attributes, serviceModel{})
	if !s.Attributes["name"].IsRequired() {
		t.Error("data.fc_service.name is not required")
	}
	for name, a := range s.Attributes {
		if name != "name" && !a.IsComputed() {
			t.Errorf("data.fc_service.%s is not computed", name)
		}
	}
	got := s.Type().(types.ObjectType)
	if want := (types.ObjectType{AttrTypes: serviceAttrTypes}); !want.Equal(got) {
		t.Errorf("serviceAttrTypes differ from the data source schema:\n got %v\nwant %v", got, want)
	}
}

func TestServicesDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewServicesDataSource())
	assertDescribed(t, "data.fc_services", s.Attributes)
	assertSchemaModelParity(t, "data.fc_services", s.Attributes, servicesDataSourceModel{})
	elems := s.Attributes["services"].(dschema.ListNestedAttribute).NestedObject.Attributes
	assertSchemaModelParity(t, "data.fc_services.services", elems, serviceModel{})
	got := s.Attributes["services"].GetType().(types.ListType).ElemType
	if want := (types.ObjectType{AttrTypes: serviceAttrTypes}); !want.Equal(got) {
		t.Errorf("serviceAttrTypes differ from the services element type:\n got %v\nwant %v", got, want)
	}
}

// ---------------------------------------------------------------------------
// expand

// minimalServiceModel is a plan with only the name configured, as the
// framework builds it: optional attributes null, computed ones unknown.
func minimalServiceModel() serviceModel {
	return serviceModel{
		CreatedTime:      types.StringUnknown(),
		Description:      types.StringNull(),
		ID:               types.StringUnknown(),
		InternetAccess:   types.BoolUnknown(),
		LastModifiedTime: types.StringUnknown(),
		LogConfig:        types.ObjectNull(logConfigAttrTypes),
		Name:             types.StringValue("svc"),
		NASConfig:        types.ObjectNull(nasConfigAttrTypes),
		OSSMountConfig:   types.ObjectNull(ossMountConfigAttrTypes),
		Role:             types.StringNull(),
		ServiceID:        types.StringUnknown(),
		Tags:             types.MapNull(types.StringType),
		TracingConfig:    types.ObjectNull(tracingConfigAttrTypes),
		VPCConfig:        types.ObjectNull(vpcConfigAttrTypes),
	}
}

// fullServiceModel sets every configurable attribute.
func fullServiceModel(t *testing.T) serviceModel {
	t.Helper()
	m := minimalServiceModel()
	m.Description = types.StringValue("d")
	m.InternetAccess = types.BoolValue(false)
	m.Role = types.StringValue("acs:ram::1:role/r")
	m.LogConfig = types.ObjectValueMust(logConfigAttrTypes, map[string]attr.Value{
		"enable_instance_metrics": types.BoolValue(true),
		"enable_request_metrics":  types.BoolValue(false),
		"log_begin_rule":          types.StringUnknown(), // not configured
		"logstore":                types.StringValue("ls"),
		"project":                 types.StringValue("p"),
	})
	nasPoint := types.ObjectValueMust(nasMountPointAttrTypes, map[string]attr.Value{
		"enable_tls":  types.BoolValue(true),
		"mount_dir":   types.StringValue("/mnt/nas"),
		"server_addr": types.StringValue("h:/"),
	})
	m.NASConfig = types.ObjectValueMust(nasConfigAttrTypes, map[string]attr.Value{
		"group_id":     types.Int64Value(0),
		"mount_points": types.ListValueMust(types.ObjectType{AttrTypes: nasMountPointAttrTypes}, []attr.Value{nasPoint}),
		"user_id":      types.Int64Value(0),
	})
	ossPoint := types.ObjectValueMust(ossMountPointAttrTypes, map[string]attr.Value{
		"bucket_name": types.StringValue("b"),
		"bucket_path": types.StringNull(),
		"endpoint":    types.StringValue("http://e"),
		"mount_dir":   types.StringValue("/mnt/oss"),
		"read_only":   types.BoolValue(false),
	})
	m.OSSMountConfig = types.ObjectValueMust(ossMountConfigAttrTypes, map[string]attr.Value{
		"mount_points": types.ListValueMust(types.ObjectType{AttrTypes: ossMountPointAttrTypes}, []attr.Value{ossPoint}),
	})
	m.TracingConfig = types.ObjectValueMust(tracingConfigAttrTypes, map[string]attr.Value{
		"params": types.MapValueMust(types.StringType, map[string]attr.Value{"endpoint": types.StringValue("x")}),
		"type":   types.StringValue("Jaeger"),
	})
	m.VPCConfig = types.ObjectValueMust(vpcConfigAttrTypes, map[string]attr.Value{
		"role":              types.StringNull(),
		"security_group_id": types.StringValue("sg"),
		"vpc_id":            types.StringValue("vpc"),
		"vswitch_ids":       types.SetValueMust(types.StringType, stringValues("vsw")),
	})
	return m
}

// TestExpandService compares request bodies on the wire, where presence
// (absent, null, "", false, 0, {}, []) is visible.
func TestExpandService(t *testing.T) {
	emptyParams := func(m serviceModel) serviceModel {
		m.TracingConfig = types.ObjectValueMust(tracingConfigAttrTypes, map[string]attr.Value{
			"params": types.MapValueMust(types.StringType, map[string]attr.Value{}),
			"type":   types.StringValue("Jaeger"),
		})
		return m
	}
	nullParams := func(m serviceModel) serviceModel {
		m.TracingConfig = types.ObjectValueMust(tracingConfigAttrTypes, map[string]attr.Value{
			"params": types.MapNull(types.StringType),
			"type":   types.StringValue("Jaeger"),
		})
		return m
	}
	zeroValues := func(m serviceModel) serviceModel {
		m.Description = types.StringValue("")
		m.Role = types.StringValue("")
		m.InternetAccess = types.BoolValue(false)
		return m
	}
	keptInternetAccess := func(m serviceModel) serviceModel {
		m.InternetAccess = types.BoolValue(true) // UseStateForUnknown
		return m
	}

	cases := []struct {
		name   string
		model  serviceModel
		update bool
		want   string
	}{
		{
			name:  "create minimal sends only the name",
			model: minimalServiceModel(),
			want:  `{"serviceName":"svc"}`,
		},
		{
			name:  "create sends empty strings and false",
			model: zeroValues(minimalServiceModel()),
			want:  `{"serviceName":"svc","description":"","internetAccess":false,"role":""}`,
		},
		{
			name:  "create full",
			model: fullServiceModel(t),
			want: `{"serviceName":"svc","description":"d","internetAccess":false,"role":"acs:ram::1:role/r",` +
				`"logConfig":{"project":"p","logstore":"ls","enableRequestMetrics":false,"enableInstanceMetrics":true},` +
				`"nasConfig":{"userId":0,"groupId":0,"mountPoints":[{"serverAddr":"h:/","mountDir":"/mnt/nas","enableTLS":true}]},` +
				`"ossMountConfig":{"mountPoints":[{"bucketName":"b","bucketPath":"","endpoint":"http://e","mountDir":"/mnt/oss","readOnly":false}]},` +
				`"vpcConfig":{"vpcId":"vpc","vSwitchIds":["vsw"],"securityGroupId":"sg"},` +
				`"tracingConfig":{"type":"Jaeger","params":{"endpoint":"x"}}}`,
		},
		{
			name:   "update of a minimal plan clears everything but internet_access",
			model:  minimalServiceModel(),
			update: true,
			want: `{"description":"","role":"",` +
				`"logConfig":{"project":"","logstore":"","enableRequestMetrics":false,"enableInstanceMetrics":false},` +
				`"nasConfig":{"userId":0,"groupId":0,"mountPoints":[]},` +
				`"ossMountConfig":{"mountPoints":[]},` +
				`"vpcConfig":{"vpcId":"","vSwitchIds":[],"securityGroupId":""},` +
				`"tracingConfig":{"type":"","params":{}}}`,
		},
		{
			name:   "update sends a kept internet_access",
			model:  keptInternetAccess(minimalServiceModel()),
			update: true,
			want: `{"description":"","internetAccess":true,"role":"",` +
				`"logConfig":{"project":"","logstore":"","enableRequestMetrics":false,"enableInstanceMetrics":false},` +
				`"nasConfig":{"userId":0,"groupId":0,"mountPoints":[]},` +
				`"ossMountConfig":{"mountPoints":[]},` +
				`"vpcConfig":{"vpcId":"","vSwitchIds":[],"securityGroupId":""},` +
				`"tracingConfig":{"type":"","params":{}}}`,
		},
		{
			name:   "update full has no name",
			model:  fullServiceModel(t),
			update: true,
			want: `{"description":"d","internetAccess":false,"role":"acs:ram::1:role/r",` +
				`"logConfig":{"project":"p","logstore":"ls","enableRequestMetrics":false,"enableInstanceMetrics":true},` +
				`"nasConfig":{"userId":0,"groupId":0,"mountPoints":[{"serverAddr":"h:/","mountDir":"/mnt/nas","enableTLS":true}]},` +
				`"ossMountConfig":{"mountPoints":[{"bucketName":"b","bucketPath":"","endpoint":"http://e","mountDir":"/mnt/oss","readOnly":false}]},` +
				`"vpcConfig":{"vpcId":"vpc","vSwitchIds":["vsw"],"securityGroupId":"sg"},` +
				`"tracingConfig":{"type":"Jaeger","params":{"endpoint":"x"}}}`,
		},
		{
			name:  "tracing params {} are sent as {}",
			model: emptyParams(minimalServiceModel()),
			want:  `{"serviceName":"svc","tracingConfig":{"type":"Jaeger","params":{}}}`,
		},
		{
			name:  "tracing params null are sent as null",
			model: nullParams(minimalServiceModel()),
			want:  `{"serviceName":"svc","tracingConfig":{"type":"Jaeger","params":null}}`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, diags := expandService(context.Background(), tc.model, tc.update)
			if diags.HasError() {
				t.Fatalf("expandService: %v", diags)
			}
			got, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("body\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// ---------------------------------------------------------------------------
// flatten

func TestFlattenService_emptyObjectsAreNull(t *testing.T) {
	// What a service without nested configuration may look like on the
	// wire: absent, or present with empty content.
	variants := map[string]*fc.Service{
		"absent": {ServiceName: fc.Ptr("svc")},
		"empty": {
			ServiceName:    fc.Ptr("svc"),
			LogConfig:      &fc.LogConfig{LogBeginRule: "None"},
			NASConfig:      &fc.NASConfig{UserID: -1, GroupID: -1, MountPoints: []fc.NASMountPoint{}},
			OSSMountConfig: &fc.OSSMountConfig{MountPoints: []fc.OSSMountPoint{}},
			TracingConfig:  &fc.TracingConfig{Params: map[string]string{}},
			VPCConfig:      &fc.VPCConfig{VSwitchIDs: []string{}},
		},
	}
	for name, svc := range variants {
		t.Run(name, func(t *testing.T) {
			m, diags := flattenService(svc, nil)
			if diags.HasError() {
				t.Fatalf("flattenService: %v", diags)
			}
			for attrName, v := range map[string]attr.Value{
				"log_config": m.LogConfig, "nas_config": m.NASConfig, "oss_mount_config": m.OSSMountConfig,
				"tracing_config": m.TracingConfig, "vpc_config": m.VPCConfig,
				"description": m.Description, "role": m.Role, "internet_access": m.InternetAccess,
			} {
				if !v.IsNull() {
					t.Errorf("%s = %v, want null", attrName, v)
				}
			}
			if m.ID.ValueString() != "svc" || m.Name.ValueString() != "svc" {
				t.Errorf("id, name = %v, %v, want svc", m.ID, m.Name)
			}
		})
	}
}

func TestFlattenService_emptyStringsFollowPrior(t *testing.T) {
	cases := []struct {
		name  string
		api   *string
		prior types.String
		want  types.String
	}{
		{"absent, prior null", nil, types.StringNull(), types.StringNull()},
		{"empty, prior null", fc.Ptr(""), types.StringNull(), types.StringNull()},
		{"empty, prior empty", fc.Ptr(""), types.StringValue(""), types.StringValue("")},
		{"absent, prior empty", nil, types.StringValue(""), types.StringValue("")},
		{"empty, prior value (drift)", fc.Ptr(""), types.StringValue("x"), types.StringNull()},
		{"empty, prior unknown", fc.Ptr(""), types.StringUnknown(), types.StringNull()},
		{"value, prior null (drift)", fc.Ptr("y"), types.StringNull(), types.StringValue("y")},
		{"value, prior empty (drift)", fc.Ptr("y"), types.StringValue(""), types.StringValue("y")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			prior := minimalServiceModel()
			prior.Description, prior.Role = tc.prior, tc.prior
			m, diags := flattenService(&fc.Service{ServiceName: fc.Ptr("svc"), Description: tc.api, Role: tc.api}, &prior)
			if diags.HasError() {
				t.Fatalf("flattenService: %v", diags)
			}
			if !m.Description.Equal(tc.want) || !m.Role.Equal(tc.want) {
				t.Errorf("description, role = %v, %v, want %v", m.Description, m.Role, tc.want)
			}
		})
	}
}

func TestFlattenService_zeroValuesAreKept(t *testing.T) {
	m, diags := flattenService(&fc.Service{
		ServiceName:    fc.Ptr("svc"),
		InternetAccess: fc.Ptr(false),
		LogConfig:      &fc.LogConfig{Project: "p", Logstore: "l"},
		NASConfig:      &fc.NASConfig{MountPoints: []fc.NASMountPoint{{ServerAddr: "h:/", MountDir: "/m"}}},
	}, nil)
	if diags.HasError() {
		t.Fatalf("flattenService: %v", diags)
	}
	if !m.InternetAccess.Equal(types.BoolValue(false)) {
		t.Errorf("internet_access = %v, want false", m.InternetAccess)
	}
	wantLog := types.ObjectValueMust(logConfigAttrTypes, map[string]attr.Value{
		"enable_instance_metrics": types.BoolValue(false),
		"enable_request_metrics":  types.BoolValue(false),
		"log_begin_rule":          types.StringNull(),
		"logstore":                types.StringValue("l"),
		"project":                 types.StringValue("p"),
	})
	if !m.LogConfig.Equal(wantLog) {
		t.Errorf("log_config = %v, want %v", m.LogConfig, wantLog)
	}
	attrs := m.NASConfig.Attributes()
	if !attrs["user_id"].Equal(types.Int64Value(0)) || !attrs["group_id"].Equal(types.Int64Value(0)) {
		t.Errorf("nas_config ids = %v, %v, want 0, 0", attrs["user_id"], attrs["group_id"])
	}
	point := attrs["mount_points"].(types.List).Elements()[0].(types.Object).Attributes()
	if !point["enable_tls"].Equal(types.BoolValue(false)) {
		t.Errorf("enable_tls = %v, want false", point["enable_tls"])
	}
}

func TestFlattenService_tracingParams(t *testing.T) {
	emptyMap := types.MapValueMust(types.StringType, map[string]attr.Value{})
	cases := []struct {
		name  string
		api   map[string]string
		prior types.Map // null map: prior object has params = null
		want  types.Map
	}{
		{"null, prior null", nil, types.MapNull(types.StringType), types.MapNull(types.StringType)},
		{"empty, prior null", map[string]string{}, types.MapNull(types.StringType), types.MapNull(types.StringType)},
		{"null, prior {}", nil, emptyMap, emptyMap},
		{"empty, prior {}", map[string]string{}, emptyMap, emptyMap},
		{"value", map[string]string{"k": "v"}, types.MapNull(types.StringType),
			types.MapValueMust(types.StringType, map[string]attr.Value{"k": types.StringValue("v")})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			prior := minimalServiceModel()
			prior.TracingConfig = types.ObjectValueMust(tracingConfigAttrTypes, map[string]attr.Value{
				"params": tc.prior, "type": types.StringValue("Jaeger"),
			})
			m, diags := flattenService(&fc.Service{
				ServiceName:   fc.Ptr("svc"),
				TracingConfig: &fc.TracingConfig{Type: "Jaeger", Params: tc.api},
			}, &prior)
			if diags.HasError() {
				t.Fatalf("flattenService: %v", diags)
			}
			got := m.TracingConfig.Attributes()["params"]
			if !got.Equal(tc.want) {
				t.Errorf("params = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestServiceRoundTrip checks that flatten(expand(plan)) gives the plan back
// when the API echoes the request, for the full and the zero-valued plans:
// the property "Provider produced inconsistent result after apply" depends
// on.
func TestServiceRoundTrip(t *testing.T) {
	zero := minimalServiceModel()
	zero.Description = types.StringValue("")
	zero.Role = types.StringValue("")
	zero.InternetAccess = types.BoolValue(false)

	full := fullServiceModel(t)
	// Known after apply: the API leaves log_begin_rule empty, so null.
	logAttrs := full.LogConfig.Attributes()
	logAttrs["log_begin_rule"] = types.StringNull()
	full.LogConfig = types.ObjectValueMust(logConfigAttrTypes, logAttrs)

	for name, plan := range map[string]serviceModel{"zero": zero, "full": full} {
		t.Run(name, func(t *testing.T) {
			in, diags := expandService(context.Background(), plan, false)
			if diags.HasError() {
				t.Fatalf("expandService: %v", diags)
			}
			got, diags := flattenService(in, &plan)
			if diags.HasError() {
				t.Fatalf("flattenService: %v", diags)
			}
			// Computed values come from the API; the rest must round-trip.
			got.CreatedTime, got.LastModifiedTime, got.ServiceID = plan.CreatedTime, plan.LastModifiedTime, plan.ServiceID
			got.ID = plan.ID
			if !reflect.DeepEqual(got, plan) {
				t.Errorf("round trip\n got %+v\nwant %+v", got, plan)
			}
		})
	}
}

func TestFlattenService_vswitchIDsAreASet(t *testing.T) {
	m, diags := flattenService(&fc.Service{
		ServiceName: fc.Ptr("svc"),
		VPCConfig:   &fc.VPCConfig{VPCID: "vpc", SecurityGroupID: "sg", VSwitchIDs: []string{"b", "a"}},
	}, nil)
	if diags.HasError() {
		t.Fatalf("flattenService: %v", diags)
	}
	set := m.VPCConfig.Attributes()["vswitch_ids"].(types.Set)
	var ids []string
	for _, e := range set.Elements() {
		ids = append(ids, e.(types.String).ValueString())
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"a", "b"}) {
		t.Errorf("vswitch_ids = %v, want [a b]", ids)
	}
	if role := m.VPCConfig.Attributes()["role"]; !role.IsNull() {
		t.Errorf("vpc_config.role = %v, want null", role)
	}
}

// serviceAttrTypes are the attribute types of serviceModel, the element
// type of the fc_services data source's services list.
var serviceAttrTypes = map[string]attr.Type{
	"created_time":       types.StringType,
	"description":        types.StringType,
	"id":                 types.StringType,
	"internet_access":    types.BoolType,
	"last_modified_time": types.StringType,
	"log_config":         types.ObjectType{AttrTypes: logConfigAttrTypes},
	"name":               types.StringType,
	"nas_config":         types.ObjectType{AttrTypes: nasConfigAttrTypes},
	"oss_mount_config":   types.ObjectType{AttrTypes: ossMountConfigAttrTypes},
	"role":               types.StringType,
	"service_id":         types.StringType,
	"tags":               types.MapType{ElemType: types.StringType},
	"tracing_config":     types.ObjectType{AttrTypes: tracingConfigAttrTypes},
	"vpc_config":         types.ObjectType{AttrTypes: vpcConfigAttrTypes},
}
