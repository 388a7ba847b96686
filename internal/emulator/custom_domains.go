package emulator

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// Custom domains (reference 3.6, 4.6; the 2021-04-06 SDK's shapes, 9.1).
// They are account-level objects keyed by domainName. What the reference
// leaves open and the emulator decides is in README.md (Custom domains).

// domainLabelRE is one label of a host name (RFC 1123), lower case.
var domainLabelRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

var (
	domainProtocols = []string{"HTTP", "HTTPS", "HTTP,HTTPS"}
	tlsVersions     = []string{"TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"}
)

// validateDomainName checks a host name: labels of lower-case letters,
// digits and '-' (not at either end of a label), at least two labels, at
// most 253 characters.
func validateDomainName(name string) *apiError {
	if name == "" {
		return errInvalidArgument("domainName is required")
	}
	labels := strings.Split(name, ".")
	ok := len(name) <= 253 && len(labels) >= 2
	for _, l := range labels {
		ok = ok && domainLabelRE.MatchString(l)
	}
	if !ok {
		return errInvalidArgument("domainName '%s' is invalid: use a host name such as 'api.example.com' (lower-case labels of letters, digits and '-', at least two labels, at most 253 characters)", name)
	}
	return nil
}

// decodeCustomDomain decodes a custom domain body and drops what a client
// cannot set.
func decodeCustomDomain(body []byte) (*fc.CustomDomain, *apiError) {
	var in fc.CustomDomain
	if e := decodeObject(body, &in, nil); e != nil {
		return nil, e
	}
	in.AccountID, in.APIVersion, in.CreatedTime, in.LastModifiedTime = nil, nil, nil, nil
	return &in, nil
}

// validateCustomDomain checks a custom domain as it would be stored (after
// the merge on update, blank objects dropped): the protocol, a certificate
// whenever HTTPS is served, the certificate itself, and the TLS
// configuration. Routes are checked by checkRoutes.
func validateCustomDomain(d *fc.CustomDomain) *apiError {
	protocol := deref(d.Protocol)
	if !slices.Contains(domainProtocols, protocol) {
		return errInvalidArgument("protocol must be one of %s, got '%s'", strings.Join(domainProtocols, ", "), protocol)
	}
	if strings.Contains(protocol, "HTTPS") && d.CertConfig == nil {
		return errInvalidArgument("protocol '%s' serves HTTPS and needs a certConfig with a certificate and its private key", protocol)
	}
	if c := d.CertConfig; c != nil {
		if e := validateCertConfig(c); e != nil {
			return e
		}
	}
	if t := d.TLSConfig; t != nil {
		if !slices.Contains(tlsVersions, t.MinVersion) {
			return errInvalidArgument("tlsConfig.minVersion must be one of %s, got '%s'", strings.Join(tlsVersions, ", "), t.MinVersion)
		}
		if t.MaxVersion != "" {
			if !slices.Contains(tlsVersions, t.MaxVersion) {
				return errInvalidArgument("tlsConfig.maxVersion must be one of %s, got '%s'", strings.Join(tlsVersions, ", "), t.MaxVersion)
			}
			if slices.Index(tlsVersions, t.MaxVersion) < slices.Index(tlsVersions, t.MinVersion) {
				return errInvalidArgument("tlsConfig.maxVersion '%s' is lower than tlsConfig.minVersion '%s'", t.MaxVersion, t.MinVersion)
			}
		}
		for i, s := range t.CipherSuites {
			if s == "" {
				return errInvalidArgument("tlsConfig.cipherSuites[%d] is empty", i)
			}
		}
	}
	return nil
}

// validateCertConfig checks a certificate: a name, PEM certificates (the
// domain's first) and the PEM private key of the first one. Messages never
// quote the key.
func validateCertConfig(c *fc.CertConfig) *apiError {
	if c.CertName == "" {
		return errInvalidArgument("certConfig.certName is required")
	}
	if c.Certificate == "" {
		return errInvalidArgument("certConfig.certificate is required")
	}
	if c.PrivateKey == "" {
		return errInvalidArgument("certConfig.privateKey is required: FC does not return the key, so every certConfig sent must carry it")
	}
	var leaf *x509.Certificate
	rest := []byte(c.Certificate)
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return errInvalidArgument("certConfig.certificate holds a PEM block of type '%s'; only CERTIFICATE blocks are allowed", block.Type)
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return errInvalidArgument("certConfig.certificate: a certificate cannot be parsed: %v", err)
		}
		if leaf == nil {
			leaf = cert
		}
	}
	if leaf == nil || len(bytes.TrimSpace(rest)) > 0 {
		return errInvalidArgument("certConfig.certificate must be PEM certificates (-----BEGIN CERTIFICATE-----) and nothing else")
	}
	key, e := parsePrivateKeyPEM(c.PrivateKey)
	if e != nil {
		return e
	}
	pub, ok := key.Public().(interface{ Equal(crypto.PublicKey) bool })
	if !ok || !pub.Equal(leaf.PublicKey) {
		return errInvalidArgument("certConfig.privateKey does not belong to the first certificate of certConfig.certificate")
	}
	return nil
}

