# Shared by the benchmarks (sourced): PostgreSQL access, timing, the \copy floor, the job run as its image runs it
# (batch-job/target/app/bin/batch-job, the layout `mvn package` leaves), and CPU accounting by cgroup.
# Needs: root, host, port, user, heap, work set by the caller.

# field NAME RESULT: a value of the RESULT line bench/wrk/common.lua prints (requests=..., rps=..., p99_ms=...)
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
psql_() { psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qAt "$@"; }
fresh_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# median of the numbers given as arguments
median() {
  printf '%s\n' "$@" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# CPU accounting (cgroup v1 cpuacct, as root): server_in_cpu_group puts the PostgreSQL server whose data directory is
# given, its postmaster and so every backend forked later, in a group of its own; release_cpu_groups puts every
# process of the groups back in their parent and removes them, so that a run leaves the server as it found it.
server_in_cpu_group() { # GROUP DATA_DIRECTORY
  local postmaster pid
  mkdir -p "$1"
  postmaster=$(head -1 "$2/postmaster.pid")
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    echo "$pid" > "$1/cgroup.procs" 2>/dev/null || true
  done
}
release_cpu_groups() { # GROUP...
  local group pid
  for group in "$@"; do
    [ -d "$group" ] || continue
    for pid in $(cat "$group/cgroup.procs"); do
      echo "$pid" > "$(dirname "$group")/cgroup.procs" 2>/dev/null || true
    done
    rmdir "$group" 2>/dev/null || true
  done
}

# The launcher the image runs, built if missing (Java 25 from JAVA_HOME, as for the build).
launcher=$root/batch-job/target/app/bin/batch-job
ensure_layout() {
  [ -x "$launcher" ] || (cd "$root" && ./mvnw -q -B -pl batch-job -am package -DskipTests)
}

# floor_csv DATASET_DIR: the station files' rows as CSV (station,date,max,min,precipitation) on standard output, for
# copy_floor; a line of other than four fields is left out
floor_csv() {
  local f
  for f in "$1"/*.txt; do
    awk -v s="$(basename "$f" .txt)" -F'\t' '{ gsub(/ /, ""); if (NF == 4) printf "%s,%s-%s-%s,%s,%s,%s\n", s,
      substr($1, 1, 4), substr($1, 5, 2), substr($1, 7, 2), $2, $3, $4 }' "$f"
  done
}

# copy_floor CSV: seconds psql \copy takes to load CSV (station,date,max,min,precipitation) into a fresh table keyed
# on (station, date)
copy_floor() {
  fresh_db weather_bench_floor
  psql_ -d weather_bench_floor -c "CREATE TABLE floor (station_id VARCHAR(20), observation_date DATE, max_temp INTEGER,
    min_temp INTEGER, precipitation INTEGER, PRIMARY KEY (station_id, observation_date))"
  local start
  start=$(now)
  psql_ -d weather_bench_floor -c "\\copy floor FROM '$1' WITH (FORMAT csv)"
  seconds "$start" "$(now)"
  psql_ -d postgres -c "DROP DATABASE weather_bench_floor"
}

run_job() { # database run.date input-folder launcher-or-java-arguments...: the job with heap $heap, log in $work
  local database=$1 date=$2 input=$3
  shift 3
  SPRING_DATASOURCE_URL="jdbc:postgresql://$host:$port/$database" SPRING_DATASOURCE_USERNAME="$user" \
    JAVA_OPTS="$heap" "$@" "run.date=$date" "--ingest.input=file:$input/" > "$work/job-$database-$date.log" 2>&1 \
    || { tail -50 "$work/job-$database-$date.log"; exit 1; }
}
job_seconds() { # database: the last execution's duration as the batch tables record it
  psql_ -d "$1" -c "SELECT round(EXTRACT(EPOCH FROM end_time - start_time)::numeric, 2) FROM batch_job_execution
    ORDER BY job_execution_id DESC LIMIT 1"
}

default_dataset() { # the folder given, else ../shared/data/wx_data beside the repository, else a synthetic one in $work
  if [ -n "${1:-}" ]; then
    (cd "$1" && pwd)
  elif [ -d "$root/../shared/data/wx_data" ]; then
    (cd "$root/../shared/data/wx_data" && pwd)
  else
    java "$root/batch-job/src/test/java/com/example/weather/batch/support/SyntheticStationFiles.java" \
      "$work/synthetic" 167 1985 2014 >&2
    echo "$work/synthetic"
  fi
}
