package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

var (
	_ resource.Resource                   = (*layerVersionResource)(nil)
	_ resource.ResourceWithConfigure      = (*layerVersionResource)(nil)
	_ resource.ResourceWithImportState    = (*layerVersionResource)(nil)
	_ resource.ResourceWithValidateConfig = (*layerVersionResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*layerVersionResource)(nil)
)

// NewLayerVersionResource returns the fc_layer_version resource.
func NewLayerVersionResource() resource.Resource {
	return &layerVersionResource{now: time.Now}
}

type layerVersionResource struct {
	resourceBase
	// now is the clock an ambiguous publish is judged by (layerPublish).
	now func() time.Time
}

func (r *layerVersionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_layer_version"
}

func (r *layerVersionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	useStateInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Publishes a version of a Function Compute layer: a code package (libraries, a runtime's " +
			"dependencies) that functions mount beside their own code, by the version's `arn` in `fc_function`'s " +
			"`layers`. FC creates the layer with its first version and numbers versions 1, 2, 3... per layer; a " +
			"deleted number is never given out again.\n\n" +
			"A version cannot be changed: FC has no update. Changing any argument (other than `skip_destroy`) " +
			"publishes a new version and deletes the old one. The package is tracked by its checksum, as " +
			"`fc_function`'s is: `code_checksum` is computed at plan time from the local source, so a change of the " +
			"files at the same path plans a new version too, while switching between sources that hold the same " +
			"package (e.g. `source_dir` to the `filename` of its zip) changes only the state. To keep a function " +
			"working while its layer is replaced, give this resource `lifecycle { create_before_destroy = true }`: " +
			"Terraform then publishes the new version and points the function at it before it deletes the old one.",
		Attributes: map[string]schema.Attribute{
			"acl": schema.Int64Attribute{
				MarkdownDescription: "Access mode of the layer as FC reports it (`0`: private to the account).",
				Computed:            true,
				PlanModifiers:       useStateInt,
			},
			"arn": schema.StringAttribute{
				MarkdownDescription: "Identifier of the version that `fc_function`'s `layers` takes, " +
					"`<hex>#<layer_name>#<version>`.",
				Computed:      true,
				PlanModifiers: useState,
			},
			"arn_v2": schema.StringAttribute{
				MarkdownDescription: "The version's ARN, `acs:fc:<region>:<account>:layers/<layer_name>/versions/<version>`, " +
					"which `fc_function`'s `layers` takes too; null when FC does not report it.",
				Computed:      true,
				PlanModifiers: useState,
			},
			"code": schema.SingleNestedAttribute{
				MarkdownDescription: "The layer's package, from exactly one source: `filename`, `source_dir`, `zip_file`, or " +
					"`oss_bucket_name` with `oss_object_name`. A package with another checksum, or another OSS object, " +
					"publishes a new version. The state keeps these arguments only, never the package.",
				Required:   true,
				Attributes: codeSourceAttributes(),
			},
			"code_checksum": schema.StringAttribute{
				MarkdownDescription: "CRC-64 (ECMA) checksum of the package as a decimal string, as FC reports it. " +
					"Planned from the local source; unknown in the plan when an OSS source changes.",
				Computed: true,
			},
			"code_size": schema.Int64Attribute{
				MarkdownDescription: "Size of the package in bytes.",
				Computed:            true,
			},
			"compatible_runtime": schema.SetAttribute{
				MarkdownDescription: "Runtimes the layer works with, e.g. `[\"python3.10\", \"python3.9\"]` (function " +
					"runtimes: " + validators.MarkdownEnum(validators.Runtimes) + "; FC may accept others). At least one. " +
					"Changing it publishes a new version.",
				Required:    true,
				ElementType: types.StringType,
				Validators: []validator.Set{
					setvalidator.SizeAtLeast(1),
					setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
			},
			"create_time": schema.StringAttribute{
				MarkdownDescription: "Time the version was published (UTC, e.g. `2020-11-11T11:08:00Z`).",
				Computed:            true,
				PlanModifiers:       useState,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the version, at most 256 characters. Changing or removing it publishes " +
					"a new version.",
				Optional:      true,
				Validators:    []validator.String{stringvalidator.LengthAtMost(256)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "`LAYER/VERSION`, e.g. `my-libs/3`.",
				Computed:            true,
				PlanModifiers:       useState,
			},
			"layer_name": schema.StringAttribute{
				MarkdownDescription: "Name of the layer: 1 to 64 letters, digits, `_` and `-`, starting with a letter or `_`. " +
					"Changing it publishes a version of the other layer.",
				Required:      true,
				Validators:    []validator.String{validators.Name("layer name", 64)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"skip_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `true`, destroying the resource (or replacing it) only removes it from the " +
					"Terraform state and keeps the version in FC, e.g. for functions outside Terraform that still use " +
					"it. Changing it changes only the state. Defaults to `false`.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"version": schema.Int64Attribute{
				MarkdownDescription: "The number FC gave the version, e.g. `3`.",
				Computed:            true,
				PlanModifiers:       useStateInt,
			},
		},
	}
}

func (r *layerVersionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan layerVersionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := plan.LayerName.ValueString()

	in, diags := expandLayerVersion(ctx, &plan)
	resp.Diagnostics.Append(diags...)
	pkg := loadCodeForApply(ctx, plan.Code, plan.CodeChecksum, "layer", &resp.Diagnostics)
	if resp.Diagnostics.HasError() || pkg == nil {
		return
	}
	in.Code = pkg.code

	tflog.Debug(ctx, "Publishing FC layer version", map[string]any{"layer": name})
	out, etag, err := publishLayer(ctx, layerVersionPublish(r.client, name, in, pkg.checksum, r.now))
	if err != nil {
		what := fmt.Sprintf("Could not publish a version of layer %q", name)
		if errors.Is(err, errCreatedDifferently) {
			what += " (its answer was lost, and several versions of the layer published since match the configuration, " +
				"so Terraform adopted none: import the one to keep with `terraform import`, delete the others)"
		}
		if errors.Is(err, errPublishUnknown) {
			what += " (FC may or may not have published it; Terraform found no version of the layer that it could " +
				"recognize as its own. List the layer's versions with the fc_layer_version or fc_layers data source: " +
				"import a version published just now with `terraform import`, or delete it, and apply again)"
		}
		addAPIError(&resp.Diagnostics, "Error publishing FC layer version", "layer version", what, err)
		return
	}
	if out.Version == nil || *out.Version < 1 {
		resp.Diagnostics.AddError("Error publishing FC layer version",
			fmt.Sprintf("FC published a version of layer %q but did not return its version number, so Terraform cannot "+
				"manage it. Find the version with the fc_layers data source and import it.", name))
		return
	}
	tflog.Info(ctx, "Published FC layer version", map[string]any{"layer": name, "version": *out.Version})

	// The answer is the published version: no read after create.
	saveState(ctx, resp, layerVersionState(out, &plan), nil)
	resp.Diagnostics.Append(saveETag(ctx, resp.Private, etag)...)
}

func (r *layerVersionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state layerVersionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name, version := state.LayerName.ValueString(), state.Version.ValueInt64()

	out, etag, err := r.client.GetLayerVersion(ctx, name, version)
	if removeIfNotFound(ctx, resp, err, "layer version", map[string]any{"layer": name, "version": version}) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "Error reading FC layer version", "layer version",
			fmt.Sprintf("Could not read version %d of layer %q", version, name), err)
		return
	}
	saveState(ctx, resp, layerVersionState(out, &state), nil)
	resp.Diagnostics.Append(saveETag(ctx, resp.Private, etag)...)
}

// Update changes what does not publish a new version: skip_destroy, and
// the code source arguments when the package they name is the one the
// version has (ModifyPlan). It touches only the state.
func (r *layerVersionResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan layerVersionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	saveState(ctx, resp, &plan, nil)
}

func (r *layerVersionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state layerVersionModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name, version := state.LayerName.ValueString(), state.Version.ValueInt64()
	fields := map[string]any{"layer": name, "version": version}

	if state.SkipDestroy.ValueBool() {
		tflog.Info(ctx, "skip_destroy is set: keeping the FC layer version, removing it from the state only", fields)
		return
	}
	tflog.Debug(ctx, "Deleting FC layer version", fields)
	err := r.client.DeleteLayerVersion(ctx, name, version)
	if err != nil && !goneOnDelete(ctx, err, "layer version", fields) {
		addAPIError(&resp.Diagnostics, "Error deleting FC layer version", "layer version",
			fmt.Sprintf("Could not delete version %d of layer %q", version, name), err)
	}
}

// ImportState imports a version: `terraform import fc_layer_version.x LAYER/VERSION`.
// The code argument cannot be read back, so it stays null until the next
// apply, which stores the configured arguments and publishes nothing when
// the configured package has the checksum FC reports.
func (r *layerVersionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, ok := importID(ctx, req, resp, "LAYER/VERSION", "layer_name", "version")
	if !ok {
		return
	}
	parts, err := parseImportID(id, "LAYER/VERSION")
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Could not import an FC layer version: %s.", err))
		return
	}
	version, err := strconv.ParseInt(parts[1], 10, 64)
	if !validators.IsVersionID(parts[1]) || err != nil {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("Could not import an FC layer version: expected "+
			"LAYER/VERSION, got %q: VERSION %q is not a version number (the number FC gave the version, without "+
			"leading zeros, e.g. \"3\").", id, parts[1]))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("layer_name"), parts[0])...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("version"), version)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("skip_destroy"), false)...)
}

