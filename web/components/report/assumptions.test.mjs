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
    { path: 'funnel.entry', kind: 'select', value: 'calls' }, { path: 'costs.model', kind: 'select', value: 'in_house' },
    { fixed: { label: 'Fichiers', amount: 2000 } },
    { range: 'funnel.close_rate', low: 0.1, high: 0.3 },
    { channels: ['Emailing', '2'] },
  ]);
  assert.deepEqual(assumptions({}, fields), [{ path: 'funnel.entry', kind: 'select', value: 'calls' }, { path: 'costs.model', kind: 'select', value: 'in_house' }],
    'the model and the stage the volume counts, even at their defaults');
});

test('the observed counts first, the ramp-up of a projection; the model and the starting stage always', () => {
  const sc = { funnel: { volume: 2400 }, schedule: { months: 6, ramp: [0.4, 0.7, 0.9] } };
  assert.deepEqual(assumptions(sc, fields, { calls: 1800, meetings: 54 }), [
    { observed: [['calls', 1800], ['meetings', 54]] },
    { path: 'funnel.entry', kind: 'select', value: 'calls' }, { path: 'funnel.volume', kind: 'num', value: 2400 },
    { path: 'costs.model', kind: 'select', value: 'in_house' },
    { ramp: [0.4, 0.7, 0.9] },
  ]);
  assert.equal(assumptions({ schedule: { months: 0, ramp: [0.5] } }, fields).some((a) => a.ramp), false, 'no projection: no ramp-up');
});
