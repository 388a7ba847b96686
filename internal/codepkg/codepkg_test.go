package codepkg

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"hash/crc64"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// tree is a small function code directory: slash path -> content.
var tree = map[string]string{
	"index.py":                  "def handler(event, context):\n    return 'hello'\n",
	"requirements.txt":          "requests==2.31.0\n",
	"lib/util.py":               "X = 1\n",
	"lib/util-extra.py":         "Y = 2\n", // '-' sorts before '/', so "lib/util-extra.py" < "lib/util.py"
	"lib-b/z.py":                "",        // empty files are files too
	"a/b/c/deep.json":           `{"deep":true}`,
	"static/logo.svg":           strings.Repeat("<svg/>", 100),
	"UPPER.md":                  "# upper sorts before lower\n",
	"name with spaces.txt":      "spaces\n",
	"node_modules/.bin/.hidden": "hidden\n",
}

var wantNames = []string{
	"UPPER.md",
	"a/b/c/deep.json",
	"index.py",
	"lib-b/z.py",
	"lib/util-extra.py",
	"lib/util.py",
	"name with spaces.txt",
	"node_modules/.bin/.hidden",
	"requirements.txt",
	"static/logo.svg",
}

// writeTree writes files under dir in the given order, each with its own
// modification time.
func writeTree(t testing.TB, dir string, files map[string]string, order []string, mtime time.Time) {
	t.Helper()
	for i, name := range order {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		when := mtime.Add(time.Duration(i) * time.Hour)
		if err := os.Chtimes(p, when, when); err != nil {
			t.Fatal(err)
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func mustZipDir(t *testing.T, dir string) []byte {
	t.Helper()
	b, err := ZipDir(dir)
	if err != nil {
		t.Fatalf("ZipDir(%q): %v", dir, err)
	}
	return b
}

func openZip(t *testing.T, b []byte) *zip.Reader {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	return r
}

func TestZipDirDeterministic(t *testing.T) {
	t.Parallel()
	order := sortedKeys(tree)
	reversed := slices.Clone(order)
	slices.Reverse(reversed)

	a, b := t.TempDir(), t.TempDir()
	writeTree(t, a, tree, order, time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC))
	writeTree(t, b, tree, reversed, time.Date(2024, 7, 8, 9, 10, 11, 0, time.FixedZone("X", 5*3600)))

	first := mustZipDir(t, a)
	if again := mustZipDir(t, a); !bytes.Equal(first, again) {
		t.Error("two calls on the same tree differ")
	}
	if other := mustZipDir(t, b); !bytes.Equal(first, other) {
		t.Errorf("same tree with other mtimes and creation order differs: checksum %s vs %s", Checksum(first), Checksum(other))
	}

	// Touching a file and its directory changes nothing either.
	later := time.Now().Add(time.Hour)
	for _, p := range []string{filepath.Join(a, "index.py"), filepath.Join(a, "lib")} {
		if err := os.Chtimes(p, later, later); err != nil {
			t.Fatal(err)
		}
	}
	if touched := mustZipDir(t, a); !bytes.Equal(first, touched) {
		t.Error("touching files changed the archive")
	}
}

func TestZipDirContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeTree(t, dir, tree, sortedKeys(tree), time.Now())
	b := mustZipDir(t, dir)

	r := openZip(t, b)
	if r.Comment != "" {
		t.Errorf("archive comment = %q", r.Comment)
	}
	var names []string
	epoch := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range r.File {
		names = append(names, f.Name)
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want Deflate", f.Name, f.Method)
		}
		if !f.Modified.Equal(epoch) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, epoch)
		}
		if len(f.Extra) != 0 {
			t.Errorf("%s: extra field %x", f.Name, f.Extra)
		}
		if f.Comment != "" {
			t.Errorf("%s: comment %q", f.Name, f.Comment)
		}
		if got := f.Mode(); got != 0o644 {
			t.Errorf("%s: mode %v, want -rw-r--r--", f.Name, got)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if string(content) != tree[f.Name] {
			t.Errorf("%s: content %q, want %q", f.Name, content, tree[f.Name])
		}
	}
	if !slices.Equal(names, wantNames) {
		t.Errorf("entries:\n got %q\nwant %q", names, wantNames)
	}
	// The local headers carry no extra fields either (the reader above only
	// shows the central directory's): the extended-timestamp ID 0x5455
	// ("UT") must appear nowhere.
	if bytes.Contains(b, []byte("UT\x05\x00")) {
		t.Error("archive contains an extended-timestamp extra field")
	}
}

