package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// Null, empty and zero in fc_service
//
//   - description and role: "" is a value a user may set. The API does not
//     tell "" from unset, so flatten keeps "" only where the prior value
//     (plan or state) was "", and reports null otherwise. Removing them from
//     the configuration sends "" (which clears them on the service).
//   - internet_access is Optional+Computed: the service defaults it (to
//     true). false is sent as false; removing it keeps the service's value.
//   - A nested object removed from the configuration is sent as an object
//     whose fields are all empty, which clears it on the service. An API
//     object without content (see the isEmpty helpers) is flattened to null.
//     Inside nested objects the required strings and lists reject empty
//     values, so a configured object can never look empty.
//   - Optional strings inside nested objects (vpc_config.role,
//     oss_mount_config.mount_points[*].bucket_path) reject "": on the wire
//     "" and absent are the same, so they map to null.
//   - tracing_config.params: {} and null are both accepted; as for
//     description, flatten keeps {} only where the prior value was {}.
//   - Booleans inside nested objects have a schema default of false: the
//     wire objects always carry them, so what is sent when they are omitted
//     is false, and the plan says so.
//   - log_config.log_begin_rule has a schema default of "None", FC's
//     default, so that removing it sets "None" again (a value kept from the
//     state could not be cleared). The resource reads a rule FC does not
//     report as "None" (flattenServiceResource); the data sources report it
//     as null.

