package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

// Reset wipes every object, whatever the state holds (services and all
// below them, layers, custom domains, code archives), so that the emulator
// is as a fresh one without a state file; saves that empty state when
// there is a state file; and resets the request counters. The fault
// injection and provisioning configurations are kept, and so is the ETag
// sequence, so that no ETag given out before is given out again. Requests
// in progress finish first.
func (s *Server) Reset() error {
	s.mu.Lock()
	seq := s.st.ETagSeq
	s.st = newState()
	s.st.ETagSeq = seq
	e := s.commit()
	s.mu.Unlock()
	if e != nil {
		return errors.New("emulator: saving the empty state failed: " + e.Message)
	}
	s.ResetCounts()
	s.log.Info("state reset")
	return nil
}

// Flush waits for the requests in progress that hold the state and saves
// the state file once more (when there is one). Every acknowledged write
// is saved before its answer already; tools/fc-emulator calls Flush after
// its HTTP server stopped, so that it exits with the state on disk.
func (s *Server) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.commit(); e != nil {
		return errors.New("emulator: saving the state failed: " + e.Message)
	}
	return nil
}

// serveReset answers POST /_emulator/reset: 200 {"status":"reset"}, or 500
// InternalServerError when the empty state cannot be saved.
func (s *Server) serveReset(c *call) {
	if err := s.Reset(); err != nil {
		s.log.Error("reset failed", "error", err)
		writeError(c.w, errInternal())
		return
	}
	_ = c.writeJSON(map[string]string{"status": "reset"}, "")
}

// resetStateFile replaces the state file (when there is one) with an empty
// state and deletes every code archive file beside it. The ETag sequence
// of the old file, when it can be read, goes on.
func (s *Server) resetStateFile() error {
	if s.opts.StatePath == "" {
		return nil
	}
	if b, err := os.ReadFile(s.opts.StatePath); err == nil {
		var old state
		if json.Unmarshal(b, &old) == nil {
			s.st.ETagSeq = old.ETagSeq
		}
	}
	s.onDisk = map[string]bool{}
	s.savedBlobs = map[string][]byte{}
	if e := s.commit(); e != nil {
		return fmt.Errorf("emulator: resetting state file %s failed", s.opts.StatePath)
	}
	return nil
}
