package emulator

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// archiveFiles lists the archive directory beside the state file, sorted.
func archiveFiles(t *testing.T, statePath string) []string {
	t.Helper()
	entries, err := os.ReadDir(statePath + ".code")
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

// downloadCode fetches the archive GetFunctionCode points at.
func downloadCode(t *testing.T, s http.Handler, path string) []byte {
	t.Helper()
	var code fc.FunctionCode
	r := do(t, s, http.MethodGet, path, nil)
	expectOK(t, r)
	r.Decode(t, &code)
	return do(t, s, http.MethodGet, strings.TrimPrefix(code.URL, "http://example.com"), nil, unsigned()).Body
}

// Archives live in content-addressed files, not in the state file; a write
// that does not change code leaves the archive files alone; archives
// nothing refers to any more are deleted after the state file stops
// referring to them.
func TestPersistenceArchivesBesideState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }
	s := newTestServer(t, withState)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))

	first := blobRef(testZip) + ".zip"
	if got := archiveFiles(t, path); len(got) != 1 || got[0] != first {
		t.Fatalf("archive files %v, want [%s]", got, first)
	}
	if data, _ := os.ReadFile(filepath.Join(path+".code", first)); !bytes.Equal(data, testZip) {
		t.Errorf("archive file does not hold the archive")
	}
	stateBytes, _ := os.ReadFile(path)
	if bytes.Contains(stateBytes, []byte(testZipBase64)) || bytes.Contains(stateBytes, []byte(`"blobs"`)) {
		t.Errorf("state file holds the archive: %s", stateBytes)
	}
	fi, _ := os.Stat(filepath.Join(path+".code", first))
	before := fi.ModTime()

	// A metadata write does not touch the archive file.
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn", map[string]any{"description": "d"}))
	fi, _ = os.Stat(filepath.Join(path+".code", first))
	if !fi.ModTime().Equal(before) {
		t.Errorf("archive file rewritten by a write that did not change code")
	}

	// Publishing keeps the first archive for version 1; new code adds one.
	expectOK(t, do(t, s, http.MethodPost, api+"/services/svc/versions", map[string]any{}))
	otherZip := makeZip(t, map[string]string{"index.py": "other"})
	second := blobRef(otherZip) + ".zip"
	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc/functions/fn",
		map[string]any{"code": map[string]any{"zipFile": base64.StdEncoding.EncodeToString(otherZip)}}))
	want := []string{first, second}
	sort.Strings(want)
	if got := archiveFiles(t, path); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("archive files %v, want %v", got, want)
	}

	// Deleting the version frees the first archive; deleting the function
	// the second.
	expectNoContent(t, do(t, s, http.MethodDelete, api+"/services/svc/versions/1", nil))
	if got := archiveFiles(t, path); len(got) != 1 || got[0] != second {
		t.Fatalf("after deleting the version: archive files %v, want [%s]", got, second)
	}
	s2 := newTestServer(t, withState)
	if got := downloadCode(t, s2, api+"/services/svc/functions/fn/code"); !bytes.Equal(got, otherZip) {
		t.Errorf("archive after restart: %d bytes, want %d", len(got), len(otherZip))
	}
	expectOK(t, do(t, s2, http.MethodDelete, api+"/services/svc/functions/fn", nil))
	if got := archiveFiles(t, path); len(got) != 0 {
		t.Fatalf("after deleting the function: archive files %v, want none", got)
	}
}

