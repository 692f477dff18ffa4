#!/usr/bin/env bash
# The total in a new csc process per build, counted in instructions instead of seconds: each pair runs csc without and
# with FinCompliance under valgrind (cachegrind, no cache simulation), which counts every instruction the process
# executes (the runtime, its JIT and GC, the compiler, the analyzers and generators). Unlike the clock, it does not
# depend on the machine's speed once the runtime's tiering is fixed (TIERING, below).
#
#   bench/csc-instructions.sh <work folder> [pairs=1]
#
# Needs a work folder of bench/report-analyzer.sh, the response files bench/csc-variants.sh writes for its quiet-without
# and quiet-with variants (run it once with them), and valgrind. The two compiles of a pair run at the same time, one
# per core (valgrind runs a process's threads one at a time). A pair takes ~5 minutes at 300 files and ~47 at 2,100
# (never, off), ~13 at 300 files with no-delay. Logs and cachegrind's files are kept in <work>/csc-instructions-<tiering>/.
#
# The runtime promotes hot methods to optimised code only after a tiering delay measured on the clock (100 ms, 10x on
# one processor, restarted whenever methods are called for the first time). Under valgrind that delay ends after ~14x
# less work than natively, and the slower the run the less: at 300 files the same compile counted 44 % more sharing a
# core than alone, the JIT of the methods the shorter delay let through. So the count runs in a setting free of the
# clock, TIERING=
#   never     (default) a delay longer than the run: nothing promoted, FinCompliance's code stays at tier 0 while the
#             compiler's runs as shipped (ReadyToRun); of the settings a real process can be in, the one that gave
#             FinCompliance its largest share
#   no-delay  the delay at 0: every method called 30 times is promoted (at 300 files ~3.5x the count of never)
#   off       no tiering: ReadyToRun code as shipped, every other method compiled optimised at its first call (the
#             most expensive JIT for FinCompliance's methods; no user's setting)
#   runtime   the runtime's own delay (the twelfth round's setting: pairs then compare only side by side, at one speed)
# A real process promotes between no-delay and never. Only runtime leaves a decision to the clock: the same compile
# counted at two speeds repeats to 0.3 % with no-delay and to 0.04 % with tiering off (docs/performance.md,
# "Thirteenth round").
# The compile runs on one thread (/parallel-), in a fixed order: on more threads, when the thread pool adds a thread
# depends on time, and with it how much the threads wait (one pair at 300 files counted +20.7 % that way, against
# +4.1 % on one thread). The other settings, each because of valgrind:
#   DOTNET_PROCESSOR_COUNT=1       valgrind runs one thread at a time, and so the runtime is told
#   DOTNET_GCRegionRange           the GC's default 256 GiB reservation fails under valgrind
#   DOTNET_EnableWriteXorExecute=0 JIT-compiled code mapped once, not twice (valgrind re-reads it, --smc-check)
# What the count leaves out: how the work spreads over cores (in the clock's rounds the wall-clock overhead was the CPU
# overhead plus 0.3 %: the generators' serial phase) and the time an instruction takes.
set -euo pipefail
source "$(dirname "$0")/csc-pairs.sh"
source "$(dirname "$0")/stats.sh"
work="${1:?work folder of bench/report-analyzer.sh}"
pairs="${2:-1}"
tiering_setting="${TIERING:-never}"
case "$tiering_setting" in
  # ~3 hours in either reading of the value (the runtime reads some settings as hexadecimal)
  never) tiering=(DOTNET_TC_CallCountingDelayMs=10000000) ;;
  no-delay) tiering=(DOTNET_TC_CallCountingDelayMs=0) ;;
  off) tiering=(DOTNET_TieredCompilation=0) ;;
  runtime) tiering=() ;;
  *) echo "TIERING must be never, no-delay, off or runtime" >&2; exit 2 ;;
esac
out="$work/csc-instructions-$tiering_setting"
read_pair_compile "$work"
command -v valgrind > /dev/null || { echo "valgrind not found" >&2; exit 2; }
mkdir -p "$out"

count() { # side, pair → "instructions seconds" (and the run's files in $out/<side><pair>.*)
  local side=$1 pair=$2 start
  # Each run its own output assembly: the two of a pair run at the same time.
  sed -E "s#/out:[^ ]+#/out:$out/$side$pair.dll#; s#/refout:[^ ]+#/refout:$out/$side$pair.ref.dll#; s#\$# /parallel-#" \
    "$work/variants/quiet-$side.rsp" > "$out/$side$pair.rsp"
  start=$(date +%s)
  (cd "$work/with" && env DOTNET_PROCESSOR_COUNT=1 DOTNET_GCRegionRange=0x200000000 DOTNET_EnableWriteXorExecute=0 "${tiering[@]}" \
    valgrind --tool=cachegrind --cache-sim=no --branch-sim=no --smc-check=all-non-file \
      --cachegrind-out-file="$out/$side$pair.cachegrind" dotnet exec "$csc" "@$out/$side$pair.rsp" > "$out/$side$pair.log" 2>&1) \
    || { echo "csc failed under valgrind ($side, pair $pair), see $out/$side$pair.log" >&2; return 1; }
  grep -q ' error CS' "$out/$side$pair.log" && { echo "compile errors ($side, pair $pair), see $out/$side$pair.log" >&2; return 1; }
  echo "$(grep -oE 'I +refs: +[0-9,]+' "$out/$side$pair.log" | grep -oE '[0-9,]+$' | tr -d ,) $(($(date +%s) - start))"
}

: > "$out/pairs.txt"
for pair in $(seq 1 "$pairs"); do
  count without "$pair" > "$out/without$pair.count" & first=$!
  count with "$pair" > "$out/with$pair.count" & second=$!
  # Both waited for, so that a failed side does not leave the other running unseen.
  failed=0; wait "$first" || failed=1; wait "$second" || failed=1
  [ "$failed" = 0 ] || exit 1
  read -r without seconds_without < "$out/without$pair.count"
  read -r with seconds_with < "$out/with$pair.count"
  echo "$pair $without $with" >> "$out/pairs.txt"
  printf "pair %d: instructions without %.3f G, with %.3f G (%s %%); %d s and %d s under valgrind\n" "$pair" \
    "$(awk -v n="$without" 'BEGIN { print n / 1e9 }')" "$(awk -v n="$with" 'BEGIN { print n / 1e9 }')" \
    "$(percent "$with" "$without")" "$seconds_without" "$seconds_with"
done
echo
echo "Tiering: $tiering_setting"
echo "FinCompliance over the compile without it, in instructions, mean of $pairs pair(s) (90 % interval):" \
  "$(awk '{ printf "%.3f\n", ($3 - $2) * 100 / $2 }' "$out/pairs.txt" | mean_interval) %"
