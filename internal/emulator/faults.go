package emulator

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Fault injection: the emulator can answer a share of the API requests as
// an unreliable network or an overloaded FC would, so that a client (the
// provider, a user's pipeline) can be tested against throttling, server
// errors, resets and lost answers. It is configured with Options.Faults,
// Server.SetFaults, the admin path /_emulator/faults or the -fault-* flags
// of tools/fc-emulator (README.md, "Fault injection").
//
// Only requests routed to an API operation are faulted: admin paths
// (/_emulator/...) and unrouted paths never are. The decision is taken in
// front of the API pipeline, as a proxy between client and FC would.

// FaultKind names one kind of injected fault.
type FaultKind string

// The fault kinds.
const (
	// FaultThrottle answers 429 ResourceExhausted without processing the
	// request.
	FaultThrottle FaultKind = "throttle"
	// FaultInternal answers 500 InternalServerError without processing the
	// request.
	FaultInternal FaultKind = "500"
	// FaultUnavailable answers 503 ServiceUnavailable without processing
	// the request.
	FaultUnavailable FaultKind = "503"
	// FaultReset closes the connection (TCP reset) before processing the
	// request: nothing is changed and no answer is sent.
	FaultReset FaultKind = "reset"
	// FaultLostResponse processes the request fully (a write is stored and
	// persisted), then closes the connection without sending the answer.
	FaultLostResponse FaultKind = "lost"
	// FaultSlow waits FaultConfig.Slow, then processes and answers the
	// request normally.
	FaultSlow FaultKind = "slow"
)

// AllFaultKinds lists every kind, in documentation order.
var AllFaultKinds = []FaultKind{FaultThrottle, FaultInternal, FaultUnavailable, FaultReset, FaultLostResponse, FaultSlow}

// DefaultFaultKinds are the kinds used when FaultConfig.Kinds is empty:
// every kind that fails the request (all but slow).
var DefaultFaultKinds = []FaultKind{FaultThrottle, FaultInternal, FaultUnavailable, FaultReset, FaultLostResponse}

// DefaultFaultSlow is the delay of a slow answer when FaultConfig.Slow is 0.
const DefaultFaultSlow = time.Second

// maxFaultSlow bounds FaultConfig.Slow.
const maxFaultSlow = 10 * time.Minute

// headerFault marks an answer produced by fault injection (throttle, 500,
// 503, slow); its value is the kind.
const headerFault = "X-Fc-Emulator-Fault"

// codeServiceUnavailable is the errorCode of an injected 503. FC documents
// only ResourceThrottled for 503, which clients treat as throttling; a
// gateway's 503 says nothing about whether the request ran.
const codeServiceUnavailable = "ServiceUnavailable"

// FaultConfig says which API requests are faulted and how. The zero value
// injects nothing.
type FaultConfig struct {
	// Rate is the share of the selected requests that are faulted, from 0
	// (none) to 1 (all).
	Rate float64
	// Kinds are the kinds drawn from, with equal probability; empty means
	// DefaultFaultKinds.
	Kinds []FaultKind
	// Seed makes the faults reproducible. Whether a request is faulted and
	// with which kind depends only on the seed, the request (method, path,
	// body) and how many identical requests came before it, not on the
	// order in which concurrent clients send different requests.
	Seed int64
	// Operations restricts faults to these operation names (e.g.
	// "CreateFunction", as the counters name them); empty means all.
	Operations []string
	// Slow is the delay of a slow answer; 0 means DefaultFaultSlow.
	Slow time.Duration
}

// faultConfigJSON is the wire form of FaultConfig (admin API), with Slow
// as a Go duration string such as "250ms".
type faultConfigJSON struct {
	Rate       float64     `json:"rate"`
	Kinds      []FaultKind `json:"kinds"`
	Seed       int64       `json:"seed"`
	Operations []string    `json:"operations"`
	Slow       string      `json:"slow"`
}

// MarshalJSON encodes the configuration as the admin API shows it.
func (c FaultConfig) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.toJSON())
}

