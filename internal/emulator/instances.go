package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// ListInstances (reference 3.12, 4.11 and 9.2) reports the instances on the
// invocation path of a function at a qualifier: the provisioned ones (those
// a provision config of the alias, or of LATEST, brought up so far; a
// version qualifier has none, provisioned capacity is bound to aliases),
// then the instances InvokeFunction started and keeps warm (runtime.go)
// for the versions the qualifier routes to (invoke_instances.go).

// maxInstancesLimit bounds ListInstances' limit (reference 2.2).
const maxInstancesLimit = 1000

// instance2016 is one item of the 2016-08-15 answer: versionId a number.
type instance2016 struct {
	InstanceID string `json:"instanceId"`
	VersionID  int64  `json:"versionId"`
}

// listInstancesResponse is the 2021-04-06 answer (the SDK's shape):
// {"instances": [...]} with versionId a string.
type listInstancesResponse struct {
	Instances []fc.Instance `json:"instances"`
}

// instanceID is the stable ID of the n-th provisioned instance of a config.
func instanceID(service, qualifier, function string, n int64) string {
	sum := sha256.Sum256([]byte(service + "\x00" + qualifier + "\x00" + function + "\x00" + strconv.FormatInt(n, 10)))
	return "c-" + hex.EncodeToString(sum[:4]) + "-" + hex.EncodeToString(sum[4:16])
}

// instanceIDsFilter reads ?instanceIds= as repeated values, a
// comma-separated list or a JSON array; nil means all.
func instanceIDsFilter(values []string) map[string]bool {
	if len(values) == 0 {
		return nil
	}
	ids := map[string]bool{}
	for _, v := range values {
		var list []string
		if strings.HasPrefix(strings.TrimSpace(v), "[") && json.Unmarshal([]byte(v), &list) == nil {
			for _, id := range list {
				ids[id] = true
			}
			continue
		}
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids[id] = true
			}
		}
	}
	return ids
}

// listInstances answers the instances, in the 2016-08-15 document's bare
// array under /2016-08-15 and in the 2021-04-06 SDK's object under
// /2021-04-06. limit is an integer in [0, 1000] (0 or absent: no cap).
func (s *Server) listInstances(c *call) *apiError {
	q := c.r.URL.Query()
	limit := 0
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxInstancesLimit {
			return errInvalidArgument("limit must be an integer between 0 and %d, got '%s'", maxInstancesLimit, v)
		}
		limit = n
	}
	filter := instanceIDsFilter(q["instanceIds"])
	function := c.params["function"]
	qualifier := c.qualifier
	if qualifier == "" {
		qualifier = qualifierLatest
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	view, e := s.st.resolveQualifier(c.service, qualifier)
	if e != nil {
		return e
	}
	if _, ok := view.functions[function]; !ok {
		return errNotFound(kindFunction, c.service, function)
	}
	var items []fc.Instance
	if !isDigits(qualifier) {
		version := view.versionID
		if version == "" {
			version = "0"
		}
		if fn, ok := s.st.Services[c.service].Functions[function]; ok {
			if rec := fn.ProvisionConfigs[qualifier]; rec != nil {
				current := rec.currentAt(s.provisioning, s.now())
				for n := int64(1); n <= current; n++ {
					id := instanceID(c.service, qualifier, function, n)
					if filter == nil || filter[id] {
						items = append(items, fc.Instance{InstanceID: id, VersionID: fc.LooseString(version)})
					}
				}
			}
		}
	}
	for _, in := range s.invokedInstances(c.service, qualifier, function) {
		if filter == nil || filter[in.InstanceID] {
			items = append(items, in)
		}
	}
	if limit > 0 && len(items) > limit {
		items = items[:limit]
	}
	if c.version == apiVersion2016 {
		out := make([]instance2016, 0, len(items))
		for _, it := range items {
			v, _ := strconv.ParseInt(string(it.VersionID), 10, 64)
			out = append(out, instance2016{InstanceID: it.InstanceID, VersionID: v})
		}
		return c.writeJSON(out, "")
	}
	if items == nil {
		items = []fc.Instance{}
	}
	return c.writeJSON(listInstancesResponse{Instances: items}, "")
}
