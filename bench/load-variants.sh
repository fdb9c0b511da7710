#!/usr/bin/env bash
# Full loads of builds or JVM flags side by side: each round loads the whole dataset once per variant into a fresh
# database, and times PostgreSQL's own \copy of the same rows (the floor) before each load, so that drifting load on
# the machine hits every variant and its floor alike.
#
#   bench/load-variants.sh [DATASET_DIR]     variants from $VARIANTS, one per line: NAME|APP_DIR|JAVA_OPTS
#
# APP_DIR is a folder laid out as batch-job/target/app (copy it aside to compare a build with another, then run its
# bin/train-aot-cache there: the cache serves only the path it was written for); each variant runs as the image runs
# it, APP_DIR/bin/batch-job, with -Xmx256m and JAVA_OPTS. The job's JVM and the PostgreSQL server (its postmaster and
# so every backend) are put in cgroup v1 cpuacct groups of their own: the CPU seconds each used for the load are
# printed beside the job's duration (batch tables) and the whole process's (JVM start to exit). Needs root (cgroups),
# the server on this host, psql and Java 25.
#
# Environment: BENCH_PG_HOST BENCH_PG_PORT BENCH_PG_USER (127.0.0.1, 5432, postgres), ROUNDS=3,
# CGROUP_ROOT=/sys/fs/cgroup/cpuacct
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
host=${BENCH_PG_HOST:-127.0.0.1} port=${BENCH_PG_PORT:-5432} user=${BENCH_PG_USER:-postgres}
work=$(mktemp -d)
. "$root/bench/bench-lib.sh"
ROUNDS=${ROUNDS:-3}
CGROUP_ROOT=${CGROUP_ROOT:-/sys/fs/cgroup/cpuacct}
jvm_group=$CGROUP_ROOT/load-variants-jvm-$port
pg_group=$CGROUP_ROOT/load-variants-pg-$port
trap 'release_cpu_groups "$jvm_group" "$pg_group"; rm -rf "$work"' EXIT
VARIANTS=${VARIANTS:-"image|$root/batch-job/target/app|"}

data=$(default_dataset "${1:-}")
lines=$(cat "$data"/*.txt | wc -l)
echo "dataset: $data ($(ls "$data" | wc -l) files, $lines lines); $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
floor_csv "$data" > "$work/all.csv"

# this script and what it starts (the job) in one group, the server in another
server_in_cpu_group "$pg_group" "$(psql_ -d postgres -c 'SHOW data_directory')"
mkdir -p "$jvm_group"
echo $$ > "$jvm_group/cgroup.procs"
cpu() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

printf '%-12s %5s | %7s %7s %9s | %8s %8s | %8s %8s\n' variant round floor_s job_s process_s job/flr proc/flr \
  jvm_cpu_s pg_cpu_s
for round in $(seq 1 "$ROUNDS"); do
  while IFS='|' read -r name app opts; do
    [[ -z $name ]] && continue
    floor=$(copy_floor "$work/all.csv")
    fresh_db weather_bench_variants
    jvm0=$(cat "$jvm_group/cpuacct.usage") pg0=$(cat "$pg_group/cpuacct.usage")
    start=$(now)
    heap="-Xmx256m $opts" run_job weather_bench_variants 2026-11-24 "$data" "$app/bin/batch-job"
    process=$(seconds "$start" "$(now)")
    jvm1=$(cat "$jvm_group/cpuacct.usage") pg1=$(cat "$pg_group/cpuacct.usage")
    job=$(job_seconds weather_bench_variants)
    printf '%-12s %5s | %7s %7s %9s | %8s %8s | %8s %8s\n' "$name" "$round" "$floor" "$job" "$process" \
      "$(ratio "$job" "$floor")" "$(ratio "$process" "$floor")" "$(cpu "$jvm0" "$jvm1")" "$(cpu "$pg0" "$pg1")"
  done <<< "$VARIANTS"
done
psql_ -d postgres -c "DROP DATABASE weather_bench_variants"
