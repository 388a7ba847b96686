package provider

import (
	"reflect"
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
