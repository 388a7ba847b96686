package alicloudschema

// The schemas of the incumbent's alicloud_fc_service, alicloud_fc_function,
// alicloud_fc_trigger, alicloud_fc_alias, alicloud_fc_layer_version,
// alicloud_fc_function_async_invoke_config and alicloud_fc_custom_domain,
// attribute for attribute as in
// its source (alicloud/resource_alicloud_fc_<name>.go), in the source's
// order. Validation functions, conflicts and diff
// suppression are left out: they do not shape the state.

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Shorthands for the SDK v1 flags.
func optionalString() schema.StringAttribute { return schema.StringAttribute{Optional: true} }
func requiredString() schema.StringAttribute { return schema.StringAttribute{Required: true} }

// Computed values keep their state values in a plan (UseStateForUnknown),
// as SDK v1 plans them unless a resource asks otherwise.
func computedString() schema.StringAttribute {
	return schema.StringAttribute{Computed: true, PlanModifiers: keepState}
}

// optionalComputedString is Optional+Computed, as SDK v1's implicit id and
// the generated names are.
func optionalComputedString() schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, PlanModifiers: keepState}
}

var keepState = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}

// Attributes with an SDK v1 Default are Optional+Computed with the default
// here: the framework cannot plan a value for a merely optional attribute,
// and the state holds the default either way.
func defaultBool(v bool) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(v)}
}

func defaultInt(v int64) schema.Int64Attribute {
	return schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(v)}
}

func defaultString(v string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(v)}
}

// maxOneBlock is a TypeList MaxItems 1 block.
func maxOneBlock(attrs map[string]schema.Attribute, blocks map[string]schema.Block) schema.ListNestedBlock {
	return schema.ListNestedBlock{
		NestedObject: schema.NestedBlockObject{Attributes: attrs, Blocks: blocks},
		Validators:   []validator.List{listvalidator.SizeAtMost(1)},
	}
}

func serviceResource() *storedResource {
	return &storedResource{
		name:    "fc_service",
		idAttrs: []string{"name"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":              optionalComputedString(),
				"name":            optionalComputedString(),
				"name_prefix":     optionalString(),
				"description":     optionalString(),
				"tags":            schema.MapAttribute{Optional: true, ElementType: types.StringType},
				"internet_access": defaultBool(true),
				"role":            optionalString(),
				"publish":         defaultBool(false),
				"version":         computedString(),
				"last_modified":   computedString(),
				"service_id":      computedString(),
			},
			Blocks: map[string]schema.Block{
				"log_config": maxOneBlock(map[string]schema.Attribute{
					"project":                 requiredString(),
					"logstore":                requiredString(),
					"enable_request_metrics":  schema.BoolAttribute{Optional: true},
					"enable_instance_metrics": schema.BoolAttribute{Optional: true},
				}, nil),
				"vpc_config": maxOneBlock(map[string]schema.Attribute{
					"vswitch_ids":       schema.SetAttribute{Required: true, ElementType: types.StringType},
					"security_group_id": requiredString(),
					"vpc_id":            computedString(),
				}, nil),
				"nas_config": maxOneBlock(map[string]schema.Attribute{
					"user_id":  schema.Int64Attribute{Required: true},
					"group_id": schema.Int64Attribute{Required: true},
				}, map[string]schema.Block{
					// TypeList Required of a resource, without MaxItems.
					"mount_points": schema.ListNestedBlock{
						NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
							"server_addr": requiredString(),
							"mount_dir":   requiredString(),
						}},
						Validators: []validator.List{listvalidator.IsRequired(), listvalidator.SizeAtLeast(1)},
					},
				}),
				"tracing_config": maxOneBlock(map[string]schema.Attribute{
					"type": requiredString(),
					// TypeMap without Elem: a map of strings.
					"params": schema.MapAttribute{Required: true, ElementType: types.StringType},
				}, nil),
			},
		},
	}
}

func functionResource() *storedResource {
	return &storedResource{
		name:    "fc_function",
		idAttrs: []string{"service", "name"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":                     optionalComputedString(),
				"service":                requiredString(),
				"name":                   optionalComputedString(),
				"name_prefix":            optionalString(),
				"oss_bucket":             optionalString(),
				"oss_key":                optionalString(),
				"filename":               optionalString(),
				"description":            optionalString(),
				"code_checksum":          optionalComputedString(),
				"environment_variables":  schema.MapAttribute{Optional: true, ElementType: types.StringType},
				"handler":                requiredString(),
				"memory_size":            defaultInt(128),
				"runtime":                requiredString(),
				"timeout":                defaultInt(3),
				"last_modified":          computedString(),
				"function_id":            computedString(),
				"function_arn":           computedString(),
				"initializer":            optionalString(),
				"initialization_timeout": defaultInt(3),
				"instance_concurrency":   defaultInt(1),
				"ca_port":                schema.Int64Attribute{Optional: true},
				"instance_type":          defaultString("e1"),
				"layers":                 schema.ListAttribute{Optional: true, ElementType: types.StringType},
			},
			Blocks: map[string]schema.Block{
				"custom_container_config": maxOneBlock(map[string]schema.Attribute{
					"image":   requiredString(),
					"command": optionalString(),
					"args":    optionalString(),
				}, nil),
			},
		},
	}
}

