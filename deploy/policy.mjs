// The header policy of deploy/headers.json as functions of a file's path in
// the site (posix, relative: "index.html", "engine/roi_core.0123456789ab.wasm").
// scripts/serve.py holds the same few lines in Python; scripts/check-deploy.mjs
// compares what a server sends with what these give, so the two cannot drift
// unnoticed (tests/deploy/ runs it against serve.py).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const policyFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'headers.json');

export function loadPolicy(file = policyFile) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export const isHashed = (policy, rel) => new RegExp(policy.hashed_name).test(rel);

/** The Content-Security-Policy of a file: the common directives, then its frame-ancestors. */
export function cspOf(policy, rel) {
  const fa = policy.frame_ancestors[rel] ?? policy.frame_ancestors['*'];
  return [...Object.entries(policy.csp), ['frame-ancestors', fa]].map(([k, v]) => `${k} ${v}`).join('; ');
}

/** Every header the policy gives a file (its type and encoding aside). */
export function headersFor(policy, rel) {
  return {
    'Cache-Control': isHashed(policy, rel) ? policy.cache.hashed : policy.cache.revalidate,
    'Content-Security-Policy': cspOf(policy, rel),
    ...policy.headers,
  };
}

/** The Content-Type of a file, from its extension. */
export function typeOf(policy, rel) {
  return policy.types[path.posix.extname(rel).toLowerCase()] || 'application/octet-stream';
}
