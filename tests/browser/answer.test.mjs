// Browser tests of the answer first (issue 10): the summary kept in view,
// a headline never empty, the verdicts in words, folded null panels, only
// the funnel fields that matter, and the retrospective mode kept in the
// link.  Same setup as page.test.mjs: build/site served on 127.0.0.1,
// Debian's Chromium, figures compared with the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, noProblemsTest, assertMatchesCli, base, browser, fixture, linkOf, cliEval, value, fragment, renderAll } from './harness.mjs';

const { open } = useBrowser();


const inView = (page, sel) => page.$eval(sel, (el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
});
const verdictTexts = (page) => page.$$eval('#sum-verdicts li', (els) => els.map((e) => e.textContent.replace(/[\u00a0\u202f]/g, ' ')));

test('1280 px: the summary stays in view while a far field of the form is typed, and follows it', async () => {
  const page = await open('?lang=fr');
  assert.ok(await inView(page, '#summary'));
  const far = '[name="costs.internal_hourly_cost"]';
  await page.$eval(far, (el) => el.scrollIntoView({ block: 'center' }));
  assert.ok(await page.evaluate(() => window.scrollY) > 900, 'the form was scrolled far down');
  await page.fill('[name="costs.internal_hours_per_meeting"]', '2');
  await page.fill(far, '50');
  assert.ok(await inView(page, far), 'the field being typed is on screen');
  assert.ok(await inView(page, '#summary'), 'and so is the summary');
  const expected = cliEval({ ...JSON.parse(readFileSync(fixture('pay-per-meeting.json'), 'utf8')), costs: { model: 'per_meeting', per_meeting: 120, internal_hours_per_meeting: 2, internal_hourly_cost: 50 } });
  await page.waitForFunction((v) => document.querySelector('#summary [data-out="roi"]').dataset.value === v, String(expected.roi));
  assert.equal(await page.getAttribute('#summary [data-out="breakeven.max_price"]', 'data-value'), String(expected.breakeven.max_price));
  await page.context().close();
});

test('1280 px: stuck at the top, the summary keeps the figures and the first verdict in about 110 px; back at the top, all of it', async () => {
  const page = await open('?lang=fr');
  const box = () => page.$eval('#summary', (el) => ({
    height: el.getBoundingClientRect().height,
    verdicts: [...el.querySelectorAll('#sum-verdicts li')].filter((li) => li.getClientRects().length).length,
    figures: [...el.querySelectorAll('.fig strong')].filter((s) => s.getClientRects().length).length,
  }));
  const top = await box();
  assert.equal(top.verdicts, 4);
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForFunction(() => document.getElementById('summary').getBoundingClientRect().height < 140);
  const stuck = await box();
  assert.ok(stuck.height < 140 && stuck.height < top.height - 80, `${stuck.height} px stuck, ${top.height} px at the top`);
  assert.equal(stuck.verdicts, 1, 'the first verdict only (the others say yes)');
  assert.equal(stuck.figures, top.figures, 'every headline figure');
  assert.ok(await inView(page, '#summary'));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelectorAll('#sum-verdicts li').length === 4 &&
    [...document.querySelectorAll('#sum-verdicts li')].every((li) => li.getClientRects().length));
  await page.context().close();
});

test('a field emptied to retype keeps the figures until it is left; left empty, a rate is refused, not taken as its 100 % default', async () => {
  const page = await open('?lang=fr');
  const roi = () => page.getAttribute('#summary [data-out="roi"]', 'data-value');
  const before = await roi();
  await page.fill('[name="funnel.close_rate"]', '');
  await page.waitForTimeout(200);
  assert.equal(await roi(), before, 'no jump to a 100 % close rate between two keystrokes');
  await page.keyboard.type('3');
  await page.waitForFunction((b) => document.querySelector('#summary [data-out="roi"]').dataset.value !== b, before);
  await page.fill('[name="funnel.close_rate"]', '');
  const three = await roi();
  await page.press('[name="funnel.close_rate"]', 'Tab');
  // Left empty: refused, not the 100 % default (50 deals of 50 meetings);
  // the figures stay those of 3 %.
  await page.waitForSelector('#f-funnel-close_rate[aria-invalid="true"]');
  assert.equal(await roi(), three);
  assert.notEqual(await page.getAttribute('[data-out="funnel.deals"]', 'data-value'), '50');
  await page.context().close();
});

