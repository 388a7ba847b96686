package provider

import (
	"context"
	"encoding/base64"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
	"github.com/terraform-fc/terraform-provider-fc/internal/testcert"
)

func TestCustomDomainSchema_modelParity(t *testing.T) {
	s := resourceSchema(t, NewCustomDomainResource())
	assertDescribed(t, "fc_custom_domain", s.Attributes)
	assertSchemaModelParity(t, "fc_custom_domain", s.Attributes, customDomainModel{})
	assertSchemaModelParity(t, "fc_custom_domain.cert_config", s.Attributes["cert_config"].(rschema.SingleNestedAttribute).Attributes, customDomainCertModel{})
	routeConfig := s.Attributes["route_config"].(rschema.SingleNestedAttribute).Attributes
	assertSchemaModelParity(t, "fc_custom_domain.route_config", routeConfig, customDomainRoutesModel{})
	route := routeConfig["routes"].(rschema.ListNestedAttribute).NestedObject.Attributes
	assertSchemaModelParity(t, "fc_custom_domain.route_config.routes", route, customDomainRouteModel{})
	rewrite := route["rewrite_config"].(rschema.SingleNestedAttribute).Attributes
	assertSchemaModelParity(t, "fc_custom_domain.route_config.routes.rewrite_config", rewrite, customDomainRewriteModel{})
	assertSchemaModelParity(t, "rewrite rule", rewrite["equal_rules"].(rschema.ListNestedAttribute).NestedObject.Attributes, customDomainRewriteRuleModel{})
	assertSchemaModelParity(t, "fc_custom_domain.tls_config", s.Attributes["tls_config"].(rschema.SingleNestedAttribute).Attributes, customDomainTLSModel{})
	assertSchemaModelParity(t, "fc_custom_domain.waf_config", s.Attributes["waf_config"].(rschema.SingleNestedAttribute).Attributes, customDomainWAFModel{})

	ds := dataSourceSchema(t, NewCustomDomainDataSource())
	assertDescribed(t, "data.fc_custom_domain", ds.Attributes)
	assertSchemaModelParity(t, "data.fc_custom_domain", ds.Attributes, customDomainDataModel{})
	assertSchemaModelParity(t, "data.fc_custom_domain.cert_config", ds.Attributes["cert_config"].(dschema.SingleNestedAttribute).Attributes, customDomainCertDataModel{})
	dsRoute := ds.Attributes["route_config"].(dschema.SingleNestedAttribute).Attributes["routes"].(dschema.ListNestedAttribute).NestedObject.Attributes
	assertSchemaModelParity(t, "data.fc_custom_domain.route_config.routes", dsRoute, customDomainRouteModel{})
	list := dataSourceSchema(t, NewCustomDomainsDataSource())
	assertDescribed(t, "data.fc_custom_domains", list.Attributes)
	assertSchemaModelParity(t, "data.fc_custom_domains", list.Attributes, customDomainsDataSourceModel{})
	assertSchemaModelParity(t, "data.fc_custom_domains.custom_domains",
		list.Attributes["custom_domains"].(dschema.ListNestedAttribute).NestedObject.Attributes, customDomainDataModel{})

	// The private key is sensitive, its twin write-only; neither is in a
	// data source.
	cert := s.Attributes["cert_config"].(rschema.SingleNestedAttribute).Attributes
	if !cert["private_key"].IsSensitive() || !cert["private_key_wo"].IsSensitive() || !cert["private_key_wo"].IsWriteOnly() {
		t.Errorf("cert_config: private_key sensitive %v, private_key_wo sensitive %v and write-only %v",
			cert["private_key"].IsSensitive(), cert["private_key_wo"].IsSensitive(), cert["private_key_wo"].IsWriteOnly())
	}
}

func certModel(cert, key string, version int64) *customDomainCertModel {
	m := &customDomainCertModel{CertName: types.StringValue("c"), Certificate: types.StringValue(cert),
		PrivateKey: types.StringNull(), PrivateKeyWO: types.StringNull(), PrivateKeyWOVersion: types.Int64Null()}
	if key != "" {
		m.PrivateKey = types.StringValue(key)
	}
	if version != 0 {
		m.PrivateKeyWOVersion = types.Int64Value(version)
	}
	return m
}

