#!/usr/bin/env bash
# Two builds or flag sets of our API side by side, each started once and warmed up, then the same wrk run sent to
# one and to the other in turn, PAIRS times: the JIT and the start-up are out of the comparison, and drifting load on
# the machine hits both alike within seconds. Prints each run, then the ratio B / A of requests/s per pair, their
# geometric mean and how many pairs B won. On the database api-bench.sh loaded (run that first).
#
#   bench/ours-pair.sh [PAIRS]        variants A and B from $VARIANTS, two lines: NAME|APP_DIR|JAVA_OPTS|SPRING_ARGS
#
# APP_DIR is a folder laid out as api/target/app (copy it aside to compare a build with another: cp -a
# api/target/app /tmp/api-before, then run its bin/train-aot-cache there); each variant runs as the image runs it,
# APP_DIR/bin/api. Beside requests/s and p99 each run prints the JVM's context switches per request: voluntary (a
# thread waited: for PostgreSQL, for work) and involuntary (a thread was preempted).
#
# LAYOUT=shared (default): everything on every core, as api-bench.sh measures. LAYOUT=apart: the JVMs on the last
# core alone, PostgreSQL (its postmaster and every backend) and wrk on the others, as production has them on hosts of
# their own; the server's affinity is put back when the run ends. Needs root for that (taskset on the server).
#
# Environment: BENCH_DB=weather_bench PGHOST PGPORT PGUSER, PORTS="18091 18092", WARMUP=30s DURATION=10s,
# SCRIPT=pages.lua (or stats.lua), WRK_THREADS=2 WRK_CONNECTIONS=16
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
PAIRS=${1:-8}
BENCH_DB=${BENCH_DB:-weather_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
read -r PORT_A PORT_B <<<"${PORTS:-18091 18092}"
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-10s}
SCRIPT=${SCRIPT:-pages.lua}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
LAYOUT=${LAYOUT:-shared}
VARIANTS=${VARIANTS:?two lines NAME|APP_DIR|JAVA_OPTS|SPRING_ARGS}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ours-pair.XXXXXX")
# shellcheck source=bench-lib.sh
root=$ROOT
. "$BENCH_DIR/bench-lib.sh"
NAMES=() PORT_OF=() PID_OF=()
POSTMASTER=$(head -1 "$(psql -d "$BENCH_DB" -Atqc 'SHOW data_directory')/postmaster.pid")
ALL_CPUS=0-$(($(nproc) - 1))
JVM_CPUS=$(($(nproc) - 1))
OTHER_CPUS=0-$((JVM_CPUS - 1))
# taskset -a: every thread of the process; backends forked later inherit the postmaster's affinity
server_on() { local pid; for pid in "$POSTMASTER" $(pgrep -P "$POSTMASTER"); do taskset -a -p -c "$1" "$pid" >/dev/null; done; }
cleanup() {
	for pid in "${PID_OF[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
	if [[ $LAYOUT == apart ]]; then server_on "$ALL_CPUS"; fi
	echo "logs in $WORK" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

case $LAYOUT in
	shared) JVM_ON=() WRK_ON=() ;;
	apart) JVM_ON=(taskset -c "$JVM_CPUS") WRK_ON=(taskset -c "$OTHER_CPUS"); server_on "$OTHER_CPUS" ;;
	*) echo "LAYOUT is shared or apart, not $LAYOUT" >&2; exit 2 ;;
esac

psql -d "$BENCH_DB" -Atqc "SELECT DISTINCT station_id FROM weather_observation ORDER BY 1" >"$WORK/stations.txt"
station=$(head -1 "$WORK/stations.txt")

port=$PORT_A
while IFS='|' read -r name app opts args; do
	[[ -z $name ]] && continue
	# shellcheck disable=SC2086
	SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
		JAVA_OPTS=$opts "${JVM_ON[@]}" "$app/bin/api" --server.port="$port" $args >"$WORK/ours-$name.log" 2>&1 &
	NAMES+=("$name") PORT_OF+=("$port") PID_OF+=($!)
	port=$PORT_B
done <<<"$VARIANTS"
[[ ${#NAMES[@]} -eq 2 ]] || { echo "VARIANTS needs two lines, has ${#NAMES[@]}" >&2; exit 2; }
for i in 0 1; do
	for _ in $(seq 1 120); do
		curl -fsS -o /dev/null "http://127.0.0.1:${PORT_OF[$i]}/api/weather/stats?station_id=$station&year=2000" \
			2>/dev/null && break
		sleep 1
	done
done

wrk_line() { # PORT DURATION
	"${WRK_ON[@]}" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$2" --latency -s "$BENCH_DIR/wrk/$SCRIPT" \
		"http://127.0.0.1:$1" -- "$WORK/stations.txt" | sed -n 's/^RESULT //p'
}
switches() { awk '/^voluntary/ { v += $2 } /^nonvoluntary/ { n += $2 } END { print v, n }' /proc/"$1"/task/*/status; }

for i in 0 1; do wrk_line "${PORT_OF[$i]}" "$WARMUP" >/dev/null; done
printf '%-5s %-16s | %8s %8s | %9s %11s\n' pair variant req/s p99_ms vol/req invol/req
declare -a RPS
for pair in $(seq 1 "$PAIRS"); do
	for i in 0 1; do
		read -r v0 n0 < <(switches "${PID_OF[$i]}")
		result=$(wrk_line "${PORT_OF[$i]}" "$DURATION")
		read -r v1 n1 < <(switches "${PID_OF[$i]}")
		RPS[$i]=$(field rps "$result")
		awk -v p="$pair" -v n="${NAMES[$i]}" -v rps="${RPS[$i]}" -v p99="$(field p99_ms "$result")" \
			-v req="$(field requests "$result")" -v v=$((v1 - v0)) -v nv=$((n1 - n0)) \
			'BEGIN { printf "%-5s %-16s | %8.0f %8.2f | %9.2f %11.2f\n", p, n, rps, p99, v / req, nv / req }'
	done
	echo "${RPS[0]} ${RPS[1]}" >>"$WORK/pairs.txt"
done
awk -v a="${NAMES[0]}" -v b="${NAMES[1]}" -v layout="$LAYOUT" '{ r = $2 / $1; s += log(r); won += (r > 1);
		line = line sprintf(" %.2f", r) }
	END { printf "%s / %s requests/s, layout %s, per pair:%s; geometric mean %.3f; %s won %d of %d\n", b, a, layout,
		line, exp(s / NR), b, won, NR }' "$WORK/pairs.txt"
