#!/usr/bin/env bash
# Checks and plans the stack without an AWS account: terraform fmt -check, init from the provider mirror
# (terraform.rc), validate, then plan with example.tfvars, placeholder credentials and the provider's offline
# switches, and writes `terraform show -json` of the plan to OUT.json.
#
#   infra/plan-offline.sh OUT.json
#
# Terraform's working data (providers, plan file) goes next to OUT.json, not into infra/, so that a real
# deployment's state and working directory are never touched.
set -euo pipefail

if [[ $# -ne 1 ]]; then
	sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
fi
if ! command -v terraform >/dev/null; then
	echo "terraform is not on the PATH: install Terraform 1.11 (https://developer.hashicorp.com/terraform/install)" >&2
	exit 127
fi

infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(realpath -m "$1")"
work="$(dirname "$out")/terraform-offline"
mkdir -p "$work"

export TF_CLI_CONFIG_FILE="$infra/terraform.rc"
export TF_DATA_DIR="$work/.terraform"
export TF_IN_AUTOMATION=1
export TF_INPUT=0
# no AWS account is reachable: credentials that look real, profiles and metadata that are never consulted
export AWS_ACCESS_KEY_ID=AKIAPLACEHOLDER00000
export AWS_SECRET_ACCESS_KEY=placeholder-secret-access-key-for-offline-plans
unset AWS_SESSION_TOKEN AWS_PROFILE
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true

tf() { terraform -chdir="$infra" "$@"; }

tf fmt -check -recursive -diff
# (init writes infra/.terraform.lock.hcl, which git ignores: the mirror holds one platform's provider only)
tf init -backend=false -no-color >"$work/init.log" || {
	cat "$work/init.log" >&2
	exit 1
}
tf validate -no-color
tf plan -no-color -refresh=false -lock=false -var-file=example.tfvars -var offline_plan=true \
	-out="$work/offline.tfplan" >"$work/plan.log" || {
	cat "$work/plan.log" >&2
	exit 1
}
tf show -json "$work/offline.tfplan" >"$out"
grep -E '^Plan:' "$work/plan.log"
