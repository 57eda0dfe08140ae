#!/usr/bin/env bash
# Side-by-side of ocop's search and Pagefind on a generated catalogue, in
# one run (see BENCHMARKS.md).
#
#   scripts/bench-search.sh N [RUNS]
#
# Generates (or reuses) a corpus of N products with
# /work/shared/peers/gencorpus.py (CORPUS=dir to use an existing one; it is
# copied, never modified), then, RUNS times alternating: builds it with
# ocop without the search step and with it (the difference is the index's
# cost), and indexes the same output with Pagefind (npx pagefind). Then
# measures the query set in headless Chromium for both
# (generator/internal/browsertest TestBenchQueries). Results go to
# /tmp/ocop-bench-search-N/ (or $OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:?usage: scripts/bench-search.sh N [RUNS]}
RUNS=${2:-3}
WORK=${OUT:-/tmp/ocop-bench-search-$N}
GEN=${GENCORPUS:-/work/shared/peers/gencorpus.py}
NOW=2025-06-30
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

if [ -n "${CORPUS:-}" ]; then
  SRC=$CORPUS
else
  SRC=$WORK/corpus/ocop
  [ -d "$SRC" ] || python3 "$GEN" "$N" "$WORK/corpus" >/dev/null
fi

# Two binaries from the committed HEAD: as is, and without the search step.
tree=$(mktemp -d)
git worktree add -q --detach "$tree" HEAD
(cd "$tree" && go build -o "$WORK/ocop" ./cmd/ocop)
sed -i '/^\tb\.search()$/d' "$tree/generator/site/site.go"
(cd "$tree" && go build -o "$WORK/ocop-nosearch" ./cmd/ocop)
git worktree remove --force "$tree"

# wall seconds, CPU seconds (user+sys) and peak RSS KB of a command. CPU
# time is the steadier figure on a shared machine.
measure() { /usr/bin/time -f "%e %U %S %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.2f %s\n", $1, $2+$3, $4}'; }

: > "$WORK/times.txt"
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/site-nosearch" "$WORK/site"
  read -r aw ac am < <(measure "$WORK/ocop-nosearch" build -s "$SRC" -o "$WORK/site-nosearch" --now $NOW)
  read -r bw bc bm < <(measure "$WORK/ocop" build -s "$SRC" -o "$WORK/site" --now $NOW)
  rm -rf "$WORK/site/pagefind"
  read -r cw cc cm < <(measure npx --yes "${PAGEFIND:-pagefind@1.6.0}" --site "$WORK/site")
  echo "run $i: ocop without search ${aw}s wall ${ac}s CPU; with search ${bw}s wall ${bc}s CPU (peak RSS ${am} → ${bm} KB); pagefind ${cw}s wall ${cc}s CPU (peak RSS ${cm} KB)" | tee -a "$WORK/times.txt"
done

{
  echo "ocop search index: $(find "$WORK/site/search" -type f | wc -l) files, $(du -sb "$WORK/site/search" | cut -f1) bytes ($(du -sk "$WORK/site/search" | cut -f1) KB on disk)"
  echo "pagefind index:    $(find "$WORK/site/pagefind" -type f | wc -l) files, $(du -sb "$WORK/site/pagefind" | cut -f1) bytes ($(du -sk "$WORK/site/pagefind" | cut -f1) KB on disk)"
  js=$(ls "$WORK"/site/static/js/search*.js | head -1); echo "search.js: $(wc -c < "$js") bytes, $(gzip -9c "$js" | wc -c) gzip"
} | tee "$WORK/sizes.txt"
# The index step alone, in process (load excluded).
OCOP_SEARCH_SITE="$SRC" go test ./generator/search -run 'TestScale$' -count=1 -v | grep -E 'index |encode ' | sed 's/^ *scale_test.go:[0-9]*: //' | tee -a "$WORK/sizes.txt"

OCOP_BENCH_OUT="$WORK/site" OCOP_BENCH_SITE="$SRC" go test ./generator/internal/browsertest -run TestBenchQueries -count=1 -v -timeout 60m \
  | grep '^BENCH ' | sed 's/^BENCH //' > "$WORK/queries.jsonl"
python3 - "$WORK/queries.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("| query | tool | results | first query KB (gzip) | requests | of which for results | ms to 10 results | recall |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for r in rows:
    facet = [f for f in r['files'] if f.startswith('search/m.json ')]
    fkb = sum(int(f.split()[-1]) for f in facet)
    res = f"{r['requests']-len(facet)} req, {(r['bytes']-fkb)/1000:.1f} KB" if r['tool'] == 'ocop' else ''
    trunc = ' (first 5,000)' if r['truncated'] else ''
    print(f"| {r['query']} | {r['tool']} | {r['results']} | {r['bytes']/1000:.1f} | {r['requests']} | {res} | {r['ms']:.0f} | {r['found']}/{r['expected']} = {100*r['recall']:.0f}%{trunc} |")
PY
