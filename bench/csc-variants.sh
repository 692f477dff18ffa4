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
# The order of the variants alternates (as given in odd rounds, reversed in even ones), so that a machine that speeds up
# or slows down within rounds favours none. Each variant after the first is also compared with the first round by round:
# the median and the mean of those per-round overheads, each with a 90 % bootstrap interval.
#
# This VM's run-to-run noise is several seconds at 600 files: use 5 rounds or more and compare medians.
set -euo pipefail
source "$(dirname "$0")/csc-pairs.sh"
source "$(dirname "$0")/stats.sh"
work="${1:?work folder of bench/report-analyzer.sh}"; rounds="${2:?rounds}"; shift 2
[ $# -gt 0 ] || { echo "no variants given" >&2; exit 2; }

read_logged_compile "$work"
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
variants=("$@"); reversed=(); for ((i = $# - 1; i >= 0; i--)); do reversed+=("${variants[i]}"); done
for round in $(seq 1 "$rounds"); do
  order=("${variants[@]}"); [ $((round % 2)) = 0 ] && order=("${reversed[@]}")
  for variant in "${order[@]}"; do
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

echo
echo "medians over $rounds round(s):"
for variant in "$@"; do
  wall=$(awk -v v="$variant" '$2 == v { print $3 }' "$work/variants/runs.txt" | median)
  cpu=$(awk -v v="$variant" '$2 == v { print $4 }' "$work/variants/runs.txt" | median)
  printf "  %-40s wall %6.2f s  CPU %6.2f s\n" "$variant" "$wall" "$cpu"
done
# Per round: variant $2's overhead over variant $1's run of the same round, in column $3 (3: wall, 4: CPU).
overheads() {
  awk -v f="$1" -v v="$2" -v c="$3" '$2 == f { base[$1] = $c } $2 == v { mine[$1] = $c }
    END { for (r in mine) if (r in base) printf "%.2f\n", (mine[r] - base[r]) * 100 / base[r] }' "$work/variants/runs.txt"
}
for variant in "${variants[@]:1}"; do
  echo "  $variant over $1, median of the per-round overheads: wall $(overheads "$1" "$variant" 3 | median | xargs printf '%+.1f') %" \
       "(90 % interval $(overheads "$1" "$variant" 3 | median_interval) %), CPU $(overheads "$1" "$variant" 4 | median | xargs printf '%+.1f') %" \
       "($(overheads "$1" "$variant" 4 | median_interval) %)"
  echo "    mean of the per-round overheads (90 % interval): wall $(overheads "$1" "$variant" 3 | mean_interval) %," \
       "CPU $(overheads "$1" "$variant" 4 | mean_interval) %"
done
echo "csc's output of each run (with its per-analyzer report, unless quiet-): $work/variants/<round>-<variant>.log"
