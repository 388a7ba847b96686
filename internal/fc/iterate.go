package fc

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"
)

// Lazy lists. Each Xs method below yields the objects of one FC list
// operation page by page, fetching the next page only when the consumer
// asks for more, so a consumer that stops early (a `terraform query` limit
// reached, a search that found its object) stops the paging too. An error
// is yielded once, with the zero object, and ends the sequence. The ListXs
// methods collect the same sequences to the end.

// pagedItems yields the items of a nextToken-paged operation: base is the
// query of the first page, and every further page repeats it with the
// nextToken of the page before. A page without nextToken, or one that
// repeats the token it was asked with, is the last.
func pagedItems[T any](ctx context.Context, base url.Values, fetch func(url.Values) ([]T, string, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		token := ""
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			q := url.Values{}
			for k, v := range base {
				q[k] = v
			}
			if token != "" {
				q.Set("nextToken", token)
			}
			items, next, err := fetch(q)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if next == "" || next == token {
				return
			}
			token = next
		}
	}
}

// collect drains a lazy list into a slice, stopping at the first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var all []T
	for it, err := range seq {
		if err != nil {
			return all, err
		}
		all = append(all, it)
	}
	return all, nil
}

// query is the first-page query of opts.
func (o ListOptions) query() url.Values {
	q := url.Values{}
	if o.Prefix != "" {
		q.Set("prefix", o.Prefix)
	}
	if o.StartKey != "" {
		q.Set("startKey", o.StartKey)
	}
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	return q
}

// listGet fetches one page of operation at path into out (an answer struct
// with the items member and NextToken).
func (c *Client) listGet(ctx context.Context, operation, path string, q url.Values, out any) error {
	_, err := c.do(ctx, &request{operation: operation, method: http.MethodGet, idempotent: true, path: path, query: q}, out)
	return err
}

