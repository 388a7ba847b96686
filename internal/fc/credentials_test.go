package fc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// rotatedCredentials returns the n-th key pair a rotatingCredentials hands
// out.
func rotatedCredentials(n int) Credentials {
	return Credentials{
		AccessKeyID:     fmt.Sprintf("LTAI-rotated-%d", n),
		AccessKeySecret: fmt.Sprintf("rotated-secret-%04d-Zq8v", n),
		SecurityToken:   fmt.Sprintf("STS.rotated-token-%04d-Kx3w", n),
	}
}

// rotatingCredentials hands out a new key pair on every call, as a provider
// whose temporary credentials expire between requests. errs, when not
// exhausted, are returned first, one per call; incomplete makes it return
// a key ID without a secret.
type rotatingCredentials struct {
	mu         sync.Mutex
	calls      int
	n          int
	errs       []error
	incomplete bool
}

func (r *rotatingCredentials) Credentials(ctx context.Context) (Credentials, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	if len(r.errs) > 0 {
		err := r.errs[0]
		r.errs = r.errs[1:]
		return Credentials{}, err
	}
	if r.incomplete {
		return Credentials{AccessKeyID: "id-without-secret"}, nil
	}
	r.n++
	return rotatedCredentials(r.n), nil
}

func (r *rotatingCredentials) callCount() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls
}

// signatureServer checks, as FC would, that each request is signed with
// the secret of the key pair it names and carries that pair's token.
type signatureServer struct {
	t *testing.T
	// answer answers the n-th request (1-based); nil = 200 {}.
	answer func(n int, w http.ResponseWriter, creds Credentials)

	mu   sync.Mutex
	keys []string
}

func (s *signatureServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	id, sig, _ := strings.Cut(strings.TrimPrefix(r.Header.Get("Authorization"), "FC "), ":")
	n, err := strconv.Atoi(strings.TrimPrefix(id, "LTAI-rotated-"))
	if err != nil {
		s.t.Errorf("%s %s: unexpected key %q", r.Method, r.URL.Path, id)
		w.WriteHeader(http.StatusForbidden)
		return
	}
	creds := rotatedCredentials(n)
	resource := CanonicalResource(r.URL.EscapedPath(), r.URL.Query(), false)
	if want := Sign(creds.AccessKeySecret, StringToSign(r.Method, r.Header, resource)); sig != want {
		s.t.Errorf("%s %s: signature %q, want %q (secret of %s)", r.Method, r.URL.Path, sig, want, id)
	}
	if got := r.Header.Get("X-Fc-Security-Token"); got != creds.SecurityToken {
		s.t.Errorf("%s %s: security token %q, want %q (token of %s)", r.Method, r.URL.Path, got, creds.SecurityToken, id)
	}
	s.mu.Lock()
	s.keys = append(s.keys, id)
	count := len(s.keys)
	s.mu.Unlock()
	if s.answer != nil {
		s.answer(count, w, creds)
		return
	}
	_, _ = io.WriteString(w, "{}")
}

func (s *signatureServer) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.keys...)
}

// Every attempt, retries included, is signed with the key pair the
// provider returns at that moment; the static keys are not used.
func TestCredentials_EachAttemptSignedWithCurrentKey(t *testing.T) {
	srv := &signatureServer{t: t, answer: func(n int, w http.ResponseWriter, _ Credentials) {
		if n == 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, apiErrorBody(CodeResourceThrottled, "busy"))
			return
		}
		_, _ = io.WriteString(w, `{"serviceName":"s1"}`)
	}}
	provider := &rotatingCredentials{}
	c := newTestClient(t, srv, func(cfg *Config) {
		cfg.SecurityToken = "static-token"
		cfg.Credentials = provider
	})
	ctx := context.Background()
	if _, _, err := c.GetService(ctx, "s1", ""); err != nil {
		t.Fatalf("GetService: %v", err)
	}
	if _, _, err := c.UpdateService(ctx, "s1", &Service{Description: Ptr("d")}, ""); err != nil {
		t.Fatalf("UpdateService: %v", err)
	}
	if _, _, err := c.CreateService(ctx, &Service{ServiceName: Ptr("s2")}); err != nil {
		t.Fatalf("CreateService: %v", err)
	}
	want := []string{"LTAI-rotated-1", "LTAI-rotated-2", "LTAI-rotated-3", "LTAI-rotated-4"}
	if got := srv.seen(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("keys seen = %v, want %v (one fresh key per attempt)", got, want)
	}
}

