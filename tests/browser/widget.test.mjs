// Browser tests of the lead-generation widget itself (widget.html through
// embed.js, on a host page of another origin: localhost against the
// calculator on 127.0.0.1): each preset's first answer is the CLI's, slider
// and text field stay in step, numbers typed the French way, refusals in
// the page's language in their reserved place, keyboard-only use, axe in
// both themes, and screenshots of each preset at 360 and 1280 px kept in
// build/artefacts/widget/.  Expected numbers from the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, noProblemsTest, base, browser, problems } from './harness.mjs';
import { PRESETS, PRESET_NAMES, axePath, cliLink, cliEncode, hostPage, widgetFrame, keep, frameHeight } from './widget-host.mjs';
import { DEFAULT_PRESET } from '../../web/widget/presets.js';

useBrowser();

const CTA = { 'cta-label': 'Recevoir mon étude ({roi})', 'cta-url': 'https://example.com/demo' };
const newContext = async ({ width = 1280, height = 900, ...extra } = {}) => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height }, ...extra });
  await context.route('https://example.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>demo</title>ok' }));
  return context;
};
const last = (page, type) => page.evaluate((t) => window.roiEvents.findLast((e) => e.type === t)?.detail, type);
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');
const outs = (frame) => frame.$$eval('[data-out]', (els) => Object.fromEntries(els.map((e) => [e.dataset.out, e.dataset.value])));

test('each preset\'s first answer is the CLI\'s: figures, verdict, payload; and the screenshots at 360 and 1280 px', async () => {
  for (const width of [360, 1280]) {
    const context = await newContext({ width });
    for (const preset of PRESET_NAMES) {
      const page = await hostPage(context, base, { preset, lang: 'fr', ...CTA }, { problems });
      const frame = await widgetFrame(page);
      // embed.js frames the page built for the preset, its answer already in it.
      assert.equal(new URL(frame.url()).pathname, preset === DEFAULT_PRESET ? '/widget.html' : `/widget-${preset}.html`);
      const want = cliLink(PRESETS[preset].start);
      const ready = await last(page, 'roi:ready');
      // The payload: the scenario the CLI decodes, its figures, the preset.
      assert.deepEqual(ready.scenario, want.scenario, preset);
      assert.equal(ready.preset, preset);
      assert.equal(ready.v, 1);
      for (const [k, path] of [['roi', 'roi'], ['net', 'net'], ['cac', 'unit_costs.deal'], ['max_price', 'breakeven.max_price'],
        ['per_hour_revenue', 'per_hour.revenue'], ['payback_months', 'payback_months']]) {
        assert.equal(ready.results[k], path.split('.').reduce((o, x) => o[x], want.result), `${preset} ${k}`);
      }
      assert.equal(ready.results.currency, 'EUR');
      // The page shows the same numbers, and the verdict names the break-even price.
      const shown = await outs(frame);
      assert.equal(Object.keys(shown).length, 3);
      for (const [out, v] of Object.entries(shown)) assert.equal(Number(v), out.split('.').reduce((o, x) => o[x], want.result), `${preset} ${out}`);
      const big = plain(await frame.textContent('#big'));
      assert.match(big, /^Rentable jusqu’à /, preset);
      const max = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: Number.isInteger(want.result.breakeven.max_price) ? 0 : 2, maximumFractionDigits: 2 })
        .format(want.result.breakeven.max_price);
      assert.ok(big.includes(plain(max)), `${preset}: ${big} names ${max}`);
      assert.match(plain(await frame.textContent('#cta')), /^Recevoir mon étude \(\d+ %\)$/);
      // The link reopens the scenario on the full page.
      assert.equal(ready.link, `${base}index.html?lang=fr#` + cliEncode(want.scenario));
      assert.equal(await frame.getAttribute('#full', 'href'), ready.link);
      await keep(page.locator('iframe'), `${preset}-${width}`);
      await page.close();
    }
    await context.close();
  }
});

