# Shared by the scripts that re-run a work folder's compile in pairs without and with FinCompliance
# (csc-perf-pairs.sh, csc-instructions.sh; sourced, not run).

# Sets csc to the csc.dll of the compile bench/report-analyzer.sh logged in <work>/with.log, and checks that the
# response files bench/csc-variants.sh writes for its quiet-without and quiet-with variants are there.
read_pair_compile() { # work folder
  local line side
  line=$(grep -m1 -E '/csc /noconfig ' "$1/with.log") || { echo "no csc command line in $1/with.log" >&2; exit 2; }
  csc="$(echo "$line" | awk '{print $1}').dll"
  for side in without with; do
    [ -f "$1/variants/quiet-$side.rsp" ] \
      || { echo "no $1/variants/quiet-$side.rsp: run bench/csc-variants.sh $1 1 quiet-without quiet-with first" >&2; exit 2; }
  done
}