test('360 px: a bar at the bottom shows the headline figures and opens on demand without covering the field typed', async () => {
  const page = await open('?lang=fr', { width: 360 });
  assert.ok(await inView(page, '#summary'), 'the bar is on screen');
  assert.equal(await page.getAttribute('#sum-toggle', 'aria-expanded'), 'false');
  assert.ok(!(await page.isVisible('#sum-verdicts')), 'folded: figures only');
  assert.ok(await page.isVisible('#summary [data-head="breakeven.max_price"]'));
  await page.click('#sum-toggle');
  assert.equal(await page.getAttribute('#sum-toggle', 'aria-expanded'), 'true');
  assert.ok(await page.isVisible('#sum-verdicts li[data-verdict="v:price.ok"]'));
  // Typing folds it again; the field stays above the bar.
  await page.click('[name="value.deal_value"]');
  assert.equal(await page.getAttribute('#sum-toggle', 'aria-expanded'), 'false');
  const field = await page.$eval('[name="value.deal_value"]', (el) => el.getBoundingClientRect().bottom);
  const bar = await page.$eval('#summary', (el) => el.getBoundingClientRect().top);
  assert.ok(field <= bar, `field bottom ${field} above the bar top ${bar}`);
  await renderAll(page);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, 'no sideways scroll');
  await page.context().close();
});

test('the default example leads with the maximum price per meeting, never an empty headline', async () => {
  const page = await open('?lang=fr');
  const expected = cliEval(JSON.parse(readFileSync(fixture('pay-per-meeting.json'), 'utf8')));
  const heads = await page.$$eval('#sum-figs .fig', (els) => els.map((e) => [e.dataset.head, e.querySelector('strong').dataset.value, e.textContent]));
  assert.equal(heads[0][0], 'breakeven.max_price');
  assert.equal(Number(heads[0][1]), expected.breakeven.max_price);
  for (const [p, raw, text] of heads) {
    assert.notEqual(raw, '', `${p} is not empty`);
    assert.ok(!/—|NaN|undefined/.test(text), `${p}: "${text}"`);
  }
  assert.match(heads[0][2].replace(/[\u00a0\u202f]/g, ' '), /Prix maximal par rendez-vous.*576 €.*vous payez 120 €/);
  // With hours, the maximum price still leads (billed per meeting), the hourly revenue joins after ROI and net.
  await page.fill('[name="time.hours_per_operator"]', '40');
  await page.waitForFunction(() => [...document.querySelectorAll('#sum-figs .fig')].map((f) => f.dataset.head).join() === 'breakeven.max_price,roi,net,per_hour.revenue');
  // Billed by the hour, the hourly revenue leads.
  await page.selectOption('[name="costs.model"]', 'hourly');
  await page.waitForFunction(() => document.querySelector('#sum-figs .fig')?.dataset.head === 'per_hour.revenue');
  await page.context().close();
});

