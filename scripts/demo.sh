#!/usr/bin/env bash
# make demo: build the provider and the emulator, start the emulator on a
# free loopback port, apply examples/quickstart against it through a
# Terraform dev_overrides configuration, show the outputs, invoke the
# function and print its answer (through the fc_invoke_function action when
# the Terraform CLI has actions, 1.14 and later, else through the client,
# bin/fc-invoke), check that a second plan is empty, destroy, and always
# stop the emulator and remove the temporary files. The repository is left untouched: Terraform works in a
# copy of the quickstart in a temporary directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"

# The emulator's default account and key pair (internal/emulator).
emulator_account_id="1234567890123456"
emulator_region="cn-hangzhou"
emulator_access_key_id="emulator-key-id"
emulator_access_key_secret="emulator-key-secret"

export CHECKPOINT_DISABLE=1

step() { printf '\n==> %s\n' "$*"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/fc-demo.XXXXXX")"
emulator_pid=""

cleanup() {
	local rc=$?
	if [[ "$rc" -ne 0 && -s "$work/emulator.log" ]]; then
		echo "--- last lines of the emulator's log ---" >&2
		tail -n 20 "$work/emulator.log" >&2
	fi
	if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
		kill "$emulator_pid" 2>/dev/null || true
		wait "$emulator_pid" 2>/dev/null || true
		echo "Stopped the emulator (PID $emulator_pid)."
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Terraform takes the provider straight from bin/: no registry, no init.
cat >"$work/terraformrc" <<EOF
provider_installation {
  dev_overrides {
    "registry.terraform.io/terraform-fc/fc" = "$root/bin"
  }
  direct {}
}
EOF
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1
export TF_INPUT=0

step "Finding the Terraform CLI"
tf="$(scripts/terraform.sh)"
"$tf" version

step "Building the provider and the emulator into bin/"
go build -o bin/terraform-provider-fc .
go build -o bin/fc-emulator ./tools/fc-emulator
go build -o bin/fc-invoke ./tools/fc-invoke

step "Starting the emulator"
bin/fc-emulator -listen 127.0.0.1:0 -state "$work/emulator-state.json" \
	-account-id "$emulator_account_id" -region "$emulator_region" \
	-access-key-id "$emulator_access_key_id" -access-key-secret "$emulator_access_key_secret" \
	>"$work/emulator.out" 2>"$work/emulator.log" &
emulator_pid=$!
# It prints "listening on http://HOST:PORT" on standard output once it
# accepts connections.
address=""
for _ in $(seq 1 200); do
	address="$(sed -n 's/^listening on \(https*:\/\/[^[:space:]]*\).*/\1/p' "$work/emulator.out" | head -n 1)"
	[[ -n "$address" ]] && break
	if ! kill -0 "$emulator_pid" 2>/dev/null; then
		echo "The emulator exited before printing its address:" >&2
		cat "$work/emulator.out" "$work/emulator.log" >&2
		exit 1
	fi
	sleep 0.1
done
if [[ -z "$address" ]]; then
	echo "The emulator printed no address within 20s:" >&2
	cat "$work/emulator.out" "$work/emulator.log" >&2
	exit 1
fi
echo "Emulator PID $emulator_pid listening on $address"

# admin METHOD PATH: one request to the emulator's admin API (no signature
# needed there), printing the response body. Plain bash, no curl needed.
admin() {
	local hostport="${address#http://}"
	exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}"
	printf '%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$1" "$2" "$hostport" >&3
	sed '1,/^\r$/d' <&3
	exec 3<&-
}

# expect_counters WHEN JSON: the emulator's request counters must be exactly
# JSON (a compact map with sorted keys).
expect_counters() {
	local got
	got="$(admin GET /_emulator/counters | tr -d '[:space:]')"
	echo "API requests $1: $got"
	if [[ "$got" != "$2" ]]; then
		echo "expected $2" >&2
		exit 1
	fi
}

# The provider block of the quickstart is empty: it is configured from the
# environment. Credentials from the caller's environment must not leak in.
unset ALIBABA_CLOUD_SECURITY_TOKEN ALICLOUD_SECURITY_TOKEN ALIBABA_CLOUD_PROFILE ALICLOUD_PROFILE \
	ALICLOUD_ACCESS_KEY ALICLOUD_SECRET_KEY ALICLOUD_REGION ALICLOUD_ACCOUNT_ID
export FC_ENDPOINT="$address"
export ALIBABA_CLOUD_ACCESS_KEY_ID="$emulator_access_key_id"
export ALIBABA_CLOUD_ACCESS_KEY_SECRET="$emulator_access_key_secret"
export ALIBABA_CLOUD_ACCOUNT_ID="$emulator_account_id"
export ALIBABA_CLOUD_REGION="$emulator_region"
# Keep ~/.aliyun/config.json out of it.
export ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true

cp -R examples/quickstart "$work/quickstart"
rm -rf "$work/quickstart/.terraform" "$work/quickstart"/terraform.tfstate*
dir="$work/quickstart"

step "terraform apply (examples/quickstart, in a temporary copy)"
admin DELETE /_emulator/counters >/dev/null
"$tf" -chdir="$dir" apply -auto-approve -compact-warnings
# One request per resource created: the create answers carry the objects,
# so the provider reads nothing back.
expect_counters "during apply" '{"CreateFunction":1,"CreateService":1}'

step "terraform output"
"$tf" -chdir="$dir" output

# tf_has_actions: the CLI is Terraform 1.14 or later (actions, -invoke).
tf_has_actions() {
	local v major minor
	v="$("$tf" version | sed -n 's/^Terraform v\([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p' | head -n 1)"
	read -r major minor <<<"$v"
	[[ -n "$major" ]] && { ((major > 1)) || { ((major == 1)) && ((minor >= 14)); }; }
}

service_name="$("$tf" -chdir="$dir" output -raw service_name)"
function_name="$("$tf" -chdir="$dir" output -raw function_name)"
admin DELETE /_emulator/counters >/dev/null
if tf_has_actions; then
	step "terraform apply -invoke=action.fc_invoke_function.hello (the function runs in the emulator)"
	cp examples/quickstart/actions/invoke.tf "$dir/"
	"$tf" -chdir="$dir" apply -auto-approve -compact-warnings -invoke=action.fc_invoke_function.hello | tee "$work/invoke.out"
	answer="$(sed 's/\x1b\[[0-9;]*m//g' "$work/invoke.out" | sed -n 's/.*Result: //p' | head -n 1)"
	# -invoke refreshes the state first: one GET per resource.
	expect_counters "during the invocation" '{"GetFunction":1,"GetService":1,"InvokeFunction":1}'
else
	step "Invoking the function through the client (Terraform $("$tf" version | sed -n 1p | sed 's/^Terraform //') has no actions; 1.14 has)"
	answer="$(bin/fc-invoke -service "$service_name" -function "$function_name" -payload '{"name": "make demo"}' -log-tail)"
	expect_counters "during the invocation" '{"InvokeFunction":1}'
fi
echo "The function answered: $answer"
case "$answer" in
*"Hello, make demo"*) ;;
*)
	echo "The answer does not hold the greeting." >&2
	exit 1
	;;
esac

step "terraform plan (a second plan must show no changes)"
admin DELETE /_emulator/counters >/dev/null
set +e
"$tf" -chdir="$dir" plan -detailed-exitcode -compact-warnings
plan_rc=$?
set -e
# A refresh makes one GET per resource.
expect_counters "during the refresh and plan" '{"GetFunction":1,"GetService":1}'
case "$plan_rc" in
0) echo "No changes: the applied configuration is stable." ;;
2)
	echo "The second plan wants changes: that is a perpetual diff, a provider bug." >&2
	exit 1
	;;
*) exit "$plan_rc" ;;
esac

step "terraform destroy"
"$tf" -chdir="$dir" destroy -auto-approve -compact-warnings

step "Done"
echo "The demo applied, invoked, verified and destroyed the quickstart against the emulator."
