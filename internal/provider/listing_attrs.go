package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// The arguments the list blocks share. The filters are described by desc:
// what they keep.

// namePrefixFilter is the name_prefix argument of a list block, with the
// validators more besides a non-empty value.
func namePrefixFilter(desc string, more ...validator.String) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Validators:          append([]validator.String{stringvalidator.LengthAtLeast(1)}, more...),
	}
}

// serviceNameFilter is the service_name argument of a list block.
func serviceNameFilter(desc string) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Validators:          []validator.String{validators.Name("service name", 128)},
	}
}

// functionNameFilter is the function_name argument of a list block; it
// needs service_name.
func functionNameFilter(desc string) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		Validators: []validator.String{
			validators.Name("function name", 64),
			stringvalidator.AlsoRequires(path.MatchRoot("service_name")),
		},
	}
}

// defaultCodeDir is where generated configuration expects the code
// packages FC cannot return, relative to the working directory.
const defaultCodeDir = "fc-code"

// codeDirAttribute is the code_dir argument of the fc_function and
// fc_layer_version list blocks; layout is where a package goes under it.
func codeDirAttribute(layout string) listschema.StringAttribute {
	return listschema.StringAttribute{
		MarkdownDescription: "Directory, relative to Terraform's working directory, under which the results' `code.filename` " +
			"(and so the generated configuration) expects the code packages: `" + layout + "`. Defaults to `" + defaultCodeDir + "`.",
		Optional:   true,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
	}
}

// codeDirOf is the code_dir argument's value, defaultCodeDir when not set.
func codeDirOf(v types.String) string {
	if known(v) {
		return v.ValueString()
	}
	return defaultCodeDir
}
