#!/usr/bin/env bash
# CPU per request of our API and of PostgreSQL, for builds or flags side by side, on the database api-bench.sh
# loaded (run that first). Variants run interleaved (A B ... A B ...), so that drifting load hits them alike.
#
#   bench/ours-cpu.sh [ROUNDS]       variants from $VARIANTS, one per line: NAME|APP_DIR|JAVA_OPTS|SPRING_ARGS
#
# APP_DIR is a folder laid out as api/target/app (copy it aside to compare a build with another: cp -a
# api/target/app /tmp/api-before); each variant runs as the image runs it, APP_DIR/bin/api. The JVM and the
# PostgreSQL server (its postmaster and so every backend) are put in cgroup v1 cpuacct groups of their own, and the
# CPU each used during the measured wrk run (random station-year pages, wrk -t2 -c16 by default) is divided by the
# requests served; all_us/req is the whole machine's CPU per request (wrk and the kernel's too), which is what bounds
# requests/s when the three share the cores. Needs root (cgroups) and the server on this host.
#
# Environment: BENCH_DB=weather_bench PGHOST PGPORT PGUSER, OURS_PORT=18090, WARMUP=30s DURATION=15s,
# SCRIPT=pages.lua (or stats.lua), WRK_THREADS=2 WRK_CONNECTIONS=16, CGROUP_ROOT=/sys/fs/cgroup/cpuacct
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
ROUNDS=${1:-2}
BENCH_DB=${BENCH_DB:-weather_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PORT=${OURS_PORT:-18090}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-15s}
SCRIPT=${SCRIPT:-pages.lua}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
CGROUP_ROOT=${CGROUP_ROOT:-/sys/fs/cgroup/cpuacct}
VARIANTS=${VARIANTS:-"base|$ROOT/api/target/app|-Xmx256m|--weather.api.response-cache-size=0"}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ours-cpu.XXXXXX")
PID=
JVM_GROUP=$CGROUP_ROOT/ours-cpu-jvm-$PGPORT
PG_GROUP=$CGROUP_ROOT/ours-cpu-pg-$PGPORT
# shellcheck source=bench-lib.sh
root=$ROOT
. "$BENCH_DIR/bench-lib.sh"
cleanup() {
	[[ -n $PID ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	release_cpu_groups "$JVM_GROUP" "$PG_GROUP"
	echo "logs in $WORK" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# one group for the JVM, one for the PostgreSQL server
mkdir -p "$JVM_GROUP"
server_in_cpu_group "$PG_GROUP" "$(psql -d "$BENCH_DB" -Atqc 'SHOW data_directory')"

psql -d "$BENCH_DB" -Atqc "SELECT DISTINCT station_id FROM weather_observation ORDER BY 1" >"$WORK/stations.txt"
station=$(head -1 "$WORK/stations.txt")

wrk_line() { # DURATION
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$1" --latency -s "$BENCH_DIR/wrk/$SCRIPT" "http://127.0.0.1:$PORT" \
		-- "$WORK/stations.txt" | sed -n 's/^RESULT //p'
}
# CPU time of the whole machine in ns (user, nice, system, irq, softirq of /proc/stat): wrk and the kernel too
busy() { awk '/^cpu / { print ($2 + $3 + $4 + $7 + $8) * 1e9 / '"$(getconf CLK_TCK)"' }' /proc/stat; }

printf '%-16s %5s | %8s %8s %8s | %9s %9s %9s | %9s | %5s\n' variant round req/s p50_ms p99_ms jvm_us/req pg_us/req \
	total_us/req all_us/req load1
for round in $(seq 1 "$ROUNDS"); do
	while IFS='|' read -r name app opts args; do
		[[ -z $name ]] && continue
		# shellcheck disable=SC2086
		SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
			JAVA_OPTS=$opts "$app/bin/api" --server.port="$PORT" $args >"$WORK/ours-$name-$round.log" 2>&1 &
		PID=$!
		echo "$PID" >"$JVM_GROUP/cgroup.procs"
		for _ in $(seq 1 120); do
			curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/weather/stats?station_id=$station&year=2000" 2>/dev/null && break
			sleep 1
		done
		wrk_line "$WARMUP" >/dev/null
		jvm0=$(cat "$JVM_GROUP/cpuacct.usage")
		pg0=$(cat "$PG_GROUP/cpuacct.usage")
		all0=$(busy)
		result=$(wrk_line "$DURATION")
		jvm1=$(cat "$JVM_GROUP/cpuacct.usage")
		pg1=$(cat "$PG_GROUP/cpuacct.usage")
		all1=$(busy)
		load=$(cut -d' ' -f1 /proc/loadavg)
		kill -TERM "$PID" && wait "$PID" 2>/dev/null || true
		PID=
		requests=$(field requests "$result")
		awk -v n="$name" -v r="$round" -v rps="$(field rps "$result")" -v p50="$(field p50_ms "$result")" \
			-v p99="$(field p99_ms "$result")" -v req="$requests" -v jvm=$((jvm1 - jvm0)) -v pg=$((pg1 - pg0)) \
			-v all="$all0 $all1" -v la="$load" 'BEGIN { split(all, a, " ");
				printf "%-16s %5s | %8.0f %8.2f %8.2f | %9.1f %9.1f %9.1f | %9.1f | %5s\n", n, r, rps, p50, p99,
					jvm / req / 1000, pg / req / 1000, (jvm + pg) / req / 1000, (a[2] - a[1]) / req / 1000, la }'
	done <<<"$VARIANTS"
done
