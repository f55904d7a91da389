// The production build and its deployment checks (build/dist and
// build/deploy, written by scripts/build-web.sh through scripts/build-dist.mjs):
//   - scripts/check-deploy.mjs passes against the development server
//     (scripts/serve.py) serving build/dist, and fails, naming the file and
//     the header, when a proxy in front of it breaks one thing at a time;
//   - the development server gives the unbundled page (web/) the same
//     security headers as the production files;
//   - the build renames every reference and is reproducible;
//   - the generated header files (_headers, .htaccess, nginx.conf) give
//     each file exactly the manifest's headers, read the way each host
//     reads them (a model of their matching rules, not the servers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PRESETS, DEFAULT_PRESET } from '../../web/widget/presets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'build/dist');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'build/deploy/manifest.json'), 'utf8'));
const run = promisify(execFile);

/** serve.py on a folder: its base URL and the process. */
async function serve(dir) {
  const proc = spawn('python3', [path.join(root, 'scripts/serve.py'), dir, '0']);
  const url = await new Promise((resolve, reject) => {
    proc.stdout.on('data', (d) => { const m = /http:\/\/[\d.:]+\//.exec(String(d)); if (m) resolve(m[0]); });
    proc.on('exit', () => reject(new Error('server exited')));
  });
  return { url, proc };
}

/** node scripts/check-deploy.mjs base: { code, out }. */
async function check(base) {
  try {
    const { stdout } = await run('node', [path.join(root, 'scripts/check-deploy.mjs'), base], { maxBuffer: 1 << 22 });
    return { code: 0, out: stdout };
  } catch (e) {
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

let prod, dev, proxy, proxyBase;
let mutate = {}; // { request(ctx), response(ctx) } of the test running
before(async () => {
  prod = await serve(dist);
  dev = await serve(path.join(root, 'web'));
  const upstream = new URL(prod.url);
  proxy = http.createServer((req, res) => {
    const ctx = { path: new URL(req.url, 'http://x').pathname, headers: { ...req.headers } };
    mutate.request?.(ctx);
    http.get({ host: upstream.hostname, port: upstream.port, path: req.url, headers: ctx.headers }, (up) => {
      const chunks = [];
      up.on('data', (c) => chunks.push(c));
      up.on('end', () => {
        const r = { path: ctx.path, status: up.statusCode, headers: { ...up.headers }, body: Buffer.concat(chunks) };
        mutate.response?.(r);
        r.headers['content-length'] = String(r.body.length);
        res.writeHead(r.status, r.headers).end(r.body);
      });
    });
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyBase = `http://127.0.0.1:${proxy.address().port}/`;
});
after(() => { prod?.proc.kill(); dev?.proc.kill(); proxy?.close(); });

const fileOf = (re) => manifest.files.find((f) => re.test(f.path)).path;

test('check-deploy passes against the development server serving the production build', async () => {
  const { code, out } = await check(prod.url);
  assert.equal(code, 0, out);
  for (const f of manifest.files) assert.match(out, new RegExp(`^ok   ${f.path.replace(/\./g, '\\.')}`, 'm'));
  assert.match(out, /every type, encoding, cache and security header as built/);
  // The proxy, with nothing changed, passes too (the failures below are its doing).
  mutate = {};
  assert.equal((await check(proxyBase)).code, 0);
});

// One broken thing each; check-deploy must fail and say what and where.
const breakages = [
  ['the worker script without its CSP (eval would run in the worker)',
    { response: (r) => { if (/^\/io\/sim-worker\./.test(r.path)) delete r.headers['content-security-policy']; } },
    () => fileOf(/^io\/sim-worker\./), /Content-Security-Policy missing/],
  ['the widget page framed by its own origin only',
    { response: (r) => { if (r.path === '/widget.html') r.headers['content-security-policy'] = r.headers['content-security-policy'].replace('frame-ancestors *', "frame-ancestors 'self'"); } },
    () => 'widget.html', /frame-ancestors: "'self'", want "\*"/],
  ['a second policy added to the full page',
    { response: (r) => { if (r.path === '/index.html' || r.path === '/') r.headers['content-security-policy'] += ", frame-ancestors 'none'"; } },
    () => 'index.html', /2 policies/],
  ['X-Content-Type-Options missing on embed.js',
    { response: (r) => { if (r.path === '/embed.js') delete r.headers['x-content-type-options']; } },
    () => 'embed.js', /X-Content-Type-Options missing/],
  ['Referrer-Policy changed',
    { response: (r) => { r.headers['referrer-policy'] = 'unsafe-url'; } },
    () => 'index.html', /Referrer-Policy "unsafe-url", want "no-referrer"/],
  ['a hashed file revalidated instead of cached for a year',
    { response: (r) => { if (/^\/app\./.test(r.path)) r.headers['cache-control'] = 'no-cache'; } },
    () => fileOf(/^app\./), /Cache-Control "no-cache", want "public, max-age=31536000, immutable"/],
  ['embed.js cached for a year',
    { response: (r) => { if (r.path === '/embed.js') r.headers['cache-control'] = 'max-age=31536000'; } },
    () => 'embed.js', /Cache-Control "max-age=31536000", want "no-cache"/],
  ['no compression (the server ignores Accept-Encoding)',
    { request: (c) => { c.headers['accept-encoding'] = 'identity'; } },
    () => fileOf(/^engine\/roi_core\..*\.wasm$/), /Content-Encoding missing with Accept-Encoding br/],
  ['compressed without Vary',
    { response: (r) => { delete r.headers.vary; } },
    () => 'index.html', /Vary "" with Content-Encoding br/],
  ['the wasm as application/octet-stream',
    { response: (r) => { if (r.path.endsWith('.wasm')) r.headers['content-type'] = 'application/octet-stream'; } },
    () => fileOf(/\.wasm$/), /Content-Type "application\/octet-stream", want "application\/wasm"/],
  ['another build deployed (content differs)',
    { response: (r) => { if (r.path === '/embed.js' && !r.headers['content-encoding']) r.body = Buffer.concat([r.body, Buffer.from('\n')]); } },
    () => 'embed.js', /content differs from the build/],
  ['a hashed file missing',
    { response: (r) => { if (/^\/app\./.test(r.path)) { r.status = 404; r.body = Buffer.alloc(0); } } },
    () => fileOf(/^app\./), /status 404/],
  ['the host\'s header file served',
    { response: (r) => { if (r.path === '/_headers') { r.status = 200; r.body = Buffer.from('x'); } } },
    () => '_headers', /served \(status 200\)/],
];
for (const [name, m, file, message] of breakages) {
  test(`check-deploy fails on ${name}`, async () => {
    mutate = m;
    const { code, out } = await check(proxyBase);
    mutate = {};
    assert.equal(code, 1, out);
    const block = out.split(/\n(?=FAIL|ok)/).find((b) => b.startsWith(`FAIL ${file()}\n`));
    assert.ok(block, `${file()} fails:\n${out}`);
    assert.match(block, message);
  });
}

// The production policy without the hashes of the built pages' inline blocks
// (their style sheet and guard, scripts/prerender.mjs): web/ has no inline
// block, so its policy admits none; everything else is the same.
const unhashed = (csp) => csp.replace(/ 'sha256-[A-Za-z0-9+/]{43}='/g, '');

test('the development server gives the unbundled page (web/) the production files\' security headers', async () => {
  // The preset pages are written by the build (scripts/prerender.mjs): web/
  // has widget.html alone, which embed.js frames there for every preset.
  const built = Object.keys(PRESETS).filter((p) => p !== DEFAULT_PRESET).map((p) => `widget-${p}.html`);
  for (const f of manifest.files.filter((x) => x.entry && !built.includes(x.path))) {
    for (const u of f.urls) {
      const res = await fetch(dev.url + u, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(res.status, 200, u);
      for (const [k, v] of Object.entries(f.headers)) assert.equal(res.headers.get(k), k === 'Content-Security-Policy' ? unhashed(v) : v, `${k} of /${u}`);
    }
  }
  // Every other file too (unhashed there: revalidated), with the policy of a hashed one.
  const hashed = manifest.files.find((x) => x.hashed);
  for (const u of ['app.js', 'io/sim-worker.js', 'engine/roi.js', 'engine/roi_core.wasm']) {
    const res = await fetch(dev.url + u);
    assert.equal(res.status, 200, u);
    assert.equal(res.headers.get('content-security-policy'), unhashed(hashed.headers['Content-Security-Policy']), u);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', u);
    assert.equal(res.headers.get('cache-control'), 'no-cache', u);
  }
  assert.equal((await fetch(dev.url + 'engine/roi_core.wasm')).headers.get('content-type'), 'application/wasm');
});

test('every reference names the hashed file; nothing names a renamed file by its old name; the build is reproducible', async () => {
  const renamed = manifest.files.filter((f) => f.hashed);
  const texts = manifest.files.filter((f) => /\.(html|js|css)$/.test(f.path));
  for (const t of texts) {
    const text = fs.readFileSync(path.join(dist, t.path), 'utf8');
    for (const r of renamed) {
      const old = path.posix.basename(r.source);
      assert.ok(!new RegExp(`["'\`(/]${old.replace(/\./g, '\\.')}["'\`)]`).test(text), `${t.path} still names ${old}`);
    }
  }
  // Each hashed file is named by some file the build keeps (nothing unreachable shipped).
  for (const r of renamed) {
    const base = path.posix.basename(r.path);
    assert.ok(texts.some((t) => fs.readFileSync(path.join(dist, t.path), 'utf8').includes(base)), `${r.path} is referenced`);
  }
  // The same site builds to the same names and bytes.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'roi-dist-'));
  await run('node', [path.join(root, 'scripts/build-dist.mjs'), path.join(root, 'build/site'), path.join(tmp, 'dist'), path.join(tmp, 'deploy')]);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(tmp, 'deploy/manifest.json'), 'utf8')), manifest);
  for (const name of ['_headers', '.htaccess']) {
    assert.equal(fs.readFileSync(path.join(tmp, 'dist', name), 'utf8'), fs.readFileSync(path.join(dist, name), 'utf8'));
  }
  fs.rmSync(tmp, { recursive: true });
});

/** Every address of each file, with its expected headers. */
const addresses = () => manifest.files.flatMap((f) => f.urls.map((u) => ['/' + u, f]));

test('_headers (Netlify, Cloudflare Pages): each address matches exactly one rule, with exactly the file\'s headers', () => {
  const rules = new Map();
  let current = null;
  for (const line of fs.readFileSync(path.join(dist, '_headers'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      assert.ok(!/[*:]/.test(line), `no wildcard or placeholder: ${line}`);
      assert.ok(!rules.has(line), `one rule per path: ${line}`);
      rules.set(line, current = {});
    } else {
      const [, k, v] = /^\s+([^:]+):\s*(.*)$/.exec(line);
      current[k] = v;
    }
  }
  assert.ok(rules.size <= 100, 'Cloudflare Pages reads at most 100 rules');
  for (const [url, f] of addresses()) assert.deepEqual(rules.get(url), f.headers, url);
  assert.deepEqual(rules.get('/widget'), manifest.files.find((f) => f.path === 'widget.html').headers);
});

test('each preset\'s widget page (widget-<preset>.html, what embed.js frames) is served as widget.html is: any site may frame it', () => {
  const widget = manifest.files.find((f) => f.path === 'widget.html').headers;
  assert.match(widget['Content-Security-Policy'], /frame-ancestors \*$/);
  const pages = Object.keys(PRESETS).filter((p) => p !== DEFAULT_PRESET).map((p) => `widget-${p}.html`);
  assert.ok(pages.length >= 3);
  for (const page of pages) assert.deepEqual(manifest.files.find((f) => f.path === page)?.headers, widget, page);
});

test('.htaccess (Apache): the headers each file gets, compressed or not, are the manifest\'s', () => {
  // mod_headers: the directives at the top, then each matching <FilesMatch>
  // in order (on the name of the file served: x.js or x.js.br).
  const text = fs.readFileSync(path.join(dist, '.htaccess'), 'utf8');
  const top = {};
  const sections = [];
  let section = null;
  for (const line of text.split('\n')) {
    let m;
    if ((m = /^<FilesMatch "(.*)">$/.exec(line))) sections.push(section = { re: new RegExp(m[1]), set: {} });
    else if (line === '</FilesMatch>') section = null;
    else if ((m = /^\s*Header always set (\S+) "(.*)"$/.exec(line))) (section ? section.set : top)[m[1]] = m[2];
  }
  for (const f of manifest.files) {
    for (const served of [f.path, ...Object.keys(f.encodings).map((e) => f.path + (e === 'br' ? '.br' : '.gz'))]) {
      const name = path.posix.basename(served);
      const got = { ...top };
      for (const s of sections) if (s.re.test(name)) Object.assign(got, s.set);
      assert.deepEqual(got, f.headers, served);
    }
  }
  const deny = /RewriteRule "(.*)" "-" \[R=404,L\]/.exec(text);
  assert.ok(deny && manifest.not_served.every((n) => new RegExp(deny[1]).test(n)), 'the header files are not served');
});

test('nginx.conf: the location each address selects adds exactly the file\'s headers', () => {
  // nginx: an exact (=) location first, then the regex locations in order, then the prefix /.
  const text = fs.readFileSync(path.join(root, 'build/deploy/nginx.conf'), 'utf8');
  const locations = [];
  let loc = null;
  for (const line of text.split('\n')) {
    let m;
    if ((m = /^location (=|~) "?(.*?)"? \{(.*)$/.exec(line)) || (m = /^location (\/) ?\{()(.*)$/.exec(line))) {
      locations.push(loc = { kind: m[1], arg: m[2], headers: {}, body: m[3] });
      if (m[3].includes('}')) loc = null;
    } else if (line === '}') loc = null;
    else if (loc && (m = /^\s*add_header (\S+) "(.*)" always;$/.exec(line))) loc.headers[m[1]] = m[2];
  }
  const select = (uri) => locations.find((l) => l.kind === '=' && l.arg === uri)
    || locations.find((l) => l.kind === '~' && new RegExp(l.arg).test(uri))
    || locations.find((l) => l.kind === '/');
  for (const f of manifest.files) {
    // nginx serves a folder's index through an internal redirect to /…/index.html.
    assert.deepEqual(select('/' + f.path).headers, f.headers, f.path);
  }
  for (const name of manifest.not_served) assert.match(select('/' + name).body, /return 404/, name);
});
