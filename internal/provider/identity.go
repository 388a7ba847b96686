package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12+): every resource is identified by the
// names that make its import ID, with the same attribute names as in its
// state, so that one copy serves every resource (identityFromState) and an
// `import { identity = {...} }` block takes the same names as the import ID
// (importParts).

// identityAttr is one attribute of a resource identity.
type identityAttr struct {
	name, description string
	// int64 is for numbers (layer versions); strings otherwise.
	int64 bool
}

// identitySchema builds the identity schema of a resource from its name
// attributes, each required for import.
func identitySchema(attrs ...identityAttr) identityschema.Schema {
	s := identityschema.Schema{Attributes: map[string]identityschema.Attribute{}}
	for _, a := range attrs {
		if a.int64 {
			s.Attributes[a.name] = identityschema.Int64Attribute{RequiredForImport: true, Description: a.description}
			continue
		}
		s.Attributes[a.name] = identityschema.StringAttribute{RequiredForImport: true, Description: a.description}
	}
	return s
}

// identityFromState sets every identity attribute from the state attribute
// of the same name. Nothing when the resource has no identity.
func identityFromState(ctx context.Context, state tfsdk.State, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	var diags diag.Diagnostics
	if identity == nil || identity.Schema == nil {
		return diags
	}
	for name, a := range identity.Schema.GetAttributes() {
		p := path.Root(name)
		var v attr.Value
		if _, ok := a.(identityschema.Int64Attribute); ok {
			var i types.Int64
			diags.Append(state.GetAttribute(ctx, p, &i)...)
			v = i
		} else {
			var s types.String
			diags.Append(state.GetAttribute(ctx, p, &s)...)
			v = s
		}
		diags.Append(identity.SetAttribute(ctx, p, v)...)
	}
	return diags
}

// importIDFromIdentity rebuilds the import ID of the given format
// ("SERVICE/FUNCTION") from an import block's identity, reading attrs in
// the format's order.
func importIDFromIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, format string, attrs ...string) (string, diag.Diagnostics) {
	var diags diag.Diagnostics
	parts := make([]string, 0, len(attrs))
	for _, name := range attrs {
		p := path.Root(name)
		a, err := identity.Schema.AttributeAtPath(ctx, p)
		if err != nil {
			diags.AddError("Invalid import identity", fmt.Sprintf("The identity has no attribute %q: this is a bug in the provider.", name))
			return "", diags
		}
		var s string
		if _, ok := a.(identityschema.Int64Attribute); ok {
			var i types.Int64
			diags.Append(identity.GetAttribute(ctx, p, &i)...)
			if !i.IsNull() && !i.IsUnknown() {
				s = fmt.Sprint(i.ValueInt64())
			}
		} else {
			var v types.String
			diags.Append(identity.GetAttribute(ctx, p, &v)...)
			s = v.ValueString()
		}
		if s == "" {
			diags.AddAttributeError(p, "Invalid import identity",
				fmt.Sprintf("The identity needs %s (%s); %q is missing or empty.", strings.Join(attrs, ", "), format, name))
			return "", diags
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "/"), diags
}

// The identity of each resource: the names of its import ID.

var (
	idService      = identityAttr{name: "name", description: "The service name."}
	idServiceName  = identityAttr{name: "service_name", description: "The name of the service."}
	idFunctionName = identityAttr{name: "function_name", description: "The name of the function."}
	idQualifier    = identityAttr{name: "qualifier", description: "The qualifier: `LATEST` or an alias (a version too, where the resource allows one)."}
)

var (
	_ resource.ResourceWithIdentity = (*serviceResource)(nil)
	_ resource.ResourceWithIdentity = (*functionResource)(nil)
	_ resource.ResourceWithIdentity = (*triggerResource)(nil)
	_ resource.ResourceWithIdentity = (*serviceVersionResource)(nil)
	_ resource.ResourceWithIdentity = (*aliasResource)(nil)
	_ resource.ResourceWithIdentity = (*customDomainResource)(nil)
	_ resource.ResourceWithIdentity = (*layerVersionResource)(nil)
	_ resource.ResourceWithIdentity = (*provisionConfigResource)(nil)
	_ resource.ResourceWithIdentity = (*asyncInvokeConfigResource)(nil)
)

func (r *serviceResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idService)
}

func (r *functionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idServiceName, identityAttr{name: "name", description: "The function name."})
}

func (r *triggerResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idServiceName, idFunctionName, identityAttr{name: "name", description: "The trigger name."})
}

func (r *serviceVersionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idServiceName, identityAttr{name: "version_id", description: "The version ID, e.g. `3`."})
}

func (r *aliasResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idServiceName, identityAttr{name: "name", description: "The alias name."})
}

func (r *customDomainResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(identityAttr{name: "domain_name", description: "The domain name."})
}

func (r *layerVersionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(identityAttr{name: "layer_name", description: "The layer name."},
		identityAttr{name: "version", description: "The version number.", int64: true})
}

func (r *provisionConfigResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idServiceName, idQualifier, idFunctionName)
}

func (r *asyncInvokeConfigResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identitySchema(idServiceName, idFunctionName, idQualifier)
}
