#!/usr/bin/env bash
# Builds the WebAssembly core (MinSizeRel: -Os keeps the page under 80 KB
# gzipped; the simulation stays within 2x of native) and assembles the static site in build/site/:
# web/* + wasm/roi.js + the compiled roi_core.js and roi_core.wasm, our
# JavaScript minified with esbuild (from the npm lock file).
# Usage: scripts/build-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh web
# Emscripten 3.1.6's optimizer needs Debian's acorn module.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
cjson=$(ls -d .deps/cjson-*/ | head -n 1)
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel -DROI_TESTS=OFF \
  -DROI_CJSON_SOURCE_DIR="$PWD/${cjson%/}" >/dev/null
cmake --build build/wasm -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
rm -rf build/site
mkdir -p build/site
cp -R web/. build/site/
find build/site -name '*.test.mjs' -delete # the unit tests of web/ stay out of the site
cp wasm/roi.js build/wasm/roi_core.js build/wasm/roi_core.wasm build/site/
# Minify our modules one by one (no bundling: the same files, imports and
# names, only smaller): about 8 KB less gzipped for every visitor.  The
# Emscripten glue is minified already.  MINIFY=0 keeps them readable.
if [ "${MINIFY:-1}" != 0 ]; then
  mapfile -t modules < <(find build/site -name '*.js' ! -name roi_core.js)
  node_modules/.bin/esbuild "${modules[@]}" --minify --target=es2022 --log-level=warning \
    --outdir=build/site --outbase=build/site --allow-overwrite
fi
echo "site assembled in build/site" >&2
