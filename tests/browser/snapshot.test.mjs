// Browser tests of the page opened on the result computed at build time
// (web/io/snapshot.js, issue 10's 60 KB): the default example's figures,
// verdicts, billing risks and simulation come with index.html; the engine,
// its worker, the words of its errors, « Mes scénarios » and the files are
// fetched at the visitor's first key, tap, click or focus.  What the page
// shows before must be what the engine shows after, and nothing typed or
// clicked meanwhile may be lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, noProblemsTest, cliEval, fixture, linkOf, base } from './harness.mjs';

// The failure test's refused wasm: the browser's own line about it.
const { open, newContext } = useBrowser({ ignore: /Failed to load resource|ERR_FAILED/ });
const LATER = /\/engine\/|sim-worker|\/chunks\/(actions|i18n-err)-/;

/** Every figure the results show, by its hook (figures, risk cells, simulation). */
const figures = (page) => page.evaluate(() => ({
  outs: [...document.querySelectorAll('#results [data-out]')].map((e) => `${e.dataset.out}=${e.dataset.value ?? e.textContent}`),
  risk: [...document.querySelectorAll('[data-billsim]')].map((e) => e.textContent),
  sim: [...document.querySelectorAll('#sim [data-sim], #sim [data-out]')].map((e) => e.textContent),
  summary: document.getElementById('summary').textContent,
}));

/** The default page as a visitor who only reads has it, and the paths it fetched. */
async function reader(url = '?lang=fr', opts = {}) {
  const context = await newContext(opts);
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const page = await open(url, { context, engine: false });
  await page.waitForTimeout(600); // anything it would still fetch by itself
  return { page, fetched };
}

test('opened on the default example, the page fetches no engine and shows the core\'s figures computed at build time', async () => {
  const { page, fetched } = await reader();
  assert.deepEqual(fetched.filter((p) => LATER.test(p)), [], 'nothing of the engine before its first use');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), undefined);
  const expected = cliEval(JSON.parse(readFileSync(fixture('pay-per-meeting.json'), 'utf8')));
  assert.equal(await page.getAttribute('#summary [data-out="roi"]', 'data-value'), String(expected.roi));
  assert.equal(await page.getAttribute('#results [data-out="net"]', 'data-value'), String(expected.net));
  // Said as it is: computed when the page was published, loaded at the first entry.
  assert.match(await page.textContent('#engine'), /calculés par le moteur C \(version [\d.]+\) à la publication de cette page/);
  assert.match(await page.textContent('#sim-status'), /^10\s000 simulations, calculées par le moteur à la publication/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
  await page.context().close();
});

test('in English too: the example\'s English words over the same figures, no engine fetched, the engine\'s own once it computes them', async () => {
  const { page, fetched } = await reader('?lang=en');
  assert.deepEqual(fetched.filter((p) => LATER.test(p)), [], 'nothing of the engine before its first use');
  assert.equal(await page.inputValue('[name="name"]'), 'Campaign billed per meeting');
  assert.match(await page.textContent('#engine'), /computed by the C engine \(version [\d.]+\) when this page was published/);
  await page.waitForFunction(() => /(^|&)n=Campaign\+billed\+per\+meeting(&|$)/.test(location.hash.slice(1)));
  const before = await figures(page);
  await page.fill('[name="funnel.close_rate"]', '30');
  await page.waitForFunction(() => document.querySelector('#summary [data-out="roi"]').dataset.value === '5');
  await page.fill('[name="funnel.close_rate"]', '25');
  await page.waitForFunction(() => document.querySelector('#summary [data-out="roi"]').dataset.value === '3.8');
  await page.waitForFunction(() => /runs in \d+ ms/.test(document.getElementById('sim-status').textContent));
  const after = await figures(page);
  assert.deepEqual(after, before);
  // Reloaded at the address it wrote: the same, still without the engine.
  const url = page.url();
  await page.context().close();
  const again = await reader(url.slice(url.indexOf('?')));
  assert.deepEqual(again.fetched.filter((p) => LATER.test(p)), []);
  assert.equal(await again.page.inputValue('[name="name"]'), 'Campaign billed per meeting');
  await again.page.context().close();
});

test('the engine, loaded at the first key, shows exactly the same figures, risks and simulation when it computes them again', async () => {
  const { page } = await reader();
  const before = await figures(page);
  await page.keyboard.press('Shift');
  await page.waitForSelector('html[data-engine]');
  assert.match(await page.textContent('#engine'), /Tous les calculs sont faits dans votre navigateur/);
  // The same scenario computed by the engine here: an edit, then its undoing.
  await page.fill('[name="funnel.close_rate"]', '30');
  await page.waitForFunction(() => document.querySelector('#summary [data-out="roi"]').dataset.value === '5');
  await page.fill('[name="funnel.close_rate"]', '25');
  await page.waitForFunction(() => document.querySelector('#summary [data-out="roi"]').dataset.value === '3.8');
  await page.waitForFunction(() => /simulations en \d+ ms/.test(document.getElementById('sim-status').textContent));
  const after = await figures(page);
  assert.deepEqual(after.outs, before.outs);
  assert.deepEqual(after.risk, before.risk);
  assert.deepEqual(after.sim, before.sim);
  assert.equal(after.summary, before.summary);
  await page.context().close();
});

/** Holds every request for the engine's files until release() (the page
 *  asks for them at the first key or click; they arrive when released). */
async function holdEngine(context) {
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\/engine\//, async (route) => { await held; await route.continue(); });
  return release;
}

