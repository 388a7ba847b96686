package provider

import (
	"context"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

var (
	_ list.ListResource              = (*triggerListResource)(nil)
	_ list.ListResourceWithConfigure = (*triggerListResource)(nil)
)

// NewTriggerListResource returns the fc_trigger list resource.
func NewTriggerListResource() list.ListResource {
	return &triggerListResource{}
}

// triggerListResource lists FC triggers, of one function, of the functions
// of one service, or of every function.
type triggerListResource struct {
	resourceBase
}

type triggerListModel struct {
	FunctionName types.String `tfsdk:"function_name"`
	NamePrefix   types.String `tfsdk:"name_prefix"`
	ServiceName  types.String `tfsdk:"service_name"`
}

func (r *triggerListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_trigger"
}

func (r *triggerListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listschema.Schema{
		MarkdownDescription: "Lists the triggers of a function, of every function of a service, or of every function, " +
			"in name order (services, then functions, then triggers). With `include_resource` (and for " +
			"`-generate-config-out`), each result has the state an import of the trigger would read.",
		Attributes: map[string]listschema.Attribute{
			"function_name": functionNameFilter("Only list the triggers of this function; needs `service_name`."),
			"name_prefix":   namePrefixFilter("Only list triggers whose name starts with this prefix."),
			"service_name":  serviceNameFilter("Only list the triggers of the functions of this service. Without it, the triggers of every function are listed."),
		},
	}
}

func (r *triggerListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg triggerListModel
	if !listConfig(ctx, req, stream, r.client, &cfg) {
		return
	}
	opts := fc.ListOptions{Prefix: cfg.NamePrefix.ValueString(), Limit: pageSize(req.Limit)}
	triggers := functionChildren(ctx, r.client, cfg.ServiceName.ValueString(), cfg.FunctionName.ValueString(), "triggers",
		func(f functionRef) iter.Seq2[fc.Trigger, error] {
			return r.client.Triggers(ctx, f.service, f.function, opts)
		})
	streamListed(ctx, req, stream, triggers, "Error listing FC triggers", "trigger", func(t child[functionRef, fc.Trigger]) listed {
		service, function, name := t.parent.service, t.parent.function, stringOrEmpty(t.item.TriggerName)
		return newListed(triggerID(service, function, name), map[string]string{"service_name": service, "function_name": function, "name": name},
			func(ctx context.Context, prior triggerResourceModel) (any, diag.Diagnostics) {
				return flattenTrigger(ctx, &t.item, prior)
			})
	})
}
