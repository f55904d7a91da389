// Every action of the update function, on a small state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCoreFields } from '../fields.js';
import { initialState, update } from './update.js';

// The parts of the core's field table the reducer reads (`roi fields`).
applyCoreFields({ fields: [
  { path: 'funnel.entry', values: ['calls', 'contacts', 'leads', 'meetings', 'held', 'opportunities', 'deals'], default: 'calls' },
  { path: 'costs.model', values: ['in_house', 'hourly', 'hybrid', 'per_call', 'per_meeting', 'per_deal', 'flat'], default: 'in_house' },
  { path: 'uncertainty.ranges.funnel.close_rate', default: null },
  { path: 'funnel.close_rate', default: 1 }, { path: 'value.deal_value', default: 0 },
] });

const view = { lang: 'fr', retro: false, samples: '10000', seedText: '1', byRank: false, currency: null, example: null };
const base = () => update(initialState(view), { type: 'load', scenario: { funnel: { entry: 'meetings', volume: 50, close_rate: 0.25 } } });
const frozen = (s) => { Object.freeze(s); return s; };

test('load: a new scenario, typing forgotten, the view currency for a link without one', () => {
  let s = update(base(), { type: 'edit', path: 'value.deal_value', text: 'douze' });
  s = update(s, { type: 'load', scenario: { name: 'x' } });
  assert.deepEqual(s.scenario, { name: 'x' });
  assert.deepEqual([s.texts, s.invalid, s.result, s.loads], [{}, {}, null, 2]);
  const gbp = initialState({ ...view, currency: 'GBP' });
  assert.equal(update(gbp, { type: 'load', scenario: {}, link: 'v=1' }).scenario.currency, 'GBP');
  assert.equal(update(gbp, { type: 'load', scenario: { currency: 'USD' }, link: 'v=1&cur=USD' }).scenario.currency, 'USD');
  assert.equal(update(gbp, { type: 'load', scenario: {} }).scenario.currency, undefined, 'a saved file keeps its own');
});

test('edit: a number typed the French way sets the value; the text is kept; the state is not mutated', () => {
  const s0 = frozen(base());
  const s = update(s0, { type: 'edit', path: 'funnel.close_rate', text: '12,5' });
  assert.equal(s.scenario.funnel.close_rate, 0.125);
  assert.equal(s.texts['funnel.close_rate'], '12,5');
  assert.equal(s0.scenario.funnel.close_rate, 0.25);
  assert.equal(update(s, { type: 'edit', path: 'value.deal_value', text: '2 000 €' }).scenario.value.deal_value, 2000);
  assert.equal(update(update(s, { type: 'edit', path: 'value.deal_value', text: '' }), { type: 'commit', path: 'value.deal_value' }).scenario.value.deal_value,
    undefined, 'an amount left blank: the default, none');
  assert.equal(update(s, { type: 'edit', path: 'costs.model', text: 'flat' }).scenario.costs.model, 'flat');
  assert.equal(update(s, { type: 'edit', path: 'currency', text: 'gbp' }).scenario.currency, 'GBP');
  assert.equal(update(s, { type: 'edit', path: 'channels[0].funnel.volume', text: '3' }).scenario.channels[0].funnel.volume, 3);
  assert.equal(update(s, { type: 'edit', path: 'nonsense', text: '3' }), s);
});

test('edit: not a number is refused by the page, the scenario keeps its value, until corrected', () => {
  let s = update(base(), { type: 'edit', path: 'funnel.close_rate', text: 'abc' });
  assert.deepEqual(s.invalid, { 'funnel.close_rate': { key: 'e:number' } });
  assert.equal(s.scenario.funnel.close_rate, 0.25);
  s = update(s, { type: 'edit', path: 'funnel.close_rate', text: '30' });
  assert.deepEqual(s.invalid, {});
  assert.equal(s.scenario.funnel.close_rate, 0.3);
});

