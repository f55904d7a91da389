// The widget's update function: typing the French way, sliders, refusals,
// and the host's baseline that no control throws away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, update } from './state.js';

const kinds = { 'funnel.close_rate': { kind: 'pct' }, 'value.deal_value': { kind: 'money' }, 'funnel.volume': { kind: 'num' } };
const baseline = { name: 'Acme', funnel: { volume: 40, close_rate: 0.2 }, value: { deal_value: 8000 } };
const start = (lang = 'fr') => update(initialState({ lang, kinds }), { type: 'load', scenario: baseline });
const run = (s, ...actions) => actions.reduce(update, s);

test('typed the French way: "12,5" % is 0.125 exactly, "9 500 €" is 9500; kept as typed', () => {
  const s = run(start(), { type: 'edit', path: 'funnel.close_rate', text: '12,5' }, { type: 'edit', path: 'value.deal_value', text: '9 500 €' });
  assert.equal(s.scenario.funnel.close_rate, 0.125);
  assert.equal(s.scenario.value.deal_value, 9500);
  assert.equal(s.texts['funnel.close_rate'], '12,5');
  assert.deepEqual(s.invalid, {});
  // English: the point.
  assert.equal(run(start('en'), { type: 'edit', path: 'value.deal_value', text: '9,500.5' }).scenario.value.deal_value, 9500.5);
});

test('a slider sets the value and the field shows it formatted (no typed text kept)', () => {
  let s = run(start(), { type: 'edit', path: 'funnel.close_rate', text: '3' }, { type: 'slide', path: 'funnel.close_rate', text: '27' });
  assert.equal(s.scenario.funnel.close_rate, 0.27);
  assert.equal('funnel.close_rate' in s.texts, false);
  s = run(s, { type: 'slide', path: 'value.deal_value', text: '12500' });
  assert.equal(s.scenario.value.deal_value, 12500);
});

test('a refused text keeps the last value and says why; an emptied field changes nothing', () => {
  let s = run(start(), { type: 'edit', path: 'funnel.volume', text: 'abc' });
  assert.deepEqual(s.invalid, { 'funnel.volume': { key: 'e:number' } });
  assert.equal(s.scenario.funnel.volume, 40);
  s = run(s, { type: 'edit', path: 'funnel.volume', text: '' });
  assert.deepEqual(s.invalid, {});
  assert.equal(s.scenario.funnel.volume, 40);
  // Leaving the field shows the value again; a refused text stays as typed.
  assert.equal('funnel.volume' in run(s, { type: 'commit', path: 'funnel.volume' }).texts, false);
  const bad = run(s, { type: 'edit', path: 'funnel.volume', text: '1' + '0'.repeat(400) }, { type: 'commit', path: 'funnel.volume' });
  assert.equal(bad.invalid['funnel.volume'].key, 'e:overflow');
  assert.equal(bad.texts['funnel.volume'].length, 401);
});

test('the baseline survives every control: edits change a copy, reset goes back to it', () => {
  const s0 = start();
  const s = run(s0, { type: 'slide', path: 'funnel.volume', text: '90' }, { type: 'edit', path: 'value.deal_value', text: '1' },
    { type: 'open', open: true }, { type: 'edit', path: 'funnel.close_rate', text: 'x' });
  assert.equal(s.baseline, baseline);
  assert.deepEqual(baseline, { name: 'Acme', funnel: { volume: 40, close_rate: 0.2 }, value: { deal_value: 8000 } });
  const back = run(s, { type: 'reset' });
  assert.equal(back.scenario, baseline);
  assert.deepEqual(back.texts, {});
  assert.deepEqual(back.invalid, {});
  assert.equal(back.open, true);
});

test('evaluated: a valid answer is kept with its scenario; a refusal keeps the last one, stale', () => {
  const ok = { ok: true, roi: 3 };
  let s = run(start(), { type: 'evaluated', result: ok, link: 'v=1&vol=40' });
  assert.equal(s.result, ok);
  assert.equal(s.valid, baseline);
  assert.equal(s.stale, false);
  s = run(s, { type: 'edit', path: 'funnel.close_rate', text: '150' });
  const refused = { ok: false, errors: [{ field: 'funnel.close_rate', code: 'range', params: { min: 0, max: 1, got: 1.5 } }] };
  s = run(s, { type: 'evaluated', result: refused, link: null });
  assert.equal(s.result, ok);
  assert.equal(s.valid, baseline);
  assert.equal(s.stale, true);
  assert.equal(s.errors[0].code, 'range');
  // Emptied, the refused field goes back to its last valid value (150 % is
  // not brought back when it loses the focus).
  s = run(s, { type: 'edit', path: 'funnel.close_rate', text: '' }, { type: 'commit', path: 'funnel.close_rate' });
  assert.equal(s.scenario.funnel.close_rate, 0.2);
  assert.equal('funnel.close_rate' in s.texts, false);
  assert.throws(() => update(s, { type: 'nope' }), /unknown action/);
});

test('a typed value is held for the slider\'s span until a reset; a slide does not move it', () => {
  let s = run(start(), { type: 'edit', path: 'value.deal_value', text: '18 000' });
  assert.equal(s.typed['value.deal_value'], 18000);
  s = run(s, { type: 'slide', path: 'value.deal_value', text: '12000' });
  assert.equal(s.typed['value.deal_value'], 18000, 'the span still holds 18 000 while the thumb moves');
  assert.equal(s.scenario.value.deal_value, 12000);
  assert.deepEqual(run(s, { type: 'reset' }).typed, {});
});
