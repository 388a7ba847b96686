package provider

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// List resources (Terraform 1.14+, `list` blocks in .tfquery.hcl files and
// `terraform query`): one per managed resource type, with the same type
// name. Each lists the objects FC has, paging through FC's list operation
// lazily (fc's Xs iterators), and stops as soon as Terraform has the
// results it asked for (the list block's limit, 100 by default) or stops
// reading.
//
// A result carries the object's identity (the names of its import ID) and,
// when Terraform asks for it (include_resource, and always for
// -generate-config-out), the full state: the state an import of that
// object followed by a refresh would produce. It is built the way the
// resource's Read builds it, with the resource's own flatten functions
// applied to the listed object and, as prior, the state an import leaves
// (the identity attributes and id, every other attribute null). So the
// configuration Terraform generates from it plans as an import with no
// other change, except for what FC cannot return (documented on each list
// resource: the code source of functions and layer versions, the private
// key of a certificate).

// listPageSize is the page size of the list requests: FC's maximum.
const listPageSize = 100

// pageSize is the page size of a listing that stops after limit results
// (0: no limit known).
func pageSize(limit int64) int {
	if limit > 0 && limit < listPageSize {
		return int(limit)
	}
	return listPageSize
}

// listed is one object a list resource found.
type listed struct {
	// display is the result's display name, e.g. "svc/fn".
	display string
	// imported are the attributes an import of the object sets: its
	// identity (the identity schema's attributes take their values from
	// here), id and any default the import sets.
	imported map[string]attr.Value
	// state returns the full state from prior, the state the import left
	// (see importedPrior); called only when Terraform asks for it.
	state func(ctx context.Context, prior *tfsdk.Resource) (any, diag.Diagnostics)
	// problem, when set, makes the result an error with this detail (an
	// answer the object cannot be named from).
	problem string
}

// newListed is the listed object with import ID id, which is also its
// display name: an import sets id and the string attributes names; flatten
// makes its state from the state the import leaves.
func newListed[M any](id string, names map[string]string, flatten func(ctx context.Context, prior M) (any, diag.Diagnostics)) listed {
	imported := map[string]attr.Value{"id": types.StringValue(id)}
	for name, v := range names {
		imported[name] = types.StringValue(v)
	}
	return listed{display: id, imported: imported, state: stateFrom(flatten)}
}

// stateFrom adapts a flatten of the resource model M: it reads the import's
// prior state into M and flattens with it.
func stateFrom[M any](flatten func(ctx context.Context, prior M) (any, diag.Diagnostics)) func(context.Context, *tfsdk.Resource) (any, diag.Diagnostics) {
	return func(ctx context.Context, prior *tfsdk.Resource) (any, diag.Diagnostics) {
		var m M
		diags := prior.Get(ctx, &m)
		if diags.HasError() {
			return nil, diags
		}
		out, d := flatten(ctx, m)
		diags.Append(d...)
		return out, diags
	}
}

// listFailure is an error of one list request, with what was being listed.
type listFailure struct {
	what string // "Could not list the functions of service \"svc\""
	err  error
}

func (e *listFailure) Error() string { return e.what + ": " + e.err.Error() }
func (e *listFailure) Unwrap() error { return e.err }

// failing names the list operation of seq for the error it may end with.
func failing[T any](seq iter.Seq2[T, error], what string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for it, err := range seq {
			if err != nil {
				var zero T
				yield(zero, &listFailure{what: what, err: err})
				return
			}
			if !yield(it, nil) {
				return
			}
		}
	}
}

// streamListed sets the stream's results: describe(item) for each item,
// until items end, Terraform has req.Limit results, or Terraform stops
// reading (which stops the paging too). An error ends the stream with an
// error result whose summary is summary ("Error listing FC functions");
// kind names the object for the API error detail.
func streamListed[T any](ctx context.Context, req list.ListRequest, stream *list.ListResultsStream, items iter.Seq2[T, error],
	summary, kind string, describe func(T) listed,
) {
	stream.Results = func(push func(list.ListResult) bool) {
		var n int64
		for item, err := range items {
			if err != nil {
				var diags diag.Diagnostics
				what := "Could not list the " + kind + "s"
				var failure *listFailure
				if errors.As(err, &failure) {
					what, err = failure.what, failure.err
				}
				addAPIError(&diags, summary, kind, what, err)
				push(list.ListResult{Diagnostics: diags})
				return
			}
			if !push(listResult(ctx, req, describe(item))) {
				return
			}
			n++
			if req.Limit > 0 && n >= req.Limit {
				return
			}
		}
	}
}