// ValidateConfig checks that the code argument has exactly one source.
func (r *layerVersionResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var code types.Object
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("code"), &code)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateCodeSources(ctx, code)...)
}

// ModifyPlan plans code_checksum from the configured package (read now)
// and replaces the version when the package changes: a checksum other than
// the state's, or an unknown one (an OSS source that changed, a source only
// known at apply). With the same checksum, the new code arguments go to
// the state alone (Update), and code_size stays.
func (r *layerVersionResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan layerVersionModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *layerVersionModel
	if !req.State.Raw.IsNull() {
		state = &layerVersionModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	var prior *priorCode
	if state != nil {
		prior = &priorCode{code: state.Code, checksum: state.CodeChecksum}
	}
	plan.CodeChecksum = plannedChecksum(ctx, plan.Code, prior, "layer", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if state != nil {
		if known(plan.CodeChecksum) && plan.CodeChecksum.Equal(state.CodeChecksum) {
			plan.CodeSize = state.CodeSize
		} else {
			plan.CodeSize = types.Int64Unknown()
			resp.RequiresReplace = append(resp.RequiresReplace, path.Root("code_checksum"))
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// ---------------------------------------------------------------------------
// Publishing, when the answer may be lost.

// errPublishUnknown reports a publish that failed with an unknown outcome
// (fc.IsAmbiguous) and left no version Terraform could recognize.
var errPublishUnknown = errors.New("the publish failed with an unknown outcome and no matching version was found")

// layerPublish is the publish of one layer version and how to recognize,
// when its answer is lost, the version it made. A layer version has no
// name to read back by (FC numbers it): the version must be found among the
// layer's versions by what was sent.
type layerPublish struct {
	layer string
	// publish sends PublishLayerVersion.
	publish func(ctx context.Context) (*fc.Layer, string, error)
	// list lists the layer's versions; a not-found error means none.
	list func(ctx context.Context) ([]fc.Layer, error)
	// description and runtimes were sent; checksum is the package's (""
	// for an OSS source, whose checksum FC computes).
	description string
	runtimes    []string
	checksum    string
	now         func() time.Time
}

// layerVersionPublish is how Create publishes a version (publishLayer).
func layerVersionPublish(client *fc.Client, layer string, in *fc.PublishLayerVersionInput, checksum string, now func() time.Time) layerPublish {
	return layerPublish{
		layer: layer,
		publish: func(ctx context.Context) (*fc.Layer, string, error) {
			return client.PublishLayerVersion(ctx, layer, in)
		},
		list: func(ctx context.Context) ([]fc.Layer, error) {
			return client.ListLayerVersions(ctx, layer, fc.LayerVersionListOptions{Limit: 100})
		},
		description: stringOrEmpty(in.Description),
		runtimes:    in.CompatibleRuntime,
		checksum:    checksum,
		now:         now,
	}
}

// publishLayer publishes once. When the publish fails ambiguously (a 5xx,
// a lost answer, a timeout: FC may have published), it lists the layer's
// versions and adopts the one that matches what was sent (the description,
// the runtimes and, for a local package, the checksum) and that FC created
// after the attempt started (less publishClockSkew). It does not publish
// again: a second publish would make a second version when the first one
// did happen. Without a match it fails with errPublishUnknown; with several
// (which cannot be told apart) with errCreatedDifferently, adopting none.
func publishLayer(ctx context.Context, p layerPublish) (*fc.Layer, string, error) {
	started := p.now().UTC().Truncate(time.Second).Add(-publishClockSkew)
	out, etag, err := p.publish(ctx)
	if err == nil || !fc.IsAmbiguous(err) {
		return out, etag, err
	}
	tflog.Warn(ctx, "FC layer publish failed with an unknown outcome; listing the layer's versions to find out", map[string]any{
		"layer": p.layer, "error": err.Error(),
	})
	versions, lerr := p.list(ctx)
	if lerr != nil && !fc.IsNotFound(lerr) {
		return nil, "", fmt.Errorf("the publish failed (%w) and listing the layer's versions to see whether it happened failed too: %w", err, lerr)
	}
	var matches []fc.Layer
	for _, v := range versions {
		if p.matches(&v, started) {
			matches = append(matches, v)
		}
	}
	if len(matches) == 0 {
		return nil, "", fmt.Errorf("%w (the publish had failed: %w)", errPublishUnknown, err)
	}
	if len(matches) > 1 {
		var versions []string
		for _, m := range matches {
			versions = append(versions, strconv.FormatInt(int64OrZero(m.Version), 10))
		}
		return nil, "", fmt.Errorf("%w: versions %s of layer %q all match the lost publish (the publish had failed: %w)",
			errCreatedDifferently, strings.Join(versions, ", "), p.layer, err)
	}
	tflog.Warn(ctx, "FC layer publish's answer was lost but the version exists as planned; taking it into the state", map[string]any{
		"layer": p.layer, "version": int64OrZero(matches[0].Version),
	})
	return &matches[0], "", nil
}

// matches reports whether v is a version this publish may have made.
func (p layerPublish) matches(v *fc.Layer, started time.Time) bool {
	created, err := time.Parse(time.RFC3339, stringOrEmpty(v.CreateTime))
	if err != nil || created.Before(started) {
		return false
	}
	if stringOrEmpty(v.Description) != p.description {
		return false
	}
	if p.checksum != "" && stringOrEmpty(v.CodeChecksum) != p.checksum {
		return false
	}
	got := slices.Clone(v.CompatibleRuntime)
	slices.Sort(got)
	want := slices.Clone(p.runtimes)
	slices.Sort(want)
	return slices.Equal(got, want)
}

// int64OrZero returns *n, or 0 for nil.
func int64OrZero(n *int64) int64 {
	if n == nil {
		return 0
	}
	return *n
}
