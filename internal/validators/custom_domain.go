package validators

import (
	"bytes"
	"context"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Custom domain protocols (fc-api.md 4.6).
const (
	DomainProtocolHTTP         string = "HTTP"
	DomainProtocolHTTPAndHTTPS string = "HTTP,HTTPS"
)

// DomainProtocols lists the protocols a custom domain serves.
var DomainProtocols = []string{DomainProtocolHTTP, DomainProtocolHTTPAndHTTPS}

// TLS versions of a custom domain's TLS configuration, lowest first.
const (
	TLSVersion10 string = "TLSv1.0"
	TLSVersion11 string = "TLSv1.1"
	TLSVersion12 string = "TLSv1.2"
	TLSVersion13 string = "TLSv1.3"
)

// TLSVersions lists the TLS versions, lowest first (the order TLSVersionRange
// compares by).
var TLSVersions = []string{TLSVersion10, TLSVersion11, TLSVersion12, TLSVersion13}

// CertificateExpiryWarning is how close to its expiry a certificate draws a
// warning at plan time.
const CertificateExpiryWarning = 30 * 24 * time.Hour

// ---------------------------------------------------------------------------
// Domain names

// domainLabel is one label of a host name (RFC 1123), lower case.
var domainLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// DomainName returns a validator for a custom domain's name: a host name of
// at least two labels, each 1 to 63 lower-case letters, digits and "-" (not
// at either end), at most 253 characters in all, without a trailing dot.
func DomainName() validator.String {
	desc := description{plain: "a host name such as api.example.com: at least two labels separated by dots, each 1 to 63 lower-case letters, digits and hyphens, not starting or ending with a hyphen; at most 253 characters"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		reason := domainNameProblem(got)
		if reason == "" {
			return
		}
		diags.AddAttributeError(req.Path, "Invalid domain name",
			fmt.Sprintf("%q is not a valid domain name: %s. Use %s.", got, reason, desc.plain))
	}}
}

func domainNameProblem(name string) string {
	switch {
	case name == "":
		return "it is empty"
	case strings.HasSuffix(name, "."):
		return "it ends with a dot"
	case strings.HasPrefix(name, "*."):
		return "wildcard domain names are not supported"
	case strings.ToLower(name) != name:
		return "it has upper-case letters (host names are case-insensitive; write it in lower case)"
	case len(name) > 253:
		return fmt.Sprintf("it is %d characters long", len(name))
	}
	labels := strings.Split(name, ".")
	if len(labels) < 2 {
		return "it has a single label; a custom domain is a name such as api.example.com"
	}
	for _, l := range labels {
		if !domainLabel.MatchString(l) {
			if l == "" {
				return "it has an empty label (two dots in a row, or a leading dot)"
			}
			return fmt.Sprintf("the label %q is not 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit", l)
		}
	}
	return ""
}

// ---------------------------------------------------------------------------
// Regular expressions

// RegularExpression returns a validator for a string holding a regular
// expression in RE2 syntax (Go's regexp).
func RegularExpression() validator.String {
	desc := description{plain: "a regular expression in RE2 syntax"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if _, err := regexp.Compile(got); err != nil {
			diags.AddAttributeError(req.Path, "Invalid regular expression",
				fmt.Sprintf("%q is not a regular expression in RE2 syntax: %s.", got, err))
		}
	}}
}

// ---------------------------------------------------------------------------
// Certificates and keys

// ParseCertificates parses PEM text holding one or more CERTIFICATE blocks
// and nothing else (a chain: the domain's certificate first).
func ParseCertificates(text string) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	rest := []byte(text)
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Errorf("it holds a PEM block of type %q; only CERTIFICATE blocks belong here (the private key goes in its own attribute)", block.Type)
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("certificate %d cannot be parsed: %w", len(certs)+1, err)
		}
		certs = append(certs, cert)
	}
	switch {
	case len(certs) == 0:
		return nil, errors.New("it is not PEM: expected one or more blocks beginning with -----BEGIN CERTIFICATE-----")
	case len(bytes.TrimSpace(rest)) > 0:
		return nil, errors.New("it has text after the last PEM certificate")
	}
	return certs, nil
}

// ParsePrivateKey parses PEM text holding one unencrypted private key:
// PKCS #8 ("PRIVATE KEY"), PKCS #1 ("RSA PRIVATE KEY") or SEC 1 ("EC
// PRIVATE KEY"). Its errors never quote the key.
func ParsePrivateKey(text string) (crypto.Signer, error) {
	block, rest := pem.Decode([]byte(text))
	if block == nil {
		return nil, errors.New("it is not PEM: expected a block beginning with -----BEGIN PRIVATE KEY-----")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("it has text after the PEM private key (one key only)")
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
	case "ENCRYPTED PRIVATE KEY":
		return nil, errors.New("it is encrypted; FC needs the unencrypted key")
	default:
		return nil, fmt.Errorf("it holds a PEM block of type %q; expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY", block.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("its %s block cannot be parsed", block.Type)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return nil, errors.New("it is of an unsupported key type")
	}
	return signer, nil
}

// KeyMatchesCertificate reports whether key is the private key of cert.
func KeyMatchesCertificate(key crypto.Signer, cert *x509.Certificate) bool {
	pub, ok := key.Public().(interface{ Equal(crypto.PublicKey) bool })
	return ok && pub.Equal(cert.PublicKey)
}

// Certificate returns a validator for PEM certificates (ParseCertificates):
// an error when the first (the domain's) certificate has expired at now(), a
// warning when it expires within CertificateExpiryWarning. now is the
// clock; nil means time.Now.
func Certificate(now func() time.Time) validator.String {
	if now == nil {
		now = time.Now
	}
	desc := description{plain: "one or more PEM certificates, the domain's first, which must not have expired"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		certs, err := ParseCertificates(got)
		if err != nil {
			diags.AddAttributeError(req.Path, "Invalid certificate",
				fmt.Sprintf("%s must be PEM certificates, the domain's first: %s.", req.Path, err))
			return
		}
		leaf, at := certs[0], now()
		notAfter := leaf.NotAfter.UTC().Format(time.RFC3339)
		switch left := leaf.NotAfter.Sub(at); {
		case left < 0:
			diags.AddAttributeError(req.Path, "Certificate expired",
				fmt.Sprintf("The certificate of %s (subject %q) expired at %s; FC would serve it and browsers would refuse it. Renew it and configure the new certificate and its key.",
					req.Path, leaf.Subject.String(), notAfter))
		case left < CertificateExpiryWarning:
			diags.AddAttributeWarning(req.Path, "Certificate expires soon",
				fmt.Sprintf("The certificate of %s (subject %q) expires at %s, in %s (less than %d days). Renew it before then.",
					req.Path, leaf.Subject.String(), notAfter, left.Round(time.Hour), int(CertificateExpiryWarning.Hours()/24)))
		}
	}}
}

