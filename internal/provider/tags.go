package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Tags, with the semantics users of other cloud providers expect (the aws
// provider's):
//   - `tags` is what the configuration sets on the resource; the provider's
//     `default_tags` are merged under it (a key in both takes the
//     resource's value) into the computed `tags_all`, which is what the
//     resource carries in FC.
//   - Plan: tags_all is the merge (ModifyPlan). Apply: the difference
//     between the prior tags_all and the new one, in at most two calls:
//     UntagResource for the keys that go (all of them at once when none
//     stays), TagResource for the keys that are new or change. No call when
//     nothing changes.
//   - Read: tags_all is what FC reports; tags is that minus the default
//     tags FC carries with their default value (kept when the configuration
//     also sets them to that value), so that a tag added, changed or removed
//     outside Terraform shows as a change of tags (or of tags_all for a
//     default tag).
//   - Cost: a refresh reads the tags only when the resource manages tags
//     (tags or tags_all not empty, default tags set, or tags_all never
//     read, as after an import), so a resource without tags refreshes with
//     the one read it had before tags existed.

// tagsMaxKeyLength bounds a tag key (Alibaba Cloud's tag rule; FC's
// documents give none).
const tagsMaxKeyLength = 128

// tagKeyValidators check the keys of a tags map: not empty, at most 128
// characters.
func tagKeyValidators() []validator.Map {
	return []validator.Map{mapvalidator.KeysAre(stringvalidator.LengthBetween(1, tagsMaxKeyLength))}
}

// tagsAttribute is the resources' `tags` argument.
func tagsAttribute(kind string) schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: "Tags of the " + kind + ", a map of keys (1 to 128 characters) to values. Merged over the " +
			"provider's `default_tags` into `tags_all`. Removing a tag removes it from the " + kind + "; removing the " +
			"argument removes every tag it set.",
		Optional:    true,
		ElementType: types.StringType,
		Validators:  tagKeyValidators(),
	}
}

// tagsAllAttribute is the resources' computed `tags_all`.
func tagsAllAttribute(kind string) schema.MapAttribute {
	return schema.MapAttribute{
		MarkdownDescription: "Every tag of the " + kind + ": the provider's `default_tags` merged with `tags` (which wins " +
			"for a key in both).",
		Computed:    true,
		ElementType: types.StringType,
	}
}

// dataSourceTagsAttribute is the data sources' computed `tags`.
func dataSourceTagsAttribute(kind string) dschema.MapAttribute {
	return dschema.MapAttribute{
		MarkdownDescription: "Tags of the " + kind + " (all of them, default tags included); empty when it has none.",
		Computed:            true,
		ElementType:         types.StringType,
	}
}

// serviceTagARN is the resource ARN the tag operations take for a service.
// Without an account ID or region (an endpoint given alone), it is the
// short form "services/<name>" of the document's example.
func serviceTagARN(meta *providerMeta, service string) string {
	if meta == nil || meta.AccountID == "" || meta.Region == "" {
		return "services/" + service
	}
	return fc.ServiceARN(meta.Region, meta.AccountID, service)
}

// defaultTags returns the provider's default tags (nil before the provider
// is configured).
func defaultTags(meta *providerMeta) map[string]string {
	if meta == nil {
		return nil
	}
	return meta.DefaultTags
}

// mergeTags is tags_all: defaults, then tags over them. ok is false when
// tags is unknown or holds an unknown value.
func mergeTags(defaults map[string]string, tags types.Map) (merged map[string]string, ok bool) {
	if tags.IsUnknown() {
		return nil, false
	}
	merged = maps.Clone(defaults)
	if merged == nil {
		merged = map[string]string{}
	}
	for k, v := range tags.Elements() {
		s, isString := v.(types.String)
		if !isString || s.IsUnknown() {
			return nil, false
		}
		if !s.IsNull() {
			merged[k] = s.ValueString()
		}
	}
	return merged, true
}

// tagsMapValue is a known tags map.
func tagsMapValue(tags map[string]string) types.Map {
	elems := make(map[string]types.String, len(tags))
	for k, v := range tags {
		elems[k] = types.StringValue(v)
	}
	m, _ := types.MapValueFrom(context.Background(), types.StringType, elems)
	return m
}

