// Browser tests of the widget's embedding on the demo host page, served as
// a client's site would (localhost, the calculator on 127.0.0.1): protocol
// v1's events with their documented payloads, to the configured origin
// only; the host's scenario surviving every control; the lead without a
// name the host did not give; the call to action after the answer with its
// figure; « Voir le calcul complet » opening the full page on the same
// scenario; the full embed still there; axe on the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, noProblemsTest, base, browser, problems } from './harness.mjs';
import { PRESETS, axePath, cliLink, cliEncode, hostOf, openDemo, demoReady, widgetFrame, hostPage } from './widget-host.mjs';

useBrowser();

const ACME = 'v=1&n=Acme+Industrie+-+rendez-vous+qualifi%C3%A9s&entry=meetings&vol=40&close=0.2&deal=8000&margin=0.35&model=per_meeting&pmeet=150';
const newContext = async (extra = {}) => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...extra });
  await context.route('https://example.com/**', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>x</title>ok' }));
  return context;
};
const events = (page, id, type) => page.evaluate(([w, t]) => window.roiEvents.filter((e) => e.widget === w && e.type === t).map((e) => e.detail), [id, type]);
const lastOf = async (page, id, type) => (await events(page, id, type)).at(-1);
const RESULT_KEYS = ['cac', 'currency', 'max_price', 'net', 'payback_months', 'per_hour_revenue', 'roi'];

test('events: ready, change and cta with the documented payload, for every preset on the demo page', async () => {
  const context = await newContext();
  const page = await openDemo(context, base, { problems });
  await demoReady(page, ['ppm', 'in-house', 'side', 'full']);
  // The hidden tabs and the modal load their widget when shown (lazy frames).
  for (const [button, id] of [['#tab-hourly', 'hourly'], ['#tab-leads', 'leads'], ['#open-modal', 'modal-box']]) {
    await page.$eval(button, (b) => b.click()); // as a keyboard would: no coordinates a resizing frame could shift
    await page.$eval('#' + id, (el) => el.scrollIntoView({ block: 'nearest' }));
    await demoReady(page, [id]);
  }
  await page.click('#modal button'); // « Fermer »: the page is live again
  const want = {
    ppm: ['pay-per-meeting', PRESETS['pay-per-meeting'].start],
    'in-house': ['in-house', PRESETS['in-house'].start],
    hourly: ['provider-hourly', PRESETS['provider-hourly'].start],
    leads: ['lead-generation', PRESETS['lead-generation'].start + '&flat=8000&vol=120'],
    side: ['pay-per-meeting', ACME],
    'modal-box': ['pay-per-meeting', PRESETS['pay-per-meeting'].start + '&cur=GBP'],
  };
  for (const [id, [preset, link]] of Object.entries(want)) {
    const ready = await events(page, id, 'roi:ready');
    assert.equal(ready.length, 1, `${id}: roi:ready once`);
    const p = ready[0];
    assert.deepEqual(Object.keys(p).sort(), ['link', 'preset', 'results', 'scenario', 'type', 'v'], id);
    assert.equal(p.v, 1);
    assert.equal(p.preset, preset, id);
    assert.deepEqual(Object.keys(p.results).sort(), RESULT_KEYS, id);
    const cli = cliLink(link);
    assert.deepEqual(p.scenario, cli.scenario, id);
    assert.equal(p.results.roi, cli.result.roi, id);
    assert.equal(p.results.max_price, cli.result.breakeven.max_price, id);
    assert.equal(p.link, `${base}index.html?lang=${id === 'modal-box' ? 'en' : 'fr'}#${cliEncode(cli.scenario)}`, id);
  }
  // The full calculator keeps its own payload (and gains max_price).
  const full = (await events(page, 'full', 'roi:ready'))[0];
  assert.deepEqual(Object.keys(full.results).sort(), RESULT_KEYS);
  assert.equal(full.results.roi, 3.8);
  // roi:change 400 ms after the last edit, once; none for a refused value or a return to what the host knows.
  const ppm = await widgetFrame(page, '#ppm iframe');
  await page.$eval('#ppm iframe', (f) => f.scrollIntoView());
  await ppm.fill('#q-close', '25');
  await ppm.fill('#q-close', '30');
  await page.waitForFunction(() => window.roiEvents.some((e) => e.widget === 'ppm' && e.type === 'roi:change'));
  await page.waitForTimeout(600);
  const changes = await events(page, 'ppm', 'roi:change');
  assert.equal(changes.length, 1);
  const c = cliLink(PRESETS['pay-per-meeting'].start + '&close=0.3');
  assert.deepEqual(changes[0].scenario, c.scenario);
  assert.equal(changes[0].results.roi, c.result.roi);
  await ppm.fill('#q-close', '150');
  await page.waitForTimeout(600);
  await ppm.fill('#q-close', '30');
  await page.waitForTimeout(600);
  assert.equal((await events(page, 'ppm', 'roi:change')).length, 1);
  // The lead form of the host filled from the events.
  assert.equal(await page.inputValue('#lead [name="roi_roi_percent"]'), String(Math.round(c.result.roi * 100)));
  // roi:cta: the URL in a new tab, the payload to the host, the label with its figure.
  assert.equal(await ppm.textContent('#cta'), `Recevoir mon étude (${new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(c.result.roi)})`);
  const [popup] = await Promise.all([context.waitForEvent('page'), ppm.click('#cta')]);
  assert.equal(popup.url(), 'https://example.com/demo');
  await popup.close();
  await page.waitForFunction(() => window.roiEvents.some((e) => e.widget === 'ppm' && e.type === 'roi:cta'));
  const cta = await lastOf(page, 'ppm', 'roi:cta');
  assert.deepEqual(cta.scenario, c.scenario);
  assert.equal(cta.results.roi, c.result.roi);
  // The call to action comes after the answer, in the document and on screen.
  assert.equal(await ppm.evaluate(() => document.getElementById('big').compareDocumentPosition(document.getElementById('cta')) & Node.DOCUMENT_POSITION_FOLLOWING), 4);
  assert.ok(await ppm.evaluate(() => document.getElementById('cta').getBoundingClientRect().top > document.getElementById('figs').getBoundingClientRect().top));
  await context.close();
});

