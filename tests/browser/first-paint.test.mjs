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
import { useBrowser, noProblemsTest, cliEval, fixture, linkOf, base, addressOf } from './harness.mjs';
import { cliLink } from './widget-host.mjs';
import { PRESETS, DEFAULT_PRESET } from '../../web/widget/presets.js';

const { open, newContext } = useBrowser();
const APP = /\/app(\.[0-9a-f]+)?\.js$|\/widget\/widget(\.[0-9a-f]+)?\.js$/;

/** The page at url with its bundle refused: the first paint, and only it. */
async function firstPaint(url, opts) {
  const context = await newContext(opts);
  await context.route(APP, (r) => r.abort());
  const page = await context.newPage();
  await page.goto(new URL(url, base).href);
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
  const again = await firstPaint((await addressOf(page)));
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

const widgetOf = (page) => page.evaluate(() => ({
  big: document.getElementById('big').textContent,
  sub: document.getElementById('sub').textContent,
  figs: [...document.querySelectorAll('#figs dd')].map((d) => [d.dataset.out, d.dataset.value, d.textContent]),
  questions: [...document.querySelectorAll('#qs input:not([type=range])')].map((i) => [i.id, i.value]), // (the build's carry no name: bytes)
  more: document.querySelectorAll('#qs-more input:not([type=range])').length,
  disabled: [...document.querySelectorAll('#qs input')].every((i) => i.disabled),
  // #reset stays hidden until the widget runs, whatever the address.
  shown: [...document.querySelectorAll('[data-pre]:not(#reset)')].map((e) => getComputedStyle(e).visibility),
}));

/** The page built for a preset (scripts/prerender.mjs), as embed.js frames it. */
const pageOf = (preset) => (preset === DEFAULT_PRESET ? 'widget.html' : `widget-${preset}.html`) + `?preset=${preset}`;

test('the widget: each preset\'s page holds its questions and answer at first paint, the CLI\'s numbers, the same as once it runs', async () => {
  for (const preset of Object.keys(PRESETS)) {
    const pre = await firstPaint(pageOf(preset));
    const before = await widgetOf(pre);
    assert.match(before.big, /\d/, preset);
    assert.ok(before.figs.length >= 2 && before.figs.every(([, v]) => v !== undefined && v !== ''), `${preset} ${JSON.stringify(before.figs)}`);
    assert.ok(before.questions.length >= 3 && before.disabled, `${preset}: the questions are there, not usable before the widget runs`);
    assert.ok(before.shown.every((v) => v === 'visible'), preset);
    assert.equal(await pre.isVisible('#reset'), false, 'no way back before the widget runs');
    await pre.context().close();
    const want = cliLink(PRESETS[preset].start).result;
    for (const [out, v] of before.figs) assert.equal(Number(v), out.split('.').reduce((o, k) => o[k], want), `${preset} ${out}`);
    const page = await open(pageOf(preset));
    const after = await widgetOf(page);
    // The closed « Hypothèses » questions: their line at first paint, their fields written by widget.js.
    assert.equal(before.more, 0, preset);
    assert.ok(after.more > 0 || !(await page.isVisible('#more')), `${preset}: ${after.more} other questions`);
    assert.deepEqual({ ...after, disabled: false, shown: [], more: 0 }, { ...before, disabled: false, shown: [] }, preset);
    assert.equal(after.disabled, false, 'usable once it runs');
    await page.context().close();
  }
  // Another preset, language or the host's values: hidden until its own answer.
  for (const [url, opts] of [['widget.html?preset=in-house'], ['widget-in-house.html?preset=lead-generation'], ['widget-in-house.html?preset=pay-per-meeting'],
    ['widget.html?lang=en'], ['widget.html', { locale: 'en-GB' }], ['widget.html?values=1#q=80'], ['widget.html?bounds=close=0.1:0.5']]) {
    const p = await firstPaint(url, opts);
    const s = await widgetOf(p);
    assert.ok(s.shown.length > 0 && s.shown.every((v) => v === 'hidden'), `${url}: ${s.shown}`);
    await p.context().close();
  }
  // A preset's page opened with no preset named (a link passed around, not
  // embed.js) is that preset's, at first paint and once it runs.
  const bare = await firstPaint('widget-in-house.html');
  const seen = await widgetOf(bare);
  assert.ok(seen.shown.length > 0 && seen.shown.every((v) => v === 'visible'), `widget-in-house.html: ${seen.shown}`);
  await bare.context().close();
  const runs = await open('widget-in-house.html');
  const live = await widgetOf(runs);
  assert.equal(live.big, seen.big);
  assert.deepEqual(live.figs, seen.figs);
  await runs.context().close();
  const other = await open('widget.html?preset=in-house');
  assert.equal(await other.evaluate(() => document.documentElement.classList.contains('pre-off')), false);
  assert.equal(await other.$eval('#big', (e) => getComputedStyle(e).visibility), 'visible');
  // The build's questions and figures are all replaced by the widget's own.
  assert.equal(await other.$$eval('[data-pre]', (els) => els.filter((e) => e.closest('#qs, #qs-more, #figs')).length), 0);
  await other.context().close();
});

noProblemsTest();