func TestCredentials_ProviderErrors(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	denied := errors.New("sts: AssumeRole: AccessDenied: you are not authorized to assume the role")
	tests := []struct {
		name          string
		errs          []error
		incomplete    bool
		create        bool
		wantCalls     int
		wantRequests  int
		wantErr       []string // "" = success
		wantErrorIsOf error
	}{
		{name: "error is reported, not retried", errs: []error{denied}, wantCalls: 1,
			wantErr: []string{"FC API GetService failed: getting credentials: ", denied.Error()}, wantErrorIsOf: denied},
		{name: "incomplete credentials", incomplete: true, wantCalls: 1,
			wantErr: []string{"FC API GetService failed: getting credentials: the credentials provider returned no access key ID or no access key secret"}},
		{name: "transient network error is retried, for a create too", errs: []error{refused}, create: true, wantCalls: 2, wantRequests: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &signatureServer{t: t}
			provider := &rotatingCredentials{errs: tt.errs, incomplete: tt.incomplete}
			c := newTestClient(t, srv, func(cfg *Config) {
				cfg.AccessKeyID, cfg.AccessKeySecret = "", ""
				cfg.Credentials = provider
			})
			var err error
			if tt.create {
				_, _, err = c.CreateService(context.Background(), &Service{ServiceName: Ptr("s1")})
			} else {
				_, _, err = c.GetService(context.Background(), "s1", "")
			}
			if got := provider.callCount(); got != tt.wantCalls {
				t.Errorf("provider calls = %d, want %d", got, tt.wantCalls)
			}
			if got := len(srv.seen()); got != tt.wantRequests {
				t.Errorf("requests sent = %d, want %d", got, tt.wantRequests)
			}
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("err = %v, want success", err)
				}
				return
			}
			if err == nil {
				t.Fatal("call succeeded, want an error")
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %q, want it to contain %q", err, want)
				}
			}
			if tt.wantErrorIsOf != nil && !errors.Is(err, tt.wantErrorIsOf) {
				t.Errorf("err = %v, want it to wrap the provider's error", err)
			}
		})
	}
}

// The secrets and tokens a provider hands out never reach the logs, even
// when the server echoes them in bodies, headers and error messages.
func TestCredentials_SecretsNeverLogged(t *testing.T) {
	echo := func(n int, w http.ResponseWriter, creds Credentials) {
		w.Header().Set("X-Echo-Token", "token="+creds.SecurityToken)
		if n%2 == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, apiErrorBody(CodeResourceThrottled, "secret "+creds.AccessKeySecret+" is throttled"))
			return
		}
		_, _ = fmt.Fprintf(w, `{"serviceName":"s1","description":"%s %s"}`, creds.AccessKeySecret, creds.SecurityToken)
	}
	srv := &signatureServer{t: t, answer: echo}
	provider := &rotatingCredentials{}
	logs := &capture{}
	c := newTestClient(t, srv, func(cfg *Config) {
		cfg.AccessKeyID, cfg.AccessKeySecret = "", ""
		cfg.Credentials = provider
		cfg.Logger = logs
	})
	for range 3 {
		if _, _, err := c.UpdateService(context.Background(), "s1", &Service{Description: Ptr("d")}, ""); err != nil {
			t.Fatalf("UpdateService: %v", err)
		}
	}
	issued := provider.n
	if issued != 6 {
		t.Fatalf("provider issued %d key pairs, want 6 (3 calls x 2 attempts)", issued)
	}
	entries := logs.all()
	masked := 0
	for _, e := range entries {
		text := e.text()
		for i := 1; i <= issued; i++ {
			creds := rotatedCredentials(i)
			if strings.Contains(text, creds.AccessKeySecret) || strings.Contains(text, creds.SecurityToken) {
				t.Errorf("secret or token of key pair %d leaked in %q", i, text)
			}
		}
		masked += strings.Count(text, redacted)
	}
	// Per attempt: Authorization and the token header in the request, the
	// echoed token header and the secret (and token) in the response.
	if masked < 6*3 {
		t.Errorf("only %d values masked in %d entries; the echoes did not reach the logs", masked, len(entries))
	}
}

// Concurrent calls each sign with the key pair they were given (run with
// -race).
func TestCredentials_Concurrent(t *testing.T) {
	srv := &signatureServer{t: t}
	provider := &rotatingCredentials{}
	c := newTestClient(t, srv, func(cfg *Config) {
		cfg.Credentials = provider
		cfg.Logger = &capture{}
	})
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 5 {
				if _, _, err := c.GetService(context.Background(), "s1", ""); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	seen := srv.seen()
	distinct := map[string]bool{}
	for _, k := range seen {
		distinct[k] = true
	}
	if len(seen) != 40 || len(distinct) != 40 {
		t.Errorf("requests = %d with %d distinct keys, want 40 and 40", len(seen), len(distinct))
	}
}
