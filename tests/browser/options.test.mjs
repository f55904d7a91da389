// Browser tests for issue 10's options and printed report: the director's
// comparison (in-house team, provider per hour, provider per held meeting,
// and an emailing channel), each billing row's risk from its own simulation,
// the campaign cloned as a channel, the channel cards at 360 px, the note on
// the prudent case, and the printed report on two A4 pages.  Expected
// numbers come from the native CLI (build/release/roi).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, pdfOf, problems, base, root, cli, cliEval, renderAll, addressOf } from './harness.mjs';

const director = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/director-options.json'), 'utf8'));

// Console errors only (not warnings), dialogs not recorded; problems checked after the last test.
const { open } = useBrowser({ consoleTypes: ['error'], dialogs: false });
after(() => {
  assert.deepEqual(problems, [], 'no console error, page error or foreign request');
});

const run = (args, input) => {
  try { return JSON.parse(execFileSync(cli, args, { input: JSON.stringify(input), encoding: 'utf8' })); } catch (e) { return JSON.parse(e.stdout); }
};
const cliSim = (sc, samples = 10000, seed = 1) => run(['simulate', '--samples', String(samples), '--seed', String(seed), '-'], sc);
const linkOf = (sc) => execFileSync(cli, ['link', 'encode', '-'], { input: JSON.stringify(sc), encoding: 'utf8' }).trim();
const close = (a, b, what) => assert.ok(Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: page ${a}, CLI ${b}`);
const simDone = (page) => page.waitForFunction(() => document.querySelectorAll('#billrows [data-billsim]').length > 0
  && document.querySelector('#sim')?.getAttribute('aria-busy') === 'false'
  && [...document.querySelectorAll('[data-billsim], [data-simrow]')].every((td) => td.textContent !== '…'));

test('each billing model shows its own risk, from the simulation with that model, and who carries the risk', async () => {
  const page = await open('#' + linkOf(director));
  await simDone(page);
  const expected = cliEval(director);
  assert.deepEqual(expected.billing.map((b) => b.model), ['in_house', 'hourly', 'per_meeting']);
  assert.deepEqual(await page.$$eval('#billrows tr', (trs) => trs.map((tr) => tr.dataset.model)), ['in_house', 'hourly', 'per_meeting']);
  for (const [i, row] of expected.billing.entries()) {
    const sim = cliSim({ ...director, costs: { ...director.costs, model: row.model } });
    close(await page.getAttribute(`[data-billsim="${i}"][data-simkey="p_loss"]`, 'data-value'), sim.p_loss, `${row.model} p_loss`);
    close(await page.getAttribute(`[data-billsim="${i}"][data-simkey="roi.p10"]`, 'data-value'), sim.roi.p10, `${row.model} P10`);
    close(await page.getAttribute(`[data-half="${row.model}"]`, 'data-value'), row.cost_at_half, `${row.model} cost at half`);
    const words = await page.textContent(`#billrows tr[data-model="${row.model}"] td.risk`);
    if (row.cost_at_half === row.cost) assert.match(words, /Vous portez le risque/, row.model);
    else assert.match(words, /Le prestataire partage le risque.*baisse de 50\s%/, row.model);
    // The maximum price in the model's own unit, rounded down when whole.
    const max = (await page.textContent(`[data-out="billing[${i}].max_price"]`)).replace(/\s/g, ' ');
    // (The director pays per meeting held: its maximum is per meeting held.)
    const unit = { in_house: '€/h', hourly: '€/h', per_meeting: director.costs.meeting_basis === 'held' ? '€/RDV tenu' : '€/RDV' }[row.model];
    assert.ok(row.max_price === null || max.endsWith(unit), `${row.model}: « ${max} »`);
    if (row.max_price >= 100) assert.equal(Number(max.replace(/[^\d]/g, '')), Math.floor(row.max_price), `${row.model}: « ${max} »`);
  }
  // The main simulation is still there, for the scenario as it is.
  const main = cliSim(director);
  close(await page.getAttribute('[data-sim="p_loss"]', 'data-value'), main.p_loss, 'main p_loss');
  close(await page.getAttribute('[data-simrow="1"][data-simkey="roi.p10"]', 'data-value'), main.channels[0].roi.p10, 'emailing P10');
  await page.context().close();
});

