package emulator

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// state is everything the emulator stores; it is also the persisted file
// format (persist.go). Later objects hang off serviceRecord and
// functionRecord (triggers, versions, aliases) or off state (custom
// domains, layers) in their own files.
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
}

// functionRecord is one stored function. Function never holds Code; the
// archive is Blobs[CodeRef].
type functionRecord struct {
	Function fc.Function `json:"function"`
	ETag     string      `json:"etag"`
	// CodeRef is the key of the code archive in state.Blobs; empty when the
	// function has no code package (custom-container).
	CodeRef string `json:"codeRef,omitempty"`
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
	for _, svc := range st.Services {
		for _, fn := range svc.Functions {
			if fn.CodeRef != "" {
				used[fn.CodeRef] = true
			}
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

// resolveQualifier checks a service qualifier. Empty and LATEST mean the
// current configuration; versions and aliases do not exist yet, so every
// other qualifier is VersionNotFound (numeric) or AliasNotFound.
func (st *state) resolveQualifier(service, qualifier string) *apiError {
	if qualifier == "" || qualifier == "LATEST" {
		return nil
	}
	if isDigits(qualifier) {
		return errVersionNotFound(service, qualifier)
	}
	return errAliasNotFound(service, qualifier)
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
