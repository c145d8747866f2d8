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
