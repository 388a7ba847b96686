package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// Models of fc_function, fc_function (data source) and fc_functions, with
// their hand-written expand (model -> API) and flatten (API -> model)
// functions.
//
// Null, empty and zero: a user may write description = "" or
// environment_variables = {} as well as leave them out. Both are sent as a
// clear ("" / {}), and FC answers the same way for both (absent or empty),
// so every flatten function takes the prior value (plan or state) and keeps
// an empty-but-not-null prior when the API answers "empty". Anything else
// empty flattens to null.

// functionResourceModel is the state of fc_function.
type functionResourceModel struct {
	Code        types.Object `tfsdk:"code"`
	ID          types.String `tfsdk:"id"`
	ServiceName types.String `tfsdk:"service_name"`
	functionAttributesModel
}

// functionAttributesModel holds what FC returns for a function. It is shared
// by the resource, the fc_function data source and the items of
// fc_functions.
type functionAttributesModel struct {
	CAPort                  types.Int64   `tfsdk:"ca_port"`
	CodeChecksum            types.String  `tfsdk:"code_checksum"`
	CodeSize                types.Int64   `tfsdk:"code_size"`
	CPU                     types.Float64 `tfsdk:"cpu"`
	CreatedTime             types.String  `tfsdk:"created_time"`
	CustomContainerConfig   types.Object  `tfsdk:"custom_container_config"`
	CustomDNS               types.Object  `tfsdk:"custom_dns"`
	CustomHealthCheckConfig types.Object  `tfsdk:"custom_health_check_config"`
	CustomRuntimeConfig     types.Object  `tfsdk:"custom_runtime_config"`
	Description             types.String  `tfsdk:"description"`
	DiskSize                types.Int64   `tfsdk:"disk_size"`
	EnvironmentVariables    types.Map     `tfsdk:"environment_variables"`
	FunctionID              types.String  `tfsdk:"function_id"`
	GPUMemorySize           types.Int64   `tfsdk:"gpu_memory_size"`
	Handler                 types.String  `tfsdk:"handler"`
	InitializationTimeout   types.Int64   `tfsdk:"initialization_timeout"`
	Initializer             types.String  `tfsdk:"initializer"`
	InstanceConcurrency     types.Int64   `tfsdk:"instance_concurrency"`
	InstanceLifecycleConfig types.Object  `tfsdk:"instance_lifecycle_config"`
	InstanceSoftConcurrency types.Int64   `tfsdk:"instance_soft_concurrency"`
	InstanceType            types.String  `tfsdk:"instance_type"`
	LastModifiedTime        types.String  `tfsdk:"last_modified_time"`
	Layers                  types.List    `tfsdk:"layers"`
	LayersARNV2             types.List    `tfsdk:"layers_arn_v2"`
	MemorySize              types.Int64   `tfsdk:"memory_size"`
	Name                    types.String  `tfsdk:"name"`
	Runtime                 types.String  `tfsdk:"runtime"`
	Timeout                 types.Int64   `tfsdk:"timeout"`
}

type customContainerConfigModel struct {
	AccelerationType types.String `tfsdk:"acceleration_type"`
	Args             types.List   `tfsdk:"args"`
	Command          types.List   `tfsdk:"command"`
	Image            types.String `tfsdk:"image"`
	InstanceID       types.String `tfsdk:"instance_id"`
	WebServerMode    types.Bool   `tfsdk:"web_server_mode"`
}

type customDNSModel struct {
	DNSOptions  types.List `tfsdk:"dns_options"`
	NameServers types.List `tfsdk:"name_servers"`
	Searches    types.List `tfsdk:"searches"`
}

type dnsOptionModel struct {
	Name  types.String `tfsdk:"name"`
	Value types.String `tfsdk:"value"`
}

type customRuntimeConfigModel struct {
	Args    types.List `tfsdk:"args"`
	Command types.List `tfsdk:"command"`
}

type customHealthCheckConfigModel struct {
	FailureThreshold    types.Int64  `tfsdk:"failure_threshold"`
	HTTPGetURL          types.String `tfsdk:"http_get_url"`
	InitialDelaySeconds types.Int64  `tfsdk:"initial_delay_seconds"`
	PeriodSeconds       types.Int64  `tfsdk:"period_seconds"`
	SuccessThreshold    types.Int64  `tfsdk:"success_threshold"`
	TimeoutSeconds      types.Int64  `tfsdk:"timeout_seconds"`
}

