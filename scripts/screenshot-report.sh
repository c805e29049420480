#!/usr/bin/env bash
# Renders the HTML report of the e2e fixture in headless Chromium and saves a PNG.
# Usage: scripts/screenshot-report.sh [OUTPUT.png] [riskpay score arguments...]
# Needs the Debian package `chromium` and a build (npx tsc -p tsconfig.json).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
png="$(realpath -m "${1:-$root/report.png}")"
shift || true
if [ "$#" -eq 0 ]; then
  set -- "$root/test/e2e/fixtures/invoices.csv" --as-of 2024-06-30
fi

chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium_bin" ]; then
  echo "screenshot-report: chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
html="$work/report.html"
node "$root/bin/riskpay.js" score "$@" --format html --out "$html" --quiet

# A new empty profile and no background services: the page is local and must load nothing else.
"$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --window-size=1280,2000 \
  --screenshot="$png" "file://$html" >/dev/null 2>&1

echo "Wrote $png"
