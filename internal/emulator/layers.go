package emulator

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Layers (reference 3.11, 4.10). A layer is created by its first published
// version and has no update: every publish is a new, immutable version
// numbered one past the highest number the layer ever had, so a deleted
// number is never given out again (layerRecord.LastVersion is persisted).

// layerNameRE is the emulator's rule for layer names (the documents give
// none): the function name rule.
var layerNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`)

// maxLayerDescription is the SDK's limit (reference 9).
const maxLayerDescription = 256

// layerOwnerOfficial is the owner segment of the ARNs of the layers FC
// itself publishes ("acs:fc:<region>:official:layers/..."), which the
// emulator does not hold and accepts on functions unchecked.
const layerOwnerOfficial = "official"

// publishLayerRequest is the body of PublishLayerVersion as the emulator
// decodes it, after fixLayerFields has moved the 2021-04-06 SDK's "Code"
// to "code".
type publishLayerRequest struct {
	Code              *fc.Code `json:"code"`
	CompatibleRuntime []string `json:"compatibleRuntime"`
	Description       *string  `json:"description"`
}

// fixLayerFields accepts the 2021-04-06 SDK's body key "Code" (reference
// 9.2) for the document's "code"; the lower-case key wins when both are
// sent. The 2016-08-15 SDK also sends "layerName", which the path names
// and the body ignores.
func fixLayerFields(raw map[string]json.RawMessage) *apiError {
	if v, ok := raw["Code"]; ok {
		if cur, has := raw["code"]; !has || string(cur) == "null" {
			raw["code"] = v
		}
		delete(raw, "Code")
	}
	delete(raw, "layerName")
	return nil
}

// layerOwnerHex is the hex segment of this account's layer ARNs
// ("<hex>#<name>#<version>"): the MD5 of the account ID (the emulator's
// choice; the documents show only an example value).
func (s *Server) layerOwnerHex() string {
	sum := md5.Sum([]byte(s.opts.AccountID))
	return hex.EncodeToString(sum[:])
}

func (s *Server) layerARN(name string, version int) string {
	return s.layerOwnerHex() + "#" + name + "#" + strconv.Itoa(version)
}

func (s *Server) layerARNV2(name string, version int) string {
	return "acs:fc:" + s.opts.Region + ":" + s.opts.AccountID + ":layers/" + name + "/versions/" + strconv.Itoa(version)
}

func (s *Server) publishLayerVersion(c *call) *apiError {
	var in publishLayerRequest
	if e := decodeObject(c.body, &in, fixLayerFields); e != nil {
		return e
	}
	name := c.params["layer"]
	if !layerNameRE.MatchString(name) {
		return errInvalidArgument("layerName '%s' is invalid: use 1 to 64 letters, digits, '-' or '_', not starting with a digit or '-'", name)
	}
	if d := deref(in.Description); utf8.RuneCountInString(d) > maxLayerDescription {
		return errInvalidArgument("description must be at most %d characters, got %d", maxLayerDescription, utf8.RuneCountInString(d))
	}
	if len(in.CompatibleRuntime) == 0 {
		return errInvalidArgument("compatibleRuntime is required: list at least one runtime")
	}
	seen := map[string]bool{}
	for i, rt := range in.CompatibleRuntime {
		switch {
		case rt == "":
			return errInvalidArgument("compatibleRuntime[%d] is empty", i)
		case seen[rt]:
			return errInvalidArgument("compatibleRuntime lists '%s' twice", rt)
		}
		seen[rt] = true
	}
	if in.Code == nil {
		return errInvalidArgument("code is required")
	}
	pkg, e := decodeCode(in.Code, c.r.Header.Get(headerCodeChecksum))
	if e != nil {
		return e
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	layer, ok := s.st.Layers[name]
	if !ok {
		layer = &layerRecord{}
		kindLayer.table.put(s.st, name, layer)
	}
	layer.LastVersion++
	n := layer.LastVersion
	v := &layerVersionRecord{
		Layer: fc.Layer{
			LayerName:         ptr(name),
			Version:           ptr(int64(n)),
			Description:       in.Description,
			CodeSize:          ptr(int64(len(pkg.data))),
			CodeChecksum:      ptr(pkg.checksum),
			CreateTime:        ptr(s.timestamp()),
			ACL:               ptr(int64(0)),
			CompatibleRuntime: in.CompatibleRuntime,
			ARN:               ptr(s.layerARN(name, n)),
			ARNV2:             ptr(s.layerARNV2(name, n)),
		},
		CodeRef: s.st.putBlob(pkg.data),
	}
	v.ETag = s.st.nextETag(v.Layer)
	kindLayerVersion.table.put(layer, strconv.Itoa(n), v)
	if e := s.commit(); e != nil {
		return e
	}
	return c.writeJSON(c.layerView(v), v.ETag)
}

// layerView is a stored version as answers show it: with the download
// location of its code package on this emulator.
func (c *call) layerView(v *layerVersionRecord) fc.Layer {
	out := v.Layer
	out.Code = &fc.LayerCode{RepositoryType: "OSS", Location: c.baseURL() + adminPrefix + "/code/" + v.CodeRef}
	return out
}

func (s *Server) getLayerVersion(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, e := lookup[*layerVersionRecord](s.st, kindLayerVersion, c.params["layer"], c.params["version"])
	if e != nil {
		return e
	}
	return c.writeJSON(c.layerView(v), v.ETag)
}

// deleteLayerVersion deletes a version. Functions that name it keep it
// (FC resolves layers when a function is created or its layers change).
func (s *Server) deleteLayerVersion(c *call) *apiError {
	return remove[*layerVersionRecord](s, c, kindLayerVersion, []string{c.params["layer"], c.params["version"]}, nil, http.StatusOK)
}

// listLayerVersionsResponse is the answer of ListLayerVersions.
type listLayerVersionsResponse struct {
	Layers      []fc.Layer `json:"layers"`
	NextVersion *int       `json:"nextVersion,omitempty"`
}

// listLayerVersions lists the versions of a layer in ascending order from
// startVersion (default 1); nextVersion is the number of the first version
// of the next page, absent on the last. A layer without versions is 404
// LayerNotFound.
func (s *Server) listLayerVersions(c *call) *apiError {
	q := c.r.URL.Query()
	p, e := parseListParams(q)
	if e != nil {
		return e
	}
	start := 1
	if v := q.Get("startVersion"); v != "" {
		n, ok := versionNumber(v)
		if !ok {
			return errInvalidArgument("startVersion must be a positive integer, got '%s'", v)
		}
		start = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	name := c.params["layer"]
	layer, ok := s.st.Layers[name]
	if !ok || len(layer.Versions) == 0 {
		return errNotFound(kindLayer, name)
	}
	out := listLayerVersionsResponse{Layers: []fc.Layer{}}
	for _, n := range layer.versionNumbers() {
		if n < start {
			continue
		}
		if len(out.Layers) == p.limit {
			out.NextVersion = ptr(n)
			break
		}
		out.Layers = append(out.Layers, c.layerView(layer.Versions[strconv.Itoa(n)]))
	}
	return c.writeJSON(out, "")
}

// listLayersResponse is the answer of ListLayers.
type listLayersResponse struct {
	Layers    []fc.Layer `json:"layers"`
	NextToken string     `json:"nextToken,omitempty"`
}

// listLayers lists the layers that have a version, each as its newest
// version, paged by name. The emulator holds no official layers:
// ?official=true lists none.
func (s *Server) listLayers(c *call) *apiError {
	q := c.r.URL.Query()
	p, e := parseListParams(q)
	if e != nil {
		return e
	}
	if q.Get("official") == "true" {
		return c.writeJSON(listLayersResponse{Layers: []fc.Layer{}}, "")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []string
	for name, layer := range s.st.Layers {
		if len(layer.Versions) > 0 {
			names = append(names, name)
		}
	}
	selected, next := page(names, p)
	out := listLayersResponse{Layers: make([]fc.Layer, 0, len(selected)), NextToken: next}
	for _, name := range selected {
		layer := s.st.Layers[name]
		numbers := layer.versionNumbers()
		out.Layers = append(out.Layers, c.layerView(layer.Versions[strconv.Itoa(numbers[len(numbers)-1])]))
	}
	return c.writeJSON(out, "")
}

// versionNumbers returns the layer's version numbers, ascending.
func (r *layerRecord) versionNumbers() []int {
	out := make([]int, 0, len(r.Versions))
	for id := range r.Versions {
		if n, ok := versionNumber(id); ok {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// layerRef is a function's reference to a layer version.
type layerRef struct {
	owner   string // the account ID, "official", or the hex of a "#" ARN
	name    string
	version string
	hexForm bool
}

var (
	layerARNHexRE = regexp.MustCompile(`^([0-9a-f]{32})#([^#/]+)#([0-9]+)$`)
	layerARNV2RE  = regexp.MustCompile(`^acs:fc:([^:]*):([^:]+):layers/([^/]+)/versions/([0-9]+)$`)
)