// serviceModel is the state of the fc_service data source and, with
// tags_all, of the fc_service resource (serviceResourceModel).
type serviceModel struct {
	CreatedTime      types.String `tfsdk:"created_time"`
	Description      types.String `tfsdk:"description"`
	ID               types.String `tfsdk:"id"`
	InternetAccess   types.Bool   `tfsdk:"internet_access"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	LogConfig        types.Object `tfsdk:"log_config"`
	Name             types.String `tfsdk:"name"`
	NASConfig        types.Object `tfsdk:"nas_config"`
	OSSMountConfig   types.Object `tfsdk:"oss_mount_config"`
	Role             types.String `tfsdk:"role"`
	ServiceID        types.String `tfsdk:"service_id"`
	Tags             types.Map    `tfsdk:"tags"`
	TracingConfig    types.Object `tfsdk:"tracing_config"`
	VPCConfig        types.Object `tfsdk:"vpc_config"`
}

// serviceResourceModel is the state of the fc_service resource: the
// service and tags_all (tags.go).
type serviceResourceModel struct {
	serviceModel
	TagsAll types.Map `tfsdk:"tags_all"`
}

type logConfigModel struct {
	EnableInstanceMetrics types.Bool   `tfsdk:"enable_instance_metrics"`
	EnableRequestMetrics  types.Bool   `tfsdk:"enable_request_metrics"`
	LogBeginRule          types.String `tfsdk:"log_begin_rule"`
	Logstore              types.String `tfsdk:"logstore"`
	Project               types.String `tfsdk:"project"`
}

type nasConfigModel struct {
	GroupID     types.Int64 `tfsdk:"group_id"`
	MountPoints types.List  `tfsdk:"mount_points"`
	UserID      types.Int64 `tfsdk:"user_id"`
}

type nasMountPointModel struct {
	EnableTLS  types.Bool   `tfsdk:"enable_tls"`
	MountDir   types.String `tfsdk:"mount_dir"`
	ServerAddr types.String `tfsdk:"server_addr"`
}

type ossMountConfigModel struct {
	MountPoints types.List `tfsdk:"mount_points"`
}

type ossMountPointModel struct {
	BucketName types.String `tfsdk:"bucket_name"`
	BucketPath types.String `tfsdk:"bucket_path"`
	Endpoint   types.String `tfsdk:"endpoint"`
	MountDir   types.String `tfsdk:"mount_dir"`
	ReadOnly   types.Bool   `tfsdk:"read_only"`
}

type tracingConfigModel struct {
	Params types.Map    `tfsdk:"params"`
	Type   types.String `tfsdk:"type"`
}

type vpcConfigModel struct {
	Role            types.String `tfsdk:"role"`
	SecurityGroupID types.String `tfsdk:"security_group_id"`
	VPCID           types.String `tfsdk:"vpc_id"`
	VSwitchIDs      types.Set    `tfsdk:"vswitch_ids"`
}

// Attribute types of the nested objects, for building object values.

var logConfigAttrTypes = map[string]attr.Type{
	"enable_instance_metrics": types.BoolType,
	"enable_request_metrics":  types.BoolType,
	"log_begin_rule":          types.StringType,
	"logstore":                types.StringType,
	"project":                 types.StringType,
}

var nasMountPointAttrTypes = map[string]attr.Type{
	"enable_tls":  types.BoolType,
	"mount_dir":   types.StringType,
	"server_addr": types.StringType,
}

var nasConfigAttrTypes = map[string]attr.Type{
	"group_id":     types.Int64Type,
	"mount_points": types.ListType{ElemType: types.ObjectType{AttrTypes: nasMountPointAttrTypes}},
	"user_id":      types.Int64Type,
}

var ossMountPointAttrTypes = map[string]attr.Type{
	"bucket_name": types.StringType,
	"bucket_path": types.StringType,
	"endpoint":    types.StringType,
	"mount_dir":   types.StringType,
	"read_only":   types.BoolType,
}

var ossMountConfigAttrTypes = map[string]attr.Type{
	"mount_points": types.ListType{ElemType: types.ObjectType{AttrTypes: ossMountPointAttrTypes}},
}

var tracingConfigAttrTypes = map[string]attr.Type{
	"params": types.MapType{ElemType: types.StringType},
	"type":   types.StringType,
}

var vpcConfigAttrTypes = map[string]attr.Type{
	"role":              types.StringType,
	"security_group_id": types.StringType,
	"vpc_id":            types.StringType,
	"vswitch_ids":       types.SetType{ElemType: types.StringType},
}

// ---------------------------------------------------------------------------
// expand: Terraform -> API

// expandService builds the request body of CreateService (update false) or
// UpdateService (update true) from a plan.
//
// Create sends only what is configured (and the name). Update sends every
// configurable field, so that what was removed from the configuration is
// cleared: "" for description and role, an empty object for nested
// objects. internet_access is sent whenever it is known (removing it from
// the configuration keeps the service's value, see the schema).
func expandService(ctx context.Context, m serviceModel, update bool) (*fc.Service, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := &fc.Service{}
	if !update {
		in.ServiceName = fc.Ptr(m.Name.ValueString())
	}

	in.Description = expandClearableString(m.Description, update)
	in.Role = expandClearableString(m.Role, update)
	if known(m.InternetAccess) {
		in.InternetAccess = fc.Ptr(m.InternetAccess.ValueBool())
	}

	var d diag.Diagnostics
	in.LogConfig, d = expandLogConfig(ctx, m.LogConfig)
	diags.Append(d...)
	in.NASConfig, d = expandNASConfig(ctx, m.NASConfig)
	diags.Append(d...)
	in.OSSMountConfig, d = expandOSSMountConfig(ctx, m.OSSMountConfig)
	diags.Append(d...)
	in.TracingConfig, d = expandTracingConfig(ctx, m.TracingConfig)
	diags.Append(d...)
	in.VPCConfig, d = expandVPCConfig(ctx, m.VPCConfig)
	diags.Append(d...)

	if update {
		// A nested object absent from the plan is cleared by sending it
		// with every field empty.
		if in.LogConfig == nil {
			in.LogConfig = &fc.LogConfig{}
		}
		if in.NASConfig == nil {
			in.NASConfig = &fc.NASConfig{MountPoints: []fc.NASMountPoint{}}
		}
		if in.OSSMountConfig == nil {
			in.OSSMountConfig = &fc.OSSMountConfig{MountPoints: []fc.OSSMountPoint{}}
		}
		if in.TracingConfig == nil {
			in.TracingConfig = &fc.TracingConfig{Params: map[string]string{}}
		}
		if in.VPCConfig == nil {
			in.VPCConfig = &fc.VPCConfig{VSwitchIDs: []string{}}
		}
	}
	return in, diags
}

// expandClearableString returns the value to send for an optional string
// that can be cleared: the value when set, "" when null on an update (to
// clear it), nothing when null on a create or unknown.
func expandClearableString(v types.String, update bool) *string {
	switch {
	case v.IsUnknown():
		return nil
	case v.IsNull():
		if update {
			return fc.Ptr("")
		}
		return nil
	default:
		return fc.Ptr(v.ValueString())
	}
}

func expandLogConfig(ctx context.Context, o types.Object) (*fc.LogConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m logConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	return &fc.LogConfig{
		Project:               m.Project.ValueString(),
		Logstore:              m.Logstore.ValueString(),
		EnableRequestMetrics:  m.EnableRequestMetrics.ValueBool(),
		EnableInstanceMetrics: m.EnableInstanceMetrics.ValueBool(),
		// The schema default makes it "None" when not configured; null
		// (data sources) or unknown sends "", FC's default.
		LogBeginRule: m.LogBeginRule.ValueString(),
	}, diags
}

func expandNASConfig(ctx context.Context, o types.Object) (*fc.NASConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m nasConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	var points []nasMountPointModel
	diags.Append(m.MountPoints.ElementsAs(ctx, &points, false)...)
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.NASConfig{
		UserID:      m.UserID.ValueInt64(),
		GroupID:     m.GroupID.ValueInt64(),
		MountPoints: make([]fc.NASMountPoint, 0, len(points)),
	}
	for _, p := range points {
		out.MountPoints = append(out.MountPoints, fc.NASMountPoint{
			ServerAddr: p.ServerAddr.ValueString(),
			MountDir:   p.MountDir.ValueString(),
			EnableTLS:  p.EnableTLS.ValueBool(),
		})
	}
	return out, diags
}

func expandOSSMountConfig(ctx context.Context, o types.Object) (*fc.OSSMountConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m ossMountConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	var points []ossMountPointModel
	diags.Append(m.MountPoints.ElementsAs(ctx, &points, false)...)
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.OSSMountConfig{MountPoints: make([]fc.OSSMountPoint, 0, len(points))}
	for _, p := range points {
		out.MountPoints = append(out.MountPoints, fc.OSSMountPoint{
			BucketName: p.BucketName.ValueString(),
			BucketPath: p.BucketPath.ValueString(),
			Endpoint:   p.Endpoint.ValueString(),
			MountDir:   p.MountDir.ValueString(),
			ReadOnly:   p.ReadOnly.ValueBool(),
		})
	}
	return out, diags
}

func expandTracingConfig(ctx context.Context, o types.Object) (*fc.TracingConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m tracingConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.TracingConfig{Type: m.Type.ValueString()}
	if known(m.Params) {
		out.Params = map[string]string{}
		diags.Append(m.Params.ElementsAs(ctx, &out.Params, false)...)
	}
	return out, diags
}

func expandVPCConfig(ctx context.Context, o types.Object) (*fc.VPCConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m vpcConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.VPCConfig{
		VPCID:           m.VPCID.ValueString(),
		SecurityGroupID: m.SecurityGroupID.ValueString(),
		Role:            m.Role.ValueString(),
		VSwitchIDs:      []string{},
	}
	if known(m.VSwitchIDs) {
		diags.Append(m.VSwitchIDs.ElementsAs(ctx, &out.VSwitchIDs, false)...)
	}
	return out, diags
}

// ---------------------------------------------------------------------------
// flatten: API -> Terraform

// flattenService maps an API service to the model. prior is the plan
// (after create and update) or the state (on read); it only decides
// whether an empty description, role or tracing params is "" / {} or null,
// and may be nil (data sources, import).
func flattenService(s *fc.Service, prior *serviceModel) (serviceModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	if prior == nil {
		prior = &serviceModel{}
	}
	name := prior.Name
	if s.ServiceName != nil {
		name = types.StringValue(*s.ServiceName)
	}
	m := serviceModel{
		ID:               name,
		Name:             name,
		Description:      flattenOptionalString(s.Description, prior.Description),
		Role:             flattenOptionalString(s.Role, prior.Role),
		InternetAccess:   types.BoolPointerValue(s.InternetAccess),
		ServiceID:        types.StringPointerValue(s.ServiceID),
		CreatedTime:      types.StringPointerValue(s.CreatedTime),
		LastModifiedTime: types.StringPointerValue(s.LastModifiedTime),
		// FC's service answers carry no tags: the caller reads them
		// (tags.go).
		Tags: prior.Tags,
	}
	if m.Tags.ElementType(context.Background()) == nil {
		m.Tags = types.MapNull(types.StringType)
	}

	var d diag.Diagnostics
	m.LogConfig, d = flattenLogConfig(s.LogConfig)
	diags.Append(d...)
	m.NASConfig, d = flattenNASConfig(s.NASConfig)
	diags.Append(d...)
	m.OSSMountConfig, d = flattenOSSMountConfig(s.OSSMountConfig)
	diags.Append(d...)
	m.TracingConfig, d = flattenTracingConfig(s.TracingConfig, priorTracingParams(prior.TracingConfig))
	diags.Append(d...)
	m.VPCConfig, d = flattenVPCConfig(s.VPCConfig)
	diags.Append(d...)
	return m, diags
}

// flattenServiceResource is flattenService for the fc_service resource: a
// log configuration without a begin rule is read as "None", the schema
// default and FC's, so that a service whose rule FC does not report (e.g.
// one created outside Terraform, then imported) has no diff against a
// configuration that leaves the rule out.
func flattenServiceResource(s *fc.Service, prior *serviceModel) (serviceModel, diag.Diagnostics) {
	m, diags := flattenService(s, prior)
	if diags.HasError() || !known(m.LogConfig) {
		return m, diags
	}
	attrs := m.LogConfig.Attributes()
	if rule, ok := attrs["log_begin_rule"].(types.String); ok && rule.IsNull() {
		attrs["log_begin_rule"] = types.StringValue(validators.LogBeginRuleNone)
		var d diag.Diagnostics
		m.LogConfig, d = types.ObjectValue(logConfigAttrTypes, attrs)
		diags.Append(d...)
	}
	return m, diags
}

func flattenLogConfig(c *fc.LogConfig) (types.Object, diag.Diagnostics) {
	if c == nil || logConfigIsEmpty(c) {
		return types.ObjectNull(logConfigAttrTypes), nil
	}
	return types.ObjectValue(logConfigAttrTypes, map[string]attr.Value{
		"enable_instance_metrics": types.BoolValue(c.EnableInstanceMetrics),
		"enable_request_metrics":  types.BoolValue(c.EnableRequestMetrics),
		"log_begin_rule":          flattenNonEmptyString(c.LogBeginRule),
		"logstore":                types.StringValue(c.Logstore),
		"project":                 types.StringValue(c.Project),
	})
}

// logConfigIsEmpty reports a log configuration without a destination and
// without metrics. logBeginRule is ignored: a service may report its
// default rule on a cleared configuration.
func logConfigIsEmpty(c *fc.LogConfig) bool {
	return c.Project == "" && c.Logstore == "" && !c.EnableRequestMetrics && !c.EnableInstanceMetrics
}

func flattenNASConfig(c *fc.NASConfig) (types.Object, diag.Diagnostics) {
	// Without mount points a NAS configuration does nothing; FC reports
	// services without NAS with empty mount points (and user and group IDs
	// that may be -1), so only the mount points decide.
	if c == nil || len(c.MountPoints) == 0 {
		return types.ObjectNull(nasConfigAttrTypes), nil
	}
	var diags diag.Diagnostics
	elemType := types.ObjectType{AttrTypes: nasMountPointAttrTypes}
	points := make([]attr.Value, 0, len(c.MountPoints))
	for _, p := range c.MountPoints {
		v, d := types.ObjectValue(nasMountPointAttrTypes, map[string]attr.Value{
			"enable_tls":  types.BoolValue(p.EnableTLS),
			"mount_dir":   types.StringValue(p.MountDir),
			"server_addr": types.StringValue(p.ServerAddr),
		})
		diags.Append(d...)
		points = append(points, v)
	}
	list, d := types.ListValue(elemType, points)
	diags.Append(d...)
	obj, d := types.ObjectValue(nasConfigAttrTypes, map[string]attr.Value{
		"group_id":     types.Int64Value(c.GroupID),
		"mount_points": list,
		"user_id":      types.Int64Value(c.UserID),
	})
	diags.Append(d...)
	return obj, diags
}

func flattenOSSMountConfig(c *fc.OSSMountConfig) (types.Object, diag.Diagnostics) {
	if c == nil || len(c.MountPoints) == 0 {
		return types.ObjectNull(ossMountConfigAttrTypes), nil
	}
	var diags diag.Diagnostics
	elemType := types.ObjectType{AttrTypes: ossMountPointAttrTypes}
	points := make([]attr.Value, 0, len(c.MountPoints))
	for _, p := range c.MountPoints {
		v, d := types.ObjectValue(ossMountPointAttrTypes, map[string]attr.Value{
			"bucket_name": types.StringValue(p.BucketName),
			"bucket_path": flattenNonEmptyString(p.BucketPath),
			"endpoint":    types.StringValue(p.Endpoint),
			"mount_dir":   types.StringValue(p.MountDir),
			"read_only":   types.BoolValue(p.ReadOnly),
		})
		diags.Append(d...)
		points = append(points, v)
	}
	list, d := types.ListValue(elemType, points)
	diags.Append(d...)
	obj, d := types.ObjectValue(ossMountConfigAttrTypes, map[string]attr.Value{
		"mount_points": list,
	})
	diags.Append(d...)
	return obj, diags
}

// priorTracingParams returns the params of a prior tracing_config, or a
// null map when there is none.
func priorTracingParams(o types.Object) types.Map {
	null := types.MapNull(types.StringType)
	if !known(o) {
		return null
	}
	p, ok := o.Attributes()["params"].(types.Map)
	if !ok {
		return null
	}
	return p
}

func flattenTracingConfig(c *fc.TracingConfig, priorParams types.Map) (types.Object, diag.Diagnostics) {
	if c == nil || (c.Type == "" && len(c.Params) == 0) {
		return types.ObjectNull(tracingConfigAttrTypes), nil
	}
	var diags diag.Diagnostics
	var params types.Map
	switch {
	case len(c.Params) > 0:
		elems := make(map[string]attr.Value, len(c.Params))
		for k, v := range c.Params {
			elems[k] = types.StringValue(v)
		}
		var d diag.Diagnostics
		params, d = types.MapValue(types.StringType, elems)
		diags.Append(d...)
	case known(priorParams) && len(priorParams.Elements()) == 0:
		// The user wrote params = {}.
		params = types.MapValueMust(types.StringType, map[string]attr.Value{})
	default:
		params = types.MapNull(types.StringType)
	}
	obj, d := types.ObjectValue(tracingConfigAttrTypes, map[string]attr.Value{
		"params": params,
		"type":   types.StringValue(c.Type),
	})
	diags.Append(d...)
	return obj, diags
}

func flattenVPCConfig(c *fc.VPCConfig) (types.Object, diag.Diagnostics) {
	if c == nil || vpcConfigIsEmpty(c) {
		return types.ObjectNull(vpcConfigAttrTypes), nil
	}
	var diags diag.Diagnostics
	ids := make([]attr.Value, 0, len(c.VSwitchIDs))
	for _, id := range slices.Sorted(slices.Values(c.VSwitchIDs)) {
		ids = append(ids, types.StringValue(id))
	}
	set, d := types.SetValue(types.StringType, ids)
	diags.Append(d...)
	obj, d := types.ObjectValue(vpcConfigAttrTypes, map[string]attr.Value{
		"role":              flattenNonEmptyString(c.Role),
		"security_group_id": types.StringValue(c.SecurityGroupID),
		"vpc_id":            types.StringValue(c.VPCID),
		"vswitch_ids":       set,
	})
	diags.Append(d...)
	return obj, diags
}

// vpcConfigIsEmpty reports a VPC configuration without a VPC, vSwitches or
// security group (FC reports services without VPC access this way). The
// role alone does not attach anything.
func vpcConfigIsEmpty(c *fc.VPCConfig) bool {
	return c.VPCID == "" && len(c.VSwitchIDs) == 0 && c.SecurityGroupID == ""
}
