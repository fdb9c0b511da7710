#!/usr/bin/env bash
# A/B of JVM and Spring flags for our API alone, on the database api-bench.sh loaded (run that first).
# Variants run interleaved (A B C ... A B C ...) so that drifting load from other processes hits them alike.
#
#   bench/ours-flags.sh [ROUNDS]            variants from $VARIANTS, one per line: NAME|JAVA_OPTS|SPRING_ARGS
#
# Prints per variant and round: requests/s and p50/p99 of random station-year pages and stats (wrk -t2 -c16),
# and the GC pauses of the whole run (count, total and longest, from -Xlog:gc).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"
# shellcheck source=bench-lib.sh
root=$ROOT
. "$BENCH_DIR/bench-lib.sh"
ROUNDS=${1:-2}
BENCH_DB=${BENCH_DB:-weather_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
PORT=${OURS_PORT:-18090}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-10s}
VARIANTS=${VARIANTS:-"base|-Xmx256m|
virtual-threads|-Xmx256m|--spring.threads.virtual.enabled=true
pool-16|-Xmx256m|--spring.datasource.hikari.maximum-pool-size=16
pool-4|-Xmx256m|--spring.datasource.hikari.maximum-pool-size=4
parallel-gc|-Xmx256m -XX:+UseParallelGC|
heap-512m|-Xmx512m -Xms512m|"}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ours-flags.XXXXXX")
PID=
cleanup() {
	[[ -n $PID ]] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	echo "logs in $WORK" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

psql -d "$BENCH_DB" -Atqc "SELECT DISTINCT station_id FROM weather_observation ORDER BY 1" >"$WORK/stations.txt"
station=$(head -1 "$WORK/stations.txt")

wrk_line() { # SCRIPT DURATION
	wrk -t2 -c16 -d"$2" --latency -s "$BENCH_DIR/wrk/$1" "http://127.0.0.1:$PORT" -- "$WORK/stations.txt" \
		| sed -n 's/^RESULT //p'
}

printf '%-18s %5s | %8s %8s %8s | %8s %8s %8s | %s\n' variant round pages/s p50 p99 stats/s p50 p99 "GC pauses (n, total ms, max ms)"
for round in $(seq 1 "$ROUNDS"); do
	while IFS='|' read -r name opts args; do
		[[ -z $name ]] && continue
		gclog="$WORK/gc-$name-$round.log"
		# shellcheck disable=SC2086
		SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
			java $opts "-Xlog:gc:file=$gclog" -jar api/target/api.jar --server.port="$PORT" $args \
			>"$WORK/ours-$name-$round.log" 2>&1 &
		PID=$!
		for _ in $(seq 1 120); do
			curl -fsS -o /dev/null "http://127.0.0.1:$PORT/api/weather/stats?station_id=$station&year=2000" 2>/dev/null && break
			sleep 1
		done
		wrk_line pages.lua "$WARMUP" >/dev/null
		wrk_line stats.lua "$WARMUP" >/dev/null
		pages=$(wrk_line pages.lua "$DURATION")
		stats=$(wrk_line stats.lua "$DURATION")
		kill -TERM "$PID" && wait "$PID" 2>/dev/null || true
		PID=
		gc=$(grep -o 'Pause[^)]*) [^ ]* [0-9.]*ms' "$gclog" | awk '{ms=$NF; sub("ms","",ms); n++; t+=ms; if (ms>m) m=ms}
			END {printf "%d, %.0f, %.1f", n, t, m}')
		printf '%-18s %5s | %8.0f %8.2f %8.2f | %8.0f %8.2f %8.2f | %s\n' "$name" "$round" \
			"$(field rps "$pages")" "$(field p50_ms "$pages")" "$(field p99_ms "$pages")" \
			"$(field rps "$stats")" "$(field p50_ms "$stats")" "$(field p99_ms "$stats")" "$gc"
	done <<<"$VARIANTS"
done