func TestZipDirChangesShowInChecksum(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	writeTree(t, base, tree, sortedKeys(tree), time.Now())
	want := Checksum(mustZipDir(t, base))

	mutations := map[string]func(t *testing.T, dir string){
		"one byte changed": func(t *testing.T, dir string) {
			writeFile(t, dir, "lib/util.py", "X = 2\n")
		},
		"file added": func(t *testing.T, dir string) {
			writeFile(t, dir, "new.py", "")
		},
		"file removed": func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "requirements.txt")); err != nil {
				t.Fatal(err)
			}
		},
		"file renamed": func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "index.py"), filepath.Join(dir, "main.py")); err != nil {
				t.Fatal(err)
			}
		},
		"file moved to another directory": func(t *testing.T, dir string) {
			if err := os.Rename(filepath.Join(dir, "lib", "util.py"), filepath.Join(dir, "lib-b", "util.py")); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, mutate := range mutations {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeTree(t, dir, tree, sortedKeys(tree), time.Now())
			mutate(t, dir)
			if got := Checksum(mustZipDir(t, dir)); got == want {
				t.Errorf("checksum unchanged (%s)", got)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestZipDirErrors(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	empty := filepath.Join(root, "empty")
	onlyDirs := filepath.Join(root, "only-dirs")
	file := filepath.Join(root, "file.zip")
	for _, d := range []string{empty, filepath.Join(onlyDirs, "a", "b"), filepath.Join(onlyDirs, "c")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, root, "file.zip", "x")

	tests := map[string]struct {
		dir  string
		want []string
	}{
		"missing":          {filepath.Join(root, "missing"), []string{filepath.Join(root, "missing"), "does not exist"}},
		"empty":            {empty, []string{empty, "contains no files"}},
		"only directories": {onlyDirs, []string{onlyDirs, "contains no files"}},
		"a file":           {file, []string{file, "not a directory"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b, err := ZipDir(tt.dir)
			if err == nil {
				t.Fatalf("want an error, got %d bytes", len(b))
			}
			for _, s := range tt.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestReadZip(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeTree(t, src, tree, sortedKeys(tree), time.Now())
	archive := mustZipDir(t, src)

	dir := t.TempDir()
	good := filepath.Join(dir, "code.zip")
	notZip := filepath.Join(dir, "code.txt")
	emptyFile := filepath.Join(dir, "empty.zip")
	truncated := filepath.Join(dir, "truncated.zip")
	for p, content := range map[string][]byte{good: archive, notZip: []byte("hello"), emptyFile: nil, truncated: archive[:len(archive)/2]} {
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	got, err := ReadZip(good)
	if err != nil {
		t.Fatalf("ReadZip: %v", err)
	}
	if !bytes.Equal(got, archive) {
		t.Error("ReadZip did not return the file's bytes")
	}

	for name, p := range map[string]string{"not a zip": notZip, "empty": emptyFile, "truncated": truncated, "missing": filepath.Join(dir, "missing.zip"), "a directory": dir} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := ReadZip(p); err == nil || !strings.Contains(err.Error(), p) {
				t.Errorf("ReadZip(%q) error = %v, want one naming the path", p, err)
			}
		})
	}
}

func TestDecodeZipBase64(t *testing.T) {
	t.Parallel()
	src := t.TempDir()
	writeTree(t, src, tree, sortedKeys(tree), time.Now())
	archive := mustZipDir(t, src)
	enc := base64.StdEncoding.EncodeToString(archive)

	for name, s := range map[string]string{
		"plain":              enc,
		"surrounding spaces": "  \n\t" + enc + "\r\n ",
		"trailing newline":   enc + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := DecodeZipBase64(s)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, archive) {
				t.Error("decoded bytes differ")
			}
		})
	}

	for name, tt := range map[string]struct{ in, want string }{
		"empty":           {"", "not a zip"},
		"not base64":      {"%%%not base64%%%", "base64"},
		"missing padding": {strings.TrimRight(base64.StdEncoding.EncodeToString([]byte("ab")), "="), "base64"},
		"not a zip":       {base64.StdEncoding.EncodeToString([]byte("hello, world")), "not a zip"},
		"raw zip bytes":   {string(archive), "base64"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, err := DecodeZipBase64(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestChecksum(t *testing.T) {
	t.Parallel()
	// The published check value of CRC-64/XZ (reflected ECMA-182 polynomial,
	// init and xorout all ones) for "123456789" is 0x995DC9BBDF1939FA.
	if got, want := Checksum([]byte("123456789")), "11051210869376104954"; got != want {
		t.Errorf("Checksum(123456789) = %s, want %s", got, want)
	}
	if got := Checksum(nil); got != "0" {
		t.Errorf("Checksum(nil) = %s, want 0", got)
	}

	table := crc64.MakeTable(crc64.ECMA)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 7, 64, 4096, 100_003} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		h := crc64.New(table)
		h.Write(b)
		want := h.Sum64()
		if want != crc64.Checksum(b, table) {
			t.Fatal("hash/crc64 disagrees with itself")
		}
		got := Checksum(b)
		if got != formatUint(want) {
			t.Errorf("len %d: Checksum = %s, want %d", n, got, want)
		}
		b[n/2] ^= 1
		if Checksum(b) == got {
			t.Errorf("len %d: flipping one bit kept checksum %s", n, got)
		}
	}
}

func formatUint(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

func BenchmarkZipDir(b *testing.B) {
	dir := b.TempDir()
	rng := rand.New(rand.NewPCG(3, 4))
	const files, size = 200, 4 << 10
	words := []string{"def ", "return ", "import ", "self", "(", ")", ":\n", "    ", "x", "y", "= ", "'abc'", "# comment\n"}
	for i := range files {
		var sb strings.Builder
		for sb.Len() < size {
			sb.WriteString(words[rng.IntN(len(words))])
		}
		name := filepath.Join(dir, "pkg"+string(rune('a'+i%10)), "mod"+formatUint(uint64(i))+".py")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(sb.String()[:size]), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(files * size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ZipDir(dir); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChecksum(b *testing.B) {
	data := make([]byte, 1<<20)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range data {
		data[i] = byte(rng.Uint32())
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Checksum(data)
	}
}

// TestZipDirBoundsConcurrentCompressions: with every slot taken, ZipDir
// waits for one to free instead of building another Deflate encoder; an
// apply of many functions then holds at most 2*GOMAXPROCS of them (see
// zipSlots).
func TestZipDirBoundsConcurrentCompressions(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, tree, sortedKeys(tree), time.Now())
	for range cap(zipSlots) {
		zipSlots <- struct{}{}
	}
	done := make(chan error, 1)
	go func() {
		_, err := ZipDir(dir)
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("ZipDir returned (err %v) while all %d compression slots were taken", err, cap(zipSlots))
	case <-time.After(200 * time.Millisecond):
	}
	<-zipSlots // free one slot
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for range cap(zipSlots) - 1 {
		<-zipSlots
	}
}

// BenchmarkZipDirConcurrent zips one small directory from ten goroutines at
// once, as an apply with -parallelism=10 of functions sharing a source_dir
// does, and reports the peak of the heap in use (peak-heap-KiB).
func BenchmarkZipDirConcurrent(b *testing.B) {
	dir := b.TempDir()
	writeTree(b, dir, tree, sortedKeys(tree), time.Now())
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
		}
	}()
	b.ReportAllocs()
	b.SetParallelism(10)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ZipDir(dir); err != nil {
				b.Error(err)
				return
			}
		}
	})
	close(stop)
	<-sampled
	b.ReportMetric(float64(peak.Load()>>10), "peak-heap-KiB")
}
