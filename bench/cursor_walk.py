#!/usr/bin/env python3
"""Deep-page costs, for bench/api-bench.sh (standard library only).

1. Ours: walks GET /api/weather?per_page=1000 by next_cursor over the whole table, timing every page; reports
   the median of the first 10 and of the last 10 pages (target: last <= 1.5x first).
2. Python: the same positions by OFFSET (page=1..10 and the last 10 pages of per_page=1000): it has no cursor.
3. Both: the unfiltered page 20,000 of 50 rows. Python and ours by page=20000 (OFFSET); ours also by cursor,
   the equivalent a client walking by next_cursor would send (built from a next_cursor of the same list by
   changing its page number and key to the last row of page 19,999, read from the database).

    cursor_walk.py OURS_URL PYTHON_URL PSQL_DATABASE   ->  KEY=VALUE lines (milliseconds) on stdout
"""
import base64
import http.client
import json
import statistics
import subprocess
import sys
import time
import urllib.parse


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    def get(self, path):
        start = time.perf_counter()
        self.conn.request("GET", path)
        response = self.conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {body[:300]!r}")
        return json.loads(body), elapsed


def median(values):
    return statistics.median(values)


def out(key, value):
    print(f"{key}={value:.2f}" if isinstance(value, float) else f"{key}={value}", flush=True)


def walk_ours(client):
    path = "/api/weather?per_page=1000"
    body, _ = client.get(path)  # warm-up: the first 20 pages, untimed
    for _ in range(19):
        body, _ = client.get(path + "&cursor=" + urllib.parse.quote(body["pagination"]["next_cursor"]))
    times, rows, total = [], 0, None
    body, elapsed = client.get(path)
    while True:
        times.append(elapsed)
        rows += len(body["data"])
        total = body["pagination"]["total"]
        cursor = body["pagination"]["next_cursor"]
        if not cursor:
            break
        body, elapsed = client.get(path + "&cursor=" + urllib.parse.quote(cursor))
    if rows != total:
        raise SystemExit(f"cursor walk served {rows} rows, total says {total}")
    out("walk_pages", len(times))
    out("walk_rows", rows)
    out("walk_seconds", sum(times) / 1000)
    out("ours_first10_ms", median(times[:10]))
    out("ours_last10_ms", median(times[-10:]))
    return total


def offset_pages_python(client, total):
    pages = (total + 999) // 1000
    first = [client.get(f"/api/weather?per_page=1000&page={p}")[1] for p in range(1, 11)]
    last = [client.get(f"/api/weather?per_page=1000&page={p}")[1] for p in range(pages - 9, pages + 1)]
    out("py_first10_ms", median(first))
    out("py_last10_ms", median(last))


def page_20000(ours, python, database):
    path = "/api/weather?per_page=50&page=20000"
    out("py_page20000_ms", median([python.get(path)[1] for _ in range(3)]))
    out("ours_page20000_offset_ms", median([ours.get(path)[1] for _ in range(3)]))
    # the cursor a client walking 50 rows at a time would hold on page 19,999: same filters and per_page
    first, _ = ours.get("/api/weather?per_page=50")
    text = base64.urlsafe_b64decode(first["pagination"]["next_cursor"] + "==").decode()
    version, fingerprint = text.split("|")[:2]
    key = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-Atc",
                          "SELECT station_id || '|' || observation_date FROM weather_observation "
                          "ORDER BY station_id, observation_date OFFSET 999949 LIMIT 1"],
                         check=True, capture_output=True, text=True).stdout.strip()
    cursor = base64.urlsafe_b64encode(f"{version}|{fingerprint}|20000|{key}".encode()).decode().rstrip("=")
    times = []
    for _ in range(3):
        body, elapsed = ours.get("/api/weather?per_page=50&cursor=" + cursor)
        times.append(elapsed)
    offset_body, _ = ours.get(path)
    if body["data"] != offset_body["data"]:
        raise SystemExit("page 20,000 by cursor differs from page 20,000 by offset")
    out("ours_page20000_cursor_ms", median(times))


def main():
    ours_url, python_url, database = sys.argv[1:4]
    ours, python = Client(ours_url), Client(python_url)
    total = walk_ours(ours)
    offset_pages_python(python, total)
    page_20000(ours, python, database)


if __name__ == "__main__":
    main()
