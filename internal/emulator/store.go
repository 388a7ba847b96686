package emulator

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// state is everything the emulator stores; it is also the persisted file
// format (persist.go). Triggers hang off functionRecord, versions and
// aliases off serviceRecord; later account-level objects (custom domains,
// layers) hang off state. The zero value of every record is ready to use:
// child maps are made on the first insert (mapTable.put), so records decoded
// from any state file need no set-up.
type state struct {
	// FormatVersion is the state file format version.
	FormatVersion int `json:"formatVersion"`
	// ETagSeq numbers every ETag ever issued so that each change yields a
	// new value even when the content is unchanged.
	ETagSeq  uint64                    `json:"etagSeq"`
	Services map[string]*serviceRecord `json:"services,omitempty"`
	// Layers holds the layers by name, each with its versions.
	Layers map[string]*layerRecord `json:"layers,omitempty"`
	// Blobs holds code archives by reference (hex SHA-256 of the bytes).
	// They are saved as files beside the state file (persist.go), not in it.
	Blobs map[string][]byte `json:"-"`
	// InlineBlobs is where format 1 state files kept the archives; it is
	// read on load and never written.
	InlineBlobs map[string][]byte `json:"blobs,omitempty"`
	// CustomDomains are account-level, by domain name.
	CustomDomains map[string]*customDomainRecord `json:"customDomains,omitempty"`
}

// stateFormatVersion 2 keeps code archives in files beside the state file;
// version 1 (archives inline under "blobs") still loads.
const (
	stateFormatVersion       = 2
	stateFormatInlineArchive = 1
)

func newState() *state {
	return &state{FormatVersion: stateFormatVersion, Blobs: map[string][]byte{}}
}

// The kinds of stored objects, each with the map that holds it in its
// parent (objects.go). A new type of object adds its record type below,
// the map field in its parent's record, and a row here; the order of rows
// is the order of NotEmpty messages.
var (
	kindService = &kind{code: "Service", noun: "service", plural: "service(s)",
		table: mapTable[*state, *serviceRecord](func(st *state) *map[string]*serviceRecord { return &st.Services })}
	kindFunction = &kind{code: "Function", noun: "function", plural: "function(s)", parent: kindService,
		table: mapTable[*serviceRecord, *functionRecord](func(s *serviceRecord) *map[string]*functionRecord { return &s.Functions })}
	kindTrigger = &kind{code: "Trigger", noun: "trigger", plural: "trigger(s)", parent: kindFunction,
		table: mapTable[*functionRecord, *triggerRecord](func(f *functionRecord) *map[string]*triggerRecord { return &f.Triggers })}
	kindVersion = &kind{code: "Version", noun: "version", plural: "version(s)", parent: kindService,
		table:     mapTable[*serviceRecord, *versionRecord](func(s *serviceRecord) *map[string]*versionRecord { return &s.Versions }),
		canonical: canonicalVersionID}
	kindAlias = &kind{code: "Alias", noun: "alias", plural: "alias(es)", parent: kindService,
		table: mapTable[*serviceRecord, *aliasRecord](func(s *serviceRecord) *map[string]*aliasRecord { return &s.Aliases })}

	kindCustomDomain = &kind{code: "DomainName", noun: "domain name", plural: "domain name(s)",
		table: mapTable[*state, *customDomainRecord](func(st *state) *map[string]*customDomainRecord { return &st.CustomDomains })}
	kindProvisionConfig = &kind{code: "ProvisionConfig", noun: "provision config", plural: "provision config(s)", parent: kindFunction, cascade: true,
		table: mapTable[*functionRecord, *provisionRecord](func(f *functionRecord) *map[string]*provisionRecord { return &f.ProvisionConfigs })}
	kindAsyncConfig = &kind{code: "AsyncConfig", noun: "async invoke config", plural: "async invoke config(s)", parent: kindFunction, cascade: true,
		table: mapTable[*functionRecord, *asyncConfigRecord](func(f *functionRecord) *map[string]*asyncConfigRecord { return &f.AsyncConfigs })}

	kindLayer = &kind{code: "Layer", noun: "layer", plural: "layer(s)",
		table: mapTable[*state, *layerRecord](func(st *state) *map[string]*layerRecord { return &st.Layers })}
	kindLayerVersion = &kind{code: "LayerVersion", noun: "version", plural: "version(s)", parent: kindLayer,
		table:     mapTable[*layerRecord, *layerVersionRecord](func(l *layerRecord) *map[string]*layerVersionRecord { return &l.Versions }),
		canonical: canonicalVersionID}

	kinds = []*kind{kindService, kindFunction, kindTrigger, kindVersion, kindAlias, kindProvisionConfig, kindAsyncConfig, kindLayer, kindLayerVersion, kindCustomDomain}
)

func (st *state) etag() *string { return nil }
func (st *state) value() any    { return nil }

