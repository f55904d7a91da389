import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitPath, getPath, setPath, dropList, shiftList, omit } from './scenario.js';

test('splitPath reads dots and indices', () => {
  assert.deepEqual(splitPath('costs.fixed[1].amount'), ['costs', 'fixed', '1', 'amount']);
  assert.deepEqual(splitPath('channels[12].funnel.entry'), ['channels', '12', 'funnel', 'entry']);
});

test('getPath returns the value or undefined', () => {
  const s = { funnel: { close_rate: 0.25 }, costs: { fixed: [{ amount: 1 }, { amount: 2 }] } };
  assert.equal(getPath(s, 'funnel.close_rate'), 0.25);
  assert.equal(getPath(s, 'costs.fixed[1].amount'), 2);
  assert.equal(getPath(s, 'value.deal_value'), undefined);
  assert.equal(getPath(s, 'funnel.close_rate.x'), undefined);
  assert.equal(getPath(null, 'a'), undefined);
});

test('setPath copies, creates objects on the way, deletes with undefined', () => {
  const s = { funnel: { close_rate: 0.25 } };
  const t = setPath(s, 'value.deal_value', 6000);
  assert.deepEqual(s, { funnel: { close_rate: 0.25 } }, 'the original is untouched');
  assert.deepEqual(t, { funnel: { close_rate: 0.25 }, value: { deal_value: 6000 } });
  assert.deepEqual(setPath(t, 'funnel.close_rate', undefined), { funnel: {}, value: { deal_value: 6000 } });
  assert.deepEqual(setPath({ costs: { fixed: [{ amount: 1 }] } }, 'costs.fixed[0].label', 'x'), { costs: { fixed: [{ amount: 1, label: 'x' }] } });
  assert.deepEqual(setPath(undefined, 'a.b', 1), { a: { b: 1 } });
});

test('dropList and shiftList move per-path maps with their list', () => {
  const m = { 'channels[0].name': 'a', 'channels[1].name': 'b', 'channels[2].funnel.volume': 'c', name: 'n' };
  assert.deepEqual(dropList(m, 'channels'), { name: 'n' });
  assert.deepEqual(shiftList(m, 'channels', 1), { 'channels[0].name': 'a', 'channels[1].funnel.volume': 'c', name: 'n' });
  assert.deepEqual(shiftList({ 'costs.fixed[0].amount': 'x', 'costs.fixed[3].label': 'y' }, 'costs.fixed', 0),
    { 'costs.fixed[2].label': 'y' });
});

test('omit', () => {
  assert.deepEqual(omit({ a: 1, b: 2 }, ['a', 'c']), { b: 2 });
});
