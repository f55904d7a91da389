#!/usr/bin/env bash
# Builds the engine into web/engine/ (git-ignored build output), so that
# `python3 scripts/serve.py web` serves a working page after this one step:
#   roi.js (the API, over roi_bind.js), roi_core.js + roi_core.wasm (the
#   WebAssembly core, MinSizeRel), and the widget's lite engine: roi_lite.js,
#   roi_lite_core.js + roi_lite_core.wasm (evaluation and links only),
#   fields.json (and fields.js, the same as a module) and codes.json (the native CLI's `roi fields` and `roi codes`:
#   field defaults, bounds and enum values, error codes, straight from the C
#   tables, so the page copies none of them).
# Usage: scripts/build-engine.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh web
jobs=$(nproc 2>/dev/null || echo 2)
# Emscripten 3.1.6's optimizer needs Debian's acorn module.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
cjson=$(ls -d .deps/cjson-*/ | head -n 1)
# -Oz and link-time optimisation: the smallest engine (about 1 % below -Os
# gzipped; the widget counts its bytes).
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel -DROI_TESTS=OFF \
  -DCMAKE_C_FLAGS_MINSIZEREL="-Oz -flto -DNDEBUG" -DCMAKE_EXE_LINKER_FLAGS="-Oz -flto" \
  -DROI_CJSON_SOURCE_DIR="$PWD/${cjson%/}" >/dev/null
cmake --build build/wasm -j "$jobs" >/dev/null
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DROI_TESTS=OFF >/dev/null
cmake --build build/release -j "$jobs" --target roi >/dev/null
mkdir -p web/engine
cp wasm/roi.js wasm/roi_lite.js wasm/roi_bind.js build/wasm/roi_core.js build/wasm/roi_core.wasm \
  build/wasm/roi_lite_core.js build/wasm/roi_lite_core.wasm web/engine/
# Binaryen's optimizer again, run to a fixed point: about 100 bytes less
# gzipped for each module (Emscripten runs it once); the same semantics, so
# the same bytes out (tests/wasm compares them with the CLI's).
for w in web/engine/roi_core.wasm web/engine/roi_lite_core.wasm; do wasm-opt -Oz --converge "$w" -o "$w"; done
build/release/roi fields > web/engine/fields.json
# The same table as a module: the page imports it statically, so the
# production bundle carries it inline (no fetch after the script, one
# request less on the critical path).
{ printf 'export default '; cat web/engine/fields.json; printf ';\n'; } > web/engine/fields.js
# The page's form reads only each field's path, default, bounds, choices,
# text length and list items (web/fields.js applyCoreFields): the same
# table with only those, for the page's bundle (about 600 bytes gzipped less
# on every load; issue 10's 60 KB).
node -e '
const keep = new Set(["path", "default", "values", "max_chars", "min", "max", "item", "fields", "max_items"]);
const trim = (x) => Array.isArray(x) ? x.map(trim) : x && typeof x === "object"
  ? Object.fromEntries(Object.entries(x).filter(([k]) => keep.has(k)).map(([k, v]) => [k, k === "default" || k === "values" ? v : trim(v)])) : x;
const doc = JSON.parse(require("fs").readFileSync("web/engine/fields.json", "utf8"));
process.stdout.write("export default " + JSON.stringify({ version: doc.version, fields: trim(doc.fields) }) + ";\n");
' > web/engine/fields-form.js
build/release/roi codes > web/engine/codes.json
echo "engine built in web/engine" >&2