func (c FaultConfig) toJSON() faultConfigJSON {
	j := faultConfigJSON{
		Rate: c.Rate, Kinds: c.Kinds, Seed: c.Seed, Operations: c.Operations,
		Slow: c.Slow.String(),
	}
	if j.Kinds == nil {
		j.Kinds = []FaultKind{}
	}
	if j.Operations == nil {
		j.Operations = []string{}
	}
	return j
}

// UnmarshalJSON decodes {"rate", "kinds", "seed", "operations", "slow"}
// ("injected" is ignored); unknown fields are an error.
func (c *FaultConfig) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var in struct {
		faultConfigJSON
		// Injected is ignored, so that a GET answer can be PUT back.
		Injected json.RawMessage `json:"injected"`
	}
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("invalid fault configuration: %w (expected {\"rate\": 0.2, \"kinds\": [\"throttle\", ...], \"seed\": 1, \"operations\": [\"CreateFunction\", ...], \"slow\": \"1s\"})", err)
	}
	if dec.More() {
		return errors.New("invalid fault configuration: more than one JSON value")
	}
	j := in.faultConfigJSON
	out := FaultConfig{Rate: j.Rate, Kinds: j.Kinds, Seed: j.Seed, Operations: j.Operations}
	if j.Slow != "" {
		d, err := time.ParseDuration(j.Slow)
		if err != nil {
			return fmt.Errorf("invalid fault configuration: slow: %q is not a duration such as \"500ms\"", j.Slow)
		}
		out.Slow = d
	}
	*c = out
	return nil
}

// Validate reports the first invalid field.
func (c FaultConfig) Validate() error {
	if math.IsNaN(c.Rate) || c.Rate < 0 || c.Rate > 1 {
		return fmt.Errorf("fault rate must be between 0 and 1, got %v", c.Rate)
	}
	for _, k := range c.Kinds {
		if !knownFaultKind(k) {
			return fmt.Errorf("unknown fault kind %q: expected one of %s", k, joinKinds(AllFaultKinds))
		}
	}
	known := operationNames()
	for _, op := range c.Operations {
		if !known[op] {
			return fmt.Errorf("unknown operation %q in the fault operations: expected operation names such as CreateFunction or GetService", op)
		}
	}
	if c.Slow < 0 || c.Slow > maxFaultSlow {
		return fmt.Errorf("fault slow delay must be between 0 and %s, got %s", maxFaultSlow, c.Slow)
	}
	return nil
}

func knownFaultKind(k FaultKind) bool {
	for _, known := range AllFaultKinds {
		if k == known {
			return true
		}
	}
	return false
}

func joinKinds(kinds []FaultKind) string {
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// operationNames is the set of operation names of the route table.
func operationNames() map[string]bool {
	out := make(map[string]bool, len(routes))
	for _, rt := range routes {
		out[rt.operation] = true
	}
	return out
}

// ParseFaultKinds parses a comma-separated list of kinds ("throttle,lost");
// "all" stands for every kind, an empty string for none (= the default).
func ParseFaultKinds(s string) ([]FaultKind, error) {
	var out []FaultKind
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
			continue
		case part == "all":
			out = append(out, AllFaultKinds...)
		case knownFaultKind(FaultKind(part)):
			out = append(out, FaultKind(part))
		default:
			return nil, fmt.Errorf("unknown fault kind %q: expected one of %s, or all", part, joinKinds(AllFaultKinds))
		}
	}
	return out, nil
}

// FaultFlags registers -fault-rate, -fault-kinds, -fault-seed, -fault-ops
// and -fault-slow on fs. The returned function, called after fs.Parse,
// gives the validated configuration.
func FaultFlags(fs *flag.FlagSet) func() (FaultConfig, error) {
	rate := fs.Float64("fault-rate", 0, "share of API requests to fault, 0 to 1 (0: no fault injection)")
	kinds := fs.String("fault-kinds", "", "comma-separated fault kinds: "+joinKinds(AllFaultKinds)+" or all (default: all but slow)")
	seed := fs.Int64("fault-seed", 0, "seed of the fault decisions (the same seed and requests give the same faults)")
	ops := fs.String("fault-ops", "", "comma-separated operations to fault, e.g. CreateService,CreateFunction (default: all)")
	slow := fs.Duration("fault-slow", DefaultFaultSlow, "delay of a slow answer (fault kind slow)")
	return func() (FaultConfig, error) {
		k, err := ParseFaultKinds(*kinds)
		if err != nil {
			return FaultConfig{}, fmt.Errorf("-fault-kinds: %w", err)
		}
		var operations []string
		for _, op := range strings.Split(*ops, ",") {
			if op = strings.TrimSpace(op); op != "" {
				operations = append(operations, op)
			}
		}
		cfg := FaultConfig{Rate: *rate, Kinds: k, Seed: *seed, Operations: operations, Slow: *slow}
		if err := cfg.Validate(); err != nil {
			return FaultConfig{}, err
		}
		return cfg, nil
	}
}