test('the verdicts of the pay-per-meeting example, in French and in English, with the CLI numbers', async () => {
  const expected = cliEval(JSON.parse(readFileSync(fixture('pay-per-meeting.json'), 'utf8')));
  assert.equal(expected.breakeven.max_price, 576);
  const fr = await open('?lang=fr');
  assert.deepEqual(await verdictTexts(fr), [
    'Rentable jusqu’à 576 € par rendez-vous : vous payez 120 €, soit 4,8 fois moins',
    'La marge d’un client couvre 20 fois le coût d’un rendez-vous tenu : la règle des 3 à 5× est respectée',
    'LTV / CAC de 4,8× : au-dessus du seuil de 3×, l’acquisition est saine',
    'Rentabilisé dès la signature',
  ]);
  // The payback row says it in words too, not "0 mois".
  assert.equal(await fr.textContent('dd[data-out="payback_months"]'), 'dès la signature');
  // Not respected, never paid back, judged on revenue: other words.
  await fr.fill('[name="costs.per_meeting"]', '2000');
  await fr.waitForSelector('[data-verdict="v:price.ko"]');
  const ko = await verdictTexts(fr);
  assert.equal(ko[0], 'Rentable seulement jusqu’à 576 € par rendez-vous : vous payez 2 000 €, soit 3,5 fois trop');
  assert.equal(ko[1], 'La marge d’un client ne couvre que 1,2 fois le coût d’un rendez-vous tenu : la règle des 3 à 5× n’est pas respectée');
  await fr.fill('[name="value.margin_rate"]', '100'); // the default margin, as an unsure user leaves it
  await fr.waitForSelector('[data-verdict="v:margin.revenue"]');
  assert.equal((await verdictTexts(fr)).at(-1), 'ROI jugé sur le chiffre d’affaires (taux de marge à 100 %) : saisissez votre taux de marge brute pour le juger sur la marge');
  await fr.context().close();
  const en = await open('?lang=en');
  assert.deepEqual(await verdictTexts(en), [
    'Profitable up to €576 per meeting: you pay €120, 4.8 times below it',
    'A client’s margin covers 20 times the cost of a meeting held: the 3 to 5× rule is met',
    'LTV:CAC of 4.8×: above the 3× threshold, acquisition is healthy',
    'Paid back at signature',
  ]);
  await en.context().close();
});

test('a panel whose figures are all null folds to one line saying what to enter', async () => {
  const page = await open('?lang=fr');
  assert.ok(await page.$eval('[aria-labelledby="h-hour"]', (el) => el.classList.contains('collapsed')));
  assert.equal(await page.textContent('[aria-labelledby="h-hour"] .empty-line'), 'Saisissez les heures travaillées pour obtenir le revenu horaire');
  assert.ok(!(await page.isVisible('[aria-labelledby="h-hour"] dl')));
  await page.fill('[name="time.hours_per_operator"]', '40');
  await page.waitForSelector('[aria-labelledby="h-hour"]:not(.collapsed) dl', { state: 'visible' });
  assert.ok(!(await page.isVisible('[aria-labelledby="h-hour"] .empty-line')));
  await page.context().close();
});

test('entry at meetings: the rates upstream are hidden, the others shown', async () => {
  const page = await open('?lang=fr');
  for (const r of ['contact_rate', 'lead_rate', 'meeting_rate']) assert.ok(!(await page.isVisible(`[name="funnel.${r}"]`)), r);
  for (const r of ['show_rate', 'opportunity_rate', 'close_rate']) assert.ok(await page.isVisible(`[name="funnel.${r}"]`), r);
  assert.ok(!(await page.isVisible('[name="skip.meetings"]')), 'the entry stage cannot be skipped');
  assert.ok(await page.isVisible('#hours-opt'), 'hours said optional for a per-meeting model');
  await page.selectOption('[name="funnel.entry"]', 'calls');
  await page.waitForSelector('[name="funnel.contact_rate"]', { state: 'visible' });
  await page.context().close();
});

