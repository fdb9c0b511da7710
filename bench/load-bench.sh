#!/usr/bin/env bash
# Loading benchmark: the ingest job against PostgreSQL's own COPY, side by side in one run.
#
#   bench/load-bench.sh [DATASET_DIR]
#
# DATASET_DIR defaults to ../shared/data/wx_data beside the repository when present, else a synthetic set of the
# same shape and size (167 stations, 1985-2014) generated into a temporary folder. Needs PostgreSQL (BENCH_PG_HOST,
# BENCH_PG_PORT, BENCH_PG_USER; default 127.0.0.1, 5432, postgres) and psql. Prints a table with ratios.
# The job runs as its image runs it (extracted jar, class data sharing, batch-job/jvm.options; BENCH_JVM_OPTIONS
# names another options file, /dev/null for none), then once more from the plain jar for comparison.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
host=${BENCH_PG_HOST:-127.0.0.1} port=${BENCH_PG_PORT:-5432} user=${BENCH_PG_USER:-postgres}
heap=${BENCH_HEAP:--Xmx256m}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

data=${1:-}
if [ -z "$data" ]; then
  if [ -d "$root/../shared/data/wx_data" ]; then
    data=$(cd "$root/../shared/data/wx_data" && pwd)
  else
    data=$work/synthetic
    java "$root/batch-job/src/test/java/com/example/weather/batch/support/SyntheticStationFiles.java" "$data" 167 1985 2014
  fi
fi
jar=$root/batch-job/target/batch-job.jar
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -pl batch-job -am package -DskipTests)
jvm_options=${BENCH_JVM_OPTIONS:-$root/batch-job/jvm.options}

psql_() { psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qAt "$@"; }
fresh_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

lines=$(cat "$data"/*.txt 2>/dev/null | wc -l)
echo "dataset: $data ($(ls "$data" | wc -l) files, $lines lines); heap $heap; $(nproc) cores"

# The floor: the same rows, pre-converted to CSV, loaded with psql \copy into a table keyed on (station, date).
for f in "$data"/*.txt; do
  station=$(basename "$f" .txt)
  awk -v s="$station" -F'\t' '{ gsub(/ /, ""); if (NF == 4) printf "%s,%s-%s-%s,%s,%s,%s\n", s,
    substr($1, 1, 4), substr($1, 5, 2), substr($1, 7, 2), $2, $3, $4 }' "$f"
done > "$work/all.csv"
fresh_db weather_bench_floor
psql_ -d weather_bench_floor -c "CREATE TABLE floor (station_id VARCHAR(20), observation_date DATE, max_temp INTEGER,
  min_temp INTEGER, precipitation INTEGER, PRIMARY KEY (station_id, observation_date))"
start=$(now)
psql_ -d weather_bench_floor -c "\\copy floor FROM '$work/all.csv' WITH (FORMAT csv)"
floor=$(seconds "$start" "$(now)")

# As the image runs the job: the jar extracted, a class data sharing archive from a training run (made when the
# image is built, so not timed here), and the JVM options of batch-job/jvm.options.
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
(cd "$work" && java "@$jvm_options" -XX:ArchiveClassesAtExit="$work/app/batch-job.jsa" -Dspring.context.exit=onRefresh \
  -jar "$work/app/batch-job.jar" > "$work/cds-training.log" 2>&1) || { tail -20 "$work/cds-training.log"; exit 1; }
deployed=("@$jvm_options" "-XX:SharedArchiveFile=$work/app/batch-job.jsa" -jar "$work/app/batch-job.jar")
plain=(-jar "$jar")

run_job() { # database run.date java-arguments...
  local database=$1 date=$2
  shift 2
  SPRING_DATASOURCE_URL="jdbc:postgresql://$host:$port/$database" SPRING_DATASOURCE_USERNAME="$user" \
    java $heap "$@" "run.date=$date" "--ingest.input=file:$data/" > "$work/job-$date.log" 2>&1 \
    || { tail -50 "$work/job-$date.log"; exit 1; }
}
job_seconds() { # database: the last execution's duration as the batch tables record it
  psql_ -d "$1" -c "SELECT round(EXTRACT(EPOCH FROM end_time - start_time)::numeric, 2) FROM batch_job_execution
    ORDER BY job_execution_id DESC LIMIT 1"
}

fresh_db weather_bench_load
start=$(now)
run_job weather_bench_load 2026-11-24 "${deployed[@]}"
process=$(seconds "$start" "$(now)")
job=$(job_seconds weather_bench_load)
rows=$(psql_ -d weather_bench_load -c "SELECT count(*) FROM weather_observation")

start=$(now)
run_job weather_bench_load 2026-11-25 "${deployed[@]}"
unchanged_process=$(seconds "$start" "$(now)")
unchanged_job=$(job_seconds weather_bench_load)

# The same full load from the plain jar, as the README's quick start runs it: no archive, default JIT thresholds.
fresh_db weather_bench_plain
start=$(now)
run_job weather_bench_plain 2026-11-24 "${plain[@]}"
plain_process=$(seconds "$start" "$(now)")
plain_job=$(job_seconds weather_bench_plain)

printf '\n| measure | seconds | ratio to the \\copy floor | target |\n|---|---|---|---|\n'
printf '| psql \\copy of %s rows (the floor) | %s | 1.00 | |\n' "$lines" "$floor"
printf '| full load, job duration (batch tables), %s rows | %s | %s | at most 1.5 |\n' "$rows" "$job" "$(ratio "$job" "$floor")"
printf '| full load, whole process (JVM start to exit) | %s | %s | at most 3 |\n' "$process" "$(ratio "$process" "$floor")"
printf '| full load from the plain jar (java -jar), job duration | %s | %s | |\n' "$plain_job" "$(ratio "$plain_job" "$floor")"
printf '| full load from the plain jar (java -jar), whole process | %s | %s | |\n' "$plain_process" "$(ratio "$plain_process" "$floor")"
printf '| night with no file changed, job duration | %s | | at most 1 s |\n' "$unchanged_job"
printf '| night with no file changed, whole process | %s | | |\n' "$unchanged_process"
