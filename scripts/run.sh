#!/usr/bin/env bash
# Builds everything (native CLI and WebAssembly) and serves the calculator's
# page on 127.0.0.1; the address is printed.  Ctrl-C stops it.
# Usage: scripts/run.sh [PORT]      (default 8080; 0 picks a free port)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8080}}
scripts/build-web.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DROI_TESTS=OFF >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)" --target roi >/dev/null
echo "CLI: build/release/roi eval --pretty tests/fixtures/pay-per-meeting.json" >&2
exec python3 scripts/serve.py build/dist "$port"
