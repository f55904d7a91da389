#!/usr/bin/env node
// Checks a deployment of the production build: fetches every file of
// build/deploy/manifest.json (written by scripts/build-dist.mjs, with the
// headers deploy/headers.json gives each file) from BASE_URL and verifies
//   - status 200 and the same bytes as the build (sha-256), at each of the
//     file's addresses (index.html and its folder's /);
//   - Content-Type (its media type; JavaScript under any of its names);
//   - compression: asked with Accept-Encoding br, then gzip, a file built
//     with a .br / .gz is sent with that Content-Encoding, Vary:
//     Accept-Encoding, and decodes to the same bytes; asked with identity,
//     it is sent uncompressed;
//   - Cache-Control: a year and immutable for hashed names, revalidation
//     (no-cache) for the entry pages and embed.js;
//   - Content-Security-Policy (exactly one policy, the same directives,
//     frame-ancestors included), X-Content-Type-Options, Referrer-Policy;
//   - the header files themselves (_headers, .htaccess) are not served.
// Same-origin redirects are followed (Cloudflare Pages sends /index.html
// to /).  Prints one line per file; exits 1 if anything differs.
// Usage: node scripts/check-deploy.mjs BASE_URL [--manifest FILE]
//   e.g. node scripts/check-deploy.mjs https://calc.example/
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const mi = argv.indexOf('--manifest');
const manifestFile = mi >= 0 ? argv.splice(mi, 2)[1] : path.join(root, 'build/deploy/manifest.json');
if (argv.length !== 1 || !/^https?:\/\//.test(argv[0])) {
  console.error('usage: node scripts/check-deploy.mjs BASE_URL [--manifest FILE]');
  process.exit(2);
}
const base = argv[0].endsWith('/') ? argv[0] : argv[0] + '/';
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

/** GET url with these request headers: { status, headers, body (raw bytes), url }. */
function get(url, headers, hops = 0) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = (u.protocol === 'https:' ? https : http).get(u, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const loc = res.headers.location;
        if (res.statusCode >= 300 && res.statusCode < 400 && loc && hops < 3) {
          const next = new URL(loc, url);
          if (next.origin === u.origin) return resolve(get(next.href, headers, hops + 1));
        }
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks), url });
      });
    });
    req.on('error', reject);
    req.setTimeout(20000, () => req.destroy(new Error(`timeout: ${url}`)));
  });
}

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync, identity: (b) => b };
const JS = ['text/javascript', 'application/javascript', 'application/x-javascript', 'text/ecmascript', 'application/ecmascript'];
const essence = (t) => (t || '').split(';')[0].trim().toLowerCase();
const sameType = (a, b) => essence(a) === essence(b) || (JS.includes(essence(a)) && JS.includes(essence(b)));

/** Cache-Control directives as a map (no-cache -> true, max-age -> "31536000"). */
function directives(value) {
  const out = new Map();
  for (const part of (value || '').split(',')) {
    const [k, v] = part.trim().split('=');
    if (k) out.set(k.toLowerCase(), v === undefined ? true : v.replace(/"/g, ''));
  }
  return out;
}
/** A CSP as policies, each a map of directive -> sorted source list. */
function policies(value) {
  return (value || '').split(',').filter((p) => p.trim()).map((p) => new Map(p.split(';').map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0]).map(([k, ...v]) => [k.toLowerCase(), v.sort().join(' ')])));
}

/** What differs between a response's headers and the file's expected ones. */
function headerProblems(res, want) {
  const h = res.headers;
  const out = [];
  // Cache-Control
  const wantCc = directives(want['Cache-Control']);
  const cc = directives(h['cache-control']);
  if (!h['cache-control']) out.push('Cache-Control missing');
  else if (wantCc.has('immutable')) {
    if (!cc.has('immutable') || !(Number(cc.get('max-age')) >= Number(wantCc.get('max-age'))) || cc.has('no-cache') || cc.has('no-store')) {
      out.push(`Cache-Control "${h['cache-control']}", want "${want['Cache-Control']}" (hashed name: long-lived, immutable)`);
    }
  } else if (!(cc.has('no-cache') || (cc.get('max-age') === '0' && cc.has('must-revalidate'))) || cc.has('immutable')) {
    out.push(`Cache-Control "${h['cache-control']}", want "${want['Cache-Control']}" (revalidated on every load)`);
  }
  // Content-Security-Policy
  const csp = policies(h['content-security-policy']);
  const [wantCsp] = policies(want['Content-Security-Policy']);
  if (!csp.length) out.push('Content-Security-Policy missing');
  else if (csp.length > 1) out.push(`Content-Security-Policy: ${csp.length} policies, want one ("${h['content-security-policy']}")`);
  else {
    for (const [k, v] of wantCsp) if (csp[0].get(k) !== v) out.push(`Content-Security-Policy ${k}: ${csp[0].has(k) ? `"${csp[0].get(k)}"` : 'missing'}, want "${v}"`);
    for (const k of csp[0].keys()) if (!wantCsp.has(k)) out.push(`Content-Security-Policy: unexpected ${k}`);
  }
  // The rest: exact values (case of the keyword aside).
  for (const [k, v] of Object.entries(want)) {
    if (k === 'Cache-Control' || k === 'Content-Security-Policy') continue;
    const got = h[k.toLowerCase()];
    if (got === undefined) out.push(`${k} missing`);
    else if (got.toLowerCase() !== v.toLowerCase()) out.push(`${k} "${got}", want "${v}"`);
  }
  return out;
}

