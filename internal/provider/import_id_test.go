package provider

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseImportID(t *testing.T) {
	cases := []struct {
		id, format string
		want       []string
		wantErr    string
	}{
		{"svc", "SERVICE", []string{"svc"}, ""},
		{"svc/fn", "SERVICE/FUNCTION", []string{"svc", "fn"}, ""},
		{"svc/fn/tr", "SERVICE/FUNCTION/TRIGGER", []string{"svc", "fn", "tr"}, ""},
		{"svc", "SERVICE/FUNCTION", nil, `expected SERVICE/FUNCTION, got "svc"`},
		{"svc/", "SERVICE/FUNCTION", nil, `expected SERVICE/FUNCTION, got "svc/"`},
		{"/fn", "SERVICE/FUNCTION", nil, `expected SERVICE/FUNCTION, got "/fn"`},
		{"a/b/c", "SERVICE/FUNCTION", nil, `expected SERVICE/FUNCTION, got "a/b/c"`},
		{"", "SERVICE", nil, `expected SERVICE, got ""`},
	}
	for _, c := range cases {
		got, err := parseImportID(c.id, c.format)
		if c.wantErr != "" {
			if err == nil || err.Error() != c.wantErr {
				t.Errorf("parseImportID(%q, %q) error = %v, want %q", c.id, c.format, err, c.wantErr)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseImportID(%q, %q) = %v, %v; want %v", c.id, c.format, got, err, c.want)
		}
	}
}

// FuzzParseImportID: any ID either parses into exactly the format's number
// of non-empty parts that join back into the ID, or is refused with an
// error naming the expected format. Never a panic.
func FuzzParseImportID(f *testing.F) {
	for _, seed := range []struct{ id, format string }{
		{"svc", "SERVICE_NAME"}, {"svc/fn", "SERVICE/FUNCTION"}, {"svc/fn/tr", "SERVICE/FUNCTION/TRIGGER"},
		{"svc//fn", "SERVICE/FUNCTION"}, {"/", "SERVICE/FUNCTION"}, {"", "SERVICE"}, {"a/b/c/d", "SERVICE/QUALIFIER/FUNCTION"},
		{"svc/\x00/fn", "SERVICE/QUALIFIER/FUNCTION"}, {"é/ü", "LAYER/VERSION"},
	} {
		f.Add(seed.id, seed.format)
	}
	f.Fuzz(func(t *testing.T, id, format string) {
		parts, err := parseImportID(id, format)
		want := strings.Count(format, "/") + 1
		if err != nil {
			if parts != nil || !strings.Contains(err.Error(), "expected "+format+", got ") {
				t.Fatalf("parseImportID(%q, %q) = %v, %v: an error must name the format and return no parts", id, format, parts, err)
			}
			return
		}
		if len(parts) != want || strings.Join(parts, "/") != id {
			t.Fatalf("parseImportID(%q, %q) = %q: want %d parts joining into the ID", id, format, parts, want)
		}
		for _, p := range parts {
			if p == "" {
				t.Fatalf("parseImportID(%q, %q) = %q: an empty part was accepted", id, format, parts)
			}
		}
	})
}