// FaultStatus is the fault configuration in force and what it injected
// since it was set.
type FaultStatus struct {
	FaultConfig
	// Injected counts the faults injected per kind.
	Injected map[FaultKind]int
}

// MarshalJSON encodes the status as the admin API shows it: the
// configuration's fields plus "injected".
func (s FaultStatus) MarshalJSON() ([]byte, error) {
	injected := s.Injected
	if injected == nil {
		injected = map[FaultKind]int{}
	}
	return json.Marshal(struct {
		faultConfigJSON
		Injected map[FaultKind]int `json:"injected"`
	}{s.toJSON(), injected})
}

// faultState is the Server's fault injector. Its zero value injects
// nothing.
type faultState struct {
	mu  sync.Mutex
	cfg FaultConfig
	// kinds is cfg.Kinds or DefaultFaultKinds; ops is cfg.Operations as a
	// set (nil: all).
	kinds []FaultKind
	ops   map[string]bool
	// seen counts the identical requests decided so far, by request key.
	seen     map[[sha256.Size]byte]uint64
	injected map[FaultKind]int
}

// set replaces the configuration and resets the sequence and the tallies.
func (f *faultState) set(cfg FaultConfig) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	cfg.Kinds = append([]FaultKind(nil), cfg.Kinds...)
	cfg.Operations = append([]string(nil), cfg.Operations...)
	if cfg.Slow == 0 {
		cfg.Slow = DefaultFaultSlow
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cfg = cfg
	f.kinds = cfg.Kinds
	if len(f.kinds) == 0 {
		f.kinds = DefaultFaultKinds
	}
	f.ops = nil
	if len(cfg.Operations) > 0 {
		f.ops = map[string]bool{}
		for _, op := range cfg.Operations {
			f.ops[op] = true
		}
	}
	f.seen = map[[sha256.Size]byte]uint64{}
	f.injected = map[FaultKind]int{}
	return nil
}

func (f *faultState) status() FaultStatus {
	f.mu.Lock()
	defer f.mu.Unlock()
	st := FaultStatus{FaultConfig: f.cfg, Injected: make(map[FaultKind]int, len(f.injected))}
	st.Kinds = append([]FaultKind(nil), f.cfg.Kinds...)
	st.Operations = append([]string(nil), f.cfg.Operations...)
	for k, n := range f.injected {
		st.Injected[k] = n
	}
	return st
}

// enabled reports whether op may be faulted at all.
func (f *faultState) enabled(op string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cfg.Rate > 0 && (f.ops == nil || f.ops[op])
}

// decide returns the fault for one request ("" for none) and the slow
// delay. The draw is a hash of the seed, the request and the number of
// identical requests before it.
func (f *faultState) decide(op, method, path string, body []byte) (FaultKind, time.Duration) {
	h := sha256.New()
	bodySum := sha256.Sum256(body)
	_, _ = io.WriteString(h, method+" "+path+"\n")
	h.Write(bodySum[:])
	var key [sha256.Size]byte
	copy(key[:], h.Sum(nil))

	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cfg.Rate <= 0 || (f.ops != nil && !f.ops[op]) {
		return "", 0
	}
	n := f.seen[key]
	f.seen[key] = n + 1

	var buf [8 + sha256.Size + 8]byte
	binary.BigEndian.PutUint64(buf[0:], uint64(f.cfg.Seed))
	copy(buf[8:], key[:])
	binary.BigEndian.PutUint64(buf[8+sha256.Size:], n)
	draw := sha256.Sum256(buf[:])
	u := float64(binary.BigEndian.Uint64(draw[0:8])>>11) / (1 << 53) // [0, 1)
	if u >= f.cfg.Rate {
		return "", 0
	}
	kind := f.kinds[binary.BigEndian.Uint64(draw[8:16])%uint64(len(f.kinds))]
	f.injected[kind]++
	return kind, f.cfg.Slow
}

