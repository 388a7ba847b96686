#!/usr/bin/env bash
# Prints the absolute path of an OpenTofu CLI for `make test-tofu`, building
# OpenTofu (pinned below) from source into ./bin/tofu when it is not there
# yet. The source comes through the Go module proxy (`go mod download`); the
# module cache is read-only, so it is copied to a temporary directory and
# built there (about 4 minutes on 2 cores, once). Progress goes to stderr;
# stdout carries only the path. Nothing is downloaded from release sites, and
# this repository's go.mod is neither read nor changed.
#
# TOFU_VERSION overrides the version; a ./bin/tofu of another version is
# rebuilt.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
version="${TOFU_VERSION:-v1.12.6}"
out="$root/bin/tofu"

# An empty CLI configuration, so that a missing ~/.terraformrc or a
# TF_CLI_CONFIG_FILE naming a missing file adds no warning to the output.
have=""
if [[ -x "$out" ]]; then
	have="$(TF_CLI_CONFIG_FILE=/dev/null TOFU_CLI_CONFIG_FILE=/dev/null "$out" version 2>/dev/null || true)"
fi
if [[ "${have%%$'\n'*}" == "OpenTofu ${version}" ]]; then
	printf '%s\n' "$out"
	exit 0
fi

echo "building OpenTofu ${version} into $out (takes a few minutes)" >&2

work="$(mktemp -d "${TMPDIR:-/tmp}/tofu-build.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

# Run in the empty temporary directory, outside any module (GOWORK=off,
# GOFLAGS cleared), so that `go mod download` neither reads nor changes a
# go.mod or go.work.
dir="$(
	cd "$work" &&
		GOWORK=off GOFLAGS= go mod download -json "github.com/opentofu/opentofu@${version}" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p'
)"
if [[ -z "$dir" || ! -d "$dir" ]]; then
	echo "tofu.sh: go mod download did not report a module directory for github.com/opentofu/opentofu@${version}" >&2
	exit 1
fi

cp -R "$dir" "$work/src"
chmod -R u+w "$work/src"
mkdir -p "$root/bin"
# The flags of OpenTofu's release build (.goreleaser.yaml): without
# version.dev=no the binary reports itself as ${version}-dev.
(cd "$work/src" && GOFLAGS=-buildvcs=false CGO_ENABLED=0 go build -mod=readonly -trimpath \
	-ldflags "-s -w -X 'github.com/opentofu/opentofu/version.dev=no'" -o "$out.tmp" ./cmd/tofu) >&2
mv -f "$out.tmp" "$out"
printf '%s\n' "$out"
