#!/usr/bin/env node
// The production build: from the assembled site (build/site, written by
// scripts/build-web.sh) to what a static host serves, with the header
// policy of deploy/headers.json:
//   build/dist/      the files to copy to the host:
//     - the entry pages (index.html, widget.html and widget-<preset>.html,
//       full.html, demo/index.html: deploy/headers.json's entries) and
//       embed.js under their own names; every other file the entries reach
//       (app.js, its chunks, style.css, the worker, the engine and its wasm,
//       the demo's script and style) renamed name.<hash>.ext, the hash over
//       its content and the contents of everything it reaches in turn, so a
//       name never changes meaning; every reference rewritten (the module
//       preload hints, the bundle's chunk imports, the worker's address,
//       the wasm address the engine's glue computes, the stylesheet);
//     - beside each compressible file, its .br (brotli -q 11) and .gz
//       (gzip -9 -n), when smaller;
//     - _headers (Netlify, Cloudflare Pages) and .htaccess (Apache);
//   build/deploy/nginx.conf   the same headers for nginx (to include);
//   build/deploy/manifest.json  every file with its type, hash, encodings
//     and expected headers: what scripts/check-deploy.mjs verifies.
// Files no entry reaches (the page's unbundled modules, the engine's
// fields.json / codes.json) are left out.
// Usage: node scripts/build-dist.mjs [SITE [DIST [DEPLOY]]]
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicy, headersFor, typeOf, isHashed, inlineHashes, siteInline } from '../deploy/policy.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [site, dist, deploy] = [
  process.argv[2] || path.join(root, 'build/site'),
  process.argv[3] || path.join(root, 'build/dist'),
  process.argv[4] || path.join(root, 'build/deploy'),
].map((p) => path.resolve(p));
const policy = loadPolicy();
const posix = path.posix;
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);
const fail = (msg) => { console.error(`build-dist: ${msg}`); process.exit(1); };

for (const tool of ['brotli', 'gzip']) {
  try { execFileSync(tool, ['--version'], { stdio: 'ignore' }); } catch { fail(`${tool} not found: run scripts/setup.sh web`); }
}

// Every file of the site, as posix paths relative to it (symlinks followed:
// web/full.html is index.html under another name).
function walk(dir, prefix = '') {
  return fs.readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix + name;
    return fs.statSync(full).isDirectory() ? walk(full, rel + '/') : [rel];
  });
}
const files = new Set(walk(site));
const raw = new Map([...files].map((f) => [f, fs.readFileSync(path.join(site, f))]));
const isText = (rel) => TEXT.has(posix.extname(rel));
const entries = new Set(policy.entries);
for (const e of entries) if (!files.has(e)) fail(`entry ${e} missing from ${site}`);
for (const f of files) if (isHashed(policy, f)) fail(`${f} already looks hashed (${policy.hashed_name})`);

// The references of a text file to other files of the site: a quoted string
// (or a CSS url()) that names one, relative to the file's folder (imports,
// import.meta.url, HTML attributes) or to the site's root (addresses taken
// from document.baseURI, such as the worker's).  [{ at, form, target }]
function refsOf(rel) {
  if (!isText(rel)) return [];
  const text = raw.get(rel).toString('utf8');
  const dir = posix.dirname(rel);
  const forms = new Map(); // the string as written -> the file it names
  const others = [...files].filter((t) => t !== rel);
  for (const target of others) { forms.set(target, target); forms.set('/' + target, target); }
  for (const target of others) {      // the file's own folder wins over the root
    const r = posix.relative(dir, target);
    forms.set(r, target);
    if (!r.startsWith('../')) forms.set('./' + r, target);
  }
  const refs = [];
  for (const [form, target] of forms) {
    for (const [open, close] of [['"', '"'], ["'", "'"], ['`', '`'], ['(', ')']]) {
      const needle = open + form + close;
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) refs.push({ at: i + 1, form, target });
    }
  }
  return refs;
}
const refs = new Map();
const reached = new Set(entries);
const queue = [...entries];
while (queue.length) {
  const f = queue.shift();
  refs.set(f, refsOf(f));
  for (const { target } of refs.get(f)) if (!reached.has(target)) { reached.add(target); queue.push(target); }
}

// The hash of a file: its content and that of every non-entry file it
// reaches (cycles included: esbuild's chunks import each other), so that
// its final bytes, references rewritten, are a function of the hash.
function closure(f, seen = new Set()) {
  seen.add(f);
  for (const { target } of refs.get(f)) if (!entries.has(target) && !seen.has(target)) closure(target, seen);
  return seen;
}
const outName = new Map();
for (const f of reached) {
  if (entries.has(f)) { outName.set(f, f); continue; }
  const h = crypto.createHash('sha256');
  for (const p of [...closure(f)].sort()) h.update(p).update('\0').update(raw.get(p)).update('\0');
  const ext = posix.extname(f);
  if (!ext) fail(`${f} has no extension to keep after its hash`);
  const name = f.slice(0, -ext.length) + '.' + h.digest('hex').slice(0, 12) + ext;
  if (!isHashed(policy, name)) fail(`${name} does not match hashed_name`);
  outName.set(f, name);
}

