package validators

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

func TestDomainName(t *testing.T) {
	t.Parallel()
	invalid := func(v, reason string) stringCase {
		return stringCase{value: types.StringValue(v), want: &wantDiag{summary: "Invalid domain name", detail: []string{reason}}}
	}
	runStringCases(t, DomainName(), path.Root("domain_name"), map[string]stringCase{
		"two labels":        {value: types.StringValue("example.com")},
		"deep":              {value: types.StringValue("a-b.c1.example.co.uk")},
		"digits":            {value: types.StringValue("1.2.example.com")},
		"63-char label":     {value: types.StringValue(strings.Repeat("a", 63) + ".com")},
		"null":              {value: types.StringNull()},
		"unknown":           {value: types.StringUnknown()},
		"empty":             invalid("", "it is empty"),
		"one label":         invalid("localhost", "single label"),
		"upper case":        invalid("API.example.com", "upper-case"),
		"trailing dot":      invalid("example.com.", "ends with a dot"),
		"wildcard":          invalid("*.example.com", "wildcard"),
		"double dot":        invalid("a..example.com", "empty label"),
		"leading hyphen":    invalid("-a.example.com", `label "-a"`),
		"trailing hyphen":   invalid("a-.example.com", `label "a-"`),
		"underscore":        invalid("a_b.example.com", `label "a_b"`),
		"64-char label":     invalid(strings.Repeat("a", 64)+".com", "1 to 63"),
		"too long":          invalid(strings.Repeat("abcdefghi.", 26)+"com", "it is 263 characters long"),
		"with a scheme":     invalid("https://example.com", "label"),
		"with a path":       invalid("example.com/x", "label"),
		"with a port":       invalid("example.com:443", "label"),
		"unicode (not ACE)": invalid("exämple.com", "label"),
	})
}

func TestRegularExpression(t *testing.T) {
	t.Parallel()
	runStringCases(t, RegularExpression(), path.Root("match"), map[string]stringCase{
		"valid":   {value: types.StringValue(`^/api/(.*)$`)},
		"null":    {value: types.StringNull()},
		"invalid": {value: types.StringValue(`^/(`), want: &wantDiag{summary: "Invalid regular expression", detail: []string{`"^/("`, "missing closing )"}}},
	})
}

// fixedClock is a clock for the certificate checks.
func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

func TestCertificate(t *testing.T) {
	t.Parallel()
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	valid := testcert.New(t, "a.example.com", now.AddDate(1, 0, 0))
	expired := testcert.New(t, "a.example.com", now.Add(-time.Second))
	soon := testcert.New(t, "a.example.com", now.Add(CertificateExpiryWarning-time.Hour))
	edge := testcert.New(t, "a.example.com", now.Add(CertificateExpiryWarning))
	p := path.Root("cert_config").AtName("certificate")
	run := func(value string, now time.Time) diag.Diagnostics {
		var resp validator.StringResponse
		Certificate(fixedClock(now)).ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: types.StringValue(value)}, &resp)
		return resp.Diagnostics
	}
	checkDiags(t, run(valid.Cert, now), p, nil)
	checkDiags(t, run(valid.Cert+valid.Cert, now), p, nil) // a chain
	checkDiags(t, run(expired.Cert, now), p, &wantDiag{summary: "Certificate expired", detail: []string{"expired at 2029-12-31T23:59:59Z", "cert_config.certificate", "CN=a.example.com"}})
	// At its NotAfter a certificate is still valid (RFC 5280: inclusive).
	expectWarning(t, run(expired.Cert, now.Add(-time.Second)))
	// Exactly 30 days left: no warning; a second less: a warning.
	checkDiags(t, run(edge.Cert, now), p, nil)
	expectWarning(t, run(edge.Cert, now.Add(time.Second)))

	d := run(soon.Cert, now)
	if len(d) != 1 || d[0].Severity() != diag.SeverityWarning || d[0].Summary() != "Certificate expires soon" ||
		!strings.Contains(d[0].Detail(), "in 719h0m0s (less than 30 days)") {
		t.Errorf("soon: %v", d)
	}
	for name, value := range map[string]string{
		"not PEM":         "hello",
		"a key":           valid.Key,
		"text after":      valid.Cert + "junk",
		"broken DER":      "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
		"key after certs": valid.Cert + valid.Key,
	} {
		t.Run(name, func(t *testing.T) {
			diags := run(value, now)
			checkDiags(t, diags, p, &wantDiag{summary: "Invalid certificate", detail: []string{"cert_config.certificate must be PEM certificates"}})
			if strings.Contains(diags[0].Detail(), valid.Key[30:60]) {
				t.Errorf("the message quotes the key: %s", diags[0].Detail())
			}
		})
	}
	var resp validator.StringResponse
	Certificate(nil).ValidateString(context.Background(), validator.StringRequest{Path: p, ConfigValue: types.StringUnknown()}, &resp)
	checkDiags(t, resp.Diagnostics, p, nil)
}