test('edit: a field emptied while typing keeps its value; left empty, an amount takes its default (none), a rate is refused', () => {
  let s = update(base(), { type: 'edit', path: 'funnel.close_rate', text: '' });
  assert.equal(s.scenario.funnel.close_rate, 0.25, 'no jump to the 100 % default between two keystrokes');
  assert.equal(s.texts['funnel.close_rate'], '');
  assert.equal(update(update(s, { type: 'edit', path: 'funnel.close_rate', text: '3' }), { type: 'commit', path: 'funnel.close_rate' }).scenario.funnel.close_rate, 0.03);
  // Left empty, the close rate does not become its 100 % default: refused,
  // the figures on the previous value, the field still empty, until typed.
  s = update(s, { type: 'commit', path: 'funnel.close_rate' });
  assert.deepEqual(s.invalid, { 'funnel.close_rate': { key: 'e:empty', params: { v: '25\u00a0%' } } });
  assert.equal(s.scenario.funnel.close_rate, 0.25);
  assert.equal(s.texts['funnel.close_rate'], '');
  s = update(s, { type: 'edit', path: 'funnel.close_rate', text: '20' });
  assert.deepEqual(s.invalid, {});
  assert.equal(s.scenario.funnel.close_rate, 0.2);
  // An amount left empty: none (its default 0, the placeholder) from now on.
  s = update(update(base(), { type: 'edit', path: 'value.deal_value', text: '' }), { type: 'commit', path: 'value.deal_value' });
  assert.equal('deal_value' in s.scenario.value, false);
  assert.equal('value.deal_value' in s.texts, false);
  assert.deepEqual(s.invalid, {});
  // Leaving a field that holds a value changes nothing.
  const t = update(base(), { type: 'commit', path: 'funnel.volume' });
  assert.equal(t.scenario.funnel.volume, 50);
});

test('edit: fixed costs, an unreadable amount counts 0', () => {
  let s = update(base(), { type: 'fixedAdd' });
  assert.deepEqual(s.scenario.costs.fixed, [{ label: '', amount: 0 }]);
  assert.equal(s.texts['costs.fixed[0].amount'], '');
  s = update(s, { type: 'edit', path: 'costs.fixed[0].label', text: 'Fichier' });
  s = update(s, { type: 'edit', path: 'costs.fixed[0].amount', text: '1 200' });
  assert.deepEqual(s.scenario.costs.fixed, [{ label: 'Fichier', amount: 1200 }]);
  s = update(s, { type: 'edit', path: 'costs.fixed[0].amount', text: 'x' });
  assert.deepEqual(s.scenario.costs.fixed, [{ label: 'Fichier', amount: 0 }]);
  assert.ok(s.invalid['costs.fixed[0].amount']);
});

test('fixedRemove: the later rows, their texts and errors move up', () => {
  let s = update(update(base(), { type: 'fixedAdd' }), { type: 'fixedAdd' });
  s = update(s, { type: 'edit', path: 'costs.fixed[1].amount', text: 'x' });
  s = update(s, { type: 'fixedRemove', index: 0 });
  assert.equal(s.scenario.costs.fixed.length, 1);
  assert.deepEqual(Object.keys(s.invalid), ['costs.fixed[0].amount']);
  assert.equal(s.texts['costs.fixed[0].amount'], 'x');
});

test('edit: a range needs both bounds', () => {
  let s = update(base(), { type: 'edit', path: 'uncertainty.ranges.funnel.close_rate.low', text: '10' });
  assert.deepEqual(s.invalid, { 'uncertainty.ranges.funnel.close_rate.high': { key: 'e:bothBounds' } });
  assert.equal(s.scenario.uncertainty?.ranges?.['funnel.close_rate'], undefined);
  s = update(s, { type: 'edit', path: 'uncertainty.ranges.funnel.close_rate.high', text: '40' });
  assert.deepEqual(s.invalid, {});
  assert.deepEqual(s.scenario.uncertainty.ranges['funnel.close_rate'], [0.1, 0.4]);
  s = update(s, { type: 'edit', path: 'uncertainty.ranges.funnel.close_rate.low', text: '' });
  s = update(s, { type: 'edit', path: 'uncertainty.ranges.funnel.close_rate.high', text: '' });
  assert.deepEqual(s.scenario.uncertainty.ranges, {});
  assert.deepEqual(s.invalid, {});
});