func TestExpandCustomDomainUpdate(t *testing.T) {
	base := customDomainModel{DomainName: types.StringValue("a.example.com"), Protocol: types.StringValue("HTTP,HTTPS")}
	with := func(c *customDomainCertModel) customDomainModel { m := base; m.CertConfig = c; return m }
	for _, tc := range []struct {
		name        string
		plan, state customDomainModel
		keyWO       string
		wantCert    *fc.CertConfig
	}{
		{"certificate unchanged: not sent", with(certModel("A", "KA", 0)), with(certModel("A", "KA", 0)), "", nil},
		{"rotated: sent with its key", with(certModel("B", "KB", 0)), with(certModel("A", "KA", 0)), "", &fc.CertConfig{CertName: "c", Certificate: "B", PrivateKey: "KB"}},
		{"after an import (no key in the state): sent", with(certModel("A", "KA", 0)), with(certModel("A", "", 0)), "", &fc.CertConfig{CertName: "c", Certificate: "A", PrivateKey: "KA"}},
		{"removed: cleared", with(nil), with(certModel("A", "KA", 0)), "", &fc.CertConfig{}},
		{"bound outside Terraform, not configured: cleared", with(nil), with(certModel("X", "", 0)), "", &fc.CertConfig{}},
		{"neither", with(nil), with(nil), "", nil},
		{"write-only key, same version: not sent", with(certModel("A", "", 1)), with(certModel("A", "", 1)), "KW", nil},
		{"write-only key, new version: sent with the key from the configuration", with(certModel("A", "", 2)), with(certModel("A", "", 1)), "KW",
			&fc.CertConfig{CertName: "c", Certificate: "A", PrivateKey: "KW"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := expandCustomDomainUpdate(tc.plan, tc.state, tc.keyWO)
			if !reflect.DeepEqual(in.CertConfig, tc.wantCert) {
				t.Errorf("certConfig = %+v, want %+v", in.CertConfig, tc.wantCert)
			}
			// Everything else is sent, removed blocks as blank objects.
			if in.DomainName != nil || deref(in.Protocol) != "HTTP,HTTPS" || in.RouteConfig == nil || in.RouteConfig.Routes == nil ||
				len(in.RouteConfig.Routes) != 0 || !reflect.DeepEqual(in.TLSConfig, &fc.TLSConfig{}) || !reflect.DeepEqual(in.WAFConfig, &fc.WAFConfig{}) {
				t.Errorf("update body %+v", in)
			}
		})
	}
}

// Round trip: what Create sends, FC answers (without the key), and the
// state keeps the key from the plan; methods come back as a set.
func TestCustomDomainRoundTrip(t *testing.T) {
	plan := customDomainModel{
		DomainName: types.StringValue("a.example.com"), Protocol: types.StringValue("HTTP,HTTPS"),
		CertConfig: certModel("CERT", "KEY", 0),
		RouteConfig: &customDomainRoutesModel{Routes: []customDomainRouteModel{{
			Path: types.StringValue("/a"), ServiceName: types.StringValue("s"), FunctionName: types.StringValue("f"),
			Qualifier: types.StringNull(), Methods: types.SetValueMust(types.StringType, stringValues("POST", "GET")),
			RewriteConfig: &customDomainRewriteModel{RegexRules: []customDomainRewriteRuleModel{{Match: types.StringValue("^/a$"), Replacement: types.StringValue("/b")}}},
		}}},
		TLSConfig: &customDomainTLSModel{MinVersion: types.StringValue("TLSv1.2"), MaxVersion: types.StringNull(), CipherSuites: types.ListNull(types.StringType)},
		WAFConfig: &customDomainWAFModel{EnableWAF: types.BoolValue(false)},
	}
	in := expandCustomDomain(plan, "")
	if in.CertConfig.PrivateKey != "KEY" || !reflect.DeepEqual(in.RouteConfig.Routes[0].Methods, []string{"GET", "POST"}) ||
		in.WAFConfig.EnableWAF == nil || *in.WAFConfig.EnableWAF || in.RouteConfig.Routes[0].RewriteConfig.EqualRules != nil {
		t.Fatalf("create body %+v", in)
	}
	answer := *in
	c := *in.CertConfig
	c.PrivateKey = ""
	answer.CertConfig = &c
	answer.CreatedTime, answer.LastModifiedTime, answer.AccountID = fc.Ptr("t"), fc.Ptr("t"), fc.Ptr("1")
	got := flattenCustomDomain(&answer, plan)
	if got.CertConfig == nil || got.CertConfig.PrivateKey.ValueString() != "KEY" || !got.CertConfig.PrivateKeyWO.IsNull() {
		t.Errorf("cert_config %+v", got.CertConfig)
	}
	r := got.RouteConfig.Routes[0]
	if !r.Methods.Equal(plan.RouteConfig.Routes[0].Methods) || !r.Qualifier.IsNull() || r.RewriteConfig.EqualRules != nil ||
		len(r.RewriteConfig.RegexRules) != 1 || !got.TLSConfig.MaxVersion.IsNull() || got.WAFConfig.EnableWAF.ValueBool() ||
		got.ID.ValueString() != "a.example.com" {
		t.Errorf("flattened %+v / %+v", got, r)
	}
	// Nothing but the name: protocol is FC's default, the rest null.
	empty := flattenCustomDomain(&fc.CustomDomain{DomainName: fc.Ptr("a.example.com")}, customDomainModel{})
	if empty.Protocol.ValueString() != "HTTP" || empty.CertConfig != nil || empty.RouteConfig != nil || empty.TLSConfig != nil || empty.WAFConfig != nil {
		t.Errorf("empty %+v", empty)
	}
}

