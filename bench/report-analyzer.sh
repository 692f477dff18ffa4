#!/usr/bin/env bash
# Builds the synthetic code base with csc's own analyzer and generator timing (-p:ReportAnalyzer=true), with and
# without FinCompliance, and prints the compile times and FinCompliance's share of the compiler's report.
#   bench/report-analyzer.sh [files=2100] [work folder=/tmp/fincompliance-bench] [rounds=1]
# The figures are csc's: its Csc task wall time, and the per-analyzer / per-generator execution times it reports.
set -euo pipefail
files="${1:-2100}"
work="${2:-/tmp/fincompliance-bench}"
rounds="${3:-1}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

generate() { # folder, extra args
  if [ ! -f "$1/Synthetic.csproj" ] || [ "$(cat "$1/.files" 2>/dev/null)" != "$files" ]; then
    rm -rf "$1"
    dotnet run -c Release --project "$repo/bench/SyntheticCodebase" -- "$1" --files "$files" "${@:2}" >/dev/null
    echo "$files" > "$1/.files"
  fi
  # Build once (restore, project references in Release) so that the measured rebuild compiles only this project.
  dotnet build "$1/Synthetic.csproj" -c Release -v:q -nologo >/dev/null
}

compile() { # folder, log
  dotnet build "$1/Synthetic.csproj" -c Release --no-restore -t:Rebuild -p:BuildProjectReferences=false \
    -p:ReportAnalyzer=true -v:d -nologo -clp:PerformanceSummary > "$2" 2>&1
  grep -E '^ +[0-9]+ ms  Csc ' "$2" | awk '{print $1}'
}

generate "$work/without" --no-fincompliance
generate "$work/with"

for round in $(seq 1 "$rounds"); do
  without=$(compile "$work/without" "$work/without.log")
  with=$(compile "$work/with" "$work/with.log")
  echo "round $round: Csc without FinCompliance ${without} ms, with ${with} ms, overhead $(( with - without )) ms" \
       "($(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.1f", (a - b) * 100 / b }') %)"
done

echo
echo "csc's report for the last round with FinCompliance (times are summed over threads):"
grep -E 'Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +FinCompliance' "$work/with.log" | sed 's/^ *//'
echo
echo "per rule against the Csc time without FinCompliance (budget 1.5 % each):"
grep -E '^ +[0-9.<]+ +[0-9<]+ +FinCompliance\.(Analyzers|Generators)\.[A-Za-z.]+' "$work/with.log" \
  | awk -v base="$without" '{ t = $1; sub(/^</, "", t); $1 = $2 = ""; printf "  %6.2f %%  %s\n", t * 1000 * 100 / base, $0 }'
