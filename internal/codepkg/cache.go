package codepkg

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Sum is the checksum and size of a code package.
type Sum struct {
	Checksum string
	Size     int64
}

// Cache remembers the checksums of the packages of directories and zip
// files, keyed by a fingerprint of what they were read from: every file's
// path, size, modification time and mode. Plans of many functions that
// share one source_dir zip it once per provider process; a file that
// changes (size, time or mode) changes the fingerprint and is read again.
// A change that keeps all four is not seen until the process ends: the
// provider checks the package again, by its bytes, when it applies.
//
// The zero value is ready to use; it is safe for concurrent use.
type Cache struct {
	mu sync.Mutex
	m  map[string]Sum
	// reads counts the packages actually built (for tests).
	reads int
}

// Reads is how many packages the cache has built (each miss).
func (c *Cache) Reads() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reads
}

// DirSum is the Sum of ZipDir(dir).
func (c *Cache) DirSum(dir string) (Sum, error) {
	key, err := dirFingerprint(dir)
	if err != nil {
		// ZipDir reports the same problem with its own message.
		_, zerr := ZipDir(dir)
		if zerr == nil {
			zerr = err
		}
		return Sum{}, zerr
	}
	return c.sum("dir\x00"+key, func() ([]byte, error) { return ZipDir(dir) })
}

// ZipFileSum is the Sum of ReadZip(path).
func (c *Cache) ZipFileSum(path string) (Sum, error) {
	info, err := os.Stat(path)
	if err != nil {
		_, rerr := ReadZip(path)
		return Sum{}, rerr
	}
	abs, _ := filepath.Abs(path)
	key := fmt.Sprintf("zip\x00%s\x00%d\x00%d\x00%v", abs, info.Size(), info.ModTime().UnixNano(), info.Mode())
	return c.sum(key, func() ([]byte, error) { return ReadZip(path) })
}

func (c *Cache) sum(key string, read func() ([]byte, error)) (Sum, error) {
	c.mu.Lock()
	if s, ok := c.m[key]; ok {
		c.mu.Unlock()
		return s, nil
	}
	c.mu.Unlock()
	b, err := read()
	if err != nil {
		return Sum{}, err
	}
	s := Sum{Checksum: Checksum(b), Size: int64(len(b))}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]Sum{}
	}
	c.m[key] = s
	c.reads++
	c.mu.Unlock()
	return s, nil
}

// dirFingerprint walks dir as ZipDir does and hashes each file's archive
// name, size, modification time and mode.
func dirFingerprint(dir string) (string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", errors.New("not a directory")
	}
	var files []fileEntry
	if err := collect(dir, "", []visitedDir{{path: dir, info: info}}, &files); err != nil {
		return "", err
	}
	slices.SortFunc(files, func(a, b fileEntry) int { return strings.Compare(a.name, b.name) })
	abs, _ := filepath.Abs(dir)
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", abs)
	for _, f := range files {
		fi, err := os.Stat(f.abs)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%v\x00", f.name, fi.Size(), fi.ModTime().UnixNano(), fi.Mode()&fs.ModePerm)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
