#!/usr/bin/env bash
# Side-by-side build benchmark: ocop against Hugo on the same synthetic
# catalogue, in one run, alternating the two tools so machine drift hits
# both alike. Prints one table row per size with medians.
#
#   scripts/bench-build.sh [SIZES] [RUNS]      e.g. scripts/bench-build.sh "1000 5000 20000" 5
#
# Needs: python3 and the peer corpus generator (../shared/peers/gencorpus.py,
# which writes the same catalogue as an ocop site and as a Hugo site with
# equivalent templates), and Hugo v0.160.0:
#   go install github.com/gohugoio/hugo@v0.160.0
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1000 5000 20000"}
runs=${2:-5}
gen=${GENCORPUS:-../shared/peers/gencorpus.py}
work=${BENCH_DIR:-/tmp/ocop-bench}
hugo=${HUGO:-$(command -v hugo || echo "$HOME/go/bin/hugo")}
mkdir -p "$work"
go build -o "$work/ocop" ./cmd/ocop

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timed() { # prints "seconds kilobytes"
  /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$work/time.err" || { cat "$work/time.err"; exit 1; }
  tail -1 "$work/time.err"
}

echo "| products | ocop build s (median) | hugo build s (median) | ocop / hugo | ocop peak RSS MB | hugo peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  corpus="$work/c$n"
  [ -d "$corpus/ocop" ] || python3 "$gen" "$n" "$corpus" >/dev/null
  now=$(python3 -c "import json,sys; print(json.load(open('$corpus/corpus.json'))['now'])" 2>/dev/null || echo 2025-06-30)
  : > "$work/o.txt"; : > "$work/h.txt"
  for i in $(seq "$runs"); do
    rm -rf "$work/out-h" "$work/out-o"
    timed "$hugo" --minify --quiet --ignoreCache -s "$corpus/hugo" -d "$work/out-h" >> "$work/h.txt"
    timed "$work/ocop" build -s "$corpus/ocop" -o "$work/out-o" --now "$now" >> "$work/o.txt"
  done
  ot=$(cut -d' ' -f1 "$work/o.txt" | median); ht=$(cut -d' ' -f1 "$work/h.txt" | median)
  om=$(cut -d' ' -f2 "$work/o.txt" | median); hm=$(cut -d' ' -f2 "$work/h.txt" | median)
  awk -v n="$n" -v ot="$ot" -v ht="$ht" -v om="$om" -v hm="$hm" \
    'BEGIN { printf "| %d | %.2f | %.2f | %.2f | %.0f | %.0f |\n", n, ot, ht, ot/ht, om/1024, hm/1024 }'
done
