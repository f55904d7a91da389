#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses of fuzz/ (see the README, "Fuzzing").
#
# Usage:
#   scripts/fuzz.sh smoke [seconds]           each harness for about 60 s (or the
#                                             seconds given; FUZZ_SMOKE_SECONDS too);
#                                             exits non-zero on any finding
#   scripts/fuzz.sh long <harness> <amount>   one long run: <amount> is a number of
#                                             executions (10000000, 10M, 500k) or a
#                                             duration (3600s, 90m, 2h); prints the
#                                             executions, seconds, exec/s and findings;
#                                             FUZZ_JOBS=N splits it over N processes
#                                             (one per core) that share the working
#                                             corpus, and prints their totals
#   scripts/fuzz.sh build                     only build the harnesses
#   scripts/fuzz.sh run <harness> FILE...     run the harness on these inputs (a
#                                             finding to reproduce, a corpus)
# Harnesses: link eval sim qr.
#
# Everything goes under build/fuzz/ (git-ignored): the CMake build (-DROI_FUZZ=ON,
# clang, cJSON compiled from Debian's source so it is instrumented too), the
# working corpora build/fuzz/corpus/<harness>/ (new inputs land there; the
# committed seeds of fuzz/corpus/<harness>/ are only read), the findings
# build/fuzz/findings/<harness>/ (crash-*, leak-*, timeout-*, oom-*: each is the
# input that did it) and the logs build/fuzz/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

HARNESSES=(link eval sim qr)
out=build/fuzz
jobs=$(nproc 2>/dev/null || echo 2)

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

# libFuzzer options per harness: the longest input (a link just over the 8 KiB
# limit; a scenario document of a few channels; a QR payload past version 40's
# capacity) and the dictionary.
options() {
  case $1 in
    link) echo "-max_len=8400 -dict=fuzz/link.dict" ;;
    eval) echo "-max_len=8192 -dict=fuzz/eval.dict" ;;
    sim)  echo "-max_len=8192 -dict=fuzz/sim.dict" ;;
    qr)   echo "-max_len=3000" ;;
    *) echo "unknown harness '$1' (one of: ${HARNESSES[*]})" >&2; exit 2 ;;
  esac
}

build() {
  scripts/setup.sh fuzz
  local cjson
  cjson=$(ls -d .deps/cjson-*/ | head -n 1)
  cmake -S . -B "$out" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DROI_FUZZ=ON -DROI_TESTS=OFF -DROI_CJSON_SOURCE_DIR="$PWD/${cjson%/}" >/dev/null
  cmake --build "$out" -j "$jobs" >/dev/null
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# Runs one harness; $1 harness, $2 log file, the rest libFuzzer options.
# Returns libFuzzer's exit status (0: nothing found).
fuzz() {
  local h=$1 log=$2
  shift 2
  mkdir -p "$out/corpus/$h" "$out/findings/$h" "$out/logs"
  # shellcheck disable=SC2046
  "$out/fuzz/fuzz_$h" $(options "$h") -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/findings/$h/" "$@" "$out/corpus/$h" "fuzz/corpus/$h" >"$log" 2>&1
}

final_stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -n 1; }

# One line of figures from a log: executions, seconds, exec/s, new inputs, RSS.
summary() {
  local h=$1 log=$2 execs secs
  execs=$(final_stat number_of_executed_units "$log")
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  printf '%-5s %12s execs in %6ss = %8s exec/s (libFuzzer average), %s new inputs, peak RSS %s MB\n' \
    "$h" "${execs:-?}" "${secs:-?}" "$(final_stat average_exec_per_sec "$log")" \
    "$(final_stat new_units_added "$log")" "$(final_stat peak_rss_mb "$log")"
}

# The findings a run wrote, and the lines of its log that say what happened.
report_findings() {
  local h=$1 log=$2 since=$3 f
  find "$out/findings/$h" -type f -newer "$since" | sort | while read -r f; do
    echo "  finding: $f   (reproduce: scripts/fuzz.sh run $h $f)"
  done
  grep -E -m 5 'ERROR: |property broken|runtime error:|SUMMARY:' "$log" | sed 's/^/  /' || true
}

