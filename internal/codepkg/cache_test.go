package codepkg

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestCacheDirSum: one directory shared by many is zipped once; a change
// to a file (content and size, or only its time) is seen; the sum is the
// one of ZipDir.
func TestCacheDirSum(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "index.py")
	if err := os.WriteFile(file, []byte("def handler(e, c):\n    return 'v1'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var c Cache
	first, err := c.DirSum(dir)
	if err != nil {
		t.Fatal(err)
	}
	for range 1000 {
		s, err := c.DirSum(dir)
		if err != nil || s != first {
			t.Fatalf("DirSum = %v, %v; want %v", s, err, first)
		}
	}
	if c.reads != 1 {
		t.Fatalf("zipped %d times for 1001 plans of one directory, want 1", c.reads)
	}
	zip, err := ZipDir(dir)
	if err != nil || first.Checksum != Checksum(zip) || first.Size != int64(len(zip)) {
		t.Fatalf("cached sum %v differs from ZipDir's (%s, %d)", first, Checksum(zip), len(zip))
	}

	if err := os.WriteFile(file, []byte("def handler(e, c):\n    return 'version 2'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := c.DirSum(dir)
	if err != nil || second == first || c.reads != 2 {
		t.Fatalf("after a change: %v (reads %d), want a new sum", second, c.reads)
	}
	// Same size, new content, new time.
	if err := os.WriteFile(file, []byte("def handler(e, c):\n    return 'version 3'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(file, later, later); err != nil {
		t.Fatal(err)
	}
	third, err := c.DirSum(dir)
	if err != nil || third == second || c.reads != 3 {
		t.Fatalf("after a same-size change: %v (reads %d), want a new sum", third, c.reads)
	}
	// A new file.
	if err := os.WriteFile(filepath.Join(dir, "util.py"), []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fourth, err := c.DirSum(dir); err != nil || fourth == third {
		t.Fatalf("after a new file: %v, %v; want a new sum", fourth, err)
	}
}

func TestCacheErrors(t *testing.T) {
	var c Cache
	if _, err := c.DirSum(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Fatal("a missing directory must be an error")
	}
	empty := t.TempDir()
	if _, err := c.DirSum(empty); err == nil {
		t.Fatal("an empty directory must be an error, as for ZipDir")
	}
	notZip := filepath.Join(t.TempDir(), "code.zip")
	if err := os.WriteFile(notZip, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ZipFileSum(notZip); err == nil {
		t.Fatal("a file that is not a zip must be an error")
	}
}