func triggerResource() *storedResource {
	return &storedResource{
		name:    "fc_trigger",
		idAttrs: []string{"service", "function", "name"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":            optionalComputedString(),
				"service":       requiredString(),
				"function":      requiredString(),
				"name":          optionalComputedString(),
				"name_prefix":   optionalString(),
				"role":          optionalString(),
				"source_arn":    optionalString(),
				"config":        optionalString(),
				"config_mns":    optionalString(),
				"type":          requiredString(),
				"last_modified": computedString(),
				"trigger_id":    computedString(),
			},
		},
	}
}

func aliasResource() *storedResource {
	return &storedResource{
		name:    "fc_alias",
		idAttrs: []string{"service_name", "alias_name"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":              optionalComputedString(),
				"service_name":    requiredString(),
				"alias_name":      requiredString(),
				"service_version": requiredString(),
				"description":     optionalString(),
			},
			Blocks: map[string]schema.Block{
				"routing_config": maxOneBlock(map[string]schema.Attribute{
					"additional_version_weights": schema.MapAttribute{Optional: true, ElementType: types.Float64Type},
				}, nil),
			},
		},
	}
}

func layerVersionResource() *storedResource {
	return &storedResource{
		name:    "fc_layer_version",
		idAttrs: []string{"layer_name", "version"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":                 optionalComputedString(),
				"acl":                computedString(),
				"arn":                computedString(),
				"code_check_sum":     computedString(),
				"oss_bucket_name":    optionalString(),
				"oss_object_name":    optionalString(),
				"zip_file":           optionalString(),
				"compatible_runtime": schema.SetAttribute{Required: true, ElementType: types.StringType},
				"skip_destroy":       schema.BoolAttribute{Optional: true},
				"description":        optionalString(),
				"layer_name":         requiredString(),
				"version":            computedString(),
			},
			Blocks: map[string]schema.Block{
				// SDK v1 adds the block of a resource's Timeouts.
				"timeouts": schema.SingleNestedBlock{Attributes: map[string]schema.Attribute{
					"create": optionalString(),
					"delete": optionalString(),
				}},
			},
		},
	}
}

func asyncInvokeConfigResource() *storedResource {
	destination := maxOneBlock(map[string]schema.Attribute{"destination": requiredString()}, nil)
	return &storedResource{
		name:    "fc_function_async_invoke_config",
		idAttrs: []string{"service_name", "function_name", "qualifier"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":                           optionalComputedString(),
				"service_name":                 requiredString(),
				"function_name":                requiredString(),
				"qualifier":                    defaultString("LATEST"),
				"maximum_event_age_in_seconds": schema.Int64Attribute{Optional: true},
				"maximum_retry_attempts":       defaultInt(2),
				"stateful_invocation":          schema.BoolAttribute{Optional: true},
				"created_time":                 computedString(),
				"last_modified_time":           computedString(),
			},
			Blocks: map[string]schema.Block{
				"destination_config": maxOneBlock(nil, map[string]schema.Block{
					"on_failure": destination,
					"on_success": destination,
				}),
			},
		},
	}
}

func customDomainResource() *storedResource {
	return &storedResource{
		name:    "fc_custom_domain",
		idAttrs: []string{"domain_name"},
		schema: schema.Schema{
			Attributes: map[string]schema.Attribute{
				"id":                 optionalComputedString(),
				"domain_name":        requiredString(),
				"protocol":           requiredString(),
				"account_id":         computedString(),
				"api_version":        computedString(),
				"created_time":       computedString(),
				"last_modified_time": computedString(),
			},
			Blocks: map[string]schema.Block{
				// TypeList of a resource, without MaxItems.
				"route_config": schema.ListNestedBlock{NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
					"path":          requiredString(),
					"service_name":  requiredString(),
					"function_name": requiredString(),
					"qualifier":     optionalString(),
					"methods":       schema.ListAttribute{Optional: true, ElementType: types.StringType},
				}}},
				"cert_config": maxOneBlock(map[string]schema.Attribute{
					"cert_name":   requiredString(),
					"private_key": schema.StringAttribute{Required: true, Sensitive: true},
					"certificate": requiredString(),
				}, nil),
			},
		},
	}
}