// PrivateKey returns a validator for a PEM private key (ParsePrivateKey).
// Its messages never quote the value.
func PrivateKey() validator.String {
	desc := description{plain: "an unencrypted PEM private key (PKCS #8, PKCS #1 or SEC 1)"}
	return stringValidator{desc, func(_ context.Context, req validator.StringRequest, got string, diags *diag.Diagnostics) {
		if _, err := ParsePrivateKey(got); err != nil {
			diags.AddAttributeError(req.Path, "Invalid private key",
				fmt.Sprintf("%s must be an unencrypted PEM private key: %s.", req.Path, err))
		}
	}}
}

// CertificateKeyPair returns a validator for an object holding a PEM
// certificate attribute and one or more private key attributes (e.g.
// private_key and its write-only twin): each key that is set must be the
// key of the first certificate. Values that do not parse are left to
// Certificate and PrivateKey.
func CertificateKeyPair(certificate string, keys ...string) validator.Object {
	desc := description{plain: fmt.Sprintf("%s must be the private key of the first certificate of %s", strings.Join(keys, " or "), certificate)}
	return objectValidator{desc, func(_ context.Context, req validator.ObjectRequest, attrs map[string]attr.Value, diags *diag.Diagnostics) {
		certText, ok := knownString(attrs[certificate])
		if !ok {
			return
		}
		certs, err := ParseCertificates(certText)
		if err != nil {
			return
		}
		for _, name := range keys {
			keyText, ok := knownString(attrs[name])
			if !ok {
				continue
			}
			key, err := ParsePrivateKey(keyText)
			if err != nil {
				continue
			}
			if !KeyMatchesCertificate(key, certs[0]) {
				diags.AddAttributeError(req.Path.AtName(name), "Private key does not match the certificate",
					fmt.Sprintf("%s is not the private key of the first certificate of %s (subject %q): FC serves that "+
						"certificate with this key, so they must be a pair. Configure the key the certificate was issued for.",
						req.Path.AtName(name), req.Path.AtName(certificate), certs[0].Subject.String()))
			}
		}
	}}
}

func knownString(v attr.Value) (string, bool) {
	s, ok := v.(types.String)
	if !ok || s.IsNull() || s.IsUnknown() {
		return "", false
	}
	return s.ValueString(), true
}

// ---------------------------------------------------------------------------
// TLS versions

// TLSVersionRange returns a validator for an object with a minimum and a
// maximum TLS version attribute (values of TLSVersions): the minimum must
// not be above the maximum.
func TLSVersionRange(minAttr, maxAttr string) validator.Object {
	desc := description{plain: fmt.Sprintf("%s must not be above %s", minAttr, maxAttr)}
	return objectValidator{desc, func(_ context.Context, req validator.ObjectRequest, attrs map[string]attr.Value, diags *diag.Diagnostics) {
		lo, ok1 := knownString(attrs[minAttr])
		hi, ok2 := knownString(attrs[maxAttr])
		i, j := slices.Index(TLSVersions, lo), slices.Index(TLSVersions, hi)
		if !ok1 || !ok2 || i < 0 || j < 0 || i <= j {
			return
		}
		diags.AddAttributeError(req.Path.AtName(minAttr), "Invalid TLS version range",
			fmt.Sprintf("%s is %s, above %s (%s): no TLS version would be left to offer. Lower %s or raise %s.",
				req.Path.AtName(minAttr), lo, req.Path.AtName(maxAttr), hi, minAttr, maxAttr))
	}}
}

// ---------------------------------------------------------------------------
// Unique attributes in a list of objects

// UniqueAttribute returns a validator for a list of objects: the string
// attribute name must differ between elements (unknown and null values
// are skipped). what names the attribute in messages, e.g. "route path".
func UniqueAttribute(name, what string) validator.List {
	desc := description{plain: fmt.Sprintf("each %s must appear at most once", what)}
	return listValidator{desc, func(_ context.Context, req validator.ListRequest, elems []attr.Value, diags *diag.Diagnostics) {
		first := map[string]int{}
		for i, e := range elems {
			obj, ok := e.(types.Object)
			if !ok || obj.IsNull() || obj.IsUnknown() {
				continue
			}
			s, ok := knownString(obj.Attributes()[name])
			if !ok {
				continue
			}
			if j, dup := first[s]; dup {
				p := req.Path.AtListIndex(i).AtName(name)
				diags.AddAttributeError(p, "Duplicate "+what,
					fmt.Sprintf("%s is %q, like %s: %s.", p, s, req.Path.AtListIndex(j).AtName(name), upperFirst(desc.plain)))
				continue
			}
			first[s] = i
		}
	}}
}
