#!/usr/bin/env bash
# Audit the built site in a real browser (issue 7): Nu HTML Checker, axe-core
# and Lighthouse on the example site, and on a generated 200-product site for
# the layouts the example is too small to show (pagers, long listings).
#
#   bash scripts/audit.sh            # from the repository root
#
# Needs Go, Node.js and npm, Java (installed with apt-get when missing) and
# Chromium at /usr/bin/chromium (or $CHROMIUM). Installs the npm packages
# pinned in scripts/audit/package-lock.json. The generated site comes from
# cmd/gencatalog, or else from $GENCORPUS (default
# ../shared/peers/gencorpus.py); without either only the example is audited.
# Exit code 0 when every target is met, non-zero otherwise; the summary
# table is printed at the end. AUDIT_OUT=DIR keeps the axe and Lighthouse
# reports.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PORT_EXAMPLE=${AUDIT_PORT_EXAMPLE:-18181}
PORT_GEN=${AUDIT_PORT_GEN:-18182}
N=${AUDIT_PRODUCTS:-200}

if ! command -v java >/dev/null; then
  apt-get update && apt-get install -y default-jre-headless
fi
: "${CHROMIUM:=/usr/bin/chromium}"
export CHROMIUM
if [ ! -x "$CHROMIUM" ]; then echo "audit: no Chromium at $CHROMIUM" >&2; exit 2; fi

# npm ci is skipped when node_modules already matches the lock file.
# --ignore-scripts: vnu-jar's postinstall would download a JDK; we use the
# system Java.
(
  cd scripts/audit
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.audit-lock; then
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.audit-lock
  fi
)

work=$(mktemp -d "${TMPDIR:-/tmp}/ocop-audit.XXXXXX")
trap 'rm -rf "$work"' EXIT

go build -o "$work/ocop" ./cmd/ocop

echo "== building the example site"
"$work/ocop" build --now 2026-11-30 --base-url "http://127.0.0.1:$PORT_EXAMPLE/" -o "$work/example"

echo "== building a generated site of $N products"
# cmd/gencatalog when the repository has it (and it runs); otherwise the
# shared peer corpus generator.
gensite=""
if [ -d cmd/gencatalog ] && go run ./cmd/gencatalog -n "$N" -o "$work/gen" >"$work/gencatalog.log" 2>&1; then
  gensite="$work/gen"
  [ -f "$gensite/site.yaml" ] || gensite="$work/gen/ocop"
else
  if [ -d cmd/gencatalog ]; then
    echo "audit: go run ./cmd/gencatalog failed, using gencorpus.py:"; tail -n 3 "$work/gencatalog.log"
  fi
  gencorpus=${GENCORPUS:-$root/../shared/peers/gencorpus.py}
  if [ -f "$gencorpus" ]; then
    rm -rf "$work/gen"
    python3 "$gencorpus" "$N" "$work/gen" >/dev/null
    gensite="$work/gen/ocop"
  else
    echo "audit: WARNING: neither cmd/gencatalog nor $gencorpus: auditing the example site only"
  fi
fi
sites=(--site "example=$work/example=$PORT_EXAMPLE=full")
if [ -n "$gensite" ]; then
  if ! "$work/ocop" build -s "$gensite" --now 2025-06-30 --base-url "http://127.0.0.1:$PORT_GEN/" -o "$work/generated" >"$work/gen.log" 2>&1; then
    cat "$work/gen.log" >&2; exit 1
  fi
  tail -n 1 "$work/gen.log"
  sites+=(--site "generated=$work/generated=$PORT_GEN=sample")
fi

echo "== auditing"
node scripts/audit/audit.mjs "${sites[@]}" --out "${AUDIT_OUT:-$work/reports}"
