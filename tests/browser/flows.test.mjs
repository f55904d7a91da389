// Browser tests: the three flows users go through end to end, on the real
// page (build/site served on 127.0.0.1, Debian's Chromium), every figure
// compared with the native CLI (build/release/roi) on the scenario the
// shared link decodes to.
//  (a) the director: in-house team, provider per hour and per held meeting
//      priced on the form, an emailing channel from the preset, the link
//      shared and reopened with identical figures;
//  (b) the rep's retrospective: observed counts, the link shared and
//      reopened in retrospective mode with the counts and the same figures;
//  (c) the printed report: 2 A4 pages, no control on paper.
// Plus the error families i18n.test.mjs leaves: an import refused on the
// English page, a simulation option refused in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useBrowser, pdfOf, noProblemsTest, assertMatchesCli, base, cli, fixture, cliEval, dig, addressOf } from './harness.mjs';

// Every context may read and write the clipboard (the shared link).
const web = useBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
const newContext = (locale = 'fr-FR', width = 1280) => web.newContext({ locale, width });
const open = (url, context) => web.open(url, { context });

const run = (args, input) => {
  try { return JSON.parse(execFileSync(cli, args, { input: input === undefined ? undefined : JSON.stringify(input), encoding: 'utf8' })); } catch (e) { return JSON.parse(e.stdout); }
};
const cliSim = (sc) => run(['simulate', '--samples', '10000', '--seed', '1', '-'], sc);
/** The scenario a shared address holds, as the CLI decodes it. */
// The scenario's link: the fragment without the page's own keys ('_…').
const decode = (url) => JSON.parse(execFileSync(cli, ['link', 'decode', new URL(url).hash.slice(1).split('&').filter((p) => !p.startsWith('_')).join('&')], { encoding: 'utf8' }));
const close = (a, b, what) => assert.ok(Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: page ${a}, CLI ${b}`);
const simDone = (page) => page.waitForFunction(() => document.querySelector('#sim')?.dataset.samples
  && document.querySelector('#sim').getAttribute('aria-busy') === 'false'
  && [...document.querySelectorAll('[data-billsim], [data-simrow]')].every((td) => td.textContent !== '…'));

/** What a reader compares between two pages: the summary, the billing rows
 *  (figures, risk and words) and the channel ranking. */
const snapshot = (page) => page.evaluate(() => ({
  summary: [...document.querySelectorAll('#sum-figs [data-out]')].map((e) => [e.dataset.out, e.dataset.value]),
  verdicts: [...document.querySelectorAll('#sum-verdicts li')].map((li) => li.textContent),
  billing: [...document.querySelectorAll('#billrows tr')].map((tr) => [tr.dataset.model,
    ...[...tr.querySelectorAll('[data-out], [data-half], [data-billsim]')].map((td) => td.dataset.value ?? td.textContent),
    tr.querySelector('td.risk').textContent]),
  ranking: [...document.querySelectorAll('#cmprows tr')].map((tr) => [tr.querySelector('th').textContent,
    tr.querySelector('[data-out$=".rank"]')?.dataset.value, tr.querySelector('[data-out$=".roi"]')?.dataset.value]),
}));

async function shareLink(page) {
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copied').textContent !== '');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(url, (await addressOf(page)), 'the link copied is the address of the page');
  return url;
}

test('(a) the director compares an in-house team, a provider per hour and per held meeting, and emailing; the link reopens the same figures', async () => {
  const context = await newContext();
  const page = await open('?lang=fr', context);
  await page.fill('[name="name"]', 'Équipe interne ou prestataire');
  await page.selectOption('[name="funnel.entry"]', 'calls');
  for (const [name, v] of [['funnel.volume', '3000'], ['funnel.contact_rate', '12'], ['funnel.meeting_rate', '20'],
    ['funnel.show_rate', '80'], ['funnel.opportunity_rate', '50'], ['funnel.close_rate', '25']]) await page.fill(`[name="${name}"]`, v);
  // The chosen model's prices come first; the others are under « Autres tarifs ».
  await page.selectOption('[name="costs.model"]', 'in_house');
  await page.fill('[name="costs.in_house_hourly_cost"]', '32');
  await page.fill('[name="costs.in_house_fixed"]', '1500');
  await page.click('#other-prices summary');
  await page.fill('[name="costs.hourly_rate"]', '45');
  await page.fill('[name="costs.per_meeting"]', '140');
  await page.selectOption('[name="costs.meeting_basis"]', 'held');
  await page.fill('[name="time.operators"]', '2');
  await page.fill('[name="time.hours_per_operator"]', '120');
  await page.selectOption('#preset', 'emailing');
  await page.click('#channel-add');
  await page.waitForFunction(() => document.querySelectorAll('#billrows tr').length === 3 && document.querySelectorAll('#cmprows tr').length === 2);
  await simDone(page);
  const url = await shareLink(page);

  const sc = decode(url);
  assert.equal(sc.costs.model, 'in_house');
  assert.equal(sc.channels.length, 1);
  assert.equal(sc.channels[0].costs.model, 'flat');
  const expected = cliEval(sc);
  assert.ok(expected.ok !== false && expected.billing, 'the CLI evaluates the shared scenario');
  assert.deepEqual(expected.billing.map((b) => b.model), ['in_house', 'hourly', 'per_meeting']);
  await assertMatchesCli(page, expected, { formatted: false });
  // Each billing row's risk is the simulation with that model.
  for (const [i, row] of expected.billing.entries()) {
    const sim = cliSim({ ...sc, costs: { ...sc.costs, model: row.model } });
    close(await page.getAttribute(`[data-billsim="${i}"][data-simkey="p_loss"]`, 'data-value'), sim.p_loss, `${row.model} p_loss`);
  }
  // The ranking is the core's.
  const ranks = await page.$$eval('#cmprows [data-out$=".rank"]', (els) => els.map((e) => [e.dataset.out, Number(e.dataset.value)]));
  for (const [out, rank] of ranks) assert.equal(rank, dig(expected, out), out);
  const mine = await snapshot(page);

  const other = await newContext();
  const tab = await open(url.slice(base.length), other);
  await tab.waitForFunction(() => document.querySelectorAll('#billrows tr').length === 3);
  await simDone(tab);
  await assertMatchesCli(tab, expected, { formatted: false });
  assert.deepEqual(await snapshot(tab), mine, 'summary, billing rows and channel ranking identical');
  assert.equal(await tab.inputValue('[name="costs.hourly_rate"]'), '45');
  await Promise.all([context.close(), other.close()]);
});

test('(b) the rep\'s retrospective: observed counts, link shared, reopened in retrospective mode with the counts and the same figures', async () => {
  const context = await newContext();
  const page = await open('?lang=fr', context);
  await page.check('#f-retro');
  await page.fill('[name="observed.meetings"]', '48');
  await page.fill('[name="observed.held"]', '40');
  await page.fill('[name="observed.opportunities"]', '30');
  await page.fill('[name="observed.deals"]', '9');
  await page.waitForFunction(() => document.querySelector('[data-out="funnel.deals"]').dataset.value === '9');
  assert.ok(await page.isDisabled('[name="funnel.close_rate"]'), 'rates taken from the counts');
  await simDone(page);
  const url = await shareLink(page);
  assert.match(url, /[?&]retro=1(&|#|$)/);
  // The counts, the rep's real results, travel in the fragment, which the
  // browser never sends to the server; the query holds no figure.
  assert.equal(new URL(url).search, '?lang=fr&retro=1');
  assert.match(new URL(url).hash, /&_obs=(%2C)*48%2C40%2C30%2C9$/);
  const expected = cliEval(decode(url));
  await assertMatchesCli(page, expected, { formatted: false });
  const mine = await snapshot(page);

  const other = await newContext();
  const tab = await open(url.slice(base.length), other);
  assert.ok(await tab.isChecked('#f-retro'), 'retrospective mode on');
  assert.ok(await tab.isVisible('[name="observed.meetings"]'), 'the counts shown');
  for (const [stage, n] of [['meetings', '48'], ['held', '40'], ['opportunities', '30'], ['deals', '9']]) {
    assert.equal(await tab.inputValue(`[name="observed.${stage}"]`), n, stage);
  }
  await simDone(tab);
  await assertMatchesCli(tab, expected, { formatted: false });
  assert.deepEqual(await snapshot(tab), mine);
  // Another count pasted into the same tab's address: the page follows it.
  await tab.evaluate(() => { location.hash = location.hash.replace(/_obs=[^&]*/, '_obs=%2C%2C%2C48%2C40%2C30%2C12'); });
  await tab.waitForFunction(() => document.querySelector('[name="observed.deals"]').value === '12');
  assert.ok(await tab.isChecked('#f-retro'));
  await tab.waitForFunction(() => document.querySelector('[data-out="funnel.deals"]').dataset.value === '12');
  await tab.evaluate(() => { location.hash = location.hash.replace(/_obs=[^&]*/, '_obs=%2C%2C%2C48%2C40%2C30%2C9'); });
  await tab.waitForFunction(() => document.querySelector('[data-out="funnel.deals"]').dataset.value === '9');
  // The report says the figures are observed ones, with the counts.
  assert.match((await tab.textContent('#as-list')).replace(/\s+/g, ' '), /^Chiffres observés \(mode rétrospectif\) 48 rendez-vous, 40 rendez-vous tenus, 30 opportunités, 9 affaires signées/);
  await Promise.all([context.close(), other.close()]);
});

test('(c) the printed report: 2 A4 pages, no control on paper, the verdict said once', async () => {
  const context = await newContext();
  for (const f of ['pay-per-meeting.json', 'director-options.json', 'in-house-ramp-up.json']) {
    const link = execFileSync(cli, ['link', 'encode', fixture(f)], { encoding: 'utf8' }).trim();
    const page = await open('?lang=fr#' + link, context);
    await simDone(page);
    await page.emulateMedia({ media: 'print' });
    const controls = await page.$$eval('input, button, select, textarea, summary',
      (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(controls, [], `${f}: no control in print`);
    // Nothing wider than an A4 page (794 CSS px): a table that ran off it made
    // Chromium shrink the whole page to fit, type and all.
    await page.setViewportSize({ width: 794, height: 1123 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), `${f}: fits the page's width`);
    const pdf = pdfOf(await page.pdf({ format: 'A4' }), 'flows-test');
    assert.equal(pdf.pages, 2, `${f}: 2 pages`);
    const page1 = pdf.text.split('\f')[0];
    assert.match(page1, /L’essentiel/, `${f}: the summary on page 1`);
    assert.match(page1, /Hypothèses/);
    assert.doesNotMatch(pdf.text, /Rentable : ROI de|Pas rentable : ROI de/, `${f}: no second one-line verdict`);
    assert.doesNotMatch(pdf.text, /étape inconnue/, `${f}: no unknown stage listed`);
    if (f === 'in-house-ramp-up.json') {
      // The plan's payback on page 1, not only that of one month alone.
      assert.match(page1.replace(/\s+/g, ' '), /Sur la projection : remboursée au mois 8/);
      assert.doesNotMatch(page1, /Un mois de campagne, seul/);
      // What rebuilds the plan from the paper: the model, the stage the
      // volume counts (both at their defaults here) and the ramp-up.
      const flat = page1.replace(/\s+/g, ' ');
      assert.match(flat, /Modèle de facturation Équipe interne/);
      assert.match(flat, /Première étape connue Appels passés/);
      assert.match(flat, /Montée en charge, mois par mois 40 %, 70 %, 90 %/);
    }
    await page.close();
  }
  await context.close();
});

