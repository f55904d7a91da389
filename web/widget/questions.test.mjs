// Slider and text field in step: the slider's bounds widen to hold a typed
// value, its step becomes "any" off the grid, and a slid value snaps back
// to the grid; rates run in percent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sliderOf, snap, stepFrom, valueText, shortText } from './questions.js';
import { makeFormat } from '../format.js';
import { fill } from '../i18n-dict.js';
import fr from './texts-fr.js';

const close = { kind: 'pct', min: 0, max: 0.6, step: 0.01, short: 'a:close' };
const price = { kind: 'money', min: 0, max: 1000, step: 5, short: 'a:pmeet' };
const vol = { kind: 'num', min: 0, max: 200, step: 1, short: 'a:vol:meetings' };

test('sliderOf: rates in percent, bounds widened for a typed value, "any" off the grid', () => {
  assert.deepEqual(sliderOf(close, 0.2), { min: 0, max: 60, step: 1, value: 20 });
  assert.deepEqual(sliderOf(close, 0.125), { min: 0, max: 60, step: 'any', value: 12.5 });
  assert.deepEqual(sliderOf(close, 0.75), { min: 0, max: 75, step: 1, value: 75 });
  assert.deepEqual(sliderOf(close, 0.07), { min: 0, max: 60, step: 1, value: 7 }); // 0.07 * 100 is 7.000000000000001
  assert.deepEqual(sliderOf(price, 2000), { min: 0, max: 2000, step: 5, value: 2000 });
  // A typed 1 800 (or the host's 1 500) stays in the span while the thumb
  // moves down: the bounds do not follow it (a reviewer's thumb stuck at the
  // right end, the max shrinking at every move).
  assert.deepEqual(sliderOf(price, 1200, [150, 1800]), { min: 0, max: 1800, step: 5, value: 1200 });
  assert.deepEqual(sliderOf(price, 300, [1500, undefined]), { min: 0, max: 1500, step: 5, value: 300 });
  assert.deepEqual(sliderOf(close, 0.2, [0.25, 0.3]), { min: 0, max: 60, step: 1, value: 20 });
  assert.deepEqual(sliderOf(price, 152.5), { min: 0, max: 1000, step: 'any', value: 152.5 });
});

test('snap: a value slid from off the grid lands on it', () => {
  assert.equal(snap(price, '152.5'), '155');
  assert.equal(snap(price, '151'), '150');
  assert.equal(snap(close, '12.5'), '13');
  assert.equal(snap({ kind: 'money', min: 0, max: 20, step: 0.1 }, '1.2345'), '1.2');
});

test('stepFrom: a key on a slider off its grid goes to the next grid value that way, within the bounds', () => {
  const deal = { kind: 'money', min: 0, max: 50000, step: 250 };
  assert.equal(stepFrom(deal, '1800', 1, 0, 50000), '2000');
  assert.equal(stepFrom(deal, '1800', -1, 0, 50000), '1750');
  assert.equal(stepFrom(deal, '1800', 10, 0, 50000), '4250');
  assert.equal(stepFrom(price, '152', 1, 0, 1000), '155');
  assert.equal(stepFrom(price, '152', -1, 0, 1000), '150');
  assert.equal(stepFrom(close, '12.5', 1, 0, 60), '13');
  assert.equal(stepFrom(close, '12.5', -1, 0, 60), '12');
  assert.equal(stepFrom(price, '1002', 1, 0, 1002), '1002'); // widened bound: stays
  assert.equal(stepFrom(price, '2.5', -10, 0, 1000), '0');
  assert.equal(stepFrom({ kind: 'money', min: 0, max: 20, step: 0.1 }, '1.25', 1, 0, 20), '1.3');
});

test('the slider\'s spoken value and the line of assumptions', () => {
  const ctx = { t: (k, p, n) => fill((n === 1 && fr[k + '.one']) || fr[k], p), fmt: makeFormat('fr', 'EUR') };
  const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ');
  assert.equal(plain(valueText(price, 150, ctx)), '150 €');
  assert.equal(plain(valueText(close, 0.2, ctx)), '20 %');
  assert.equal(valueText(vol, 50, ctx), '50 rendez-vous par mois');
  assert.equal(plain(shortText({ kind: 'pct', short: 'a:margin' }, 0.4, ctx)), 'marge brute de 40 %');
  assert.equal(shortText({ kind: 'num', short: 'a:ops' }, 1, ctx), '1 téléopérateur');
  assert.equal(shortText({ kind: 'num', short: 'a:ops' }, 2, ctx), '2 téléopérateurs');
});
