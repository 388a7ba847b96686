package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// load reads the state file at StatePath, if any. A missing file is an
// empty state.
func (s *Server) load() error {
	if s.opts.StatePath == "" {
		return nil
	}
	b, err := os.ReadFile(s.opts.StatePath)
	if errors.Is(err, fs.ErrNotExist) {
		s.lastSaved, err = json.Marshal(s.st)
		return err
	}
	if err != nil {
		return fmt.Errorf("emulator: reading state: %w", err)
	}
	st, err := decodeState(b)
	if err != nil {
		return fmt.Errorf("emulator: state file %s: %w", s.opts.StatePath, err)
	}
	s.st = st
	s.lastSaved = b
	return nil
}

func decodeState(b []byte) (*state, error) {
	st := newState()
	if err := json.Unmarshal(b, st); err != nil {
		return nil, err
	}
	if st.FormatVersion != stateFormatVersion {
		return nil, fmt.Errorf("unsupported format version %d (want %d)", st.FormatVersion, stateFormatVersion)
	}
	if st.Services == nil {
		st.Services = map[string]*serviceRecord{}
	}
	if st.Blobs == nil {
		st.Blobs = map[string][]byte{}
	}
	for _, svc := range st.Services {
		if svc.Functions == nil {
			svc.Functions = map[string]*functionRecord{}
		}
		if svc.Versions == nil {
			svc.Versions = map[string]*versionRecord{}
		}
		if svc.Aliases == nil {
			svc.Aliases = map[string]*aliasRecord{}
		}
		for _, fn := range svc.Functions {
			if fn.Triggers == nil {
				fn.Triggers = map[string]*triggerRecord{}
			}
		}
		for _, v := range svc.Versions {
			if v.Functions == nil {
				v.Functions = map[string]*functionRecord{}
			}
		}
	}
	return st, nil
}

// commit ends a write: it drops unreferenced code archives and, with a
// StatePath, saves the state before the handler answers. A failed save
// restores the state of the last successful save and answers 500.
// The caller holds s.mu.
func (s *Server) commit() *apiError {
	s.st.gcBlobs()
	if s.opts.StatePath == "" {
		return nil
	}
	b, err := json.Marshal(s.st)
	if err == nil {
		err = writeFileAtomic(s.opts.StatePath, b)
	}
	if err != nil {
		s.log.Error("saving state failed; the write is rolled back", "path", s.opts.StatePath, "error", err)
		if st, derr := decodeState(s.lastSaved); derr == nil {
			s.st = st
		}
		return errInternal()
	}
	s.lastSaved = b
	return nil
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
	// Make the rename durable; not every platform can sync a directory.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}