// The entry pages' inline style sheet and guard (scripts/prerender.mjs):
// their hashes join the one policy of every file, and each page's own
// <meta> policy must already list them (checked again on the bytes written).
const inline = siteInline(policy, (rel) => (raw.has(rel) ? raw.get(rel).toString('utf8') : null));
for (const e of entries) {
  if (!e.endsWith('.html')) continue;
  const text = raw.get(e).toString('utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(text)?.[1] ?? '';
  for (const [k, hashes] of Object.entries(inlineHashes(text))) {
    const dir = meta.split(';').map((d) => d.trim()).find((d) => d.startsWith(k + ' ')) ?? '';
    for (const h of hashes) if (!dir.split(' ').includes(h)) fail(`${e}: its <meta> policy's ${k} lacks ${h} (scripts/prerender.mjs writes it)`);
  }
}

// Write the files, references rewritten (only the last path segment
// changes: the renamed file stays in its folder, whatever base the page
// resolves the string against).
fs.rmSync(dist, { recursive: true, force: true });
fs.rmSync(deploy, { recursive: true, force: true });
const manifest = [];
for (const f of [...reached].sort()) {
  let body = raw.get(f);
  if (isText(f)) {
    let text = body.toString('utf8');
    for (const { at, form, target } of refs.get(f).sort((a, b) => b.at - a.at)) {
      if (entries.has(target)) continue;
      const renamed = form.slice(0, form.length - posix.basename(form).length) + posix.basename(outName.get(target));
      text = text.slice(0, at) + renamed + text.slice(at + form.length);
    }
    body = Buffer.from(text, 'utf8');
  }
  const out = outName.get(f);
  const file = path.join(dist, out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  const encodings = {};
  if (policy.compress.includes(posix.extname(out))) {
    for (const [enc, suffix, cmd, args] of [['br', '.br', 'brotli', ['-q', '11', '-k', '-f']], ['gzip', '.gz', 'gzip', ['-9', '-k', '-n', '-f']]]) {
      execFileSync(cmd, [...args, file]);
      const size = fs.statSync(file + suffix).size;
      if (size < body.length) encodings[enc] = size; else fs.unlinkSync(file + suffix);
    }
  }
  const urls = [out];
  if (posix.basename(out) === 'index.html') urls.push(out.slice(0, -'index.html'.length));
  manifest.push({
    path: out, source: f, urls, entry: entries.has(f), hashed: !entries.has(f),
    type: typeOf(policy, out), bytes: body.length, sha256: crypto.createHash('sha256').update(body).digest('hex'),
    encodings, headers: headersFor(policy, out, inline),
  });
  if (entries.has(f) && JSON.stringify(inlineHashes(body.toString('utf8'))) !== JSON.stringify(inlineHashes(raw.get(f).toString('utf8')))) {
    fail(`${f}: an inline block names a file of the site, whose new name changed it`);
  }
}

// The header files.  Each is generated from the same per-file headers as
// the manifest, and fails the build rather than say something else.
const header = (comment) => [`${comment} Generated by scripts/build-dist.mjs from deploy/headers.json: edit that file and rebuild.`];
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sameHeaders = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const hashedHeaders = headersFor(policy, 'x.000000000000.js', inline);
const defaultHeaders = headersFor(policy, '', inline);
for (const m of manifest) if (m.hashed && !sameHeaders(m.headers, hashedHeaders)) fail(`${m.path}: hashed files must share one policy`);

// _headers: every path listed once (no wildcard), so no two rules add the
// same header to one response (both hosts would join them).  Cloudflare
// Pages also answers /widget for /widget.html.
const netlify = header('#');
netlify.push('# Netlify and Cloudflare Pages read this file at the root of the published folder.');
for (const m of manifest) {
  const paths = m.urls.map((u) => '/' + u);
  if (posix.extname(m.path) === '.html' && posix.basename(m.path) !== 'index.html') paths.push('/' + m.path.slice(0, -'.html'.length));
  for (const p of paths) {
    netlify.push(p);
    for (const [k, v] of Object.entries(m.headers)) netlify.push(`  ${k}: ${v}`);
  }
}
fs.writeFileSync(path.join(dist, '_headers'), netlify.join('\n') + '\n');

// nginx: add_header in a location replaces the inherited ones, so each
// location lists them all.
const ng = header('#');
const addHeaders = (h, indent) => Object.entries(h).map(([k, v]) => `${indent}add_header ${k} "${v}" always;`);
ng.push(
  '# Include inside the server block whose root is the copied build/dist, e.g.',
  '#   server { listen 443 ssl; server_name calc.example; root /srv/roi-calculator;',
  '#            include /etc/nginx/snippets/roi-calculator.conf; }',
  '# It defines the server\'s locations (location / included).  brotli_static needs',
  '# Debian\'s libnginx-mod-http-brotli-static; without it, delete that line (gzip stays).',
  'index index.html;',
  'charset utf-8;',
  'charset_types text/css text/javascript application/javascript application/json image/svg+xml;',
  'gzip_static on;',
  'brotli_static on;',
  'gzip_vary on;',
  `location ~ "(^|/)(${policy.not_served.map((n) => n.replace(/\./g, '\\.')).join('|')})$" { return 404; }`,
);
for (const m of manifest.filter((x) => !x.hashed)) {
  ng.push(`location = /${m.path} {`, ...addHeaders(m.headers, '  '), '}');
}
ng.push(`location ~ "${policy.hashed_name}" {`, ...addHeaders(hashedHeaders, '  '), '}');
ng.push('location / {', ...addHeaders(defaultHeaders, '  '), '}');
fs.mkdirSync(deploy, { recursive: true });
fs.writeFileSync(path.join(deploy, 'nginx.conf'), ng.join('\n') + '\n');

// Apache: the precompressed file chosen by mod_rewrite, its type from the
// inner extension (mod_mime reads every extension; .br/.gz only give the
// encoding), and the headers by file name.  Names, not paths: two files
// of one name must share their headers.
const byName = new Map();
for (const m of manifest.filter((x) => !x.hashed)) {
  const name = posix.basename(m.path);
  if (byName.has(name) && !sameHeaders(byName.get(name), m.headers)) fail(`.htaccess: two files named ${name} with different headers`);
  byName.set(name, m.headers);
}
const setHeaders = (h, base, indent) => Object.entries(h).filter(([k, v]) => base[k] !== v)
  .map(([k, v]) => `${indent}Header always set ${k} "${v}"`);
const ap = header('#');
ap.push(
  '# Apache 2.4 with mod_headers, mod_mime and mod_rewrite, at the root of the copied',
  '# build/dist; the site needs AllowOverride FileInfo Indexes, and MultiViews off',
  '# (Debian\'s default) so that the precompressed files are chosen here only.',
  'DirectoryIndex index.html',
  'RemoveType .br .gz',
  'AddEncoding br .br',
  'AddEncoding gzip .gz',
  ...Object.entries(policy.types).map(([ext, type]) => `AddType "${type}" ${ext}`),
  '<IfModule mod_rewrite.c>',
  '  RewriteEngine On',
  `  RewriteRule "(^|/)(${policy.not_served.map(esc).join('|')})$" "-" [R=404,L]`,
  '  RewriteCond "%{HTTP:Accept-Encoding}" "\\bbr\\b"',
  '  RewriteCond "%{REQUEST_FILENAME}.br" -f',
  '  RewriteRule "^(.+)$" "$1.br" [L]',
  '  RewriteCond "%{HTTP:Accept-Encoding}" "\\bgzip\\b"',
  '  RewriteCond "%{REQUEST_FILENAME}.gz" -f',
  '  RewriteRule "^(.+)$" "$1.gz" [L]',
  '  RewriteRule "\\.(br|gz)$" "-" [E=no-gzip:1,E=no-brotli:1]',
  '</IfModule>',
  ...Object.entries(defaultHeaders).map(([k, v]) => `Header always set ${k} "${v}"`),
  `<FilesMatch "(${policy.compress.map(esc).join('|')})(\\.br|\\.gz)?$">`,
  '  Header always merge Vary Accept-Encoding',
  '</FilesMatch>',
  `<FilesMatch "${policy.hashed_name.replace(/\$$/, '')}(\\.br|\\.gz)?$">`,
  ...setHeaders(hashedHeaders, defaultHeaders, '  '),
  '</FilesMatch>',
);
for (const [name, h] of byName) {
  const lines = setHeaders(h, defaultHeaders, '  ');
  if (lines.length) ap.push(`<FilesMatch "^${esc(name)}(\\.br|\\.gz)?$">`, ...lines, '</FilesMatch>');
}
fs.writeFileSync(path.join(dist, '.htaccess'), ap.join('\n') + '\n');

fs.writeFileSync(path.join(deploy, 'manifest.json'), JSON.stringify({
  version: 1, policy: 'deploy/headers.json', not_served: policy.not_served, files: manifest,
}, null, 2) + '\n');
const total = manifest.reduce((n, m) => n + m.bytes, 0);
const br = manifest.reduce((n, m) => n + (m.encodings.br ?? m.bytes), 0);
console.error(`dist: ${manifest.length} files in ${path.relative(root, dist) || dist} (${(total / 1024).toFixed(1)} KB, ${(br / 1024).toFixed(1)} KB brotli); headers and manifest in ${path.relative(root, deploy) || deploy}`);