test('« Comparer cette campagne comme un canal » adds the campaign as a channel, with the CLI figures', async () => {
  const page = await open('#' + linkOf(director));
  assert.equal(await page.isVisible('#realloc-twice'), false, 'emailing is another channel, not a copy');
  await page.click('#cmp [data-clone]');
  await page.waitForFunction(() => document.querySelectorAll('#cmprows tr').length === 3);
  const { channels, uncertainty, reallocation, schedule, goal, ...campaign } = director;
  const clone = { ...campaign, name: director.name + ' (copie)' };
  const expected = cliEval({ ...director, channels: [...director.channels, clone] });
  assert.equal(await page.$$eval('#channel-list .channel', (c) => c.length), 2);
  assert.match(await page.textContent('#channel-list .channel:last-child legend'), /\(copie\)/);
  for (const key of ['rank', 'cost', 'roi', 'net', 'cac']) {
    close(await page.getAttribute(`[data-out="comparison[2].${key}"]`, 'data-value'), expected.comparison[2][key], key);
  }
  // The totals add the copy as one more campaign (the core's rule): the page
  // says so, naming it, and that the rows are what compares.
  close(await page.getAttribute('[data-out="reallocation.net_before"]', 'data-value'), expected.comparison.reduce((a, r) => a + r.net, 0), 'net before');
  assert.match((await page.textContent('#realloc-twice')).replace(/\s+/g, ' '),
    new RegExp(`Même étape d’entrée et même volume que cette campagne : ${clone.name.replace(/[()]/g, '\\$&')}\\. .*comptent deux fois`));
  await simDone(page);
  const sim = cliSim({ ...director, channels: [...director.channels, clone] });
  close(await page.getAttribute('[data-simrow="2"][data-simkey="p_loss"]', 'data-value'), sim.channels[1].p_loss, 'clone p_loss');
  await page.context().close();
});

