"""The datasketch side of scripts/bench-copies.sh: MinHashLSH over the same
5-word shingles of the same normalized words, 128 permutations, threshold
0.3; its candidate pairs compared with the silver pairs and Rasd's pairs.

Usage: python bench-copies.py WORDS.jsonl SILVER.jsonl RASD_PAIRS.jsonl
"""
import json
import sys
import time

from datasketch import MinHash, MinHashLSH

words_path, silver_path, rasd_path = sys.argv[1:4]
docs = [json.loads(line) for line in open(words_path, encoding="utf-8")]
started = time.perf_counter()
sigs = []
for d in docs:
    w = d["words"].split(" ") if d["words"] else []
    shingles = {" ".join(w[i:i + 5]).encode("utf-8") for i in range(len(w) - 4)}
    m = MinHash(num_perm=128)
    m.update_batch(list(shingles))
    sigs.append(m)
hashed = time.perf_counter()
lsh = MinHashLSH(threshold=0.3, num_perm=128)
for d, m in zip(docs, sigs):
    lsh.insert(d["id"], m)
pairs = set()
for d, m in zip(docs, sigs):
    for other in lsh.query(m):
        if other != d["id"]:
            pairs.add(tuple(sorted((d["id"], other))))
done = time.perf_counter()


def load(path):
    out = set()
    for line in open(path, encoding="utf-8"):
        p = json.loads(line)
        out.add(tuple(sorted((p["a"], p["b"]))))
    return out


silver = load(silver_path)
rasd = load(rasd_path)
n = len(docs)
print(f"datasketch: {n} documents; hashing {hashed - started:.1f} s, LSH {done - hashed:.1f} s, "
      f"total {done - started:.1f} s ({n / (done - started):.0f} documents/s); {len(pairs)} candidate pairs")
print(f"silver pairs: {len(silver)}; found by datasketch (candidates, unverified): "
      f"{len(silver & pairs)} (recall {len(silver & pairs) / max(1, len(silver)):.4f}); "
      f"found by rasd (verified): {len(silver & rasd)} (recall {len(silver & rasd) / max(1, len(silver)):.4f})")
print(f"pairs both report: {len(pairs & rasd)}; only datasketch: {len(pairs - rasd)}; only rasd: {len(rasd - pairs)}")