test('skipping a stage hides its rate, and the result is the CLI’s with funnel.skip; un-skipping gives the rate back', async () => {
  const page = await open('?lang=fr#' + linkOf('lead-generation.json'));
  assert.equal(await page.inputValue('[name="funnel.lead_rate"]'), '40');
  await page.check('[name="skip.leads"]');
  await page.waitForSelector('[name="funnel.lead_rate"]', { state: 'hidden' });
  const sc = JSON.parse(readFileSync(fixture('lead-generation.json'), 'utf8'));
  const expected = cliEval({ ...sc, funnel: { ...sc.funnel, lead_rate: 1, skip: ['leads'] } });
  assert.equal(expected.ok, true);
  await page.waitForFunction((v) => document.querySelector('[data-out="funnel.leads"]').dataset.value === v, expected.funnel.leads === null ? '' : String(expected.funnel.leads));
  await page.waitForFunction((v) => document.querySelector('[data-out="roi"]').dataset.value === v, String(expected.roi));
  await assertMatchesCli(page, expected);
  assert.match((await fragment(page)), /(^|&)x=2(&|$)/); // skip: leads (stage 2)
  await page.uncheck('[name="skip.leads"]');
  await page.waitForSelector('[name="funnel.lead_rate"]', { state: 'visible' });
  assert.equal(await page.inputValue('[name="funnel.lead_rate"]'), '40');
  await page.waitForFunction((v) => document.querySelector('[data-out="roi"]').dataset.value === v, String(cliEval(sc).roi));
  await page.context().close();
});

test('retrospective mode survives the link: counts entered, link copied, reopened with the counts and rounded rates', async () => {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await open('?lang=fr', { context });
  await page.check('#f-retro');
  await page.fill('[name="observed.calls"]', '1 800');
  await page.fill('[name="observed.contacts"]', '162');
  await page.fill('[name="observed.meetings"]', '48');
  await page.waitForFunction(() => document.querySelector('[data-out="funnel.calls"]').dataset.value === '1800');
  assert.equal(await page.inputValue('[name="funnel.meeting_rate"]'), '29,6', 'derived rate rounded');
  assert.match(await page.textContent('#f-funnel-meeting_rate-d'), /29,6\s%/);
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copied').textContent === 'Lien copié');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(url, /[?&]retro=1(&|#|$)/);
  const before = await page.$$eval('[data-out]', (els) => els.map((e) => e.dataset.value));
  const tab = await open(url.slice(base.length), { context });
  assert.ok(await tab.isChecked('#f-retro'), 'retro mode on');
  assert.equal((await tab.inputValue('[name="observed.calls"]')).replace(/\s/g, ''), '1800');
  assert.equal(await tab.inputValue('[name="observed.contacts"]'), '162');
  assert.equal(await tab.inputValue('[name="observed.meetings"]'), '48');
  assert.equal(await tab.inputValue('[name="funnel.meeting_rate"]'), '29,6');
  assert.deepEqual(await tab.$$eval('[data-out]', (els) => els.map((e) => e.dataset.value)), before, 'the same numbers');
  await context.close();
});

test('the cost breakdown names what it adds up; billed meetings said as an expected average when fractional', async () => {
  const page = await open('?lang=fr');
  assert.equal(await page.textContent('#costmodel-l'), 'Prestataire au rendez-vous\u00a0: rendez-vous facturés × prix');
  assert.ok(!(await page.isVisible('[data-out="cost.fixed"]')), 'no «\u00a0Autres coûts 0 €\u00a0»');
  assert.match((await page.textContent('#billednote')).replace(/[\u00a0\u202f]/g, ' '), /^Facturé : 50 rendez-vous pris × 120 €\.$/);
  await page.selectOption('[name="costs.meeting_basis"]', 'held');
  await page.fill('[name="funnel.show_rate"]', '75');
  await page.fill('[name="funnel.volume"]', '50');
  await page.waitForFunction(() => /37,5/.test(document.getElementById('billednote').textContent));
  assert.match(await page.textContent('#billednote'), /nombre moyen attendu/);
  // One meeting held, or none: singular in French (« 1 rendez-vous tenu », « 0 rendez-vous tenu »).
  await page.fill('[name="funnel.show_rate"]', '100');
  await page.fill('[name="funnel.volume"]', '1');
  await page.waitForFunction(() => /^Facturé\u00a0: 1 rendez-vous tenu ×/.test(document.getElementById('billednote').textContent));
  await page.fill('[name="funnel.volume"]', '0');
  await page.waitForFunction(() => /^Facturé\u00a0: 0 rendez-vous tenu ×/.test(document.getElementById('billednote').textContent));
  await page.fill('[name="funnel.volume"]', '50');
  await page.fill('[name="costs.commission_rate"]', '5');
  await page.waitForSelector('[data-out="cost.commission"]', { state: 'visible' });
  await page.context().close();
});

