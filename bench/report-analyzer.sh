#!/usr/bin/env bash
# Builds the synthetic code base with and without FinCompliance, round by round (interleaved, so a change of machine
# load hits both alike), and prints:
#   - per round: the Csc task's wall time and the CPU time (user + sys) of the whole build, with and without;
#   - the medians, and the median of the per-round overheads (the steadier figure on a shared machine);
#   - csc's own per-rule and per-generator execution times (-p:ReportAnalyzer=true), each as a % of the compile without,
#     from one more build in which every rule is an analyzer of its own (bench/PerRuleAnalyzers).
#
#   bench/report-analyzer.sh [files=2100] [work folder=/tmp/fincompliance-bench] [rounds=1]
#
# The rounds build as users build, without ReportAnalyzer: csc's per-callback timing would be paid only by the build with
# FinCompliance. REPORT_ANALYZER_ROUNDS=1 times them with it, as the references before 2026-11-29 were measured.
# COMPILER_SERVER=1 compiles in the compiler server (VBCSCompiler), as `dotnet build` and the IDE do by default (this
# machine's environment sets UseSharedCompilation=false, so a plain build runs a new csc process each time): two
# warm-up builds of each project first, then the rounds in the same warm server; the CPU column is then the server's
# own CPU time for the compile (from /proc), not the build's.
# The package exports one analyzer (FinComplianceRuleHost), which csc can only time as a whole; the per-rule build exports
# 21, which sets off the thread pool's slow mode (docs/performance.md, "Fourth round"), so its callback times come out high.
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
  # Written again when the size, the checkout or the writer's code changed.
  local stamp
  stamp="$files $repo $(cat "$repo"/bench/SyntheticCodebase/*.cs | md5sum | cut -c1-12)"
  if [ ! -f "$1/Synthetic.csproj" ] || [ "$(cat "$1/.files" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$1"
    dotnet run -c Release --project "$repo/bench/SyntheticCodebase" -- "$1" --files "$files" "${@:2}" >/dev/null
    echo "$stamp" > "$1/.files"
  fi
  # Build once (restore, project references in Release) so that the measured rebuild compiles only this project.
  dotnet build "$1/Synthetic.csproj" -c Release -v:q -nologo >/dev/null
}

timed=false; [ "${REPORT_ANALYZER_ROUNDS:-0}" = 1 ] && timed=true
server=false; [ "${COMPILER_SERVER:-0}" = 1 ] && server=true
cpu_name="build CPU"; $server && cpu_name="server CPU"

server_pid() { pgrep -f 'VBCSCompiler(\.dll)? -pipename' | head -1; }
server_cpu() { # pid → user + sys CPU of the server so far, ms
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo 0
}

compile() { # folder, log, extra MSBuild arguments... → prints "<Csc wall ms> <CPU ms>"
  local pid before=0
  if $server; then pid=$(server_pid || true); [ -n "$pid" ] && before=$(server_cpu "$pid"); fi
  /usr/bin/time -f "%U %S" -o "$2.time" \
    dotnet build "$1/Synthetic.csproj" -c Release --no-restore -t:Rebuild -p:BuildProjectReferences=false \
      -p:UseSharedCompilation=$server -m:1 -nodeReuse:false -v:d -nologo -clp:PerformanceSummary "${@:3}" > "$2" 2>&1
  local wall cpu
  wall=$(grep -E '^ +[0-9]+ ms  Csc ' "$2" | awk '{print $1}')
  if $server; then
    # Only a compile the warm server ran counts: a new server (or csc's fallback to a process of its own) is a cold start.
    if [ -z "$pid" ] || [ "$(server_pid || true)" != "$pid" ] || ! grep -q 'CompilerServer: server - server processed compilation' "$2"; then
      echo "not compiled by the warm compiler server: $2" >&2; cpu=0
    else
      cpu=$(( $(server_cpu "$pid") - before ))
    fi
  else
    cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$2.time")
  fi
  echo "$wall $cpu"
}

source "$(dirname "$0")/stats.sh"

generate "$work/without" --no-fincompliance
generate "$work/with"

if $server; then
  for _ in 1 2; do compile "$work/without" "$work/without.log" >/dev/null 2>&1 || true; compile "$work/with" "$work/with.log" >/dev/null 2>&1 || true; done
  echo "compiler server: pid $(server_pid), warmed up with two builds of each project"
