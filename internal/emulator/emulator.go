// Package emulator is an in-memory Function Compute API served over
// net/http. It is used by tests and by tools/fc-emulator, never by the
// provider binary.
//
// The behavior the documentation leaves open (error codes, defaults,
// validation messages) is listed in README.md beside this file.
package emulator

import (
	"fmt"
	"maps"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
)

// Defaults used when the matching Options field is empty.
const (
	DefaultAccountID       = "1234567890123456"
	DefaultRegion          = "cn-hangzhou"
	DefaultAccessKeyID     = "emulator-key-id"
	DefaultAccessKeySecret = "emulator-key-secret"
)

// Options configures a Server.
type Options struct {
	// AccountID is the account the emulator serves (ARNs, host names);
	// default DefaultAccountID.
	AccountID string
	// Region is used in ARNs; default "cn-hangzhou".
	Region string
	// AccessKeyID and AccessKeySecret are the one accepted key pair;
	// defaults DefaultAccessKeyID and DefaultAccessKeySecret.
	AccessKeyID     string
	AccessKeySecret string
	// Keys are further accepted key pairs, AccessKey ID to secret (e.g.
	// one per test account). Every accepted key reaches the same state.
	Keys map[string]string
	// StatePath, when set, persists the state to this file atomically after
	// every acknowledged write and loads it at start.
	StatePath string
	// ResetState starts with an empty state instead of loading StatePath,
	// and saves it there at once (Reset, at start).
	ResetState bool
	// Strict refuses (400 InvalidArgument `unknown field "x" in body`) a
	// request body member the emulator does not know (wire.go), so that a
	// misspelled field fails a test instead of vanishing. Off by default: the
	// real service ignores unknown fields.
	Strict bool
	// Logger receives the emulator's logs; nil = hclog.NewNullLogger().
	Logger hclog.Logger
	// LogRequests writes the line logged for every request at Info
	// instead of Debug.
	LogRequests bool
	// Now returns the current time; nil = time.Now.
	Now func() time.Time
	// Faults injects throttling, server errors, resets, lost answers and
	// slow answers into a share of the API requests (faults.go); the zero
	// value injects nothing.
	Faults FaultConfig
	// Provisioning sets how fast provisioned instances come up and whether
	// they fall short of the target (provisioning.go); the zero value
	// brings one up per DefaultProvisionStep and never falls short.
	Provisioning Provisioning
	// Invoke sets how InvokeFunction runs function code (runtime.go).
	Invoke InvokeOptions
}

// Server is the emulated FC API. It implements http.Handler.
type Server struct {
	opts Options
	log  hclog.Logger

	// mu guards st, lastSaved, savedBlobs and onDisk. Every API handler
	// holds it for its whole read-validate-mutate-persist sequence, so
	// requests are serialized.
	mu sync.Mutex
	st *state
	// lastSaved is the state file content of the last successful save and
	// savedBlobs its code archives; a failed save restores the in-memory
	// state from them.
	lastSaved  []byte
	savedBlobs map[string][]byte
	// onDisk holds the references of the archive files written (persist.go).
	onDisk map[string]bool

	countsMu sync.Mutex
	counts   map[string]int

	faults faultState

	// provisioning is guarded by mu (provisioning.go).
	provisioning Provisioning

	// invoke runs function code (runtime.go); Close ends its processes.
	invoke *invoker
}

// New returns an emulator with empty state (or the state loaded from
// opts.StatePath).
func New(opts Options) (*Server, error) {
	if opts.AccountID == "" {
		opts.AccountID = DefaultAccountID
	}
	if opts.Region == "" {
		opts.Region = DefaultRegion
	}
	if opts.AccessKeyID == "" {
		opts.AccessKeyID = DefaultAccessKeyID
	}
	if opts.AccessKeySecret == "" {
		opts.AccessKeySecret = DefaultAccessKeySecret
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	for id, secret := range opts.Keys {
		if id == "" || secret == "" {
			return nil, fmt.Errorf("emulator: key pair %q: the AccessKey ID and secret must not be empty", id)
		}
	}
	opts.Keys = maps.Clone(opts.Keys)
	log := opts.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	s := &Server{
		opts:   opts,
		log:    log,
		st:     newState(),
		counts: map[string]int{},
	}
	if err := s.faults.set(opts.Faults); err != nil {
		return nil, err
	}
	if err := opts.Provisioning.Validate(); err != nil {
		return nil, err
	}
	s.provisioning = opts.Provisioning
	s.invoke = newInvoker(opts.Invoke, log, s.now)
	load := s.load
	if opts.ResetState {
		load = s.resetStateFile
	}
	if err := load(); err != nil {
		return nil, err
	}
	return s, nil
}

// ServeHTTP serves the FC API under /2016-08-15 and /2021-04-06 and the
// admin API under /_emulator.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK, gatewayErrors: isACS3(r)}
	c := &call{w: rec, r: r, requestID: newID()}
	rec.Header().Set(headerRequestID, c.requestID)
	defer func() {
		level := hclog.Debug
		if s.opts.LogRequests {
			level = hclog.Info
		}
		s.log.Log(level, "request", "method", r.Method, "path", r.URL.Path,
			"operation", c.op, "status", rec.status, "request_id", c.requestID,
			"duration_ms", float64(time.Since(start).Microseconds())/1000)
	}()

	if r.URL.Path == adminPrefix || strings.HasPrefix(r.URL.Path, adminPrefix+"/") {
		s.serveAdmin(c)
		return
	}
	s.serveAPIWithFaults(w, c)
}

// Counts returns the number of API requests served per operation name
// (e.g. "CreateFunction").
func (s *Server) Counts() map[string]int {
	s.countsMu.Lock()
	defer s.countsMu.Unlock()
	out := make(map[string]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// ResetCounts sets every request counter to zero.
func (s *Server) ResetCounts() {
	s.countsMu.Lock()
	defer s.countsMu.Unlock()
	s.counts = map[string]int{}
}

func (s *Server) count(op string) {
	s.countsMu.Lock()
	defer s.countsMu.Unlock()
	s.counts[op]++
}

// now returns the injected clock's time in UTC.
func (s *Server) now() time.Time { return s.opts.Now().UTC() }

// timestamp formats the current time the way FC returns createdTime and
// lastModifiedTime.
func (s *Server) timestamp() string { return s.now().Format(timeLayout) }

const timeLayout = "2006-01-02T15:04:05Z"

// statusRecorder remembers the status code for the request log line.
type statusRecorder struct {
	http.ResponseWriter
	status int
	// gatewayErrors adds the gateway's error members to error bodies
	// (ACS3-signed requests, auth_acs3.go).
	gatewayErrors bool
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}