type instanceLifecycleConfigModel struct {
	PreFreeze types.Object `tfsdk:"pre_freeze"`
	PreStop   types.Object `tfsdk:"pre_stop"`
}

type lifecycleHookModel struct {
	Handler types.String `tfsdk:"handler"`
	Timeout types.Int64  `tfsdk:"timeout"`
}

// Object types of the nested attributes.
var (
	stringListType = types.ListType{ElemType: types.StringType}

	customContainerConfigAttrTypes = map[string]attr.Type{
		"acceleration_type": types.StringType,
		"args":              stringListType,
		"command":           stringListType,
		"image":             types.StringType,
		"instance_id":       types.StringType,
		"web_server_mode":   types.BoolType,
	}
	dnsOptionAttrTypes = map[string]attr.Type{
		"name":  types.StringType,
		"value": types.StringType,
	}
	dnsOptionObjectType = types.ObjectType{AttrTypes: dnsOptionAttrTypes}
	customDNSAttrTypes  = map[string]attr.Type{
		"dns_options":  types.ListType{ElemType: dnsOptionObjectType},
		"name_servers": stringListType,
		"searches":     stringListType,
	}
	customRuntimeConfigAttrTypes = map[string]attr.Type{
		"args":    stringListType,
		"command": stringListType,
	}
	customHealthCheckConfigAttrTypes = map[string]attr.Type{
		"failure_threshold":     types.Int64Type,
		"http_get_url":          types.StringType,
		"initial_delay_seconds": types.Int64Type,
		"period_seconds":        types.Int64Type,
		"success_threshold":     types.Int64Type,
		"timeout_seconds":       types.Int64Type,
	}
	lifecycleHookAttrTypes = map[string]attr.Type{
		"handler": types.StringType,
		"timeout": types.Int64Type,
	}
	lifecycleHookObjectType          = types.ObjectType{AttrTypes: lifecycleHookAttrTypes}
	instanceLifecycleConfigAttrTypes = map[string]attr.Type{
		"pre_freeze": lifecycleHookObjectType,
		"pre_stop":   lifecycleHookObjectType,
	}
)

// ---------------------------------------------------------------------------
// Expand: model -> API request.

// expandFunctionCreate builds the CreateFunction body from the plan, without
// code: every known, non-null argument is sent.
func expandFunctionCreate(ctx context.Context, plan *functionResourceModel) (*fc.Function, diag.Diagnostics) {
	var diags diag.Diagnostics
	in := &fc.Function{
		FunctionName:            fc.Ptr(plan.Name.ValueString()),
		Runtime:                 stringPtr(plan.Runtime),
		Handler:                 stringPtr(plan.Handler),
		Description:             stringPtr(plan.Description),
		Initializer:             stringPtr(plan.Initializer),
		InitializationTimeout:   int64Ptr(plan.InitializationTimeout),
		Timeout:                 int64Ptr(plan.Timeout),
		MemorySize:              int64Ptr(plan.MemorySize),
		CPU:                     float64Ptr(plan.CPU),
		DiskSize:                int64Ptr(plan.DiskSize),
		GPUMemorySize:           int64Ptr(plan.GPUMemorySize),
		InstanceType:            stringPtr(plan.InstanceType),
		InstanceConcurrency:     int64Ptr(plan.InstanceConcurrency),
		InstanceSoftConcurrency: int64Ptr(plan.InstanceSoftConcurrency),
		CAPort:                  int64Ptr(plan.CAPort),
		EnvironmentVariables:    expandStringMap(plan.EnvironmentVariables),
		Layers:                  expandStringList(plan.Layers),
	}
	var d diag.Diagnostics
	in.CustomContainerConfig, d = expandCustomContainerConfig(ctx, plan.CustomContainerConfig)
	diags.Append(d...)
	in.CustomDNS, d = expandCustomDNS(ctx, plan.CustomDNS)
	diags.Append(d...)
	in.CustomRuntimeConfig, d = expandCustomRuntimeConfig(ctx, plan.CustomRuntimeConfig)
	diags.Append(d...)
	in.CustomHealthCheckConfig, d = expandCustomHealthCheckConfig(ctx, plan.CustomHealthCheckConfig)
	diags.Append(d...)
	in.InstanceLifecycleConfig, d = expandInstanceLifecycleConfig(ctx, plan.InstanceLifecycleConfig)
	diags.Append(d...)
	return in, diags
}

