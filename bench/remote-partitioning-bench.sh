#!/usr/bin/env bash
# Remote partitioning benchmark: a full load with local partitioning against the same load by a manager and two
# worker processes on this machine, then the manager's cost per partition.
#
#   bench/remote-partitioning-bench.sh [DATASET_DIR]
#
# DATASET_DIR defaults to /work/shared/data/wx_data when present, else a synthetic set of the same shape (167
# stations, 1985-2014). Needs PostgreSQL (BENCH_PG_HOST, BENCH_PG_PORT, BENCH_PG_USER; default 127.0.0.1, 5432,
# postgres), psql, RabbitMQ (BENCH_RABBITMQ_HOST, BENCH_RABBITMQ_PORT; default 127.0.0.1, 5672, guest/guest) and
# GNU time. Runs the plain jar (java -jar). The two workers take one partition each at a time, so that both runs
# load two files at once (ingest.concurrency=2 in the local run); the workers are started and idle before the
# manager starts, as on ECS where they start with the job.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
host=${BENCH_PG_HOST:-127.0.0.1} port=${BENCH_PG_PORT:-5432} user=${BENCH_PG_USER:-postgres}
rabbit_host=${BENCH_RABBITMQ_HOST:-127.0.0.1} rabbit_port=${BENCH_RABBITMQ_PORT:-5672}
heap=${BENCH_HEAP:--Xmx256m}
queue=weather-bench-$$
work=$(mktemp -d)
workers=()
cleanup() {
  for pid in "${workers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rabbitmqctl delete_queue "$queue" > /dev/null 2>&1 || true
  rabbitmqctl delete_queue "$queue.dead-letter" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

data=${1:-}
if [ -z "$data" ]; then
  if [ -d /work/shared/data/wx_data ]; then
    data=/work/shared/data/wx_data
  else
    data=$work/synthetic
    java "$root/batch-job/src/test/java/com/example/weather/batch/support/SyntheticStationFiles.java" "$data" 167 1985 2014
  fi
fi
jar=$root/batch-job/target/batch-job.jar
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -pl batch-job -am package -DskipTests)

psql_() { psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qAt "$@"; }
fresh_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
job_seconds() { # database: the last execution's duration as the batch tables record it
  psql_ -d "$1" -c "SELECT round(EXTRACT(EPOCH FROM end_time - start_time)::numeric, 2) FROM batch_job_execution
    ORDER BY job_execution_id DESC LIMIT 1"
}
environment() { # database
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$host:$port/$1" SPRING_DATASOURCE_USERNAME="$user" \
    SPRING_RABBITMQ_HOST="$rabbit_host" SPRING_RABBITMQ_PORT="$rabbit_port" INGEST_REMOTE_QUEUE="$queue" \
    INGEST_INPUT="file:$data/"
}
run_job() { # log-name run.date [VAR=value...]: the job process under GNU time; its CPU seconds go to $work/NAME.cpu
  local name=$1 date=$2
  shift 2
  env "$@" /usr/bin/time -f "%U %S" -o "$work/$name.time" java $heap -jar "$jar" "run.date=$date" \
    > "$work/$name.log" 2>&1 || { tail -50 "$work/$name.log"; exit 1; }
  awk '{ printf "%.2f", $1 + $2 }' "$work/$name.time" > "$work/$name.cpu"
}

echo "dataset: $data ($(ls "$data" | wc -l) files); heap $heap; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Local partitioning: the default.
fresh_db weather_bench_local
environment weather_bench_local
start=$(now)
run_job local 2026-11-24
local_process=$(seconds "$start" "$(now)")
local_job=$(job_seconds weather_bench_local)

# A manager and two workers of one consumer each.
fresh_db weather_bench_remote
environment weather_bench_remote
for n in 1 2; do
  INGEST_WORKER=true INGEST_CONCURRENCY=1 INGEST_WORKER_IDLE_TIMEOUT=10m java $heap -jar "$jar" > "$work/worker-$n.log" 2>&1 &
  workers+=($!)
done
for n in 1 2; do
  until grep -q "takes partition requests" "$work/worker-$n.log"; do
    kill -0 "${workers[$((n - 1))]}" 2>/dev/null || { tail -50 "$work/worker-$n.log"; exit 1; }
    sleep 1
  done
done
start=$(now)
run_job remote 2026-11-24 INGEST_PARTITIONING=remote
remote_process=$(seconds "$start" "$(now)")
remote_job=$(job_seconds weather_bench_remote)
partitions=$(psql_ -d weather_bench_remote -c "SELECT count(*) FROM batch_step_execution WHERE step_name LIKE '%:%'")
by_worker=$(cat "$work"/worker-*.log | grep -c "lines read.*by host" || true)
rows_local=$(psql_ -d weather_bench_local -c "SELECT count(*) FROM weather_observation")
rows_remote=$(psql_ -d weather_bench_remote -c "SELECT count(*) FROM weather_observation")
# how long a request waited in the queue for a free worker, and how long the manager took to notice the last end
queue_wait=$(psql_ -d weather_bench_remote -c "SELECT round(avg(EXTRACT(EPOCH FROM start_time - create_time))::numeric, 2)
  FROM batch_step_execution WHERE step_name LIKE '%:%'")

# The manager's cost per partition: its CPU time for the full load less its CPU time for a night with no partition
# (no file changed), over the partitions.
run_job remote-unchanged 2026-11-25 INGEST_PARTITIONING=remote
manager_cpu=$(cat "$work/remote.cpu")
idle_manager_cpu=$(cat "$work/remote-unchanged.cpu")
per_partition_ms=$(awk -v a="$manager_cpu" -v b="$idle_manager_cpu" -v n="$partitions" 'BEGIN { printf "%.1f", (a - b) * 1000 / n }')
wall_per_partition_ms=$(awk -v a="$remote_job" -v b="$local_job" -v n="$partitions" 'BEGIN { printf "%.1f", (a - b) * 1000 / n }')
worker_cpu=0
for pid in "${workers[@]}"; do
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  worker_cpu=$(awk -v a="$worker_cpu" -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", a + t / hz }')
done

printf '\n| measure | local (2 threads) | manager + 2 workers |\n|---|---|---|\n'
printf '| rows loaded | %s | %s |\n' "$rows_local" "$rows_remote"
printf '| job duration (batch tables), s | %s | %s |\n' "$local_job" "$remote_job"
printf '| job process, JVM start to exit, s | %s | %s |\n' "$local_process" "$remote_process"
printf '| CPU seconds of the job process | %s | %s (manager) |\n' "$(cat "$work/local.cpu")" "$manager_cpu"
printf '| CPU seconds of the workers (start included) | | %s |\n' "$worker_cpu"
printf '\npartitions: %s (%s file lines logged by the workers); mean wait of a request for a free worker: %s s\n' \
  "$partitions" "$by_worker" "$queue_wait"
printf 'manager CPU per partition: %s ms (%s s for the load, %s s for a night with no partition)\n' \
  "$per_partition_ms" "$manager_cpu" "$idle_manager_cpu"
printf 'wall-clock difference per partition (remote - local job duration): %s ms\n' "$wall_per_partition_ms"
