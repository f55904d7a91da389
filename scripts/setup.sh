#!/usr/bin/env bash
# Installs what the build and the tests need, from Debian's packages (and, for
# the web part, npm packages from the committed lock file and cJSON's Debian
# source package).  Nothing third-party is ever committed.
# Usage: scripts/setup.sh [native|web|fuzz|hosts]     (default: native)
#   web:  also the WebAssembly build, Chromium, npm packages, cJSON's source
#   fuzz: also clang with libFuzzer's runtime and libzbar-dev (scripts/fuzz.sh),
#         and cJSON's source (compiled with the harnesses' instrumentation)
#   hosts: nginx (with brotli_static) and Apache, to test the generated host
#         files against the servers themselves (tests/deploy/hosts.test.mjs;
#         installed by the test command under CI only: on a workstation they
#         would be system services)
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
part=${1:-native}

native=(cmake make gcc binutils pkg-config libcjson-dev libcmocka-dev valgrind gcovr zbar-tools)
web=(emscripten chromium nodejs dpkg-dev poppler-utils brotli)
fuzz=(clang libclang-rt-14-dev libzbar-dev dpkg-dev)
hosts=(nginx libnginx-mod-http-brotli-static apache2)

as_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "This step needs root. Run it as root with:" >&2
    echo "  sudo sh -c '$1'" >&2
    exit 1
  fi
  sh -c "$1" >&2
}

install_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  as_root "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
}

# cJSON cannot be linked into WebAssembly from the -dev package: compile the
# same version from Debian's source package, fetched here into .deps/.
fetch_cjson_source() {
  compgen -G ".deps/cjson-*/cJSON.c" >/dev/null && return 0
  local sources=/etc/apt/sources.list.d/debian.sources
  if ! apt-get source --print-uris cjson >/dev/null 2>&1; then
    if [ -f "$sources" ] && ! grep -q 'deb-src' "$sources"; then
      as_root "sed -i 's/^Types: deb\$/Types: deb deb-src/' $sources && apt-get update"
    elif [ ! -f "$sources" ]; then
      echo "No deb-src entry for cJSON: add one to /etc/apt/sources.list and run apt-get update" >&2
      exit 1
    fi
  fi
  mkdir -p .deps
  (cd .deps && apt-get source cjson >/dev/null 2>&1)
  compgen -G ".deps/cjson-*/cJSON.c" >/dev/null || { echo "apt-get source cjson failed" >&2; exit 1; }
}

install_packages "${native[@]}"
if [ "$part" = fuzz ]; then
  install_packages "${fuzz[@]}"
  fetch_cjson_source
fi
if [ "$part" = web ]; then
  install_packages "${web[@]}"
  fetch_cjson_source
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund >&2
  fi
fi
if [ "$part" = hosts ]; then
  install_packages "${hosts[@]}"
fi
