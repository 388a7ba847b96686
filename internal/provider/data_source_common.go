package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/validators"
)

// What the data sources share: their computed schema attributes, the
// arguments that name a service or a function, the Read preamble, the
// error of a failed lookup and the flattening of listed items.

// ---------------------------------------------------------------------------
// Computed attributes: what FC answers, described by desc.

// computedString is a computed string attribute.
func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

// computedInt64 is a computed int64 attribute.
func computedInt64(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{MarkdownDescription: desc, Computed: true}
}

// computedFloat64 is a computed float64 attribute.
func computedFloat64(desc string) schema.Float64Attribute {
	return schema.Float64Attribute{MarkdownDescription: desc, Computed: true}
}

// computedBool is a computed bool attribute.
func computedBool(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
}

// computedStringList is a computed list of strings, e.g. the names of the
// objects a list data source found.
func computedStringList(desc string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}

// computedStringSet is a computed set of strings.
func computedStringSet(desc string) schema.SetAttribute {
	return schema.SetAttribute{MarkdownDescription: desc, Computed: true, ElementType: types.StringType}
}

// computedMap is a computed map of elem values.
func computedMap(desc string, elem attr.Type) schema.MapAttribute {
	return schema.MapAttribute{MarkdownDescription: desc, Computed: true, ElementType: elem}
}

// computedObject is a computed nested object with attrs.
func computedObject(desc string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true, Attributes: attrs}
}

// computedObjectList is a computed list of nested objects with attrs, e.g.
// the items of a list data source.
func computedObjectList(desc string, attrs map[string]schema.Attribute) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: attrs},
	}
}

// ---------------------------------------------------------------------------
// Arguments

// requiredServiceName is the required service_name (or name) argument of a
// data source that reads from one service.
func requiredServiceName(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Required:            true,
		Validators:          []validator.String{validators.Name("service name", 128)},
	}
}

// requiredFunctionName is the required function_name (or name) argument of
// a data source that reads from one function.
func requiredFunctionName(desc string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: desc,
		Required:            true,
		Validators:          []validator.String{validators.Name("function name", 64)},
	}
}

// optionalString is an optional string argument of a data source, e.g. a
// name_prefix filter, with validators v.
func optionalString(desc string, v ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: v}
}

// qualifierArgument is the optional qualifier argument of a data source
// that reads functions at a version or alias.
func qualifierArgument(desc string) schema.StringAttribute {
	return optionalString(desc, stringvalidator.LengthAtLeast(1))
}

// ---------------------------------------------------------------------------
// Read

// dataSourceConfig reads the data source's configuration into a new M. On
// a problem it is in resp and ok is false.
func dataSourceConfig[M any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) (cfg M, ok bool) {
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	return cfg, !resp.Diagnostics.HasError()
}

// addLookupError reports a failed read or list request of a data source:
// the detail says what failed, or notFound when FC answered that the
// object (or its parent) does not exist.
func addLookupError(diags *diag.Diagnostics, summary, kind, what, notFound string, err error) {
	if fc.IsNotFound(err) {
		what = notFound
	}
	addAPIError(diags, summary, kind, what, err)
}

// serviceMissing is the detail of a lookup under service when FC answers
// that the service does not exist.
func serviceMissing(service string) string {
	return fmt.Sprintf("Service %q does not exist in this account and region. Check the name and the provider's region and account", service)
}

// listByPrefix is the request of a data source that lists the objects of
// the account (kind "layer": the layers) whose name starts with prefix, or
// all of them when prefix is "". On an error it is in diags and ok is
// false.
func listByPrefix[T any](ctx context.Context, diags *diag.Diagnostics, kind, prefix string,
	list func(context.Context, fc.ListOptions) ([]T, error),
) (items []T, ok bool) {
	items, err := list(ctx, fc.ListOptions{Prefix: prefix})
	if err != nil {
		what := "Could not list " + kind + "s"
		if prefix != "" {
			what = fmt.Sprintf("Could not list %ss with the name prefix %q", kind, prefix)
		}
		addAPIError(diags, "Error listing FC "+kind+"s", kind, what, err)
		return nil, false
	}
	tflog.Debug(ctx, "Listed FC "+kind+"s", map[string]any{"prefix": prefix, "count": len(items)})
	return items, true
}

// mapEach is flatten of every element of list, in order; an empty list
// gives an empty (not nil) slice, so the attribute is empty, not null.
func mapEach[T, M any](list []T, flatten func(*T) M) []M {
	out := make([]M, 0, len(list))
	for i := range list {
		out = append(out, flatten(&list[i]))
	}
	return out
}

// flattenEach is mapEach for a flatten that reports problems: those of
// every element are appended to diags.
func flattenEach[T, M any](diags *diag.Diagnostics, list []T, flatten func(*T) (M, diag.Diagnostics)) []M {
	return mapEach(list, func(it *T) M {
		m, d := flatten(it)
		diags.Append(d...)
		return m
	})
}

// namesOf is the names attribute of a list data source: name of every
// item, in the order of items.
func namesOf[M any](items []M, name func(*M) types.String) types.List {
	names := make([]attr.Value, 0, len(items))
	for i := range items {
		names = append(names, name(&items[i]))
	}
	return types.ListValueMust(types.StringType, names)
}
