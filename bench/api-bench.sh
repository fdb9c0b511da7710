#!/usr/bin/env bash
# API benchmark: our Spring API against the seed's stack (Flask + SQLAlchemy + gunicorn -w 4, OFFSET + COUNT per
# request) on the same PostgreSQL database, in the same run. Prints: measure | python | ours | ratio | target | met?
#
#   bench/api-bench.sh [DATASET_DIR]
#
# DATASET_DIR defaults to ../shared/data/wx_data (relative to the repository root) when present, else a synthetic
# set of the same shape and size (167 stations, 1985-2014) generated once into $TMPDIR.
# Environment (all optional):
#   BENCH_DB=weather_bench   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres   (trust auth)
#   OURS_PORT=18080 PYTHON_PORT=18081   DURATION=15s WARMUP=45s   WRK_THREADS=2 WRK_CONNECTIONS=16
#   (WARMUP per measure and stack: on 2 cores the JVM compiles for over a minute before it settles)
#   ROUNDS=1   (repeat the python/ours pair of each measure; the table shows medians over rounds. On a shared
#              machine ROUNDS=3 keeps load drift between the two runs of a pair from deciding a ratio)
#   OURS_JAVA_OPTS="-Xmx256m"   OURS_ARGS=""   (extra Spring arguments, e.g. --weather.api.response-cache-size=0 for
#              the steady state with the response cache off; its targets are then the issue's: >= 10x, p99 <= 15 ms)
#   OURS_START=image   (image: api/target/app/bin/api, as the image starts it, JVM options in JAVA_OPTS;
#              jar: java -jar api/target/api.jar)
#   FIRST_ROUNDS=$ROUNDS FIRST=10s   (the first seconds: each round starts python, then ours, afresh, and sends
#              random station-year pages for FIRST from the moment each is ready, with no warm-up by wrk: python
#              when it first answers a page, ours when /actuator/health/readiness answers 200, as the load balancer
#              waits, after the API's own warm-up; 0 rounds: skip)
#   FIRST_SETTLE=30s   (the baseline of the first seconds, in the same round: ours then serves the same requests for
#              FIRST_SETTLE more, unmeasured, and is measured again for FIRST, warm: what of the first seconds' p99 is
#              the cold start and what the machine's; 0: skip)
#   FIRST_ALSO_JAR=1   (each round also starts ours from the plain jar, java -jar, for comparison)
#   FIRST_ARGS=""   (Spring arguments of ours for the first seconds; OURS_ARGS is for the steady state only)
#   PYTHON_WORKERS=4   KEEP_LOGS=1 (keep the temp dir with logs and raw results)
# Needs: java 25, psql, wrk, gunicorn and /usr/bin/python3 with flask, sqlalchemy, psycopg2 (Debian packages
# python3-flask python3-sqlalchemy python3-psycopg2 gunicorn wrk).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
cd "$ROOT"

BENCH_DB=${BENCH_DB:-weather_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
OURS_PORT=${OURS_PORT:-18080}
PYTHON_PORT=${PYTHON_PORT:-18081}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-45s}
ROUNDS=${ROUNDS:-1}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
OURS_JAVA_OPTS=${OURS_JAVA_OPTS:--Xmx256m}
OURS_ARGS=${OURS_ARGS:-}
OURS_START=${OURS_START:-image}
FIRST_ROUNDS=${FIRST_ROUNDS:-$ROUNDS}
FIRST=${FIRST:-10s}
FIRST_SETTLE=${FIRST_SETTLE:-30s}
FIRST_ARGS=${FIRST_ARGS:-}
PYTHON_WORKERS=${PYTHON_WORKERS:-4}
PY=/usr/bin/python3
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"

log() { printf '[api-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for tool in java psql wrk gunicorn curl; do
	command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y python3-flask python3-sqlalchemy python3-psycopg2 gunicorn wrk)"
