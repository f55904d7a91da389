#!/usr/bin/env bash
# Builds the engine into web/engine/ (scripts/build-engine.sh) and assembles
# the static site in build/site/ with esbuild (from the npm lock file):
#   - app.js and everything it imports statically become one module
#     (app.js), the core's field table (engine/fields.js) inlined: one
#     request instead of a waterfall of ~40 modules, 4 levels deep;
#   - what loads later is split off into chunks/ (the language tables,
#     fetched one at a time);
#   - the engine (engine/roi.js + roi_core.js + roi_core.wasm) stays apart:
#     the page preloads it in parallel and the simulation worker shares it;
#   - the remaining modules (the worker, embed.js for host pages, the demo)
#     are copied and minified one by one; the modulepreload hints of the
#     unbundled page are replaced by those of the bundle's static chunks;
#   - the widget (widget/widget.js with the lite engine inside, below);
#   - then scripts/prerender.mjs writes the first paints (index.html, the
#     widget's pages) and rebuilds embed.js with the widget pages' list.
# `python3 scripts/serve.py web` serves the same page unbundled and unminified.
# MINIFY=0 keeps the output readable.
# Usage: scripts/build-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-engine.sh
rm -rf build/site
mkdir -p build/site
cp -R web/. build/site/
find build/site -name '*.test.mjs' -delete
minify=(--minify)
[ "${MINIFY:-1}" = 0 ] && minify=()
esbuild=node_modules/.bin/esbuild
# The bundle: app.js (overwrites the copy) and chunks/*.js.
"$esbuild" web/app.js --bundle --splitting --format=esm --target=es2022 "${minify[@]}" \
  --external:./engine/roi.js --outdir=build/site --chunk-names='chunks/[name]-[hash]' \
  --metafile=build/site-meta.json --log-level=warning --allow-overwrite
# Every other module once on its own (the worker imports the engine itself;
# embed.js runs on host pages).  Modules only the bundle uses stay in the
# site too (harmless, never fetched by the production page).
mapfile -t modules < <(find build/site -name '*.js' ! -name roi_core.js ! -path 'build/site/chunks/*' \
  ! -path build/site/app.js)
if [ ${#minify[@]} -gt 0 ]; then
  "$esbuild" "${modules[@]}" --minify --target=es2022 --log-level=warning \
    --outdir=build/site --outbase=build/site --allow-overwrite
fi
# The page's style sheet: its @import list (one file per concept) bundled
# into one file, one request; every style sheet minified (comments and
# spaces: about a fifth of them).
"$esbuild" web/style.css --bundle "${minify[@]}" --log-level=warning --outfile=build/site/style.css --allow-overwrite
if [ ${#minify[@]} -gt 0 ]; then
  mapfile -t sheets < <(find build/site -name '*.css' ! -path build/site/style.css)
  "$esbuild" "${sheets[@]}" --minify --log-level=warning --outdir=build/site --outbase=build/site --allow-overwrite
fi
# index.html: the unbundled page's module hints out, the bundle's static
# chunks in (the engine's hints stay).
node - <<'JS'
const fs = require('fs');
const meta = JSON.parse(fs.readFileSync('build/site-meta.json', 'utf8'));
const out = meta.outputs['build/site/app.js'];
const statics = out.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => i.path.replace(/^build\/site\//, ''));
// The page's language table is fetched with the bundle, not after it (no
// waterfall): its hint waits in a <template> per language, which the first
// paint's guard (web/first-paint.js, inlined by scripts/prerender.mjs)
// clones for the page's language; the other one loads when chosen.
const table = (lang) => Object.entries(meta.outputs).find(([, o]) => o.entryPoint === `web/i18n-${lang}.js`)?.[0].replace(/^build\/site\//, '');
const langHints = ['fr', 'en'].filter(table).map((lang) => `<template id="lang-hints-${lang}"><link rel="modulepreload" href="${table(lang)}"></template>\n`).join('');
let html = fs.readFileSync('build/site/index.html', 'utf8');
html = html.replace(/<link rel="modulepreload" href="(?!engine\/)[^"]*">\n/g, '');
html = html.replace('<link rel="stylesheet" href="style.css">', langHints + '<link rel="stylesheet" href="style.css">');
html = html.replace('<script type="module" src="app.js">',
  statics.map((p) => `<link rel="modulepreload" href="${p}">\n`).join('') + '<script type="module" src="app.js">');
fs.writeFileSync('build/site/index.html', html);
JS
# The lead-generation widget (widget.html): one module with the lite engine's
# loader, API and binding inside (one request before the wasm, which the page
# preloads; no code splitting, so the engine's dynamic import is bundled in);
# the English texts, the worked examples and the refusals' texts (explain.js,
# with the core's error texts) left apart, fetched only when needed;
# its style sheet minified; the lite engine alone as one module too (the
# benchmark's floor, the Node tests).
"$esbuild" web/widget/widget.js --bundle --format=esm --target=es2022 "${minify[@]}" \
  --define:ROI_LITE_WASM='"../engine/roi_lite_core.wasm"' --external:./explain.js --external:./texts-en.js --external:../examples.js --external:'node:*' \
  --outdir=build/site/widget --log-level=warning --allow-overwrite
"$esbuild" web/widget/explain.js --bundle --splitting --format=esm --target=es2022 "${minify[@]}" \
  --outdir=build/site/widget --chunk-names='chunks/[name]-[hash]' --log-level=warning --allow-overwrite
"$esbuild" web/widget/widget.css "${minify[@]}" --outfile=build/site/widget/widget.css --log-level=warning --allow-overwrite
"$esbuild" web/engine/roi_lite.js --bundle --format=esm --target=es2022 "${minify[@]}" --external:./roi_lite_core.js \
  --external:'node:*' --outfile=build/site/engine/roi_lite.js --log-level=warning --allow-overwrite
rm -f build/site-meta.json
echo "site assembled in build/site" >&2
# The first paint: the default example's summary, rendered by the page with
# the core in Chromium, written into index.html (scripts/prerender.mjs).
node scripts/prerender.mjs
# The production build (build/dist, build/deploy): hashed names, .br/.gz,
# the header files of each host from deploy/headers.json.
node scripts/build-dist.mjs