test('a host scenario, starting values and another currency: the CLI\'s answer again', async () => {
  const context = await newContext({ width: 600 });
  const acme = 'v=1&n=Acme+Industrie&entry=meetings&vol=40&close=0.2&deal=8000&margin=0.35&model=per_meeting&pmeet=150';
  for (const [attrs, link] of [
    [{ scenario: acme }, acme],
    [{ preset: 'in-house', values: 'ihc=42&vol=12' }, PRESETS['in-house'].start + '&ihc=42&vol=12'],
    [{ preset: 'provider-hourly', currency: 'GBP', lang: 'en' }, PRESETS['provider-hourly'].start + '&cur=GBP'],
    [{ example: 'lead-generation' }, 'v=1&entry=contacts&vol=300&lead=0.4&opp=0.3&close=0.25&deal=10000&margin=0.4&fix=6000:Marketing+(contenus,+emailing,+outils)&fix=7000:Temps+commercial&fix=2000:Fichiers+et+enrichissement'],
  ]) {
    const page = await hostPage(context, base, attrs, { problems });
    const want = cliLink(link);
    const ready = await last(page, 'roi:ready');
    assert.deepEqual(ready.scenario, want.scenario, JSON.stringify(attrs));
    assert.equal(ready.results.roi, want.result.roi);
    assert.equal(ready.results.net, want.result.net);
    const frame = await widgetFrame(page);
    if (attrs.lang === 'en') {
      assert.equal(await frame.getAttribute('html', 'lang'), 'en');
      assert.match(plain(await frame.textContent('#big')), /^Profitable up to £91\.43 per hour$/);
      // Its fields write money as the answer does: £ before the number; % after it.
      const side = (q) => frame.$eval(`[data-q="${q}"] .num`, (n) => n.querySelector('.unit').getBoundingClientRect().x < n.querySelector('input').getBoundingClientRect().x);
      assert.deepEqual([await side('rate'), await side('deal'), await side('close')], [true, true, false]);
      assert.equal(await frame.textContent('[data-q="rate"] .unit'), '£');
      assert.equal(await frame.$$eval('.num .num', (x) => x.length), 0, 'one box per field (a count\'s unit is not a box)');
      assert.equal(ready.results.currency, 'GBP');
    }
    // data-example: its numbers, never its name (the host gave none); a host scenario keeps its own.
    assert.equal(ready.scenario.name, attrs.scenario ? 'Acme Industrie' : '');
    await page.close();
  }
  await context.close();
});

test('what a host scenario sets beyond the preset\'s questions is listed under « Hypothèses » and can be changed there', async () => {
  const context = await newContext({ width: 600 });
  // Calls, 3 % of which book a meeting: the pay-per-meeting preset does not ask it.
  const calls = 'v=1&entry=calls&vol=2000&meet=0.03&close=0.2&deal=8000&margin=0.4&model=per_meeting&pmeet=150';
  const page = await hostPage(context, base, { scenario: calls, preset: 'pay-per-meeting' }, { problems });
  const want = cliLink(calls);
  assert.equal((await last(page, 'roi:ready')).results.roi, want.result.roi);
  const frame = await widgetFrame(page);
  assert.match(plain(await frame.textContent('#more-text')), /3 % des leads en rendez-vous/);
  await frame.click('#more summary');
  assert.equal(await frame.inputValue('#q-meet'), '3');
  await frame.fill('#q-meet', '6');
  // (Per meeting, the ROI stays: twice the meetings, twice the net.)
  await frame.waitForFunction((net) => document.querySelector('[data-out="net"]').dataset.value !== String(net), want.result.net);
  const six = cliLink(calls.replace('meet=0.03', 'meet=0.06')).result;
  assert.equal(Number(await frame.getAttribute('[data-out="net"]', 'data-value')), six.net);
  // The preset's own starting values set nothing more: its line is unchanged.
  const plainPage = await hostPage(context, base, { preset: 'pay-per-meeting' }, { problems });
  assert.doesNotMatch(plain(await (await widgetFrame(plainPage)).textContent('#more-text')), /leads en rendez-vous/);
  await context.close();
});

