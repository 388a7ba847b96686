// Package emulator is an in-memory Function Compute API served over
// net/http. It is used by tests and by tools/fc-emulator, never by the
// provider binary.
package emulator

import (
	"net/http"
	"time"

	"github.com/hashicorp/go-hclog"
)

// Options configures a Server.
type Options struct {
	// AccountID is the account the emulator serves (ARNs, host names).
	AccountID string
	// Region is used in ARNs; default "cn-hangzhou".
	Region string
	// AccessKeyID and AccessKeySecret are the one accepted key pair.
	AccessKeyID     string
	AccessKeySecret string
	// StatePath, when set, persists the state to this file atomically after
	// every acknowledged write and loads it at start.
	StatePath string
	// Logger receives the emulator's logs; nil = hclog.NewNullLogger().
	Logger hclog.Logger
	// Now returns the current time; nil = time.Now.
	Now func() time.Time
}

// Server is the emulated FC API. It implements http.Handler.
type Server struct {
	opts Options
}

// New returns an emulator with empty state (or the state loaded from
// opts.StatePath).
func New(opts Options) (*Server, error) {
	return &Server{opts: opts}, nil
}

// ServeHTTP serves the FC API under /2016-08-15 and /2021-04-06 and the
// admin API under /_emulator.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not implemented", http.StatusNotImplemented)
}

// Counts returns the number of API requests served per operation name
// (e.g. "CreateFunction").
func (s *Server) Counts() map[string]int { return map[string]int{} }

// ResetCounts sets every request counter to zero.
func (s *Server) ResetCounts() {}
