import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assumptions } from './assumptions.js';

const fields = [
  { path: 'name', kind: 'text', dflt: '' }, { path: 'currency', kind: 'currency', dflt: 'EUR' },
  { path: 'funnel.entry', kind: 'select', dflt: 'calls' }, { path: 'funnel.volume', kind: 'num', dflt: 0 },
  { path: 'funnel.close_rate', kind: 'pct', dflt: 0.2 }, { path: 'costs.model', kind: 'select', dflt: 'in_house' },
];

test('only what differs from the defaults, in the fields order, the name left to the title', () => {
  const sc = { name: 'X', currency: 'EUR', funnel: { entry: 'meetings', volume: 50, close_rate: 0.2 }, costs: { model: 'per_meeting' } };
  assert.deepEqual(assumptions(sc, fields), [
    { path: 'funnel.entry', kind: 'select', value: 'meetings' },
    { path: 'funnel.volume', kind: 'num', value: 50 },
    { path: 'costs.model', kind: 'select', value: 'per_meeting' },
  ]);
});

test('other costs, ranges and channels follow; an empty scenario has none', () => {
  const sc = { costs: { fixed: [{ label: 'Fichiers', amount: 2000 }, { label: '', amount: 0 }] },
    uncertainty: { ranges: { 'funnel.close_rate': [0.1, 0.3] } }, channels: [{ name: 'Emailing' }, {}] };
  assert.deepEqual(assumptions(sc, fields), [
    { fixed: { label: 'Fichiers', amount: 2000 } },
    { range: 'funnel.close_rate', low: 0.1, high: 0.3 },
    { channels: ['Emailing', '2'] },
  ]);
  assert.deepEqual(assumptions({}, fields), []);
});