// expandFunctionUpdate builds the UpdateFunction body from the differences
// between plan and prior state, without code. Only changed arguments are
// sent; an Optional argument removed from the configuration is sent as its
// clear value ("" for strings, {} for maps, [] for lists, an all-empty
// object for nested objects). changed reports whether any argument differs;
// it also counts unknown planned values (ModifyPlan calls this with a plan
// that may hold unknowns; Update only with known values).
func expandFunctionUpdate(ctx context.Context, plan, state *functionResourceModel) (in *fc.Function, changed bool, diags diag.Diagnostics) {
	in = &fc.Function{}
	differs := func(p, s attr.Value) bool {
		if sameValue(p, s) {
			return false
		}
		changed = true
		return !p.IsUnknown()
	}

	// Arguments FC fills in when unset (Optional+Computed): a null plan
	// value cannot be sent, and UseStateForUnknown keeps the state's value
	// when the configuration leaves them out.
	if differs(plan.Runtime, state.Runtime) {
		in.Runtime = stringPtr(plan.Runtime)
	}
	if differs(plan.Handler, state.Handler) {
		in.Handler = stringPtr(plan.Handler)
	}
	if differs(plan.InitializationTimeout, state.InitializationTimeout) {
		in.InitializationTimeout = int64Ptr(plan.InitializationTimeout)
	}
	if differs(plan.Timeout, state.Timeout) {
		in.Timeout = int64Ptr(plan.Timeout)
	}
	if differs(plan.MemorySize, state.MemorySize) {
		in.MemorySize = int64Ptr(plan.MemorySize)
	}
	if differs(plan.CPU, state.CPU) {
		in.CPU = float64Ptr(plan.CPU)
	}
	if differs(plan.DiskSize, state.DiskSize) {
		in.DiskSize = int64Ptr(plan.DiskSize)
	}
	if differs(plan.GPUMemorySize, state.GPUMemorySize) {
		in.GPUMemorySize = int64Ptr(plan.GPUMemorySize)
	}
	if differs(plan.InstanceType, state.InstanceType) {
		in.InstanceType = stringPtr(plan.InstanceType)
	}
	if differs(plan.InstanceConcurrency, state.InstanceConcurrency) {
		in.InstanceConcurrency = int64Ptr(plan.InstanceConcurrency)
	}
	if differs(plan.InstanceSoftConcurrency, state.InstanceSoftConcurrency) {
		in.InstanceSoftConcurrency = int64Ptr(plan.InstanceSoftConcurrency)
	}
	if differs(plan.CAPort, state.CAPort) {
		in.CAPort = int64Ptr(plan.CAPort)
	}

	// Optional-only arguments: null means "clear".
	if differs(plan.Description, state.Description) {
		in.Description = fc.Ptr(plan.Description.ValueString())
	}
	if differs(plan.Initializer, state.Initializer) {
		in.Initializer = fc.Ptr(plan.Initializer.ValueString())
	}
	if differs(plan.EnvironmentVariables, state.EnvironmentVariables) {
		in.EnvironmentVariables = expandStringMap(plan.EnvironmentVariables)
		if in.EnvironmentVariables == nil {
			in.EnvironmentVariables = map[string]string{}
		}
	}
	if differs(plan.Layers, state.Layers) {
		in.Layers = expandStringList(plan.Layers)
		if in.Layers == nil {
			in.Layers = []string{}
		}
	}
	if differs(plan.CustomContainerConfig, state.CustomContainerConfig) {
		in.CustomContainerConfig = expandForUpdate(ctx, plan.CustomContainerConfig, expandCustomContainerConfig, &diags)
	}
	if differs(plan.CustomDNS, state.CustomDNS) {
		in.CustomDNS = expandForUpdate(ctx, plan.CustomDNS, expandCustomDNS, &diags)
	}
	if differs(plan.CustomRuntimeConfig, state.CustomRuntimeConfig) {
		in.CustomRuntimeConfig = expandForUpdate(ctx, plan.CustomRuntimeConfig, expandCustomRuntimeConfig, &diags)
	}
	if differs(plan.CustomHealthCheckConfig, state.CustomHealthCheckConfig) {
		in.CustomHealthCheckConfig = expandForUpdate(ctx, plan.CustomHealthCheckConfig, expandCustomHealthCheckConfig, &diags)
	}
	if differs(plan.InstanceLifecycleConfig, state.InstanceLifecycleConfig) {
		in.InstanceLifecycleConfig = expandForUpdate(ctx, plan.InstanceLifecycleConfig, expandInstanceLifecycleConfig, &diags)
	}
	return in, changed, diags
}