// tagsOf returns the elements of a known tags map (empty for null or
// unknown).
func tagsOf(m types.Map) map[string]string {
	out := map[string]string{}
	if !known(m) {
		return out
	}
	for k, v := range m.Elements() {
		if s, ok := v.(types.String); ok && known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

// planTagsAll sets tags_all in a resource's plan to the merge of the
// provider's default tags and the planned tags (unknown while those are).
// It is a ModifyPlan step of every resource with tags.
func planTagsAll(ctx context.Context, meta *providerMeta, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var tags types.Map
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("tags"), &tags)...)
	if resp.Diagnostics.HasError() {
		return
	}
	tagsAll := types.MapUnknown(types.StringType)
	if merged, ok := mergeTags(defaultTags(meta), tags); ok && meta != nil {
		tagsAll = tagsMapValue(merged)
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("tags_all"), tagsAll)...)
}

// readsTags reports whether a refresh must read the tags of a resource
// whose state holds tags and tagsAll: when it manages tags, or when
// tags_all was never read (import, or a state from before tags existed).
func readsTags(meta *providerMeta, tags, tagsAll types.Map) bool {
	return tagsAll.IsNull() || tagsAll.IsUnknown() || len(tagsAll.Elements()) > 0 ||
		len(tagsOf(tags)) > 0 || len(defaultTags(meta)) > 0
}

// flattenTags is the state of tags and tags_all after a read of the
// resource's tags (remote): tags_all is remote; tags is remote without the
// default tags FC carries with their default value, unless the prior tags
// held that key with that value too. An empty result is null unless the
// prior tags was {}.
func flattenTags(remote, defaults map[string]string, priorTags types.Map) (tags, tagsAll types.Map) {
	prior := tagsOf(priorTags)
	own := map[string]string{}
	for k, v := range remote {
		if dv, isDefault := defaults[k]; isDefault && dv == v {
			if pv, set := prior[k]; !set || pv != v {
				continue
			}
		}
		own[k] = v
	}
	return flattenStringMap(own, priorTags), tagsMapValue(remote)
}

// tagChanges is the difference between a resource's tags and the tags it
// should have.
type tagChanges struct {
	// set are the keys to add or change, with their new values.
	set map[string]string
	// remove are the keys to remove, sorted; all is true when every tag
	// goes (one UntagResource with all).
	remove []string
	all    bool
}

// diffTags computes the calls that turn old into want.
func diffTags(old, want map[string]string) tagChanges {
	var c tagChanges
	for k, v := range want {
		if ov, ok := old[k]; !ok || ov != v {
			if c.set == nil {
				c.set = map[string]string{}
			}
			c.set[k] = v
		}
	}
	for k := range old {
		if _, ok := want[k]; !ok {
			c.remove = append(c.remove, k)
		}
	}
	slices.Sort(c.remove)
	c.all = len(c.remove) > 0 && len(want) == 0
	return c
}

// updateTags makes the tags of the resource arn go from old to want: an
// UntagResource for the keys that go, a TagResource for those that are new
// or change, nothing when they are the same. what names the resource in
// errors ("service \"x\"").
func updateTags(ctx context.Context, client *fc.Client, arn, what string, old, want map[string]string) error {
	c := diffTags(old, want)
	if len(c.remove) > 0 {
		tflog.Debug(ctx, "Removing FC tags", map[string]any{"resource_arn": arn, "keys": c.remove, "all": c.all})
		if err := client.UntagResource(ctx, arn, c.remove, c.all); err != nil {
			return fmt.Errorf("removing the tags %v of %s: %w", c.remove, what, err)
		}
	}
	if len(c.set) > 0 {
		tflog.Debug(ctx, "Setting FC tags", map[string]any{"resource_arn": arn, "keys": slices.Sorted(maps.Keys(c.set))})
		if err := client.TagResource(ctx, arn, c.set); err != nil {
			return fmt.Errorf("setting the tags %v of %s: %w", slices.Sorted(maps.Keys(c.set)), what, err)
		}
	}
	return nil
}

// readServiceTags reads the tags of a service for a data source: every tag,
// {} when it has none.
func readServiceTags(ctx context.Context, client *fc.Client, meta *providerMeta, service string) (types.Map, error) {
	tags, err := client.GetResourceTags(ctx, serviceTagARN(meta, service))
	if err != nil {
		return types.MapNull(types.StringType), err
	}
	return tagsMapValue(tags), nil
}
