package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                = (*serviceVersionResource)(nil)
	_ resource.ResourceWithConfigure   = (*serviceVersionResource)(nil)
	_ resource.ResourceWithImportState = (*serviceVersionResource)(nil)
)

// NewServiceVersionResource returns the fc_service_version resource.
func NewServiceVersionResource() resource.Resource {
	return &serviceVersionResource{}
}

type serviceVersionResource struct {
	resourceBase
}

func (r *serviceVersionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_version"
}

func (r *serviceVersionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Publishes a version of a Function Compute service: an immutable snapshot of the service's " +
			"configuration and of its functions' code and configuration as they are at that moment. FC numbers " +
			"versions 1, 2, 3... per service. Point an `fc_alias` at a version to route traffic to it.\n\n" +
			"A version cannot be changed: changing any argument (other than `skip_destroy`) publishes a new version " +
			"and deletes the old one. Publish it after the functions it should contain, e.g. with `depends_on`. " +
			"FC refuses to publish a version when nothing changed since the last one, and to delete a version " +
			"that an alias still points at: when an `fc_alias` refers to this resource, give it " +
			"`lifecycle { create_before_destroy = true }`, so that Terraform moves the alias to the new version " +
			"before it deletes the old one.",
		Attributes: map[string]schema.Attribute{
			"created_time": schema.StringAttribute{
				MarkdownDescription: "Time the version was published (UTC, e.g. `2020-04-08T08:00:15Z`).",
				Computed:            true,
				PlanModifiers:       useState,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the version. Changing it publishes a new version.",
				Optional:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`SERVICE/VERSION`, e.g. `my-service/3`.",
				Computed:            true,
				PlanModifiers:       useState,
			},
			"last_modified_time": schema.StringAttribute{
				MarkdownDescription: "Time of the last change of the version (UTC); a version never changes, so it is the publishing time.",
				Computed:            true,
				PlanModifiers:       useState,
			},
			"service_name": schema.StringAttribute{
				MarkdownDescription: "Name of the service to publish. Changing it publishes a version of the other service.",
				Required:            true,
				Validators:          []validator.String{validators.Name("service name", 128)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"skip_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `true`, destroying the resource (or replacing it) only removes it from the " +
					"Terraform state and keeps the version in FC, e.g. to keep old versions available for rollback. " +
					"Changing it changes only the state. Defaults to `false`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"version_id": schema.StringAttribute{
				MarkdownDescription: "The number FC gave the version, e.g. `3`.",
				Computed:            true,
				PlanModifiers:       useState,
			},
		},
	}
}

func (r *serviceVersionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan serviceVersionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service := plan.ServiceName.ValueString()

	tflog.Debug(ctx, "Publishing FC service version", map[string]any{"service": service})
	out, _, err := createByName(ctx, versionPublish(r.client, service, plan.Description.ValueString(), time.Now()))
	if err != nil {
		what := fmt.Sprintf("Could not publish a version of service %q", service)
		var apiErr *fc.APIError
		if errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusBadRequest || apiErr.StatusCode == http.StatusConflict) {
			what += " (FC publishes a version only when the service or one of its functions changed since the " +
				"last version: if nothing changed, use the last version instead, or change the service first)"
		}
		if errors.Is(err, errOutcomeUnknown) || errors.Is(err, errCreatedDifferently) {
			// A version has no name to keep in the state for replacement.
			what += " (its answer was lost, and Terraform could not tell which version, if any, it published: " +
				"look for it with the fc_service_versions data source, then import it or delete it)"
		}
		addAPIError(&resp.Diagnostics, "Error publishing FC service version", "service version", what, err)
		return
	}
	if out.VersionID == nil || *out.VersionID == "" {
		resp.Diagnostics.AddError("Error publishing FC service version",
			fmt.Sprintf("FC published a version of service %q but did not return its version ID, so Terraform cannot manage it. "+
				"Find the version with the fc_service_versions data source and import it.", service))
		return
	}
	tflog.Info(ctx, "Published FC service version", map[string]any{"service": service, "version_id": *out.VersionID})

	// The response is the published version: no read after create.
	state := flattenServiceVersion(out, plan)
	saveState(ctx, resp, &state, nil)
}

func (r *serviceVersionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state serviceVersionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, versionID := state.ServiceName.ValueString(), state.VersionID.ValueString()

	out, err := r.client.GetServiceVersion(ctx, service, versionID)
	// Not found also when the service itself is gone.
	if removeIfNotFound(ctx, resp, err, "service version", map[string]any{"service": service, "version_id": versionID}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC service version", "service version",
			fmt.Sprintf("Could not read version %s of service %q", versionID, service), err)
		return
	}

	newState := flattenServiceVersion(out, state)
	saveState(ctx, resp, &newState, nil)
}

// Update changes skip_destroy, the only argument that does not replace the
// version; it touches only the state.
func (r *serviceVersionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan serviceVersionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	saveState(ctx, resp, &plan, nil)
}

