// The security headers, as the browser applies them: the production build
// (build/dist) served by scripts/serve.py under deploy/headers.json, in
// Debian's Chromium.  A Web Worker takes its policy from the response of its
// own script, not from the page, so these tests run inside the simulation
// worker: eval and a request to another origin must fail there too.  A
// control serves the same files without the headers, where both succeed:
// the header is what forbids them.  And the framing policy: any site may
// frame what embed.js frames (widget.html, the lead-generation widget, and
// full.html, the full page's embedded name), only the site's own origin the
// full page at index.html.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { useBrowser, noProblemsTest, base, browser, site } from './harness.mjs';

// The violations these tests provoke are reported on the console.
const { open, newContext } = useBrowser({ ignore: /Content Security Policy|Refused to (connect|evaluate|frame)/ });

const FOREIGN = 'http://foreign.example/';

/** The simulation worker of a ready page (started with the engine). */
async function simWorker(page) {
  const find = () => page.workers().find((w) => /\/io\/sim-worker[.\w]*\.js$/.test(w.url()));
  // Opened on the result computed at build time (web/io/snapshot.js), the
  // page starts its worker with the first change of scenario: one edit.
  if (await page.evaluate(() => !!document.getElementById('roi-snap'))) await page.fill('[name="funnel.close_rate"]', '30');
  for (let i = 0; i < 100 && !find(); i++) await page.waitForTimeout(100);
  assert.ok(find(), 'the simulation worker runs');
  return find();
}

/** In a page or worker: what eval, new Function and a fetch to another
 *  origin do.  They run from a task of the page's own (setTimeout), not
 *  inside playwright's evaluate: the DevTools protocol lets code it
 *  evaluates use eval whatever the CSP says. */
async function tryForbidden(where) {
  return where.evaluate((foreign) => new Promise((resolve) => setTimeout(async () => {
    const attempt = async (f) => { try { return `ran: ${await f()}`; } catch (e) { return e.name; } };
    resolve({
      eval: await attempt(() => (0, eval)('6*7')),
      Function: await attempt(() => new Function('return 6*7')()),
      fetch: await attempt(async () => (await fetch(foreign + 'leak?x=1')).status),
    });
  }, 0)), FOREIGN);
}

/** Records requests that reach the foreign origin (answered, were they to go out). */
async function watchForeign(context) {
  const reached = [];
  await context.route(FOREIGN + '**', (r) => { reached.push(r.request().url()); r.fulfill({ status: 200, body: 'x', headers: { 'access-control-allow-origin': '*' } }); });
  return reached;
}

test('the page, its worker script and the engine come with the policy: CSP (frame-ancestors per page), nosniff, no referrer', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const responses = [];
  // On the context: the worker's script is the worker's request, not the page's.
  context.on('response', (r) => responses.push(r));
  await page.goto(base);
  await page.waitForSelector('html[data-ready]');
  await simWorker(page);
  const of = async (re) => {
    let r;
    for (let i = 0; i < 50 && !(r = responses.find((x) => re.test(new URL(x.url()).pathname))); i++) await page.waitForTimeout(100);
    assert.ok(r, `a response for ${re}`);
    return r.headers();
  };
  const doc = await of(/^\/$/);
  assert.match(doc['content-security-policy'], /frame-ancestors 'self'(;|$)/);
  assert.equal(doc['cache-control'], 'no-cache');
  for (const re of [/^\/io\/sim-worker\.[0-9a-f]{12}\.js$/, /^\/engine\/roi\.[0-9a-f]{12}\.js$/, /^\/engine\/roi_core\.[0-9a-f]{12}\.wasm$/, /^\/app\.[0-9a-f]{12}\.js$/]) {
    const h = await of(re);
    // Scripts from the site, plus the entry pages' inline guards by hash:
    // never 'unsafe-inline'.
    assert.match(h['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]{43}=')+; worker-src 'self'; connect-src 'self'; style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/, String(re));
    assert.doesNotMatch(h['content-security-policy'], /unsafe-inline/);
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.equal(h['referrer-policy'], 'no-referrer');
    assert.match(h['cache-control'], /max-age=31536000.*immutable/);
  }
  await context.close();
});

test('inside the simulation worker, eval throws and a request to another origin is refused; the simulation still runs', async () => {
  const context = await newContext();
  const reached = await watchForeign(context);
  const page = await open('', { context });
  const worker = await simWorker(page);
  assert.deepEqual(await tryForbidden(worker), { eval: 'EvalError', Function: 'EvalError', fetch: 'TypeError' });
  assert.deepEqual(reached, [], 'nothing reached the other origin');
  // The policy leaves the engine working: the worker's wasm simulation lands.
  await page.waitForFunction(() => document.querySelector('[data-sim="p_loss"]')?.dataset.value !== undefined
    && document.querySelector('[data-sim="p_loss"]').textContent.trim() !== '');
  await context.close();
});