test('retro and observed counts: entry, volume and rates derived; a count above the previous refused', () => {
  let s = update(base(), { type: 'retro', on: true });
  assert.deepEqual(s.observed, { meetings: '50' });
  s = update(update(s, { type: 'load', scenario: {} }), { type: 'retro', on: true });
  for (const [k, v] of [['calls', '1 800'], ['contacts', '180'], ['meetings', '54']]) s = update(s, { type: 'edit', path: 'observed.' + k, text: v });
  assert.equal(s.scenario.funnel.entry, 'calls');
  assert.equal(s.scenario.funnel.volume, 1800);
  assert.equal(s.scenario.funnel.contact_rate, 0.1);
  assert.equal(s.scenario.funnel.lead_rate, 1, 'a blank stage passes everything on');
  assert.equal(s.scenario.funnel.meeting_rate, 0.3);
  assert.equal(s.derived['funnel.contact_rate'], 0.1);
  s = update(s, { type: 'edit', path: 'observed.meetings', text: '500' });
  assert.deepEqual(s.invalid['observed.meetings'], { key: 'retroBad', num: { n: 180 } });
  s = update(s, { type: 'retro', on: false });
  assert.deepEqual([s.invalid, s.derived], [{}, {}]);
});

test('retro: the stage the provider bills, left blank after a count, is asked for (not billed as every call); an hourly model asks nothing', () => {
  // The scenario a load leaves: billed per meeting (the core's default model).
  let s = update(update(base(), { type: 'load', scenario: { costs: { model: 'per_meeting' } } }), { type: 'retro', on: true });
  s = update(s, { type: 'edit', path: 'observed.meetings', text: '' });
  for (const [k, v] of [['calls', '2000'], ['deals', '4']]) s = update(s, { type: 'edit', path: 'observed.' + k, text: v });
  assert.deepEqual(s.invalid['observed.meetings'], { key: 'retroBilled' });
  s = update(s, { type: 'edit', path: 'costs.meeting_basis', text: 'held' });
  assert.deepEqual(s.invalid['observed.held'], { key: 'retroBilled' }, 'paid per meeting held: the meetings held');
  assert.equal(s.invalid['observed.meetings'], undefined);
  s = update(s, { type: 'edit', path: 'costs.model', text: 'hourly' });
  assert.deepEqual(Object.keys(s.invalid).filter((p) => p.startsWith('observed.')), [], 'paid by the hour: no count is billed');
  s = update(s, { type: 'edit', path: 'costs.model', text: 'per_meeting' });
  s = update(s, { type: 'edit', path: 'observed.held', text: '40' });
  assert.deepEqual(Object.keys(s.invalid).filter((p) => p.startsWith('observed.')), []);
  assert.equal(s.scenario.funnel.volume, 2000);
  // Counted up to the billed stage (the last count): nothing asked, the scenario's close rate goes on from it.
  s = update(s, { type: 'edit', path: 'observed.deals', text: '' });
  assert.deepEqual(Object.keys(s.invalid).filter((p) => p.startsWith('observed.')), []);
  // Only the calls: the meetings held would come from rates nobody observed.
  s = update(s, { type: 'edit', path: 'observed.held', text: '' });
  assert.deepEqual(s.invalid['observed.held'], { key: 'retroBilled' });
});

test('channels: add from a preset (the campaign offer copied), duplicate, remove; typing on channels forgotten when indices move', () => {
  let s = update(base(), { type: 'edit', path: 'value.deal_value', text: '6000' });
  s = update(s, { type: 'channelAdd', preset: 'emailing', name: 'Emailing' });
  assert.equal(s.scenario.channels[0].name, 'Emailing');
  assert.equal(s.scenario.channels[0].value.deal_value, 6000);
  s = update(s, { type: 'edit', path: 'channels[0].value.margin_rate', text: 'x' });
  s = update(s, { type: 'channelDuplicate', index: 0 });
  assert.equal(s.scenario.channels.length, 2);
  assert.deepEqual(s.invalid, {});
  s = update(s, { type: 'channelRemove', index: 0 });
  assert.equal(s.scenario.channels.length, 1);
  for (let i = 0; i < 25; i++) s = update(s, { type: 'channelAdd', preset: 'content', name: 'c' });
  assert.equal(s.scenario.channels.length, 20, 'at most 20');
  assert.equal(update(s, { type: 'channelDuplicate', index: 0 }), s);
});

