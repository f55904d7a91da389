// The widget's answer in words, on the core's own results (the native CLI
// evaluates each case): the prospect (150 € per meeting, 8 000 €
// deals, 20 % signed) reads « Rentable jusqu'à 640 € par rendez-vous », each
// preset's starting values their verdict, and a loss is said plainly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answer, facts, figures, range } from './verdict.js';
import { say, ctaLabel } from './answer.js';
import { PRESETS } from './presets.js';
import { makeFormat } from '../format.js';
import { fill } from '../i18n-dict.js';
import fr from './texts-fr.js';
import en from './texts-en.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/release/roi');
const decode = (link) => JSON.parse(spawnSync(cli, ['link', 'decode', link], { encoding: 'utf8' }).stdout);
const evaluate = (sc) => JSON.parse(spawnSync(cli, ['eval', '-'], { input: JSON.stringify(sc), encoding: 'utf8' }).stdout);
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2011/g, '-');

/** The headline and the line under it, in lang, for a link's scenario. */
function sentence(link, lang = 'fr') {
  const sc = decode(link), res = evaluate(sc);
  const table = lang === 'en' ? en : fr;
  const t = (k, p = {}) => fill(table[k] ?? k, p);
  const fmt = makeFormat(lang, sc.currency);
  const ctx = { t, fmt, each: sc.currency === 'EUR' ? { lower: t('each'), upper: t('Each') } : { lower: makeFormat(lang, sc.currency).money(1), upper: makeFormat(lang, sc.currency).money(1) } };
  const a = answer(res, facts(sc));
  return { tone: a.tone, big: plain(say(a.big, ctx)), sub: plain(say(a.sub, ctx)), res, ctx };
}

test('the issue\'s prospect: profitable up to 640 € a meeting; at 150 €, each euro returns 3,27 € net', () => {
  const s = sentence(PRESETS['pay-per-meeting'].start);
  assert.equal(s.res.breakeven.max_price, 640);
  assert.equal(s.tone, 'ok');
  assert.equal(s.big, 'Rentable jusqu’à 640 € par rendez-vous');
  assert.equal(s.sub, 'À 150 €, chaque euro investi rapporte 3,27 € net.');
  const e = sentence(PRESETS['pay-per-meeting'].start, 'en');
  assert.equal(e.big, 'Profitable up to €640 per meeting');
  assert.equal(e.sub, 'At €150, each euro invested returns €3.27 net.');
});

test('each preset\'s starting values: a verdict on its own price', () => {
  const want = {
    'in-house': ['Rentable jusqu’à 68,57 € de l’heure', 'À 35 €, chaque euro investi rapporte 0,96 € net.'],
    'provider-hourly': ['Rentable jusqu’à 91,43 € de l’heure', 'À 45 €, chaque euro investi rapporte 1,03 € net.'],
    'lead-generation': ['Rentable jusqu’à 16 000 € de budget', 'À 6 000 €, chaque euro investi rapporte 1,67 € net.'],
  };
  for (const [name, [big, sub]] of Object.entries(want)) {
    const s = sentence(PRESETS[name].start);
    assert.equal(s.tone, 'ok', name);
    assert.equal(s.big, big, name);
    assert.equal(s.sub, sub, name);
  }
});

test('a loss is said plainly, with the break-even price; other currencies say 1 £', () => {
  const s = sentence('v=1&entry=meetings&model=per_meeting&pmeet=700&deal=8000&close=0.2&vol=50&margin=0.4');
  assert.equal(s.tone, 'ko');
  assert.equal(s.big, 'Pas rentable à 700 € par rendez-vous');
  assert.equal(s.sub, 'Seuil : 640 € par rendez-vous. Chaque euro investi perd 0,09 €.');
  const g = sentence('v=1&cur=GBP&entry=meetings&model=per_meeting&pmeet=700&deal=8000&close=0.2&vol=50&margin=0.4', 'en');
  assert.equal(g.big, 'Not profitable at £700 per meeting');
  assert.equal(g.sub, 'Break-even: £640 per meeting. £1 invested loses £0.09.');
});

test('nothing to sell, nothing paid, no hours, a target ROI', () => {
  const none = sentence('v=1&entry=meetings&model=per_meeting&pmeet=150&deal=8000&close=0&vol=50&margin=0.4');
  assert.deepEqual([none.tone, none.big, none.sub], ['ko', 'Pas rentable, même gratuit', 'Aucune affaire signée : augmentez le volume ou le taux de signature.']);
  const free = sentence('v=1&entry=meetings&model=per_meeting&pmeet=0&deal=8000&close=0.2&vol=50&margin=0.4');
  assert.deepEqual([free.tone, free.big, free.sub], ['ok', 'Rentable jusqu’à 640 € par rendez-vous', 'À 0 €, la campagne ne vous coûte rien.']);
  const hours = sentence('v=1&entry=meetings&model=in_house&ihc=35&hrs=0&ops=2&deal=8000&close=0.2&vol=30&margin=0.4');
  assert.deepEqual([hours.tone, hours.big], ['', 'Combien d’heures par mois ?']);
  const empty = sentence('v=1&entry=meetings&model=per_meeting&pmeet=150&deal=8000&close=0.2&vol=0&margin=0.4');
  assert.deepEqual([empty.tone, empty.big], ['ko', 'Rien à juger avec ces chiffres']);
  // A target ROI of 50 %: the max price is the one that reaches it.
  const t = sentence('v=1&tr=0.5&entry=meetings&model=per_meeting&pmeet=500&deal=8000&close=0.2&vol=50&margin=0.4');
  assert.ok(Math.abs(t.res.breakeven.max_price - 1280 / 3) < 1e-9);
  assert.equal(t.big, 'ROI de 50 % manqué à 500 € par rendez-vous');
  assert.equal(t.sub, 'Objectif atteint jusqu’à 426 €. À 500 €, chaque euro rapporte 0,28 € net.');
});

