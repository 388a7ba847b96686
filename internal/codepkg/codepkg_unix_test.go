//go:build unix

package codepkg

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestZipDirModes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	perms := map[string]fs.FileMode{
		"plain":        0o644,
		"private":      0o600,
		"readonly":     0o444,
		"script.sh":    0o755,
		"owner-exec":   0o700,
		"owner-only-x": 0o744,
		"group-exec":   0o654, // group and others may execute, the owner may not
		"bootstrap":    0o775,
	}
	want := map[string]fs.FileMode{
		"plain": 0o644, "private": 0o644, "readonly": 0o644, "group-exec": 0o644,
		"script.sh": 0o755, "owner-exec": 0o755, "owner-only-x": 0o755, "bootstrap": 0o755,
	}
	for name, perm := range perms {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, perm); err != nil { // not subject to umask
			t.Fatal(err)
		}
	}
	r := openZip(t, mustZipDir(t, dir))
	if len(r.File) != len(want) {
		t.Fatalf("%d entries, want %d", len(r.File), len(want))
	}
	for _, f := range r.File {
		if got := f.Mode(); got != want[f.Name] {
			t.Errorf("%s (source %v): mode %v, want %v", f.Name, perms[f.Name], got, want[f.Name])
		}
		if f.CreatorVersion>>8 != 3 {
			t.Errorf("%s: creator OS %d, want 3 (Unix) so modes are honored", f.Name, f.CreatorVersion>>8)
		}
	}
}

func TestZipDirSymlinks(t *testing.T) {
	t.Parallel()
	outside := t.TempDir()
	writeFile(t, outside, "shared/helper.py", "shared\n")
	writeFile(t, outside, "config.json", "{}")
	if err := os.Chmod(filepath.Join(outside, "config.json"), 0o755); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	writeFile(t, dir, "index.py", "main\n")
	writeFile(t, dir, "lib/a.py", "a\n")
	symlink(t, filepath.Join(outside, "config.json"), filepath.Join(dir, "config.json"))
	symlink(t, "a.py", filepath.Join(dir, "lib", "b.py"))                      // relative, to a file
	symlink(t, filepath.Join(outside, "shared"), filepath.Join(dir, "shared")) // to a directory
	symlink(t, "lib", filepath.Join(dir, "lib2"))                              // a second path to the same directory is not a cycle

	r := openZip(t, mustZipDir(t, dir))
	got := map[string]string{}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		got[f.Name] = string(b)
		if f.Name == "config.json" && f.Mode() != 0o755 {
			t.Errorf("config.json: mode %v, want the target's 0755", f.Mode())
		}
	}
	wantNames := []string{"config.json", "index.py", "lib/a.py", "lib/b.py", "lib2/a.py", "lib2/b.py", "shared/helper.py"}
	if !slices.Equal(names, wantNames) {
		t.Errorf("entries:\n got %q\nwant %q", names, wantNames)
	}
	for name, content := range map[string]string{"config.json": "{}", "lib/b.py": "a\n", "lib2/a.py": "a\n", "shared/helper.py": "shared\n"} {
		if got[name] != content {
			t.Errorf("%s: content %q, want %q", name, got[name], content)
		}
	}
}

func TestZipDirSymlinkErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		setup func(t *testing.T, dir string) string // returns the path the error must name
		want  string
	}{
		"cycle to the root": {
			setup: func(t *testing.T, dir string) string {
				writeFile(t, dir, "a/f.py", "")
				symlink(t, "..", filepath.Join(dir, "a", "up"))
				return filepath.Join(dir, "a", "up")
			},
			want: "cycle",
		},
		"cycle to itself through two links": {
			setup: func(t *testing.T, dir string) string {
				writeFile(t, dir, "x/f.py", "")
				writeFile(t, dir, "y/g.py", "")
				symlink(t, filepath.Join(dir, "y"), filepath.Join(dir, "x", "to-y"))
				symlink(t, filepath.Join(dir, "x"), filepath.Join(dir, "y", "to-x"))
				return filepath.Join(dir, "x", "to-y", "to-x")
			},
			want: "cycle",
		},
		"link loop": {
			setup: func(t *testing.T, dir string) string {
				writeFile(t, dir, "f.py", "")
				symlink(t, "loop-b", filepath.Join(dir, "loop-a"))
				symlink(t, "loop-a", filepath.Join(dir, "loop-b"))
				return filepath.Join(dir, "loop-a")
			},
			want: "too many levels of symbolic links",
		},
		"dangling": {
			setup: func(t *testing.T, dir string) string {
				writeFile(t, dir, "f.py", "")
				symlink(t, "nowhere", filepath.Join(dir, "broken"))
				return filepath.Join(dir, "broken")
			},
			want: "no such file",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			p := tt.setup(t, dir)
			_, err := ZipDir(dir)
			if err == nil {
				t.Fatal("want an error")
			}
			for _, s := range []string{p, tt.want} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestZipDirRootIsSymlink(t *testing.T) {
	t.Parallel()
	target := t.TempDir()
	writeFile(t, target, "f.py", "x")
	link := filepath.Join(t.TempDir(), "code")
	symlink(t, target, link)
	if got, want := Checksum(mustZipDir(t, link)), Checksum(mustZipDir(t, target)); got != want {
		t.Errorf("through the link %s, direct %s", got, want)
	}
}

func TestZipDirSkipsSpecialFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir, "f.py", "x")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	r := openZip(t, mustZipDir(t, dir)) // would block on the pipe if it were read
	if len(r.File) != 1 || r.File[0].Name != "f.py" {
		t.Errorf("entries %v, want only f.py", r.File)
	}

	onlyPipe := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(onlyPipe, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ZipDir(onlyPipe); err == nil || !strings.Contains(err.Error(), "contains no files") {
		t.Errorf("error = %v, want contains no files", err)
	}
}

func TestZipDirUnreadable(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root can read any file")
	}
	dir := t.TempDir()
	writeFile(t, dir, "secret.py", "x")
	p := filepath.Join(dir, "secret.py")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := ZipDir(dir); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("error = %v, want one naming %s", err, p)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}
