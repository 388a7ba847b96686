package emulator

import (
	"net/http"
	"slices"
	"sort"
	"strconv"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// ListServiceVersions directions (reference 3.4).
const (
	directionForward  = "FORWARD"
	directionBackward = "BACKWARD"
)

// publishServiceVersion snapshots the service configuration and every
// function (code reference and checksum included) as version N+1, where N
// is the highest number the service ever issued. An If-Match header is
// checked against the service's ETag.
func (s *Server) publishServiceVersion(c *call) *apiError {
	var in fc.Version
	if e := decodeObject(c.body, &in, nil); e != nil {
		return e
	}

	var v *versionRecord
	return modify(s, c, kindService, []string{c.service}, true, func(svc *serviceRecord) *apiError {
		svc.LastVersion++
		id := strconv.Itoa(svc.LastVersion)
		now := s.timestamp()
		v = &versionRecord{
			Version: fc.Version{
				VersionID:        ptr(id),
				Description:      in.Description,
				CreatedTime:      ptr(now),
				LastModifiedTime: ptr(now),
			},
			Service:     clone(svc.Service),
			ServiceETag: svc.ETag,
			Functions:   make(map[string]*functionRecord, len(svc.Functions)),
		}
		for name, fn := range svc.Functions {
			v.Functions[name] = &functionRecord{Function: clone(fn.Function), ETag: fn.ETag, CodeRef: fn.CodeRef}
		}
		kindVersion.table.put(svc, id, v)
		return nil
	}, func(*serviceRecord) *apiError { return c.writeJSON(v.Version, "") })
}

// deleteServiceVersion deletes a version unless an alias routes traffic to
// it (as versionId or in additionalVersionWeight): 409 VersionInUse.
func (s *Server) deleteServiceVersion(c *call) *apiError {
	return remove(s, c, kindVersion, []string{c.service, c.params["version"]}, func(v *versionRecord) *apiError {
		id := deref(v.Version.VersionID)
		svc, _ := s.st.service(c.service) // exists: the version was found in it
		if users := svc.aliasesUsing(id); len(users) > 0 {
			return errVersionInUse(c.service, id, users)
		}
		svc.dropQualifierConfigs(id) // the async-invoke configs of the version go with it
		return nil
	}, http.StatusNoContent)
}

// aliasesUsing returns, sorted, the aliases that route to version id.
func (svc *serviceRecord) aliasesUsing(id string) []string {
	var names []string
	for name, a := range svc.Aliases {
		_, weighted := a.Alias.AdditionalVersionWeight[id]
		if deref(a.Alias.VersionID) == id || weighted {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// listVersionsResponse is the answer of ListServiceVersions.
type listVersionsResponse struct {
	Versions  []fc.Version `json:"versions"`
	NextToken string       `json:"nextToken,omitempty"`
	Direction string       `json:"direction"`
}

// listServiceVersions lists versions in version-number order: ascending for
// FORWARD, descending for BACKWARD (the default). startKey and nextToken
// are version IDs where the page starts, inclusive, in that order (the one
// further along wins when both are sent); nextToken in the answer is the
// ID of the first version of the next page.
func (s *Server) listServiceVersions(c *call) *apiError {
	q := c.r.URL.Query()
	p, e := parseListParams(q)
	if e != nil {
		return e
	}
	direction := q.Get("direction")
	switch direction {
	case "":
		direction = directionBackward
	case directionForward, directionBackward:
	default:
		return errInvalidArgument("direction must be FORWARD or BACKWARD, got '%s'", direction)
	}
	forward := direction == directionForward
	// from is the first version number the page may hold (the last, going
	// backward); 0 means no bound.
	from := 0
	for _, key := range []string{"startKey", "nextToken"} {
		v := q.Get(key)
		if v == "" {
			continue
		}
		n, ok := versionNumber(v)
		if !ok {
			return errInvalidArgument("%s must be a version ID (a positive integer), got '%s'", key, v)
		}
		if from == 0 || forward && n > from || !forward && n < from {
			from = n
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	svc, e := s.st.service(c.service)
	if e != nil {
		return e
	}
	numbers := make([]int, 0, len(svc.Versions))
	for id := range svc.Versions {
		if n, ok := versionNumber(id); ok {
			numbers = append(numbers, n)
		}
	}
	sort.Ints(numbers)
	if !forward {
		slices.Reverse(numbers)
	}
	out := listVersionsResponse{Versions: []fc.Version{}, Direction: direction}
	for _, n := range numbers {
		if from != 0 && (forward && n < from || !forward && n > from) {
			continue
		}
		if len(out.Versions) == p.limit {
			out.NextToken = strconv.Itoa(n)
			break
		}
		out.Versions = append(out.Versions, svc.Versions[strconv.Itoa(n)].Version)
	}
	return c.writeJSON(out, "")
}
