#!/usr/bin/env bash
# Reruns one night of the weather ingest job as a Fargate task: a failed or stopped night resumes where it
# stopped, a completed night exits 0 at once without loading anything.
#
#   ecs-task-defs/rerun-night.sh YYYY-MM-DD [--wait] [--dry-run]
#
# Needs the AWS CLI v2 with credentials allowed to ecs:RunTask the weather-ingest family and iam:PassRole its two
# roles, and these variables (see placeholders.env.example): AWS_REGION, ECS_CLUSTER, SUBNET_A, SUBNET_B,
# BATCH_SECURITY_GROUP_ID. Prints the task ARN; with --wait, waits for the task to stop, prints the job's exit
# code (0 completed, 1 failed or stopped, 2 bad arguments, 3 another run holds the lock) and exits with it.
# --dry-run prints the aws command, one argument a line, instead of running it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# must match batch-job-task-def.json (BatchTaskDefinitionTests checks it)
family="${TASK_FAMILY:-weather-ingest}"
container="weather-ingest"

usage() {
	sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

run_date=""
wait_for_exit=false
dry_run=false
for argument in "$@"; do
	case "$argument" in
		--wait) wait_for_exit=true ;;
		--dry-run) dry_run=true ;;
		-h|--help) usage ;;
		-*) echo "Unknown option: $argument" >&2; usage ;;
		*)
			if [[ -n "$run_date" ]]; then echo "Only one date, please" >&2; usage; fi
			run_date="$argument" ;;
	esac
done
[[ -n "$run_date" ]] || usage

# The job rejects a bad date too, but only after a task has started: refuse it here, for free.
if ! [[ "$run_date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] \
		|| [[ "$(date -u -d "$run_date" +%F 2>/dev/null || true)" != "$run_date" ]]; then
	echo "Not a calendar date in YYYY-MM-DD form: '$run_date'" >&2
	exit 2
fi
if [[ "$run_date" > "$(date -u +%F)" ]]; then
	echo "$run_date is in the future (UTC); there is no such night to rerun" >&2
	exit 2
fi

for name in AWS_REGION ECS_CLUSTER SUBNET_A SUBNET_B BATCH_SECURITY_GROUP_ID; do
	if [[ -z "${!name:-}" ]]; then
		echo "Set $name (see ecs-task-defs/placeholders.env.example)" >&2
		exit 2
	fi
done

# the same override file the tests check against the job's argument parser
overrides="$(sed "s/\${RUN_DATE}/$run_date/g" "$here/rerun-overrides.json" | tr -d '\n')"
command=(aws ecs run-task
	--region "$AWS_REGION"
	--cluster "$ECS_CLUSTER"
	--task-definition "$family"
	--launch-type FARGATE
	--count 1
	--network-configuration "awsvpcConfiguration={subnets=[$SUBNET_A,$SUBNET_B],securityGroups=[$BATCH_SECURITY_GROUP_ID],assignPublicIp=DISABLED}"
	--overrides "$overrides"
	--started-by "rerun-$run_date"
	--enable-ecs-managed-tags
	--propagate-tags TASK_DEFINITION
	--query 'tasks[0].taskArn'
	--output text)

if $dry_run; then
	printf '%s\n' "${command[@]}"
	exit 0
fi

task_arn="$("${command[@]}")"
if [[ -z "$task_arn" || "$task_arn" == "None" ]]; then
	echo "The task did not start; aws ecs run-task reported no task (see its failures above)" >&2
	exit 1
fi
echo "$task_arn"

if $wait_for_exit; then
	# the CLI waiter gives up after 10 minutes; a night takes under a minute, a slow start a few more
	until aws ecs wait tasks-stopped --region "$AWS_REGION" --cluster "$ECS_CLUSTER" --tasks "$task_arn" 2>/dev/null; do
		echo "still running: $task_arn" >&2
	done
	exit_code="$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$ECS_CLUSTER" --tasks "$task_arn" \
		--query "tasks[0].containers[?name=='$container'].exitCode | [0]" --output text)"
	if [[ "$exit_code" == "None" || -z "$exit_code" ]]; then
		reason="$(aws ecs describe-tasks --region "$AWS_REGION" --cluster "$ECS_CLUSTER" --tasks "$task_arn" \
			--query 'tasks[0].stoppedReason' --output text)"
		echo "The container never ran to an exit code: $reason" >&2
		exit 1
	fi
	echo "exit code $exit_code"
	exit "$exit_code"
fi
