package fc

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
)

// Credentials sign one request: an AccessKey pair and, for temporary (STS)
// credentials, a security token.
type Credentials struct {
	AccessKeyID     string
	AccessKeySecret string
	SecurityToken   string
}

// CredentialsProvider returns the credentials to sign one request with. It
// is called for every attempt; implementations cache and refresh.
type CredentialsProvider interface {
	Credentials(ctx context.Context) (Credentials, error)
}

// staticCredentials is the provider of Config's static fields.
type staticCredentials Credentials

func (s staticCredentials) Credentials(context.Context) (Credentials, error) {
	return Credentials(s), nil
}

// errIncompleteCredentials reports a provider answer without a key pair.
var errIncompleteCredentials = errors.New("the credentials provider returned no access key ID or no access key secret")

// credentials asks the client's provider for the credentials of one
// attempt and remembers their secrets for log redaction.
func (c *Client) credentials(ctx context.Context) (Credentials, error) {
	if err := ctx.Err(); err != nil {
		return Credentials{}, err
	}
	cr, err := c.creds.Credentials(ctx)
	if err != nil {
		return Credentials{}, err
	}
	if strings.TrimSpace(cr.AccessKeyID) == "" || strings.TrimSpace(cr.AccessKeySecret) == "" {
		return Credentials{}, errIncompleteCredentials
	}
	c.secrets.add(cr.AccessKeySecret, cr.SecurityToken)
	return cr, nil
}

// maxRememberedSecrets bounds the secrets kept for redaction. Temporary
// credentials rotate about hourly, so this covers days of one run; older
// secrets have long expired.
const maxRememberedSecrets = 64

// secretSet is the secrets (AccessKey secrets, security tokens) the client
// has signed with, masked wherever they appear in logs.
type secretSet struct {
	mu    sync.RWMutex
	list  []string // oldest first
	byLen []string // list, longest first: a secret inside another is masked after it
}

// add remembers the non-empty values not yet known.
func (s *secretSet) add(values ...string) {
	s.mu.RLock()
	known := true
	for _, v := range values {
		if v != "" && !s.containsLocked(v) {
			known = false
			break
		}
	}
	s.mu.RUnlock()
	if known {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range values {
		if v == "" || s.containsLocked(v) {
			continue
		}
		if len(s.list) == maxRememberedSecrets {
			s.list = append(s.list[:0], s.list[1:]...)
		}
		s.list = append(s.list, v)
	}
	s.byLen = append(s.byLen[:0], s.list...)
	slices.SortStableFunc(s.byLen, func(a, b string) int { return len(b) - len(a) })
}

func (s *secretSet) containsLocked(v string) bool {
	for _, known := range s.list {
		if known == v {
			return true
		}
	}
	return false
}

// redact replaces every remembered secret and every PEM private key
// (redactPrivateKeys) in text.
func (s *secretSet) redact(text string) string {
	if text == "" {
		return text
	}
	text = redactPrivateKeys(text)
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, secret := range s.byLen {
		if strings.Contains(text, secret) {
			text = strings.ReplaceAll(text, secret, redacted)
		}
	}
	return text
}
