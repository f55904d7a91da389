// Browser tests of time and goals (issue 10): the monthly projection (table,
// sentence, chart, CSV), the plan from a goal, and the charts that say
// something (payback in words, tornado labels, a 1 % funnel stage).  The
// page (build/site) against the native CLI (build/release/roi).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { useBrowser, noProblemsTest, cli, fixture, linkOf, renderAll } from './harness.mjs';

// Downloads accepted (the CSV export); dialogs not recorded; open takes the fragment.
const web = useBrowser({ dialogs: false, contextOptions: { acceptDownloads: true } });
const open = (fragment, opts) => web.open('#' + fragment, opts);
const linkOfDoc = (doc) => execFileSync(cli, ['link', 'encode', '-'], { input: JSON.stringify(doc), encoding: 'utf8' }).trim();
const cliEval = (file) => JSON.parse(execFileSync(cli, ['eval', fixture(file)], { encoding: 'utf8' }));
// Intl's spaces (narrow no-break) and minus sign written plainly.
const plain = (s) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/\u2212/g, '-');
const KEYS = ['month', 'net', 'cumulative_net', 'cumulative_roi', 'volume', 'meetings', 'held', 'deals', 'revenue', 'margin', 'cost'];
const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

test('in-house ramp-up: the table is the core’s schedule.series, the sentence reads both ROIs, the CSV parses back', async () => {
  const want = cliEval('in-house-ramp-up.json').schedule;
  const page = await open(linkOf('in-house-ramp-up.json'));
  await page.waitForSelector('#sched:not([hidden]) #sched-rows tr');
  // The section is open (months > 0) and shows the fixture's ramp.
  assert.equal(await page.$eval('#sched-box', (d) => d.open), true);
  assert.deepEqual(await page.$$eval('#ramp-list input', (xs) => xs.map((x) => x.value)), ['40', '70', '90']);
  const rows = await page.$$eval('#sched-rows tr', (trs) => trs.map((tr) => [...tr.children].map((c) => (c.dataset.value === '' ? null : Number(c.dataset.value)))));
  assert.equal(rows.length, want.series.length);
  rows.forEach((r, i) => KEYS.forEach((k, j) => assert.ok(close(r[j], want.series[i][k]), `month ${i + 1} ${k}: page ${r[j]}, CLI ${want.series[i][k]}`)));
  assert.deepEqual(rows.slice(0, 8).map((r) => r[KEYS.indexOf('deals')]), [0, 0, 3, 6, 7, 9, 8, 9]);
  assert.equal(rows[0][KEYS.indexOf('cost')], 18140);
  assert.equal(await page.textContent('#sched-rows tr.pb th'), '8', 'the payback month is highlighted');
  // On paper: the campaign's months, the payback month and the last (whose
  // cumulative figures the sentence quotes), a dotted rule where months are
  // left out.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$$eval('#sched-rows tr', (trs) => trs.filter((t) => t.getClientRects().length)
    .map((t) => t.children[0].textContent + (getComputedStyle(t.children[0]).borderTopStyle === 'dotted' ? '…' : '')).join(' ')), '1 2 3 4 5 6 8… 20…');
  // What paper leaves out is said under the table (on paper only).
  assert.match(await page.textContent('#sched-gap'), /^Sur papier, 12 mois après la campagne sont omis/);
  assert.equal(await page.$eval('#sched-gap', (p) => p.getClientRects().length > 0), true);
  // The projection's chart is page 1's, not one month's payback alone.
  assert.equal(await page.$eval('#schedchart', (f) => f.getClientRects().length > 0), true);
  assert.equal(await page.$eval('#pbchart', (f) => f.getClientRects().length > 0), false);
  await page.emulateMedia({ media: 'screen' });
  // 8 or 9 deals a month: the note says why (floor rounding on the running total).
  assert.match(plain(await page.textContent('#sched-round')), /8,4 attendues par mois en régime donnent des mois à 8 et d’autres à 9/);
  const nulls = await page.$$eval('#sched-rows td.null', (tds) => tds.map((td) => td.textContent));
  assert.ok(nulls.every((x) => x === '—'));
  const sentence = plain(await page.textContent('#sched-text'));
  assert.match(sentence, /ROI cumulé à 6 mois : -39 %/);
  assert.match(sentence, /72,6 % sur toute la durée/);
  assert.match(sentence, /Remboursée au mois 8/);
  // The chart: one bar per month with a net, losses below the axis, the payback marked.
  const bars = await page.$$eval('#schedchart rect.bar', (rs) => rs.map((r) => ({ m: Number(r.dataset.month), neg: r.classList.contains('neg') })));
  assert.deepEqual(bars.filter((b) => b.neg).map((b) => b.m), [1, 2, 3, 4]);
  assert.match(plain(await page.textContent('#schedchart svg')), /Remboursée \(mois 8\)/);
  // CSV: French separators, BOM, same numbers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-sched')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeffMois;Résultat net;Résultat net cumulé;ROI cumulé;Appels passés;'));
  const lines = csv.slice(1).trim().split('\r\n').slice(1).map((l) => l.split(';').map((c) => (c === '' ? null : Number(c.replace(',', '.')))));
  assert.equal(lines.length, want.series.length);
  lines.forEach((r, i) => KEYS.forEach((k, j) => assert.ok(close(r[j], want.series[i][k]), `CSV month ${i + 1} ${k}`)));
  await page.context().close();
});

