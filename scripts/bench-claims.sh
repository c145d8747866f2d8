#!/usr/bin/env bash
# Claims extraction throughput: articles/s, MB/s of text and peak memory of
# `rasd claims --format jsonl` over the shared corpora (or the files given).
# Usage: scripts/bench-claims.sh [CORPUS.jsonl.gz ...]
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
set -- "${corpora[@]}"
for corpus in "$@"; do
  if [ ! -f "$corpus" ]; then echo "skip: $corpus is absent"; continue; fi
  log=$(mktemp)
  /usr/bin/time -v target/release/rasd claims --format jsonl "$corpus" 2>"$log" >/dev/null
  summary=$(grep 'documents read' "$log" | sed 's/^rasd: //')
  peak_kb=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  echo "$(basename "$corpus"): $summary; peak memory $((peak_kb / 1024)) MB; $(nproc) cores"
  rm -f "$log"
done
