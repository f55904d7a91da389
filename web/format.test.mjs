import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFormat, withWords, shownLength } from './format.js';

test('format: money, rates and multiples in the page language', () => {
  const fr = makeFormat('fr', 'EUR'), en = makeFormat('en', 'EUR');
  assert.equal(fr.money(22800).replace(/\s/g, ' '), '22 800 €');
  assert.equal(en.money(22800), '€22,800');
  assert.equal(fr.pct(3.8).replace(/\s/g, ' '), '380 %');
  assert.equal(fr.mult(4.8), '4,8×');
  assert.equal(makeFormat('fr', 'XYZ?').money(1).replace(/\s/g, ' '), '1 €', 'an unknown currency falls back to the euro');
});

test('format: a payback of 0 months is said in words', () => {
  const t = (k) => ({ 'pb.zero': 'dès la signature' })[k];
  const fmt = withWords(makeFormat('fr', 'EUR'), t);
  assert.equal(fmt.payback(0), 'dès la signature');
  assert.equal(fmt.payback(3).replace(/\s/g, ' '), '3 mois');
  assert.equal(fmt.payback(1.5).replace(/\s/g, ' '), '1,5 mois');
});

test('format: one precision per size: cents under 100, whole above; one decimal under 100 %, whole above', () => {
  const fr = makeFormat('fr', 'EUR');
  const s = (x) => x.replace(/\s/g, ' ');
  for (const [v, want] of [[0.85, '0,85 €'], [42.5, '42,50 €'], [99.994, '99,99 €'], [806.4, '806 €'], [833.33, '833 €'], [-1150.5, '-1 151 €'], [120, '120 €']]) {
    assert.equal(s(fr.money(v)), want, String(v));
  }
  for (const [v, want] of [[0.048, '4,8 %'], [0.999, '99,9 %'], [7.064, '706 %'], [3.597, '360 %'], [-0.26, '-26 %'], [-1.5, '-150 %']]) {
    assert.equal(s(fr.pct(v)), want, String(v));
  }
});

test('format: a maximum is rounded down, so that the price shown still pays', () => {
  const fr = makeFormat('fr', 'EUR');
  const s = (x) => x.replace(/\s/g, ' ');
  assert.equal(s(fr.upTo(426.67)), '426 €');
  assert.equal(s(fr.upTo(576)), '576 €');
  assert.equal(s(fr.upTo(575.9999999999)), '576 €', 'a float a hair under a whole amount is that amount');
  assert.equal(s(fr.upTo(42.5)), '42,50 €');
});

test('format: a minimum of zero or below is "none", and plurals follow the language', () => {
  const t = (k) => ({ 'min.none': 'Aucun' })[k];
  const fmt = withWords(makeFormat('fr', 'EUR'), t);
  assert.equal(fmt.minMoney(-1150), 'Aucun');
  assert.equal(fmt.minMoney(0), 'Aucun');
  assert.equal(fmt.minMoney(1250).replace(/\s/g, ' '), '1 250 €');
  assert.equal(fmt.plural(1), 'one');
  assert.equal(fmt.plural(0), 'one', 'French: zero takes the singular');
  assert.equal(withWords(makeFormat('en', 'EUR'), t).plural(0), 'other');
  assert.equal(fmt.plural(3), 'other');
});

test('format: a minus before a currency sign is held to it (no line ends on « - »), and reads back', async () => {
  const { parseNumber } = await import('./parse.js');
  const en = makeFormat('en', 'EUR'), fr = makeFormat('fr', 'EUR');
  assert.equal(en.money(-2568), '-\u2060€2,568');
  assert.equal(en.figure(-179000), '-\u2060€179.0k');
  assert.equal(en.price(-120.5), '-\u2060€120.50');
  assert.equal(shownLength(en.money(-12345)), 8, 'the joiner takes no room: « -€12,345 » is 8 characters wide');
  assert.ok(!fr.money(-352).includes('\u2060'), 'a minus before digits breaks nowhere already');
  assert.equal(en.money(2568), '€2,568');
  assert.equal(parseNumber(en.money(-2568), 'en').value, -2568);
});
