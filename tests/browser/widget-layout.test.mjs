// Browser tests of the widget's place on a host page (localhost against the
// calculator on 127.0.0.1): at most 640 px tall at 360 px wide and 480 px
// from 600 px on, for each preset's defaults, with no inner scrollbar; a
// height that does not move while values are edited (typed, slid, refused,
// huge), only when « Hypothèses » opens; right in a tab shown later, in a
// modal and in a sidebar of the demo host page; theme, accent and font.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, noProblemsTest, base, browser, problems } from './harness.mjs';
import { PRESET_NAMES, hostPage, widgetFrame, frameHeight, fits, settled, openDemo, demoReady, keep } from './widget-host.mjs';

useBrowser();

const CTA = { 'cta-label': 'Recevoir mon étude personnalisée ({roi})', 'cta-url': 'https://example.com/demo' };
const newContext = async ({ width = 1280, height = 900, ...extra } = {}) => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height }, ...extra });
  await context.route('https://example.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: 'ok' }));
  return context;
};
/** The heights embed.js was told so far. */
const told = (page) => page.evaluate(() => window.roiEvents.filter((e) => e.type === 'roi:height').map((e) => e.detail.height));

test('each preset\'s defaults: at most 640 px at 360 px wide, 480 px at 600 and 1280 px; no inner scrollbar', async () => {
  const heights = {};
  for (const width of [360, 600, 1280]) {
    const context = await newContext({ width });
    for (const preset of PRESET_NAMES) {
      for (const lang of ['fr', 'en']) {
        const page = await hostPage(context, base, { preset, lang, ...CTA }, { problems });
        await page.waitForFunction(() => window.roiEvents.some((e) => e.type === 'roi:height'));
        const h = await settled(page);
        (heights[preset] ||= {})[`${width}${lang === 'en' ? ' en' : ''}`] = h;
        assert.ok(h <= (width < 600 ? 640 : 480), `${preset} ${lang} at ${width} px: ${h} px`);
        assert.ok(await fits(page), `${preset} ${lang} at ${width} px: no inner scrollbar`);
        // The frame is as tall as its content (a height event, not the initial guess).
        const frame = await widgetFrame(page);
        assert.equal(h, await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
        // Sized before it reports: embed.js's first height is the build's
        // measure for the preset (French, scripts/prerender.mjs) plus the
        // call to action, so the host page does not jump when the widget
        // reports its own (was 600 or 400 px, 50 to 300 px off).
        const first = await page.evaluate(() => window.roiFirstHeight);
        (heights[preset] ||= {})[`${width}${lang === 'en' ? ' en' : ''} first`] = first;
        assert.ok(Math.abs(first - h) <= (lang === 'fr' ? 2 : 40), `${preset} ${lang} at ${width} px: first ${first} px, then ${h} px`);
        await page.close();
      }
    }
    await context.close();
  }
  console.log('widget heights (px):', JSON.stringify(heights));
});

test('sized before it reports, between the measured widths too: a 500 px frame, and a host whose padding narrows it', async () => {
  for (const [width, before] of [[500, ''], [660, '<style>#box{padding:0 40px}</style>']]) {
    const context = await newContext({ width });
    for (const preset of PRESET_NAMES) {
      const page = await hostPage(context, base, { preset, ...CTA }, { problems, before });
      await page.waitForFunction(() => window.roiEvents.some((e) => e.type === 'roi:height'));
      const h = await settled(page);
      const first = await page.evaluate(() => window.roiFirstHeight);
      // Taken in proportion between two measured widths: a line of text may
      // wrap sooner or later than the proportion says.
      assert.ok(Math.abs(first - h) <= 24, `${preset} in a ${width} px page: first ${first} px, then ${h} px`);
      await page.close();
    }
    await context.close();
  }
});

test('the height does not change while values are edited: typed, slid, refused, huge, negative; only « Hypothèses » opens it', async () => {
  for (const width of [360, 600]) {
    const context = await newContext({ width });
    for (const preset of PRESET_NAMES) {
      const page = await hostPage(context, base, { preset, ...CTA }, { problems });
      const frame = await widgetFrame(page);
      await page.waitForFunction(() => window.roiEvents.some((e) => e.type === 'roi:height'));
      const h0 = await frameHeight(page);
      const fields = await frame.$$eval('#qs input:not([type=range])', (els) => els.map((e) => e.id));
      const texts = ['0', '1', '12,5', '999 999 999', '-5', 'abc', '150', '1e9', '', '3'];
      for (const id of fields) {
        for (const text of texts) {
          await frame.fill('#' + id, text);
          await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          assert.equal(await frameHeight(page), h0, `${preset} at ${width} px: ${id} = "${text}"`);
        }
        await frame.locator('#' + id).blur();
        // The slider from one end to the other, by keyboard.
        await frame.focus('#' + id + '-s');
        for (const key of ['Home', 'End', 'PageDown', 'ArrowLeft']) {
          await page.keyboard.press(key);
          assert.equal(await frameHeight(page), h0, `${preset} at ${width} px: ${id} slider ${key}`);
        }
      }
      // No height was ever told but the first one.
      assert.deepEqual([...new Set(await told(page))], [h0], `${preset} at ${width} px`);
      // « Hypothèses » opens: taller, still no inner scrollbar; closes: back.
      const before = (await told(page)).length;
      await frame.click('#more summary');
      await page.waitForFunction((h) => parseFloat(document.querySelector('iframe').style.height) > h + 40, h0);
      const h1 = await settled(page);
      assert.ok(await fits(page));
      // In one step: the section and its title's new text in the same frame
      // (the host's frame was told a taller height first, then this one).
      assert.deepEqual((await told(page)).slice(before), [h1], `${preset} at ${width} px: opened in one step`);
      for (const id of await frame.$$eval('#qs-more input:not([type=range])', (els) => els.map((e) => e.id))) {
        for (const text of ['0', '99 999', 'x', '2']) {
          await frame.fill('#' + id, text);
          await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          assert.equal(await frameHeight(page), h1, `${preset} open: ${id} = "${text}"`);
        }
      }
      const open = (await told(page)).length;
      await frame.click('#more summary');
      await page.waitForFunction((h) => parseFloat(document.querySelector('iframe').style.height) < h, h1);
      assert.deepEqual((await told(page)).slice(open), [await settled(page)], `${preset} at ${width} px: closed in one step`);
      await page.close();
    }
    await context.close();
  }
});

test('the demo host page: a tab shown later, a modal, a sidebar, the full calculator; each sized to its content', async () => {
  const context = await newContext({ width: 1280 });
  const page = await openDemo(context, base, { problems });
  await demoReady(page, ['ppm', 'in-house', 'side', 'full']);
  const sized = async (id, max) => {
    const sel = `#${id} iframe`;
    await page.waitForFunction((s) => window.roiEvents.some((e) => e.widget === s && e.type === 'roi:ready'), id);
    // In view: the browser leaves a cross-origin frame out of view unrendered.
    await page.$eval(sel, (f) => f.scrollIntoView({ block: 'nearest' }));
    const frame = await widgetFrame(page, sel);
    await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForFunction(([s, h]) => Math.abs(parseFloat(document.querySelector(s).style.height) - h) <= 1, [sel,
      await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))]);
    const h = await settled(page, sel);
    assert.ok(h <= max, `${id}: ${h} px`);
    assert.ok(await fits(page, sel), `${id}: no inner scrollbar`);
    return h;
  };
  await sized('ppm', 480);
  await sized('in-house', 480);
  // The sidebar is 340 px wide: the one-column layout, within the phone budget.
  await sized('side', 640);
  // A tab shown later: the widget loads when shown (lazy) and takes its height.
  assert.equal(await page.isVisible('#hourly iframe'), false);
  await page.focus('#tab-hourly'); // by keyboard: no coordinates a frame taking its height could shift
  await page.keyboard.press('Enter');
  await sized('hourly', 480);
  await page.keyboard.press('ArrowRight'); // the tabs' own keyboard
  assert.equal(await page.getAttribute('#tab-leads', 'aria-selected'), 'true');
  await sized('leads', 480);
  // Back to a tab shown before: unchanged.
  await page.$eval('#tab-in-house', (b) => b.click());
  await sized('in-house', 480);
  // A modal: the widget inside sizes itself when the dialog opens.
  await page.$eval('#open-modal', (b) => b.click());
  const h = await sized('modal-box', 480);
  assert.ok(h > 200);
  await keep(page.locator('#modal'), 'demo-modal-1280');
  await page.click('#modal button');
  assert.equal(await page.isVisible('#modal'), false);
  // The full calculator: its own page, as tall as its content.
  // (The browser renders a cross-origin frame once it nears the viewport.)
  const full = await widgetFrame(page, '#full iframe');
  assert.match(full.url(), /\/full\.html\?/);
  await page.$eval('#full iframe', (f) => f.scrollIntoView());
  await page.waitForFunction(() => parseFloat(document.querySelector('#full iframe').style.height) > 1000);
  // The top of the demo page as a visitor sees it (frames out of view are not painted).
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page, '#ppm iframe');
  await keep(page, 'demo-1280');
  await context.close();
});

