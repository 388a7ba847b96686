package provider

import (
	"context"
	"encoding/base64"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// The code argument, shared by fc_function and fc_layer_version: its
// schema, the check that exactly one source is set, the package read from
// the source, and the plan-time CRC-64 checksum by which a change of the
// local files (same path, new bytes) shows in the plan.

// codeModel is a code argument: where the package comes from.
type codeModel struct {
	Filename      types.String `tfsdk:"filename"`
	OSSBucketName types.String `tfsdk:"oss_bucket_name"`
	OSSObjectName types.String `tfsdk:"oss_object_name"`
	SourceDir     types.String `tfsdk:"source_dir"`
	ZipFile       types.String `tfsdk:"zip_file"`
}

// codeSourceAttributes are the attributes of a code argument: exactly one
// source, filename, source_dir, zip_file, or oss_bucket_name with
// oss_object_name.
func codeSourceAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"filename": schema.StringAttribute{
			MarkdownDescription: "Path of a local zip archive.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"oss_bucket_name": schema.StringAttribute{
			MarkdownDescription: "OSS bucket holding the zip archive; set together with `oss_object_name`. " +
				"Terraform cannot read the object, so it uploads the code again only when the bucket or object " +
				"name changes: give each package version its own object name.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"oss_object_name": schema.StringAttribute{
			MarkdownDescription: "Key of the zip archive in `oss_bucket_name`.",
			Optional:            true,
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"source_dir": schema.StringAttribute{
			MarkdownDescription: "Path of a local directory. The provider zips every file under it " +
				"deterministically (sorted names, fixed timestamps), so the checksum changes only when a " +
				"file's path, content or executable bit does.",
			Optional:   true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"zip_file": schema.StringAttribute{
			MarkdownDescription: "Base64-encoded zip archive, e.g. `filebase64(\"code.zip\")`. Sensitive, so that plan output " +
				"shows `(sensitive value)` instead of megabytes of base64; a change of the archive still shows as a change " +
				"of `code_checksum`.",
			Optional:   true,
			Sensitive:  true,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}
}

// codeSourceKind names the configured source of a code argument.
type codeSourceKind int

const (
	codeSourceNone codeSourceKind = iota
	codeSourceFilename
	codeSourceSourceDir
	codeSourceZipFile
	codeSourceOSS
)

// codeSource returns the one configured source, or codeSourceNone (also
// when a source is unknown).
func (m codeModel) codeSource() codeSourceKind {
	switch {
	case known(m.Filename):
		return codeSourceFilename
	case known(m.SourceDir):
		return codeSourceSourceDir
	case known(m.ZipFile):
		return codeSourceZipFile
	case known(m.OSSBucketName) && known(m.OSSObjectName):
		return codeSourceOSS
	}
	return codeSourceNone
}

// codePackage is a code argument turned into a request: the API's code
// object and, for local sources, the checksum of the archive.
type codePackage struct {
	code     *fc.Code
	checksum string // "" for OSS
	size     int64  // 0 for OSS
}

// loadCode reads the package of a code argument whose values are known.
// Local sources (filename, source_dir, zip_file) are read and checksummed;
// OSS sources are passed through. The error is reported on the attribute of
// the failing source.
func loadCode(m codeModel) (*codePackage, path.Path, error) {
	var (
		b   []byte
		err error
		at  path.Path
	)
	switch m.codeSource() {
	case codeSourceFilename:
		at = path.Root("code").AtName("filename")
		b, err = codepkg.ReadZip(m.Filename.ValueString())
	case codeSourceSourceDir:
		at = path.Root("code").AtName("source_dir")
		b, err = codepkg.ZipDir(m.SourceDir.ValueString())
	case codeSourceZipFile:
		at = path.Root("code").AtName("zip_file")
		b, err = codepkg.DecodeZipBase64(m.ZipFile.ValueString())
	case codeSourceOSS:
		return &codePackage{code: &fc.Code{
			OSSBucketName: m.OSSBucketName.ValueString(),
			OSSObjectName: m.OSSObjectName.ValueString(),
		}}, path.Root("code"), nil
	default:
		return nil, path.Root("code"), fmt.Errorf("no code source is set")
	}
	if err != nil {
		return nil, at, err
	}
	return &codePackage{
		code:     &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(b)},
		checksum: codepkg.Checksum(b),
		size:     int64(len(b)),
	}, at, nil
}

// validateCodeSources checks a configured code argument that is not null:
// exactly one source, and the OSS names in pairs. Unknown sources are left
// to the apply.
func validateCodeSources(ctx context.Context, code types.Object) diag.Diagnostics {
	var diags diag.Diagnostics
	if code.IsNull() || code.IsUnknown() {
		return diags
	}
	var m codeModel
	diags.Append(code.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	if diags.HasError() {
		return diags
	}
	var set []string
	unknown := false
	for _, s := range []struct {
		name string
		v    types.String
	}{{"filename", m.Filename}, {"source_dir", m.SourceDir}, {"zip_file", m.ZipFile}} {
		switch {
		case s.v.IsUnknown():
			unknown = true
		case !s.v.IsNull():
			set = append(set, s.name)
		}
	}
	bucket, object := m.OSSBucketName, m.OSSObjectName
	if bucket.IsUnknown() || object.IsUnknown() {
		unknown = true
	}
	if !bucket.IsNull() || !object.IsNull() {
		set = append(set, "oss_bucket_name/oss_object_name")
		if bucket.IsNull() != object.IsNull() {
			diags.AddAttributeError(path.Root("code"), "Incomplete OSS code source",
				"code: oss_bucket_name and oss_object_name must be set together.")
		}
	}
	switch {
	case len(set) > 1:
		diags.AddAttributeError(path.Root("code"), "Conflicting code sources",
			fmt.Sprintf("code takes exactly one source (filename, source_dir, zip_file, or oss_bucket_name with oss_object_name), but %d are set: %v.", len(set), set))
	case len(set) == 0 && !unknown:
		diags.AddAttributeError(path.Root("code"), "Missing code source",
			"code takes exactly one source: filename, source_dir, zip_file, or oss_bucket_name with oss_object_name. None is set.")
	}
	return diags
}

// priorCode is the code argument and checksum of the state a plan starts
// from.
type priorCode struct {
	code     types.Object
	checksum types.String
}

// plannedChecksum is the code_checksum to plan for the code argument code
// of a kind of object ("function", "layer"); prior is nil on create:
//   - a local source (filename, source_dir, zip_file): the checksum of the
//     package, read now;
//   - an OSS source: the prior checksum when bucket and object are those of
//     the prior state (FC computes the checksum when it fetches the
//     object, so the same names are taken to be the same package), else
//     unknown;
//   - no code: the prior checksum (unknown on create);
//   - an unknown source: unknown.
func plannedChecksum(ctx context.Context, code types.Object, prior *priorCode, kind string, diags *diag.Diagnostics) types.String {
	if code.IsNull() {
		if prior != nil {
			return prior.checksum
		}
		return types.StringUnknown()
	}
	if code.IsUnknown() {
		return types.StringUnknown()
	}
	var m codeModel
	diags.Append(code.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	if diags.HasError() {
		return types.StringUnknown()
	}
	if m.Filename.IsUnknown() || m.SourceDir.IsUnknown() || m.ZipFile.IsUnknown() || m.OSSBucketName.IsUnknown() || m.OSSObjectName.IsUnknown() {
		return types.StringUnknown()
	}
	switch m.codeSource() {
	case codeSourceNone:
		return types.StringUnknown() // ValidateConfig reports it
	case codeSourceOSS:
		if prior != nil && known(prior.code) {
			var p codeModel
			diags.Append(prior.code.As(ctx, &p, basetypes.ObjectAsOptions{})...)
			if p.codeSource() == codeSourceOSS && p.OSSBucketName.Equal(m.OSSBucketName) && p.OSSObjectName.Equal(m.OSSObjectName) {
				return prior.checksum
			}
		}
		return types.StringUnknown()
	}
	sum, at, err := plannedSum(m)
	if err != nil {
		diags.AddAttributeError(at, "Error reading "+kind+" code",
			fmt.Sprintf("%s: the code package could not be read to compute its checksum: %s.", at, err))
		return types.StringUnknown()
	}
	return types.StringValue(sum.Checksum)
}

// planChecksums caches the checksums of local packages for the provider
// process, so that a plan of many functions (or layers) sharing one
// source_dir zips it once (codepkg.Cache says when it reads again). The
// apply reads the package itself and checks it against the plan.
var planChecksums codepkg.Cache

// plannedSum is the checksum and size of a local code source, from the
// cache for filename and source_dir.
func plannedSum(m codeModel) (codepkg.Sum, path.Path, error) {
	switch m.codeSource() {
	case codeSourceFilename:
		s, err := planChecksums.ZipFileSum(m.Filename.ValueString())
		return s, path.Root("code").AtName("filename"), err
	case codeSourceSourceDir:
		s, err := planChecksums.DirSum(m.SourceDir.ValueString())
		return s, path.Root("code").AtName("source_dir"), err
	}
	pkg, at, err := loadCode(m)
	if err != nil {
		return codepkg.Sum{}, at, err
	}
	return codepkg.Sum{Checksum: pkg.checksum, Size: pkg.size}, at, nil
}

// loadCodeForApply reads the package of the code argument code at apply
// time and checks that it is still the package the plan was made with
// (planned, the planned code_checksum).
func loadCodeForApply(ctx context.Context, code types.Object, planned types.String, kind string, diags *diag.Diagnostics) *codePackage {
	var m codeModel
	diags.Append(code.As(ctx, &m, basetypes.ObjectAsOptions{})...)
	if diags.HasError() {
		return nil
	}
	pkg, at, err := loadCode(m)
	if err != nil {
		diags.AddAttributeError(at, "Error reading "+kind+" code", fmt.Sprintf("%s: the code package could not be read: %s.", at, err))
		return nil
	}
	if pkg.checksum != "" && known(planned) && pkg.checksum != planned.ValueString() {
		diags.AddAttributeError(at, capitalize(kind)+" code changed after planning",
			fmt.Sprintf("%s: the code package has checksum %s now but had %s when the plan was made: its files changed between plan and apply. "+
				"Nothing was sent. Run terraform plan again.", at, pkg.checksum, planned.ValueString()))
		return nil
	}
	return pkg
}

// capitalize upper-cases the first letter of an ASCII word.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