func (r *serviceVersionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state serviceVersionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	service, versionID := state.ServiceName.ValueString(), state.VersionID.ValueString()
	fields := map[string]any{"service": service, "version_id": versionID}

	if state.SkipDestroy.ValueBool() {
		tflog.Info(ctx, "skip_destroy is set: keeping the FC service version, removing it from the state only", fields)
		return
	}

	tflog.Debug(ctx, "Deleting FC service version", fields)
	err := r.client.DeleteServiceVersion(ctx, service, versionID)
	if err != nil && !goneOnDelete(ctx, err, "service version", fields) {
		what := fmt.Sprintf("Could not delete version %s of service %q", versionID, service)
		if versionDeleteRefused(err) {
			what += r.aliasAdvice(ctx, service, versionID)
		}
		addAPIError(&resp.Diagnostics, "Error deleting FC service version", "service version", what, err)
	}
}

// ImportState imports a version: `terraform import fc_service_version.x SERVICE/VERSION`.
func (r *serviceVersionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, ok := importID(ctx, req, resp, "SERVICE/VERSION", "service_name", "version_id")
	if !ok {
		return
	}
	parts, err := parseImportID(id, "SERVICE/VERSION")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Could not import an FC service version: %s.", err))
		return
	}
	if !validators.IsVersionID(parts[1]) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Could not import an FC service version: expected "+
			"SERVICE/VERSION, got %q: VERSION %q is not a version ID (%s).", id, parts[1], validators.VersionIDRule))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("service_name"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("version_id"), parts[1])...)
	// The default: Terraform deletes what it imports unless told otherwise.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
}

// versionDeleteRefused reports a client error of a delete other than not-found,
// precondition failed and throttling: FC refusing to delete a version,
// e.g. because an alias points at it.
func versionDeleteRefused(err error) bool {
	var apiErr *fc.APIError
	if !errors.As(err, &apiErr) {
		return false
	}
	return apiErr.StatusCode >= 400 && apiErr.StatusCode < 500 &&
		apiErr.StatusCode != http.StatusNotFound && !fc.IsPreconditionFailed(err) && !fc.IsThrottled(err)
}

// aliasAdvice looks for the aliases that hold a version FC refused to
// delete and returns the part of the error message that names them and
// says what to do, or "" when none refers to the version.
func (r *serviceVersionResource) aliasAdvice(ctx context.Context, service, versionID string) string {
	aliases, err := r.client.ListAliases(ctx, service, fc.ListOptions{})
	if err != nil {
		tflog.Warn(ctx, "Could not list the service's aliases to explain a refused version delete",
			map[string]any{"service": service, "version_id": versionID, "error": err.Error()})
		return fmt.Sprintf(". FC refuses to delete a version an alias points at; Terraform could not list the service's "+
			"aliases to check (%s)", err)
	}
	refs := aliasesHoldingVersion(aliases, versionID)
	if len(refs) == 0 {
		return ""
	}
	return fmt.Sprintf(": it is still held by %s. FC does not delete a version an alias points at. "+
		"Move the alias to another version or delete it first. In Terraform, set the fc_alias's version_id (or "+
		"additional_version_weight key) from this resource's version_id attribute and add "+
		"lifecycle { create_before_destroy = true } to this resource: Terraform then updates the alias before it "+
		"deletes the version (without create_before_destroy it deletes first, even when the alias refers to the "+
		"resource). Or set skip_destroy = true on this resource to keep the version in FC and only remove it from "+
		"Terraform", describeAliasReferences(refs))
}

// publishClockSkew is how much earlier than the publish (by this machine's
// clock) FC's createdTime of the version it published may read.
const publishClockSkew = time.Minute

// versionPublish is how Create publishes a version and, when the answer is
// lost, recognizes it. A version has no name to read it back by: the one
// published is the version created since the attempt began (allowing for
// clock skew) with the planned description. None means the publish did not
// happen and may be sent again; more than one cannot be told apart, and is
// reported as errCreatedDifferently (Terraform adopts none of them).
func versionPublish(client *fc.Client, service, description string, start time.Time) namedCreate[*fc.Version] {
	return namedCreate[*fc.Version]{
		kind: "service version", name: service,
		create: func(ctx context.Context) (*fc.Version, string, error) {
			v, err := client.PublishServiceVersion(ctx, service, description, "")
			return v, "", err
		},
		find: func(ctx context.Context) (*fc.Version, string, error) {
			versions, err := client.ListServiceVersions(ctx, service, fc.VersionListOptions{})
			if err != nil {
				return nil, "", err
			}
			var found []fc.Version
			for _, v := range versions {
				created, perr := time.Parse(time.RFC3339, deref(v.CreatedTime))
				if perr == nil && !created.Before(start.Add(-publishClockSkew)) && deref(v.Description) == description {
					found = append(found, v)
				}
			}
			switch len(found) {
			case 0:
				return nil, "", &fc.APIError{StatusCode: http.StatusNotFound, Code: "VersionNotFound",
					Message: "no version with this description was published since the attempt began"}
			case 1:
				return &found[0], "", nil
			}
			return nil, "", nil
		},
		matches: func(found *fc.Version) bool { return found != nil },
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