// parsePrivateKeyPEM parses one PEM private key: PKCS #8, PKCS #1 (RSA) or
// SEC 1 (EC).
func parsePrivateKeyPEM(text string) (crypto.Signer, *apiError) {
	block, rest := pem.Decode([]byte(text))
	if block == nil || len(bytes.TrimSpace(rest)) > 0 {
		return nil, errInvalidArgument("certConfig.privateKey must be one PEM private key (-----BEGIN PRIVATE KEY-----) and nothing else")
	}
	var key any
	var err error
	switch block.Type {
	case "PRIVATE KEY":
		key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
	case "RSA PRIVATE KEY":
		key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
	case "EC PRIVATE KEY":
		key, err = x509.ParseECPrivateKey(block.Bytes)
	default:
		return nil, errInvalidArgument("certConfig.privateKey holds a PEM block of type '%s'; use PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY (unencrypted)", block.Type)
	}
	if err != nil {
		return nil, errInvalidArgument("certConfig.privateKey cannot be parsed as a %s", strings.ToLower(block.Type))
	}
	switch k := key.(type) {
	case *rsa.PrivateKey:
		return k, nil
	case *ecdsa.PrivateKey:
		return k, nil
	case ed25519.PrivateKey:
		return k, nil
	}
	return nil, errInvalidArgument("certConfig.privateKey is of an unsupported key type")
}

// checkRoutes checks a routing table against the stored objects: every
// path begins with '/' and is unique; the service exists (404
// ServiceNotFound); a qualifier resolves (404 VersionNotFound or
// AliasNotFound); a function exists in what the qualifier resolves to (404
// FunctionNotFound); methods are HTTP methods, each listed once; rewrite
// rules have a match and a replacement, regular expressions that compile.
// Called under s.mu.
func (st *state) checkRoutes(rc *fc.RouteConfig) *apiError {
	if rc == nil {
		return nil
	}
	seen := map[string]bool{}
	for i := range rc.Routes {
		r := &rc.Routes[i]
		where := "routeConfig.routes[" + strconv.Itoa(i) + "]"
		if !strings.HasPrefix(r.Path, "/") {
			return errInvalidArgument("%s.path must begin with '/', got '%s'", where, r.Path)
		}
		if seen[r.Path] {
			return errInvalidArgument("%s.path '%s' is routed twice; each path may appear once in a domain", where, r.Path)
		}
		seen[r.Path] = true
		if r.ServiceName == "" {
			return errInvalidArgument("%s.serviceName is required", where)
		}
		view, e := st.resolveQualifier(r.ServiceName, r.Qualifier)
		if e != nil {
			return e
		}
		if r.FunctionName != "" {
			if _, ok := view.functions[r.FunctionName]; !ok {
				return errNotFound(kindFunction, r.ServiceName, r.FunctionName)
			}
		}
		for j, m := range r.Methods {
			if !slices.Contains(httpMethods, m) {
				return errInvalidArgument("%s.methods[%d] must be one of %s, got '%s'", where, j, strings.Join(httpMethods, ", "), m)
			}
			if slices.Index(r.Methods, m) != j {
				return errInvalidArgument("%s.methods lists '%s' twice", where, m)
			}
		}
		if rw := r.RewriteConfig; rw != nil {
			for _, set := range []struct {
				name  string
				rules []fc.RewriteRule
			}{{"equalRules", rw.EqualRules}, {"wildcardRules", rw.WildcardRules}, {"regexRules", rw.RegexRules}} {
				for j, rule := range set.rules {
					at := where + ".rewriteConfig." + set.name + "[" + strconv.Itoa(j) + "]"
					if rule.Match == "" || rule.Replacement == "" {
						return errInvalidArgument("%s needs a match and a replacement", at)
					}
					if set.name == "regexRules" {
						if _, err := regexp.Compile(rule.Match); err != nil {
							return errInvalidArgument("%s.match is not a regular expression: %v", at, err)
						}
					}
				}
			}
		}
	}
	return nil
}

