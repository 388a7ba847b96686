package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var _ resource.ResourceWithMoveState = (*triggerResource)(nil)

// MoveState moves an alicloud_fc_trigger (see move_alicloud.go).
func (r *triggerResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_trigger", alicloudID{3, []string{"service", "function", "name", "type"}}, moveAlicloudTrigger)}
}

// moveAlicloudTrigger maps the state of an alicloud_fc_trigger onto
// fc_trigger.
//
// The incumbent keeps the trigger's configuration as a JSON string: in
// config, or in config_mns for mns_topic triggers. It is FC's own
// triggerConfig (the user's text, heredoc whitespace and all, until the
// incumbent's first refresh stores FC's compact JSON), so it is decoded
// exactly as an answer of FC is (flattenTrigger) into the attribute of the
// type: timer_config, http_config, ..., or config_json for eventbridge, in
// jsonencode()'s form.
// role is the invocation role; the incumbent hides its diffs on timer and
// eventbridge triggers, but FC keeps it, so it is carried over. The
// incumbent has no description or qualifier (a trigger it made invokes
// LATEST): both are null, and the refresh reads them from FC.
func moveAlicloudTrigger(ctx context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *triggerResourceModel {
	service, function, name, typ := names[0], names[1], names[2], names[3]

	// config_mns for mns_topic, config for the others; either, when only
	// that one is set.
	key, other := "config", "config_mns"
	if typ == validators.TriggerTypeMNSTopic {
		key, other = other, key
	}
	config := strings.TrimSpace(st.stringValue(key))
	if config == "" {
		key, config = other, strings.TrimSpace(st.stringValue(other))
	}

	t := &fc.Trigger{
		TriggerName:      fc.Ptr(name),
		TriggerType:      fc.Ptr(typ),
		TriggerID:        nonEmptyPtr(st.stringValue("trigger_id")),
		SourceArn:        nonEmptyPtr(st.stringValue("source_arn")),
		InvocationRole:   nonEmptyPtr(st.stringValue("role")),
		LastModifiedTime: nonEmptyPtr(st.stringValue("last_modified")),
	}
	usable := config != "" && json.Valid([]byte(config))
	if usable {
		t.TriggerConfig = fc.TriggerConfig(triggerCompactJSON([]byte(config)))
	} else if config != "" {
		diags.AddWarning("Unreadable trigger configuration",
			fmt.Sprintf("%s of the alicloud_fc_trigger %q is not JSON; it is left unset in the moved state and read from FC by the refresh.", key, name))
	}
	prior := triggerResourceModel{
		ServiceName:  types.StringValue(service),
		FunctionName: types.StringValue(function),
		Name:         types.StringValue(name),
		Type:         types.StringValue(typ),
	}
	m, d := flattenTrigger(ctx, t, prior)
	if d.HasError() {
		// The configuration is missing, or has a shape this provider does
		// not expect for the type: the rest is moved, and the refresh
		// reads the configuration (and reports it if FC's is the same).
		if usable {
			for _, e := range d.Errors() {
				diags.AddWarning(e.Summary(), "In the alicloud_fc_trigger state: "+e.Detail()+" It is left unset in the moved state and read from FC by the refresh.")
			}
		}
		d = d.Warnings()
	}
	diags.Append(d...)
	// config_json (eventbridge, mq, rds) holds the configuration in the
	// form jsonencode() gives it, so that the configuration written with
	// jsonencode() has no diff (Terraform compares the text).
	if known(m.ConfigJSON) {
		m.ConfigJSON = jsontypes.NewNormalizedValue(string(canonicalJSON([]byte(m.ConfigJSON.ValueString()))))
	}
	// The URLs of an http trigger are not in the old state.
	m.URLInternet, m.URLIntranet = types.StringNull(), types.StringNull()
	return &m
}

// nonEmptyPtr is a pointer to s, nil when s is "".
func nonEmptyPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
