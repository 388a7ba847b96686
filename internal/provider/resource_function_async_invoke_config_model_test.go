package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

func TestAsyncInvokeConfigResourceSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewFunctionAsyncInvokeConfigResource())
	assertDescribed(t, "fc_function_async_invoke_config", s.Attributes)
	assertSchemaModelParity(t, "fc_function_async_invoke_config", s.Attributes, asyncInvokeConfigModel{})
	if got := s.Attributes["destination_config"].GetType(); !got.Equal(types.ObjectType{AttrTypes: destinationConfigAttrTypes}) {
		t.Errorf("destinationConfigAttrTypes differ from the schema: %v", got)
	}
}

func TestAsyncInvokeConfigsDataSourceSchema_modelParity(t *testing.T) {
	s := dataSourceSchema(t, NewFunctionAsyncInvokeConfigsDataSource())
	assertDescribed(t, "data.fc_function_async_invoke_configs", s.Attributes)
	assertSchemaModelParity(t, "data.fc_function_async_invoke_configs", s.Attributes, asyncInvokeConfigsDataSourceModel{})
	item := s.Attributes["configs"].(dschema.ListNestedAttribute).NestedObject
	assertSchemaModelParity(t, "data.fc_function_async_invoke_configs.configs", item.Attributes, asyncInvokeConfigItemModel{})
}

func destinations(onSuccess, onFailure types.String) types.Object {
	return types.ObjectValueMust(destinationConfigAttrTypes, map[string]attr.Value{"on_success": onSuccess, "on_failure": onFailure})
}

const (
	testQueueARN = "acs:mns:cn-hangzhou:1:/queues/q/messages"
	testFnARN    = "acs:fc:cn-hangzhou:1:services/s/functions/f"
)

func TestAsyncInvokeConfig_expandFlatten(t *testing.T) {
	ctx := context.Background()
	plan := asyncInvokeConfigModel{
		ServiceName: types.StringValue("svc"), FunctionName: types.StringValue("fn"), Qualifier: types.StringValue("LATEST"),
		MaxAsyncEventAgeInSeconds: types.Int64Value(60), MaxAsyncRetryAttempts: types.Int64Value(0), StatefulInvocation: types.BoolValue(false),
		DestinationConfig: destinations(types.StringValue(testQueueARN), types.StringNull()),
	}
	in, diags := expandAsyncInvokeConfig(ctx, plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if deref64(in.MaxAsyncEventAgeInSeconds) != 60 || in.MaxAsyncRetryAttempts == nil || *in.MaxAsyncRetryAttempts != 0 ||
		in.StatefulInvocation == nil || *in.StatefulInvocation || in.DestinationConfig == nil ||
		in.DestinationConfig.OnSuccess.Destination != testQueueARN || in.DestinationConfig.OnFailure != nil {
		t.Errorf("expanded %+v", in)
	}
	got, diags := flattenAsyncInvokeConfig(ctx, in, plan)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !got.DestinationConfig.Equal(plan.DestinationConfig) || got.ID.ValueString() != "svc/fn/LATEST" || got.MaxAsyncRetryAttempts.ValueInt64() != 0 {
		t.Errorf("flattened %+v", got)
	}
	// No destinations: null, unless destination_config = {} was written.
	got, _ = flattenAsyncInvokeConfig(ctx, &fc.AsyncInvokeConfig{}, plan)
	if !got.DestinationConfig.IsNull() || got.MaxAsyncRetryAttempts.ValueInt64() != 3 || got.StatefulInvocation.ValueBool() {
		t.Errorf("empty answer: %+v", got)
	}
	plan.DestinationConfig = destinations(types.StringNull(), types.StringNull())
	if got, _ = flattenAsyncInvokeConfig(ctx, &fc.AsyncInvokeConfig{}, plan); !got.DestinationConfig.Equal(plan.DestinationConfig) {
		t.Errorf("destination_config = {} read back as %v", got.DestinationConfig)
	}
	if in, _ = expandAsyncInvokeConfig(ctx, plan); in.DestinationConfig != nil {
		t.Errorf("no destination sent as %+v", in.DestinationConfig)
	}
}

// An update resets (deletes and puts) when it drops something FC's merge
// would keep.
func TestAsyncConfigNeedsReset(t *testing.T) {
	ctx := context.Background()
	null := types.StringNull()
	queue, fn := types.StringValue(testQueueARN), types.StringValue(testFnARN)
	for _, tc := range []struct {
		name          string
		before, after types.Object
		ageRemoved    bool
		want          bool
	}{
		{"nothing changes", destinations(queue, null), destinations(queue, null), false, false},
		{"a destination is added", destinations(queue, null), destinations(queue, fn), false, false},
		{"a destination changes", destinations(queue, null), destinations(fn, null), false, false},
		{"on_success is removed", destinations(queue, fn), destinations(null, fn), false, true},
		{"destination_config is removed", destinations(queue, null), types.ObjectNull(destinationConfigAttrTypes), false, true},
		{"the event age is removed", types.ObjectNull(destinationConfigAttrTypes), types.ObjectNull(destinationConfigAttrTypes), true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := asyncConfigNeedsReset(ctx, asyncInvokeConfigModel{DestinationConfig: tc.before}, asyncInvokeConfigModel{DestinationConfig: tc.after}, tc.ageRemoved)
			if diags.HasError() || got != tc.want {
				t.Errorf("reset %v (%v), want %v", got, diags, tc.want)
			}
		})
	}
	configured := asyncConfigured{EventAge: true}
	set := asyncInvokeConfigModel{MaxAsyncEventAgeInSeconds: types.Int64Value(60)}
	unset := asyncInvokeConfigModel{MaxAsyncEventAgeInSeconds: types.Int64Null()}
	if !eventAgeRemoved(configured, unset, set) || eventAgeRemoved(asyncConfigured{}, unset, set) ||
		eventAgeRemoved(configured, set, set) || eventAgeRemoved(configured, unset, unset) {
		t.Error("eventAgeRemoved: removed only when configured before, unset now and held by FC")
	}
}