test('the page itself refuses eval and requests to another origin', async () => {
  const context = await newContext();
  const reached = await watchForeign(context);
  const page = await open('', { context });
  assert.deepEqual(await tryForbidden(page), { eval: 'EvalError', Function: 'EvalError', fetch: 'TypeError' });
  // The full page under its embedded name (another framing policy), its
  // worker, and the lead-generation widget as well.
  await page.goto(base + 'full.html?embed=1&lang=en');
  await page.waitForSelector('html[data-ready]');
  assert.deepEqual(await tryForbidden(page), { eval: 'EvalError', Function: 'EvalError', fetch: 'TypeError' });
  assert.deepEqual(await tryForbidden(await simWorker(page)), { eval: 'EvalError', Function: 'EvalError', fetch: 'TypeError' });
  await page.goto(base + 'widget.html?embed=1&lang=en');
  await page.waitForSelector('html[data-ready]');
  assert.deepEqual(await tryForbidden(page), { eval: 'EvalError', Function: 'EvalError', fetch: 'TypeError' });
  assert.deepEqual(reached, []);
  await context.close();
});

// The control: the same files from a server that sends types but no policy;
// on another port, so another origin, it also serves a host page that
// embeds the widget from the real server.
let plain, plainBase;
const hostPage = () => `<!doctype html><title>host</title><link rel="icon" href="data:,">
<div id="w"><script src="${base}embed.js" data-lang="fr" data-sections="full"></script></div>
<script>window.events = []; document.addEventListener('roi:ready', (e) => window.events.push(e.detail));</script>`;
before(async () => {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  plain = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    if (rel === 'host.html') { res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage()); return; }
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(site, rel);
    if (!file.startsWith(site + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise((resolve) => plain.listen(0, '127.0.0.1', resolve));
  plainBase = `http://127.0.0.1:${plain.address().port}/`;
});
after(() => plain?.close());

test('control: served without the headers, the same worker script runs eval and reaches another origin (the header is what forbids them)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const reached = await watchForeign(context);
  const page = await context.newPage();
  await page.goto(plainBase);
  await page.waitForSelector('html[data-ready]');
  const worker = await simWorker(page);
  assert.deepEqual(await tryForbidden(worker), { eval: 'ran: 42', Function: 'ran: 42', fetch: 'ran: 200' });
  assert.equal(reached.length, 1);
  await context.close();
});

/** An iframe of src, with this id, added to the page; resolves once it loaded. */
const addFrame = (page, id, src) => page.evaluate(({ id, src }) => new Promise((resolve) => {
  const f = document.createElement('iframe');
  f.id = id;
  f.src = src;
  f.onload = resolve;
  document.body.append(f);
}), { id, src });

test('another site may frame the widget through embed.js, but not the full page', async () => {
  // The host page comes from the control server: another port, another origin.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(plainBase + 'host.html');
  await page.waitForFunction(() => window.events.length === 1, null, { timeout: 30000 });
  const ready = await page.evaluate(() => window.events[0]);
  assert.equal(ready.results.roi, 3.8);
  // The link the host receives opens the full page, not the widget page.
  assert.ok(ready.link.startsWith(base + 'index.html?'), ready.link);
  assert.equal(new URL(page.frames()[1].url()).pathname, '/full.html');
  // The full page, framed by that other origin: refused by its frame-ancestors.
  // (Chromium shows its error page in the frame instead.)
  await addFrame(page, 'full', base + 'index.html?lang=fr');
  const full = await (await page.$('#full')).contentFrame();
  assert.match(full.url(), /^chrome-error:/);
  assert.equal(await full.$('html[data-ready]'), null);
  // The same page under its embedded name is let in, and so is the widget.
  await addFrame(page, 'widget', base + 'full.html?lang=fr');
  await (await (await page.$('#widget')).contentFrame()).waitForSelector('html[data-ready]');
  await addFrame(page, 'leadgen', base + 'widget.html?lang=fr');
  await (await (await page.$('#leadgen')).contentFrame()).waitForSelector('html[data-ready]');
  assert.deepEqual(errors, []);
  assert.deepEqual(messages.filter((m) => !/Refused to frame|frame-ancestors/.test(m)), []);
  await context.close();
});

noProblemsTest();