// checkFunctionLayers resolves a function's layers: each must be an ARN of
// a layer version, "<hex>#<name>#<version>" or
// "acs:fc:<region>:<owner>:layers/<name>/versions/<version>" (else 400
// InvalidArgument), that exists in this account and region (else 404
// LayerVersionNotFound); official layers are accepted unchecked. It
// returns the layersArnV2 of the function answers.
func (s *Server) checkFunctionLayers(layers []string) ([]string, *apiError) {
	if len(layers) == 0 {
		return nil, nil
	}
	arnV2 := make([]string, 0, len(layers))
	for i, l := range layers {
		var ref layerRef
		if m := layerARNHexRE.FindStringSubmatch(l); m != nil {
			ref = layerRef{owner: m[1], name: m[2], version: m[3], hexForm: true}
		} else if m := layerARNV2RE.FindStringSubmatch(l); m != nil {
			if m[2] == layerOwnerOfficial {
				arnV2 = append(arnV2, l)
				continue
			}
			if m[1] != s.opts.Region {
				return nil, newError(http.StatusNotFound, kindLayerVersion.code+"NotFound",
					"layers[%d]: layer version '%s' does not exist: it is in region '%s', the function in '%s'", i, l, m[1], s.opts.Region)
			}
			ref = layerRef{owner: m[2], name: m[3], version: m[4]}
		} else {
			return nil, errInvalidArgument("layers[%d]: '%s' is not a layer version ARN: use <hex>#<layerName>#<version> "+
				"or acs:fc:<region>:<account>:layers/<layerName>/versions/<version>", i, l)
		}
		owner := s.opts.AccountID
		if ref.hexForm {
			owner = s.layerOwnerHex()
		}
		if ref.owner != owner {
			return nil, newError(http.StatusNotFound, kindLayerVersion.code+"NotFound",
				"layers[%d]: layer version '%s' does not exist: it belongs to another account", i, l)
		}
		v, e := lookup[*layerVersionRecord](s.st, kindLayerVersion, ref.name, ref.version)
		if e != nil {
			return nil, newError(http.StatusNotFound, kindLayerVersion.code+"NotFound", "layers[%d]: %s", i, e.Message)
		}
		arnV2 = append(arnV2, deref(v.Layer.ARNV2))
	}
	return arnV2, nil
}