test('evaluated: a valid answer becomes the result and the link; an invalid one keeps the last, stale', () => {
  let s = update(base(), { type: 'evaluated', result: { ok: true, roi: 3.8, warnings: [] }, link: 'v=1' });
  assert.deepEqual([s.result.roi, s.link, s.stale], [3.8, 'v=1', false]);
  const errors = [{ field: 'funnel.close_rate', code: 'range' }];
  s = update(s, { type: 'evaluated', result: { ok: false, errors }, link: null });
  assert.deepEqual([s.result.roi, s.link, s.stale, s.check.errors], [3.8, 'v=1', true, errors]);
  s = update(update(s, { type: 'edit', path: 'funnel.volume', text: 'x' }), { type: 'evaluated', result: { ok: true, roi: 1 }, link: null });
  assert.deepEqual([s.result.roi, s.stale], [3.8, true], 'the page refuses a field the core never saw');
});

test('lang: texts are shown again in the new format, except refused ones', () => {
  let s = update(base(), { type: 'edit', path: 'funnel.close_rate', text: '30' });
  s = update(s, { type: 'edit', path: 'value.deal_value', text: 'douze' });
  s = update(s, { type: 'lang', lang: 'en' });
  assert.equal(s.view.lang, 'en');
  assert.deepEqual(s.texts, { 'value.deal_value': 'douze' });
});

test('view settings: sort by rank, samples, seed', () => {
  let s = update(base(), { type: 'sortByRank' });
  assert.equal(s.view.byRank, true);
  assert.equal(update(s, { type: 'sortByRank' }).view.byRank, false);
  assert.equal(update(s, { type: 'samples', value: '1000' }).view.samples, '1000');
  assert.equal(update(s, { type: 'seed', text: '42' }).view.seedText, '42');
});

test('simulation: start, answers to replaced requests ignored, done, cancelled', () => {
  let s = update(base(), { type: 'simStart', id: 1, samples: 10000 });
  assert.deepEqual([s.sim.running, s.sim.status.key], [true, 'sim.running']);
  s = update(s, { type: 'simStart', id: 2, samples: 1000 });
  assert.equal(update(s, { type: 'simDone', id: 1, result: { ok: true }, ms: 1 }), s);
  const r = { ok: true, fields: ['funnel.close_rate'], samples: 1000, seed: 1 };
  const done = update(s, { type: 'simDone', id: 2, result: r, ms: 12.4 });
  assert.deepEqual([done.sim.running, done.sim.last.ms, done.sim.status], [false, 12.4, { key: 'sim.done', num: { n: 1000, ms: 12 } }]);
  assert.equal(update(s, { type: 'simDone', id: 2, result: { ...r, fields: [] }, ms: 1 }).sim.status.key, 'sim.none');
  // A refusal is kept by code and params (said in the page's language); its message serves only what has no code.
  assert.deepEqual(update(s, { type: 'simDone', id: 2, result: { ok: false, errors: [{ field: 'costs.per_meeting', code: 'range', params: { min: 0, max: 1e12 }, message: 'must be between' }, { code: 'json', message: 'b' }] }, ms: 1 }).sim.status,
    { errors: [{ field: 'costs.per_meeting', code: 'range', params: { min: 0, max: 1e12 }, message: 'must be between' }, { field: '', code: 'json', params: {}, message: 'b' }] });
  const cancelled = update(s, { type: 'simCancel', quiet: false });
  assert.deepEqual([cancelled.sim.running, cancelled.sim.status.key], [false, 'sim.cancelled']);
  assert.equal(update(s, { type: 'simCancel', quiet: true }).sim.status.key, 'sim.running');
});

