// Browser tests of access: axe-core with no violation in light, dark and
// print, on the default example and on the in-house ramp-up (projection
// open); the keyboard alone reaching every visible field and button of the
// form and the summary toggle at 360 px, in order, never under the sticky
// bar; no sideways scroll at 360 px on any example fixture, projection and
// channels shown.  Same setup as page.test.mjs: build/site served on
// 127.0.0.1, Debian's Chromium, links from the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, noProblemsTest, root, fixtures, linkOf, renderAll, addressOf } from './harness.mjs';

const axe = path.join(root, 'node_modules/axe-core/axe.min.js');

// Console errors only (not warnings), dialogs not recorded, 800 px high, light by default.
const { open } = useBrowser({ height: 800, consoleTypes: ['error'], dialogs: false, contextOptions: { colorScheme: 'light' } });

const violations = (page) => page.evaluate(async () => {
  const r = await window.axe.run(document, { resultTypes: ['violations'] });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
});

test('the skip link moves focus to the results and keeps the scenario and its link (Enter on it emptied the scenario)', async () => {
  const page = await open('?lang=fr#' + linkOf('director-options.json'));
  const hash = new URL((await addressOf(page))).hash;
  const roi = await page.getAttribute('#summary [data-out="roi"]', 'data-value');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'results');
  assert.equal(new URL((await addressOf(page))).hash, hash, 'the address still holds the scenario');
  assert.equal(await page.getAttribute('#summary [data-out="roi"]', 'data-value'), roi);
  assert.equal(await page.inputValue('[name="name"]'), 'Équipe interne ou prestataire');
  // A place in the page typed into the address opens no empty scenario either.
  await page.evaluate(() => { location.hash = '#results'; });
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#summary [data-out="roi"]', 'data-value'), roi);
  await page.context().close();
});

test('axe: no violation in light, dark and print, on the default example and the in-house ramp-up with its projection open', async () => {
  for (const [name, url] of [['default', '?lang=fr'], ['ramp-up', '?lang=fr#' + linkOf('in-house-ramp-up.json')], ['ramp-up en', '?lang=en#' + linkOf('in-house-ramp-up.json')]]) {
    for (const colorScheme of ['light', 'dark']) {
      // The page's CSP forbids injected scripts; this context lets axe in.
      const page = await open(url, { colorScheme, bypassCSP: true });
      if (name !== 'default') {
        await page.waitForSelector('#sched:not([hidden])');
        await page.evaluate(() => { document.getElementById('sched-box').open = true; });
      }
      await page.waitForFunction(() => document.querySelector('#sim')?.dataset.samples);
      await page.addScriptTag({ path: axe });
      assert.deepEqual(await violations(page), [], `${name}, ${colorScheme}`);
      // Everything folded unfolded: the advanced settings, other prices, ranges.
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      assert.deepEqual(await violations(page), [], `${name}, ${colorScheme}, unfolded`);
      await page.emulateMedia({ media: 'print' });
      assert.deepEqual(await violations(page), [], `${name}, ${colorScheme}, print`);
      await page.context().close();
    }
  }
});

test('keyboard only at 360 px: Tab reaches every visible field and button of the form and the summary toggle, in order, never under the bar', async () => {
  const page = await open('?lang=fr', { width: 360 });
  // Tab from the top; the advanced settings are opened from the keyboard too.
  const seen = [];
  const bad = [];
  let openedAdvanced = false;
  for (let i = 0; i < 600; i++) {
    await page.keyboard.press('Tab');
    // Measured once the page has settled (two frames): a panel skipped while
    // out of view (content-visibility) is laid out when the focus enters it.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const bar = document.getElementById('summary').getBoundingClientRect();
      const inBar = el.closest('#summary') !== null;
      return {
        key: el.id || el.name || el.textContent.trim().slice(0, 30), tag: el.tagName, inForm: el.closest('#f') !== null,
        order: [...document.querySelectorAll('*')].indexOf(el),
        visible: r.bottom > 0 && r.top < innerHeight && r.width > 0,
        covered: !inBar && getComputedStyle(document.getElementById('summary')).position === 'fixed' && r.bottom > bar.top + 1,
        advanced: el.matches('#advanced > summary'),
      };
    });
    if (!f) break;
    if (seen.length && f.key === seen[0].key && f.order === seen[0].order) break; // round the page
    seen.push(f);
    if (!f.visible || f.covered) bad.push(f);
    if (f.advanced && !openedAdvanced) { openedAdvanced = true; await page.keyboard.press('Enter'); }
  }
  assert.deepEqual(bad, [], 'the focused element is always in view, never under the summary bar');
  assert.ok(openedAdvanced, 'the advanced settings are reached and opened from the keyboard');
  const reached = new Set(seen.map((f) => f.order));
  const expected = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return [...document.querySelectorAll('#f input, #f select, #f button, #f summary, #sum-toggle')]
      .filter((el) => el.checkVisibility() && !el.disabled) // a closed details' content is not visible
      .map((el) => ({ order: all.indexOf(el), key: el.id || el.name || el.textContent.trim().slice(0, 30) }));
  });
  const missed = expected.filter((e) => !reached.has(e.order)).map((e) => e.key);
  assert.deepEqual(missed, [], 'every visible field and button of the form is reached');
  assert.ok(seen.some((f) => f.key === 'sum-toggle'), 'the summary toggle is reached');
  // A sensible order: the form's fields in the order they are read.
  const form = seen.filter((f) => f.inForm).map((f) => f.order);
  assert.deepEqual(form, [...form].sort((a, b) => a - b), 'the form is tabbed in reading order');
  await page.context().close();
});

test('keyboard only at 1280 px: going back up the results with Shift+Tab, the focused control is never under the stuck summary', async () => {
  const page = await open('?lang=fr', { width: 1280 });
  await page.waitForSelector('html[data-ready]');
  await page.evaluate(() => { const all = [...document.querySelectorAll('#results button, #results a[href], #results [tabindex="0"]')]; all.at(-1).focus(); });
  const bad = [];
  let checked = 0;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Shift+Tab');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('#results') || el.closest('#summary')) return null;
      const r = el.getBoundingClientRect(), sum = document.getElementById('summary').getBoundingClientRect();
      const stuck = sum.top <= 1;
      return { key: el.id || el.textContent.trim().slice(0, 40), covered: stuck && r.top < sum.bottom - 1 && r.bottom > sum.top };
    });
    if (!f) continue;
    checked++;
    if (f.covered) bad.push(f.key);
  }
  assert.ok(checked > 10, `${checked} controls checked`);
  assert.deepEqual(bad, [], 'never under the summary');
});

test('360 px: no sideways scroll on any example fixture, with the projection and the channels shown', async () => {
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 8);
  for (const file of files) {
    const page = await open('?lang=fr#' + linkOf(file), { width: 360 });
    await page.evaluate(() => document.querySelectorAll('#f details, #cmp details').forEach((d) => { d.open = true; }));
    await page.waitForTimeout(100);
    const sc = JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8'));
    if (sc.schedule?.months > 0) assert.ok(await page.isVisible('#schedchart'), `${file}: projection shown`);
    if (sc.channels?.length) assert.ok(await page.isVisible('#cmprows tr'), `${file}: channels shown`);
    await renderAll(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${file}: no sideways scroll at 360 px (overflow ${overflow}px)`);
    await page.context().close();
  }
});

noProblemsTest();
