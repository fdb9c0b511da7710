#!/usr/bin/env bash
# Loading benchmark: the ingest job against PostgreSQL's own COPY, side by side in one run.
#
#   bench/load-bench.sh [DATASET_DIR]
#
# DATASET_DIR defaults to ../shared/data/wx_data beside the repository when present, else a synthetic set of the
# same shape and size (167 stations, 1985-2014) generated into a temporary folder. Needs PostgreSQL (BENCH_PG_HOST,
# BENCH_PG_PORT, BENCH_PG_USER; default 127.0.0.1, 5432, postgres), psql and Java 25. Prints a table with ratios.
# The job runs as its image runs it (batch-job/target/app/bin/batch-job: the extracted jar, batch-job/jvm.options,
# the AOT cache trained by the build), then once more from the plain jar for comparison. ROUNDS (3) rounds of the
# floor and the loads in turn: the table gives the medians of the seconds and of each round's ratio to its own floor
# (the machine's speed drifts between minutes; a round's figures are from the same minute).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
host=${BENCH_PG_HOST:-127.0.0.1} port=${BENCH_PG_PORT:-5432} user=${BENCH_PG_USER:-postgres}
heap=${BENCH_HEAP:--Xmx256m}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/bench/bench-lib.sh"

data=$(default_dataset "${1:-}")
ensure_layout
jar=$root/batch-job/target/batch-job.jar

lines=$(cat "$data"/*.txt 2>/dev/null | wc -l)
echo "dataset: $data ($(ls "$data" | wc -l) files, $lines lines); heap $heap; $(nproc) cores"

# The floor: the same rows, pre-converted to CSV, loaded with psql \copy into a table keyed on (station, date).
floor_csv "$data" > "$work/all.csv"

declare -A runs # measure -> its seconds in each round; measure/r -> its ratio to the floor in each round
record() { # measure seconds floor
  runs[$1]="${runs[$1]:-} $2"
  runs[$1/r]="${runs[$1/r]:-} $(ratio "$2" "$3")"
}
for round in $(seq 1 "${ROUNDS:-3}"); do
  floor=$(copy_floor "$work/all.csv")
  runs[floor]="${runs[floor]:-} $floor"

  fresh_db weather_bench_load
  start=$(now)
  run_job weather_bench_load 2026-11-24 "$data" "$launcher"
  record process "$(seconds "$start" "$(now)")" "$floor"
  record job "$(job_seconds weather_bench_load)" "$floor"
  rows=$(psql_ -d weather_bench_load -c "SELECT count(*) FROM weather_observation")

  start=$(now)
  run_job weather_bench_load 2026-11-25 "$data" "$launcher"
  record unchanged_process "$(seconds "$start" "$(now)")" "$floor"
  record unchanged_job "$(job_seconds weather_bench_load)" "$floor"

  # The same full load from the plain jar, as the README's quick start runs it: no AOT cache, default JIT thresholds.
  fresh_db weather_bench_plain
  start=$(now)
  run_job weather_bench_plain 2026-11-24 "$data" "${JAVA_HOME:+$JAVA_HOME/bin/}java" $heap -jar "$jar"
  record plain_process "$(seconds "$start" "$(now)")" "$floor"
  record plain_job "$(job_seconds weather_bench_plain)" "$floor"
  echo "round $round: floor $floor s, job ${runs[job]##* } s (${runs[job/r]##* }x), whole process ${runs[process]##* } s (${runs[process/r]##* }x), plain jar's job ${runs[plain_job]##* } s, unchanged night ${runs[unchanged_job]##* } s"
done
# shellcheck disable=SC2086 # the rounds' figures, one argument each
median_seconds() { median ${runs[$1]}; }
# shellcheck disable=SC2086
median_ratio() { median ${runs[$1/r]}; }
# shellcheck disable=SC2086
floor=$(median ${runs[floor]})

printf '\n| measure | seconds | ratio to the \\copy floor | target |\n|---|---|---|---|\n'
printf '| psql \\copy of %s rows (the floor) | %s | 1.00 | |\n' "$lines" "$floor"
printf '| full load, job duration (batch tables), %s rows | %s | %s | at most 1.5 |\n' "$rows" "$(median_seconds job)" "$(median_ratio job)"
printf '| full load, whole process (JVM start to exit) | %s | %s | at most 2.5 |\n' "$(median_seconds process)" "$(median_ratio process)"
printf '| full load from the plain jar (java -jar), job duration | %s | %s | |\n' "$(median_seconds plain_job)" "$(median_ratio plain_job)"
printf '| full load from the plain jar (java -jar), whole process | %s | %s | |\n' "$(median_seconds plain_process)" "$(median_ratio plain_process)"
printf '| night with no file changed, job duration | %s | | at most 1 s |\n' "$(median_seconds unchanged_job)"
printf '| night with no file changed, whole process | %s | | |\n' "$(median_seconds unchanged_process)"
echo "medians of ${ROUNDS:-3} rounds; ratios are each round's to its own floor. Per round, job / floor:${runs[job/r]}; whole process / floor:${runs[process/r]}"