test('simulation: its figures belong to the result they were run for', () => {
  const first = { ok: true, roi: 1 }, second = { ok: true, roi: 2 };
  let s = { ...base(), result: first };
  s = update(s, { type: 'simStart', id: 1, samples: 1000 });
  s = { ...s, result: second }; // a new result while the run goes on
  s = update(s, { type: 'simDone', id: 1, result: { ok: true, fields: [], samples: 1000, seed: 1 }, ms: 1 });
  assert.equal(s.sim.lastFor, first, 'the figures are those of the first result');
  assert.notEqual(s.sim.lastFor, s.result, 'so the page shows them as being refreshed');
  s = update(update(s, { type: 'simStart', id: 2, samples: 1000 }), { type: 'simDone', id: 2, result: { ok: true, fields: [], samples: 1000, seed: 1 }, ms: 1 });
  assert.equal(s.sim.lastFor, s.result);
});

test('notices: added with an id, dismissed by it', () => {
  let s = update(base(), { type: 'notice', kind: 'warn', title: { key: 'linkWarn' }, items: ['zz'] });
  s = update(s, { type: 'notice', kind: 'bad', title: { key: 'importBad', suffix: 'x.json' } });
  assert.deepEqual(s.notices.map((n) => n.id), [1, 2]);
  assert.deepEqual(update(s, { type: 'dismiss', id: 1 }).notices.map((n) => n.id), [2]);
});

test('library: items, message, name, picks, side by side', () => {
  let s = update(base(), { type: 'library', items: [{ name: 'a', link: 'v=1' }, { name: 'b', link: 'v=1' }], message: { key: 'lib.saved' } });
  s = update(s, { type: 'libPick', name: 'a', on: true });
  s = update(s, { type: 'libPick', name: 'b', on: true });
  assert.deepEqual(s.library.picked, ['a', 'b']);
  assert.deepEqual(update(s, { type: 'libPick', name: 'a', on: false }).library.picked, ['b']);
  assert.equal(update(s, { type: 'libName', text: 'n' }).library.name, 'n');
  assert.deepEqual(update(s, { type: 'libMessage', message: { key: 'x' } }).library.message, { key: 'x' });
  assert.deepEqual(update(s, { type: 'libSide', side: [] }).library.side, []);
  const reloaded = update(s, { type: 'library', items: [] });
  assert.deepEqual([reloaded.library.picked, reloaded.library.message], [[], { key: 'lib.saved' }]);
  // Side by side: kept while both stay saved as they were; gone once one is deleted or saved over.
  const side = [{ name: 'a', result: {} }, { name: 'b', result: {} }];
  const shown = update(s, { type: 'libSide', side });
  assert.equal(update(shown, { type: 'library', items: [{ name: 'a', link: 'v=1' }, { name: 'b', link: 'v=1' }] }).library.side, side);
  assert.equal(update(shown, { type: 'library', items: [{ name: 'b', link: 'v=1' }] }).library.side, null);
  assert.equal(update(shown, { type: 'library', items: [{ name: 'a', link: 'v=1' }, { name: 'b', link: 'v=1&pm=250' }] }).library.side, null);
});

test('copy: a message, and the link shown when the clipboard refused', () => {
  let s = update(base(), { type: 'copy', message: 'copyManual', manual: 'http://x/#v=1' });
  assert.deepEqual(s.copy, { message: 'copyManual', manual: 'http://x/#v=1' });
  s = update(s, { type: 'copy', message: null });
  assert.deepEqual(s.copy, { message: null, manual: 'http://x/#v=1' }, 'the message fades, the link box stays');
  assert.deepEqual(update(s, { type: 'copy', message: 'copied' }).copy, { message: 'copied', manual: null });
});

test('an unknown action is a programming error', () => {
  assert.throws(() => update(base(), { type: 'nope' }), /unknown action/);
});