test('a frame narrower than a phone (280 px): no label, verdict or figure cut short', async () => {
  for (const preset of ['pay-per-meeting', 'in-house', 'provider-hourly', 'lead-generation']) {
    const context = await newContext({ width: 280 });
    const page = await hostPage(context, base, { preset, ...CTA }, { problems });
    const frame = await widgetFrame(page);
    // The texts clamped to their lines (widget.css): all of each shows.
    const cut = await frame.$$eval('.big, .sub, .figs dt, .range, .cta span', (els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent));
    assert.deepEqual(cut, [], preset);
    await context.close();
  }
});

test('theme, accent and font as the host asks; light and dark from the visitor\'s setting', async () => {
  const context = await newContext({ width: 600, colorScheme: 'dark' });
  const page = await hostPage(context, base, { preset: 'in-house', accent: 'c2410c', font: 'Georgia', theme: 'light', ...CTA }, { problems });
  const frame = await widgetFrame(page);
  assert.equal(await frame.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#c2410c');
  assert.equal(await frame.$eval('#cta', (a) => getComputedStyle(a).backgroundColor), 'rgb(194, 65, 12)');
  assert.match(await frame.evaluate(() => getComputedStyle(document.body).fontFamily), /^"?Georgia"?,/);
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  const dark = await hostPage(context, base, { preset: 'in-house', ...CTA }, { problems });
  const df = await widgetFrame(dark);
  assert.equal(await df.getAttribute('html', 'data-theme'), null);
  assert.notEqual(await df.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  await keep(dark.locator('iframe'), 'in-house-600-dark');
  await context.close();
});

test('any accent the host picks gives readable links and visible focus rings: a light one on light, a dark one on dark', async () => {
  // WCAG contrast of two CSS colours, each read back as sRGB through a canvas.
  const contrast = (frame, a, b) => frame.evaluate(([x, y]) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const lum = (c) => {
      ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
      const [r, g, bl] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [l1, l2] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (l1 + 0.05) / (l2 + 0.05);
  }, [a, b]);
  for (const [accent, theme] of [['fc0', 'light'], ['ffd400', 'light'], ['1a1a80', 'dark']]) {
    const context = await newContext({ width: 600 });
    const page = await hostPage(context, base, { preset: 'pay-per-meeting', accent, theme, ...CTA }, { problems });
    const frame = await widgetFrame(page);
    const bg = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const link = await frame.$eval('#full', (a) => getComputedStyle(a).color);
    assert.ok(await contrast(frame, link, bg) >= 4.5, `#${accent} on ${theme}: the link ${link} on ${bg}: ${await contrast(frame, link, bg)}`);
    await frame.focus('#q-pmeet-s');
    await page.keyboard.press('ArrowRight'); // focus by keyboard: the ring shows
    const ring = await frame.$eval('#q-pmeet-s', (el) => getComputedStyle(el).outlineColor);
    assert.ok(await contrast(frame, ring, bg) >= 3, `#${accent} on ${theme}: the focus ring ${ring} on ${bg}`);
    const cta = await frame.$eval('#cta', (a) => [getComputedStyle(a).color, getComputedStyle(a).backgroundColor]);
    assert.ok(await contrast(frame, ...cta) >= 4.5, `#${accent}: the call to action ${cta}`);
    await context.close();
  }
});

noProblemsTest('no console error, page error or foreign request on any host page or widget of these tests');
