#!/usr/bin/env bash
# Where FinCompliance's cost goes in a new csc process per build: perf recordings of interleaved pairs without and with
# it, split by bench/perf-shares.py (its frames, the analyzer driver's work for it, JIT, GC, ...) per unit of the
# compiler's own work, as bench/server-perf-pairs.sh does for the warm compiler server. For the split, not the total: in
# a new process the method compiler is only a third of the samples and the rest swings by ±50 % between runs, so the
# per-pair totals are noisier than the clock (docs/performance.md, "Ninth round"); perf maps also cost the side that
# JIT-compiles more.
#
#   bench/csc-perf-pairs.sh <work folder> [pairs=4]
#
# Needs a work folder of bench/report-analyzer.sh, the response files bench/csc-variants.sh writes for its quiet-without
# and quiet-with variants (run it once with them), and perf. Each pair runs csc without and with FinCompliance under
# perf, alternating which goes first; the recordings are turned into text after the pair, so that the conversion never
# runs beside a measured compile. Recordings and their text are kept in <work>/csc-perf/.
#
set -euo pipefail
source "$(dirname "$0")/csc-pairs.sh"
work="${1:?work folder of bench/report-analyzer.sh}"
pairs="${2:-4}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$work/csc-perf"
read_pair_compile "$work"
mkdir -p "$out"

# JIT-compiled frames get names from the runtime's perf maps (/tmp/perf-<pid>.map), removed once read.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
list=()
for pair in $(seq 1 "$pairs"); do
  order="without with"; [ $((pair % 2)) = 0 ] && order="with without"
  started=$(mktemp)
  for side in $order; do
    (cd "$work/with" && perf record -g -e cpu-clock -F 499 -o "$out/$side$pair.data" -- \
      dotnet exec "$csc" "@$work/variants/quiet-$side.rsp" > "$out/$side$pair.log" 2>&1) \
      || { echo "csc failed for $side, see $out/$side$pair.log" >&2; exit 1; }
    echo "pair $pair, $side done"
  done
  for side in without with; do
    perf script -i "$out/$side$pair.data" -F ip,sym,dso > "$out/$side$pair.txt" 2>/dev/null
  done
  find /tmp -maxdepth 1 -name 'perf-*.map' -newer "$started" -delete
  rm -f "$started"
  list+=("$out/without$pair.txt" "$out/with$pair.txt")
done
echo
python3 "$repo/bench/perf-shares.py" "${list[@]}"
