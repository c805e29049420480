#!/usr/bin/env bash
# Rounds of csv-parse alone and riskpay score on the generated 1M-invoice ledger, one after the other,
# for one or more builds (checkouts with a compiled dist/). The score / csv-parse ratio of each build
# then comes from the same minutes of a shared machine. Run bench/pipeline/run.sh first: it makes the ledger
# and the model.
#
#   bench/pipeline/pairs.sh ROUNDS WORK_DIR BUILD_DIR...
#
# Prints one line per step: wall seconds, user CPU seconds and peak RSS in MiB (GNU time), and the ratio.
set -euo pipefail

ROUNDS="$1"
WORK="$2"
shift 2
FLOOR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/dist/bench/pipeline/csv-parse-floor.js"
export NO_COLOR=1 LANG=C.UTF-8
cd "$WORK"

for round in $(seq 1 "$ROUNDS"); do
  read -r floor floor_user floor_kb < <(/usr/bin/time -f '%e %U %M' node "$FLOOR" ledger-1m.csv 2>&1 >/dev/null | tail -1)
  printf 'round %d  csv-parse %6.2f s %6.2f user %5d MB\n' "$round" "$floor" "$floor_user" "$((floor_kb / 1024))"
  for build in "$@"; do
    read -r wall user kb < <(/usr/bin/time -f '%e %U %M' node "$build/bin/riskpay.js" score ledger-1m.csv --model model-1m.json \
      --as-of 2025-01-01 --format json -o "score-pairs.json" --no-progress 2>&1 >/dev/null | tail -1)
    ratio=$(awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
    printf '         %-30s %6.2f s %6.2f user %5d MB  %sx\n' "$build" "$wall" "$user" "$((kb / 1024))" "$ratio"
  done
  echo "         load average $(cut -d' ' -f1 /proc/loadavg)"
done
