// The header policy of deploy/headers.json as functions of a file's path in
// the site (posix, relative: "index.html", "engine/roi_core.0123456789ab.wasm").
// scripts/serve.py holds the same few lines in Python; scripts/check-deploy.mjs
// compares what a server sends with what these give, so the two cannot drift
// unnoticed (tests/deploy/ runs it against serve.py).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const policyFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'headers.json');

export function loadPolicy(file = policyFile) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export const isHashed = (policy, rel) => new RegExp(policy.hashed_name).test(rel);

/** The sources a page's inline blocks need, written at build time
 *  (scripts/prerender.mjs inlines the entry pages' style sheet and
 *  first-paint guard: no request before the first paint): the SHA-256 of
 *  each <style> and of each <script> without src, as CSP hash sources.
 *  { 'style-src': ["'sha256-…'"], 'script-src': [...] } */
export function inlineHashes(html) {
  const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const out = { 'style-src': [], 'script-src': [] };
  for (const m of String(html).matchAll(/<style>([\s\S]*?)<\/style>/g)) out['style-src'].push(hash(m[1]));
  for (const m of String(html).matchAll(/<script(?![^>]*\ssrc=)(?![^>]*\stype="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) if (m[1]) out['script-src'].push(hash(m[1]));
  return out;
}

/** The union of inlineHashes() over the site's entry pages (read(rel): the
 *  page's text, or null when the site has no such file): one policy for
 *  every file, as the header files want; a hash only admits its own block. */
export function siteInline(policy, read) {
  const out = { 'style-src': new Set(), 'script-src': new Set() };
  for (const rel of policy.entries.filter((e) => e.endsWith('.html'))) {
    const html = read(rel);
    if (html === null) continue;
    for (const [k, v] of Object.entries(inlineHashes(html))) v.forEach((h) => out[k].add(h));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/** The Content-Security-Policy of a file: the common directives (with the
 *  inline blocks' hashes, siteInline()), then its frame-ancestors. */
export function cspOf(policy, rel, inline = {}) {
  const fa = policy.frame_ancestors[rel] ?? policy.frame_ancestors['*'];
  return [...Object.entries(policy.csp).map(([k, v]) => [k, [v, ...(inline[k] || [])].join(' ')]), ['frame-ancestors', fa]]
    .map(([k, v]) => `${k} ${v}`).join('; ');
}

/** Every header the policy gives a file (its type and encoding aside). */
export function headersFor(policy, rel, inline = {}) {
  return {
    'Cache-Control': isHashed(policy, rel) ? policy.cache.hashed : policy.cache.revalidate,
    'Content-Security-Policy': cspOf(policy, rel, inline),
    ...policy.headers,
  };
}

/** The Content-Type of a file, from its extension. */
export function typeOf(policy, rel) {
  return policy.types[path.posix.extname(rel).toLowerCase()] || 'application/octet-stream';
}