test('errors in the page\'s language, the families i18n.test.mjs leaves: an import refused in English, a simulation option in both', async () => {
  const en = await newContext('en-GB');
  const page = await open('?lang=en', en);
  // The simulation's counts in English number format too.
  assert.deepEqual(await page.$$eval('#sim-samples option', (os) => os.map((o) => o.textContent)), ['1,000', '10,000', '100,000', '1,000,000']);
  await page.setInputFiles('#import', { name: 'rate.json', mimeType: 'application/json', buffer: Buffer.from('{"funnel": {"close_rate": 2}}') });
  await page.waitForSelector('#notices .notice.bad');
  const bad = (await page.textContent('#notices .notice.bad')).replace(/\s+/g, ' ');
  assert.match(bad, /rate\.json/);
  assert.match(bad, /Close rate: must be between 0% and 100% \(entered: 200%\)/);
  assert.doesNotMatch(bad, /doit|Taux|refusé/);
  await page.fill('#sim-seed', '-3');
  await page.waitForSelector('#sim-seed-e:not([hidden])');
  assert.match(await page.textContent('#sim-seed-e'), /whole number/);
  const fr = await open('?lang=fr', en);
  await fr.fill('#sim-seed', '1,5');
  await fr.waitForSelector('#sim-seed-e:not([hidden])');
  assert.match(await fr.textContent('#sim-seed-e'), /nombre entier attendu/);
  // Switching the language translates the option's error already shown.
  await fr.click('[data-lang="en"]');
  await fr.waitForFunction(() => /whole number/.test(document.getElementById('sim-seed-e').textContent));
  await en.close();
});

noProblemsTest();
