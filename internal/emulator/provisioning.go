package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"time"
)

// How provisioned capacity behaves: FC brings provisioned instances up (and
// releases them) over time, and may fall short of the target with a reason
// (currentError). The emulator moves a provision config's current toward its
// target one instance per Provisioning.Step, and can be told to stop short
// (Shortfall, Reason), so that a client's wait for convergence and its
// handling of a shortfall can be tested. It is configured with
// Options.Provisioning, Server.SetProvisioning, the admin path
// /_emulator/provisioning or the -provision-* flags of tools/fc-emulator
// (README.md, "Provision configs").

// DefaultProvisionStep is the time one provisioned instance takes to come up
// or go away when Provisioning.Step is 0.
const DefaultProvisionStep = time.Second

// maxProvisionStep bounds Provisioning.Step.
const maxProvisionStep = time.Hour

// Provisioning says how fast provisioned instances converge and whether
// they stop short. The zero value converges at DefaultProvisionStep and
// never falls short.
type Provisioning struct {
	// Step is the time per instance brought up or released; 0 means
	// DefaultProvisionStep.
	Step time.Duration
	// Shortfall, when positive, stops every provision config that many
	// instances short of its target (never below 0): current stays there
	// and the answers carry Reason as currentError.
	Shortfall int64
	// Reason is the currentError of a config that stopped short; empty
	// means a generic reason.
	Reason string
}

// defaultShortfallReason is the currentError when Provisioning.Reason is
// empty.
const defaultShortfallReason = "not enough resources to provision the requested instances (shortfall injected by the emulator)"

// provisioningJSON is the admin API form of Provisioning, with Step as a Go
// duration string such as "50ms".
type provisioningJSON struct {
	Step      string `json:"step"`
	Shortfall int64  `json:"shortfall"`
	Reason    string `json:"reason"`
}

// MarshalJSON encodes the settings as the admin API shows them.
func (p Provisioning) MarshalJSON() ([]byte, error) {
	return json.Marshal(provisioningJSON{Step: p.Step.String(), Shortfall: p.Shortfall, Reason: p.Reason})
}

// UnmarshalJSON decodes {"step", "shortfall", "reason"}; unknown fields are
// an error.
func (p *Provisioning) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var in provisioningJSON
	if err := dec.Decode(&in); err != nil {
		return fmt.Errorf("invalid provisioning settings: %w (expected {\"step\": \"50ms\", \"shortfall\": 1, \"reason\": \"...\"})", err)
	}
	if dec.More() {
		return errors.New("invalid provisioning settings: more than one JSON value")
	}
	out := Provisioning{Shortfall: in.Shortfall, Reason: in.Reason}
	if in.Step != "" {
		d, err := time.ParseDuration(in.Step)
		if err != nil {
			return fmt.Errorf("invalid provisioning settings: step: %q is not a duration such as \"500ms\"", in.Step)
		}
		out.Step = d
	}
	*p = out
	return nil
}

// Validate reports the first invalid field.
func (p Provisioning) Validate() error {
	if p.Step < 0 || p.Step > maxProvisionStep {
		return fmt.Errorf("provision step must be between 0 and %s, got %s", maxProvisionStep, p.Step)
	}
	if p.Shortfall < 0 {
		return fmt.Errorf("provision shortfall must be 0 or more, got %d", p.Shortfall)
	}
	return nil
}

func (p Provisioning) step() time.Duration {
	if p.Step == 0 {
		return DefaultProvisionStep
	}
	return p.Step
}

func (p Provisioning) reason() string {
	if p.Reason == "" {
		return defaultShortfallReason
	}
	return p.Reason
}

// ProvisioningFlags registers -provision-step, -provision-shortfall and
// -provision-reason on fs. The returned function, called after fs.Parse,
// gives the validated settings.
func ProvisioningFlags(fs *flag.FlagSet) func() (Provisioning, error) {
	step := fs.Duration("provision-step", DefaultProvisionStep, "time one provisioned instance takes to come up or go away")
	shortfall := fs.Int64("provision-shortfall", 0, "stop every provision config this many instances short of its target (0: never)")
	reason := fs.String("provision-reason", "", "the currentError of a provision config that stopped short (default: a generic reason)")
	return func() (Provisioning, error) {
		p := Provisioning{Step: *step, Shortfall: *shortfall, Reason: *reason}
		if err := p.Validate(); err != nil {
			return Provisioning{}, err
		}
		return p, nil
	}
}

// SetProvisioning replaces the provisioning settings. Every provision
// config's progress so far is kept: current is settled under the old
// settings first, and moves on under the new ones.
func (s *Server) SetProvisioning(p Provisioning) error {
	if err := p.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.st.eachProvisionConfig(func(_, _, _ string, r *provisionRecord) { r.settle(s.provisioning, now) })
	s.provisioning = p
	if e := s.commit(); e != nil {
		return e
	}
	return nil
}

// Provisioning returns the provisioning settings in force.
func (s *Server) Provisioning() Provisioning {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.provisioning
}
