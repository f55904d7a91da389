import { test } from 'node:test';
import assert from 'node:assert/strict';
import { carrier } from './risk.js';

test('the cost stays when the results halve: you carry the risk', () => {
  assert.deepEqual(carrier(5000, 5000), { key: 'carry.you', params: { c: 5000 } });
  assert.equal(carrier(0, 0).key, 'carry.you');
  assert.equal(carrier(5000, 5000.001).key, 'carry.you', 'a rounding is no change');
});

test('the cost falls: the provider shares the risk, by the share it falls', () => {
  assert.deepEqual(carrier(6000, 3000), { key: 'carry.shared', params: { c: 3000, d: 0.5 } });
  const r = carrier(8000, 6000);
  assert.equal(r.key, 'carry.shared');
  assert.ok(Math.abs(r.params.d - 0.25) < 1e-12);
});

test('no cost from the core: no words', () => {
  assert.equal(carrier(null, 3000), null);
  assert.equal(carrier(6000, null), null);
  assert.equal(carrier(undefined, undefined), null);
});

test('a model paid by the hour with no hours entered asks for the hours, whatever its cost', () => {
  assert.deepEqual(carrier(0, 0, true), { key: 'carry.hours', params: {} });
  assert.deepEqual(carrier(5000, 5000, true), { key: 'carry.hours', params: {} });
  assert.equal(carrier(0, 0, false).key, 'carry.you');
});
