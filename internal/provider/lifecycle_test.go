package provider

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/emulator"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// The branches of an ambiguous create (createByName), per object kind, with
// the resource's own namedCreate, the real client and the emulator's fault
// injection in front of the create operation.

func newCreateTestEnv(t *testing.T) (*emulator.Server, *fc.Client) {
	t.Helper()
	em, err := emulator.New(emulator.Options{AccountID: "1234567890123456", Region: "cn-hangzhou",
		AccessKeyID: "k", AccessKeySecret: "s", Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	client, err := fc.New(fc.Config{Endpoint: srv.URL, AccountID: "1234567890123456", Region: "cn-hangzhou",
		AccessKeyID: "k", AccessKeySecret: "s", MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	old := createResendBackoff
	createResendBackoff = 0
	t.Cleanup(func() { createResendBackoff = old })
	return em, client
}

// createKind is one object kind under test: how to build the create the
// resource would send, how to make a different object of the same name
// beforehand, and how to read its ETag.
type createKind struct {
	op, getOp string
	setUp     func(t *testing.T, c *fc.Client)
	run       func(ctx context.Context, c *fc.Client, wrap func(func() error)) (string, error)
	makeOther func(t *testing.T, c *fc.Client)
	etag      func(t *testing.T, c *fc.Client) string
}

func strp(s string) *string { return &s }

func createKinds(t *testing.T) map[string]createKind {
	zip, err := codepkg.ZipDir(filepath.Join("testdata", "function", "hello"))
	if err != nil {
		t.Fatal(err)
	}
	checksum := codepkg.Checksum(zip)
	function := func(desc string) *fc.Function {
		mem := int64(256)
		return &fc.Function{FunctionName: strp("fn"), Runtime: strp("python3.10"), Handler: strp("index.handler"),
			MemorySize: &mem, Description: strp(desc), Code: &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)}}
	}
	mustService := func(t *testing.T, c *fc.Client, desc string) {
		t.Helper()
		if _, _, err := c.CreateService(context.Background(), &fc.Service{ServiceName: strp("svc"), Description: strp(desc)}); err != nil {
			t.Fatal(err)
		}
	}
	withFunction := func(t *testing.T, c *fc.Client) {
		t.Helper()
		mustService(t, c, "")
		if _, _, err := c.CreateFunction(context.Background(), "svc", function("f"), checksum); err != nil {
			t.Fatal(err)
		}
	}
	trigger := func(desc string) *fc.Trigger {
		return &fc.Trigger{TriggerName: strp("tick"), TriggerType: strp("timer"), Description: strp(desc),
			TriggerConfig: fc.TriggerConfig(`{"cronExpression":"@every 5m","enable":true,"payload":"p"}`)}
	}
	alias := func(desc string) *fc.Alias {
		return &fc.Alias{AliasName: strp("prod"), VersionID: strp("1"), Description: strp(desc)}
	}
	return map[string]createKind{
		"service": {
			op:    "CreateService",
			getOp: "GetService",
			setUp: func(*testing.T, *fc.Client) {},
			run: func(ctx context.Context, c *fc.Client, wrap func(func() error)) (string, error) {
				nc := serviceCreate(c, "svc", &fc.Service{ServiceName: strp("svc"), Description: strp("planned")})
				inner := nc.create
				nc.create = func(ctx context.Context) (s *fc.Service, e string, err error) {
					wrap(func() error { s, e, err = inner(ctx); return err })
					return
				}
				_, etag, err := createByName(ctx, nc)
				return etag, err
			},
			makeOther: func(t *testing.T, c *fc.Client) { mustService(t, c, "someone else's") },
			etag: func(t *testing.T, c *fc.Client) string {
				s, etag, err := c.GetService(context.Background(), "svc", "")
				if err != nil {
					t.Fatal(err)
				}
				return etag + "|" + deref(s.Description)
			},
		},
		"alias": {
			op:    "CreateAlias",
			getOp: "GetAlias",
			setUp: func(t *testing.T, c *fc.Client) {
				withFunction(t, c)
				if _, err := c.PublishServiceVersion(context.Background(), "svc", "v1", ""); err != nil {
					t.Fatal(err)
				}
			},
			run: func(ctx context.Context, c *fc.Client, wrap func(func() error)) (string, error) {
				nc := aliasCreate(c, "svc", "prod", alias("planned"))
				inner := nc.create
				nc.create = func(ctx context.Context) (a *fc.Alias, e string, err error) {
					wrap(func() error { a, e, err = inner(ctx); return err })
					return
				}
				_, etag, err := createByName(ctx, nc)
				return etag, err
			},
			makeOther: func(t *testing.T, c *fc.Client) {
				if _, _, err := c.CreateAlias(context.Background(), "svc", alias("someone else's")); err != nil {
					t.Fatal(err)
				}
			},
			etag: func(t *testing.T, c *fc.Client) string {
				a, etag, err := c.GetAlias(context.Background(), "svc", "prod")
				if err != nil {
					t.Fatal(err)
				}
				return etag + "|" + deref(a.Description)
			},
		},
		"trigger": {
			op:    "CreateTrigger",
			getOp: "GetTrigger",
			setUp: withFunction,
			run: func(ctx context.Context, c *fc.Client, wrap func(func() error)) (string, error) {
				nc := triggerCreate(c, "svc", "fn", "tick", trigger("planned"))
				inner := nc.create
				nc.create = func(ctx context.Context) (tr *fc.Trigger, e string, err error) {
					wrap(func() error { tr, e, err = inner(ctx); return err })
					return
				}
				_, etag, err := createByName(ctx, nc)
				return etag, err
			},
			makeOther: func(t *testing.T, c *fc.Client) {
				if _, _, err := c.CreateTrigger(context.Background(), "svc", "fn", trigger("someone else's")); err != nil {
					t.Fatal(err)
				}
			},
			etag: func(t *testing.T, c *fc.Client) string {
				tr, etag, err := c.GetTrigger(context.Background(), "svc", "fn", "tick")
				if err != nil {
					t.Fatal(err)
				}
				return etag + "|" + deref(tr.Description)
			},
		},
		"function": {
			op:    "CreateFunction",
			getOp: "GetFunction",
			setUp: func(t *testing.T, c *fc.Client) { mustService(t, c, "") },
			run: func(ctx context.Context, c *fc.Client, wrap func(func() error)) (string, error) {
				nc := functionCreate(c, "svc", "fn", function("planned"), checksum)
				inner := nc.create
				nc.create = func(ctx context.Context) (f *fc.Function, e string, err error) {
					wrap(func() error { f, e, err = inner(ctx); return err })
					return
				}
				_, etag, err := createByName(ctx, nc)
				return etag, err
			},
			makeOther: func(t *testing.T, c *fc.Client) {
				if _, _, err := c.CreateFunction(context.Background(), "svc", function("someone else's"), checksum); err != nil {
					t.Fatal(err)
				}
			},
			etag: func(t *testing.T, c *fc.Client) string {
				f, etag, err := c.GetFunction(context.Background(), "svc", "", "fn")
				if err != nil {
					t.Fatal(err)
				}
				return etag + "|" + deref(f.Description)
			},
		},
	}
}

func TestCreateByName_branches(t *testing.T) {
	for kindName, kind := range createKinds(t) {
		t.Run(kindName+"/absent_resent", func(t *testing.T) {
			em, c := newCreateTestEnv(t)
			kind.setUp(t, c)
			faultOnce(t, em, kind.op, emulator.FaultUnavailable)
			calls := 0
			etag, err := kind.run(context.Background(), c, func(f func() error) {
				calls++
				_ = f()
				if calls == 1 {
					_ = em.SetFaults(emulator.FaultConfig{}) // the resend goes through
				}
			})
			if err != nil {
				t.Fatalf("create: %v", err)
			}
			if calls != 2 || em.Counts()[kind.op] != 1 {
				t.Fatalf("create sent %d times, processed %d times; want 2 and 1", calls, em.Counts()[kind.op])
			}
			if got := kind.etag(t, c); got != etag+"|planned" {
				t.Fatalf("object = %q, want ETag %q and the planned description", got, etag)
			}
		})
		t.Run(kindName+"/present_matching_adopted", func(t *testing.T) {
			em, c := newCreateTestEnv(t)
			kind.setUp(t, c)
			faultOnce(t, em, kind.op, emulator.FaultLostResponse)
			calls := 0
			etag, err := kind.run(context.Background(), c, func(f func() error) { calls++; _ = f() })
			if err != nil {
				t.Fatalf("create: %v", err)
			}
			if calls != 1 || em.Counts()[kind.op] != 1 {
				t.Fatalf("create sent %d times, processed %d times; want 1 and 1", calls, em.Counts()[kind.op])
			}
			if em.Faults().Injected[emulator.FaultLostResponse] != 1 {
				t.Fatalf("no lost response was injected: %+v", em.Faults())
			}
			if got := kind.etag(t, c); got != etag+"|planned" {
				t.Fatalf("object = %q, want ETag %q and the planned description", got, etag)
			}
		})
		t.Run(kindName+"/present_different_untouched", func(t *testing.T) {
			em, c := newCreateTestEnv(t)
			kind.setUp(t, c)
			kind.makeOther(t, c)
			before := kind.etag(t, c)
			faultOnce(t, em, kind.op, emulator.FaultUnavailable)
			_, err := kind.run(context.Background(), c, func(f func() error) { _ = f() })
			if !errors.Is(err, errCreatedDifferently) {
				t.Fatalf("create: %v, want errCreatedDifferently", err)
			}
			if after := kind.etag(t, c); after != before {
				t.Fatalf("the other object changed: %q -> %q", before, after)
			}
		})
		t.Run(kindName+"/outcome_unknown", func(t *testing.T) {
			em, c := newCreateTestEnv(t)
			kind.setUp(t, c)
			if err := em.SetFaults(emulator.FaultConfig{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultUnavailable}, Seed: 1,
				Operations: []string{kind.op, kind.getOp}}); err != nil {
				t.Fatal(err)
			}
			_, err := kind.run(context.Background(), c, func(f func() error) { _ = f() })
			if !errors.Is(err, errOutcomeUnknown) {
				t.Fatalf("create: %v, want errOutcomeUnknown", err)
			}
		})
		t.Run(kindName+"/exists_before_first_attempt", func(t *testing.T) {
			_, c := newCreateTestEnv(t)
			kind.setUp(t, c)
			kind.makeOther(t, c)
			_, err := kind.run(context.Background(), c, func(f func() error) { _ = f() })
			if !fc.IsConflict(err) || errors.Is(err, errCreatedDifferently) {
				t.Fatalf("create: %v, want the API's already-exists conflict", err)
			}
		})
	}
}

// faultOnce makes every request of operation op fail with kind (rate 1).
func faultOnce(t *testing.T, em *emulator.Server, op string, kind emulator.FaultKind) {
	t.Helper()
	if err := em.SetFaults(emulator.FaultConfig{Rate: 1, Kinds: []emulator.FaultKind{kind}, Seed: 1, Operations: []string{op}}); err != nil {
		t.Fatal(err)
	}
}

func TestSentMatches(t *testing.T) {
	mem := int64(128)
	zero := int64(0)
	for _, tc := range []struct {
		name      string
		sent, got any
		ignore    []string
		want      bool
	}{
		{"subset", &fc.Function{Description: strp("d"), MemorySize: &mem}, &fc.Function{Description: strp("d"), MemorySize: &mem, Runtime: strp("python3.10")}, nil, true},
		{"value differs", &fc.Function{Description: strp("d")}, &fc.Function{Description: strp("e")}, nil, false},
		{"sent member missing", &fc.Function{Description: strp("d")}, &fc.Function{}, nil, false},
		{"zero sent, left out by FC", &fc.Function{Description: strp(""), MemorySize: &zero}, &fc.Function{}, nil, true},
		{"ignored member", &fc.Function{Code: &fc.Code{ZipFile: "UEsF"}}, &fc.Function{}, []string{"code"}, true},
		{"not ignored", &fc.Function{Code: &fc.Code{ZipFile: "UEsF"}}, &fc.Function{}, nil, false},
		{"map", map[string]any{"env": map[string]any{"A": "1"}}, map[string]any{"env": map[string]any{"A": "1", "B": "2"}}, nil, true},
		{"list length", map[string]any{"l": []any{"a"}}, map[string]any{"l": []any{"a", "b"}}, nil, false},
		{"list elements", map[string]any{"l": []any{"a", "b"}}, map[string]any{"l": []any{"a", "b"}}, nil, true},
		{"empty map, left out", map[string]any{"m": map[string]any{}}, map[string]any{}, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sentMatches(tc.sent, tc.got, tc.ignore...); got != tc.want {
				t.Errorf("sentMatches = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCreateByName_versionPublish: the branches of an ambiguous publish,
// which has no name to read back by (versionPublish).
func TestCreateByName_versionPublish(t *testing.T) {
	zip, err := codepkg.ZipDir(filepath.Join("testdata", "function", "hello"))
	if err != nil {
		t.Fatal(err)
	}
	setUp := func(t *testing.T, c *fc.Client, desc string) {
		t.Helper()
		ctx := context.Background()
		if _, _, err := c.CreateService(ctx, &fc.Service{ServiceName: strp("svc")}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.CreateFunction(ctx, "svc", &fc.Function{FunctionName: strp("fn"), Runtime: strp("python3.10"),
			Handler: strp("index.handler"), Description: strp(desc), Code: &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(zip)}},
			codepkg.Checksum(zip)); err != nil {
			t.Fatal(err)
		}
	}
	versions := func(t *testing.T, c *fc.Client) []fc.Version {
		t.Helper()
		v, err := c.ListServiceVersions(context.Background(), "svc", fc.VersionListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	publish := func(c *fc.Client) (*fc.Version, error) {
		v, _, err := createByName(context.Background(), versionPublish(c, "svc", "planned", time.Now()))
		return v, err
	}

	t.Run("absent_resent", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c, "")
		faultOnce(t, em, "PublishServiceVersion", emulator.FaultUnavailable)
		// The first attempt fails unprocessed; the list finds nothing; the
		// resend (faults off by then) publishes.
		nc := versionPublish(c, "svc", "planned", time.Now())
		inner, calls := nc.create, 0
		nc.create = func(ctx context.Context) (*fc.Version, string, error) {
			calls++
			v, e, err := inner(ctx)
			_ = em.SetFaults(emulator.FaultConfig{})
			return v, e, err
		}
		v, _, err := createByName(context.Background(), nc)
		if err != nil || calls != 2 || deref(v.VersionID) != "1" {
			t.Fatalf("publish: %v, version %v, %d attempts; want version 1 after 2 attempts", err, v, calls)
		}
		if n := len(versions(t, c)); n != 1 {
			t.Fatalf("%d versions, want 1", n)
		}
	})
	t.Run("present_matching_adopted", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c, "")
		faultOnce(t, em, "PublishServiceVersion", emulator.FaultLostResponse)
		v, err := publish(c)
		if err != nil || deref(v.VersionID) != "1" {
			t.Fatalf("publish: %v, version %v; want version 1 adopted", err, v)
		}
		if n := len(versions(t, c)); n != 1 || em.Counts()["PublishServiceVersion"] != 1 {
			t.Fatalf("%d versions, %d publishes processed; want 1 and 1", n, em.Counts()["PublishServiceVersion"])
		}
	})
	t.Run("present_ambiguous_untouched", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c, "")
		// Someone else just published a version with the same description.
		if _, err := c.PublishServiceVersion(context.Background(), "svc", "planned", ""); err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.UpdateFunction(context.Background(), "svc", "fn", &fc.Function{Description: strp("changed")}, "", ""); err != nil {
			t.Fatal(err)
		}
		faultOnce(t, em, "PublishServiceVersion", emulator.FaultLostResponse)
		if _, err := publish(c); !errors.Is(err, errCreatedDifferently) {
			t.Fatalf("publish: %v, want errCreatedDifferently (two versions match)", err)
		}
		if n := len(versions(t, c)); n != 2 {
			t.Fatalf("%d versions, want both kept", n)
		}
	})
	t.Run("outcome_unknown", func(t *testing.T) {
		em, c := newCreateTestEnv(t)
		setUp(t, c, "")
		if err := em.SetFaults(emulator.FaultConfig{Rate: 1, Kinds: []emulator.FaultKind{emulator.FaultUnavailable}, Seed: 1,
			Operations: []string{"PublishServiceVersion", "ListServiceVersions"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := publish(c); !errors.Is(err, errOutcomeUnknown) {
			t.Fatalf("publish: %v, want errOutcomeUnknown", err)
		}
	})
}
