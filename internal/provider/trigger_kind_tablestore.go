package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// tablestoreTriggerKind is tablestore_config, the configuration of a
// Tablestore trigger.
type tablestoreTriggerKind struct{}

const attrTablestoreConfig = "tablestore_config"

type tablestoreTriggerConfigModel struct {
	InstanceName types.String `tfsdk:"instance_name"`
	TableName    types.String `tfsdk:"table_name"`
}

var tablestoreTriggerConfigAttrTypes = map[string]attr.Type{
	"instance_name": types.StringType,
	"table_name":    types.StringType,
}

func (tablestoreTriggerKind) types() []string   { return []string{validators.TriggerTypeTablestore} }
func (tablestoreTriggerKind) attribute() string { return attrTablestoreConfig }
func (tablestoreTriggerKind) needsSource() bool { return true }
func (tablestoreTriggerKind) null() attr.Value {
	return types.ObjectNull(tablestoreTriggerConfigAttrTypes)
}

func (tablestoreTriggerKind) get(m *triggerResourceModel) attr.Value { return m.TablestoreConfig }
func (tablestoreTriggerKind) set(m *triggerResourceModel, v attr.Value) {
	m.TablestoreConfig = v.(types.Object)
}

func (k tablestoreTriggerKind) schema() schema.Attribute {
	return schema.SingleNestedAttribute{
		MarkdownDescription: triggerConfigDescription(k) + " Invokes the function on the changes of a Tablestore table.",
		Optional:            true,
		Attributes: map[string]schema.Attribute{
			"instance_name": schema.StringAttribute{
				MarkdownDescription: "Name of the Tablestore instance.",
				Required:            true,
				Validators:          nonEmptyString(),
			},
			"table_name": schema.StringAttribute{
				MarkdownDescription: "Name of the table.",
				Required:            true,
				Validators:          nonEmptyString(),
			},
		},
	}
}

func (tablestoreTriggerKind) validate(attr.Value, *diag.Diagnostics) {}

func (tablestoreTriggerKind) expand(ctx context.Context, v attr.Value, diags *diag.Diagnostics) json.RawMessage {
	var c tablestoreTriggerConfigModel
	triggerObject(ctx, v, &c, diags)
	return encodeTriggerConfig(fc.TablestoreTriggerConfig{
		InstanceName: c.InstanceName.ValueString(),
		TableName:    c.TableName.ValueString(),
	}, diags)
}

func (k tablestoreTriggerKind) flatten(_ context.Context, in triggerConfigRead, diags *diag.Diagnostics) attr.Value {
	var j fc.TablestoreTriggerConfig
	if !decodeTriggerConfig(in, attrTablestoreConfig, &j, diags) {
		return k.null()
	}
	return types.ObjectValueMust(tablestoreTriggerConfigAttrTypes, map[string]attr.Value{
		"instance_name": types.StringValue(j.InstanceName),
		"table_name":    types.StringValue(j.TableName),
	})
}