test('a host scenario paid per meeting held: its price said per meeting held, as the full page says it', () => {
  const s = sentence('v=1&entry=meetings&model=per_meeting&basis=held&pmeet=150&deal=8000&close=0.2&vol=50&show=0.8&margin=0.4');
  assert.match(s.big, /^Rentable jusqu’à \d+ € par rendez-vous tenu$/);
  assert.match(sentence('v=1&entry=meetings&model=per_meeting&basis=held&pmeet=150&deal=8000&close=0.2&vol=50&show=0.8&margin=0.4', 'en').big, /per meeting held$/);
});

test('at break-even, a price as typed, no « -0 % », no « perd 0 € »; no margin says so', () => {
  // 640,50 € a meeting against a break-even of 640 €: a loss of 25 € on 32 025 €.
  const over = sentence('v=1&entry=meetings&model=per_meeting&pmeet=640.5&deal=8000&close=0.2&vol=50&margin=0.4');
  assert.deepEqual([over.tone, over.big, over.sub], ['ko', 'Pas rentable à 640,50 € par rendez-vous', 'À 640,50 €, la campagne couvre tout juste ses coûts.']);
  assert.equal(plain(over.ctx.fmt.pct0(over.res.roi)), '0 %');
  const under = sentence('v=1&entry=meetings&model=per_meeting&pmeet=638&deal=8000&close=0.2&vol=50&margin=0.4');
  assert.deepEqual([under.tone, under.sub], ['ok', 'À 638 €, la campagne couvre tout juste ses coûts.']);
  assert.equal(plain(ctaLabel('Recevoir mon étude ({roi})', under.res, under.ctx.fmt)), 'Recevoir mon étude');
  const en = sentence('v=1&entry=meetings&model=per_meeting&pmeet=640.5&deal=8000&close=0.2&vol=50&margin=0.4', 'en');
  assert.equal(en.sub, 'At €640.50, the campaign just covers its costs.');
  for (const link of ['v=1&entry=meetings&model=per_meeting&pmeet=150&deal=0&close=0.2&vol=50&margin=0.4',
    'v=1&entry=meetings&model=per_meeting&pmeet=150&deal=8000&close=0.2&vol=50&margin=0']) {
    const s = sentence(link);
    assert.deepEqual([s.tone, s.big, s.sub], ['ko', 'Pas rentable, même gratuit', 'Aucune marge à gagner : le panier moyen ou le taux de marge est à 0.'], link);
  }
});

test('figures, range and call to action: the core\'s numbers, formatted', () => {
  const s = sentence(PRESETS['pay-per-meeting'].start);
  assert.deepEqual(figures('unit_costs.deal').map((f) => f.path), ['roi', 'net', 'unit_costs.deal']);
  const r = range(s.res);
  assert.equal(plain(say({ key: 'range', params: r }, s.ctx)), 'Résultat net entre 12 980 € (prudent) et 38 580 € (ambitieux)');
  // Large amounts as the net figure beside the range shows them.
  const big = sentence('v=1&round=expected&entry=meetings&model=per_meeting&pmeet=150&deal=50000&close=0.6&vol=200&margin=1');
  assert.match(plain(say({ key: 'range', params: range(big.res) }, big.ctx)), /^Résultat net entre \d+(,\d)? M € \(prudent\) et \d+(,\d)? M € \(ambitieux\)$/);
  assert.equal(plain(ctaLabel('Recevoir mon étude ({roi})', s.res, s.ctx.fmt)), 'Recevoir mon étude (327 %)');
  assert.equal(plain(ctaLabel('{net} / {max} / {nope}', s.res, s.ctx.fmt)), '24 500 € / 640 € / {nope}');
  // A loss, or no figure, is not offered: the figure goes, with its brackets.
  const loss = { roi: -0.35, net: -4200, breakeven: { max_price: null } };
  assert.equal(ctaLabel('Recevoir mon étude ({roi})', loss, s.ctx.fmt), 'Recevoir mon étude');
  assert.equal(ctaLabel('Recevoir mon plan ({net} par mois)', loss, s.ctx.fmt), 'Recevoir mon plan');
  assert.equal(ctaLabel('Mon étude ({roi}) offerte', { ...loss, roi: null }, s.ctx.fmt), 'Mon étude offerte');
  assert.equal(plain(ctaLabel('ROI {roi}, net {net}', { ...loss, roi: 0.5 }, s.ctx.fmt)), 'ROI 50 %, net');
  assert.equal(range({ scenarios: { prudent: { net: 5, roi: 1 }, ambitious: { net: 5, roi: 1 } } }), null);
});

test('no deal because no lead books a meeting: the share to raise is the one named, not the volume or the close rate', () => {
  const start = PRESETS['lead-generation'].start;
  const s = sentence(start.replace('meet=0.25', 'meet=0'));
  assert.equal(s.res.funnel.meetings, 0);
  assert.equal(s.tone, 'ko');
  assert.equal(s.sub, 'Aucun lead ne donne de rendez-vous : augmentez cette part.');
  assert.equal(sentence(start.replace('meet=0.25', 'meet=0'), 'en').sub, 'No lead books a meeting: raise that share.');
  // No deal with meetings booked (a 0 % close rate): the volume or the close rate, as before.
  assert.equal(sentence(start.replace('close=0.2', 'close=0')).sub, 'Aucune affaire signée : augmentez le volume ou le taux de signature.');
  assert.equal(sentence(start.replace('vol=80', 'vol=0')).sub, 'Aucune affaire signée : augmentez le volume ou le taux de signature.');
});