test('cloneAsChannel: the campaign becomes the last channel, without what only a campaign has', () => {
  let s = update(base(), { type: 'edit', path: 'costs.per_meeting', text: '120' });
  s = update(s, { type: 'edit', path: 'uncertainty.spread', text: '30' });
  s = update(s, { type: 'channelAdd', preset: 'emailing', name: 'Emailing' });
  s = { ...s, scenario: { ...s.scenario, name: 'Campagne', reallocation: { min_roi: 0.5 }, schedule: { months: 6 }, goal: { metric: 'net', value: 1 } } };
  frozen(s);
  const c = update(s, { type: 'cloneAsChannel', name: 'Campagne (copie)' });
  assert.equal(c.scenario.channels.length, 2);
  const ch = c.scenario.channels[1];
  assert.equal(ch.name, 'Campagne (copie)');
  assert.deepEqual(ch.funnel, s.scenario.funnel);
  assert.equal(ch.costs.per_meeting, 120);
  for (const k of ['channels', 'uncertainty', 'reallocation', 'schedule', 'goal']) assert.equal(k in ch, false, k);
  assert.notEqual(ch.funnel, s.scenario.funnel, 'a copy, not shared');
  assert.equal(c.scenario.uncertainty.spread, 0.3, 'the campaign keeps its own');
  let full = s;
  for (let i = 0; i < 25; i++) full = update(full, { type: 'channelAdd', preset: 'content', name: 'c' });
  assert.equal(update(full, { type: 'cloneAsChannel', name: 'x' }), full, 'at most 20 channels');
});

test('prepared: « préparé pour / par » kept one line and short', () => {
  let s = update(base(), { type: 'prepared', who: 'for', text: 'ACME\nSAS' });
  assert.equal(s.view.preparedFor, 'ACME SAS');
  s = update(s, { type: 'prepared', who: 'by', text: 'x'.repeat(200) });
  assert.equal(s.view.preparedBy.length, 80);
  assert.equal(s.view.preparedFor, 'ACME SAS');
});

test('ramp-up months: added at the level of the month before, typed as %, an empty one refused, removed in place', () => {
  let s = update(base(), { type: 'rampAdd' });
  assert.deepEqual(s.scenario.schedule.ramp, [1]);
  s = update(s, { type: 'edit', path: 'schedule.ramp[0]', text: '40' });
  s = update(s, { type: 'rampAdd' });
  assert.deepEqual(s.scenario.schedule.ramp, [0.4, 0.4]);
  s = update(s, { type: 'edit', path: 'schedule.ramp[1]', text: '70,5' });
  assert.deepEqual(s.scenario.schedule.ramp, [0.4, 0.705]);
  s = update(s, { type: 'edit', path: 'schedule.ramp[1]', text: '' });
  assert.equal(s.invalid['schedule.ramp[1]'].key, 'e:rampEmpty');
  assert.deepEqual(s.scenario.schedule.ramp, [0.4, 0.705], 'no hole in the list');
  s = update(s, { type: 'rampRemove', index: 0 });
  assert.deepEqual(s.scenario.schedule.ramp, [0.705]);
  assert.deepEqual(Object.keys(s.invalid), ['schedule.ramp[0]'], 'the refusal moved with its month');
  let full = s;
  for (let i = 0; i < 20; i++) full = update(full, { type: 'rampAdd' });
  assert.equal(full.scenario.schedule.ramp.length, 12, 'at most the core’s number of months');
});

test('goal: a metric chosen, then "no goal" removes it and keeps the value', () => {
  let s = update(base(), { type: 'edit', path: 'goal.metric', text: 'net' });
  s = update(s, { type: 'edit', path: 'goal.value', text: '50 000' });
  assert.deepEqual(s.scenario.goal, { metric: 'net', value: 50000 });
  s = update(s, { type: 'edit', path: 'goal.metric', text: '' });
  assert.deepEqual(s.scenario.goal, { value: 50000 });
  s = update(s, { type: 'edit', path: 'schedule.months', text: '6' });
  assert.equal(s.scenario.schedule.months, 6);
});

