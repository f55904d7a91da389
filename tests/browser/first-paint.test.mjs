// Browser tests of the first paint (issue 10's first-result budget): the
// default example's summary is written into index.html at build time
// (scripts/prerender.mjs) and shown before any module has run; the guard
// (web/first-paint.js) hides it for any other address until the engine's
// own figures replace it.  "Before any module" is made exact by refusing
// the page's bundle (app.js): what shows then is the HTML, the style sheet
// and the guard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, noProblemsTest, cliEval, fixture, linkOf } from './harness.mjs';

const { open, newContext } = useBrowser();
const APP = /\/app(\.[0-9a-f]+)?\.js$/;

/** The page at url with its bundle refused: the first paint, and only it. */
async function firstPaint(url, opts) {
  const context = await newContext(opts);
  await context.route(APP, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(new URL(url, (await import('./harness.mjs')).base).href);
  await page.waitForLoadState('load');
  return page;
}

const summaryOf = (page) => page.$eval('#summary', (s) => ({
  figs: [...s.querySelectorAll('#sum-figs .fig')].map((f) => f.textContent),
  verdicts: [...s.querySelectorAll('#sum-verdicts li')].map((li) => li.textContent),
  roi: s.querySelector('[data-out="roi"]')?.dataset.value,
  shown: [...s.querySelectorAll('[data-pre]')].map((e) => getComputedStyle(e).visibility),
}));

test('before any module runs, the page shows the default example\'s answer: the engine\'s own, the CLI\'s numbers', async () => {
  const pre = await firstPaint('');
  const before = await summaryOf(pre);
  assert.ok(before.figs.length >= 3 && before.verdicts.length >= 2, JSON.stringify(before));
  assert.ok(before.shown.length > 0 && before.shown.every((v) => v === 'visible'));
  assert.equal(await pre.evaluate(() => !!document.documentElement.dataset.ready), false, 'no module ran');
  await pre.context().close();

  const expected = cliEval(JSON.parse(readFileSync(fixture('pay-per-meeting.json'), 'utf8')));
  assert.equal(before.roi, String(expected.roi));
  const page = await open('');
  const after = await summaryOf(page);
  assert.deepEqual({ figs: after.figs, verdicts: after.verdicts, roi: after.roi }, { figs: before.figs, verdicts: before.verdicts, roi: before.roi });
  assert.equal(await page.$$eval('#summary [data-pre]', (els) => els.filter((e) => e.id !== 'sum-toggle').length), 0, 'the engine\'s own elements replaced them');
  // The address the page writes for the default example holds them too (a reload).
  await page.waitForFunction(() => location.hash.length > 1);
  const again = await firstPaint(page.url());
  assert.ok((await summaryOf(again)).shown.every((v) => v === 'visible'));
  await again.context().close();
  await page.context().close();
});

test('any other address hides them until its own figures are there: a shared link, English, a currency, an example', async () => {
  const other = '#' + linkOf('lead-generation.json');
  for (const [url, opts] of [[other], ['?lang=en'], ['', { locale: 'en-GB' }], ['?currency=GBP'], ['?example=in-house'], ['?retro=1']]) {
    const pre = await firstPaint(url, opts);
    const s = await summaryOf(pre);
    assert.ok(s.shown.length > 0 && s.shown.every((v) => v === 'hidden'), `${url} ${JSON.stringify(opts)}: ${s.shown}`);
    await pre.context().close();
  }
  // With the modules: the link's own figures, shown.
  const page = await open(other);
  const expected = cliEval(JSON.parse(readFileSync(fixture('lead-generation.json'), 'utf8')));
  await page.waitForFunction((v) => document.querySelector('#summary [data-out="roi"]')?.dataset.value === v, String(expected.roi));
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('pre-off')), false);
  assert.equal(await page.$eval('#sum-toggle', (e) => getComputedStyle(e).visibility), 'visible');
  await page.context().close();
});

noProblemsTest();
