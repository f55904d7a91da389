// parseNumber: numbers typed the French or English way; anything the page
// cannot hold exactly as typed (overflow, underflow to 0) is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber, percentToFraction } from './parse.js';

test('French and English numbers', () => {
  assert.deepEqual(parseNumber('0,25', 'fr'), { value: 0.25, text: '0.25' });
  assert.deepEqual(parseNumber('1 800', 'fr'), { value: 1800, text: '1800' });
  assert.deepEqual(parseNumber('1\u202f800,5 €', 'fr'), { value: 1800.5, text: '1800.5' });
  assert.deepEqual(parseNumber('1.800,5', 'fr'), { value: 1800.5, text: '1800.5' });
  assert.deepEqual(parseNumber('1,800.5', 'en'), { value: 1800.5, text: '1800.5' });
  assert.deepEqual(parseNumber('1,800', 'en'), { value: 1800, text: '1800' });
  assert.deepEqual(parseNumber('1,800', 'fr'), { value: 1.8, text: '1.800' });
  assert.deepEqual(parseNumber('25 %', 'fr'), { value: 25, text: '25' });
  assert.deepEqual(parseNumber('\u22122 000', 'fr'), { value: -2000, text: '-2000' });
  assert.deepEqual(parseNumber('£2,000', 'en'), { value: 2000, text: '2000' });
  // A dot and three digits: French grouping, English decimals; a leading 0
  // is never a group.
  assert.deepEqual(parseNumber('12.500', 'fr'), { value: 12500, text: '12500' });
  assert.deepEqual(parseNumber('12.500 €', 'fr'), { value: 12500, text: '12500' });
  assert.deepEqual(parseNumber('12.500', 'en'), { value: 12.5, text: '12.500' });
  assert.deepEqual(parseNumber('12.5', 'fr'), { value: 12.5, text: '12.5' });
  assert.deepEqual(parseNumber('0.125', 'fr'), { value: 0.125, text: '0.125' });
  assert.deepEqual(parseNumber('0,125', 'en'), { value: 0.125, text: '0.125' });
});

test('thousands and millions written k and M, moved exactly in the text', () => {
  for (const [s, lang, value, text] of [['12,5k', 'fr', 12500, '12500'], ['12,5 k€', 'fr', 12500, '12500'], ['2K', 'en', 2000, '2000'],
    ['1.2M', 'en', 1200000, '1200000'], ['1,25 M€', 'fr', 1250000, '1250000'], ['0,0015k', 'fr', 1.5, '1.5'], ['€3k', 'en', 3000, '3000'],
    ['-1,5k', 'fr', -1500, '-1500'], ['3 kEUR', 'fr', 3000, '3000']]) {
    assert.deepEqual(parseNumber(s, lang), { value, text }, s);
  }
  // What may stand around a number: a currency before it, a sign on either
  // side of that; after it a currency (per hour, per month), %, ×, hours,
  // months, years.
  for (const [s, lang, value] of [['€-3', 'fr', -3], ['-€3', 'en', -3], ['EUR 1 200', 'fr', 1200], ['45 €/h', 'fr', 45],
    ['3x', 'fr', 3], ['3 ×', 'fr', 3], ['x3', 'en', 3], ['3 fois', 'fr', 3], ['150 h', 'fr', 150], ['140 heures', 'fr', 140],
    ['140 h/mois', 'fr', 140], ['1 800 USD', 'en', 1800], ['+25 %', 'fr', 25], ['6 000 €/mois', 'fr', 6000], ['3 MOIS', 'fr', 3],
    ['8 000 euros', 'fr', 8000], ['1 euro', 'fr', 1], ['6 000 € HT', 'fr', 6000], ['6 000 € TTC', 'fr', 6000], ['45 €/heure', 'fr', 45],
    ['€45/hr', 'en', 45], ['$45/hour', 'en', 45], ['£2m', 'en', 2e6], ['$1.5m', 'en', 1.5e6], ['3k$', 'en', 3000],
    // Other currencies as Intl writes them beside a field: « 1 800 $US », « US$1,800 », « 300 CA$ », « 1 800 SEK ».
    ['1 800 $US', 'fr', 1800], ['US$1,800', 'en', 1800], ['300 CA$', 'fr', 300], ['A$300', 'en', 300], ['1 800 SEK', 'fr', 1800]]) {
    assert.equal(parseNumber(s, lang).value, value, s);
  }
  // Units that are words stay units: 12 mois is 12.
  assert.deepEqual(parseNumber('12 mois', 'fr'), { value: 12, text: '12' });
  assert.deepEqual(parseNumber('12 Mois', 'fr'), { value: 12, text: '12' });
});

test('an empty field is the default, not an error', () => {
  assert.deepEqual(parseNumber('', 'fr'), { value: null });
  assert.deepEqual(parseNumber('  \u00a0', 'en'), { value: null });
});

test('text that is not a number is refused with a reason', () => {
  // Letters typed by mistake are refused, not dropped: "6OOO" (O for 0)
  // would read 6, "1 8OO" 18, "150abc" and "abc150" 150.
  for (const s of ['abc', '1,2,3.4.5', '12b3', '-', ',', '1 2,3,4', '6OOO', '1 8OO', '150abc', 'abc150', '12 moiss', '5 kg', '3 €€', '--3', 'k€',
    // Years in a field of months would read as months: refused, not 2 months.
    '2 ans', '3 years']) {
    const r = parseNumber(s, 'fr');
    assert.equal(r.error, true, s);
    assert.equal(r.reason, 'format', s);
  }
});

test('an overflowing number is refused, never Infinity or the default', () => {
  for (const s of ['1' + '0'.repeat(400), '9'.repeat(309), '-1' + '0'.repeat(400), '1' + '0'.repeat(400) + ',5']) {
    assert.deepEqual(parseNumber(s, 'fr'), { error: true, reason: 'overflow' }, s.slice(0, 5));
  }
  // The largest finite numbers still read.
  assert.equal(parseNumber('1' + '0'.repeat(300), 'fr').value, 1e300);
});

test('a non-zero number too small to hold is refused, not turned into 0', () => {
  assert.deepEqual(parseNumber('0,' + '0'.repeat(400) + '1', 'fr'), { error: true, reason: 'underflow' });
  assert.deepEqual(parseNumber('0,' + '0'.repeat(400), 'fr').value, 0);
});

test('percentToFraction moves the decimal point in the text', () => {
  assert.equal(percentToFraction('12.5'), 0.125);
  assert.equal(percentToFraction('7'), 0.07);
  assert.equal(percentToFraction('-0.5'), -0.005);
});