// customDomainAnswer is what Create, Get, Update and List answer: the
// stored domain without the private key, which FC never returns.
func customDomainAnswer(d fc.CustomDomain) fc.CustomDomain {
	if d.CertConfig != nil {
		c := *d.CertConfig
		c.PrivateKey = ""
		d.CertConfig = &c
	}
	return d
}

func (s *Server) createCustomDomain(c *call) *apiError {
	in, e := decodeCustomDomain(c.body)
	if e != nil {
		return e
	}
	name := deref(in.DomainName)
	if e := validateDomainName(name); e != nil {
		return e
	}
	if in.Protocol == nil {
		in.Protocol = ptr("HTTP")
	}
	dropCleared(in)
	if e := validateCustomDomain(in); e != nil {
		return e
	}
	now := s.timestamp()
	in.AccountID = ptr(s.opts.AccountID)
	in.APIVersion = ptr(c.version)
	in.CreatedTime, in.LastModifiedTime = ptr(now), ptr(now)
	d := &customDomainRecord{Domain: *in}
	return create(s, c, kindCustomDomain, []string{name}, d,
		func(record) *apiError { return s.st.checkRoutes(d.Domain.RouteConfig) },
		func(d *customDomainRecord) *apiError { return c.writeJSON(customDomainAnswer(d.Domain), d.ETag) })
}

func (s *Server) getCustomDomain(c *call) *apiError {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, e := lookup[*customDomainRecord](s.st, kindCustomDomain, c.params["domain"])
	if e != nil {
		return e
	}
	return c.writeJSON(customDomainAnswer(d.Domain), d.ETag)
}

// updateCustomDomain changes protocol, certConfig, routeConfig, tlsConfig
// and wafConfig: a present field replaces the stored one whole, null and
// absent keep it, a blank object ({}, {"routes": []}) clears it. The merged
// domain is validated; the routes only when sent.
func (s *Server) updateCustomDomain(c *call) *apiError {
	in, e := decodeCustomDomain(c.body)
	if e != nil {
		return e
	}
	in.DomainName = nil // the path names the domain
	return modify(s, c, kindCustomDomain, []string{c.params["domain"]}, false, func(d *customDomainRecord) *apiError {
		merged := clone(d.Domain)
		mergePresent(&merged, in)
		dropCleared(&merged)
		if e := validateCustomDomain(&merged); e != nil {
			return e
		}
		if in.RouteConfig != nil {
			if e := s.st.checkRoutes(merged.RouteConfig); e != nil {
				return e
			}
		}
		merged.LastModifiedTime = ptr(s.timestamp())
		d.Domain = merged
		return nil
	}, func(d *customDomainRecord) *apiError { return c.writeJSON(customDomainAnswer(d.Domain), d.ETag) })
}

func (s *Server) deleteCustomDomain(c *call) *apiError {
	return remove[*customDomainRecord](s, c, kindCustomDomain, []string{c.params["domain"]}, nil, http.StatusNoContent)
}

// listCustomDomainsResponse is the answer of ListCustomDomains.
type listCustomDomainsResponse struct {
	CustomDomains []fc.CustomDomain `json:"customDomains"`
	NextToken     string            `json:"nextToken,omitempty"`
}

func (s *Server) listCustomDomains(c *call) *apiError {
	return list(s, c, kindCustomDomain, nil, func(d *customDomainRecord) fc.CustomDomain { return customDomainAnswer(d.Domain) },
		func(items []fc.CustomDomain, next string) any {
			return listCustomDomainsResponse{CustomDomains: items, NextToken: next}
		})
}

// Strict shapes (wire.go) of UpdateCustomDomainRequest and
// CreateCustomDomainRequest, which adds domainName.
var (
	rewriteRuleShape        = listOf(object(map[string]*shape{"match": nil, "replacement": nil}))
	updateCustomDomainShape = object(map[string]*shape{
		"protocol":   nil,
		"certConfig": object(map[string]*shape{"certName": nil, "certificate": nil, "privateKey": nil}),
		"routeConfig": object(map[string]*shape{"routes": listOf(object(map[string]*shape{
			"path": nil, "serviceName": nil, "functionName": nil, "qualifier": nil, "methods": nil,
			"rewriteConfig": object(map[string]*shape{
				"equalRules": rewriteRuleShape, "wildcardRules": rewriteRuleShape, "regexRules": rewriteRuleShape,
			}),
		}))}),
		"tlsConfig": object(map[string]*shape{"cipherSuites": nil, "maxVersion": nil, "minVersion": nil}),
		"wafConfig": object(map[string]*shape{"enableWAF": nil}),
	})
	createCustomDomainShape = updateCustomDomainShape.with(map[string]*shape{"domainName": nil})
)