// listResult builds the result of one listed object.
func listResult(ctx context.Context, req list.ListRequest, l listed) list.ListResult {
	res := req.NewListResult(ctx)
	res.DisplayName = l.display
	if l.problem != "" {
		res.Diagnostics.AddError("Unexpected FC answer", l.problem)
		return res
	}
	for name := range req.ResourceIdentitySchema.GetAttributes() {
		v, ok := l.imported[name]
		if !ok {
			res.Diagnostics.AddError("Incomplete list result",
				fmt.Sprintf("The list result of %s has no value for the identity attribute %q. This is a bug in the provider; please report it.", l.display, name))
			return res
		}
		res.Diagnostics.Append(res.Identity.SetAttribute(ctx, path.Root(name), v)...)
	}
	if !req.IncludeResource || res.Diagnostics.HasError() {
		return res
	}
	res.Diagnostics.Append(importedPrior(ctx, res.Resource, l.imported)...)
	if res.Diagnostics.HasError() {
		return res
	}
	m, diags := l.state(ctx, res.Resource)
	res.Diagnostics.Append(diags...)
	if res.Diagnostics.HasError() {
		return res
	}
	res.Diagnostics.Append(res.Resource.Set(ctx, m)...)
	return res
}

// importedPrior sets r, a null resource state, to the state an import
// leaves: the imported attributes set, every other one null.
func importedPrior(ctx context.Context, r *tfsdk.Resource, imported map[string]attr.Value) diag.Diagnostics {
	var diags diag.Diagnostics
	for name, v := range imported {
		diags.Append(r.SetAttribute(ctx, path.Root(name), v)...)
	}
	return diags
}

// ---------------------------------------------------------------------------
// Walking FC's hierarchy: services > functions > triggers, ...

// child is an object listed under a parent.
type child[P, C any] struct {
	parent P
	item   C
}

// within yields every child of every parent, paired with it. A child list
// that answers not found is skipped when the parent came from a listing
// (it was deleted since); when the user named the parent (named), not
// found is an error, as any other.
func within[P, C any](parents iter.Seq2[P, error], named bool, children func(P) iter.Seq2[C, error]) iter.Seq2[child[P, C], error] {
	return func(yield func(child[P, C], error) bool) {
		for p, err := range parents {
			if err != nil {
				yield(child[P, C]{}, err)
				return
			}
			for c, err := range children(p) {
				if err != nil {
					if !named && fc.IsNotFound(err) {
						break
					}
					yield(child[P, C]{}, err)
					return
				}
				if !yield(child[P, C]{parent: p, item: c}, nil) {
					return
				}
			}
		}
	}
}

// one yields v.
func one[T any](v T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) { yield(v, nil) }
}

// mapped yields f of every element of seq, until seq's error, which it
// yields too.
func mapped[T, U any](seq iter.Seq2[T, error], f func(T) U) iter.Seq2[U, error] {
	return func(yield func(U, error) bool) {
		for v, err := range seq {
			if err != nil {
				var zero U
				yield(zero, err)
				return
			}
			if !yield(f(v), nil) {
				return
			}
		}
	}
}

// serviceNames yields name when it is set (named is then true), or else
// the name of every service.
func serviceNames(ctx context.Context, client *fc.Client, name string) (names iter.Seq2[string, error], named bool) {
	if name != "" {
		return one(name), true
	}
	services := failing(client.Services(ctx, fc.ListOptions{Limit: listPageSize}), "Could not list the services")
	return mapped(services, func(s fc.Service) string { return stringOrEmpty(s.ServiceName) }), false
}

// serviceChildren yields what list yields for the service named service,
// or for every service when service is "", paired with the service;
// plural names the children in errors ("aliases").
func serviceChildren[C any](ctx context.Context, client *fc.Client, service, plural string,
	list func(service string) iter.Seq2[C, error],
) iter.Seq2[child[string, C], error] {
	services, named := serviceNames(ctx, client, service)
	return within(services, named, func(s string) iter.Seq2[C, error] {
		return failing(list(s), fmt.Sprintf("Could not list the %s of service %q", plural, s))
	})
}

// functionRef names a function.
type functionRef struct{ service, function string }

// functionRefs yields the function named by service and function when
// both are set (named is then true); else every function of service, or
// of every service when service is "".
func functionRefs(ctx context.Context, client *fc.Client, service, function string) (refs iter.Seq2[functionRef, error], named bool) {
	if service != "" && function != "" {
		return one(functionRef{service, function}), true
	}
	functions := serviceChildren(ctx, client, service, "functions", func(s string) iter.Seq2[fc.Function, error] {
		return client.Functions(ctx, s, "", fc.ListOptions{Limit: listPageSize})
	})
	return mapped(functions, func(f child[string, fc.Function]) functionRef {
		return functionRef{f.parent, stringOrEmpty(f.item.FunctionName)}
	}), false
}

// functionChildren is serviceChildren for the children of functions: of
// the function named by service and function when both are set, else of
// every function of service, or of every service when service is "".
func functionChildren[C any](ctx context.Context, client *fc.Client, service, function, plural string,
	list func(functionRef) iter.Seq2[C, error],
) iter.Seq2[child[functionRef, C], error] {
	functions, named := functionRefs(ctx, client, service, function)
	return within(functions, named, func(f functionRef) iter.Seq2[C, error] {
		return failing(list(f), fmt.Sprintf("Could not list the %s of function %q of service %q", plural, f.function, f.service))
	})
}
