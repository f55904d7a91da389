// The presets as data: every starting scenario is a link the core reads
// without a warning, every question a field of the core's table with slider
// bounds inside the core's own, every label and short form in both
// languages; the question lists the host can reorder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUESTIONS, PRESETS, PRICE_KEY, PRESET_OF_MODEL, VOLUME_MAX, questionKeys, boundsOf, priceKey } from './presets.js';
import core from '../engine/fields.js';
import fr from './texts-fr.js';
import en from './texts-en.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'build/release/roi');
const fields = new Map(core.fields.map((f) => [f.path, f]));
const KIND = { money: 'money', rate: 'pct', count: 'num', hours: 'hours' };

test('each preset starts from a link the core decodes whole, unnamed, with its own billing model', () => {
  for (const [name, p] of Object.entries(PRESETS)) {
    const r = spawnSync(cli, ['link', 'decode', p.start], { encoding: 'utf8' });
    assert.equal(r.status, 0, name);
    assert.equal(r.stderr, '', `${name}: no warning`);
    const sc = JSON.parse(r.stdout);
    assert.equal(sc.name, '', `${name}: no name travels in a lead`);
    assert.equal(PRESET_OF_MODEL[sc.costs.model], name, `${name}: its model leads back to it`);
    // Every value the answer depends on is a question: none hidden.
    const keys = questionKeys(name, sc.costs.model);
    const asked = new Set([...keys.up, ...keys.more].map((k) => QUESTIONS[k].path));
    for (const pair of p.start.split('&')) {
      const key = pair.split('=')[0];
      // The link's version, the funnel's first stage, the billing model and
      // how deals are counted (expected: every step of a slider counts) are
      // the preset's method, not values the prospect would give.
      if (['v', 'entry', 'model', 'round'].includes(key)) continue;
      const f = core.fields.find((x) => x.key === key);
      assert.ok(f && asked.has(f.path), `${name}: ${key} is asked`);
    }
    assert.ok(keys.up.length >= 3 && keys.up.length + keys.more.length <= 7, name);
  }
});

test('questions: fields of the core, typed as the core counts them, slider bounds inside the core\'s', () => {
  for (const [key, q] of Object.entries(QUESTIONS)) {
    const f = fields.get(q.path);
    assert.ok(f, q.path);
    assert.equal(f.key, key, `${q.path} is the link key ${key}`);
    assert.equal(q.kind, KIND[f.kind], q.path);
    assert.ok(q.min >= f.min && q.max <= f.max && q.min < q.max && q.step > 0, q.path);
  }
  for (const [entry, max] of Object.entries(VOLUME_MAX)) assert.ok(max <= fields.get('funnel.volume').max, entry);
  for (const [model, key] of Object.entries(PRICE_KEY)) {
    assert.ok(fields.get('costs.model').values.includes(model), model);
    assert.match(QUESTIONS[key].path, /^costs\./);
  }
});

test('texts: every question\'s label and short form, every model\'s unit, in French and in English', () => {
  for (const t of [fr, en]) {
    for (const key of Object.keys(QUESTIONS)) {
      if (key === 'vol') continue;
      assert.equal(typeof t['q:' + key], 'string', 'q:' + key);
      assert.match(t['a:' + key], /\{v\}/, 'a:' + key);
    }
    for (const e of ['', ':calls', ':leads', ':meetings']) assert.match(t['a:vol' + e], /\{v\}/);
    for (const m of fields.get('costs.model').values) assert.equal(typeof t['u:' + m], 'string', m);
  }
  // Only the singular forms differ between the languages.
  const plain = (t) => Object.keys(t).filter((k) => !k.endsWith('.one')).sort();
  assert.deepEqual(plain(fr), plain(en));
});

test('questionKeys: the model\'s price, the host\'s order up front, the rest under « Hypothèses »', () => {
  assert.deepEqual(questionKeys('pay-per-meeting', 'per_meeting'), { up: ['pmeet', 'deal', 'close'], more: ['vol', 'margin'] });
  assert.deepEqual(questionKeys('in-house', 'in_house').up, ['ihc', 'vol', 'deal']);
  // A host scenario priced per deal, shown with the pay-per-meeting questions.
  assert.deepEqual(questionKeys('pay-per-meeting', 'per_deal').up, ['pdeal', 'deal', 'close']);
  // The host's own order; unknown keys ignored; what it did not list stays visible.
  assert.deepEqual(questionKeys('pay-per-meeting', 'per_meeting', ['close', 'price', 'nope', 'close']),
    { up: ['close', 'pmeet'], more: ['deal', 'vol', 'margin'] });
  assert.deepEqual(questionKeys('pay-per-meeting', 'per_meeting', ['nope']).up, ['pmeet', 'deal', 'close']);
  assert.equal(questionKeys('nope', 'per_meeting').up[0], 'pmeet');
  assert.equal(questionKeys('in-house', 'in_house', ['ops', 'hrs', 'ihc', 'vol', 'deal', 'close', 'margin']).up.length, 6);
  // What the host's scenario sets beyond the preset joins « Hypothèses »
  // (a meeting rate from calls), once; another model's price does not.
  assert.deepEqual(questionKeys('pay-per-meeting', 'per_meeting', null, ['meet', 'vol', 'flat', 'pcall', 'pmeet', 'nope']),
    { up: ['pmeet', 'deal', 'close'], more: ['vol', 'margin', 'meet'] });
  assert.deepEqual(questionKeys('pay-per-meeting', 'per_meeting', ['meet'], ['ops']), { up: ['meet'], more: ['pmeet', 'deal', 'close', 'vol', 'margin', 'ops'] });
  assert.equal(priceKey('unknown'), 'pmeet');
});

test('boundsOf: the preset\'s, the volume by funnel entry, the host\'s', () => {
  assert.deepEqual(boundsOf('pmeet'), { min: 0, max: 1000, step: 5 });
  assert.equal(boundsOf('vol', { entry: 'meetings' }).max, 200);
  assert.equal(boundsOf('vol', { entry: 'calls' }).max, 10000);
  assert.deepEqual(boundsOf('pmeet', { host: { pmeet: { min: 50, max: 400 } } }), { min: 50, max: 400, step: 5 });
  assert.deepEqual(boundsOf('close', { host: { close: { min: 0.05, max: 0.5, step: 0.05 } } }), { min: 0.05, max: 0.5, step: 0.05 });
});
