#!/usr/bin/env bash
# Prints the absolute path of Terraform ${1:-v1.16.4} built from source, the
# Terraform that `make test` runs the Terraform-driven tests with (resource
# identity, list resources and `terraform query`, actions need 1.12-1.14+).
# Releases are not downloadable here, and `go install` cannot build these
# versions (their go.mod has replace directives), so the script fetches the
# module through the Go module proxy, drops the nine remote-state backends
# that are nested modules missing from the module zip (the tests use the
# local backend), and builds it with its version set.
#
# The binary is kept in the user cache directory, keyed by version, so a
# fresh clone on the same machine does not build it again. Progress goes to
# stderr; stdout carries only the path.
set -euo pipefail

version="${1:-v1.16.4}"
cache="${TF_SOURCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-fc/terraform}/${version}"
bin="$cache/terraform"

if [[ -x "$bin" ]] && TF_CLI_CONFIG_FILE=/dev/null "$bin" version 2>/dev/null | grep -q "^Terraform ${version}\$"; then
	printf '%s\n' "$bin"
	exit 0
fi

echo "building Terraform ${version} from source into $cache (a few minutes, once per machine)" >&2
mkdir -p "$cache"
work="$(mktemp -d "${TMPDIR:-/tmp}/terraform-src.XXXXXX")"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

dir="$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/hashicorp/terraform@${version}" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -n "$dir" && -d "$dir" ]] || { echo "terraform-source: could not download github.com/hashicorp/terraform@${version}" >&2; exit 1; }
cp -R "$dir" "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"

backends=(azure consul cos gcs kubernetes oci oss pg s3)
init=internal/backend/init/init.go
for b in "${backends[@]}"; do
	# The import and the line registering the backend.
	sed -i -E "/internal\/backend\/remote-state\/${b}\"/d; /backend${b}\./Id" "$init"
	sed -i -E "/internal\/backend\/remote-state\/${b}( |\$)/d" go.mod
done
if grep -qE 'remote-state/(azure|consul|cos|gcs|kubernetes|oci|oss|pg|s3)' "$init" go.mod; then
	echo "terraform-source: a remote-state backend is still referenced; the layout of ${version} differs from what this script expects" >&2
	exit 1
fi

GOFLAGS=-mod=mod go build -trimpath -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" -o "$bin.tmp" . >&2
mv "$bin.tmp" "$bin"
TF_CLI_CONFIG_FILE=/dev/null "$bin" version >&2
printf '%s\n' "$bin"