test('the projection at 360 px: no page wider than the screen, the table scrolls in its region', async () => {
  const page = await open(linkOf('in-house-ramp-up.json'), { width: 360 });
  await page.waitForSelector('#sched:not([hidden]) #sched-rows tr');
  await renderAll(page);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.ok(await page.$eval('#sched .scroll', (d) => d.scrollWidth > d.clientWidth), 'the table scrolls inside its region');
  await page.context().close();
});

test('the payback and projection charts are redrawn at their figure\'s new width when the window narrows', async () => {
  const page = await open(linkOf('in-house-ramp-up.json'), { width: 1280 });
  await page.waitForSelector('#sched:not([hidden]) #schedchart svg');
  await page.waitForSelector('#pbchart svg');
  const widths = () => page.evaluate(() => ['pbchart', 'schedchart'].map((id) => {
    const f = document.getElementById(id);
    return [Number(f.querySelector('svg').getAttribute('viewBox').split(' ')[2]), Math.max(280, Math.min(720, Math.round(f.clientWidth)))];
  }));
  const wide = await widths();
  for (const [drawn, fig] of wide) assert.equal(drawn, fig);
  await page.setViewportSize({ width: 560, height: 900 });
  // Out of view, a panel is not laid out (content-visibility): each chart is
  // redrawn once it comes into view.
  for (const [i, id] of ['pbchart', 'schedchart'].entries()) {
    await page.$eval('#' + id, (f) => f.scrollIntoView());
    await page.waitForFunction(([id, before]) => Number(document.querySelector(`#${id} svg`).getAttribute('viewBox').split(' ')[2]) < before, [id, wide[i][0]]);
  }
  for (const [drawn, fig] of await widths()) assert.ok(Math.abs(drawn - fig) <= 8, `drawn at ${drawn}, figure ${fig}`);
  await page.context().close();
});