test('slider and text field show the same number; French typing; the answer follows every move', async () => {
  const context = await newContext({ width: 360 });
  const page = await hostPage(context, base, { preset: 'pay-per-meeting', ...CTA }, { problems });
  const frame = await widgetFrame(page);
  const pair = (k) => frame.evaluate((key) => ({ field: document.getElementById('q-' + key).value, slider: document.getElementById('q-' + key + '-s').value,
    step: document.getElementById('q-' + key + '-s').step, max: document.getElementById('q-' + key + '-s').max,
    spoken: document.getElementById('q-' + key + '-s').getAttribute('aria-valuetext') }), k);
  const roiShown = () => frame.getAttribute('[data-out="roi"]', 'data-value');
  // Keyboard on the slider: 5 € a step; the field and the spoken value follow.
  await frame.focus('#q-pmeet-s');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  let p = await pair('pmeet');
  assert.deepEqual([p.field, p.slider, plain(p.spoken)], ['160', '160', '160 €']);
  assert.equal(await roiShown(), String(cliLink(PRESETS['pay-per-meeting'].start + '&pmeet=160').result.roi));
  // Typed the French way: 12,5 % is 0.125 exactly; the slider shows 12.5 (off its 1 % grid).
  await frame.fill('#q-close', '12,5');
  p = await pair('close');
  assert.deepEqual([p.field, p.slider, p.step, plain(p.spoken)], ['12,5', '12.5', 'any', '12,5 %']);
  assert.equal(await roiShown(), String(cliLink(PRESETS['pay-per-meeting'].start + '&pmeet=160&close=0.125').result.roi));
  // A slid value lands back on the grid: the next value that way (13 %),
  // not the browser's own step for "any" (a hundredth of the track).
  await frame.focus('#q-close-s');
  await page.keyboard.press('ArrowRight');
  p = await pair('close');
  assert.deepEqual([p.field, p.slider, p.step], ['13', '13', '1']);
  await frame.fill('#q-close', '12,5');
  await frame.focus('#q-close-s');
  await page.keyboard.press('ArrowLeft');
  p = await pair('close');
  assert.deepEqual([p.field, p.slider, p.step], ['12', '12', '1']);
  // Grouped thousands and the currency sign; a value past the slider's end widens it.
  await frame.fill('#q-deal', '60 000 €');
  p = await pair('deal');
  assert.deepEqual([p.slider, p.max], ['60000', '60000']);
  await frame.locator('#q-deal').blur();
  assert.equal(plain((await pair('deal')).field), '60 000');
  // Moved down from there, the slider keeps its widened end: the thumb
  // follows the hand (the end used to shrink to every new value).
  await frame.focus('#q-deal-s');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  p = await pair('deal');
  assert.deepEqual([p.slider, p.max], ['59250', '60000']);
  // Pointer halfway along the track: half of that end, as drawn.
  const box = await frame.locator('#q-deal-s').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  p = await pair('deal');
  assert.equal(p.max, '60000');
  assert.ok(Math.abs(Number(p.slider) - 30000) <= 1500, p.slider);
  await frame.fill('#q-deal', '60 000');
  await frame.locator('#q-deal').blur();
  const close = Number((await pair('close')).slider) / 100;
  const want = cliLink(PRESETS['pay-per-meeting'].start + `&pmeet=160&close=${close}&deal=60000`);
  assert.equal(close, 0.12);
  assert.equal(await roiShown(), String(want.result.roi));
  // The scenario the host hears about is the one shown.
  await page.waitForFunction((r) => window.roiEvents.some((e) => e.type === 'roi:change' && e.detail.results.roi === r), want.result.roi);
  assert.deepEqual((await last(page, 'roi:change')).scenario, want.scenario);
  await context.close();
});