fi
: > "$work/rounds.txt"
for round in $(seq 1 "$rounds"); do
  # The order alternates (without first in odd rounds, with first in even ones), so a machine that speeds up or slows
  # down within rounds does not favour one side.
  if [ $((round % 2)) = 1 ]; then
    read -r wall0 cpu0 < <(compile "$work/without" "$work/without.log" -p:ReportAnalyzer=$timed)
    read -r wall1 cpu1 < <(compile "$work/with" "$work/with.log" -p:ReportAnalyzer=$timed)
  else
    read -r wall1 cpu1 < <(compile "$work/with" "$work/with.log" -p:ReportAnalyzer=$timed)
    read -r wall0 cpu0 < <(compile "$work/without" "$work/without.log" -p:ReportAnalyzer=$timed)
  fi
  echo "$wall0 $cpu0 $wall1 $cpu1" >> "$work/rounds.txt"
  echo "round $round: Csc wall without ${wall0} ms, with ${wall1} ms ($(percent "$wall1" "$wall0") %);" \
       "$cpu_name without ${cpu0} ms, with ${cpu1} ms ($(percent "$cpu1" "$cpu0") %)"
done

wall0=$(awk '{print $1}' "$work/rounds.txt" | median); cpu0=$(awk '{print $2}' "$work/rounds.txt" | median)
wall1=$(awk '{print $3}' "$work/rounds.txt" | median); cpu1=$(awk '{print $4}' "$work/rounds.txt" | median)
echo
echo "median of $rounds round(s), $files files: Csc wall $wall0 → $wall1 ms ($(percent "$wall1" "$wall0") %)," \
     "$cpu_name $cpu0 → $cpu1 ms ($(percent "$cpu1" "$cpu0") %)"
# Rounds are interleaved, so each round's own ratio cancels a slow period that hits both builds: its median is the
# steadier overhead figure on a shared machine.
overheads() { awk -v a="$1" -v b="$2" '{ printf "%.2f\n", ($a - $b) * 100 / $b }' "$work/rounds.txt" | sort -n; }
echo "median of the per-round overheads: Csc wall" \
     "$(overheads 3 1 | median | xargs printf '%+.1f') % (all: $(overheads 3 1 | xargs printf '%+.1f ')), $cpu_name" \
     "$(overheads 4 2 | median | xargs printf '%+.1f') %"
echo "90 % interval of that median (bootstrap): Csc wall $(overheads 3 1 | median_interval) %, $cpu_name $(overheads 4 2 | median_interval) %"
echo
echo "per-rule build (every rule an analyzer of its own, -p:ReportAnalyzer=true): $work/per-rule.log"
# In the server the per-rule assembly is new: its first build runs it cold (not JIT-compiled yet), so that one is not kept.
$server && compile "$work/with" "$work/per-rule.log" -p:ReportAnalyzer=true -p:FinCompliancePerRule=true >/dev/null
read -r wall2 cpu2 < <(compile "$work/with" "$work/per-rule.log" -p:ReportAnalyzer=true -p:FinCompliancePerRule=true)
echo "  its Csc wall ${wall2} ms; csc's totals, execution times summed over threads:"
grep -E 'Total (analyzer|generator) execution time|^ +[0-9.<]+ +[0-9<]+ +FinCompliance' "$work/per-rule.log" | sed 's/^ */    /'
echo
echo "per rule / generator, as a share of the median Csc wall time without FinCompliance (budget: 1.5 % per rule):"
grep -E '^ +[0-9.<]+ +[0-9<]+ +FinCompliance\.(PerRuleAnalyzers|Generators)\.[A-Za-z.]+' "$work/per-rule.log" \
  | awk -v base="$wall0" '{ t = $1; sub(/^</, "", t); $1 = $2 = ""; printf "  %6.2f %%  %s\n", t * 1000 * 100 / base, $0 }' \
  | sort -rn
if grep -q 'RulesWithoutTheirOwnLine (FIN' "$work/per-rule.log"; then
  echo "  (RulesWithoutTheirOwnLine: rules missing from bench/PerRuleAnalyzers/Rules.cs, timed together; add them there)"
fi
