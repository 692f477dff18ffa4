#!/usr/bin/env bash
# FinCompliance's overhead in the warm compiler server, measured against the compiler's own work (bench/perf-shares.py)
# instead of the clock, which on this VM varies by ±15 % between runs of the same compile.
#
#   bench/server-perf-pairs.sh [work folder=/tmp/fincompliance-bench] [pairs=4] [warm-up builds of each=3]
#
# Needs a work folder of bench/report-analyzer.sh (its with/ and without/ projects, built) and perf. Starts a new compiler
# server (VBCSCompiler, as `dotnet build` uses by default) with perf maps on, warms it up, then records pairs of builds
# with perf attached to the server, without and with FinCompliance, alternating which goes first. Recordings and their
# text are kept in <work>/server-perf/.
set -euo pipefail
work="${1:-/tmp/fincompliance-bench}"
pairs="${2:-4}"
warmups="${3:-3}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$work/server-perf"
[ -f "$work/with/Synthetic.csproj" ] && [ -f "$work/without/Synthetic.csproj" ] \
  || { echo "no projects in $work: run bench/report-analyzer.sh first" >&2; exit 2; }
mkdir -p "$out"

server_pid() { pgrep -f 'VBCSCompiler(\.dll)? -pipename' | head -1; }
build() { # project, log
  dotnet build "$work/$1/Synthetic.csproj" -c Release --no-restore -t:Rebuild -p:BuildProjectReferences=false \
    -p:UseSharedCompilation=true -m:1 -nodeReuse:false -v:d -nologo -clp:PerformanceSummary > "$2" 2>&1
  grep -q 'CompilerServer: server - server processed compilation' "$2" \
    || { echo "not compiled by the compiler server: $2" >&2; exit 1; }
}

# A new server that inherits the perf-map settings (JIT-compiled frames get names) from the first build.
old=$(server_pid || true); [ -n "$old" ] && kill "$old" && sleep 1
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
for _ in $(seq 1 "$warmups"); do build without "$out/warm-up.log"; build with "$out/warm-up.log"; done
pid=$(server_pid)
echo "compiler server $pid, warmed up with $warmups build(s) of each project"

list=()
for pair in $(seq 1 "$pairs"); do
  order="without with"; [ $((pair % 2)) = 0 ] && order="with without"
  for side in $order; do
    perf record -g -e cpu-clock -F 499 -p "$pid" -o "$out/$side$pair.data" >/dev/null 2>&1 &
    recorder=$!
    sleep 1
    build "$side" "$out/$side$pair.log"
    kill -INT "$recorder"; wait "$recorder" || true
    [ "$(server_pid)" = "$pid" ] || { echo "the compiler server restarted during pair $pair" >&2; exit 1; }
    echo "pair $pair, $side: Csc $(grep -E '^ +[0-9]+ ms  Csc ' "$out/$side$pair.log" | awk '{print $1}') ms"
  done
  for side in without with; do
    perf script -i "$out/$side$pair.data" -F ip,sym,dso > "$out/$side$pair.txt" 2>/dev/null
  done
  list+=("$out/without$pair.txt" "$out/with$pair.txt")
done
echo
python3 "$repo/bench/perf-shares.py" "${list[@]}"
