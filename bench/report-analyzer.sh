#!/usr/bin/env bash
# Builds the synthetic code base with csc's own analyzer and generator timing (-p:ReportAnalyzer=true), with and
# without FinCompliance, round by round (interleaved, so a change of machine load hits both alike), and prints:
#   - per round: the Csc task's wall time and the CPU time (user + sys) of the whole build, with and without;
#   - the medians and FinCompliance's overhead;
#   - csc's per-analyzer / per-generator execution times of the last round, each as a % of the compile without.
#
#   bench/report-analyzer.sh [files=2100] [work folder=/tmp/fincompliance-bench] [rounds=1]
#
# The projects are written by bench/SyntheticCodebase against this checkout's src/ (analyzers and generators as project
# references, Release). The measured build is a single-node rebuild of the synthetic project only (-m:1,
# -nodeReuse:false), so the CPU time is csc's plus a constant MSBuild share.
set -euo pipefail
files="${1:-2100}"
work="${2:-/tmp/fincompliance-bench}"
rounds="${3:-1}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

generate() { # folder, extra args
  if [ ! -f "$1/Synthetic.csproj" ] || [ "$(cat "$1/.files" 2>/dev/null)" != "$files $repo" ]; then
    rm -rf "$1"
    dotnet run -c Release --project "$repo/bench/SyntheticCodebase" -- "$1" --files "$files" "${@:2}" >/dev/null
    echo "$files $repo" > "$1/.files"
  fi
  # Build once (restore, project references in Release) so that the measured rebuild compiles only this project.
  dotnet build "$1/Synthetic.csproj" -c Release -v:q -nologo >/dev/null
}

compile() { # folder, log → prints "<Csc wall ms> <build CPU ms>"
  /usr/bin/time -f "%U %S" -o "$2.time" \
    dotnet build "$1/Synthetic.csproj" -c Release --no-restore -t:Rebuild -p:BuildProjectReferences=false \
      -p:ReportAnalyzer=true -m:1 -nodeReuse:false -v:d -nologo -clp:PerformanceSummary > "$2" 2>&1
  local wall cpu
  wall=$(grep -E '^ +[0-9]+ ms  Csc ' "$2" | awk '{print $1}')
  cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$2.time")
  echo "$wall $cpu"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a - b) * 100 / b }'; }

generate "$work/without" --no-fincompliance
generate "$work/with"

: > "$work/rounds.txt"
for round in $(seq 1 "$rounds"); do
  read -r wall0 cpu0 < <(compile "$work/without" "$work/without.log")
  read -r wall1 cpu1 < <(compile "$work/with" "$work/with.log")
  echo "$wall0 $cpu0 $wall1 $cpu1" >> "$work/rounds.txt"
  echo "round $round: Csc wall without ${wall0} ms, with ${wall1} ms ($(percent "$wall1" "$wall0") %);" \
       "build CPU without ${cpu0} ms, with ${cpu1} ms ($(percent "$cpu1" "$cpu0") %)"
done

wall0=$(awk '{print $1}' "$work/rounds.txt" | median); cpu0=$(awk '{print $2}' "$work/rounds.txt" | median)
wall1=$(awk '{print $3}' "$work/rounds.txt" | median); cpu1=$(awk '{print $4}' "$work/rounds.txt" | median)
echo
echo "median of $rounds round(s), $files files: Csc wall $wall0 → $wall1 ms (+$(percent "$wall1" "$wall0") %)," \
     "build CPU $cpu0 → $cpu1 ms (+$(percent "$cpu1" "$cpu0") %)"
# Rounds are interleaved, so each round's own ratio cancels a slow period that hits both builds: its median is the
# steadier overhead figure on a shared machine.
echo "median of the per-round overheads: Csc wall" \
     "+$(awk '{ printf "%.1f\n", ($3 - $1) * 100 / $1 }' "$work/rounds.txt" | median) %, build CPU" \
     "+$(awk '{ printf "%.1f\n", ($4 - $2) * 100 / $2 }' "$work/rounds.txt" | median) %"
echo
echo "csc's report, last round with FinCompliance (execution times summed over threads):"
grep -E 'Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +FinCompliance' "$work/with.log" | sed 's/^ */  /'
echo
echo "per analyzer / generator, last round, as a share of the median Csc wall time without FinCompliance"
echo "(the budget is 1.5 % per rule; csc times all rules together as FinComplianceRuleHost, the one exported analyzer:"
echo " per-rule times come from the in-process harness, dotnet run -c Release --project bench/FinCompliance.Benchmarks -- --full):"
grep -E '^ +[0-9.<]+ +[0-9<]+ +FinCompliance\.(Analyzers|Generators)\.[A-Za-z.]+' "$work/with.log" \
  | awk -v base="$wall0" '{ t = $1; sub(/^</, "", t); $1 = $2 = ""; printf "  %6.2f %%  %s\n", t * 1000 * 100 / base, $0 }'