// serviceRecord is one stored service and everything below it.
type serviceRecord struct {
	Service   fc.Service                 `json:"service"`
	ETag      string                     `json:"etag"`
	Functions map[string]*functionRecord `json:"functions,omitempty"`
	// LastVersion is the highest version number ever published; version
	// numbers are never reused, even after a delete.
	LastVersion int `json:"lastVersion,omitempty"`
	// Versions holds the published snapshots by version ID ("1", "2", ...).
	Versions map[string]*versionRecord `json:"versions,omitempty"`
	Aliases  map[string]*aliasRecord   `json:"aliases,omitempty"`
	// Tags are the service's tags (tags.go); nil when it has none.
	Tags map[string]string `json:"tags,omitempty"`
}

func (r *serviceRecord) etag() *string { return &r.ETag }
func (r *serviceRecord) value() any    { return r.Service }

// functionRecord is one stored function. Function never holds Code; the
// archive is Blobs[CodeRef].
type functionRecord struct {
	Function fc.Function `json:"function"`
	ETag     string      `json:"etag"`
	// CodeRef is the key of the code archive in state.Blobs; empty when the
	// function has no code package (custom-container).
	CodeRef string `json:"codeRef,omitempty"`
	// Triggers of the current (LATEST) function; always empty in version
	// snapshots, since triggers are not versioned.
	Triggers map[string]*triggerRecord `json:"triggers,omitempty"`
	// ProvisionConfigs and AsyncConfigs are the function's provision and
	// async-invoke configs by qualifier (provision.go, async_config.go);
	// always empty in version snapshots.
	ProvisionConfigs map[string]*provisionRecord   `json:"provisionConfigs,omitempty"`
	AsyncConfigs     map[string]*asyncConfigRecord `json:"asyncConfigs,omitempty"`
}

func (r *functionRecord) etag() *string { return &r.ETag }
func (r *functionRecord) value() any    { return r.Function }

func (r *functionRecord) codeRefs(use func(ref string)) {
	if r.CodeRef != "" {
		use(r.CodeRef)
	}
}

// triggerRecord is one stored trigger. Trigger.TriggerConfig holds the
// canonical JSON object (compact, keys sorted, null members dropped).
type triggerRecord struct {
	Trigger fc.Trigger `json:"trigger"`
	ETag    string     `json:"etag"`
}

func (r *triggerRecord) etag() *string { return &r.ETag }
func (r *triggerRecord) value() any    { return r.Trigger }

// versionRecord is a published version: its metadata and a snapshot of the
// service configuration and of every function (code reference included) at
// publish time. The snapshot keeps the ETags the objects had then.
type versionRecord struct {
	Version     fc.Version                 `json:"version"`
	Service     fc.Service                 `json:"service"`
	ServiceETag string                     `json:"serviceEtag"`
	Functions   map[string]*functionRecord `json:"functions,omitempty"`
}

func (r *versionRecord) etag() *string { return nil }
func (r *versionRecord) value() any    { return r.Version }

func (r *versionRecord) codeRefs(use func(ref string)) {
	for _, fn := range r.Functions {
		fn.codeRefs(use)
	}
}

// aliasRecord is one stored alias.
type aliasRecord struct {
	Alias fc.Alias `json:"alias"`
	ETag  string   `json:"etag"`
}

func (r *aliasRecord) etag() *string { return &r.ETag }
func (r *aliasRecord) value() any    { return r.Alias }

// layerRecord is one layer: its versions and the highest version number
// it ever had. It stays when its last version is deleted, so that numbers
// are never reused; a layer without versions is not listed and reads as
// 404 LayerNotFound.
type layerRecord struct {
	LastVersion int                            `json:"lastVersion,omitempty"`
	Versions    map[string]*layerVersionRecord `json:"versions,omitempty"`
}

func (r *layerRecord) etag() *string { return nil }
func (r *layerRecord) value() any    { return nil }

// layerVersionRecord is one immutable layer version; its code archive is
// Blobs[CodeRef]. Layer.Code (the download location) is filled in answers
// only.
type layerVersionRecord struct {
	Layer   fc.Layer `json:"layer"`
	ETag    string   `json:"etag"`
	CodeRef string   `json:"codeRef"`
}

func (r *layerVersionRecord) etag() *string { return &r.ETag }
func (r *layerVersionRecord) value() any    { return r.Layer }

func (r *layerVersionRecord) codeRefs(use func(ref string)) {
	if r.CodeRef != "" {
		use(r.CodeRef)
	}
}

// customDomainRecord is one stored custom domain, private key included
// (answers leave it out: customDomainAnswer).
type customDomainRecord struct {
	Domain fc.CustomDomain `json:"domain"`
	ETag   string          `json:"etag"`
}

func (r *customDomainRecord) etag() *string { return &r.ETag }
func (r *customDomainRecord) value() any    { return r.Domain }