test('skip: a stage marked « pas dans mon entonnoir » sets its rate aside (and its range); un-skipping gives them back', () => {
  let s = update(initialState(view), { type: 'load', scenario: { funnel: { entry: 'calls', volume: 100, lead_rate: 0.4 }, uncertainty: { ranges: { 'funnel.lead_rate': [0.3, 0.5] } } } });
  s = update(s, { type: 'edit', path: 'funnel.lead_rate', text: '45' });
  const on = update(frozen(s), { type: 'skip', stage: 'leads', on: true });
  assert.deepEqual(on.scenario.funnel.skip, ['leads']);
  assert.equal(on.scenario.funnel.lead_rate, 1);
  assert.equal(on.scenario.uncertainty.ranges['funnel.lead_rate'], undefined);
  assert.equal(on.texts['funnel.lead_rate'], undefined);
  const two = update(on, { type: 'skip', stage: 'contacts', on: true });
  assert.deepEqual(two.scenario.funnel.skip, ['contacts', 'leads'], 'in the funnel order');
  const off = update(two, { type: 'skip', stage: 'leads', on: false });
  assert.deepEqual(off.scenario.funnel.skip, ['contacts']);
  assert.equal(off.scenario.funnel.lead_rate, 0.45);
  assert.deepEqual(off.scenario.uncertainty.ranges['funnel.lead_rate'], [0.3, 0.5]);
  assert.equal(off.texts['funnel.lead_rate'], '45');
  assert.equal(update(on, { type: 'skip', stage: 'leads', on: true }), on, 'already skipped: unchanged');
  assert.equal(update(on, { type: 'skip', stage: 'deals', on: true }), on, 'deals cannot be skipped');
  assert.deepEqual(update(on, { type: 'load', scenario: {} }).skipMemo, {});
});

test('summaryToggle: the phone summary opens, folds, and stays as asked', () => {
  const s = initialState(view);
  const open = update(s, { type: 'summaryToggle' });
  assert.equal(open.view.summaryOpen, true);
  assert.equal(update(open, { type: 'summaryToggle' }).view.summaryOpen, false);
  assert.equal(update(open, { type: 'summaryToggle', open: true }), open);
  assert.equal(update(s, { type: 'summaryToggle', open: false }), s, 'already folded: no change');
});

test('retro with counts: a link reopened in retrospective mode shows its counts and derives the same rates', () => {
  const s = update(base(), { type: 'retro', on: true, counts: { calls: 1800, contacts: 180, meetings: 54, bogus: 3 } });
  assert.deepEqual(Object.keys(s.observed), ['calls', 'contacts', 'meetings']);
  assert.equal(s.observed.calls.replace(/\s/g, ''), '1800');
  assert.equal(s.scenario.funnel.entry, 'calls');
  assert.equal(s.scenario.funnel.volume, 1800);
  assert.equal(s.scenario.funnel.meeting_rate, 0.3);
});

test('retrospective mode: a derived field\'s own refusal (an emptied close rate) goes, the counts decide it', () => {
  let s = update(update(base(), { type: 'edit', path: 'funnel.close_rate', text: '' }), { type: 'commit', path: 'funnel.close_rate' });
  assert.equal(s.invalid['funnel.close_rate'].key, 'e:empty');
  s = update(s, { type: 'retro', on: true, counts: { meetings: 48, deals: 9 } });
  assert.equal('funnel.close_rate' in s.invalid, false);
  assert.equal(s.scenario.funnel.close_rate, 9 / 48);
});

test('a field holding only spaces, left, is an emptied one; « Revenir » gives the library box back', () => {
  let s = update(update(base(), { type: 'edit', path: 'funnel.close_rate', text: '  ' }), { type: 'commit', path: 'funnel.close_rate' });
  assert.equal(s.invalid['funnel.close_rate'].key, 'e:empty');
  s = update(s, { type: 'libOpened', name: 'A' });
  s = update(s, { type: 'load', scenario: {} });
  assert.equal(s.library.current, null, 'loaded by other means: no saved scenario shown');
  s = update(s, { type: 'libRestore', name: 'B', current: 'B' });
  assert.deepEqual([s.library.name, s.library.current, s.library.confirm], ['B', 'B', null]);
});