test('a value the core refuses: its message in the page\'s language, in the slider\'s place, whole; the last answer stays, dimmed, and the call to action offers no figure meanwhile', async () => {
  // Beside the field that shows 150 %, the message does not repeat it (it
  // would be cut at 360 px).
  for (const [lang, re, re2] of [['fr', /^doit être compris entre 0 % et 100 %$/, /^nombre attendu, par ex\. 1 800 ou 12,5$/],
    ['en', /^must be between 0% and 100%$/, /^a number is expected, e\.g\. 1,800 or 12\.5$/]]) {
    const context = await newContext({ width: 360 });
    const page = await hostPage(context, base, { preset: 'pay-per-meeting', lang, ...CTA }, { problems });
    const frame = await widgetFrame(page);
    const h = await frameHeight(page);
    const roi = await frame.getAttribute('[data-out="roi"]', 'data-value');
    await frame.fill('#q-close', '150');
    await frame.waitForSelector('#q-close[aria-invalid="true"]');
    await frame.waitForFunction(() => document.getElementById('q-close-e').textContent !== '');
    assert.match(plain(await frame.textContent('#q-close-e')), re);
    assert.equal(await frame.isVisible('#q-close-s'), false);
    assert.equal(await frame.getAttribute('#answer', 'class'), 'answer stale');
    assert.equal(await frame.getAttribute('[data-out="roi"]', 'data-value'), roi);
    assert.doesNotMatch(await frame.textContent('#cta-t'), /\d/, 'no figure on the button while the answer is greyed');
    await frame.fill('#q-deal', 'abc');
    await frame.waitForFunction(() => document.getElementById('q-deal-e').textContent !== '');
    assert.match(plain(await frame.textContent('#q-deal-e')), re2);
    assert.equal(await frameHeight(page), h, 'the message takes the slider\'s place: same height');
    await frame.fill('#q-close', '20');
    await frame.fill('#q-deal', '8000');
    await frame.waitForFunction(() => !document.getElementById('answer').classList.contains('stale'));
    assert.equal(await frame.isVisible('#q-close-s'), true);
    assert.match(await frame.textContent('#cta-t'), /\d/, 'the figure is back with the answer');
    await context.close();
  }
});

test('no hours: the answer asks for them and shows no figure, nor the call to action one; the net says per month', async () => {
  const context = await newContext({ width: 360 });
  const page = await hostPage(context, base, { preset: 'in-house', 'cta-label': 'Parler à un expert ({net})', 'cta-url': 'https://example.com/demo' }, { problems });
  const frame = await widgetFrame(page);
  assert.equal(plain(await frame.textContent('#figs div:nth-child(2) dt')), 'Résultat net par mois');
  assert.match(plain(await frame.textContent('#cta-t')), /^Parler à un expert \(\d[\d ]* €\)$/);
  await frame.click('#more summary');
  await frame.fill('#q-hrs', '0');
  await frame.waitForFunction(() => document.getElementById('big').textContent.startsWith('Combien'));
  // A team that costs nothing is no profit to show: no net, no range, no figure to sell.
  assert.deepEqual(await frame.$$eval('#figs dd', (dds) => dds.map((d) => [d.textContent, d.dataset.value])), [['—', ''], ['—', ''], ['—', '']]);
  assert.equal(await frame.textContent('#range'), '');
  assert.equal(plain(await frame.textContent('#cta-t')), 'Parler à un expert');
  assert.equal(plain(await frame.textContent('#sub')), 'Indiquez-les sous « Hypothèses ».');
  await context.close();
});

