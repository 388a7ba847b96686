package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                   = (*aliasResource)(nil)
	_ resource.ResourceWithConfigure      = (*aliasResource)(nil)
	_ resource.ResourceWithImportState    = (*aliasResource)(nil)
	_ resource.ResourceWithValidateConfig = (*aliasResource)(nil)
)

// NewAliasResource returns the fc_alias resource.
func NewAliasResource() resource.Resource {
	return &aliasResource{}
}

type aliasResource struct {
	resourceBase
}

func (r *aliasResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_alias"
}

func (r *aliasResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages an alias of a Function Compute service: a stable name (e.g. `prod`) for a published " +
			"version, used as the qualifier of invocations and triggers. With `additional_version_weight` the alias " +
			"sends a share of its traffic to other versions, for canary and blue/green releases.\n\n" +
			"Updates and deletes are conditional on the ETag of the last read when FC returns one: if the alias was " +
			"changed outside Terraform since the last refresh, the apply fails instead of overwriting that change.",
		Attributes: map[string]schema.Attribute{
			"additional_version_weight": schema.MapAttribute{
				MarkdownDescription: "Canary weights: a map from a version ID to the share of the alias's traffic that goes " +
					"to that version, each between `0` and `1`, e.g. `{ \"3\" = 0.1 }` sends 10% to version 3. The " +
					"weights must sum to at most `1`; `version_id` receives the rest. A key must differ from " +
					"`version_id`. Removing the argument clears the weights.",
				Optional:    true,
				ElementType: types.Float64Type,
				Validators:  []validator.Map{versionWeightsValidator{}},
			},
			"created_time": schema.StringAttribute{
				MarkdownDescription: "Creation time of the alias (UTC, e.g. `2020-07-27T06:37:29Z`).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the alias. `\"\"` is allowed; removing the argument clears the description.",
				Optional:            true,
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`SERVICE/ALIAS`, e.g. `my-service/prod`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the alias (UTC); changes on every update.",
				Computed:            true,
			},
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the alias: 1 to 128 letters, digits, `_` and `-`, starting with a letter or `_`; " +
					"not `LATEST`, which always means the service's current, unpublished configuration. Changing it " +
					"replaces the alias.",
				Required: true,
				Validators: []validator.String{
					validators.Name("alias name", 128),
					validators.NotOneOf("LATEST"),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service the alias belongs to. Changing it replaces the alias.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"version_id": schema.StringAttribute{
				MarkdownDescription: "ID of the version the alias points at (without leading zeros), usually an " +
					"`fc_service_version`'s `version_id`. FC refuses to delete a version an alias points at: refer to the " +
					"resource (rather than writing the number) and give the `fc_service_version` " +
					"`lifecycle { create_before_destroy = true }`, so that Terraform moves the alias before it deletes " +
					"the version the alias held (without `create_before_destroy`, Terraform deletes first).",
				Required:   true,
				Validators: []validator.String{validators.VersionID()},
			},
		},
	}
}

func (r *aliasResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan aliasModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := plan.ServiceName.ValueString(), plan.Name.ValueString()

	in, diags := expandAlias(ctx, plan, false)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "Creating FC alias", map[string]any{"service": service, "alias": name, "version_id": plan.VersionID.ValueString()})
	out, etag, err := createByName(ctx, aliasCreate(r.client, service, name, in))
	if err != nil {
		reportCreateError(ctx, req.Plan, resp, "alias", fmt.Sprintf("Could not create alias %q of service %q", name, service),
			fmt.Sprintf("the service, or version %s or a version of additional_version_weight, does not exist", plan.VersionID.ValueString()), err)
		return
	}

	// The response is the created alias: no read after create.
	state, diags := flattenAlias(out, plan)
	saveWithETag(ctx, resp, &state, diags, etag)
}

func (r *aliasResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state aliasModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := state.ServiceName.ValueString(), state.Name.ValueString()

	out, etag, err := r.client.GetAlias(ctx, service, name)
	if removeIfNotFound(ctx, resp, err, "alias", map[string]any{"service": service, "alias": name}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC alias", "alias",
			fmt.Sprintf("Could not read alias %q of service %q", name, service), err)
		return
	}

	newState, diags := flattenAlias(out, state)
	saveWithETag(ctx, resp, &newState, diags, etag)
}

func (r *aliasResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan aliasModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := plan.ServiceName.ValueString(), plan.Name.ValueString()

	in, diags := expandAlias(ctx, plan, true)
	resp.Diagnostics.Append(diags...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	tflog.Debug(ctx, "Updating FC alias", map[string]any{"service": service, "alias": name, "version_id": plan.VersionID.ValueString(), "if_match": etag})
	out, newETag, err := r.client.UpdateAlias(ctx, service, name, in, etag)
	if err != nil {
		what := fmt.Sprintf("Could not update alias %q of service %q", name, service)
		if fc.IsNotFound(err) {
			what += fmt.Sprintf(" (the alias was deleted outside Terraform, or version %s or a version of additional_version_weight does not exist)", plan.VersionID.ValueString())
		}
		addAPIError(&resp.Diagnostics, "Error updating FC alias", "alias", what, err)
		return
	}

	state, diags := flattenAlias(out, plan)
	saveWithETag(ctx, resp, &state, diags, newETag)
}

func (r *aliasResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state aliasModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	etag := loadETag(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	service, name := state.ServiceName.ValueString(), state.Name.ValueString()

	tflog.Debug(ctx, "Deleting FC alias", map[string]any{"service": service, "alias": name, "if_match": etag})
	err := r.client.DeleteAlias(ctx, service, name, etag)
	if err != nil && !goneOnDelete(ctx, err, "alias", map[string]any{"service": service, "alias": name}) {
		addAPIError(&resp.Diagnostics, "Error deleting FC alias", "alias",
			fmt.Sprintf("Could not delete alias %q of service %q", name, service), err)
	}
}

// ImportState imports an alias: `terraform import fc_alias.x SERVICE/ALIAS`.
func (r *aliasResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importParts(ctx, req, resp, "alias", "SERVICE/ALIAS", "service_name", "name")
}

// ValidateConfig rejects a weight for the alias's own version, when both
// are known.
func (r *aliasResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var versionID types.String
	var weights types.Map
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("version_id"), &versionID)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("additional_version_weight"), &weights)...)
	if resp.Diagnostics.HasError() || !known(versionID) || !known(weights) {
		return
	}
	v := versionID.ValueString()
	if _, ok := weights.Elements()[v]; ok {
		resp.Diagnostics.AddAttributeError(path.Root("additional_version_weight").AtMapKey(v), "Invalid version weight",
			fmt.Sprintf("Version %q is the alias's version_id: additional_version_weight lists the other versions that "+
				"get a share of the traffic, and version_id receives the rest. Remove the key %q, or point version_id "+
				"at another version.", v, v))
	}
}

// aliasCreate is how Create sends an alias and, when the answer is lost,
// recognizes it (createByName).
func aliasCreate(client *fc.Client, service, name string, in *fc.Alias) namedCreate[*fc.Alias] {
	return namedCreate[*fc.Alias]{
		kind: "alias", name: service + "/" + name,
		create:  func(ctx context.Context) (*fc.Alias, string, error) { return client.CreateAlias(ctx, service, in) },
		find:    func(ctx context.Context) (*fc.Alias, string, error) { return client.GetAlias(ctx, service, name) },
		matches: func(found *fc.Alias) bool { return sentMatches(in, found) },
	}
}
