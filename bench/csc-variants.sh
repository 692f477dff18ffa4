#!/usr/bin/env bash
# Re-runs the compile of a bench/report-analyzer.sh work folder directly with csc (no MSBuild around it), in variants,
# round by round (interleaved), and prints each run's wall and CPU time and the medians. For A/B questions such as "does
# this change make csc faster?" or "what do the generators alone cost?" without a whole build per run.
#
#   bench/csc-variants.sh <work folder> <rounds> <variant>...
#
# Variants (all start from the with-FinCompliance compile that report-analyzer.sh logged in <work>/with.log):
#   without          no FinCompliance analyzers or generators
#   with             as built
#   analyzers        the analyzers only          generators   the generators only
#   dll=<path>       with, but this FinCompliance.Analyzers.dll (e.g. a copy of an older build)
#   dir=<folder>     with, but the three FinCompliance assemblies from this folder (a copy of the staged
#                    obj/<config>/<tfm>/fincompliance folder of an older build: analyzers, code fixes, generators)
#   per-rule         with, every rule an analyzer of its own (bench/PerRuleAnalyzers, staged by report-analyzer.sh's
#                    per-rule build): csc's report then times each rule
#   <variant>+VAR=value   run the variant with an environment variable (e.g. with+DOTNET_gcServer=0)
#   quiet-<variant>  the variant without /reportanalyzer (csc's per-callback timing costs time of its own); variants
#                    without quiet- get /reportanalyzer whether or not the logged build had it
#
# This VM's run-to-run noise is several seconds at 600 files: use 5 rounds or more and compare medians.
set -euo pipefail
work="${1:?work folder of bench/report-analyzer.sh}"; rounds="${2:?rounds}"; shift 2
[ $# -gt 0 ] || { echo "no variants given" >&2; exit 2; }

line=$(grep -m1 -E '/csc /noconfig ' "$work/with.log") || { echo "no csc command line in $work/with.log (run report-analyzer.sh first)" >&2; exit 2; }
csc="$(echo "$line" | awk '{print $1}').dll"
args=$(echo "$line" | sed -E 's#^ *[^ ]+/csc ##; s# /reportanalyzer##')
analyzers=$(echo "$args" | grep -oE '/analyzer:[^ ]*FinCompliance\.Analyzers\.dll')
generators=$(echo "$args" | grep -oE '/analyzer:[^ ]*FinCompliance\.Generators\.dll')
mkdir -p "$work/variants"
args=$(echo "$args" | sed -E "s#/out:[^ ]+#/out:$work/variants/out.dll#; s#/refout:[^ ]+#/refout:$work/variants/ref.dll#")

rsp() { # variant → response file path
  local name="${1%%+*}" file quiet=
  file="$work/variants/$(printf '%s' "$name" | tr -c 'A-Za-z0-9_.-' '_').rsp"
  [[ "$name" == quiet-* ]] && { quiet=1; name="${name#quiet-}"; }
  case "$name" in
    with) echo "$args" ;;
    without) echo "$args" | sed "s# $analyzers##; s# $generators##" ;;
    analyzers) echo "$args" | sed "s# $generators##" ;;
    generators) echo "$args" | sed "s# $analyzers##" ;;
    dll=*) echo "$args" | sed "s#$analyzers#/analyzer:${name#dll=}#" ;;
    per-rule) echo "$args" | sed "s#/fincompliance/#/fincompliance-per-rule/#g" ;;
    dir=*) echo "$args" | sed -E "s#/analyzer:[^ ]*/fincompliance/#/analyzer:${name#dir=}/#g" ;;
    *) echo "unknown variant $name" >&2; exit 2 ;;
  esac | if [ -n "$quiet" ]; then cat; else sed 's#$# /reportanalyzer#'; fi > "$file"
  echo "$file"
}

: > "$work/variants/runs.txt"
for round in $(seq 1 "$rounds"); do
  for variant in "$@"; do
    file=$(rsp "$variant")
    envs=(); [[ "$variant" == *+* ]] && envs=("${variant#*+}")
    log="$work/variants/$round-$(printf '%s' "$variant" | tr -c 'A-Za-z0-9_.=-' '_').log"
    (cd "$work/with" && /usr/bin/time -f "%e %U %S" -o "$work/variants/time" env "${envs[@]}" dotnet exec "$csc" "@$file" > "$log" 2>&1) \
      || { echo "csc failed for $variant, see $log" >&2; exit 1; }
    cp "$log" "$work/variants/last.log"
    read -r wall user sys < "$work/variants/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    echo "$round $variant $wall $cpu" >> "$work/variants/runs.txt"
    echo "round $round  $variant  wall ${wall} s  CPU ${cpu} s"
  done
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo
echo "medians over $rounds round(s):"
for variant in "$@"; do
  wall=$(awk -v v="$variant" '$2 == v { print $3 }' "$work/variants/runs.txt" | median)
  cpu=$(awk -v v="$variant" '$2 == v { print $4 }' "$work/variants/runs.txt" | median)
  printf "  %-40s wall %6.2f s  CPU %6.2f s\n" "$variant" "$wall" "$cpu"
done
echo "csc's output of each run (with its per-analyzer report, unless quiet-): $work/variants/<round>-<variant>.log"