test('events reach only the origin the widget was given; the host hears only its own widget', async () => {
  const context = await newContext({ bypassCSP: true });
  // Chromium logs each refused delivery as an error: not recorded as a problem here.
  const page = await openDemo(context, base);
  await demoReady(page, ['ppm', 'in-house', 'side', 'full']);
  // A widget told to report to another origin: the browser drops its messages.
  const count = await page.evaluate(() => window.roiEvents.length);
  const heard = [];
  await page.exposeFunction('heard', (m) => heard.push(m));
  await page.evaluate(() => window.addEventListener('message', (e) => { if (e.data && e.data.v === 1) window.heard(e.data.type); }));
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.id = 'stranger';
    f.src = src;
    document.body.prepend(f);
  }, base + 'widget.html?embed=1&host=' + encodeURIComponent('http://evil.example') + '&preset=in-house');
  const stranger = await widgetFrame(page, '#stranger');
  await stranger.waitForSelector('html[data-ready]');
  await stranger.fill('#q-ihc', '40');
  await page.waitForTimeout(800);
  assert.deepEqual(heard, []);
  assert.equal(await page.evaluate(() => window.roiEvents.length), count);
  // Without embed=1 (framed by hand, no host) the widget posts nothing at all.
  const reload = async (query) => {
    await page.evaluate((src) => { document.getElementById('stranger').src = src; }, base + 'widget.html?' + query);
    const f = await widgetFrame(page, '#stranger');
    await f.waitForSelector('html[data-ready]');
    await f.fill('#q-pmeet', '170');
    await page.waitForTimeout(800);
  };
  await reload('host=' + encodeURIComponent(hostOf(base)));
  assert.deepEqual(heard, []);
  // The control: the same frame told this page's origin is heard.
  await reload('embed=1&host=' + encodeURIComponent(hostOf(base)));
  assert.deepEqual([...new Set(heard)].sort(), ['roi:change', 'roi:height', 'roi:ready']);
  // embed.js relays only its own frame's messages: the host's containers heard none of these.
  assert.equal(await page.evaluate(() => window.roiEvents.length), count);
  // A message shaped like the widget's, from another window, changes nothing on the host.
  const before = await page.$eval('#ppm iframe', (f) => f.style.height);
  await page.evaluate(() => window.postMessage({ v: 1, type: 'roi:height', height: 5 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.$eval('#ppm iframe', (f) => f.style.height), before);
  assert.equal(await page.evaluate(() => window.roiEvents.length), count);
  await context.close();
});

