package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// tablestoreTriggerKind is tablestore_config, the configuration of a
// Tablestore trigger.
var tablestoreTriggerKind = &objectTriggerKind[tablestoreTriggerConfigModel, fc.TablestoreTriggerConfig]{
	typ: validators.TriggerTypeTablestore, attr: attrTablestoreConfig, source: true,
	field:      func(m *triggerResourceModel) *types.Object { return &m.TablestoreConfig },
	summary:    "Invokes the function on the changes of a Tablestore table.",
	attributes: tablestoreTriggerAttributes, attrTypes: tablestoreTriggerConfigAttrTypes,
	toWire: func(_ context.Context, c tablestoreTriggerConfigModel, _ *diag.Diagnostics) fc.TablestoreTriggerConfig {
		return fc.TablestoreTriggerConfig{InstanceName: c.InstanceName.ValueString(), TableName: c.TableName.ValueString()}
	},
	fromWire: func(_ context.Context, _ triggerConfigRead, j fc.TablestoreTriggerConfig, _ tablestoreTriggerConfigModel, _ *diag.Diagnostics) map[string]attr.Value {
		return map[string]attr.Value{"instance_name": types.StringValue(j.InstanceName), "table_name": types.StringValue(j.TableName)}
	},
}

const attrTablestoreConfig = "tablestore_config"

type tablestoreTriggerConfigModel struct {
	InstanceName types.String `tfsdk:"instance_name"`
	TableName    types.String `tfsdk:"table_name"`
}

var tablestoreTriggerConfigAttrTypes = nestedAttrTypes(tablestoreTriggerAttributes())

func tablestoreTriggerAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"instance_name": triggerRequiredString("Name of the Tablestore instance."),
		"table_name":    triggerRequiredString("Name of the table."),
	}
}
