package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
)

// Persistence. The state file holds every object but no code archive:
// archives are content-addressed files in the directory "<state>.code"
// beside it, named "<sha256>.zip". A commit writes the archives the state
// file is about to reference first (each atomically), then the state file
// (atomically), and only then deletes the archive files nothing refers to
// any more, so the files on disk are consistent after SIGKILL at any point;
// load removes what a killed process left over. A write therefore costs
// the state file plus the archives it adds, never the archives it keeps.

// archiveDir is the directory of the code archive files.
func (s *Server) archiveDir() string { return s.opts.StatePath + ".code" }

func (s *Server) archivePath(ref string) string {
	return filepath.Join(s.archiveDir(), ref+".zip")
}

// load reads the state file at StatePath, if any, and the archives it
// references. A missing file is an empty state.
func (s *Server) load() error {
	if s.opts.StatePath == "" {
		return nil
	}
	s.onDisk = map[string]bool{}
	b, err := os.ReadFile(s.opts.StatePath)
	if errors.Is(err, fs.ErrNotExist) {
		if s.lastSaved, err = json.Marshal(s.st); err != nil {
			return err
		}
		s.savedBlobs = map[string][]byte{}
		return s.removeStaleArchives()
	}
	if err != nil {
		return fmt.Errorf("emulator: reading state: %w", err)
	}
	st, inline, err := decodeState(b)
	if err != nil {
		return fmt.Errorf("emulator: state file %s: %w", s.opts.StatePath, err)
	}
	if !inline {
		for ref := range st.usedBlobs() {
			data, err := os.ReadFile(s.archivePath(ref))
			if err != nil {
				return fmt.Errorf("emulator: state file %s references code archive %s: %w", s.opts.StatePath, ref, err)
			}
			if blobRef(data) != ref {
				return fmt.Errorf("emulator: code archive %s is corrupt: its SHA-256 does not match its name", s.archivePath(ref))
			}
			st.Blobs[ref] = data
			s.onDisk[ref] = true
		}
	}
	s.st = st
	s.lastSaved = b
	s.savedBlobs = maps.Clone(st.Blobs)
	return s.removeStaleArchives()
}

// decodeState decodes a state file. inline reports a format 1 file, whose
// archives are inside it (they move to files on the next commit).
func decodeState(b []byte) (st *state, inline bool, err error) {
	st = &state{}
	if err := json.Unmarshal(b, st); err != nil {
		return nil, false, err
	}
	switch st.FormatVersion {
	case stateFormatVersion:
		st.Blobs = map[string][]byte{}
	case stateFormatInlineArchive:
		st.Blobs, st.InlineBlobs, inline = st.InlineBlobs, nil, true
		if st.Blobs == nil {
			st.Blobs = map[string][]byte{}
		}
		st.FormatVersion = stateFormatVersion
	default:
		return nil, false, fmt.Errorf("unsupported format version %d (want %d, or %d with inline code archives)",
			st.FormatVersion, stateFormatVersion, stateFormatInlineArchive)
	}
	st.InlineBlobs = nil
	return st, inline, nil
}

// commit ends a write: it drops unreferenced code archives and, with a
// StatePath, saves the new archives and the state before the handler
// answers. A failed save restores the state of the last successful save
// and answers 500. The caller holds s.mu.
func (s *Server) commit() *apiError {
	s.st.gcBlobs()
	if s.opts.StatePath == "" {
		return nil
	}
	err := s.saveArchives()
	var b []byte
	if err == nil {
		b, err = json.Marshal(s.st)
	}
	if err == nil {
		err = writeFileAtomic(s.opts.StatePath, b)
	}
	if err != nil {
		s.log.Error("saving state failed; the write is rolled back", "path", s.opts.StatePath, "error", err)
		if st, _, derr := decodeState(s.lastSaved); derr == nil {
			st.Blobs = maps.Clone(s.savedBlobs)
			s.st = st
		}
		return errInternal()
	}
	s.lastSaved = b
	s.savedBlobs = maps.Clone(s.st.Blobs)
	if err := s.removeStaleArchives(); err != nil {
		// The state is saved; a left-over file is removed later.
		s.log.Warn("removing unreferenced code archives failed", "dir", s.archiveDir(), "error", err)
	}
	return nil
}

// saveArchives writes every archive of the state that is not on disk yet.
func (s *Server) saveArchives() error {
	for ref, data := range s.st.Blobs {
		if s.onDisk[ref] {
			continue
		}
		if err := os.Mkdir(s.archiveDir(), 0o700); err == nil {
			syncDir(filepath.Dir(s.archiveDir()))
		} else if !errors.Is(err, fs.ErrExist) {
			return err
		}
		if err := writeFileAtomic(s.archivePath(ref), data); err != nil {
			return err
		}
		s.onDisk[ref] = true
	}
	return nil
}

// removeStaleArchives deletes the files of the archive directory that the
// saved state does not reference: archives no longer used, archives of a
// write that failed or was killed before its state file was saved, and
// temporary files.
func (s *Server) removeStaleArchives() error {
	entries, err := os.ReadDir(s.archiveDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var first error
	for _, e := range entries {
		ref, ok := strings.CutSuffix(e.Name(), ".zip")
		if ok {
			if _, used := s.savedBlobs[ref]; used {
				continue
			}
		}
		if err := os.Remove(filepath.Join(s.archiveDir(), e.Name())); err != nil && first == nil {
			first = err
			continue
		}
		delete(s.onDisk, ref)
	}
	return first
}

// writeFileAtomic writes data to a temporary file in the directory of
// path, syncs it and renames it over path.
func writeFileAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	if err = f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename or creation in dir durable; not every platform
// can sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
