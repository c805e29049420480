#!/usr/bin/env bash
# One side-by-side run on the generated 1,000,000-invoice ledger: csv-parse alone (the floor for any
# CSV tool in Node), riskpay inspect, riskpay train, riskpay score with the saved model, and the
# pandas/scikit-learn peer. Prints wall time and peak RSS of each (GNU time) and the ratios.
#
#   bench/pipeline/run.sh [WORK_DIR]        (default WORK_DIR: /tmp/riskpay-bench)
#
# Needs: npx tsc -p tsconfig.json, /usr/bin/time, and for the peer python3-pandas and python3-sklearn
# from Debian (run with /usr/bin/python3, because a pyenv python3 may come first on PATH).
# Set SKIP_PEER=1 to leave out the Python peer, which takes several minutes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-/tmp/riskpay-bench}"
LEDGER="$WORK/ledger-1m.csv"
MODEL="$WORK/model-1m.json"
AS_OF=2025-01-01
mkdir -p "$WORK"
export NO_COLOR=1 LANG=C.UTF-8

if [[ ! -s "$LEDGER" ]]; then
  node "$ROOT/dist/bench/ledger/main.js" --out "$LEDGER" --invoices 1000000 --debtors 50000 --months 36 --seed 1
fi

RESULTS="$WORK/results.tsv"
printf 'step\tseconds\tpeak_rss_mb\tcommand\n' > "$RESULTS"

# Runs one step under GNU time; its stdout goes to $WORK/<step>.out and stderr to $WORK/<step>.err.
measure() {
  local step="$1"
  shift
  local timing="$WORK/$step.time"
  if ! /usr/bin/time -f '%e %M' -o "$timing" "$@" > "$WORK/$step.out" 2> "$WORK/$step.err"; then
    echo "$step failed (exit status above 0); see $WORK/$step.err" >&2
    tail -5 "$WORK/$step.err" >&2
    return 1
  fi
  read -r seconds rss_kb < "$timing"
  printf '%s\t%s\t%d\t%s\n' "$step" "$seconds" "$((rss_kb / 1024))" "$*" >> "$RESULTS"
  printf '%-10s %8.2f s %6d MB\n' "$step" "$seconds" "$((rss_kb / 1024))" >&2
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
measure csv-parse node "$ROOT/dist/bench/pipeline/csv-parse-floor.js" "$LEDGER"
measure inspect node "$ROOT/bin/riskpay.js" inspect "$LEDGER" --format json --no-progress
measure train node "$ROOT/bin/riskpay.js" train "$LEDGER" -o "$MODEL" --seed 1 --no-progress
measure score node "$ROOT/bin/riskpay.js" score "$LEDGER" --model "$MODEL" --as-of "$AS_OF" --format json -o "$WORK/score-1m.json" --no-progress
if [[ "${SKIP_PEER:-0}" != 1 ]]; then
  measure python-peer /usr/bin/python3 "$ROOT/bench/pipeline/peer.py" "$LEDGER" --jobs 2
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Ratios against the csv-parse floor and against the Python peer.
awk -F'\t' 'NR > 1 { t[$1] = $2; m[$1] = $3 }
  END {
    printf "score / csv-parse: %.2fx (target <= 3x); score peak RSS %d MB (target < 1024)\n", t["score"] / t["csv-parse"], m["score"]
    printf "inspect / csv-parse: %.2fx\n", t["inspect"] / t["csv-parse"]
    if ("python-peer" in t) printf "train / python peer: %.2fx (target <= 0.5x)\n", t["train"] / t["python-peer"]
  }' "$RESULTS" >&2
