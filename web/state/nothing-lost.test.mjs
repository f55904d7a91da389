// The state's side of issue 10: a valid scenario too big for a link stays
// valid (results, export, host) with no link and one notice that says so;
// a number the page cannot hold is refused like any bad typing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCoreFields } from '../fields.js';
import { initialState, update } from './update.js';
import { readValue } from './values.js';

applyCoreFields({ fields: [
  { path: 'funnel.entry', values: ['calls', 'contacts', 'leads', 'meetings', 'held', 'opportunities', 'deals'], default: 'calls' },
  { path: 'costs.model', values: ['in_house', 'hourly', 'hybrid', 'per_call', 'per_meeting', 'per_deal', 'flat'], default: 'in_house' },
] });

const view = { lang: 'fr', retro: false, samples: '10000', seedText: '1', byRank: false, currency: null, example: null };
const ok = { ok: true, warnings: [], name: 'x' };
const base = () => update(initialState(view), { type: 'load', scenario: { funnel: { entry: 'meetings', volume: 50, close_rate: 0.25 } } });
const TOO_LONG = { bytes: 11479, max: 8192 };

test('evaluated with no link but tooLong: valid, link emptied, one notice offering the JSON file', () => {
  let s = update(base(), { type: 'evaluated', result: ok, link: 'v=1&close=0.25' });
  assert.equal(s.link, 'v=1&close=0.25');
  assert.equal(s.valid, s.scenario);
  assert.equal(s.tooLong, null);
  const big = update(s, { type: 'load', scenario: { name: 'big', channels: [] } });
  s = update(big, { type: 'evaluated', result: ok, link: null, tooLong: TOO_LONG });
  assert.equal(s.stale, false);
  assert.equal(s.result, ok);
  assert.equal(s.link, '');
  assert.equal(s.valid, big.scenario);
  assert.deepEqual(s.tooLong, TOO_LONG);
  assert.equal(s.notices.length, 1);
  assert.deepEqual(s.notices[0].title, { key: 'linkLong', num: TOO_LONG });
  assert.deepEqual(s.notices[0].action, { id: 'export-json', key: 'exportJson' });
  // Still too long after another edit: no second notice.
  s = update(s, { type: 'evaluated', result: ok, link: null, tooLong: { bytes: 11500, max: 8192 } });
  assert.equal(s.notices.length, 1);
  // Fits again: the notice goes, the link comes back.
  s = update(s, { type: 'evaluated', result: ok, link: 'v=1' });
  assert.deepEqual([s.notices.length, s.link, s.tooLong], [0, 'v=1', null]);
});

test('evaluated with no link and no tooLong (invalid for the link codec): stale, as before', () => {
  const s = update(base(), { type: 'evaluated', result: ok, link: null });
  assert.equal(s.stale, true);
  assert.equal(s.result, null);
  assert.equal(s.valid, null);
});

test('a number past a double, or that would read as 0, is refused with its own message', () => {
  const huge = '1' + '0'.repeat(400);
  assert.deepEqual(readValue({ kind: 'pct' }, huge, 'fr'), { error: 'e:overflow' });
  assert.deepEqual(readValue({ kind: 'money' }, '-' + huge, 'en'), { error: 'e:overflow' });
  assert.deepEqual(readValue({ kind: 'num' }, '0,' + '0'.repeat(400) + '1', 'fr'), { error: 'e:underflow' });
  assert.deepEqual(readValue({ kind: 'num' }, 'abc', 'fr'), { error: 'e:number' });
  let s = update(base(), { type: 'edit', path: 'funnel.close_rate', text: huge });
  assert.deepEqual(s.invalid['funnel.close_rate'], { key: 'e:overflow' });
  assert.equal(s.scenario.funnel.close_rate, 0.25, 'the value stays what it was, not the default');
});
