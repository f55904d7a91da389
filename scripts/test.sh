#!/usr/bin/env bash
# Runs every test: the strict native build with ctest (unit tests, CLI tests,
# valgrind, allocation check), the same tests under AddressSanitizer and
# UndefinedBehaviorSanitizer, a smoke run of the libFuzzer harnesses (each for
# about 60 s: scripts/fuzz.sh smoke), a line-coverage report of core/, then the
# WebAssembly build with its Node tests (same bytes as the CLI, links), the
# production build's header checks (tests/deploy/) and the browser tests of
# the page in headless Chromium (on build/dist, under the production headers).
# Usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

scripts/setup.sh web
# Under CI, nginx and Apache too: the generated host files are tested against
# the servers themselves (tests/deploy/hosts.test.mjs; elsewhere those two
# tests run where the servers are installed, and say so when skipped).
if [ -n "${CI:-}" ]; then scripts/setup.sh hosts; fi

step() { printf '\n==> %s\n' "$*"; }

step "native build (strict warnings) and tests"
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build/test -j "$jobs"
ctest --test-dir build/test --output-on-failure -j "$jobs"

step "AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DROI_SANITIZE=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"

step "fuzzing smoke run: each libFuzzer harness of fuzz/ for about 60 s (scripts/fuzz.sh smoke)"
scripts/fuzz.sh smoke

step "line coverage of core/"
cmake -S . -B build/coverage -DCMAKE_BUILD_TYPE=Debug -DROI_COVERAGE=ON >/dev/null
cmake --build build/coverage -j "$jobs" >/dev/null
find build/coverage -name '*.gcda' -delete
ctest --test-dir build/coverage -j "$jobs" -E '^valgrind_' >/dev/null
gcovr -r . --object-directory build/coverage --filter 'core/' --print-summary \
  --txt build/coverage/coverage.txt --fail-under-line 90 | tail -n 3

step "WebAssembly engine (Node), the page's pure modules (Node), the production build's headers (check-deploy against scripts/serve.py) and the page (headless Chromium, on the production build under its headers)"
scripts/build-web.sh   # also builds build/release/roi (fields.json, codes.json)
node --test --test-concurrency=1 tests/wasm/*.test.mjs $(find web -name '*.test.mjs' ! -path 'web/engine/*' | sort) \
  tests/deploy/*.test.mjs \
  $(ls tests/browser/*.test.mjs 2>/dev/null || true)