let failed = 0;
let requests = 0;
for (const f of manifest.files) {
  const problems = [];
  for (const [i, u] of f.urls.entries()) {
    const url = new URL(u, base).href;
    // Uncompressed, at each address.
    const res = await get(url, { 'accept-encoding': 'identity' });
    requests++;
    const at = u === f.path ? '' : ` (at /${u})`;
    if (res.status !== 200) { problems.push(`status ${res.status}${at}`); continue; }
    if (!sameType(res.headers['content-type'], f.type)) problems.push(`Content-Type "${res.headers['content-type'] ?? ''}", want "${f.type}"${at}`);
    const enc = (res.headers['content-encoding'] || 'identity').toLowerCase();
    if (enc !== 'identity') problems.push(`Content-Encoding ${enc} though the request accepted identity only${at}`);
    else if (sha(res.body) !== f.sha256) problems.push(`content differs from the build${at}`);
    problems.push(...headerProblems(res, f.headers).map((p) => p + at));
    if (i > 0) continue;
    // Compressed: each coding the build made must be sent as such.
    for (const coding of ['br', 'gzip']) {
      const r = await get(url, { 'accept-encoding': coding });
      requests++;
      const got = (r.headers['content-encoding'] || 'identity').toLowerCase();
      if (r.status !== 200) { problems.push(`status ${r.status} with Accept-Encoding ${coding}`); continue; }
      if (f.encodings[coding] !== undefined && got !== coding) problems.push(`Content-Encoding ${got === 'identity' ? 'missing' : got} with Accept-Encoding ${coding}, want ${coding} (the build has ${f.path}${coding === 'br' ? '.br' : '.gz'})`);
      if (got !== 'identity' && got !== coding) problems.push(`Content-Encoding ${got} with Accept-Encoding ${coding}`);
      if (got !== 'identity' && !/(^|,)\s*accept-encoding\s*(,|$)/i.test(r.headers.vary || '')) problems.push(`Vary "${r.headers.vary ?? ''}" with Content-Encoding ${got}, want Accept-Encoding`);
      let body = null;
      try { body = decode[got] ? decode[got](r.body) : null; } catch { /* below */ }
      if (!body || sha(body) !== f.sha256) problems.push(`the ${got} answer to Accept-Encoding ${coding} does not decode to the build's content`);
      if (!sameType(r.headers['content-type'], f.type)) problems.push(`Content-Type "${r.headers['content-type'] ?? ''}" with Accept-Encoding ${coding}, want "${f.type}"`);
      problems.push(...headerProblems(r, f.headers).map((p) => `${p} with Accept-Encoding ${coding}`));
    }
  }
  const unique = [...new Set(problems)];
  if (unique.length) {
    failed++;
    console.log(`FAIL ${f.path}`);
    for (const p of unique) console.log(`     ${p}`);
  } else {
    console.log(`ok   ${f.path}${Object.keys(f.encodings).length ? ` (${Object.keys(f.encodings).join(', ')})` : ''}`);
  }
}
for (const name of manifest.not_served || []) {
  const res = await get(new URL(name, base).href, { 'accept-encoding': 'identity' });
  requests++;
  if (res.status === 200) { failed++; console.log(`FAIL ${name}\n     served (status 200): the host's configuration is public`); }
  else console.log(`ok   ${name} not served (${res.status})`);
}
console.log(`check-deploy: ${base}: ${manifest.files.length} files, ${requests} requests, ` +
  (failed ? `${failed} with problems` : 'every type, encoding, cache and security header as built'));
process.exit(failed ? 1 : 0);