test('typed before the engine is there, every key is kept and the figures follow once it is', async () => {
  const { page } = await reader();
  const release = await holdEngine(page.context());
  await page.click('[name="value.deal_value"]', { clickCount: 3 });
  await page.keyboard.type('7500');
  assert.equal(await page.inputValue('[name="value.deal_value"]'), '7500');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.engine), undefined, 'typed before the engine');
  release();
  await page.waitForSelector('html[data-engine]');
  const expected = cliEval({ ...JSON.parse(readFileSync(fixture('pay-per-meeting.json'), 'utf8')), value: { deal_value: 7500, margin_rate: 0.4 } });
  await page.waitForFunction((v) => document.querySelector('#summary [data-out="roi"]').dataset.value === v, String(expected.roi));
  // The address follows the scenario typed (the link a rep copies).
  await page.waitForFunction(() => /(^|&)d=7500(&|$)/.test(location.hash.slice(1)));
  await page.context().close();
});

test('buttons pressed before the engine is there act once it is, in their order, each once; one that needs only the state acts at once', async () => {
  const { page } = await reader('?lang=fr', { acceptDownloads: true });
  const release = await holdEngine(page.context());
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.click('#io summary');
  await page.click('#export-json');
  await page.click('#export-json'); // pressed twice while waiting: one file
  const rows = () => page.$$eval('#fixed-list .fixed-row', (r) => r.length);
  const before = await rows();
  await page.click('#fixed-add'); // after a waiting click: waits its turn too
  assert.equal(await rows(), before);
  assert.equal(downloads.length, 0);
  release();
  await page.waitForSelector('html[data-engine]');
  await page.waitForFunction((n) => document.querySelectorAll('#fixed-list .fixed-row').length === n + 1, before);
  await page.waitForTimeout(300);
  assert.equal(downloads.length, 1);
  const doc = JSON.parse(readFileSync(await downloads[0].path(), 'utf8'));
  assert.equal(doc.funnel.close_rate, 0.25);
  assert.equal(doc.costs.per_meeting, 120);
  // With nothing waiting, a state-only button acts at once (a new page, engine held).
  const other = await reader();
  await holdEngine(other.page.context());
  const n = await other.page.$$eval('#fixed-list .fixed-row', (r) => r.length);
  await other.page.click('#fixed-add');
  assert.equal(await other.page.$$eval('#fixed-list .fixed-row', (r) => r.length), n + 1);
  await other.page.context().close();
  await page.context().close();
});

test('the engine refused (a network failure): said in a notice, with what to do; nothing typed is lost, no button acts on a missing engine', async () => {
  const { page } = await reader();
  const context = page.context();
  await context.route(/\/engine\/roi_core(\.[0-9a-f]+)?\.wasm$/, (route) => route.abort());
  await page.click('[name="funnel.close_rate"]', { clickCount: 3 });
  await page.keyboard.type('30');
  await page.waitForSelector('.notice');
  assert.match(await page.textContent('#notices'), /Le moteur de calcul n’a pas pu être chargé\u00a0: rechargez la page pour réessayer/);
  assert.equal(await page.inputValue('[name="funnel.close_rate"]'), '30');
  await page.click('#reset');
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('[name="funnel.close_rate"]'), '30', 'nothing replaced without the engine');
  await context.close();
});

test('any other address, or a browser holding saved scenarios, loads the engine at once, no key needed', async () => {
  for (const url of ['?currency=GBP', '#' + linkOf('lead-generation.json'), '?seed=7', '?samples=1000', '?lang=en&example=in-house']) {
    const { page, fetched } = await reader(url);
    await page.waitForSelector('html[data-engine]');
    assert.ok(fetched.some((p) => /\/engine\/roi_core(\.[0-9a-f]+)?\.wasm$/.test(p)), url);
    await page.context().close();
  }
  const context = await newContext();
  await context.addInitScript(() => {
    if (!localStorage.getItem('roi-calculator.library.v2')) localStorage.setItem('roi-calculator.library.v2', JSON.stringify({ version: 2, items: [] }));
  });
  const page = await open('?lang=fr', { context, engine: false });
  await page.waitForSelector('html[data-engine]');
  await context.close();
});

test('the answer painted first stays the element shown: the page keeps the summary written at build time (Element Timing reports that paint)', async () => {
  const context = await newContext();
  // The bundle held back until the built elements are marked.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\/app(\.[0-9a-f]+)?\.js$/, async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(base + '?lang=fr', { waitUntil: 'commit' });
  await page.waitForSelector('#sum-figs [data-out="roi"]');
  await page.evaluate(() => { for (const el of document.querySelectorAll('#sum-figs > *, #sum-verdicts > *')) el.builtHere = true; });
  release();
  await page.waitForSelector('html[data-ready]');
  const kept = await page.evaluate(() => [...document.querySelectorAll('#sum-figs > *, #sum-verdicts > *')].map((el) => el.builtHere === true && !el.hasAttribute('data-pre')));
  assert.ok(kept.length >= 5 && kept.every(Boolean), JSON.stringify(kept));
  // A change of scenario writes the engine's own.
  await page.fill('[name="funnel.close_rate"]', '30');
  await page.waitForFunction(() => document.querySelector('#summary [data-out="roi"]').dataset.value === '5');
  assert.equal(await page.evaluate(() => document.querySelector('#sum-figs > *').builtHere), undefined);
  await context.close();
});

noProblemsTest();