// nextETag returns a new ETag: the hex MD5 of a sequence number and the
// object's JSON.
func (st *state) nextETag(obj any) string {
	st.ETagSeq++
	b, _ := json.Marshal(obj)
	h := md5.New()
	_, _ = fmt.Fprintf(h, "%d\n", st.ETagSeq)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// putBlob stores a code archive and returns its reference.
func (st *state) putBlob(data []byte) string {
	ref := blobRef(data)
	if st.Blobs == nil {
		st.Blobs = map[string][]byte{}
	}
	st.Blobs[ref] = data
	return ref
}

// blobRef is the reference of a code archive: the hex SHA-256 of its bytes.
func blobRef(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// walk calls f for every stored record, parents before children.
func (st *state) walk(f func(record)) {
	var visit func(parent record, k *kind)
	visit = func(parent record, k *kind) {
		for _, child := range kinds {
			if child.parent != k {
				continue
			}
			child.table.each(parent, func(_ string, r record) {
				f(r)
				visit(r, child)
			})
		}
	}
	visit(st, nil)
}

// usedBlobs returns the references of every archive a record refers to.
func (st *state) usedBlobs() map[string]bool {
	used := map[string]bool{}
	mark := func(ref string) { used[ref] = true }
	st.walk(func(r record) {
		if h, ok := r.(codeHolder); ok {
			h.codeRefs(mark)
		}
	})
	return used
}

// gcBlobs drops archives no object refers to any more.
func (st *state) gcBlobs() {
	used := st.usedBlobs()
	for ref := range st.Blobs {
		if !used[ref] {
			delete(st.Blobs, ref)
		}
	}
}

// service returns the service record or ServiceNotFound.
func (st *state) service(name string) (*serviceRecord, *apiError) {
	return lookup[*serviceRecord](st, kindService, name)
}

// serviceView is what a read with a service qualifier sees: the current
// configuration (LATEST) or the snapshot of a version.
type serviceView struct {
	// versionID is empty for LATEST.
	versionID   string
	service     fc.Service
	serviceETag string
	functions   map[string]*functionRecord
}

// resolveQualifier resolves a service qualifier. Empty and LATEST are the
// current configuration; a digit string is a version (404
// VersionNotFound); anything else is an alias (404 AliasNotFound), which
// resolves to its primary version. The service must exist (404
// ServiceNotFound).
func (st *state) resolveQualifier(service, qualifier string) (*serviceView, *apiError) {
	svc, e := st.service(service)
	if e != nil {
		return nil, e
	}
	if qualifier == "" || qualifier == qualifierLatest {
		return &serviceView{service: svc.Service, serviceETag: svc.ETag, functions: svc.Functions}, nil
	}
	versionID := qualifier
	if !isDigits(qualifier) {
		alias, ok := svc.Aliases[qualifier]
		if !ok {
			return nil, errNotFound(kindAlias, service, qualifier)
		}
		versionID = deref(alias.Alias.VersionID)
	}
	v, ok := svc.version(versionID)
	if !ok {
		return nil, errNotFound(kindVersion, service, versionID)
	}
	return &serviceView{
		versionID:   deref(v.Version.VersionID),
		service:     v.Service,
		serviceETag: v.ServiceETag,
		functions:   v.Functions,
	}, nil
}

// qualifierLatest names the current, unpublished configuration.
const qualifierLatest = "LATEST"

// version finds a version by ID; "01" is version 1.
func (r *serviceRecord) version(id string) (*versionRecord, bool) {
	if _, ok := versionNumber(id); !ok {
		return nil, false
	}
	v, ok := r.Versions[canonicalVersionID(id)]
	return v, ok
}

// canonicalVersionID is the stored form of a version ID ("01" is "1"); an
// ID that is not a positive number is returned unchanged (and found
// nowhere).
func canonicalVersionID(id string) string {
	if n, ok := versionNumber(id); ok {
		return strconv.Itoa(n)
	}
	return id
}

// versionNumber parses a version ID: a positive decimal number.
func versionNumber(id string) (int, bool) {
	if !isDigits(id) {
		return 0, false
	}
	n, err := strconv.Atoi(id)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// clone deep-copies a stored object through its JSON encoding, the same
// encoding the state file uses.
func clone[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err == nil {
		_ = json.Unmarshal(b, &out)
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// newID returns a random UUID (version 4) string.
func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// page selects one page of names for a list operation.
func page(names []string, p listParams) (selected []string, nextToken string) {
	sort.Strings(names)
	start := p.startKey
	if p.nextToken > start {
		start = p.nextToken
	}
	for _, n := range names {
		if !strings.HasPrefix(n, p.prefix) || n < start {
			continue
		}
		if len(selected) == p.limit {
			return selected, n
		}
		selected = append(selected, n)
	}
	return selected, ""
}
