package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var _ resource.ResourceWithMoveState = (*asyncInvokeConfigResource)(nil)

// MoveState moves an alicloud_fc_function_async_invoke_config (see
// move_alicloud.go).
func (r *asyncInvokeConfigResource) MoveState(_ context.Context) []resource.StateMover {
	return []resource.StateMover{alicloudMover("alicloud_fc_function_async_invoke_config",
		alicloudID{3, []string{"service_name", "function_name"}}, moveAlicloudAsyncInvokeConfig)}
}

// moveAlicloudAsyncInvokeConfig maps the state of an
// alicloud_fc_function_async_invoke_config onto
// fc_function_async_invoke_config: maximum_event_age_in_seconds and
// maximum_retry_attempts are max_async_event_age_in_seconds and
// max_async_retry_attempts, and destination_config's on_success and
// on_failure blocks of one destination are strings. The incumbent's
// qualifier defaults to LATEST, as ours does; its retry count defaults to 2
// where ours defaults to 3 (FC's default), so the count is carried over as
// it is and a configuration that leaves it out plans 3.
func moveAlicloudAsyncInvokeConfig(_ context.Context, st alicloudState, names []string, diags *diag.Diagnostics) *asyncInvokeConfigModel {
	service, function := names[0], names[1]
	qualifier := st.name("qualifier", 2, 3)
	if qualifier == "" {
		qualifier = validators.QualifierLatest
	}
	retries := st.int64Or("maximum_retry_attempts")
	if retries.IsNull() {
		retries = types.Int64Value(defaultAsyncRetryAttempts)
	}
	m := &asyncInvokeConfigModel{
		CreatedTime:               st.optionalString("created_time"),
		FunctionName:              types.StringValue(function),
		ID:                        types.StringValue(asyncInvokeConfigID(service, function, qualifier)),
		LastModifiedTime:          st.optionalString("last_modified_time"),
		MaxAsyncEventAgeInSeconds: st.positiveInt64("maximum_event_age_in_seconds"),
		MaxAsyncRetryAttempts:     retries,
		Qualifier:                 types.StringValue(qualifier),
		ServiceName:               types.StringValue(service),
		StatefulInvocation:        boolOrFalse(st.boolValue("stateful_invocation")),
	}
	m.DestinationConfig = moveAlicloudDestinationConfig(st, diags)
	return m
}

// moveAlicloudDestinationConfig maps destination_config
// [{on_success [{destination}], on_failure [{destination}]}] onto
// destination_config {on_success, on_failure}; without a destination it is
// null.
func moveAlicloudDestinationConfig(st alicloudState, diags *diag.Diagnostics) types.Object {
	return st.blockObject("destination_config", destinationConfigAttrTypes, diags, func(b alicloudState) map[string]attr.Value {
		destination := func(key string) types.String {
			if d, ok := b.block(key); ok {
				return d.optionalString("destination")
			}
			return types.StringNull()
		}
		onSuccess, onFailure := destination("on_success"), destination("on_failure")
		if onSuccess.IsNull() && onFailure.IsNull() {
			return nil
		}
		return map[string]attr.Value{
			"on_failure": onFailure,
			"on_success": onSuccess,
		}
	})
}