test('ramp-up editor: a month added, typed, removed; months at 0 fold the section and hide the projection', async () => {
  const page = await open(linkOf('in-house-ramp-up.json'));
  // With a projection, the results' payback is one month of campaign's, and says so.
  assert.equal(await page.textContent('#pb-l'), 'Délai de retour d’un mois de campagne, seul');
  // So do the headline figures, the payback chart and the risk (a reviewer
  // read « 37 % de risque de perte » for a projection ending at a loss).
  const titles = () => page.$$eval('#sum-h, #h-pb, #h-sim', (hs) => hs.map((h) => h.textContent.replace(/\u00a0/g, ' ')));
  assert.deepEqual(await titles(), ['L’essentiel, pour un mois de campagne', 'Risque d’un mois de campagne : simulation de Monte Carlo',
    'Un mois de campagne, seul : cumul de son résultat net, mois par mois']);
  await page.click('#ramp-add');
  assert.equal(await page.$eval('#ramp-list .ramp-row:last-child input', (x) => x === document.activeElement), true);
  // Its value is selected: what is typed replaces it (it read « 9095 »).
  await page.keyboard.type('95');
  assert.equal(await page.inputValue('[name="schedule.ramp[3]"]'), '95');
  await page.waitForFunction(() => /&ra=0.4,0.7,0.9,0.95/.test(decodeURIComponent(location.hash)));
  await page.click('[data-rampdel="0"]');
  await page.waitForFunction(() => /&ra=0.7,0.9,0.95(&|$)/.test(decodeURIComponent(location.hash)));
  assert.equal(await page.textContent('label[for="f-schedule-ramp-0-"]'), 'Mois 1');
  await page.fill('[name="schedule.months"]', '0');
  await page.waitForSelector('#sched[hidden]', { state: 'attached' });
  assert.equal(await page.$eval('#sched-box', (d) => d.open), false);
  assert.equal(await page.textContent('#pb-l'), 'Délai de retour sur investissement');
  assert.deepEqual(await titles(), ['L’essentiel', 'Risque : simulation de Monte Carlo', 'Cumul du résultat net de la campagne saisie, mois par mois']);
  await page.click('[data-lang="en"]');
  await page.waitForSelector('html[lang="en"]');
  await page.click('#sched-box summary');
  await page.fill('[name="schedule.months"]', '6');
  await page.waitForFunction(() => document.getElementById('sum-h').textContent === 'Key figures, for one month of campaign');
  await page.context().close();
});

test('goal net result: the plan in one sentence, as the core computes it', async () => {
  const want = cliEval('goal-net-result.json').plan;
  const page = await open(linkOf('goal-net-result.json'));
  await page.waitForSelector('#plan:not([hidden])');
  assert.equal(await page.inputValue('[name="goal.metric"]'), 'net');
  const s = plain(await page.textContent('#plan-text'));
  assert.match(s, /^Pour 50 000 € de résultat net : 108 rendez-vous, 2,16 fois la campagne actuelle, pour un coût de 12 960 €/);
  assert.ok(s.includes(String(want.volume)) && s.includes('51 840 €'));
  // An unreachable goal: each meeting costs more than its deals bring.
  await page.fill('[name="costs.per_meeting"]', '1000');
  await page.waitForFunction(() => /inatteignable/.test(document.getElementById('plan-text').textContent));
  assert.match(plain(await page.textContent('#plan-text')), /objectif inatteignable en augmentant cette campagne\. Chaque affaire supplémentaire coûte plus/);
  // "No goal" hides the plan and the goal's value.
  await page.selectOption('[name="goal.metric"]', '');
  await page.waitForSelector('#plan[hidden]', { state: 'attached' });
  assert.equal(await page.isVisible('[name="goal.value"]'), false);
  await page.context().close();
});

test('charts that say something: payback at signature in words, tornado low → high, a 1 % funnel stage', async () => {
  let page = await open(linkOf('pay-per-meeting.json'));
  await page.waitForSelector('#pbchart .pbwords');
  assert.equal(await page.$('#pbchart svg'), null, 'no empty step chart');
  assert.match(plain(await page.textContent('#pbchart')), /Remboursé dès la signature/);
  const tor = plain(await page.textContent('#torchart svg'));
  assert.match(tor, /Taux de signature 20 % → 30 %/);
  assert.match(tor, /Panier moyen 4 800 € → 7 200 €/);
  // The rate into deals is the close rate typed (25 %), not 12 whole deals of 50 (24 %).
  assert.match(plain(await page.textContent('#funnelchart svg')), /Affaires signées \(25 %\)/);
  await page.context().close();
  page = await open(linkOfDoc({ version: 1, funnel: { entry: 'meetings', volume: 1000, close_rate: 0.01 }, value: { deal_value: 6000 } }));
  await page.waitForSelector('#funnelchart svg');
  const last = await page.$$eval('#funnelchart svg rect.bar', (rs) => Number(rs.at(-1).getAttribute('width')));
  assert.ok(last >= 6, 'a visible bar');
  const texts = await page.$$eval('#funnelchart svg text', (ts) => ts.map((x) => x.textContent));
  assert.ok(texts.includes('10'), 'the count of the 1 % stage is written: ' + texts.join(' | '));
  assert.ok(texts.some((x) => /Affaires signées \(1 %\)/.test(plain(x))));
  await page.context().close();
});