func expectWarning(t *testing.T, d diag.Diagnostics) {
	t.Helper()
	if len(d) != 1 || d[0].Severity() != diag.SeverityWarning || d[0].Summary() != "Certificate expires soon" {
		t.Errorf("want one warning, got %v", d)
	}
}

func TestPrivateKey(t *testing.T) {
	t.Parallel()
	pair := testcert.Valid(t, "a.example.com")
	body := pair.Key[28:60]
	p := path.Root("cert_config").AtName("private_key")
	invalid := func(v, reason string) stringCase {
		return stringCase{value: types.StringValue(v), want: &wantDiag{summary: "Invalid private key", detail: []string{"cert_config.private_key must be", reason}}}
	}
	runStringCases(t, PrivateKey(), p, map[string]stringCase{
		"valid":        {value: types.StringValue(pair.Key)},
		"null":         {value: types.StringNull()},
		"unknown":      {value: types.StringUnknown()},
		"not PEM":      invalid("secret", "not PEM"),
		"certificate":  invalid(pair.Cert, `type "CERTIFICATE"`),
		"two keys":     invalid(pair.Key+pair.Key, "one key only"),
		"encrypted":    invalid("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", "encrypted"),
		"broken":       invalid(strings.Replace(pair.Key, body, strings.Repeat("A", len(body)), 1), "cannot be parsed"),
		"wrong header": invalid(strings.ReplaceAll(pair.Key, "PRIVATE KEY", "RSA PRIVATE KEY"), "RSA PRIVATE KEY block cannot be parsed"),
	})
}

func certObject(cert, key, keyWO string) types.Object {
	s := func(v string) attr.Value {
		if v == "" {
			return types.StringNull()
		}
		return types.StringValue(v)
	}
	return types.ObjectValueMust(map[string]attr.Type{"certificate": types.StringType, "private_key": types.StringType, "private_key_wo": types.StringType},
		map[string]attr.Value{"certificate": s(cert), "private_key": s(key), "private_key_wo": s(keyWO)})
}

func TestCertificateKeyPair(t *testing.T) {
	t.Parallel()
	pair := testcert.Valid(t, "a.example.com")
	other := testcert.Valid(t, "a.example.com")
	p := path.Root("cert_config")
	v := CertificateKeyPair("certificate", "private_key", "private_key_wo")
	for name, tc := range map[string]struct {
		obj     types.Object
		badAttr string
	}{
		"pair":                       {obj: certObject(pair.Cert, pair.Key, "")},
		"pair, write-only":           {obj: certObject(pair.Cert, "", pair.Key)},
		"chain, key of the first":    {obj: certObject(pair.Cert+other.Cert, pair.Key, "")},
		"no key":                     {obj: certObject(pair.Cert, "", "")},
		"unparsable key: left alone": {obj: certObject(pair.Cert, "x", "")},
		"unparsable certificate":     {obj: certObject("x", other.Key, "")},
		"null":                       {obj: types.ObjectNull(certObject("", "", "").AttributeTypes(context.Background()))},
		"another key":                {obj: certObject(pair.Cert, other.Key, ""), badAttr: "private_key"},
		"another key, write-only":    {obj: certObject(pair.Cert, "", other.Key), badAttr: "private_key_wo"},
		"key of the second in chain": {obj: certObject(pair.Cert+other.Cert, other.Key, ""), badAttr: "private_key"},
	} {
		t.Run(name, func(t *testing.T) {
			var resp validator.ObjectResponse
			v.ValidateObject(context.Background(), validator.ObjectRequest{Path: p, ConfigValue: tc.obj}, &resp)
			if tc.badAttr == "" {
				checkDiags(t, resp.Diagnostics, p, nil)
				return
			}
			checkDiags(t, resp.Diagnostics, p.AtName(tc.badAttr), &wantDiag{summary: "Private key does not match the certificate",
				detail: []string{"cert_config." + tc.badAttr + " is not the private key", "cert_config.certificate"}})
			if strings.Contains(resp.Diagnostics[0].Detail(), other.Key[30:60]) {
				t.Errorf("the message quotes the key")
			}
		})
	}
}

