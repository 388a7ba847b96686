#!/usr/bin/env bash
# make test-module: run `terraform test` of examples/modules/http-function
# offline against the FC emulator, the way a module author's CI does (see
# docs/guides/test-modules-offline.md):
#
#   1. build the provider and the emulator into bin/;
#   2. start the emulator on a free loopback port, configured through its
#      FC_EMULATOR_* environment (strict, JSON request logs, a second key
#      pair);
#   3. point Terraform at bin/ with a dev_overrides CLI configuration and the
#      provider at the emulator with FC_ENDPOINT and the key pair;
#   4. `terraform test` in a temporary copy of the module;
#   5. reset the emulator through its admin API and check that it is empty,
#      then stop it (SIGTERM: graceful, state flushed).
#
# The repository is left untouched. Needs Terraform 1.6 or later (`terraform
# test`); with an older CLI the run is skipped with a message.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"

module="examples/modules/http-function"
# A key pair of the emulator's, as a test account of a CI job would have.
access_key_id="module-test-key"
access_key_secret="module-test-secret"
account_id="1234567890123456"
region="cn-hangzhou"

export CHECKPOINT_DISABLE=1

step() { printf '\n==> %s\n' "$*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/fc-module-test.XXXXXX")"
emulator_pid=""

cleanup() {
	local rc=$?
	if [[ "$rc" -ne 0 && -s "$work/emulator.log" ]]; then
		echo "--- last lines of the emulator's log ---" >&2
		tail -n 30 "$work/emulator.log" >&2
	fi
	if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
		kill "$emulator_pid" 2>/dev/null || true
		wait "$emulator_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Terraform takes the provider from bin/ (no registry).
cat >"$work/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "registry.terraform.io/terraform-fc/fc" = "$root/bin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 TF_INPUT=0

tf="$(scripts/terraform.sh)"
tf_version="$("$tf" version | sed -n 's/^Terraform v\([0-9.]*\).*/\1/p' | head -n 1)"
if [[ "$(printf '%s\n' "1.6.0" "$tf_version" | sort -V | head -n 1)" != "1.6.0" ]]; then
	echo "test-module: SKIPPED: terraform test needs Terraform 1.6 or later; $tf is $tf_version"
	exit 0
fi
echo "Terraform CLI: $tf ($tf_version)"

step "Building the provider and the emulator into bin/"
go build -o bin/terraform-provider-fc .
go build -o bin/fc-emulator ./tools/fc-emulator

step "Starting the emulator (configured by its environment)"
FC_EMULATOR_LISTEN=127.0.0.1:0 \
	FC_EMULATOR_STATE="$work/emulator-state.json" \
	FC_EMULATOR_STRICT=true \
	FC_EMULATOR_ACCOUNT_ID="$account_id" \
	FC_EMULATOR_REGION="$region" \
	FC_EMULATOR_KEYS="$access_key_id:$access_key_secret" \
	FC_EMULATOR_LOG_FORMAT=json \
	FC_EMULATOR_LOG_REQUESTS=true \
	bin/fc-emulator >"$work/emulator.out" 2>"$work/emulator.log" &
emulator_pid=$!
address=""
for _ in $(seq 1 200); do
	address="$(sed -n 's/^listening on \(http:\/\/[^[:space:]]*\).*/\1/p' "$work/emulator.out" | head -n 1)"
	[[ -n "$address" ]] && break
	if ! kill -0 "$emulator_pid" 2>/dev/null; then
		echo "The emulator exited before printing its address:" >&2
		cat "$work/emulator.out" "$work/emulator.log" >&2
		exit 1
	fi
	sleep 0.1
done
[[ -n "$address" ]] || { echo "The emulator printed no address within 20s" >&2; exit 1; }
echo "Emulator PID $emulator_pid listening on $address"

# admin METHOD PATH: one request to the emulator's admin API (no signature),
# printing the response body. Plain bash, no curl needed.
admin() {
	local hostport="${address#http://}"
	exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}"
	printf '%s %s HTTP/1.1\r\nHost: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' "$1" "$2" "$hostport" >&3
	sed '1,/^\r$/d' <&3
	exec 3<&-
}

health="$(admin GET /_emulator/health | tr -d '[:space:]')"
[[ "$health" == '{"status":"ok"}' ]] || { echo "health: $health" >&2; exit 1; }

# The provider is configured by the environment only, with credentials of
# the caller kept out.
unset ALIBABA_CLOUD_SECURITY_TOKEN ALICLOUD_SECURITY_TOKEN ALIBABA_CLOUD_PROFILE ALICLOUD_PROFILE \
	ALICLOUD_ACCESS_KEY ALICLOUD_SECRET_KEY ALICLOUD_REGION ALICLOUD_ACCOUNT_ID
export FC_ENDPOINT="$address"
export ALIBABA_CLOUD_ACCESS_KEY_ID="$access_key_id"
export ALIBABA_CLOUD_ACCESS_KEY_SECRET="$access_key_secret"
export ALIBABA_CLOUD_ACCOUNT_ID="$account_id"
export ALIBABA_CLOUD_REGION="$region"
export ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true

cp -R "$module" "$work/module"
rm -rf "$work/module/.terraform" "$work/module"/terraform.tfstate* "$work/module/.terraform.lock.hcl"

step "terraform test ($module, in a temporary copy)"
"$tf" -chdir="$work/module" test -no-color | tee "$work/test.out"
# terraform test exits non-zero on a failed run; also insist that every
# file ran and that nothing was skipped or left behind.
if ! grep -Eq '^Success! [0-9]+ passed, 0 failed\.$' "$work/test.out"; then
	echo "test-module: terraform test did not report success" >&2
	exit 1
fi
for f in plan apply validation; do
	grep -q "^tests/$f.tftest.hcl\.\.\. .*pass" "$work/test.out" || { echo "test-module: tests/$f.tftest.hcl did not pass" >&2; exit 1; }
done

# The apply reached the emulator: its JSON request log has the creates.
for op in CreateService CreateFunction PublishServiceVersion CreateAlias CreateTrigger DeleteService; do
	grep -q "\"operation\":\"$op\"" "$work/emulator.log" || { echo "test-module: no $op in the emulator's request log" >&2; exit 1; }
done

step "Resetting the emulator between runs"
counters="$(admin GET /_emulator/counters | tr -d '[:space:]')"
echo "API requests during terraform test: $counters"
reset="$(admin POST /_emulator/reset | tr -d '[:space:]')"
[[ "$reset" == '{"status":"reset"}' ]] || { echo "reset: $reset" >&2; exit 1; }
counters="$(admin GET /_emulator/counters | tr -d '[:space:]')"
[[ "$counters" == '{}' ]] || { echo "counters after the reset: $counters" >&2; exit 1; }

kill -TERM "$emulator_pid"
wait "$emulator_pid" || { echo "the emulator did not exit cleanly on SIGTERM" >&2; exit 1; }
emulator_pid=""
grep -q '"state saved"' "$work/emulator.log" || { echo "test-module: the emulator did not report saving its state at shutdown" >&2; exit 1; }
grep -q '"services"' "$work/emulator-state.json" && { echo "test-module: the state after the reset still holds services" >&2; exit 1; }
echo "test-module: terraform test of $module passed against the emulator"
