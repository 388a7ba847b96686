package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// wantDiag describes the single error a failing case must produce; a nil
// *wantDiag means no diagnostics at all.
type wantDiag struct {
	summary string
	detail  []string // substrings the detail must contain
}

func checkDiags(t *testing.T, diags diag.Diagnostics, p path.Path, want *wantDiag) {
	t.Helper()
	if want == nil {
		if len(diags) != 0 {
			t.Fatalf("want no diagnostics, got %v", diags)
		}
		return
	}
	if len(diags) != 1 {
		t.Fatalf("want exactly 1 diagnostic, got %d: %v", len(diags), diags)
	}
	d := diags[0]
	if d.Severity() != diag.SeverityError {
		t.Errorf("severity = %v, want error", d.Severity())
	}
	wp, ok := d.(diag.DiagnosticWithPath)
	if !ok {
		t.Fatalf("diagnostic %v has no attribute path", d)
	}
	if !wp.Path().Equal(p) {
		t.Errorf("path = %s, want %s", wp.Path(), p)
	}
	if want.summary != "" && d.Summary() != want.summary {
		t.Errorf("summary = %q, want %q", d.Summary(), want.summary)
	}
	for _, s := range want.detail {
		if !strings.Contains(d.Detail(), s) {
			t.Errorf("detail %q does not contain %q", d.Detail(), s)
		}
	}
}
