package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// The Terraform Registry reads terraform-registry-manifest.json from the
// release (as terraform-provider-fc_X.Y.Z_manifest.json): format version 1
// and the plugin protocol versions the binary serves, which must be the one
// main.go serves. tfplugindocs validate checks docs/, not this file.
func TestRegistryManifest(t *testing.T) {
	b, err := os.ReadFile("terraform-registry-manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Version  int `json:"version"`
		Metadata struct {
			ProtocolVersions []string `json:"protocol_versions"`
		} `json:"metadata"`
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("terraform-registry-manifest.json: %v", err)
	}
	if m.Version != 1 {
		t.Errorf("manifest version %d, want 1", m.Version)
	}
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	served := regexp.MustCompile(`ProtocolVersion:\s*(\d+)`).FindSubmatch(src)
	if served == nil {
		t.Fatal("main.go: no ProtocolVersion in ServeOpts")
	}
	want := string(served[1]) + ".0"
	if len(m.Metadata.ProtocolVersions) != 1 || m.Metadata.ProtocolVersions[0] != want {
		t.Errorf("manifest protocol_versions %v, main.go serves protocol %s", m.Metadata.ProtocolVersions, want)
	}
}

// What the release needs of .goreleaser.yml beyond what `goreleaser check`
// checks (make release-check): the Registry's names for the provider's
// archives, checksum file and manifest, the signature over the checksums,
// and the emulator built and archived beside the provider.
func TestGoreleaserConfig(t *testing.T) {
	b, err := os.ReadFile(".goreleaser.yml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := string(b)
	for _, want := range []string{
		"project_name: terraform-provider-fc",
		`binary: "{{ .ProjectName }}_v{{ .Version }}"`,
		`name_template: "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}"`,
		`name_template: "{{ .ProjectName }}_{{ .Version }}_SHA256SUMS"`,
		`name_template: "{{ .ProjectName }}_{{ .Version }}_manifest.json"`,
		"- glob: terraform-registry-manifest.json",
		"artifacts: checksum",
		"--detach-sign",
		"main: ./tools/fc-emulator",
		"binary: fc-emulator",
		`name_template: "fc-emulator_{{ .Version }}_{{ .Os }}_{{ .Arch }}"`,
		"ids: [fc-emulator]",
		"ids: [terraform-provider-fc]",
	} {
		if !strings.Contains(cfg, want) {
			t.Errorf(".goreleaser.yml lacks %q", want)
		}
	}
}

// CHANGELOG.md follows the layout HashiCorp's providers use (and the
// release notes are cut from): "## X.Y.Z (Unreleased)" or "## X.Y.Z
// (Month D, YYYY)" headings, sections in upper case ending in ':', and
// entries as "* " lines.
func TestChangelogFormat(t *testing.T) {
	b, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile(`^## \d+\.\d+\.\d+ \((Unreleased|(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})\)$`)
	section := regexp.MustCompile(`^(BREAKING CHANGES|NOTES|FEATURES|ENHANCEMENTS|BUG FIXES):$`)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if !heading.MatchString(lines[0]) {
		t.Fatalf("first line %q is not a release heading", lines[0])
	}
	for i, line := range lines {
		switch {
		case line == "", heading.MatchString(line), section.MatchString(line), strings.HasPrefix(line, "* "):
		default:
			t.Errorf("CHANGELOG.md:%d: %q is neither a heading, a section, an entry nor empty", i+1, line)
		}
	}
}
