#!/usr/bin/env bash
# Benchmark (not a test): computations per second of the core (roi_evaluate,
# struct in, struct out) at a previous release against the working tree, on
# the same scenario (pay-per-meeting), both Release builds, run alternately in
# the same run so that the shared machine's load hits both alike.  Prints each
# run, the means and the new/old ratio (the aim: at least 0.90, i.e. the base
# computation no more than 10 % slower).
# Usage: scripts/bench-core-vs-old.sh [OLD_COMMIT=94c75d1] [ROUNDS=3] [SECONDS=1]
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:-94c75d1}
rounds=${2:-3}
seconds=${3:-1}
fixture=$PWD/tests/fixtures/pay-per-meeting.json
work=$PWD/build/bench-old
tree=$work/src

# The old sources in a temporary worktree, removed on exit.
cleanup() { git worktree remove --force "$tree" >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
rm -rf "$work"
git worktree prune
git worktree add --detach "$tree" "$old" >/dev/null 2>&1
old_rev=$(git -C "$tree" rev-parse --short HEAD)
new_rev="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- core bench || echo +changes)"

echo "building roi_bench (Release) at $old_rev and at $new_rev..." >&2
cmake -S "$tree" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DROI_TESTS=OFF >/dev/null
cmake --build "$work/build" -j2 --target roi_bench >/dev/null
cmake -S . -B build/bench-new -DCMAKE_BUILD_TYPE=Release -DROI_TESTS=OFF >/dev/null
cmake --build build/bench-new -j2 --target roi_bench >/dev/null

# The "compute (struct in, struct out): N evaluations/s" line of roi_bench.
compute_rate() { "$1" "$fixture" "$seconds" | awk '/^compute/ { print $6 }'; }

olds=() news=()
for ((i = 1; i <= rounds; i++)); do
  # Alternate which goes first, so neither always runs on a warmer machine.
  if ((i % 2)); then
    o=$(compute_rate "$work/build/roi_bench"); n=$(compute_rate build/bench-new/roi_bench)
  else
    n=$(compute_rate build/bench-new/roi_bench); o=$(compute_rate "$work/build/roi_bench")
  fi
  olds+=("$o"); news+=("$n")
  printf 'round %d: old %s  new %s computations/s\n' "$i" "$o" "$n"
done
printf '%s\n' "${olds[*]}" "${news[*]}" | awk -v old="$old_rev" -v new="$new_rev" '
  NR == 1 { for (i = 1; i <= NF; i++) o += $i; o /= NF }
  NR == 2 { for (i = 1; i <= NF; i++) n += $i; n /= NF }
  END {
    printf "scenario: tests/fixtures/pay-per-meeting.json, %d rounds of each, interleaved\n", NF
    printf "old (%s): %.0f computations/s (mean)\n", old, o
    printf "new (%s): %.0f computations/s (mean)\n", new, n
    printf "new/old: %.3f (aim: >= 0.90, no more than 10 %% slower)\n", n / o
  }'