func TestTLSVersionRange(t *testing.T) {
	t.Parallel()
	p := path.Root("tls_config")
	obj := func(lo, hi attr.Value) types.Object {
		return types.ObjectValueMust(map[string]attr.Type{"min_version": types.StringType, "max_version": types.StringType},
			map[string]attr.Value{"min_version": lo, "max_version": hi})
	}
	v := TLSVersionRange("min_version", "max_version")
	for name, tc := range map[string]struct {
		obj  types.Object
		want *wantDiag
	}{
		"equal":                       {obj: obj(types.StringValue("TLSv1.2"), types.StringValue("TLSv1.2"))},
		"ascending":                   {obj: obj(types.StringValue("TLSv1.0"), types.StringValue("TLSv1.3"))},
		"no max":                      {obj: obj(types.StringValue("TLSv1.3"), types.StringNull())},
		"unknown min":                 {obj: obj(types.StringUnknown(), types.StringValue("TLSv1.0"))},
		"unknown value left to OneOf": {obj: obj(types.StringValue("TLSv9"), types.StringValue("TLSv1.0"))},
		"descending": {obj: obj(types.StringValue("TLSv1.3"), types.StringValue("TLSv1.2")), want: &wantDiag{
			summary: "Invalid TLS version range", detail: []string{"tls_config.min_version is TLSv1.3, above tls_config.max_version (TLSv1.2)"}}},
	} {
		t.Run(name, func(t *testing.T) {
			var resp validator.ObjectResponse
			v.ValidateObject(context.Background(), validator.ObjectRequest{Path: p, ConfigValue: tc.obj}, &resp)
			checkDiags(t, resp.Diagnostics, p.AtName("min_version"), tc.want)
		})
	}
}

func TestUniqueAttribute(t *testing.T) {
	t.Parallel()
	types1 := map[string]attr.Type{"path": types.StringType}
	elem := func(v attr.Value) attr.Value {
		return types.ObjectValueMust(types1, map[string]attr.Value{"path": v})
	}
	list := func(elems ...attr.Value) types.List {
		return types.ListValueMust(types.ObjectType{AttrTypes: types1}, elems)
	}
	p := path.Root("route_config").AtName("routes")
	v := UniqueAttribute("path", "route path")
	for name, tc := range map[string]struct {
		list types.List
		want *wantDiag
		at   int
	}{
		"distinct":  {list: list(elem(types.StringValue("/a")), elem(types.StringValue("/b")))},
		"unknowns":  {list: list(elem(types.StringUnknown()), elem(types.StringUnknown()))},
		"null list": {list: types.ListNull(types.ObjectType{AttrTypes: types1})},
		"duplicate": {list: list(elem(types.StringValue("/a")), elem(types.StringValue("/b")), elem(types.StringValue("/a"))), at: 2,
			want: &wantDiag{summary: "Duplicate route path", detail: []string{`route_config.routes[2].path is "/a", like route_config.routes[0].path`, "at most once"}}},
	} {
		t.Run(name, func(t *testing.T) {
			var resp validator.ListResponse
			v.ValidateList(context.Background(), validator.ListRequest{Path: p, ConfigValue: tc.list}, &resp)
			checkDiags(t, resp.Diagnostics, p.AtListIndex(tc.at).AtName("path"), tc.want)
		})
	}
}
