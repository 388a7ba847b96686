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
// layers) hang off state.
type state struct {
	// FormatVersion is the state file format version.
	FormatVersion int `json:"formatVersion"`
	// ETagSeq numbers every ETag ever issued so that each change yields a
	// new value even when the content is unchanged.
	ETagSeq  uint64                    `json:"etagSeq"`
	Services map[string]*serviceRecord `json:"services"`
	// Blobs holds code archives by reference (hex SHA-256 of the bytes).
	Blobs map[string][]byte `json:"blobs"`
}

const stateFormatVersion = 1

func newState() *state {
	return &state{
		FormatVersion: stateFormatVersion,
		Services:      map[string]*serviceRecord{},
		Blobs:         map[string][]byte{},
	}
}

// serviceRecord is one stored service and everything below it.
type serviceRecord struct {
	Service   fc.Service                 `json:"service"`
	ETag      string                     `json:"etag"`
	Functions map[string]*functionRecord `json:"functions"`
	// LastVersion is the highest version number ever published; version
	// numbers are never reused, even after a delete.
	LastVersion int `json:"lastVersion,omitempty"`
	// Versions holds the published snapshots by version ID ("1", "2", ...).
	Versions map[string]*versionRecord `json:"versions,omitempty"`
	Aliases  map[string]*aliasRecord   `json:"aliases,omitempty"`
}

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
}

// triggerRecord is one stored trigger. Trigger.TriggerConfig holds the
// canonical JSON object (compact, keys sorted, null members dropped).
type triggerRecord struct {
	Trigger fc.Trigger `json:"trigger"`
	ETag    string     `json:"etag"`
}

// versionRecord is a published version: its metadata and a snapshot of the
// service configuration and of every function (code reference included) at
// publish time. The snapshot keeps the ETags the objects had then.
type versionRecord struct {
	Version     fc.Version                 `json:"version"`
	Service     fc.Service                 `json:"service"`
	ServiceETag string                     `json:"serviceEtag"`
	Functions   map[string]*functionRecord `json:"functions"`
}

// aliasRecord is one stored alias.
type aliasRecord struct {
	Alias fc.Alias `json:"alias"`
	ETag  string   `json:"etag"`
}

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
	sum := sha256.Sum256(data)
	ref := hex.EncodeToString(sum[:])
	st.Blobs[ref] = data
	return ref
}

// gcBlobs drops archives no object refers to any more.
func (st *state) gcBlobs() {
	used := map[string]bool{}
	mark := func(fns map[string]*functionRecord) {
		for _, fn := range fns {
			if fn.CodeRef != "" {
				used[fn.CodeRef] = true
			}
		}
	}
	for _, svc := range st.Services {
		mark(svc.Functions)
		for _, v := range svc.Versions {
			mark(v.Functions)
		}
	}
	for ref := range st.Blobs {
		if !used[ref] {
			delete(st.Blobs, ref)
		}
	}
}

// service returns the service record or ServiceNotFound.
func (st *state) service(name string) (*serviceRecord, *apiError) {
	svc, ok := st.Services[name]
	if !ok {
		return nil, errServiceNotFound(name)
	}
	return svc, nil
}

// function returns the service and function records or the matching
// not-found error.
func (st *state) function(service, function string) (*serviceRecord, *functionRecord, *apiError) {
	svc, e := st.service(service)
	if e != nil {
		return nil, nil, e
	}
	fn, ok := svc.Functions[function]
	if !ok {
		return nil, nil, errFunctionNotFound(service, function)
	}
	return svc, fn, nil
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
			return nil, errAliasNotFound(service, qualifier)
		}
		versionID = deref(alias.Alias.VersionID)
	}
	v, ok := svc.version(versionID)
	if !ok {
		return nil, errVersionNotFound(service, versionID)
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
func (svc *serviceRecord) version(id string) (*versionRecord, bool) {
	n, ok := versionNumber(id)
	if !ok {
		return nil, false
	}
	v, ok := svc.Versions[strconv.Itoa(n)]
	return v, ok
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