noProblemsTest();

test('a price with cents is said with them; a price the core refuses leaves the figures, the price beside them, the simulation and the report on the last valid scenario', async () => {
  const page = await open('?lang=fr');
  const said = (sel) => page.$eval(sel, (e) => e.textContent.replace(/[\u00a0\u202f]/g, ' '));
  await page.fill('[name="costs.per_meeting"]', '120,5');
  await page.waitForFunction(() => document.querySelector('[data-out="roi"]').dataset.value !== '3.8');
  assert.match(await said('#sum-figs .paid'), /120,50 €/);
  assert.match(await said('#billednote'), /× 120,50 €/);
  assert.ok((await verdictTexts(page)).some((v) => v.includes('vous payez 120,50 €')), (await verdictTexts(page)).join(' | '));
  const roi = await page.$eval('[data-out="roi"]', (e) => e.dataset.value);
  // Refused at once, while the first simulation is due: nothing of -50 € is shown or simulated.
  await page.fill('[name="costs.per_meeting"]', '-50');
  await page.waitForSelector('#stale:not([hidden])');
  assert.equal(await page.$eval('[data-out="roi"]', (e) => e.dataset.value), roi);
  assert.match(await said('#sum-figs .paid'), /120,50 €/);
  assert.match(await said('#billednote'), /× 120,50 €/);
  assert.ok((await verdictTexts(page)).some((v) => v.includes('vous payez 120,50 €')), (await verdictTexts(page)).join(' | '));
  assert.equal(await page.inputValue('[name="costs.per_meeting"]'), '-50', 'the typing is kept');
  await page.waitForFunction(() => document.querySelector('#sim')?.dataset.samples && document.querySelector('#sim').getAttribute('aria-busy') === 'false');
  assert.doesNotMatch(await said('#sim-status'), /must|got/);
  assert.ok(await page.$$eval('[data-sim]', (els) => els.every((e) => e.dataset.value !== undefined && e.textContent !== '')));
  // On paper, the report says its results are the previous ones, and its assumptions are theirs.
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.$eval('#stale', (e) => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().bottom <= document.getElementById('summary').getBoundingClientRect().top),
    'the note is printed above the figures, not under them');
  assert.match((await said('#as-list')).replace(/\s+/g, ' '), /120,5/);
  await page.context().close();
});

test('retrospective mode: the meetings billed, left blank between the calls and the deals counted, are asked for; the bill never counts every call as a meeting', async () => {
  const page = await open('?lang=fr');
  const before = await page.$eval('#billednote', (e) => e.textContent);
  await page.check('#f-retro');
  await page.fill('[name="observed.meetings"]', '');
  await page.fill('[name="observed.calls"]', '2000');
  await page.fill('[name="observed.deals"]', '4');
  await page.waitForSelector('[name="observed.meetings"][aria-invalid="true"]');
  const field = await page.$eval('[name="observed.meetings"]', (el) => el.closest('.field').textContent.replace(/[\u00a0\u202f]/g, ' '));
  assert.match(field, /à saisir : c’est ce que le prestataire facture/);
  await page.waitForSelector('#stale:not([hidden])');
  assert.doesNotMatch(await page.$eval('#billednote', (e) => e.textContent), /2\s000/);
  // Counted, the bill is the meetings entered.
  await page.fill('[name="observed.meetings"]', '40');
  await page.waitForSelector('#stale', { state: 'hidden' });
  assert.match((await page.$eval('#billednote', (e) => e.textContent)).replace(/[\u00a0\u202f]/g, ' '), /40 rendez-vous pris × 120 €/);
  assert.notEqual(before, null);
  await page.context().close();
});
