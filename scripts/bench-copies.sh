#!/usr/bin/env bash
# Copy detection: `rasd copies` over the shared corpora (articles/s of the
# detection stage and end to end, peak memory, recall of the silver pairs),
# and datasketch's MinHashLSH on the same shingles in the same run (time,
# and the pairs each finds). datasketch is installed with pip into
# target/bench-venv from PyPI.
# Usage: scripts/bench-copies.sh [CORPUS.jsonl.gz ...]
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
set -- "${corpora[@]}"
for corpus in "$@"; do
  [ -f "$corpus" ] || { echo "skip: $corpus is absent"; exit 0; }
done
venv=target/bench-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet datasketch
work=$(mktemp -d)
trap 'rm -rf "$work" "$data"' EXIT
log="$work/log"
/usr/bin/time -v target/release/rasd copies --format jsonl --silver --silver-out "$work/silver.jsonl" \
  --words-out "$work/words.jsonl" "$@" >"$work/rasd.jsonl" 2>"$log"
grep -v 'skipped' "$log" | grep '^rasd:' | grep -v 'pair missed' | sed 's/^rasd: /rasd: /'
echo "rasd: wall clock $(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}') (reading, detection, output, silver set and word export); peak memory $(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 )) MB; $(nproc) cores"
/usr/bin/time -v "$venv/bin/python" scripts/bench-copies.py "$work/words.jsonl" "$work/silver.jsonl" "$work/rasd.jsonl" 2>"$log"
echo "datasketch: peak memory $(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 )) MB"