// codeUploadNeeded reports whether an update must send the code package:
// when the planned checksum is unknown (OSS source changed, or a source that
// is only known at apply) or differs from the checksum in state (local files
// changed, another source, or code changed outside Terraform). A change of
// the source arguments alone (e.g. source_dir to the same zip as filename,
// or after an import) uploads nothing.
func codeUploadNeeded(plan, state *functionResourceModel) bool {
	if plan.Code.IsNull() {
		return false
	}
	if plan.CodeChecksum.IsUnknown() {
		return true
	}
	return !plan.CodeChecksum.Equal(state.CodeChecksum)
}

func expandCustomContainerConfig(ctx context.Context, o types.Object) (*fc.CustomContainerConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m customContainerConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.CustomContainerConfig{
		Image:            m.Image.ValueString(),
		AccelerationType: m.AccelerationType.ValueString(),
		InstanceID:       m.InstanceID.ValueString(),
		WebServerMode:    boolPtr(m.WebServerMode),
	}
	var err error
	if out.Command, err = encodeJSONStringList(m.Command); err != nil {
		diags.AddAttributeError(path.Root("custom_container_config").AtName("command"), "Invalid command", err.Error())
	}
	if out.Args, err = encodeJSONStringList(m.Args); err != nil {
		diags.AddAttributeError(path.Root("custom_container_config").AtName("args"), "Invalid args", err.Error())
	}
	return out, diags
}

func expandCustomDNS(ctx context.Context, o types.Object) (*fc.CustomDNS, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m customDNSModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.CustomDNS{
		NameServers: expandStringList(m.NameServers),
		Searches:    expandStringList(m.Searches),
	}
	if known(m.DNSOptions) {
		var opts []dnsOptionModel
		diags.Append(m.DNSOptions.ElementsAs(ctx, &opts, false)...)
		out.DNSOptions = make([]fc.DNSOption, 0, len(opts))
		for _, opt := range opts {
			out.DNSOptions = append(out.DNSOptions, fc.DNSOption{Name: opt.Name.ValueString(), Value: opt.Value.ValueString()})
		}
	}
	return out, diags
}

func expandCustomRuntimeConfig(ctx context.Context, o types.Object) (*fc.CustomRuntimeConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m customRuntimeConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	return &fc.CustomRuntimeConfig{
		Command: expandStringList(m.Command),
		Args:    expandStringList(m.Args),
	}, diags
}

func expandCustomHealthCheckConfig(ctx context.Context, o types.Object) (*fc.CustomHealthCheckConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m customHealthCheckConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	return &fc.CustomHealthCheckConfig{
		HTTPGetURL:          m.HTTPGetURL.ValueString(),
		InitialDelaySeconds: m.InitialDelaySeconds.ValueInt64(),
		PeriodSeconds:       m.PeriodSeconds.ValueInt64(),
		TimeoutSeconds:      m.TimeoutSeconds.ValueInt64(),
		FailureThreshold:    m.FailureThreshold.ValueInt64(),
		SuccessThreshold:    m.SuccessThreshold.ValueInt64(),
	}, diags
}

func expandInstanceLifecycleConfig(ctx context.Context, o types.Object) (*fc.InstanceLifecycleConfig, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m instanceLifecycleConfigModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	out := &fc.InstanceLifecycleConfig{}
	var d diag.Diagnostics
	out.PreFreeze, d = expandLifecycleHook(ctx, m.PreFreeze)
	diags.Append(d...)
	out.PreStop, d = expandLifecycleHook(ctx, m.PreStop)
	diags.Append(d...)
	return out, diags
}

