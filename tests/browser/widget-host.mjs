// What the widget's browser tests share: host pages on another origin than
// the calculator (the site is served on 127.0.0.1; the hosts are made up on
// localhost, the same server under another origin), the demo host page as
// a client's site would serve it (embed.js from the calculator's origin),
// the CLI's answers for a link, and where screenshots go.
// Named without ".test" so that `node --test tests/browser/*.test.mjs` does
// not run it as a test file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root, cli, cliEval } from './harness.mjs';

export { PRESETS } from '../../web/widget/presets.js';
export const PRESET_NAMES = ['pay-per-meeting', 'in-house', 'provider-hourly', 'lead-generation'];
export const axePath = path.join(root, 'node_modules/axe-core/axe.min.js');
export const artefacts = path.join(root, 'build/artefacts/widget');

/** The host origin for a site base ("http://127.0.0.1:port/" -> "http://localhost:port/"). */
export const hostOf = (base) => base.replace('127.0.0.1', 'localhost');

/** The scenario the CLI decodes from a link, and its evaluation. */
export function cliLink(link) {
  const scenario = JSON.parse(execFileSync(cli, ['link', 'decode', link], { encoding: 'utf8' }));
  return { scenario, result: cliEval(scenario) };
}

/** The link fragment the CLI encodes for a scenario. */
export const cliEncode = (scenario) => execFileSync(cli, ['link', 'encode', '-'], { input: JSON.stringify(scenario), encoding: 'utf8' }).trim();

/** Lets host pages on localhost load the calculator from 127.0.0.1: a page
 *  the test serves through a route has no address, so Chromium's local
 *  network access rules would count it as public and refuse the loopback. */
const allowLoopback = (context, base) => context.grantPermissions(['local-network-access'], { origin: hostOf(base).replace(/\/$/, '') });

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
let pages = 0;

/** A host page on localhost holding one embed script with the given data-
 *  attributes (and `before` HTML above it), its events recorded in
 *  window.roiEvents.  Returns the page once the widget is ready.
 *  problems: recorded there (watchHost). */
export async function hostPage(context, base, attrs, { before = '', ready = true, problems = null } = {}) {
  const url = hostOf(base) + `host-${++pages}.html`;
  const data = Object.entries(attrs).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  await context.route(url, (r) => r.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site hôte</title>'
      + '<style>body{margin:0;font:16px sans-serif}</style></head><body><main>' + before
      + `<div id="box"><script src="${base}embed.js"${data}></script></div></main>`
      // The frame's height as embed.js first set it, before any roi:height.
      + '<script>window.roiFirstHeight=parseFloat(document.querySelector("#box iframe")?.style.height);</script>'
      + '<script>window.roiEvents=[];for(const t of ["roi:ready","roi:change","roi:cta","roi:height"])'
      + 'document.getElementById("box").addEventListener(t,(e)=>window.roiEvents.push({type:t,detail:e.detail}));</script>'
      + '</body></html>',
  }));
  await allowLoopback(context, base);
  const page = await context.newPage();
  if (problems) watchHost(page, base, problems);
  await page.goto(url);
  if (ready) await page.waitForFunction(() => window.roiEvents.some((e) => e.type === 'roi:ready'));
  return page;
}

/** The widget's frame of a host page (the first iframe, or the one in `sel`). */
export async function widgetFrame(page, sel = 'iframe') {
  return (await page.$(sel)).contentFrame();
}

/** The demo host page as a client's site serves it: on localhost, with
 *  embed.js (and so every widget) from the calculator on 127.0.0.1, its
 *  CSP naming the calculator's origin as a host site's must. */
export async function openDemo(context, base, { problems = null } = {}) {
  const calc = base.replace(/\/$/, '');
  const url = hostOf(base) + 'demo/';
  await context.route(url, async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replaceAll('src="../embed.js"', `src="${calc}/embed.js"`)
      .replace("script-src 'self'", `script-src 'self' ${calc}`).replace("frame-src 'self'", `frame-src ${calc}`);
    // The page is the host's now: its own CSP (the <meta>, rewritten), not the
    // calculator's headers (deploy/headers.json) it was served with.
    const headers = { ...res.headers() };
    delete headers['content-security-policy'];
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: res.status(), headers, body });
  });
  await allowLoopback(context, base);
  const page = await context.newPage();
  if (problems) watchHost(page, base, problems);
  await page.goto(url);
  return page;
}

/** Resolves once every widget named has said roi:ready on the demo page
 *  (a minute at most: the demo runs seven widgets, one a full calculator
 *  with its simulation, on a shared machine); else names the silent ones. */
export async function demoReady(page, ids) {
  const silent = () => page.evaluate((list) => list.filter((id) =>
    !(window.roiEvents || []).some((e) => e.widget === id && e.type === 'roi:ready')), ids);
  try {
    await page.waitForFunction((list) => list.every((id) =>
      (window.roiEvents || []).some((e) => e.widget === id && e.type === 'roi:ready')), ids, { timeout: 60000 });
  } catch (e) {
    const state = await page.evaluate((list) => list.map((id) => {
      const f = document.querySelector(`#${id} iframe`);
      return f && `${id}: ${f.loading} ${Math.round(f.getBoundingClientRect().width)}px ${f.contentWindow ? 'window' : 'no window'}`;
    }), await silent());
    throw new Error(`no roi:ready from ${state.join(', ')}: ${e.message}`);
  }
}

/** Saves a screenshot under build/artefacts/widget/ (git-ignored). */
export async function keep(locator, name) {
  fs.mkdirSync(artefacts, { recursive: true });
  await locator.screenshot({ path: path.join(artefacts, name + '.png') });
}

/** The iframe's height in px as embed.js set it. */
export const frameHeight = (page, sel = 'iframe') => page.$eval(sel, (f) => parseFloat(f.style.height));

/** No inner scrollbar: the frame's document fits its frame. */
export const fits = (page, sel = 'iframe') => page.$eval(sel, (f) => f.getBoundingClientRect().height).then(async (h) => {
  const frame = await (await page.$(sel)).contentFrame();
  const doc = await frame.evaluate(() => ({ sh: document.documentElement.scrollHeight, sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  return doc.sh <= Math.ceil(h) + 1 && doc.sw <= doc.cw;
});

/** Records into `problems` what goes wrong on a host page and in its
 *  frames: console errors and warnings, page errors, and requests to
 *  anything but the calculator and the host's origins. */
export function watchHost(page, base, problems) {
  const allowed = [base, hostOf(base), 'data:', 'about:'];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('request', (r) => { if (!allowed.some((a) => r.url().startsWith(a))) problems.push('request to ' + r.url()); });
}

/** Waits until the frame's height is its content's and stays so (a frame
 *  resized by its parent lays itself out again a frame later). */
export async function settled(page, sel = 'iframe') {
  const frame = await (await page.$(sel)).contentFrame();
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const content = await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(
      () => r(Math.ceil(document.documentElement.getBoundingClientRect().height))))));
    const h = await frameHeight(page, sel);
    if (h === content && h === last) return h;
    last = h;
  }
  throw new Error(`${sel}: the frame's height never settled`);
}