// A state file of format 1 (archives inline under "blobs") loads; the next
// write moves the archives to files and writes format 2.
func TestPersistenceLoadsInlineArchiveFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	ref := blobRef(testZip)
	old, err := json.Marshal(map[string]any{
		"formatVersion": 1,
		"etagSeq":       2,
		"services": map[string]any{"svc": map[string]any{
			"service": map[string]any{"serviceName": "svc", "internetAccess": true},
			"etag":    "svc-etag",
			"functions": map[string]any{"fn": map[string]any{
				"function": map[string]any{"functionName": "fn", "runtime": "python3.9", "handler": "index.handler",
					"codeChecksum": codeChecksum(testZip), "codeSize": len(testZip)},
				"etag":    "fn-etag",
				"codeRef": ref,
			}},
		}},
		"blobs": map[string][]byte{ref: testZip},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	withState := func(o *Options) { o.StatePath = path }
	s := newTestServer(t, withState)
	r := do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil)
	expectOK(t, r)
	if r.Header.Get("ETag") != "fn-etag" {
		t.Errorf("ETag %q, want fn-etag", r.Header.Get("ETag"))
	}
	if got := downloadCode(t, s, api+"/services/svc/functions/fn/code"); !bytes.Equal(got, testZip) {
		t.Errorf("inline archive not loaded")
	}

	expectOK(t, do(t, s, http.MethodPut, api+"/services/svc", map[string]any{"description": "now"}))
	var saved map[string]json.RawMessage
	b, _ := os.ReadFile(path)
	if err := json.Unmarshal(b, &saved); err != nil {
		t.Fatal(err)
	}
	if string(saved["formatVersion"]) != "2" || saved["blobs"] != nil {
		t.Errorf("rewritten state: formatVersion %s, blobs present %v", saved["formatVersion"], saved["blobs"] != nil)
	}
	if got := archiveFiles(t, path); len(got) != 1 || got[0] != ref+".zip" {
		t.Errorf("archive files %v, want [%s.zip]", got, ref)
	}
	s2 := newTestServer(t, withState)
	if got := downloadCode(t, s2, api+"/services/svc/functions/fn/code"); !bytes.Equal(got, testZip) {
		t.Errorf("archive lost after the format change")
	}
}

// Load refuses a state whose archive file is missing or altered, and
// removes files nothing refers to (left by a process killed between writing
// an archive and the state file).
func TestPersistenceArchiveFilesOnLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	withState := func(o *Options) { o.StatePath = path }
	s := newTestServer(t, withState)
	mustCreateService(t, s, "svc", nil)
	mustCreateFunction(t, s, "svc", validFunction("fn"))
	archive := filepath.Join(path+".code", blobRef(testZip)+".zip")

	stray := filepath.Join(path+".code", strings.Repeat("ab", 32)+".zip")
	tmp := filepath.Join(path+".code", ".x.zip.tmp-1")
	for _, f := range []string{stray, tmp} {
		if err := os.WriteFile(f, []byte("left over"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	newTestServer(t, withState)
	if got := archiveFiles(t, path); len(got) != 1 || got[0] != filepath.Base(archive) {
		t.Errorf("after load: archive files %v, want only %s", got, filepath.Base(archive))
	}

	if err := os.WriteFile(archive, []byte("altered"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StatePath: path}); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Errorf("New with an altered archive: %v, want a corrupt-archive error", err)
	}
	if err := os.Remove(archive); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{StatePath: path}); err == nil || !strings.Contains(err.Error(), blobRef(testZip)) {
		t.Errorf("New with a missing archive: %v, want an error naming it", err)
	}
}

// A failure to save an archive answers 500 and rolls the write back; the
// state file keeps the last acknowledged write.
func TestPersistenceArchiveFailureRollsBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := newTestServer(t, func(o *Options) { o.StatePath = path })
	mustCreateService(t, s, "svc", nil)
	// A plain file where the archive directory belongs makes archive saves fail.
	if err := os.WriteFile(path+".code", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r := do(t, s, http.MethodPost, api+"/services/svc/functions", validFunction("fn"))
	expectError(t, r, http.StatusInternalServerError, "InternalServerError")
	expectError(t, do(t, s, http.MethodGet, api+"/services/svc/functions/fn", nil), http.StatusNotFound, "FunctionNotFound")
	if len(s.st.Blobs) != 0 {
		t.Errorf("%d archives kept after the rollback", len(s.st.Blobs))
	}
	if err := os.Remove(path + ".code"); err != nil {
		t.Fatal(err)
	}
	s2, err := New(Options{StatePath: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s2.st.Services["svc"]; !ok || len(s2.st.Services["svc"].Functions) != 0 {
		t.Errorf("state file after the failed write: %+v", s2.st.Services)
	}
}
