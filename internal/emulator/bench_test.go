package emulator

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/terraform-fc/terraform-provider-fc/internal/codepkg"
	"github.com/terraform-fc/terraform-provider-fc/internal/fc"
)

// The benchmarks below send real, signed HTTP requests through this
// repository's client (internal/fc) to the emulator served by
// httptest.NewServer on 127.0.0.1, so every number includes signing, JSON
// encoding, the loopback round trip, signature verification and the
// emulator's work. The client makes no retries (MaxRetries 0): a failed call
// fails the benchmark instead of being retried inside the measurement.

// benchZip is a small code package (a few hundred bytes) and its checksum,
// sent as X-Fc-Code-Checksum like the provider does.
var benchZip, benchZipChecksum = func() (string, string) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range []struct{ name, body string }{
		{"index.py", "import json\n\n\ndef handler(event, context):\n    return json.dumps({'ok': True})\n"},
		{"util.py", "def add(a, b):\n    return a + b\n"},
	} {
		w, err := zw.Create(f.name)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), codepkg.Checksum(buf.Bytes())
}()

// benchEnv serves an emulator on 127.0.0.1 and returns it with a client
// for it. Both use the fixed test clock, so signatures never expire.
func benchEnv(b *testing.B, mutate ...func(*Options)) (*Server, *fc.Client) {
	b.Helper()
	opts := Options{
		AccessKeyID:     testKeyID,
		AccessKeySecret: testKeySecret,
		Now:             func() time.Time { return testNow },
	}
	for _, m := range mutate {
		m(&opts)
	}
	s, err := New(opts)
	if err != nil {
		b.Fatalf("New: %v", err)
	}
	ts := httptest.NewServer(s)
	b.Cleanup(ts.Close)
	client, err := fc.New(fc.Config{
		Endpoint:        ts.URL,
		AccountID:       DefaultAccountID,
		Region:          DefaultRegion,
		AccessKeyID:     testKeyID,
		AccessKeySecret: testKeySecret,
		MaxRetries:      0,
		HTTPClient:      ts.Client(),
		Now:             func() time.Time { return testNow },
	})
	if err != nil {
		b.Fatalf("fc.New: %v", err)
	}
	return s, client
}

func benchFunction(name string) *fc.Function {
	return &fc.Function{
		FunctionName: fc.Ptr(name),
		Runtime:      fc.Ptr("python3.9"),
		Handler:      fc.Ptr("index.handler"),
		MemorySize:   fc.Ptr(int64(128)),
		Timeout:      fc.Ptr(int64(3)),
		Code:         &fc.Code{ZipFile: benchZip},
	}
}

// benchSeed creates service svc with n functions fn-0 ... fn-(n-1).
func benchSeed(b *testing.B, client *fc.Client, svc string, n int) {
	b.Helper()
	ctx := context.Background()
	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr(svc)}); err != nil {
		b.Fatalf("CreateService: %v", err)
	}
	for i := range n {
		if _, _, err := client.CreateFunction(ctx, svc, benchFunction("fn-"+strconv.Itoa(i)), benchZipChecksum); err != nil {
			b.Fatalf("CreateFunction fn-%d: %v", i, err)
		}
	}
}

// BenchmarkCreateFunction measures one CreateFunction call with a small
// inline zip and its checksum header. Every write scans the state for
// unreferenced code (gcBlobs), so the cost grows with the number of
// functions; to keep the number independent of b.N the state is held
// between 100 and 200 functions: the functions created are deleted, outside
// the timer, after every 100 creations.
func BenchmarkCreateFunction(b *testing.B) {
	_, client := benchEnv(b)
	ctx := context.Background()
	const base, batch = 100, 100
	benchSeed(b, client, "svc", base)

	var pending []string
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		name := "new-" + strconv.Itoa(i)
		i++
		if _, _, err := client.CreateFunction(ctx, "svc", benchFunction(name), benchZipChecksum); err != nil {
			b.Fatalf("CreateFunction %s: %v", name, err)
		}
		pending = append(pending, name)
		if len(pending) == batch {
			b.StopTimer()
			for _, n := range pending {
				if err := client.DeleteFunction(ctx, "svc", n, ""); err != nil {
					b.Fatalf("DeleteFunction %s: %v", n, err)
				}
			}
			pending = pending[:0]
			b.StartTimer()
		}
	}
}

// BenchmarkGetFunction measures one GetFunction call of a function in a
// service of 100 functions.
func BenchmarkGetFunction(b *testing.B) {
	_, client := benchEnv(b)
	ctx := context.Background()
	benchSeed(b, client, "svc", 100)

	b.ReportAllocs()
	for b.Loop() {
		f, etag, err := client.GetFunction(ctx, "svc", "", "fn-42")
		if err != nil {
			b.Fatalf("GetFunction: %v", err)
		}
		if etag == "" || f.FunctionName == nil || *f.FunctionName != "fn-42" {
			b.Fatalf("GetFunction: etag %q, function %+v", etag, f)
		}
	}
}