test('keyboard only: questions, assumptions, call to action, full calculation, starting values; and one screen on a phone', async () => {
  const context = await newContext({ width: 360, height: 740 });
  const page = await hostPage(context, base, { preset: 'pay-per-meeting', ...CTA }, { problems, before: '<h1>Notre offre</h1>' });
  const frame = await widgetFrame(page);
  // The whole widget, verdict and call to action included, fits one phone screen.
  const box = await page.$eval('iframe', (f) => f.getBoundingClientRect().height);
  assert.ok(box <= 640, `${box} px`);
  await page.$eval('iframe', (f) => f.scrollIntoView());
  const cta = await frame.$eval('#cta', (a) => a.getBoundingClientRect().bottom);
  const top = await page.$eval('iframe', (f) => f.getBoundingClientRect().top);
  assert.ok(top + cta <= 740, 'the call to action is on the first screen');
  // Tab from the host page into the widget, in reading order.
  const order = [];
  await page.focus('body');
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    order.push(await frame.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
  }
  assert.deepEqual(order, ['q-pmeet-s', 'q-pmeet', 'q-deal-s', 'q-deal', 'q-close-s', 'q-close', 'SUMMARY', 'cta', 'full']);
  // Back to the price slider: arrows move it; typing into the field works.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+Tab');
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'q-pmeet-s');
  await page.keyboard.press('End');
  assert.equal(plain(await frame.inputValue('#q-pmeet')), '1 000');
  assert.match(plain(await frame.textContent('#big')), /^Pas rentable à 1 000 € par rendez-vous$/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('120');
  assert.match(plain(await frame.textContent('#big')), /^Rentable jusqu’à 640 € par rendez-vous$/);
  // « Hypothèses » opens with Enter; its sliders answer the arrows.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  assert.equal(await frame.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  await page.keyboard.press('Enter');
  assert.equal(await frame.evaluate(() => document.getElementById('more').open), true);
  await page.keyboard.press('Tab');
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'q-vol-s');
  await page.keyboard.press('ArrowUp');
  assert.equal(await frame.inputValue('#q-vol'), '51');
  // The call to action by keyboard: a new tab and roi:cta with the figures shown.
  const seen = [];
  for (let i = 0; i < 4; i++) { await page.keyboard.press('Tab'); seen.push(await frame.evaluate(() => document.activeElement.id || document.activeElement.tagName)); }
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'cta', seen.join(' '));
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  assert.equal(popup.url(), 'https://example.com/demo');
  await popup.close();
  await page.waitForFunction(() => window.roiEvents.some((e) => e.type === 'roi:cta'));
  const sent = await last(page, 'roi:cta');
  assert.equal(sent.results.roi, cliLink(PRESETS['pay-per-meeting'].start + '&pmeet=120&vol=51').result.roi);
  // Back to the starting values, by keyboard.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'reset');
  await page.keyboard.press('Enter');
  assert.deepEqual([await frame.inputValue('#q-pmeet'), await frame.inputValue('#q-vol')], ['150', '50']);
  // The button hides once used: the focus goes to the first question, not
  // the frame's body (where the next Tab restarted from the top).
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'q-pmeet-s');
  await context.close();
});

test('axe finds nothing inside the widget, each preset, light and dark, assumptions open or not', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // The widget's CSP forbids injected scripts; this context lets axe in.
    const context = await newContext({ width: 360, colorScheme, bypassCSP: true });
    for (const preset of PRESET_NAMES) {
      const page = await hostPage(context, base, { preset, ...CTA, ...(preset === 'lead-generation' ? { accent: '#c2410c' } : {}) }, { problems });
      const frame = await widgetFrame(page);
      await frame.addScriptTag({ path: axePath });
      const run = () => frame.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
      assert.deepEqual(await run(), [], `${preset} ${colorScheme}`);
      await frame.click('#more summary');
      await frame.fill('#q-deal', 'x');
      await frame.waitForFunction(() => document.getElementById('q-deal-e').textContent !== '');
      assert.deepEqual(await run(), [], `${preset} ${colorScheme}, open, a refusal shown`);
      await page.close();
    }
    await context.close();
  }
});

noProblemsTest('no console error, page error or foreign request on any host page or widget of these tests');