test('at 360 px the channels are cards that show their risk, and nothing is wider than the screen', async () => {
  const page = await open('#' + linkOf(director), { width: 360 });
  await simDone(page);
  await renderAll(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
  for (const tr of await page.$$('#cmprows tr')) {
    for (const key of ['p_loss', 'roi.p10']) {
      const td = await tr.$(`[data-simkey="${key}"]`);
      const box = await page.evaluate((el) => {
        const r = document.createRange(); r.selectNodeContents(el);
        const b = r.getBoundingClientRect(); return { x: b.x, w: b.width, text: el.textContent };
      }, td);
      assert.ok(box.w > 0 && box.x >= 0 && box.x + box.w <= 360, `${key} visible on its card: ${JSON.stringify(box)}`);
      assert.match(box.text, /%/);
    }
  }
  const tables = await page.$$eval('table', (ts) => ts.filter((t) => t.offsetParent && t.scrollWidth > t.parentElement.clientWidth + 1).map((t) => t.className));
  assert.deepEqual(tables.filter((c) => c === 'bill' || c === 'cmp' || c === 'sc'), [], 'no billing, channel or three-case table wider than its box');
  await page.context().close();
  // Six-figure amounts in the three cases still fit a phone, with no column cut off.
  const big = await open('#' + linkOf({ ...director, value: { ...director.value, deal_value: 60000 } }), { width: 360 });
  await renderAll(big);
  assert.deepEqual(await big.$eval('table.sc', (t) => [t.scrollWidth <= t.parentElement.clientWidth + 1, t.textContent.includes('000')]), [true, true]);
  await big.context().close();
});

test('the prudent case is explained next to the simulation', async () => {
  const page = await open('#' + linkOf(director));
  await simDone(page);
  const prudent = cliEval(director).scenarios.prudent.roi;
  assert.ok(prudent < 0);
  const note = await page.textContent('.panel:has(table.sc) .prudent-note');
  assert.ok(await page.isVisible('.panel:has(table.sc) .prudent-note'));
  assert.match(note, /Prudent −?-?\d/);
  assert.match(note, /au bas de leur fourchette en même temps/);
  // Once: the same paragraph in the simulation's panel too read as noise.
  assert.equal(await page.locator('.prudent-note').count(), 1);
  await page.context().close();
});

test('printed from a phone, the charts are drawn at the paper\'s width, then at the window\'s again', async () => {
  // A ramp-up over months: page 1's chart is the projection, drawn at its box's width.
  const rampUp = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/in-house-ramp-up.json'), 'utf8'));
  const page = await open('#' + linkOf(rampUp), { width: 360 });
  await renderAll(page);
  const drawn = () => page.$$eval('#schedchart svg, #pbchart svg', (svgs) => svgs.map((s) => s.viewBox.baseVal.width));
  const screen = await drawn();
  assert.ok(screen.length >= 1 && screen.every((w) => w <= 360), `drawn for the phone: ${screen}`);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const paper = await drawn();
  assert.ok(paper.length === screen.length && paper.every((w) => w >= 560), `drawn for A4 (15 cm): ${paper}`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(pdfOf(await page.pdf({ format: 'A4' }), 'options-test-phone').pages, 2);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.deepEqual(await drawn(), screen);
  await page.context().close();
});

test('the printed report of the default example: 2 A4 pages, no control, « Préparé pour » only when filled', async () => {
  const page = await open('');
  await page.waitForFunction(() => document.querySelector('#sim')?.dataset.samples);
  await page.emulateMedia({ media: 'print' });
  const controls = await page.$$eval('input, button, select, textarea', (els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(controls, [], 'no input or button in print');
  let pdf = pdfOf(await page.pdf({ format: 'A4' }), 'options-test');
  assert.equal(pdf.pages, 2);
  assert.doesNotMatch(pdf.text, /Préparé (pour|par)/);
  assert.match(pdf.text, /Hypothèses/);
  assert.match(pdf.text, /Rentable jusqu’à 576/); // the verdict is the summary's, said once
  // Page 1's chart: no payback curve to draw (one-off deals), so the funnel's,
  // not a box saying « pas de courbe à tracer ».
  assert.match(pdf.text.split('\f')[0], /Entonnoir de la campagne/);
  assert.doesNotMatch(pdf.text, /pas de courbe à tracer/);
  await page.emulateMedia({ media: 'screen' });
  await page.click('#io summary');
  await page.fill('#prep-for', 'ACME Industries');
  // In the fragment, which the browser never sends to the server; not the query.
  await page.waitForFunction(() => /&_pfor=ACME\+Industries$/.test(location.hash));
  assert.equal(new URL(await addressOf(page)).search.includes('ACME'), false);
  await page.emulateMedia({ media: 'print' });
  pdf = pdfOf(await page.pdf({ format: 'A4' }), 'options-test');
  assert.equal(pdf.pages, 2);
  assert.match(pdf.text, /Préparé pour : ACME Industries/);
  assert.doesNotMatch(pdf.text, /Préparé par/);
  // A rep's link keeps it.
  const url = (await addressOf(page));
  await page.context().close();
  const again = await open(url.slice(base.length));
  assert.equal(await again.inputValue('#prep-for'), 'ACME Industries');
  // Another rep's link pasted into the same tab: its own client.
  await again.evaluate((h) => { location.hash = h.replace('ACME+Industries', 'Dupont+SA'); }, new URL(url).hash);
  await again.waitForFunction(() => document.getElementById('prep-for').value === 'Dupont SA');
  await again.evaluate((h) => { location.hash = h; }, new URL(url).hash);
  await again.waitForFunction(() => document.getElementById('prep-for').value === 'ACME Industries');
  // « Réinitialiser » for the next prospect: his report is not addressed to
  // ACME any more (« Préparé par » would stay); « Revenir » brings it back.
  await again.click('#reset');
  await again.waitForFunction(() => !/_pfor=/.test(location.hash));
  assert.equal(await again.inputValue('#prep-for'), '');
  await again.click('#notices [data-action="undo-reset"]');
  await again.waitForFunction(() => /&_pfor=ACME\+Industries$/.test(location.hash));
  assert.equal(await again.inputValue('#prep-for'), 'ACME Industries');
  await again.context().close();
  // An older link, the name in the query: it moves to the fragment at once.
  const old = await open('?lang=fr&pfor=ACME+Industries#' + new URL(url).hash.slice(1).replace(/&_pfor=[^&]*/, ''));
  assert.equal(await old.inputValue('#prep-for'), 'ACME Industries');
  const now = new URL(await addressOf(old));
  assert.equal(now.searchParams.has('pfor'), false);
  assert.match(now.hash, /&_pfor=ACME\+Industries$/);
  await old.context().close();
});

test('the range note gives the scenario\'s own spread (it said ±20 % beside a 30 % spread)', async () => {
  const link = execFileSync(cli, ['link', 'encode', path.join(root, 'tests/fixtures/director-options.json')], { encoding: 'utf8' }).trim();
  const page = await open('?lang=fr#' + link);
  const note = async () => (await page.textContent('#sc-note')).replace(/[\u00a0\u202f]/g, ' ');
  assert.match(await note(), /\(±30 % par défaut\)/);
  await page.fill('[name="uncertainty.spread"]', '15');
  await page.waitForFunction(() => /±15/.test(document.getElementById('sc-note').textContent));
  await page.context().close();
});