// SetFaults replaces the fault configuration (FaultConfig{} turns fault
// injection off) and resets the injected tallies.
func (s *Server) SetFaults(cfg FaultConfig) error { return s.faults.set(cfg) }

// Faults returns the fault configuration in force and the faults injected
// since it was set.
func (s *Server) Faults() FaultStatus { return s.faults.status() }

// serveAPIWithFaults serves an API request through the fault injector: w
// is the connection's own ResponseWriter (for hijacking), c the call whose
// writer records the status.
func (s *Server) serveAPIWithFaults(w http.ResponseWriter, c *call) {
	op := operationOf(c.r)
	if op == "" || !s.faults.enabled(op) {
		s.serveAPI(c)
		return
	}
	// The body takes part in the decision; the pipeline reads it again.
	body, _ := io.ReadAll(io.LimitReader(c.r.Body, maxBodyBytes+1))
	c.r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), c.r.Body))

	kind, slow := s.faults.decide(op, c.r.Method, c.r.URL.EscapedPath(), body)
	if kind == "" {
		s.serveAPI(c)
		return
	}
	s.log.Info("fault injected", "kind", string(kind), "operation", op, "method", c.r.Method,
		"path", c.r.URL.Path, "request_id", c.requestID)
	switch kind {
	case FaultThrottle:
		c.w.Header().Set(headerFault, string(kind))
		writeError(c.w, newError(http.StatusTooManyRequests, codeResourceExhausted,
			"concurrency limit exceeded (fault injected by the emulator)"))
	case FaultInternal:
		c.w.Header().Set(headerFault, string(kind))
		writeError(c.w, errInternal())
	case FaultUnavailable:
		c.w.Header().Set(headerFault, string(kind))
		writeError(c.w, newError(http.StatusServiceUnavailable, codeServiceUnavailable,
			"the service is temporarily unavailable (fault injected by the emulator)"))
	case FaultReset:
		dropConnection(w, true)
	case FaultLostResponse:
		c.w = &discardWriter{header: http.Header{}}
		s.serveAPI(c)
		dropConnection(w, false)
	case FaultSlow:
		t := time.NewTimer(slow)
		defer t.Stop()
		select {
		case <-t.C:
		case <-c.r.Context().Done():
			return
		}
		c.w.Header().Set(headerFault, string(kind))
		s.serveAPI(c)
	}
}

// codeResourceExhausted is FC's documented 429 code.
const codeResourceExhausted = "ResourceExhausted"

// operationOf returns the operation an API request is routed to, or "".
func operationOf(r *http.Request) string {
	segments, err := splitPath(r.URL.EscapedPath())
	if err != nil || len(segments) < 2 || (segments[0] != apiVersion2016 && segments[0] != apiVersion2021) {
		return ""
	}
	rt, _ := matchRoute(r.Method, segments[1:])
	if rt == nil {
		return ""
	}
	return rt.operation
}

// dropConnection closes the client connection without an answer; with
// reset, a TCP reset is sent instead of an orderly close. A server that
// cannot hijack (HTTP/2) aborts the handler, which drops the stream.
func dropConnection(w http.ResponseWriter, reset bool) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if reset {
		raw := conn
		if nc, ok := conn.(interface{ NetConn() net.Conn }); ok {
			raw = nc.NetConn()
		}
		if tcp, ok := raw.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
	}
	_ = conn.Close()
}

// discardWriter swallows the answer of a request whose response is lost.
type discardWriter struct{ header http.Header }

func (d *discardWriter) Header() http.Header         { return d.header }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

// InjectedSummary renders Injected as "throttle=3 500=1 ..." in
// documentation order, every kind listed; for logs.
func (s FaultStatus) InjectedSummary() string {
	parts := make([]string, len(AllFaultKinds))
	for i, k := range AllFaultKinds {
		parts[i] = fmt.Sprintf("%s=%d", k, s.Injected[k])
	}
	return strings.Join(parts, " ")
}
