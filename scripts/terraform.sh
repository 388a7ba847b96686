#!/usr/bin/env bash
# Prints the absolute path of a Terraform CLI for tests, docs generation and
# the demo. In order: $TF_ACC_TERRAFORM_PATH when it is executable, terraform
# on PATH, ./bin/terraform, else Terraform v1.5.7 (the last MPL-2.0 release)
# built from source through the Go module proxy into ./bin. Progress goes to
# stderr; stdout carries only the path. Nothing is downloaded from
# releases.hashicorp.com.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fallback_version="v1.5.7"

abs() {
	local dir
	dir="$(cd "$(dirname "$1")" && pwd -P)"
	printf '%s/%s\n' "$dir" "$(basename "$1")"
}

if [[ -n "${TF_ACC_TERRAFORM_PATH:-}" && -x "${TF_ACC_TERRAFORM_PATH}" ]]; then
	abs "$TF_ACC_TERRAFORM_PATH"
	exit 0
fi
if tf="$(command -v terraform 2>/dev/null)" && [[ -n "$tf" ]]; then
	abs "$tf"
	exit 0
fi
if [[ -x "$root/bin/terraform" ]]; then
	abs "$root/bin/terraform"
	exit 0
fi

echo "terraform is not on PATH: building Terraform ${fallback_version} into $root/bin (takes a few minutes)" >&2
mkdir -p "$root/bin"
# Outside the module so that its go.mod is neither read nor changed.
(cd "$root/bin" && GOBIN="$root/bin" GOFLAGS=-buildvcs=false go install "github.com/hashicorp/terraform@${fallback_version}") >&2
abs "$root/bin/terraform"