func expandLifecycleHook(ctx context.Context, o types.Object) (*fc.LifecycleHook, diag.Diagnostics) {
	if !known(o) {
		return nil, nil
	}
	var m lifecycleHookModel
	diags := o.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return nil, diags
	}
	return &fc.LifecycleHook{Handler: m.Handler.ValueString(), Timeout: m.Timeout.ValueInt64()}, diags
}

// ---------------------------------------------------------------------------
// Flatten: API -> model.

// flattenFunctionAttributes maps a function read from FC onto the model.
// prior is the plan (after create and update), the state (after read) or
// the zero model (data sources); it only decides between null and empty.
func flattenFunctionAttributes(ctx context.Context, f *fc.Function, prior functionAttributesModel) (functionAttributesModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := functionAttributesModel{
		CAPort:                  flattenInt64(f.CAPort),
		CodeChecksum:            flattenComputedString(f.CodeChecksum),
		CodeSize:                flattenInt64(f.CodeSize),
		CPU:                     flattenFloat64(f.CPU),
		CreatedTime:             flattenComputedString(f.CreatedTime),
		Description:             flattenOptionalString(f.Description, prior.Description),
		DiskSize:                flattenInt64(f.DiskSize),
		EnvironmentVariables:    flattenStringMap(f.EnvironmentVariables, prior.EnvironmentVariables),
		FunctionID:              flattenComputedString(f.FunctionID),
		GPUMemorySize:           flattenInt64(f.GPUMemorySize),
		Handler:                 flattenComputedString(f.Handler),
		InitializationTimeout:   flattenInt64(f.InitializationTimeout),
		Initializer:             flattenOptionalString(f.Initializer, prior.Initializer),
		InstanceConcurrency:     flattenInt64(f.InstanceConcurrency),
		InstanceSoftConcurrency: flattenInt64(f.InstanceSoftConcurrency),
		InstanceType:            flattenInstanceType(f.InstanceType, prior.InstanceType),
		LastModifiedTime:        flattenComputedString(f.LastModifiedTime),
		Layers:                  flattenStringList(f.Layers, prior.Layers),
		LayersARNV2:             flattenComputedStringList(f.LayersArnV2),
		MemorySize:              flattenInt64(f.MemorySize),
		Name:                    flattenComputedString(f.FunctionName),
		Runtime:                 flattenComputedString(f.Runtime),
		Timeout:                 flattenInt64(f.Timeout),
	}
	if out.Name.IsNull() {
		out.Name = prior.Name
	}
	var d diag.Diagnostics
	out.CustomContainerConfig, d = flattenCustomContainerConfig(ctx, f.CustomContainerConfig, prior.CustomContainerConfig)
	diags.Append(d...)
	out.CustomDNS, d = flattenCustomDNS(ctx, f.CustomDNS, prior.CustomDNS)
	diags.Append(d...)
	out.CustomRuntimeConfig, d = flattenCustomRuntimeConfig(ctx, f.CustomRuntimeConfig, prior.CustomRuntimeConfig)
	diags.Append(d...)
	out.CustomHealthCheckConfig, d = flattenCustomHealthCheckConfig(ctx, f.CustomHealthCheckConfig, prior.CustomHealthCheckConfig)
	diags.Append(d...)
	out.InstanceLifecycleConfig, d = flattenInstanceLifecycleConfig(ctx, f.InstanceLifecycleConfig, prior.InstanceLifecycleConfig)
	diags.Append(d...)
	return out, diags
}

// flattenInstanceType keeps the prior spelling when FC answers the other
// name of the same instance type (g1 is fc.gpu.tesla.1).
func flattenInstanceType(v *string, prior types.String) types.String {
	out := flattenComputedString(v)
	if known(prior) && !out.IsNull() && sameInstanceType(prior.ValueString(), out.ValueString()) {
		return prior
	}
	return out
}

func sameInstanceType(a, b string) bool {
	canon := func(s string) string {
		if s == validators.InstanceTypeG1 {
			return validators.InstanceTypeGPUTesla1
		}
		return s
	}
	return canon(a) == canon(b)
}

