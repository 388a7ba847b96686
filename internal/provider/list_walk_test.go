package provider

import (
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// seqOf yields items, then err when it is not nil.
func seqOf[T any](err error, items ...T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
		if err != nil {
			var zero T
			yield(zero, err)
		}
	}
}

func TestWithin(t *testing.T) {
	gone := &fc.APIError{StatusCode: 404, Code: "ServiceNotFound"}
	broken := &fc.APIError{StatusCode: 500, Code: "InternalServerError"}
	children := map[string]iter.Seq2[string, error]{
		"a": seqOf[string](nil, "a1", "a2"),
		"b": seqOf[string](gone), // deleted since it was listed
		"c": seqOf[string](nil, "c1"),
		"d": seqOf[string](broken, "d1"),
	}
	walk := func(parents iter.Seq2[string, error], named bool, stopAfter int) (got []string, err error) {
		for c, e := range within(parents, named, func(p string) iter.Seq2[string, error] { return children[p] }) {
			if e != nil {
				return got, e
			}
			got = append(got, c.parent+"/"+c.item)
			if len(got) == stopAfter {
				break
			}
		}
		return got, nil
	}
	cases := []struct {
		name      string
		parents   iter.Seq2[string, error]
		named     bool
		stopAfter int
		want      string
		wantErr   error
	}{
		{"listed parent gone is skipped", seqOf[string](nil, "a", "b", "c"), false, 0, "[a/a1 a/a2 c/c1]", nil},
		{"named parent gone is an error", seqOf[string](nil, "b"), true, 0, "[]", gone},
		{"other errors end the walk", seqOf[string](nil, "a", "d", "c"), false, 0, "[a/a1 a/a2 d/d1]", broken},
		{"parents' error ends the walk", seqOf(broken, "a"), false, 0, "[a/a1 a/a2]", broken},
		{"the consumer stops", seqOf[string](nil, "a", "c"), false, 1, "[a/a1]", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := walk(tc.parents, tc.named, tc.stopAfter)
			if fmt.Sprint(got) != tc.want && !(tc.want == "[]" && len(got) == 0) {
				t.Errorf("children = %v, want %s", got, tc.want)
			}
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

func TestPageSize(t *testing.T) {
	for limit, want := range map[int64]int{0: 100, 1: 1, 99: 99, 100: 100, 1000: 100} {
		if got := pageSize(limit); got != want {
			t.Errorf("pageSize(%d) = %d, want %d", limit, got, want)
		}
	}
}