// BenchmarkListFunctions1000 measures listing a service of 1000 functions
// with ListFunctions, which follows nextToken through 10 pages of 100.
func BenchmarkListFunctions1000(b *testing.B) {
	s, client := benchEnv(b)
	ctx := context.Background()
	const n = 1000
	benchSeed(b, client, "svc", n)
	s.ResetCounts()

	loops := 0
	b.ReportAllocs()
	for b.Loop() {
		loops++
		fns, err := client.ListFunctions(ctx, "svc", "", fc.ListOptions{Limit: 100})
		if err != nil {
			b.Fatalf("ListFunctions: %v", err)
		}
		if len(fns) != n {
			b.Fatalf("ListFunctions returned %d functions, want %d", len(fns), n)
		}
	}
	b.StopTimer()
	// Each listing must have taken exactly 10 requests; otherwise the number
	// above measures something else.
	if got, want := s.Counts()["ListFunctions"], 10*loops; got != want {
		b.Fatalf("ListFunctions requests = %d over %d listings, want %d (10 pages each)", got, loops, want)
	}
	b.ReportMetric(float64(n), "functions/op")
}

// BenchmarkPersistWrite measures an acknowledged write (UpdateFunction of a
// description) in a state of about 100 objects (1 service, 99 functions):
// in memory, and with StatePath, where the emulator serializes the whole
// state and saves it atomically (temporary file, fsync, rename, directory
// fsync) before answering. The difference between the two is the cost of
// persistence; with a state file it depends mostly on the file system's
// fsync. state-B is the size of the state file.
func BenchmarkPersistWrite(b *testing.B) {
	const functions = 99
	for _, bc := range []struct {
		name string
		file bool
	}{{"in-memory", false}, {"state-file", true}} {
		b.Run(bc.name, func(b *testing.B) {
			var statePath string
			var mutate []func(*Options)
			if bc.file {
				statePath = b.TempDir() + "/state.json"
				mutate = append(mutate, func(o *Options) { o.StatePath = statePath })
			}
			_, client := benchEnv(b, mutate...)
			ctx := context.Background()
			benchSeed(b, client, "svc", functions)

			last := ""
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				last = "description " + strconv.Itoa(i)
				i++
				if _, _, err := client.UpdateFunction(ctx, "svc", "fn-7", &fc.Function{Description: fc.Ptr(last)}, "", ""); err != nil {
					b.Fatalf("UpdateFunction: %v", err)
				}
			}
			b.StopTimer()
			if !bc.file {
				return
			}
			// The last acknowledged write must be on disk: a new emulator
			// loading the file sees it.
			fi, err := os.Stat(statePath)
			if err != nil {
				b.Fatalf("state file: %v", err)
			}
			b.ReportMetric(float64(fi.Size()), "state-B")
			s2, err := New(Options{StatePath: statePath})
			if err != nil {
				b.Fatalf("reloading the state: %v", err)
			}
			fn := s2.st.Services["svc"].Functions["fn-7"]
			if fn == nil || len(s2.st.Services["svc"].Functions) != functions {
				b.Fatalf("reloaded state has %d functions, fn-7 = %+v", len(s2.st.Services["svc"].Functions), fn)
			}
			if got := deref(fn.Function.Description); got != last {
				b.Fatalf("reloaded description = %q, want %q", got, last)
			}
		})
	}
}

// BenchmarkPersistWrite50x1MiB measures one acknowledged, persisted write
// (UpdateService of a description) in a state holding 50 functions with a
// 1 MiB incompressible code archive each (random bytes stored uncompressed
// in a zip). The write touches no code, so its cost shows what persistence
// pays for archives it does not change. state-B is the size of the state
// file, archive-files the number of archive files beside it.
func BenchmarkPersistWrite50x1MiB(b *testing.B) {
	const functions, codeBytes = 50, 1 << 20
	dir := b.TempDir()
	statePath := dir + "/state.json"
	_, client := benchEnv(b, func(o *Options) { o.StatePath = statePath })
	ctx := context.Background()
	if _, _, err := client.CreateService(ctx, &fc.Service{ServiceName: fc.Ptr("svc")}); err != nil {
		b.Fatalf("CreateService: %v", err)
	}
	for i := range functions {
		data := make([]byte, codeBytes)
		if _, err := rand.Read(data); err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "blob.bin", Method: zip.Store})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			b.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			b.Fatal(err)
		}
		fn := benchFunction("fn-" + strconv.Itoa(i))
		fn.Code = &fc.Code{ZipFile: base64.StdEncoding.EncodeToString(buf.Bytes())}
		if _, _, err := client.CreateFunction(ctx, "svc", fn, codepkg.Checksum(buf.Bytes())); err != nil {
			b.Fatalf("CreateFunction fn-%d: %v", i, err)
		}
	}

	last := ""
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		last = "description " + strconv.Itoa(i)
		i++
		if _, _, err := client.UpdateService(ctx, "svc", &fc.Service{Description: fc.Ptr(last)}, ""); err != nil {
			b.Fatalf("UpdateService: %v", err)
		}
	}
	b.StopTimer()
	fi, err := os.Stat(statePath)
	if err != nil {
		b.Fatalf("state file: %v", err)
	}
	b.ReportMetric(float64(fi.Size()), "state-B")
	// Before archives moved out of the state file there was no archive
	// directory: 0 files.
	entries, err := os.ReadDir(statePath + ".code")
	if err != nil && !os.IsNotExist(err) {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(entries)), "archive-files")
	// The last acknowledged write is on disk, and so is every archive.
	s2, err := New(Options{StatePath: statePath})
	if err != nil {
		b.Fatalf("reloading the state: %v", err)
	}
	svc := s2.st.Services["svc"]
	if got := deref(svc.Service.Description); got != last {
		b.Fatalf("reloaded description = %q, want %q", got, last)
	}
	if len(svc.Functions) != functions {
		b.Fatalf("reloaded state has %d functions, want %d", len(svc.Functions), functions)
	}
}
