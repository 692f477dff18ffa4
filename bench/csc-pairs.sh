# Shared by the scripts that re-run the compile of a bench/report-analyzer.sh work folder (csc-variants.sh, and the
# pair scripts csc-perf-pairs.sh and csc-instructions.sh; sourced, not run).

# Sets line to the compile's command line that report-analyzer.sh logged in <work>/with.log, and csc to its csc.dll.
read_logged_compile() { # work folder
  line=$(grep -m1 -E '/csc /noconfig ' "$1/with.log") \
    || { echo "no csc command line in $1/with.log (run bench/report-analyzer.sh first)" >&2; exit 2; }
  csc="$(echo "$line" | awk '{print $1}').dll"
}

# read_logged_compile, and checks that the response files csc-variants.sh writes for its quiet-without and quiet-with
# variants, which the pair scripts re-run, are there.
read_pair_compile() { # work folder
  local side
  read_logged_compile "$1"
  for side in without with; do
    [ -f "$1/variants/quiet-$side.rsp" ] \
      || { echo "no $1/variants/quiet-$side.rsp: run bench/csc-variants.sh $1 1 quiet-without quiet-with first" >&2; exit 2; }
  done
}
