// The setup every browser test shares: the real page as deployed (the
// production build, build/dist, written by scripts/build-web.sh: hashed
// names, precompressed files) served on 127.0.0.1 by scripts/serve.py under
// the production headers (deploy/headers.json: CSP with frame-ancestors,
// nosniff, Referrer-Policy, cache) and driven in Debian's Chromium with
// playwright-core; expected numbers come from the native CLI
// (build/release/roi).  ROI_BROWSER_SITE=build/site (or web) runs the same
// tests on the bundled or unbundled page, under the same headers;
// ROI_BROWSER_BASE=http://127.0.0.1:8080/ runs them against a server of
// yours instead (nginx or Apache serving build/dist with the generated
// headers, say).  Each test file calls useBrowser() once,
// with its own options, and ends with noProblemsTest().
// Named without ".test" so that `node --test tests/browser/*.test.mjs` does
// not run it as a test file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'build/release/roi');
export const fixtures = path.join(root, 'tests/fixtures');
export const fixture = (name) => path.join(fixtures, name);
/** The folder the tests serve. */
export const site = path.resolve(root, process.env.ROI_BROWSER_SITE || 'build/dist');

/** The link of a fixture file, as the CLI encodes it. */
export const linkOf = (file) => execFileSync(cli, ['link', 'encode', fixture(file)], { encoding: 'utf8' }).trim();

/** The CLI's evaluation of a scenario; its error document when it refuses it. */
export function cliEval(scenario) {
  try {
    return JSON.parse(execFileSync(cli, ['eval', '-'], { input: JSON.stringify(scenario), encoding: 'utf8' }));
  } catch (e) { return JSON.parse(e.stdout); }
}

// A path under a null object (reallocation with one row) is null; a path
// that does not exist at all stays undefined and fails the comparison.
export const dig = (o, p) => p.replace(/\[(\d+)\]/g, '.$1').split('.').reduce((x, k) => (x === null ? null : x === undefined ? undefined : x[k]), o);
export const value = (page, out) => page.getAttribute(`[data-out="${out}"]`, 'data-value');
/** Lays out every part of the page the browser may skip while out of view
 *  (content-visibility: auto, whose paint containment also clips what
 *  overflows): a measure of the whole page's width must see all of it. */
export const renderAll = (page) => page.evaluate(() => {
  for (const el of document.querySelectorAll('*')) if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
});
/** The page's address once the write it has pending is done: the page writes
 *  its address after the frame that shows a change (web/io/links.js), so
 *  right after an action page.url() may still be the one before. */
export async function addressOf(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return page.evaluate(() => location.href);
}
export const fragment = async (page) => decodeURIComponent(new URL(await addressOf(page)).hash.slice(1).replace(/\+/g, ' '));

/** Every displayed result equals the CLI's for the scenario; null shows as "" with
 *  its reason.  formatted: also check that each number is shown formatted. */
export async function assertMatchesCli(page, expected, { formatted = true } = {}) {
  const shown = await page.$$eval('[data-out]', (els) => els.map((e) => [e.dataset.out, e.dataset.value, e.textContent]));
  assert.ok(shown.length > 60, 'the page shows its results');
  for (const [out, raw, text] of shown) {
    const want = dig(expected, out);
    if (want === null) {
      assert.equal(raw, '', `${out} is null`);
      assert.ok(text.length > 3 && !/NaN|Infinity|undefined/.test(text), `${out} explains its null: "${text}"`);
    } else if (typeof want === 'number') {
      assert.ok(Math.abs(Number(raw) - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${out}: page ${raw}, CLI ${want}`);
      if (formatted) assert.ok(!/NaN|Infinity|undefined/.test(text), `${out} is formatted: "${text}"`);
    } else {
      assert.equal(raw, String(want), out);
    }
  }
}

/** A printed PDF's page count and text (pdfinfo, pdftotext), through a temporary file named after `prefix`. */
export function pdfOf(buffer, prefix) {
  const file = path.join(os.tmpdir(), `${prefix}-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, buffer);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  fs.unlinkSync(file);
  return { pages, text };
}

/** Console errors, page errors and foreign requests, from every page of the file. */
export const problems = [];

/** The site's address (http://127.0.0.1:port/) and the browser, set by useBrowser's
 *  before hook: live bindings, so importers see them once the hook has run. */
export let base, browser;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions'];

/**
 * Registers before/after: the server on the site (build/dist) and Chromium.
 * Options, each file's own:
 *  - height: viewport height (900)
 *  - consoleTypes: console message types recorded as problems (error, warning)
 *  - dialogs: record (and dismiss) dialogs as problems (true)
 *  - ignore: a RegExp of console texts not recorded
 *  - contextOptions: extra options of every new context (colorScheme, acceptDownloads…)
 *  - permissions: granted on the site's origin to every context made by newContext
 *  - args: extra Chromium arguments
 * Returns getters for base and browser, and open, newContext, watch, problems.
 */
export function useBrowser({
  height = 900, consoleTypes = ['error', 'warning'], dialogs = true, ignore = null,
  contextOptions = {}, permissions = [], args = [],
} = {}) {
  let server;

  before(async () => {
    if (process.env.ROI_BROWSER_BASE) base = new URL(process.env.ROI_BROWSER_BASE).href;
    else {
      server = spawn('python3', [path.join(root, 'scripts/serve.py'), site, '0']);
      base = await new Promise((resolve, reject) => {
        server.stdout.on('data', (d) => { const m = /http:\/\/[\d.:]+\//.exec(String(d)); if (m) resolve(m[0]); });
        server.on('exit', () => reject(new Error('server exited')));
      });
    }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...ARGS, ...args] });
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  /** A new context: locale, width × height, the file's context options and permissions. */
  async function newContext({ locale = 'fr-FR', width = 1280, ...extra } = {}) {
    const context = await browser.newContext({ locale, viewport: { width, height }, ...contextOptions, ...extra });
    if (permissions.length) await context.grantPermissions(permissions, { origin: base });
    return context;
  }

  /** Records what goes wrong on a page into problems. */
  function watch(page) {
    page.on('console', (m) => {
      if (consoleTypes.includes(m.type()) && !(ignore && ignore.test(m.text()))) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    if (dialogs) page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push('request to ' + r.url()); });
  }

  /** Opens base + url in a new page (of `context`, or of a new context) once
   *  the page is ready, with its engine: a page that opens on the figures
   *  computed at build time (web/io/snapshot.js) loads it at the first key,
   *  here Shift; engine: false leaves it as a visitor who only reads has it. */
  async function open(url, { context: ctx, engine = true, ...opts } = {}) {
    const context = ctx || await newContext(opts);
    const page = await context.newPage();
    watch(page);
    await page.goto(base + url);
    await page.waitForSelector('html[data-ready]');
    if (engine && await page.evaluate(() => !!document.getElementById('roi-snap') && !document.documentElement.dataset.engine)) {
      await page.keyboard.press('Shift');
      await page.waitForSelector('html[data-engine]');
    }
    await addressOf(page); // the first result's address written
    return page;
  }

  return {
    get base() { return base; },
    get browser() { return browser; },
    open, newContext, watch, problems,
  };
}

/** The file's last test: no problem recorded on any of its pages. */
export function noProblemsTest(name = 'no console error, page error or foreign request on any page of these tests') {
  test(name, () => {
    assert.deepEqual(problems, []);
  });
}