test('the host\'s scenario survives every control; the name travels only when the host gave one', async () => {
  const context = await newContext();
  const page = await openDemo(context, base, { problems });
  await demoReady(page, ['side', 'ppm']);
  const host = cliLink(ACME);
  const side = await widgetFrame(page, '#side iframe');
  // Its questions in the host's order (data-questions), the rest under « Hypothèses ».
  assert.deepEqual(await side.$$eval('#qs .q', (q) => q.map((x) => x.dataset.q)), ['pmeet', 'close', 'deal']);
  assert.deepEqual(await side.$$eval('#qs-more .q', (q) => q.map((x) => x.dataset.q)), ['vol', 'margin']);
  assert.equal(await side.isVisible('#reset'), false);
  // Every control, one after the other.
  await side.fill('#q-pmeet', '300');
  await side.focus('#q-close-s');
  await page.keyboard.press('End');
  await side.fill('#q-deal', 'abc');
  await side.click('#more summary');
  await side.fill('#q-vol', '12');
  await side.fill('#q-margin', '99');
  await side.click('#more summary');
  const [popup] = await Promise.all([context.waitForEvent('page'), side.click('#cta')]);
  await popup.close();
  // « Voir le calcul complet »: the full page, on the scenario shown, in a new tab.
  await side.fill('#q-deal', '9000');
  await side.waitForFunction(() => !document.getElementById('answer').classList.contains('stale'));
  const href = await side.getAttribute('#full', 'href');
  assert.equal(await side.getAttribute('#full', 'target'), '_blank');
  const [tab] = await Promise.all([context.waitForEvent('page'), side.click('#full')]);
  await tab.waitForSelector('html[data-ready]');
  assert.equal(tab.url(), href);
  const edited = cliLink(ACME + '&pmeet=300&close=0.6&vol=12&margin=0.99&deal=9000');
  assert.equal(await tab.getAttribute('[data-out="roi"]', 'data-value'), String(edited.result.roi));
  assert.equal(await tab.inputValue('[name="name"]'), 'Acme Industrie - rendez-vous qualifiés');
  await tab.close();
  await page.waitForFunction((r) => window.roiEvents.some((e) => e.widget === 'side' && e.type === 'roi:change' && e.detail.results.roi === r), edited.result.roi);
  // The baseline never left: back to it, whole, name included.
  assert.equal(await side.isVisible('#reset'), true);
  await side.click('#reset');
  assert.equal(await side.isVisible('#reset'), false);
  assert.equal(await side.inputValue('#q-pmeet'), '150');
  await page.waitForFunction((n) => window.roiEvents.some((e) => e.widget === 'side' && e.type === 'roi:change' && e.detail.scenario.costs.per_meeting === n), 150);
  const back = await lastOf(page, 'side', 'roi:change');
  assert.deepEqual(back.scenario, host.scenario);
  assert.equal(back.scenario.name, 'Acme Industrie - rendez-vous qualifiés');
  assert.equal(back.results.roi, host.result.roi);
  // The preset's own widget: no name in its lead, whatever was done.
  const ppm = (await events(page, 'ppm', 'roi:ready'))[0];
  assert.equal(ppm.scenario.name, '');
  assert.doesNotMatch(ppm.link, /[#&]n=/);
  await context.close();
});

test('the full embed stays (data-sections="full"); the old "compact" gives the widget; the demo host page passes axe', async () => {
  const context = await newContext({ bypassCSP: true });
  const page = await openDemo(context, base, { problems });
  await demoReady(page, ['ppm', 'in-house', 'side', 'full']);
  const full = await widgetFrame(page, '#full iframe');
  assert.ok(await full.isVisible('#f'));
  assert.ok(await full.isVisible('#sim'));
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(violations, []);
  const old = await hostPage(context, base, { sections: 'compact', lang: 'fr' }, { problems });
  assert.match((await widgetFrame(old)).url(), /\/widget\.html\?/);
  await context.close();
});

noProblemsTest('no console error, page error or foreign request on any host page or widget of these tests');