done
"$PY" -c 'import flask, sqlalchemy, psycopg2' 2>/dev/null || die "$PY lacks flask/sqlalchemy/psycopg2 (Debian packages)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/api-bench.XXXXXX")
PIDS=()
cleanup() {
	local status=$?
	for pid in "${PIDS[@]}"; do
		kill -TERM "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	if [[ -n ${KEEP_LOGS:-} || $status -ne 0 ]]; then
		log "logs and raw results kept in $WORK"
	else
		rm -rf "$WORK"
	fi
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$OURS_PORT" || die "port $OURS_PORT is taken (set OURS_PORT)"
port_free "$PYTHON_PORT" || die "port $PYTHON_PORT is taken (set PYTHON_PORT)"

# --- dataset -------------------------------------------------------------------------------------------------
DATASET=${1:-}
if [[ -z $DATASET ]]; then
	if [[ -d $ROOT/../shared/data/wx_data ]]; then
		DATASET=$ROOT/../shared/data/wx_data
	else
		DATASET=${TMPDIR:-/tmp}/weather-bench-synthetic-167-1985-2014
		if [[ ! -f $DATASET/.complete ]]; then
			log "no dataset given and none shared: generating a synthetic one into $DATASET"
			rm -rf "$DATASET" && mkdir -p "$DATASET"
			java batch-job/src/test/java/com/example/weather/batch/support/SyntheticStationFiles.java \
				"$DATASET" 167 1985 2014 >&2
			touch "$DATASET/.complete"
		fi
	fi
fi
[[ -d $DATASET ]] || die "dataset folder $DATASET does not exist"
DATASET=$(cd "$DATASET" && pwd)
LINES=$(cat "$DATASET"/*.txt | grep -c -v '^[[:space:]]*$' || true)
log "dataset $DATASET: $(ls "$DATASET"/*.txt | wc -l) files, $LINES lines"

# --- jars and the image's layout -----------------------------------------------------------------------------
if [[ ! -f batch-job/target/batch-job.jar || ! -x api/target/app/bin/api ]]; then
	log "building the jars and the image layouts"
	./mvnw -q -B -pl batch-job,api -am package -DskipTests >&2
fi

# --- database: load once per dataset -------------------------------------------------------------------------
q() { psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atqc "$1"; }
if ! psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" | grep -q 1; then
	psql -d postgres -qc "CREATE DATABASE $BENCH_DB" >&2
fi
loaded=$(q "SELECT rows FROM bench_dataset WHERE path = '$DATASET' AND lines = $LINES" 2>/dev/null || true)
rows=$(q "SELECT count(*) FROM weather_observation" 2>/dev/null || echo 0)
if [[ -n $loaded && $loaded == "$rows" && $rows -gt 0 ]]; then
	log "database $BENCH_DB already holds this dataset ($rows rows): no reload"
else
	log "loading $DATASET into a fresh $BENCH_DB with the ingest job"
	psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB" >&2
	start=$(date +%s)
	SPRING_DATASOURCE_URL=$JDBC_URL SPRING_DATASOURCE_USERNAME=$PGUSER \
		java -jar batch-job/target/batch-job.jar run.date=2026-11-24 "--ingest.input=file:$DATASET/" \
		>"$WORK/ingest.log" 2>&1 || die "ingest job failed, see $WORK/ingest.log"
	rows=$(q "SELECT count(*) FROM weather_observation")
	q "CREATE TABLE bench_dataset (path text PRIMARY KEY, lines bigint, rows bigint);
	   INSERT INTO bench_dataset VALUES ('$DATASET', $LINES, $rows); ANALYZE" >/dev/null
	log "loaded $rows rows in $(( $(date +%s) - start ))s"
fi
q "SELECT DISTINCT station_id FROM weather_observation ORDER BY 1" >"$WORK/stations.txt"
STATIONS=$(wc -l <"$WORK/stations.txt")

# --- the two stacks -------------------------------------------------------------------------------------------
start_ours() { # log file, Spring arguments; appends the pid to PIDS and sets OURS_PID
	local args=$2
	if [[ $OURS_START == image ]]; then
		# shellcheck disable=SC2086
		SPRING_DATASOURCE_URL=$JDBC_URL SPRING_DATASOURCE_USERNAME=$PGUSER JAVA_OPTS=$OURS_JAVA_OPTS \
			api/target/app/bin/api --server.port="$OURS_PORT" $args >"$1" 2>&1 &
	else
		# shellcheck disable=SC2086
		SPRING_DATASOURCE_URL=$JDBC_URL SPRING_DATASOURCE_USERNAME=$PGUSER \
			java $OURS_JAVA_OPTS -jar api/target/api.jar --server.port="$OURS_PORT" $args >"$1" 2>&1 &
	fi
	OURS_PID=$!
	PIDS+=("$OURS_PID")
}
start_python() { # log file; appends the pid to PIDS and sets PYTHON_PID
	DATABASE_URL="postgresql+psycopg2://$PGUSER@$PGHOST:$PGPORT/$BENCH_DB" \
		"$PY" /usr/bin/gunicorn -w "$PYTHON_WORKERS" -b "127.0.0.1:$PYTHON_PORT" --chdir "$BENCH_DIR/python_api" \
		app:app >"$1" 2>&1 &
	PYTHON_PID=$!
	PIDS+=("$PYTHON_PID")
}
stop() { # pid
	kill -TERM "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}
wait_for() { # URL NAME LOG: polls every 0.1 s, so that the first seconds start as soon as the stack is ready
	for _ in $(seq 1 1200); do
		curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	die "$2 did not answer $1 within 120s, see $3"
}
station=$(head -1 "$WORK/stations.txt")
ready_url() { echo "http://127.0.0.1:$1/api/weather/stats?station_id=$station&year=2000"; }
# what the load balancer asks before it sends ours any request: ours warms itself up before it answers 200 here
readiness_url() { echo "http://127.0.0.1:$1/actuator/health/readiness"; }

RESULTS=$WORK/results.txt
: >"$RESULTS"
run_wrk() { # NAME SCRIPT PORT DURATION
	local out="$WORK/wrk-$1.txt"
	wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$4" --latency -s "$BENCH_DIR/wrk/$2" "http://127.0.0.1:$3" \
		-- "$WORK/stations.txt" >"$out" 2>&1 || die "wrk failed, see $out"
	local line
	line=$(grep '^RESULT ' "$out") || die "no RESULT line in $out"
	echo "$1 ${line#RESULT }" >>"$RESULTS"
	log "$1: ${line#RESULT }"
}

if [[ $FIRST_ROUNDS -gt 0 ]]; then
	log "the first $FIRST after each stack is ready (python: answers a page; ours: readiness 200, as the load balancer waits), no warm-up by wrk: $FIRST_ROUNDS round(s), each a fresh start"
	for round in $(seq 1 "$FIRST_ROUNDS"); do
		start_python "$WORK/python-first-$round.log"
		wait_for "$(ready_url "$PYTHON_PORT")" python "$WORK/python-first-$round.log"
		run_wrk "first_python_$round" pages.lua "$PYTHON_PORT" "$FIRST"
		stop "$PYTHON_PID"
		started=$(date +%s.%N)
		start_ours "$WORK/ours-first-$round.log" "$FIRST_ARGS"
		wait_for "$(readiness_url "$OURS_PORT")" ours "$WORK/ours-first-$round.log"
		log "ours ready $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s after its start; $(grep -o 'Warmed up in .*' "$WORK/ours-first-$round.log" || echo 'no warm-up line')"
		run_wrk "first_ours_$round" pages.lua "$OURS_PORT" "$FIRST"
		if [[ $FIRST_SETTLE != 0 ]]; then
			run_wrk "settle_ours_$round" pages.lua "$OURS_PORT" "$FIRST_SETTLE"
			run_wrk "settled_ours_$round" pages.lua "$OURS_PORT" "$FIRST"
		fi
		stop "$OURS_PID"
		if [[ -n ${FIRST_ALSO_JAR:-} ]]; then
			OURS_START=jar start_ours "$WORK/jar-first-$round.log" "$FIRST_ARGS"
			wait_for "$(readiness_url "$OURS_PORT")" "ours (plain jar)" "$WORK/jar-first-$round.log"
			run_wrk "first_jar_$round" pages.lua "$OURS_PORT" "$FIRST"
			stop "$OURS_PID"
		fi
	done
fi

log "starting ours on :$OURS_PORT ($OURS_START, $OURS_JAVA_OPTS $OURS_ARGS) and python on :$PYTHON_PORT (gunicorn -w $PYTHON_WORKERS)"
start_ours "$WORK/ours.log" "$OURS_ARGS"
start_python "$WORK/python.log"
wait_for "$(readiness_url "$OURS_PORT")" ours "$WORK/ours.log"
wait_for "$(ready_url "$PYTHON_PORT")" python "$WORK/python.log"

log "warming up both stacks ($WARMUP per measure and stack)"
for stack in python:$PYTHON_PORT ours:$OURS_PORT; do
	run_wrk "warmup_pages_${stack%%:*}" pages.lua "${stack##*:}" "$WARMUP"
	run_wrk "warmup_stats_${stack%%:*}" stats.lua "${stack##*:}" "$WARMUP"
done

log "measuring: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$DURATION --latency, $ROUNDS round(s), python and ours alternating"
for round in $(seq 1 "$ROUNDS"); do
	run_wrk "pages_python_$round" pages.lua "$PYTHON_PORT" "$DURATION"
	run_wrk "pages_ours_$round" pages.lua "$OURS_PORT" "$DURATION"
	run_wrk "stats_python_$round" stats.lua "$PYTHON_PORT" "$DURATION"
	run_wrk "stats_ours_$round" stats.lua "$OURS_PORT" "$DURATION"
done

log "walking the whole table by cursor (ours) and deep OFFSET pages (python)"
"$PY" "$BENCH_DIR/cursor_walk.py" "http://127.0.0.1:$OURS_PORT" "http://127.0.0.1:$PYTHON_PORT" "$BENCH_DB" \
	>>"$RESULTS" || die "cursor walk failed"

# --- table ---------------------------------------------------------------------------------------------------
CACHE_OFF=$([[ $OURS_ARGS == *response-cache-size=0* ]] && echo 1 || true) "$PY" - "$RESULTS" <<'EOF'
import os
import statistics
import sys

runs, walk = {}, {}
for line in open(sys.argv[1]):
    parts = line.split()
    if "=" in parts[0]:
        key, value = parts[0].split("=", 1)
        walk[key] = float(value)
    else:
        name = parts[0].rsplit("_", 1)[0]  # pages_ours_2 -> pages_ours
        runs.setdefault(name, []).append({k: float(v) for k, v in (p.split("=", 1) for p in parts[1:])})
# per stack and measure: the median over rounds of requests/s and of p99; errors summed
wrk = {name: {"rps": statistics.median(r["rps"] for r in rs), "p99_ms": statistics.median(r["p99_ms"] for r in rs),
              "non2xx": sum(r["non2xx"] for r in rs), "socket_errors": sum(r["socket_errors"] for r in rs),
              "all_rps": [r["rps"] for r in rs], "all_p99": [r["p99_ms"] for r in rs]}
       for name, rs in runs.items()}

rows = []
def row(measure, python, ours, ratio, target, met):
    rows.append((measure, python, ours, ratio, target, met))

def yes(ok):
    return "yes" if ok else "NO"

if "first_ours" in wrk:
    p, o = wrk["first_python"], wrk["first_ours"]
    r = o["rps"] / p["rps"]
    row("first seconds after start, pages, requests/s", f"{p['rps']:.0f}", f"{o['rps']:.0f}", f"{r:.1f}x", ">= 5x",
        yes(r >= 5))
    row("first seconds after start, pages, p99 ms", f"{p['p99_ms']:.1f}", f"{o['p99_ms']:.1f}",
        f"{p['p99_ms'] / o['p99_ms']:.1f}x lower", "ours <= 25 ms", yes(o["p99_ms"] <= 25))
if "settled_ours" in wrk:
    s = wrk["settled_ours"]
    row("  same process, warm (after settling), requests/s", "", f"{s['rps']:.0f}",
        f"first {o['rps'] / s['rps']:.2f}x", "", "")
    row("  same process, warm (after settling), p99 ms", "", f"{s['p99_ms']:.1f}",
        f"first {o['p99_ms'] / s['p99_ms']:.2f}x", "", "")
if "first_jar" in wrk:
    p, j = wrk["first_python"], wrk["first_jar"]
    row("  same, ours from the plain jar, requests/s", f"{p['rps']:.0f}", f"{j['rps']:.0f}",
        f"{j['rps'] / p['rps']:.1f}x", "", "")
    row("  same, ours from the plain jar, p99 ms", f"{p['p99_ms']:.1f}", f"{j['p99_ms']:.1f}",
        f"{p['p99_ms'] / j['p99_ms']:.1f}x lower", "", "")
cache_off = os.environ.get("CACHE_OFF") == "1"
pages_goal, pages_p99 = (10, 15) if cache_off else (5, 10)
for name, label, goal in (("pages", "random station-year pages (50 rows)", pages_goal),
                          ("stats", "random station-year stats", 10)):
    p, o = wrk[f"{name}_python"], wrk[f"{name}_ours"]
    r = o["rps"] / p["rps"]
    row(f"{label}, requests/s", f"{p['rps']:.0f}", f"{o['rps']:.0f}", f"{r:.1f}x", f">= {goal}x", yes(r >= goal))
    pr = p["p99_ms"] / o["p99_ms"]
    if name == "pages":
        row(f"{label}, p99 ms", f"{p['p99_ms']:.1f}", f"{o['p99_ms']:.1f}", f"{pr:.1f}x lower",
            f"ours <= {pages_p99} ms", yes(o["p99_ms"] <= pages_p99))
    else:
        row(f"{label}, p99 ms", f"{p['p99_ms']:.1f}", f"{o['p99_ms']:.1f}", f"{pr:.1f}x lower", "-", "-")
    errors = p["non2xx"] + p["socket_errors"] + o["non2xx"] + o["socket_errors"]
    if errors:
        row(f"{label}, errors (non-2xx + socket)", f"{p['non2xx'] + p['socket_errors']:.0f}",
            f"{o['non2xx'] + o['socket_errors']:.0f}", "", "0", "NO")

lp, fp = walk["py_last10_ms"], walk["py_first10_ms"]
lo, fo = walk["ours_last10_ms"], walk["ours_first10_ms"]
row("1000-row pages: median of first 10, ms", f"{fp:.1f}", f"{fo:.1f}", "", "", "")
row("1000-row pages: median of last 10, ms", f"{lp:.1f}", f"{lo:.1f}", "", "", "")
row("1000-row pages: last / first (python OFFSET, ours cursor)", f"{lp / fp:.2f}", f"{lo / fo:.2f}",
    "", "ours <= 1.5", yes(lo / fo <= 1.5))
pc = walk["ours_page20000_cursor_ms"]
row("unfiltered page 20,000 of 50 rows, ms (ours by cursor)", f"{walk['py_page20000_ms']:.0f}", f"{pc:.1f}",
    f"{walk['py_page20000_ms'] / pc:.0f}x", "-", "-")
row("unfiltered page=20000&per_page=50, ms (ours by OFFSET)", f"{walk['py_page20000_ms']:.0f}",
    f"{walk['ours_page20000_offset_ms']:.0f}", f"{walk['py_page20000_ms'] / walk['ours_page20000_offset_ms']:.1f}x",
    "-", "-")

header = ("measure", "python", "ours", "ratio", "target", "met?")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(6)]
def fmt(r):
    return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
print(fmt(header))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows:
    print(fmt(r))
if len(wrk["pages_ours"]["all_rps"]) > 1 or len(wrk.get("first_ours", {}).get("all_rps", [])) > 1:
    print("\nper round (requests/s / p99 ms):")
    for name in [n for n in ("first_python", "first_ours", "settled_ours", "first_jar") if n in wrk] + ["pages_python", "pages_ours",
                                                                           "stats_python", "stats_ours"]:
        print(f"  {name:13} " + "  ".join(f"{r:.0f} / {p:.1f}" for r, p in zip(wrk[name]["all_rps"], wrk[name]["all_p99"])))
print(f"\ncursor walk: {walk['walk_rows']:.0f} rows in {walk['walk_pages']:.0f} pages, {walk['walk_seconds']:.1f}s")
EOF
echo "dataset: $DATASET ($LINES lines, $STATIONS stations); database $BENCH_DB; $(nproc) cores; $(date -u +'%Y-%m-%d %H:%M UTC')"
echo "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$DURATION --latency x $ROUNDS round(s), medians (after $WARMUP warm-up each); ours: $OURS_START $OURS_JAVA_OPTS $OURS_ARGS; first seconds: $FIRST x $FIRST_ROUNDS fresh start(s), warm baseline after $FIRST_SETTLE more; python: gunicorn -w $PYTHON_WORKERS"
