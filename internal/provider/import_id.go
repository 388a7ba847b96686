package provider

import (
	"fmt"
	"strings"
)

// parseImportID splits a composite import ID into exactly len(parts)
// non-empty segments separated by "/". format names the parts for the
// error, e.g. "SERVICE/FUNCTION".
func parseImportID(id, format string) ([]string, error) {
	n := strings.Count(format, "/") + 1
	segs := strings.Split(id, "/")
	if len(segs) != n {
		return nil, fmt.Errorf("expected %s, got %q", format, id)
	}
	for _, s := range segs {
		if s == "" {
			return nil, fmt.Errorf("expected %s, got %q", format, id)
		}
	}
	return segs, nil
}
