package emulator

import (
	"math"
	"net/http"
	"regexp"
	"sort"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// aliasNameRE is the alias name rule of reference section 9 (LATEST is
// refused apart).
var aliasNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,127}$`)

// weightSumTolerance absorbs binary floating point when adding weights.
const weightSumTolerance = 1e-9

// decodeAlias decodes an alias request body and drops the fields a client
// cannot set (serviceName, createdTime, lastModifiedTime).
func decodeAlias(body []byte) (*fc.Alias, *apiError) {
	var in fc.Alias
	if e := decodeObject(body, &in, nil); e != nil {
		return nil, e
	}
	in.ServiceName, in.CreatedTime, in.LastModifiedTime = nil, nil, nil
	return &in, nil
}

func validateAliasName(name string) *apiError {
	if name == "" {
		return errInvalidArgument("aliasName is required")
	}
	if name == qualifierLatest || !aliasNameRE.MatchString(name) {
		return errInvalidArgument("aliasName '%s' is invalid: use 1 to 128 letters, digits, '-' or '_', not starting with a digit or '-', and not LATEST", name)
	}
	return nil
}

// checkAliasTarget checks an alias as it would be stored and rewrites its
// version IDs to their canonical form ("01" is "1"): versionId names an
// existing version (404 VersionNotFound), and every additional weight is
// in [0, 1], keyed by an existing version other than versionId, the
// weights adding up to at most 1 (400 InvalidArgument naming
// additionalVersionWeight).
func (svc *serviceRecord) checkAliasTarget(service string, a *fc.Alias) *apiError {
	id := deref(a.VersionID)
	if id == "" {
		return errInvalidArgument("versionId is required")
	}
	primary, ok := svc.version(id)
	if !ok {
		return errNotFound(kindVersion, service, id)
	}
	id = deref(primary.Version.VersionID)
	keys := make([]string, 0, len(a.AdditionalVersionWeight))
	for k := range a.AdditionalVersionWeight {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	weights := make(map[string]float64, len(keys))
	sum := 0.0
	for _, k := range keys {
		w := a.AdditionalVersionWeight[k]
		if math.IsNaN(w) || w < 0 || w > 1 {
			return errInvalidArgument("additionalVersionWeight: the weight of version '%s' must be between 0 and 1, got %g", k, w)
		}
		v, ok := svc.version(k)
		if !ok {
			return errInvalidArgument("additionalVersionWeight: version '%s' of service '%s' does not exist", k, service)
		}
		ck := deref(v.Version.VersionID)
		if ck == id {
			return errInvalidArgument("additionalVersionWeight: version '%s' is the alias's versionId; list other versions only", k)
		}
		if _, dup := weights[ck]; dup {
			return errInvalidArgument("additionalVersionWeight: version '%s' is listed twice", ck)
		}
		weights[ck] = w
		sum += w
	}
	if sum > 1+weightSumTolerance {
		return errInvalidArgument("additionalVersionWeight: the weights add up to %g, more than 1", sum)
	}
	a.VersionID = ptr(id)
	if len(weights) > 0 {
		a.AdditionalVersionWeight = weights
	} else {
		a.AdditionalVersionWeight = nil
	}
	return nil
}

func (s *Server) createAlias(c *call) *apiError {
	in, e := decodeAlias(c.body)
	if e != nil {
		return e
	}
	name := deref(in.AliasName)
	if e := validateAliasName(name); e != nil {
		return e
	}
	if deref(in.VersionID) == "" {
		return errInvalidArgument("versionId is required")
	}
	if len(in.AdditionalVersionWeight) == 0 {
		in.AdditionalVersionWeight = nil
	}

	now := s.timestamp()
	in.ServiceName = ptr(c.service)
	in.CreatedTime = ptr(now)
	in.LastModifiedTime = ptr(now)
	a := &aliasRecord{Alias: *in}
	return create(s, c, kindAlias, []string{c.service, name}, a,
		func(parent record) *apiError { return parent.(*serviceRecord).checkAliasTarget(c.service, &a.Alias) },
		func(a *aliasRecord) *apiError { return c.writeJSON(a.Alias, a.ETag) })
}

func (s *Server) getAlias(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, e := lookup[*aliasRecord](s.st, kindAlias, c.service, c.params["alias"])
	if e != nil {
		return e
	}
	return c.writeJSON(a.Alias, a.ETag)
}

// updateAlias changes versionId, description and additionalVersionWeight:
// present fields replace, null and absent keep, an empty map {} clears the
// weights. aliasName in the body is ignored (the path names the alias).
func (s *Server) updateAlias(c *call) *apiError {
	in, e := decodeAlias(c.body)
	if e != nil {
		return e
	}
	if in.VersionID != nil && *in.VersionID == "" {
		return errInvalidArgument("versionId must not be empty")
	}

	return modify(s, c, kindAlias, []string{c.service, c.params["alias"]}, false, func(a *aliasRecord) *apiError {
		merged := a.Alias
		if in.VersionID != nil {
			merged.VersionID = in.VersionID
		}
		if in.Description != nil {
			merged.Description = in.Description
		}
		if in.AdditionalVersionWeight != nil {
			merged.AdditionalVersionWeight = in.AdditionalVersionWeight
			if len(merged.AdditionalVersionWeight) == 0 {
				merged.AdditionalVersionWeight = nil
			}
		}
		svc, _ := s.st.service(c.service) // exists: the alias was found in it
		if e := svc.checkAliasTarget(c.service, &merged); e != nil {
			return e
		}
		merged.LastModifiedTime = ptr(s.timestamp())
		a.Alias = merged
		return nil
	}, func(a *aliasRecord) *apiError { return c.writeJSON(a.Alias, a.ETag) })
}

// deleteAlias deletes an alias and the provision and async-invoke configs
// the service's functions hold for it.
func (s *Server) deleteAlias(c *call) *apiError {
	return remove(s, c, kindAlias, []string{c.service, c.params["alias"]}, func(a *aliasRecord) *apiError {
		svc, _ := s.st.service(c.service) // exists: the alias was found in it
		svc.dropQualifierConfigs(c.params["alias"])
		return nil
	}, http.StatusNoContent)
}

// listAliasesResponse is the answer of ListAliases.
type listAliasesResponse struct {
	Aliases   []fc.Alias `json:"aliases"`
	NextToken string     `json:"nextToken,omitempty"`
}

func (s *Server) listAliases(c *call) *apiError {
	return list(s, c, kindAlias, []string{c.service}, func(a *aliasRecord) fc.Alias { return a.Alias },
		func(items []fc.Alias, next string) any { return listAliasesResponse{Aliases: items, NextToken: next} })
}
