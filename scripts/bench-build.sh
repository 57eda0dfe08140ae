#!/usr/bin/env bash
# Side-by-side build benchmark: ocop against Hugo on the same synthetic
# catalogue, in one run, alternating the two tools so machine drift hits
# both alike. Prints one table row per size with medians.
#
#   scripts/bench-build.sh [SIZES] [RUNS]      e.g. scripts/bench-build.sh "1000 5000 20000" 5
#
# Each cold build starts from the same state: no output folder, no ocop
# cache, and (when run as root) the kernel's caches dropped after the
# previous run's files were deleted, then the tool's source folder read
# once. Deleting tens of thousands of files makes the next creations slow
# on some virtual disks for a while; dropping the caches (after sync)
# resets that, so neither tool pays for the other's clean-up.
#
# Then, for ocop only (Hugo has no incremental production build): a
# rebuild with nothing changed, and a rebuild after renaming one product,
# each over the previous output.
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
settle() { # $1: the source folder the next tool reads
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 3 > /proc/sys/vm/drop_caches; fi
  # Through a pipe: GNU tar writing to /dev/null itself skips reading the
  # files, which left every source cold (read from disk during the build).
  tar -cf - "$1" 2>/dev/null | cat > /dev/null
}

echo "| products | ocop cold s | hugo cold s | ocop / hugo | ocop peak RSS MiB | hugo peak RSS MiB | ocop no-change s | ocop one-edit s | one-edit / cold |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  corpus="$work/c$n"
  [ -d "$corpus/ocop" ] || python3 "$gen" "$n" "$corpus" >/dev/null
  now=$(python3 -c "import json,sys; print(json.load(open('$corpus/corpus.json'))['now'])" 2>/dev/null || echo 2025-06-30)
  : > "$work/o.txt"; : > "$work/h.txt"; : > "$work/u.txt"; : > "$work/e.txt"
  product=$(find "$corpus/ocop/products" -name product.yaml | sort | sed -n 1p)
  cp "$product" "$work/product.yaml.orig"
  for i in $(seq "$runs"); do
    rm -rf "$work/out-h" "$work/out-o" "$corpus/ocop/.ocop-cache"
    settle "$corpus/hugo"
    timed "$hugo" --minify --quiet --ignoreCache -s "$corpus/hugo" -d "$work/out-h" >> "$work/h.txt"
    rm -rf "$work/out-h"
    settle "$corpus/ocop"
    timed "$work/ocop" build -s "$corpus/ocop" -o "$work/out-o" --now "$now" >> "$work/o.txt"
    sleep 0.2
    timed "$work/ocop" build -s "$corpus/ocop" -o "$work/out-o" --now "$now" >> "$work/u.txt"
    sed -i "s/^name: \(.*\)\$/name: \1 (sửa $i)/" "$product"
    timed "$work/ocop" build -s "$corpus/ocop" -o "$work/out-o" --now "$now" >> "$work/e.txt"
    cp "$work/product.yaml.orig" "$product"
  done
  ot=$(cut -d' ' -f1 "$work/o.txt" | median); ht=$(cut -d' ' -f1 "$work/h.txt" | median)
  om=$(cut -d' ' -f2 "$work/o.txt" | median); hm=$(cut -d' ' -f2 "$work/h.txt" | median)
  ut=$(cut -d' ' -f1 "$work/u.txt" | median); et=$(cut -d' ' -f1 "$work/e.txt" | median)
  awk -v n="$n" -v ot="$ot" -v ht="$ht" -v om="$om" -v hm="$hm" -v ut="$ut" -v et="$et" \
    'BEGIN { printf "| %d | %.2f | %.2f | %.2f | %.0f | %.0f | %.2f | %.2f | %.0f %% |\n", n, ot, ht, ot/ht, om/1024, hm/1024, ut, et, 100*et/ot }'
  echo "  raw ($n): ocop cold $(cut -d' ' -f1 "$work/o.txt" | tr '\n' ' ')| hugo $(cut -d' ' -f1 "$work/h.txt" | tr '\n' ' ')| no-change $(cut -d' ' -f1 "$work/u.txt" | tr '\n' ' ')| one-edit $(cut -d' ' -f1 "$work/e.txt" | tr '\n' ' ')| ocop RSS MiB $(awk '{printf "%.0f ", $2/1024}' "$work/o.txt")| hugo RSS MiB $(awk '{printf "%.0f ", $2/1024}' "$work/h.txt")" >&2
  rm -rf "$work/out-o"
done
