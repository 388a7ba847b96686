package provider

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// serviceVersionModel is the state of fc_service_version.
type serviceVersionModel struct {
	CreatedTime      types.String `tfsdk:"created_time"`
	Description      types.String `tfsdk:"description"`
	ID               types.String `tfsdk:"id"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	ServiceName      types.String `tfsdk:"service_name"`
	SkipDestroy      types.Bool   `tfsdk:"skip_destroy"`
	VersionID        types.String `tfsdk:"version_id"`
}

// versionItemModel is one element of the fc_service_versions data source's
// versions list.
type versionItemModel struct {
	CreatedTime      types.String `tfsdk:"created_time"`
	Description      types.String `tfsdk:"description"`
	LastModifiedTime types.String `tfsdk:"last_modified_time"`
	VersionID        types.String `tfsdk:"version_id"`
}

// serviceVersionID is the Terraform ID of a version, "SERVICE/VERSION".
func serviceVersionID(service, versionID string) string {
	return service + "/" + versionID
}

// flattenServiceVersion maps an API version to the resource model. prior
// is the plan (after create) or the state (on read); it supplies what the
// API does not return (the service name, skip_destroy) and decides whether
// an empty description is "" or null. It must not be nil.
func flattenServiceVersion(v *fc.Version, prior serviceVersionModel) serviceVersionModel {
	versionID := prior.VersionID
	if v.VersionID != nil {
		versionID = types.StringValue(*v.VersionID)
	}
	m := serviceVersionModel{
		CreatedTime:      types.StringPointerValue(v.CreatedTime),
		Description:      flattenOptionalString(v.Description, prior.Description),
		LastModifiedTime: types.StringPointerValue(v.LastModifiedTime),
		ServiceName:      prior.ServiceName,
		SkipDestroy:      prior.SkipDestroy,
		VersionID:        versionID,
	}
	if !known(m.SkipDestroy) {
		// State written before skip_destroy had a default, or an import.
		m.SkipDestroy = types.BoolValue(false)
	}
	m.ID = types.StringValue(serviceVersionID(m.ServiceName.ValueString(), m.VersionID.ValueString()))
	return m
}

// flattenVersionItem maps an API version to an element of the data
// source's versions list; an empty description is null.
func flattenVersionItem(v *fc.Version) versionItemModel {
	return versionItemModel{
		CreatedTime:      types.StringPointerValue(v.CreatedTime),
		Description:      flattenOptionalString(v.Description, types.StringNull()),
		LastModifiedTime: types.StringPointerValue(v.LastModifiedTime),
		VersionID:        types.StringPointerValue(v.VersionID),
	}
}

// sortVersionsNewestFirst orders versions by descending version number
// (FC numbers versions 1, 2, 3...). IDs that are not numbers sort after
// the numbered ones, by text. The sort is stable.
func sortVersionsNewestFirst(versions []fc.Version) {
	slices.SortStableFunc(versions, func(a, b fc.Version) int {
		ai, aerr := strconv.ParseUint(stringOrEmpty(a.VersionID), 10, 64)
		bi, berr := strconv.ParseUint(stringOrEmpty(b.VersionID), 10, 64)
		switch {
		case aerr == nil && berr == nil:
			return cmp.Compare(bi, ai)
		case aerr == nil:
			return -1
		case berr == nil:
			return 1
		default:
			return strings.Compare(stringOrEmpty(b.VersionID), stringOrEmpty(a.VersionID))
		}
	})
}

// aliasReference is an alias that refers to a version, and how.
type aliasReference struct {
	Alias string
	// Canary is true when the alias refers to the version only through
	// additional_version_weight, false when it is the alias's version_id.
	Canary bool
}

// aliasesHoldingVersion returns the aliases that refer to versionID, as
// their main version or as a key of their additional version weights,
// sorted by alias name.
func aliasesHoldingVersion(aliases []fc.Alias, versionID string) []aliasReference {
	var refs []aliasReference
	for _, a := range aliases {
		switch {
		case stringOrEmpty(a.VersionID) == versionID:
			refs = append(refs, aliasReference{Alias: stringOrEmpty(a.AliasName)})
		default:
			if _, ok := a.AdditionalVersionWeight[versionID]; ok {
				refs = append(refs, aliasReference{Alias: stringOrEmpty(a.AliasName), Canary: true})
			}
		}
	}
	slices.SortFunc(refs, func(a, b aliasReference) int { return strings.Compare(a.Alias, b.Alias) })
	return refs
}

// describeAliasReferences renders aliasesHoldingVersion's result for an
// error message, e.g.
// `alias "prod" (its version_id) and alias "canary" (its additional_version_weight)`.
func describeAliasReferences(refs []aliasReference) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		how := "its version_id"
		if r.Canary {
			how = "a key of its additional_version_weight"
		}
		parts[i] = fmt.Sprintf("alias %q (%s)", r.Alias, how)
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	default:
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
}

// stringOrEmpty returns *s, or "" for nil.
func stringOrEmpty(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