func flattenCustomContainerConfig(ctx context.Context, v *fc.CustomContainerConfig, prior types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	var p customContainerConfigModel
	if known(prior) {
		diags.Append(prior.As(ctx, &p, basetypes.ObjectAsOptions{})...)
	}
	if v == nil || (v.Image == "" && v.Command == "" && v.Args == "" && v.AccelerationType == "" && v.InstanceID == "" && v.WebServerMode == nil) {
		return keepBlankPrior(prior, customContainerConfigAttrTypes, func() bool {
			c, _ := expandCustomContainerConfig(ctx, prior)
			return c != nil && *c == fc.CustomContainerConfig{}
		}), diags
	}
	command, err := decodeJSONStringList(v.Command, p.Command)
	if err != nil {
		diags.AddWarning("Unreadable custom container command",
			fmt.Sprintf("FC returned a customContainerConfig.command that is not a JSON array of strings (%s); Terraform treats it as unset.", err))
	}
	args, err := decodeJSONStringList(v.Args, p.Args)
	if err != nil {
		diags.AddWarning("Unreadable custom container args",
			fmt.Sprintf("FC returned a customContainerConfig.args that is not a JSON array of strings (%s); Terraform treats it as unset.", err))
	}
	m := customContainerConfigModel{
		AccelerationType: flattenOptionalStringValue(v.AccelerationType, p.AccelerationType),
		Args:             args,
		Command:          command,
		Image:            flattenOptionalStringValue(v.Image, p.Image),
		InstanceID:       flattenOptionalStringValue(v.InstanceID, p.InstanceID),
		WebServerMode:    flattenBool(v.WebServerMode),
	}
	obj, d := types.ObjectValueFrom(ctx, customContainerConfigAttrTypes, m)
	diags.Append(d...)
	return obj, diags
}

func flattenCustomDNS(ctx context.Context, v *fc.CustomDNS, prior types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	var p customDNSModel
	if known(prior) {
		diags.Append(prior.As(ctx, &p, basetypes.ObjectAsOptions{})...)
	}
	if v == nil || (len(v.NameServers) == 0 && len(v.Searches) == 0 && len(v.DNSOptions) == 0) {
		return keepBlankPrior(prior, customDNSAttrTypes, func() bool {
			c, _ := expandCustomDNS(ctx, prior)
			return c != nil && len(c.NameServers) == 0 && len(c.Searches) == 0 && len(c.DNSOptions) == 0
		}), diags
	}
	m := customDNSModel{
		NameServers: flattenStringList(v.NameServers, p.NameServers),
		Searches:    flattenStringList(v.Searches, p.Searches),
		DNSOptions:  types.ListNull(dnsOptionObjectType),
	}
	if len(v.DNSOptions) > 0 {
		var priorOpts []dnsOptionModel
		if known(p.DNSOptions) {
			diags.Append(p.DNSOptions.ElementsAs(ctx, &priorOpts, false)...)
		}
		opts := make([]attr.Value, 0, len(v.DNSOptions))
		for i, o := range v.DNSOptions {
			var po dnsOptionModel
			if i < len(priorOpts) {
				po = priorOpts[i]
			}
			ov, d := types.ObjectValue(dnsOptionAttrTypes, map[string]attr.Value{
				"name":  flattenOptionalStringValue(o.Name, po.Name),
				"value": flattenOptionalStringValue(o.Value, po.Value),
			})
			diags.Append(d...)
			opts = append(opts, ov)
		}
		l, d := types.ListValue(dnsOptionObjectType, opts)
		diags.Append(d...)
		m.DNSOptions = l
	} else if known(p.DNSOptions) && len(p.DNSOptions.Elements()) == 0 {
		m.DNSOptions = p.DNSOptions
	}
	obj, d := types.ObjectValueFrom(ctx, customDNSAttrTypes, m)
	diags.Append(d...)
	return obj, diags
}