// Services yields every service matching opts (see ListServices).
func (c *Client) Services(ctx context.Context, opts ListOptions) iter.Seq2[Service, error] {
	return pagedItems(ctx, opts.query(), func(q url.Values) ([]Service, string, error) {
		var p struct {
			Services  []Service `json:"services"`
			NextToken string    `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListServices", "/services", q, &p)
		return p.Services, p.NextToken, err
	})
}

// Functions yields every function of a service, optionally at a qualifier,
// matching opts (see ListFunctions).
func (c *Client) Functions(ctx context.Context, service, qualifier string, opts ListOptions) iter.Seq2[Function, error] {
	return pagedItems(ctx, withQualifier(opts.query(), qualifier), func(q url.Values) ([]Function, string, error) {
		var p struct {
			Functions []Function `json:"functions"`
			NextToken string     `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListFunctions", escape("services", service, "functions"), q, &p)
		return p.Functions, p.NextToken, err
	})
}

// Triggers yields every trigger of a function matching opts.
func (c *Client) Triggers(ctx context.Context, service, function string, opts ListOptions) iter.Seq2[Trigger, error] {
	return pagedItems(ctx, opts.query(), func(q url.Values) ([]Trigger, string, error) {
		var p struct {
			Triggers  []Trigger `json:"triggers"`
			NextToken string    `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListTriggers", escape("services", service, "functions", function, "triggers"), q, &p)
		return p.Triggers, p.NextToken, err
	})
}

// Aliases yields every alias of a service matching opts.
func (c *Client) Aliases(ctx context.Context, service string, opts ListOptions) iter.Seq2[Alias, error] {
	return pagedItems(ctx, opts.query(), func(q url.Values) ([]Alias, string, error) {
		var p struct {
			Aliases   []Alias `json:"aliases"`
			NextToken string  `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListAliases", escape("services", service, "aliases"), q, &p)
		return p.Aliases, p.NextToken, err
	})
}

// ServiceVersions yields every version of a service (see
// ListServiceVersions).
func (c *Client) ServiceVersions(ctx context.Context, service string, opts VersionListOptions) iter.Seq2[Version, error] {
	base := url.Values{}
	if opts.StartKey != "" {
		base.Set("startKey", opts.StartKey)
	}
	if opts.Limit > 0 {
		base.Set("limit", strconv.Itoa(opts.Limit))
	}
	if opts.Direction != "" {
		base.Set("direction", opts.Direction)
	}
	return pagedItems(ctx, base, func(q url.Values) ([]Version, string, error) {
		var p struct {
			Versions  []Version `json:"versions"`
			NextToken string    `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListServiceVersions", escape("services", service, "versions"), q, &p)
		return p.Versions, p.NextToken, err
	})
}

// CustomDomains yields every custom domain matching opts.
func (c *Client) CustomDomains(ctx context.Context, opts ListOptions) iter.Seq2[CustomDomain, error] {
	return pagedItems(ctx, opts.query(), func(q url.Values) ([]CustomDomain, string, error) {
		var p struct {
			CustomDomains []CustomDomain `json:"customDomains"`
			NextToken     string         `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListCustomDomains", "/custom-domains", q, &p)
		return p.CustomDomains, p.NextToken, err
	})
}

// Layers yields every layer matching opts, each as its newest version.
func (c *Client) Layers(ctx context.Context, opts ListOptions) iter.Seq2[Layer, error] {
	return pagedItems(ctx, opts.query(), func(q url.Values) ([]Layer, string, error) {
		var p struct {
			Layers    []Layer `json:"layers"`
			NextToken string  `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListLayers", "/layers", q, &p)
		return p.Layers, p.NextToken, err
	})
}

// LayerVersions yields the versions of a layer in ascending order from
// opts.StartVersion, following nextVersion.
func (c *Client) LayerVersions(ctx context.Context, layer string, opts LayerVersionListOptions) iter.Seq2[Layer, error] {
	return func(yield func(Layer, error) bool) {
		start := max(opts.StartVersion, 1)
		for {
			if err := ctx.Err(); err != nil {
				yield(Layer{}, err)
				return
			}
			q := url.Values{"startVersion": {strconv.FormatInt(start, 10)}}
			if opts.Limit > 0 {
				q.Set("limit", strconv.Itoa(opts.Limit))
			}
			var p struct {
				Layers      []Layer `json:"layers"`
				NextVersion *int64  `json:"nextVersion"`
			}
			if err := c.listGet(ctx, "ListLayerVersions", escape("layers", layer, "versions"), q, &p); err != nil {
				yield(Layer{}, err)
				return
			}
			for _, l := range p.Layers {
				if !yield(l, nil) {
					return
				}
			}
			// A cursor that does not move forward ends the list rather
			// than looping.
			if p.NextVersion == nil || *p.NextVersion <= start {
				return
			}
			start = *p.NextVersion
		}
	}
}

// ProvisionConfigs yields the provision configs matching opts.
func (c *Client) ProvisionConfigs(ctx context.Context, opts ProvisionConfigListOptions) iter.Seq2[ProvisionConfig, error] {
	base := ListOptions{Limit: opts.Limit}.query()
	if opts.ServiceName != "" {
		base.Set("serviceName", opts.ServiceName)
	}
	if opts.Qualifier != "" {
		base.Set("qualifier", opts.Qualifier)
	}
	return pagedItems(ctx, base, func(q url.Values) ([]ProvisionConfig, string, error) {
		var p struct {
			ProvisionConfigs []ProvisionConfig `json:"provisionConfigs"`
			NextToken        string            `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListProvisionConfigs", "/provision-configs", q, &p)
		return p.ProvisionConfigs, p.NextToken, err
	})
}

// FunctionAsyncInvokeConfigs yields the asynchronous invocation configs of
// a function, one per qualifier. Only opts.Limit applies.
func (c *Client) FunctionAsyncInvokeConfigs(ctx context.Context, service, function string, opts ListOptions) iter.Seq2[AsyncInvokeConfig, error] {
	return pagedItems(ctx, ListOptions{Limit: opts.Limit}.query(), func(q url.Values) ([]AsyncInvokeConfig, string, error) {
		var p struct {
			Configs   []AsyncInvokeConfig `json:"configs"`
			NextToken string              `json:"nextToken"`
		}
		err := c.listGet(ctx, "ListFunctionAsyncInvokeConfigs", escape("services", service, "functions", function, "async-invoke-configs"), q, &p)
		return p.Configs, p.NextToken, err
	})
}