// The branches of an ambiguous CreateCustomDomain (createByName), as
// TestCreateByName_branches runs them for the other kinds: absent -> sent
// again; present and matching (the key left out: FC never returns it) ->
// adopted; present and different -> refused, untouched.
func TestCreateByName_customDomain(t *testing.T) {
	zip, err := codepkg.ZipDir(filepath.Join("testdata", "function", "hello"))
	if err != nil {
		t.Fatal(err)
	}
	pair := testcert.Valid(t, "a.example.com")
	domain := func(route string) *fc.CustomDomain {
		return &fc.CustomDomain{DomainName: fc.Ptr("a.example.com"), Protocol: fc.Ptr("HTTP,HTTPS"),
			CertConfig:  &fc.CertConfig{CertName: "c", Certificate: pair.Cert, PrivateKey: pair.Key},
			RouteConfig: &fc.RouteConfig{Routes: []fc.PathConfig{{Path: route, ServiceName: "svc", FunctionName: "fn"}}}}
	}
	setUp := func(t *testing.T, c *fc.Client) {
		t.Helper()
		ctx := context.Background()
		if _, _, err := c.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.CreateFunction(ctx, "svc", &fc.Function{FunctionName: fc.Ptr("fn"), Runtime: fc.Ptr("python3.10"),
			Handler: fc.Ptr("index.handler"), Code: &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)}}, codepkg.Checksum(zip)); err != nil {
			t.Fatal(err)
		}
	}
	run := func(c *fc.Client, wrap func(func() error)) (string, error) {
		nc := customDomainCreate(c, "a.example.com", domain("/planned"))
		inner := nc.create
		nc.create = func(ctx context.Context) (d *fc.CustomDomain, e string, err error) {
			wrap(func() error { d, e, err = inner(ctx); return err })
			return
		}
		_, etag, err := createByName(context.Background(), nc)
		return etag, err
	}
	current := func(t *testing.T, c *fc.Client) string {
		t.Helper()
		d, etag, err := c.GetCustomDomain(context.Background(), "a.example.com")
		if err != nil {
			t.Fatal(err)
		}
		return etag + "|" + d.RouteConfig.Routes[0].Path
	}
	const op = "CreateCustomDomain"

	t.Run("absent_resent", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c)
		faultOnce(t, em, op, emulator.FaultUnavailable)
		calls := 0
		etag, err := run(c, func(f func() error) {
			calls++
			_ = f()
			if calls == 1 {
				_ = em.SetFaults(emulator.FaultConfig{})
			}
		})
		if err != nil {
			t.Fatalf("create: %v", err)
		}
		if calls != 2 || em.Counts()[op] != 1 {
			t.Fatalf("create sent %d times, processed %d times; want 2 and 1", calls, em.Counts()[op])
		}
		if got := current(t, c); got != etag+"|/planned" {
			t.Fatalf("domain = %q, want ETag %q and the planned route", got, etag)
		}
	})
	t.Run("present_matching_adopted", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c)
		faultOnce(t, em, op, emulator.FaultLostResponse)
		calls := 0
		etag, err := run(c, func(f func() error) { calls++; _ = f() })
		if err != nil {
			t.Fatalf("create: %v (the key FC does not return must not count as a difference)", err)
		}
		if calls != 1 || em.Counts()[op] != 1 || em.Faults().Injected[emulator.FaultLostResponse] != 1 {
			t.Fatalf("create sent %d times, processed %d times, faults %+v", calls, em.Counts()[op], em.Faults())
		}
		if got := current(t, c); got != etag+"|/planned" {
			t.Fatalf("domain = %q, want ETag %q and the planned route", got, etag)
		}
	})
	t.Run("present_different_untouched", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c)
		if _, _, err := c.CreateCustomDomain(context.Background(), domain("/someone-elses")); err != nil {
			t.Fatal(err)
		}
		before := current(t, c)
		faultOnce(t, em, op, emulator.FaultUnavailable)
		_, err := run(c, func(f func() error) { _ = f() })
		if !errors.Is(err, errCreatedDifferently) {
			t.Fatalf("create: %v, want errCreatedDifferently", err)
		}
		if after := current(t, c); after != before {
			t.Fatalf("the other domain changed: %q -> %q", before, after)
		}
	})
	t.Run("exists_before_first_attempt", func(t *testing.T) {
		_, c := newCreateTestEnv(t)
		setUp(t, c)
		if _, _, err := c.CreateCustomDomain(context.Background(), domain("/someone-elses")); err != nil {
			t.Fatal(err)
		}
		_, err := run(c, func(f func() error) { _ = f() })
		if !fc.IsConflict(err) || errors.Is(err, errCreatedDifferently) {
			t.Fatalf("create: %v, want the API's already-exists conflict", err)
		}
	})
}
