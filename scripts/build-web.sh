#!/usr/bin/env bash
# Builds the engine into web/engine/ (scripts/build-engine.sh) and assembles
# the static site in build/site/: a copy of web/ (tests left out), our
# JavaScript minified with esbuild (from the npm lock file).
# `python3 scripts/serve.py web` serves the same page unminified.
# Usage: scripts/build-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-engine.sh
rm -rf build/site
mkdir -p build/site
cp -R web/. build/site/
find build/site -name '*.test.mjs' -delete
# Minify our modules one by one (no bundling: the same files, imports and
# names, only smaller): about 8 KB less gzipped for every visitor.  The
# Emscripten glue is minified already.  MINIFY=0 keeps them readable.
if [ "${MINIFY:-1}" != 0 ]; then
  mapfile -t modules < <(find build/site -name '*.js' ! -name roi_core.js)
  node_modules/.bin/esbuild "${modules[@]}" --minify --target=es2022 --log-level=warning \
    --outdir=build/site --outbase=build/site --allow-overwrite
fi
echo "site assembled in build/site" >&2
