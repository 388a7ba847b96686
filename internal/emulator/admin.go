package emulator

import (
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
		s.serveFaultsAdmin(c)
	case rest == "/reset" && r.Method == http.MethodPost:
		s.serveReset(c)
	case rest == "/provisioning":
		s.serveProvisioningAdmin(c)
	case strings.HasPrefix(rest, "/code/") && !strings.Contains(rest[len("/code/"):], "/"):
		s.serveCode(c, rest[len("/code/"):])
	default:
		writeError(c.w, errPathNotSupported(r.Method, r.URL.Path))
	}
}
