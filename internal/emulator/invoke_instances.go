package emulator

import (
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// invokedInstances returns the warm instances InvokeFunction keeps for a
// function at a qualifier, under s.mu: LATEST's, a version's, or those of
// every version an alias routes to (its primary version and its weighted
// ones), each only while it runs the current configuration of its version.
// versionId is "0" under LATEST.
func (s *Server) invokedInstances(service, qualifier, function string) []fc.Instance {
	svc, ok := s.st.Services[service]
	if !ok {
		return nil
	}
	var versions []string
	switch {
	case qualifier == "" || qualifier == qualifierLatest:
		versions = []string{qualifierLatest}
	case isDigits(qualifier):
		versions = []string{canonicalVersionID(qualifier)}
	default:
		alias, ok := svc.Aliases[qualifier]
		if !ok {
			return nil
		}
		versions = []string{deref(alias.Alias.VersionID)}
		for v := range alias.Alias.AdditionalVersionWeight {
			versions = append(versions, v)
		}
	}
	fingerprints := map[string]string{}
	for _, v := range versions {
		view, e := s.st.resolveQualifier(service, v)
		if e != nil {
			continue
		}
		if fn, ok := view.functions[function]; ok {
			fingerprints[v] = invocationFingerprint(fn, view)
		}
	}
	var out []fc.Instance
	for _, in := range s.invoke.instances(service, function, fingerprints) {
		version := in.version
		if version == qualifierLatest {
			version = "0"
		}
		out = append(out, fc.Instance{InstanceID: in.id, VersionID: fc.LooseString(version)})
	}
	return out
}
