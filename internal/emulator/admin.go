package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// adminPrefix is the path of the admin API. It needs no signature: the
// emulator is a test tool and tools/fc-emulator listens on loopback by
// default.
const adminPrefix = "/_emulator"

// serveAdmin serves:
//
//	GET    /_emulator/counters     request counts per operation (JSON map)
//	DELETE /_emulator/counters     reset the counts
//	GET    /_emulator/code/{ref}   a code archive (the GetFunctionCode URL)
//	GET    /_emulator/health       {"status":"ok"}
//	GET    /_emulator/faults       the fault configuration and tallies
//	PUT    /_emulator/faults       set it: {rate, kinds, seed, operations, slow}
//	DELETE /_emulator/faults       turn fault injection off
//	POST   /_emulator/reset        wipe every object and the counters (Reset)
//	GET    /_emulator/provisioning how provisioned instances converge
//	PUT    /_emulator/provisioning set it: {step, shortfall, reason}
//	DELETE /_emulator/provisioning back to the defaults
func (s *Server) serveAdmin(c *call) {
	r := c.r
	rest := strings.TrimPrefix(r.URL.Path, adminPrefix)
	switch {
	case rest == "/counters" && r.Method == http.MethodGet:
		_ = c.writeJSON(s.Counts(), "")
	case rest == "/counters" && r.Method == http.MethodDelete:
		s.ResetCounts()
		_ = c.writeJSON(map[string]int{}, "")
	case rest == "/health" && r.Method == http.MethodGet:
		_ = c.writeJSON(map[string]string{"status": "ok"}, "")
	case rest == "/faults":
		serveSetting(c, s.Faults, s.SetFaults)
	case rest == "/reset" && r.Method == http.MethodPost:
		s.serveReset(c)
	case rest == "/provisioning":
		serveSetting(c, s.Provisioning, s.SetProvisioning)
	case strings.HasPrefix(rest, "/code/") && !strings.Contains(rest[len("/code/"):], "/"):
		s.serveCode(c, rest[len("/code/"):])
	default:
		writeError(c.w, errPathNotSupported(r.Method, r.URL.Path))
	}
}

// serveSetting serves an admin setting (the fault configuration, the
// provisioning convergence): GET answers get(); PUT sets the JSON body, a
// T, with set (400 InvalidArgument when it does not decode or set refuses
// it) and answers get(); DELETE sets the zero T.
func serveSetting[T, Status any](c *call, get func() Status, set func(T) error) {
	switch c.r.Method {
	case http.MethodGet:
	case http.MethodPut:
		b, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
		if err != nil {
			writeError(c.w, errInvalidArgument("cannot read the request body: %v", err))
			return
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			writeError(c.w, errInvalidArgument("%s", strings.TrimPrefix(err.Error(), "json: ")))
			return
		}
		if err := set(v); err != nil {
			writeError(c.w, errInvalidArgument("%v", err))
			return
		}
	case http.MethodDelete:
		var zero T
		_ = set(zero)
	default:
		writeError(c.w, errPathNotSupported(c.r.Method, c.r.URL.Path))
		return
	}
	_ = c.writeJSON(get(), "")
}
