package emulator

import (
	"net/url"
	"strconv"
)

// List paging limits (reference section 2.2).
const (
	defaultListLimit = 20
	maxListLimit     = 100
)

// listParams are the paging query parameters of a name-ordered list.
type listParams struct {
	limit     int
	prefix    string
	startKey  string
	nextToken string
}

// parseListParams reads limit, prefix, startKey and nextToken. limit must
// be an integer in [0, 100]; absent or 0 means 20.
func parseListParams(q url.Values) (listParams, *apiError) {
	p := listParams{
		limit:     defaultListLimit,
		prefix:    q.Get("prefix"),
		startKey:  q.Get("startKey"),
		nextToken: q.Get("nextToken"),
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxListLimit {
			return p, errInvalidArgument("limit must be an integer between 0 and %d, got '%s'", maxListLimit, v)
		}
		if n > 0 {
			p.limit = n
		}
	}
	return p, nil
}
