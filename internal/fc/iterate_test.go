package fc

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
)

// pagedServices serves ListServices in pages of two from names, with the
// page index as nextToken, and counts the requests it answers. failAt, when
// set, answers that page (0-based) with a 500 InternalError.
type pagedServices struct {
	t      *testing.T
	names  []string
	failAt int
	repeat bool // answer every page with nextToken "1"

	mu     sync.Mutex
	tokens []string
}

func (p *pagedServices) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	token := r.URL.Query().Get("nextToken")
	p.tokens = append(p.tokens, token)
	p.mu.Unlock()
	page := 0
	if token != "" {
		n, err := strconv.Atoi(token)
		if err != nil {
			p.t.Errorf("nextToken %q is not a page index", token)
		}
		page = n
	}
	if page+1 == p.failAt {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = fmt.Fprint(w, `{"ErrorCode":"InvalidArgument","ErrorMessage":"page refused"}`)
		return
	}
	out := struct {
		Services  []Service `json:"services"`
		NextToken string    `json:"nextToken,omitempty"`
	}{}
	for i := page * 2; i < min(page*2+2, len(p.names)); i++ {
		out.Services = append(out.Services, Service{ServiceName: Ptr(p.names[i])})
	}
	switch {
	case p.repeat:
		out.NextToken = "1"
	case page*2+2 < len(p.names):
		out.NextToken = strconv.Itoa(page + 1)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func (p *pagedServices) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.tokens...)
}

func TestLazyList_PagesToTheEnd(t *testing.T) {
	srv := &pagedServices{t: t, names: []string{"a", "b", "c", "d", "e"}}
	c := newTestClient(t, srv)
	all, err := c.ListServices(context.Background(), ListOptions{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 5 || *all[4].ServiceName != "e" {
		t.Fatalf("got %d services, want a..e", len(all))
	}
	if got := srv.requests(); fmt.Sprint(got) != "[ 1 2]" {
		t.Errorf("nextTokens sent = %q, want the first page then 1 and 2", got)
	}
}

func TestLazyList_StopsWhenTheConsumerStops(t *testing.T) {
	srv := &pagedServices{t: t, names: []string{"a", "b", "c", "d", "e", "f", "g"}}
	c := newTestClient(t, srv)
	var seen []string
	for s, err := range c.Services(context.Background(), ListOptions{Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, *s.ServiceName)
		if len(seen) == 3 {
			break
		}
	}
	if fmt.Sprint(seen) != "[a b c]" {
		t.Errorf("seen = %v", seen)
	}
	// The third service is on the second page: no third request.
	if got := srv.requests(); len(got) != 2 {
		t.Errorf("requests = %q, want 2 pages fetched", got)
	}
}

func TestLazyList_ErrorEndsTheSequence(t *testing.T) {
	srv := &pagedServices{t: t, names: []string{"a", "b", "c", "d", "e"}, failAt: 2}
	c := newTestClient(t, srv)
	var seen []string
	var errs []error
	for s, err := range c.Services(context.Background(), ListOptions{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		seen = append(seen, *s.ServiceName)
	}
	if fmt.Sprint(seen) != "[a b]" || len(errs) != 1 {
		t.Fatalf("seen %v, errors %v: want the first page, then one error", seen, errs)
	}
	var apiErr *APIError
	if !errors.As(errs[0], &apiErr) || apiErr.Code != "InvalidArgument" {
		t.Errorf("error = %v, want the API's InvalidArgument", errs[0])
	}
	if _, err := c.ListServices(context.Background(), ListOptions{}); err == nil {
		t.Error("ListServices: want the page's error")
	}
}

func TestLazyList_RepeatedTokenEnds(t *testing.T) {
	srv := &pagedServices{t: t, names: []string{"a", "b", "c", "d", "e"}, repeat: true}
	c := newTestClient(t, srv)
	all, err := c.ListServices(context.Background(), ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Page 0 then page 1 (token "1"), which answers "1" again: the end.
	if len(all) != 4 || len(srv.requests()) != 2 {
		t.Errorf("got %d services in %d requests, want 4 in 2", len(all), len(srv.requests()))
	}
}

func TestLazyList_CanceledContext(t *testing.T) {
	srv := &pagedServices{t: t, names: []string{"a"}}
	c := newTestClient(t, srv)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n := 0
	for _, err := range c.Services(ctx, ListOptions{}) {
		n++
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	}
	if n != 1 || len(srv.requests()) != 0 {
		t.Errorf("yielded %d, sent %d requests: want one error and no request", n, len(srv.requests()))
	}
}

func TestLazyList_LayerVersionsStopEarly(t *testing.T) {
	var mu sync.Mutex
	var starts []string
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, r.URL.Query().Get("startVersion"))
		mu.Unlock()
		start, _ := strconv.ParseInt(r.URL.Query().Get("startVersion"), 10, 64)
		next := start + 2
		out := struct {
			Layers      []Layer `json:"layers"`
			NextVersion *int64  `json:"nextVersion"`
		}{Layers: []Layer{{Version: Ptr(start)}, {Version: Ptr(start + 1)}}, NextVersion: &next}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}))
	var got []int64
	for l, err := range c.LayerVersions(context.Background(), "lyr", LayerVersionListOptions{Limit: 2}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, *l.Version)
		if len(got) == 5 {
			break
		}
	}
	if fmt.Sprint(got) != "[1 2 3 4 5]" || fmt.Sprint(starts) != "[1 3 5]" {
		t.Errorf("versions %v from startVersions %v, want 1..5 from 1, 3, 5", got, starts)
	}
}