func flattenCustomRuntimeConfig(ctx context.Context, v *fc.CustomRuntimeConfig, prior types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	var p customRuntimeConfigModel
	if known(prior) {
		diags.Append(prior.As(ctx, &p, basetypes.ObjectAsOptions{})...)
	}
	if v == nil || (len(v.Command) == 0 && len(v.Args) == 0) {
		return keepBlankPrior(prior, customRuntimeConfigAttrTypes, func() bool {
			c, _ := expandCustomRuntimeConfig(ctx, prior)
			return c != nil && len(c.Command) == 0 && len(c.Args) == 0
		}), diags
	}
	obj, d := types.ObjectValueFrom(ctx, customRuntimeConfigAttrTypes, customRuntimeConfigModel{
		Args:    flattenStringList(v.Args, p.Args),
		Command: flattenStringList(v.Command, p.Command),
	})
	diags.Append(d...)
	return obj, diags
}

func flattenCustomHealthCheckConfig(ctx context.Context, v *fc.CustomHealthCheckConfig, prior types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	var p customHealthCheckConfigModel
	if known(prior) {
		diags.Append(prior.As(ctx, &p, basetypes.ObjectAsOptions{})...)
	}
	if v == nil || *v == (fc.CustomHealthCheckConfig{}) {
		return keepBlankPrior(prior, customHealthCheckConfigAttrTypes, func() bool {
			c, _ := expandCustomHealthCheckConfig(ctx, prior)
			return c != nil && *c == fc.CustomHealthCheckConfig{}
		}), diags
	}
	obj, d := types.ObjectValueFrom(ctx, customHealthCheckConfigAttrTypes, customHealthCheckConfigModel{
		FailureThreshold:    flattenOptionalInt64Value(v.FailureThreshold, p.FailureThreshold),
		HTTPGetURL:          flattenOptionalStringValue(v.HTTPGetURL, p.HTTPGetURL),
		InitialDelaySeconds: flattenOptionalInt64Value(v.InitialDelaySeconds, p.InitialDelaySeconds),
		PeriodSeconds:       flattenOptionalInt64Value(v.PeriodSeconds, p.PeriodSeconds),
		SuccessThreshold:    flattenOptionalInt64Value(v.SuccessThreshold, p.SuccessThreshold),
		TimeoutSeconds:      flattenOptionalInt64Value(v.TimeoutSeconds, p.TimeoutSeconds),
	})
	diags.Append(d...)
	return obj, diags
}

func flattenInstanceLifecycleConfig(ctx context.Context, v *fc.InstanceLifecycleConfig, prior types.Object) (types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	var p instanceLifecycleConfigModel
	if known(prior) {
		diags.Append(prior.As(ctx, &p, basetypes.ObjectAsOptions{})...)
	}
	blankHook := func(h *fc.LifecycleHook) bool { return h == nil || *h == (fc.LifecycleHook{}) }
	if v == nil || (blankHook(v.PreFreeze) && blankHook(v.PreStop)) {
		return keepBlankPrior(prior, instanceLifecycleConfigAttrTypes, func() bool {
			c, _ := expandInstanceLifecycleConfig(ctx, prior)
			return c != nil && blankHook(c.PreFreeze) && blankHook(c.PreStop)
		}), diags
	}
	preFreeze, d := flattenLifecycleHook(v.PreFreeze, p.PreFreeze)
	diags.Append(d...)
	preStop, d := flattenLifecycleHook(v.PreStop, p.PreStop)
	diags.Append(d...)
	obj, d := types.ObjectValue(instanceLifecycleConfigAttrTypes, map[string]attr.Value{
		"pre_freeze": preFreeze,
		"pre_stop":   preStop,
	})
	diags.Append(d...)
	return obj, diags
}

func flattenLifecycleHook(v *fc.LifecycleHook, prior types.Object) (types.Object, diag.Diagnostics) {
	if v == nil || *v == (fc.LifecycleHook{}) {
		return types.ObjectNull(lifecycleHookAttrTypes), nil
	}
	var handler, timeout attr.Value = types.StringNull(), types.Int64Null()
	if known(prior) {
		handler = prior.Attributes()["handler"]
		timeout = prior.Attributes()["timeout"]
	}
	return types.ObjectValue(lifecycleHookAttrTypes, map[string]attr.Value{
		"handler": flattenOptionalStringValue(v.Handler, asString(handler)),
		"timeout": flattenOptionalInt64Value(v.Timeout, asInt64(timeout)),
	})
}