test('360 px: the tornado\'s labels never overlap one another or leave the chart; its data table scrolls in its box', async () => {
  // A narrow bar in the middle (the deal value known to ±100 €) beside a wide one.
  const narrow = linkOfDoc({ version: 1, funnel: { entry: 'meetings', volume: 50, close_rate: 0.25 }, value: { deal_value: 6000, margin_rate: 0.4 },
    costs: { model: 'per_meeting', per_meeting: 120 }, uncertainty: { ranges: { 'funnel.close_rate': [0.1, 0.4], 'value.deal_value': [5900, 6100] } } });
  for (const f of ['pay-per-meeting.json', 'director-options.json', 'in-house-ramp-up.json', 'five-channels.json', narrow]) {
    const page = await open(f.endsWith('.json') ? linkOf(f) : f, { width: 360 });
    await page.$eval('#torchart', (el) => el.scrollIntoView());
    await page.waitForSelector('#torchart svg');
    const bad = await page.$eval('#torchart svg', (svg) => {
      const w = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll('text.tick')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      // Every text inside the chart (a long field name ends with « … »).
      const out = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter((b) => b.r.left < w.left - 0.5 || b.r.right > w.right + 0.5).map((b) => 'out: ' + b.text);
      // The centre line crosses the bars, never a label (it ran through them).
      for (const l of svg.querySelectorAll('line.zero')) {
        const lr = l.getBoundingClientRect();
        for (const t of svg.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          if (r.left < lr.right && lr.left < r.right && r.top < lr.bottom - 0.5 && lr.top + 0.5 < r.bottom) out.push('line through: ' + t.textContent);
        }
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [p, q] = [boxes[i].r, boxes[j].r];
          if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(boxes[i].text + ' × ' + boxes[j].text);
        }
      }
      return out;
    });
    assert.deepEqual(bad, [], f.slice(0, 40));
    // Its data table, opened, scrolls in its own region: the page is not wider than the screen.
    await page.click('#torchart details summary');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll');
    assert.equal(await page.$eval('#torchart details table', (t) => t.parentElement.getAttribute('role')), 'region');
    await page.context().close();
  }
});

noProblemsTest('no console error, page error or foreign request');

test('a value the core refuses leaves the plan and the projection on the last valid scenario, as the figures beside them', async () => {
  const page = await open(linkOf('goal-net-result.json'));
  await page.waitForSelector('#plan:not([hidden])');
  const before = await page.textContent('#plan-text');
  // Billed per meeting, counted from the opportunities: the core refuses it (needs_count).
  await page.selectOption('[name="funnel.entry"]', 'opportunities');
  await page.waitForSelector('#stale:not([hidden])');
  assert.equal(await page.textContent('#plan-text'), before);
  assert.equal(await page.inputValue('[name="funnel.entry"]'), 'opportunities', 'the choice is kept');
  await page.context().close();
  // The projection: a lifetime typed negative does not turn its sentence into one without recurring revenue.
  const p2 = await open(linkOf('in-house-ramp-up.json'));
  await p2.waitForSelector('#sched:not([hidden]) #sched-rows tr');
  const sentence = await p2.textContent('#sched-text');
  await p2.fill('[name="schedule.months"]', '-3');
  await p2.waitForSelector('#stale:not([hidden])');
  assert.equal(await p2.textContent('#sched-text'), sentence);
  await p2.context().close();
});
