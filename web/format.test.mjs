import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFormat, withWords } from './format.js';

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
