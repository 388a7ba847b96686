// Package codepkg builds and checks function code packages: deterministic
// zip archives of a local directory, local or base64 zip files, and FC's
// CRC-64 code checksum.
//
// ZipDir's output depends only on the relative paths, contents and owner
// execute bits of the files, so the checksum of a directory stays the same
// across machines, checkouts and touches. It does depend on the Deflate
// encoder of the Go toolchain that built the provider; compress/flate's
// output has been stable for years but is not guaranteed across releases.
package codepkg

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"hash/crc64"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

const (
	// dosDate1980 is 1980-01-01 in MS-DOS date format
	// ((year-1980)<<9 | month<<5 | day), the earliest date a zip can hold.
	dosDate1980 uint16 = 0<<9 | 1<<5 | 1
	// dosTimeMidnight is 00:00:00 in MS-DOS time format.
	dosTimeMidnight uint16 = 0

	modeFile       fs.FileMode = 0o644
	modeExecutable fs.FileMode = 0o755
)

var ecmaTable = crc64.MakeTable(crc64.ECMA)

// zipSlots bounds how many archives ZipDir builds at once to twice the
// number of CPUs (enough to overlap reading the files with compressing).
// Each holds a Deflate encoder of about 1 MB (archive/zip pools them), and
// an apply of many functions builds -parallelism of them at a time;
// compressing is CPU-bound, so more at once only costs memory.
var zipSlots = make(chan struct{}, 2*runtime.GOMAXPROCS(0))

// Checksum returns FC's code checksum of b: the decimal CRC-64 with the ECMA
// polynomial as computed by hash/crc64 (the CRC-64/XZ variant), as FC
// reports it in codeChecksum.
func Checksum(b []byte) string {
	return strconv.FormatUint(crc64.Checksum(b, ecmaTable), 10)
}

// ReadZip reads the zip archive at path and checks that it is one.
func ReadZip(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading zip file %q: %w", path, err)
	}
	if err := checkZip(b); err != nil {
		return nil, fmt.Errorf("file %q is not a zip archive: %w", path, err)
	}
	return b, nil
}

// DecodeZipBase64 decodes s, standard base64 with optional surrounding
// whitespace, and checks that the result is a zip archive.
func DecodeZipBase64(s string) ([]byte, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("decoding base64 zip file: %w", err)
	}
	if err := checkZip(b); err != nil {
		return nil, fmt.Errorf("decoded base64 is not a zip archive: %w", err)
	}
	return b, nil
}

func checkZip(b []byte) error {
	_, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	return err
}

type fileEntry struct {
	name string // slash-separated path relative to the root
	abs  string // path on disk (through any symlinks)
	mode fs.FileMode
}

type visitedDir struct {
	path string
	info fs.FileInfo
}

// ZipDir returns a deterministic zip archive of every regular file under
// dir. Entries are named by their slash-separated path relative to dir and
// sorted by that name; directories get no entries of their own. Every entry
// is Deflate-compressed, dated 1980-01-01 00:00:00 and given mode 0644, or
// 0755 when the owner may execute the file; no extra fields or comments are
// written. Symbolic links are followed, to files and to directories; a link
// that dangles or leads back to one of its ancestor directories is an error.
// Sockets, pipes and devices are skipped. It is an error if dir is missing,
// is not a directory, or holds no regular file.
func ZipDir(dir string) ([]byte, error) {
	info, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("code directory %q does not exist", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("reading code directory %q: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("code directory %q is not a directory", dir)
	}

	var files []fileEntry
	if err := collect(dir, "", []visitedDir{{path: dir, info: info}}, &files); err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("code directory %q contains no files", dir)
	}
	slices.SortFunc(files, func(a, b fileEntry) int { return strings.Compare(a.name, b.name) })

	zipSlots <- struct{}{}
	defer func() { <-zipSlots }()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		if err := addFile(zw, f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zipping code directory %q: %w", dir, err)
	}
	return buf.Bytes(), nil
}

// collect appends the regular files under absDir to out, following symbolic
// links. ancestors are the directories on the current path, root first.
func collect(absDir, rel string, ancestors []visitedDir, out *[]fileEntry) error {
	entries, err := os.ReadDir(absDir)
	if err != nil {
		return fmt.Errorf("reading directory %q: %w", absDir, err)
	}
	for _, e := range entries {
		abs := filepath.Join(absDir, e.Name())
		name := path.Join(rel, e.Name())
		info, err := os.Stat(abs) // follows symbolic links
		if err != nil {
			return fmt.Errorf("reading %q: %w", abs, err)
		}
		switch {
		case info.Mode().IsRegular():
			mode := modeFile
			if info.Mode().Perm()&0o100 != 0 {
				mode = modeExecutable
			}
			*out = append(*out, fileEntry{name: name, abs: abs, mode: mode})
		case info.IsDir():
			for _, a := range ancestors {
				if os.SameFile(a.info, info) {
					return fmt.Errorf("symbolic link cycle: %q leads back to %q", abs, a.path)
				}
			}
			if err := collect(abs, name, append(ancestors, visitedDir{path: abs, info: info}), out); err != nil {
				return err
			}
		}
	}
	return nil
}

func addFile(zw *zip.Writer, f fileEntry) error {
	fh := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
	// Leaving Modified zero and setting the MS-DOS fields keeps
	// archive/zip from adding an extended-timestamp extra field.
	fh.ModifiedDate = dosDate1980     //nolint:staticcheck // deliberate, see above
	fh.ModifiedTime = dosTimeMidnight //nolint:staticcheck // deliberate, see above
	fh.SetMode(f.mode)

	src, err := os.Open(f.abs)
	if err != nil {
		return fmt.Errorf("reading %q: %w", f.abs, err)
	}
	defer src.Close()
	w, err := zw.CreateHeader(fh)
	if err != nil {
		return fmt.Errorf("zipping %q: %w", f.abs, err)
	}
	if _, err := io.Copy(w, src); err != nil {
		return fmt.Errorf("zipping %q: %w", f.abs, err)
	}
	return nil
}
