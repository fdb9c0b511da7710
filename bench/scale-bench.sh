#!/usr/bin/env bash
# Scale benchmark: the load and the API at 1x, 4x and 16x the data, each measure beside its baseline in one run.
#
#   bench/scale-bench.sh [TEMPLATE_DIR]
#
# For each factor N of SCALES (default "1 4 16"), bench/scale_data.py writes N times the template's stations (same
# lines, under new station ids; one file in eight with a bad line) and the CSV of their rows. Then, into fresh
# databases: psql \copy of that CSV (the floor); the job as its image runs it (batch-job/target/app/bin/batch-job,
# -Xmx256m), its duration from the batch tables, its statistics step and the time before the first file starts; a
# second night with nothing changed; then the API as its image starts it (api/target/app/bin/api) with the response
# cache off, WARMUP of random station-year pages, and DURATION measured (wrk -t2 -c16, bench/wrk/pages.lua), right
# after the load, while autovacuum may still be going over the new rows (at 16x it takes a core for about a minute,
# on the cores the API and wrk share here). Once every scale is loaded, each database kept until then: autovacuum
# waited for, a CHECKPOINT, then one API per scale started and warmed up, and ROUNDS rounds (3) of DURATION each,
# the scales alternating, so that the p99 of every scale and its ratio to 1x come from the same minutes.
# TEMPLATE_DIR defaults to ../shared/data/wx_data beside the repository, else a synthetic set (167 stations).
# Environment: BENCH_PG_HOST, BENCH_PG_PORT, BENCH_PG_USER (default 127.0.0.1, 5432, postgres), SCALES, WARMUP
# (20s), DURATION (15s), ROUNDS (3), API_PORT (18180; the APIs of the rounds take the ports from there up),
# SCALE_DATA_DIR (where the generated files are kept between runs; default a temporary folder, removed at exit).
# Needs psql, wrk, python3, curl, Java 25; about 1 GB of disk per 16x for the files and 4 GB for its database.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
host=${BENCH_PG_HOST:-127.0.0.1} port=${BENCH_PG_PORT:-5432} user=${BENCH_PG_USER:-postgres}
heap=${BENCH_HEAP:--Xmx256m}
scales=${SCALES:-1 4 16}
warmup=${WARMUP:-20s} duration=${DURATION:-15s} rounds=${ROUNDS:-3} api_port=${API_PORT:-18180}
work=$(mktemp -d)
api_pids=()
cleanup() {
  for pid in "${api_pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  for n in $scales; do
    psql_ -d postgres -c "DROP DATABASE IF EXISTS weather_bench_scale_x$n" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
. "$root/bench/bench-lib.sh"
data_root=${SCALE_DATA_DIR:-$work/data}

template=$(default_dataset "${1:-}")
ensure_layout
api_launcher=$root/api/target/app/bin/api
[ -x "$api_launcher" ] || (cd "$root" && ./mvnw -q -B -pl api -am package -DskipTests)

start_api() { # database port: the API as its image starts it, cache off, on that port; returns once it is ready
  # (its readiness, as the load balancer waits: after its own warm-up, which would otherwise run beside the next)
  psql_ -d "$1" -c "SELECT station_id FROM weather_station" > "$work/stations-$1.txt"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$host:$port/$1" SPRING_DATASOURCE_USERNAME="$user" JAVA_OPTS="$heap" \
    "$api_launcher" --server.port="$2" --weather.api.response-cache-size=0 > "$work/api-$1-$2.log" 2>&1 &
  api_pids+=($!)
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness" 2>/dev/null && return
    sleep 0.5
  done
  echo "the API on $1 did not answer on :$2, see $work/api-$1-$2.log" >&2
  exit 1
}

stop_apis() {
  for pid in "${api_pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  api_pids=()
}

pages() { # database port duration [--latency]: wrk's random station-year pages of the stations start_api listed;
  # prints the RESULT line's p99 ms
  wrk -t2 -c16 -d"$3" ${4:-} -s "$root/bench/wrk/pages.lua" "http://127.0.0.1:$2" -- "$work/stations-$1.txt" \
    | sed -n 's/^RESULT .*p99_ms=\([0-9.]*\).*/\1/p'
}

api_page_p99() { # database: p99 ms of random station-year pages right after the load, WARMUP then DURATION
  start_api "$1" "$api_port"
  pages "$1" "$api_port" "$warmup" > /dev/null
  pages "$1" "$api_port" "$duration" --latency
  stop_apis
}

vacuumed() { # database: seconds waited until autovacuum has vacuumed weather_observation and no worker is left in it
  local start
  start=$(now)
  for _ in $(seq 1 300); do
    [ "$(psql_ -d "$1" -c "SELECT (SELECT last_autovacuum IS NOT NULL FROM pg_stat_user_tables
      WHERE relname = 'weather_observation') AND NOT EXISTS (SELECT 1 FROM pg_stat_activity
      WHERE backend_type = 'autovacuum worker' AND datname = current_database())")" = t ] && break
    sleep 1
  done
  seconds "$start" "$(now)"
}

results=()
for n in $scales; do
  data=$data_root/x$n
  if [ ! -f "$data.complete" ]; then
    rm -rf "$data"
    python3 "$root/bench/scale_data.py" "$template" "$data" "$n" "$data.csv" >&2
    touch "$data.complete"
  fi
  files=$(ls "$data" | wc -l)
  echo "x$n: $files files; \\copy floor" >&2
  floor=$(copy_floor "$data.csv")
  echo "x$n: the job, full load (floor ${floor}s)" >&2
  db=weather_bench_scale_x$n
  fresh_db $db
  run_job $db 2026-11-24 "$data" "$launcher"
  job=$(job_seconds $db)
  rows=$(psql_ -d $db -c "SELECT count(*) FROM weather_observation")
  rejects=$(psql_ -d $db -c "SELECT count(*) FROM ingest_reject")
  # the whole step, its partitions included (a full load of new stations leaves it none)
  stats=$(psql_ -d $db -c "SELECT round(EXTRACT(EPOCH FROM max(end_time) - min(start_time))::numeric, 2)
    FROM batch_step_execution WHERE step_name = 'refreshYearlyStats' OR step_name LIKE 'refreshStationStats%'")
  setup=$(psql_ -d $db -c "SELECT round(EXTRACT(EPOCH FROM min(s.start_time) - min(e.start_time))::numeric, 2)
    FROM batch_step_execution s JOIN batch_job_execution e USING (job_execution_id) WHERE s.step_name LIKE 'ingestFile:%'")
  echo "x$n: a night with nothing changed (job ${job}s)" >&2
  run_job $db 2026-11-25 "$data" "$launcher"
  unchanged=$(job_seconds $db)
  echo "x$n: the API, cache off" >&2
  p99=$(api_page_p99 $db)
  results+=("$n $files $rows $rejects $floor $job $stats $setup $unchanged $p99")
  echo "x$n: rows $rows, rejects $rejects, floor $floor s, job $job s, statistics $stats s, before the first file $setup s, unchanged night $unchanged s, page p99 $p99 ms" >&2
  [ -n "${SCALE_DATA_DIR:-}" ] || rm -rf "$data" "$data.csv" "$data.complete"
done

# The pages once autovacuum is through, every scale in the same minutes: one API per scale, each warmed up, then
# rounds of DURATION, the scales alternating.
declare -A waited rested port_of
for n in $scales; do
  waited[$n]=$(vacuumed weather_bench_scale_x$n)
  echo "x$n: autovacuum through after ${waited[$n]} s" >&2
done
psql_ -d postgres -c "CHECKPOINT"
next_port=$api_port
for n in $scales; do
  port_of[$n]=$next_port
  next_port=$((next_port + 1))
  start_api weather_bench_scale_x$n "${port_of[$n]}"
  pages weather_bench_scale_x$n "${port_of[$n]}" "$warmup" > /dev/null
done
for round in $(seq 1 "$rounds"); do
  for n in $scales; do
    rested[$n]+=" $(pages weather_bench_scale_x$n "${port_of[$n]}" "$duration" --latency)"
  done
  echo "round $round of $rounds, page p99 ms:$(for n in $scales; do printf ' %sx%s' "$n" "${rested[$n]##* }"; done)" >&2
done
stop_apis

printf '\n| scale | files | rows | rejects | \\copy floor s | job s | job / floor | µs per row | per row / 1x | statistics step s | before first file s | unchanged night s | page p99 ms (cache off) | p99 / 1x | autovacuum waited s | page p99 ms after it, median of %s rounds | p99 / 1x |\n' "$rounds"
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
base_cost= base_p99= base_after=
for r in "${results[@]}"; do
  read -r n files rows rejects floor job stats setup unchanged p99 <<< "$r"
  # shellcheck disable=SC2086 # the rounds' figures, one argument each
  after=$(median ${rested[$n]})
  cost=$(awk -v j="$job" -v r="$rows" 'BEGIN { printf "%.2f", j * 1e6 / r }')
  base_cost=${base_cost:-$cost} base_p99=${base_p99:-$p99} base_after=${base_after:-$after}
  printf '| %sx | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$files" "$rows" \
    "$rejects" "$floor" "$job" "$(ratio "$job" "$floor")" "$cost" "$(ratio "$cost" "$base_cost")" "$stats" "$setup" \
    "$unchanged" "$p99" "$(ratio "$p99" "$base_p99")" "${waited[$n]}" "$after" "$(ratio "$after" "$base_after")"
done
echo "template: $template; heap $heap; $(nproc) cores; wrk -t2 -c16 -d$duration after $warmup; after autovacuum: $rounds rounds, the scales alternating$(for n in $scales; do printf '; %sx p99 ms:%s' "$n" "${rested[$n]}"; done); $(date -u +'%Y-%m-%d %H:%M UTC')"