mode=${1:-}
case $mode in
  build)
    build
    echo "harnesses: $out/fuzz/fuzz_{$(IFS=,; echo "${HARNESSES[*]}")}"
    ;;

  smoke)
    seconds=${2:-${FUZZ_SMOKE_SECONDS:-60}}
    build
    failed=()
    for h in "${HARNESSES[@]}"; do
      log=$out/logs/$h-smoke.log
      mark=$(mktemp) # findings newer than this are this run's
      if fuzz "$h" "$log" -max_total_time="$seconds"; then
        summary "$h" "$log"
      else
        summary "$h" "$log"
        echo "FINDING in $h (log: $log)"
        report_findings "$h" "$log" "$mark"
        failed+=("$h")
      fi
      rm -f "$mark"
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "fuzz smoke run: findings in ${failed[*]}" >&2
      exit 1
    fi
    echo "fuzz smoke run: no finding (${#HARNESSES[@]} harnesses, ${seconds} s each)"
    ;;

  long)
    [ $# -eq 3 ] || usage
    h=$2 amount=$3
    options "$h" >/dev/null
    case $amount in
      *[0-9]s) limit=(-max_total_time="${amount%s}") ;;
      *[0-9]m) limit=(-max_total_time=$(( ${amount%m} * 60 ))) ;;
      *[0-9]h) limit=(-max_total_time=$(( ${amount%h} * 3600 ))) ;;
      *[0-9]M) limit=(-runs=$(( ${amount%M} * 1000000 ))) ;;
      *[0-9]k) limit=(-runs=$(( ${amount%k} * 1000 ))) ;;
      *[0-9]) limit=(-runs="$amount") ;;
      *) usage ;;
    esac
    build
    n=${FUZZ_JOBS:-1}
    if [ "${limit[0]%%=*}" = -runs ]; then # each process runs its share
      total=${limit[0]#-runs=}
      limit=(-runs=$(( (total + n - 1) / n )))
    fi
    stamp=$(date +%Y%m%d-%H%M%S)
    mark=$(mktemp)
    echo "fuzz_$h ${limit[*]}, $n job(s); logs: $out/logs/$h-long-$stamp-*.log"
    start=$(date +%s)
    pids=()
    for j in $(seq 1 "$n"); do
      fuzz "$h" "$out/logs/$h-long-$stamp-$j.log" "${limit[@]}" -seed=$(( start % 100000 * 10 + j )) &
      pids+=($!)
    done
    status=0
    for p in "${pids[@]}"; do wait "$p" || status=$?; done
    wall=$(( $(date +%s) - start ))
    sum=0
    for j in $(seq 1 "$n"); do
      log=$out/logs/$h-long-$stamp-$j.log
      summary "$h" "$log"
      execs=$(final_stat number_of_executed_units "$log")
      sum=$(( sum + ${execs:-0} ))
    done
    if [ "$wall" -gt 0 ]; then
      echo "      total ${sum} executions in ${wall} s wall clock: $(( sum / wall )) exec/s overall ($n job(s))"
    fi
    if grep -q 'run interrupted' "$out/logs/$h-long-$stamp"-*.log; then
      echo "      interrupted (libFuzzer exit $status)"
    elif [ $status -ne 0 ]; then
      echo "FINDING in $h (libFuzzer exit $status)"
      for j in $(seq 1 "$n"); do report_findings "$h" "$out/logs/$h-long-$stamp-$j.log" "$mark"; done
    else
      echo "      findings: none"
    fi
    rm -f "$mark"
    exit $status
    ;;

  run)
    [ $# -ge 3 ] || usage
    h=$2
    shift 2
    options "$h" >/dev/null
    [ -x "$out/fuzz/fuzz_$h" ] || build
    exec "$out/fuzz/fuzz_$h" "$@"
    ;;

  *) usage ;;
esac
