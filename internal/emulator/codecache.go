package emulator

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// maxUnpackedCode bounds what one archive unpacks to (FC's limit for
// unzipped code is 500 MB).
const maxUnpackedCode = 512 << 20

// unpackOnce returns dir/<checksum>, unpacking data there first when it is
// not there yet. The archive is unpacked into a temporary directory that
// is renamed into place, so a directory that exists is complete. Callers
// serialize calls (invoker.cacheMu).
func unpackOnce(dir, checksum string, data []byte) (string, error) {
	if checksum == "" || strings.ContainsAny(checksum, `/\.`) {
		checksum = "sha256-" + blobRef(data)
	}
	target := filepath.Join(dir, checksum)
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		return target, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(dir, ".unpack-")
	if err != nil {
		return "", err
	}
	if err := unzip(data, tmp); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.RemoveAll(tmp)
		if fi, statErr := os.Stat(target); statErr == nil && fi.IsDir() {
			return target, nil
		}
		return "", err
	}
	return target, nil
}

// unzip extracts a zip archive into dir. Entries that would land outside
// dir (absolute paths, "..") are refused; symbolic links are skipped; the
// executable bits of files are kept.
func unzip(data []byte, dir string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("not a zip archive: %w", err)
	}
	var total int64
	for _, f := range zr.File {
		name := filepath.FromSlash(strings.TrimLeft(f.Name, "/"))
		if name == "" || name == "." {
			continue
		}
		path := filepath.Join(dir, name)
		if rel, err := filepath.Rel(dir, path); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("archive entry %q points outside the code directory", f.Name)
		}
		mode := f.Mode()
		switch {
		case mode&os.ModeSymlink != 0:
			continue
		case mode.IsDir() || strings.HasSuffix(f.Name, "/"):
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		perm := os.FileMode(0o644)
		if mode&0o111 != 0 {
			perm = 0o755
		}
		rc, err := f.Open()
		if err != nil {
			return fmt.Errorf("archive entry %q: %w", f.Name, err)
		}
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
		if err != nil {
			rc.Close()
			return err
		}
		n, err := io.Copy(out, io.LimitReader(rc, maxUnpackedCode-total+1))
		rc.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("archive entry %q: %w", f.Name, err)
		}
		total += n
		if total > maxUnpackedCode {
			return fmt.Errorf("the archive unpacks to more than %d MB", maxUnpackedCode>>20)
		}
	}
	return nil
}
