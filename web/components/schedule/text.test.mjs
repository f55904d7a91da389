// The projection's words and table, from a schedule object as the core writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fr from '../../i18n-fr.js';
import en from '../../i18n-en.js';
import { dict, tr } from '../../i18n.js';
import { makeFormat } from '../../format.js';
import { projectionSentence, csvRows, headers, cellText, stepSentence, roundingNote } from './text.js';
import { toCsv } from '../../export.js';

dict.fr = fr; dict.en = en;
const ctx = (lang) => ({ t: (k, p) => tr(lang, k, p), fmt: makeFormat(lang, 'EUR') });
const plain = (s) => s.replace(/[\u202f\u00a0]/g, ' ').replace(/\u2212/g, '-');

// Shortened from `roi eval tests/fixtures/in-house-ramp-up.json`.
const row = (month, net, cum, roi, extra = {}) => ({ month, volume: 1400, meetings: 70, held: 56, deals: 6, revenue: 1, margin: 1, cost: 12140, net, cumulative_net: cum, cumulative_roi: roi, ...extra });
const schedule = {
  months: 6,
  series: [row(1, -18140, -18140, -1), row(2, -12140, -30280, -1), row(3, -6740, -37020, -0.8727), row(4, -980, -38000, -0.6965),
    row(5, 1540, -36460, -0.5466), row(6, 5980, -30480, -0.3866057838660578), row(7, 17400, -13080, -0.166, { meetings: null, held: null }),
    row(8, 20160, 7080, 0.0898)],
  totals: { volume: 8400, deals: 42, revenue: 226800, margin: 136080, cost: 78840, net: 57240, roi: 0.726027397260274 },
  payback_month: 8,
};

test('the sentence: judged after the campaign months, then over the whole life, then the payback month', () => {
  const { t, fmt } = ctx('fr');
  const s = plain(projectionSentence(schedule, t, fmt));
  assert.match(s, /ROI cumulé à 6 mois : -39 %/);
  assert.match(s, /mais 72,6 % sur toute la durée \(8 mois/);
  assert.match(s, /57 240 €/);
  assert.match(s, /Remboursée au mois 8/);
  const e = ctx('en');
  assert.match(plain(projectionSentence(schedule, e.t, e.fmt)), /cumulative ROI at 6 months: -39%; but 72\.6% over its whole life.*Pays back in month 8/);
  // No recurring revenue: the months after the campaign hold deals signed
  // late, not « revenus récurrents ».
  const once = plain(projectionSentence(schedule, t, fmt, false));
  assert.match(once, /\(8 mois, affaires signées après la campagne comprises\)/);
  assert.doesNotMatch(once, /récurrents/);
  assert.match(plain(projectionSentence(schedule, e.t, e.fmt, false)), /\(8 months, deals signed after the campaign included\)/);
});

test('the sentence without payback says where the cumulative net ends', () => {
  const { t, fmt } = ctx('fr');
  const s = plain(projectionSentence({ ...schedule, payback_month: null }, t, fmt));
  assert.match(s, /Non remboursée sur la projection : le résultat net cumulé finit à 7 080 €/);
});

test('table: headers name the entry stage; null shows as a dash; CSV keeps raw numbers', () => {
  const { t, fmt } = ctx('fr');
  const h = headers('calls', t);
  assert.equal(h.length, 11);
  // The answer first: each month's net, the running total, the cumulative ROI.
  assert.deepEqual(h.slice(0, 5), ['Mois', 'Résultat net', 'Résultat net cumulé', 'ROI cumulé', 'Appels passés']);
  assert.equal(cellText(null, 'num', fmt), '—');
  const rows = csvRows(schedule, 'calls', t);
  assert.equal(rows.length, schedule.series.length + 1);
  assert.deepEqual(rows[1].slice(0, 8), [1, -18140, -18140, -1, 1400, 70, 56, 6]);
  const csv = toCsv(rows, 'fr');
  assert.ok(csv.startsWith('\ufeffMois;Résultat net;Résultat net cumulé;ROI cumulé;Appels passés;'));
  assert.match(csv, /\r\n7;17400;-13080;-0,166;1400;;;6;/, 'unknown counts are empty cells');
  assert.match(csv, /\r\n6;5980;-30480;-0,386605783866;/, 'twelve significant digits');
});

test('table: a funnel that starts at the meetings has one column of meetings, not two alike', () => {
  const { t } = ctx('fr');
  for (const entry of ['meetings', 'held']) {
    const h = headers(entry, t);
    assert.equal(h.length, 10, entry);
    assert.equal(new Set(h).size, h.length, `${entry}: ${h.join(' | ')}`);
    const rows = csvRows(schedule, entry, t);
    assert.equal(rows[1].length, 10, entry);
    assert.equal(rows[1][4], schedule.series[0].meetings, 'the first count after the month\'s net figures is the meetings');
  }
});

test('payback at signature with nothing recurring, in words', () => {
  const { t, fmt } = ctx('fr');
  const res = { cashflow: [{ month: 0, net: 22800 }, { month: 1, net: 22800 }], cost: { total: 6000 }, payback_months: 0 };
  assert.match(plain(stepSentence(res, t, fmt)), /Remboursé dès la signature.*6 000 €.*22 800 €/);
  assert.match(plain(stepSentence({ ...res, payback_months: 2 }, t, fmt)), /au mois 2/);
  assert.match(plain(stepSentence({ ...res, payback_months: null }, t, fmt)), /non remboursée/);
});

test('floor rounding on the running total: why months alternate, said once; nothing when nothing alternates', () => {
  const { t, fmt } = ctx('fr');
  assert.equal(plain(roundingNote(8.4, 'floor', t, fmt)),
    'Affaires arrondies à l’inférieur sur le cumul des mois, pas mois par mois : 8,4 attendues par mois en régime donnent des mois à 8 et d’autres à 9, et le total ne perd jamais plus d’une affaire.');
  assert.equal(roundingNote(8.4, 'expected', t, fmt), null);
  assert.equal(roundingNote(12, 'floor', t, fmt), null);
  assert.equal(roundingNote(0, 'floor', t, fmt), null);
  assert.match(roundingNote(12.5, 'floor', ctx('en').t, ctx('en').fmt), /12\.5 expected a month at full volume gives months of 12 and months of 13/);
});
