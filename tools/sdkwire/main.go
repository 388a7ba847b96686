// Command sdkwire reads the official FC 2021-04-06 Go SDK
// (github.com/alibabacloud-go/fc-open-20210406/v2) from the Go module cache
// and writes two tables into internal/fc/testdata, stamped with the SDK
// version they came from:
//
//   - sdk_operations.json: for every operation its action, method, path
//     template, query parameters and whether (and which) body it sends;
//   - sdk_fields.json: for every SDK model struct its JSON field names.
//
// The tests of internal/fc hold the client's wire and its models' json tags
// against them. The command parses the SDK's client/client.go with go/ast
// and needs no network when the module is in the cache; the SDK is a test
// dependency of this module (internal/emulator drives it in
// sdk_conformance_2021_test.go), so `go mod download` fetches it.
// Run it by hand or with `go generate ./internal/fc`; the output is
// committed, and `make test` does not run it.
//
// Usage:
//
//	go run ./tools/sdkwire [-sdk DIR | -version v2.0.12] [-out internal/fc/testdata]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Module is the SDK's module path.
const Module = "github.com/alibabacloud-go/fc-open-20210406/v2"

// DefaultVersion is the SDK version the committed tables come from.
const DefaultVersion = "v2.0.12"

// sourceFile is the file, inside the module, that the tables are read from.
const sourceFile = "client/client.go"

// OperationsFile and FieldsFile are the output file names.
const (
	OperationsFile = "sdk_operations.json"
	FieldsFile     = "sdk_fields.json"
)

// Header stamps both tables.
type Header struct {
	GeneratedBy string `json:"generatedBy"`
	Module      string `json:"module"`
	Version     string `json:"version"`
	Source      string `json:"source"`
}

// OperationsTable is the content of sdk_operations.json.
type OperationsTable struct {
	Header
	Operations []Operation `json:"operations"`
}

// FieldsTable is the content of sdk_fields.json.
type FieldsTable struct {
	Header
	Structs []Struct `json:"structs"`
}

func main() {
	sdkDir := flag.String("sdk", "", "directory of the SDK module (default: $(go env GOMODCACHE)/"+Module+"@VERSION)")
	version := flag.String("version", DefaultVersion, "SDK version; taken from the directory name when -sdk ends in @VERSION")
	out := flag.String("out", "testdata", "directory to write "+OperationsFile+" and "+FieldsFile+" into")
	flag.Parse()
	if err := run(*sdkDir, *version, *out); err != nil {
		fmt.Fprintln(os.Stderr, "sdkwire:", err)
		os.Exit(1)
	}
}

func run(sdkDir, version, out string) error {
	if sdkDir == "" {
		cache, err := goModCache()
		if err != nil {
			return err
		}
		sdkDir = filepath.Join(cache, filepath.FromSlash(Module)+"@"+version)
	} else if _, v, ok := strings.Cut(filepath.Base(sdkDir), "@"); ok {
		version = v
	}
	src, err := os.ReadFile(filepath.Join(sdkDir, filepath.FromSlash(sourceFile)))
	if err != nil {
		return fmt.Errorf("reading the SDK (download it with `go mod download %s@%s`): %w", Module, version, err)
	}
	ops, fields, err := generate(src, version)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, OperationsFile), ops, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, FieldsFile), fields, 0o644)
}

// generate returns the two tables, encoded, for the SDK source src.
func generate(src []byte, version string) (ops, fields []byte, err error) {
	operations, structs, err := parseSDK(sourceFile, src)
	if err != nil {
		return nil, nil, err
	}
	h := Header{
		GeneratedBy: "go run ./tools/sdkwire; DO NOT EDIT",
		Module:      Module,
		Version:     version,
		Source:      sourceFile,
	}
	if ops, err = encode(OperationsTable{Header: h, Operations: operations}); err != nil {
		return nil, nil, err
	}
	if fields, err = encode(FieldsTable{Header: h, Structs: structs}); err != nil {
		return nil, nil, err
	}
	return ops, fields, nil
}

func encode(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// goModCache returns `go env GOMODCACHE`.
func goModCache() (string, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("go", "env", "GOMODCACHE")
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMODCACHE: %w: %s", err, stderr.String())
	}
	dir := strings.TrimSpace(string(b))
	if dir == "" {
		return "", errors.New("go env GOMODCACHE is empty")
	}
	return dir, nil
}
