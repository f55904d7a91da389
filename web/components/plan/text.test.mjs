// The plan in one sentence, from a plan object as the core writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fr from '../../i18n-fr.js';
import en from '../../i18n-en.js';
import { dict, tr } from '../../i18n.js';
import { makeFormat, withWords } from '../../format.js';
import { planSentence } from './text.js';

dict.fr = fr; dict.en = en;
const ctx = (lang) => {
  const t = (k, p) => tr(lang, k, p);
  return { t, fmt: withWords(makeFormat(lang, 'EUR'), t) }; // as the page gives it (app.js)
};
const plain = (s) => s.replace(/[\u202f\u00a0]/g, ' ');

// `roi eval tests/fixtures/goal-net-result.json`
const plan = { metric: 'net', value: 50000, reachable: true, volume: 108, scale: 2.16,
  funnel: { meetings: 108, held: 108, opportunities: 108, deals_expected: 27, deals: 27 },
  hours: 0, operators: null, cost: 12960, revenue: 162000, margin: 64800, net: 51840, roi: 4, sales_hours: 0 };

test('goal net result: volume in the entry stage, scale, cost, what it gives', () => {
  const { t, fmt } = ctx('fr');
  const s = plain(planSentence(plan, 'meetings', t, fmt));
  assert.match(s, /^Pour 50 000 € de résultat net : 108 rendez-vous, 2,16 fois la campagne actuelle, pour un coût de 12 960 €\./);
  assert.match(s, /27 affaires signées, 51 840 € de résultat net \(ROI 400 %\)/);
  assert.doesNotMatch(s, /heures|téléopérateurs/, 'no hours when none are known');
  const e = ctx('en');
  assert.match(plain(planSentence(plan, 'meetings', e.t, e.fmt)), /^For €50,000 of net result: 108 meetings, 2.16 times the current campaign, at a cost of €12,960\./);
});

test('hours and callers when the hours are known; no scale when there was no volume', () => {
  const { t, fmt } = ctx('fr');
  const s = plain(planSentence({ ...plan, metric: 'deals', value: 10, hours: 560, operators: 4 }, 'calls', t, fmt));
  assert.match(s, /^Pour 10 affaires signées : 108 appels/);
  assert.match(s, /Soit 560 heures de travail et 4 téléopérateurs\./);
  // One person is one « téléopérateur », one "caller".
  assert.match(plain(planSentence({ ...plan, hours: 134.4, operators: 1 }, 'calls', t, fmt)), /et 1 téléopérateur\./);
  const e = ctx('en');
  assert.match(plain(planSentence({ ...plan, hours: 134.4, operators: 1 }, 'calls', e.t, e.fmt)), /and 1 caller\./);
  assert.match(plain(planSentence({ ...plan, hours: 30, operators: null, scale: null }, 'calls', t, fmt)), /108 appels, pour un coût.*Soit 30 heures de travail\./);
});

test('a volume is said whole, rounded up: 8 333,33 calls are 8 334 to make', () => {
  const { t, fmt } = ctx('fr');
  const s = plain(planSentence({ ...plan, metric: 'revenue', value: 150000, volume: 8333.333333333334 }, 'calls', t, fmt));
  assert.match(s, /: 8 334 appels,/);
});

test('one deal, or in French none, is singular: « 1 affaire signée », « 0 affaire signée »', () => {
  const { t, fmt } = ctx('fr');
  const one = plain(planSentence({ ...plan, metric: 'deals', value: 1, funnel: { ...plan.funnel, deals: 1 } }, 'meetings', t, fmt));
  assert.match(one, /^Pour 1 affaire signée :/);
  assert.match(one, /Résultat attendu : 1 affaire signée,/);
  assert.match(plain(planSentence({ ...plan, funnel: { ...plan.funnel, deals: 0 } }, 'meetings', t, fmt)), /Résultat attendu : 0 affaire signée,/);
  const e = ctx('en');
  assert.match(plain(planSentence({ ...plan, funnel: { ...plan.funnel, deals: 0 } }, 'meetings', e.t, e.fmt)), /Expected: 0 deals signed,/);
});

test('an unreachable goal says so plainly, and why', () => {
  const { t, fmt } = ctx('fr');
  const out = { metric: 'net', value: 50000, reachable: false, volume: null, scale: null, funnel: null, hours: null, operators: null, cost: null, revenue: null, margin: null, net: null, roi: null };
  const s = plain(planSentence(out, 'meetings', t, fmt));
  assert.match(s, /objectif inatteignable en augmentant cette campagne/);
  assert.match(s, /Chaque affaire supplémentaire coûte plus qu’elle ne rapporte/);
  assert.match(plain(planSentence({ ...out, metric: 'revenue' }, 'meetings', t, fmt)), /n’en produit aucun/);
});

test('with a projection, the campaign entered is one month of it: the goal says « par mois »', () => {
  const { t, fmt } = ctx('fr');
  assert.match(plain(planSentence(plan, 'meetings', t, fmt, true)), /^Pour 50 000 € de résultat net par mois : 108 rendez-vous/);
  const e = ctx('en');
  assert.match(plain(planSentence(plan, 'meetings', e.t, e.fmt, true)), /^For €50,000 of net result per month: 108 meetings/);
});

test('costs that do not follow the volume are said kept as they are, when the plan scales the campaign', () => {
  const { t, fmt } = ctx('fr');
  assert.match(plain(planSentence(plan, 'meetings', t, fmt, false, 15000)), /12 960 €\. Dont 15 000 € de coûts qui ne suivent pas le volume \(forfait, autres coûts\), comptés tels quels : ajustez-les/);
  assert.doesNotMatch(plain(planSentence(plan, 'meetings', t, fmt, false, 0)), /Dont/);
  assert.doesNotMatch(plain(planSentence({ ...plan, scale: 1 }, 'meetings', t, fmt, false, 15000)), /Dont/, 'the campaign as it is: nothing scaled');
  const e = ctx('en');
  assert.match(plain(planSentence(plan, 'meetings', e.t, e.fmt, false, 15000)), /Of which €15,000 of costs that do not follow the volume/);
});
