// web/errors.js against the core's own table of codes (web/engine/codes.json,
// the native CLI's `roi codes` that scripts/build-engine.sh writes): every
// code the core can emit has a French and an English text that shows every
// param, in the page's words.
// Run: scripts/build-engine.sh, then node --test web/errors.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLang, dict, tr } from './i18n.js';
import { message, describe, fieldLabel, fill } from './errors.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const table = path.join(root, 'web/engine/codes.json');

let codes;
before(async () => {
  assert.ok(fs.existsSync(table), `${table} is missing: build the engine (scripts/build-engine.sh)`);
  codes = JSON.parse(fs.readFileSync(table, 'utf8'));
  await loadLang('fr', true);
  await loadLang('en', true);
});

// The core's English text: its template with the params put in literally.
const english = (template, params) => template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

// One sample value per param name; numbers distinctive enough to be found.
const NUMBERS = { min: 0.125, max: 987, got: 4321, low: 0.3, high: 0.7, value: 0.55, count: 4900, bytes: 9004,
  line: 3, column: 19, supported: 1 };
const STAGE_WORD = (lang, s) => dict[lang]['o:funnel.entry:' + s];

/** Sample entries of a code: field, params and what each param must show as. */
function samples(code, names) {
  const base = { field: '', params: {} };
  if (code.startsWith('link_')) base.field = '';
  const out = [];
  const add = (field, params) => out.push({ code, field, params, message: english(codes.find((c) => c.code === code).message, params) });
  const p = {};
  for (const n of names) p[n] = NUMBERS[n] ?? 'x';
  switch (code) {
    case 'type': add('value.deal_value', { expected: 'number', got: 'text' }); add('time', { expected: 'object', got: 'list' }); break;
    case 'not_object': add('', { got: 'list' }); add('', { got: 'boolean' }); break;
    case 'enum': add('costs.model', { value: 'per_lead$&', allowed: 'in_house, hourly, per_meeting' });
      add('funnel.skip[0]', { value: 'visits', allowed: 'contacts, leads, meetings' }); break;
    case 'link_enum': add('costs.model', { key: 'model', got: 'per_lead', allowed: 'in_house, per_deal' }); break;
    case 'link_skip': add('funnel.skip', { key: 'skip', allowed: 'contacts, leads, held' }); break;
    case 'currency': add('currency', { got: 'eur' }); break;
    case 'currency_differs': add('channels[1].currency', { currency: 'GBP' }); break;
    case 'needs_count':
      add('costs.model', { model: 'per_call', unit: 'call', entry: 'meetings', stage: 'calls' });
      add('costs.model', { model: 'per_meeting', unit: 'booked meeting', entry: 'calls', stage: 'meetings' });
      add('costs.model', { model: 'hybrid', unit: 'held meeting', entry: 'contacts', stage: 'held' });
      break;
    case 'needs_held': add('costs.internal_hours_per_meeting', { entry: 'opportunities' }); add('costs.internal_hours_per_meeting', { entry: 'calls' }); break;
    case 'duplicate': add('funnel.skip[1]', { value: 'meetings' }); break;
    case 'skip_order': add('funnel.skip[0]', { entry: 'leads' }); break;
    case 'skip_rate': add('funnel.meeting_rate', { stage: 'meetings' }); break;
    case 'goal_stage': add('goal.metric', { stage: 'held' }); break;
    case 'link_pair': add('', { part: 'oops' }); break;
    case 'range': case 'range_above': // above the top, below the bottom (its own text), and neither
      add('funnel.close_rate', p); add('funnel.close_rate', { ...p, got: -43.21 }); add('funnel.close_rate', { ...p, got: 432.1 }); break;
    default:
      for (const n of names) if (typeof p[n] === 'string') p[n] = n === 'key' ? 'close' : 'v-' + n;
      add(code.startsWith('link_') ? 'funnel.close_rate' : 'funnel.close_rate', p);
  }
  return out;
}

/** What each param must show as in lang. */
function expectedShown(lang, e) {
  const d = dict[lang];
  const want = [];
  // Below the bottom, only the bottom is said.
  const oneSide = (e.code === 'range' || e.code === 'range_above') && e.params.got < e.params.min ? 'max' : null;
  for (const [k, v] of Object.entries(e.params)) {
    if (k === oneSide) continue;
    if (k === 'entry' || k === 'stage') want.push(STAGE_WORD(lang, v));
    else if (k === 'model') want.push(d['o:costs.model:' + v]);
    else if (k === 'unit') want.push(d['unit:' + v]);
    else if (k === 'expected' || (k === 'got' && (e.code === 'type' || e.code === 'not_object'))) want.push(d['jt:' + v]);
    else if (k === 'allowed') {
      for (const name of v.split(', ')) {
        want.push(`(${name})`);
        want.push(e.code === 'link_skip' || e.field.startsWith('funnel.skip') ? STAGE_WORD(lang, name) : d['o:' + e.field.replace(/\[\d+\]/g, '') + ':' + name]);
      }
    } else if (k === 'value' && e.code === 'duplicate') want.push(STAGE_WORD(lang, v));
    else want.push(String(v));
  }
  return want;
}

test('the core lists codes, and the page has both languages for every one', () => {
  assert.ok(codes.length >= 54, `roi codes lists ${codes.length} codes`);
  for (const { code } of codes) {
    for (const lang of ['fr', 'en']) assert.equal(typeof dict[lang]['err:' + code], 'string', `err:${code} in i18n-${lang}.js`);
  }
  // No text for a code the core does not have (a renamed code would be caught here).
  const known = new Set(codes.map((c) => c.code));
  for (const lang of ['fr', 'en']) {
    for (const k of Object.keys(dict[lang]).filter((x) => x.startsWith('err:'))) {
      assert.ok(known.has(k.slice(4).replace(/(:(skip|low))?(:beside)?$/, '')), `${k} in i18n-${lang}.js names a code the core has`);
    }
  }
});

test('every code, in French and in English: every param shown in the page\'s words, no placeholder left', () => {
  let checked = 0;
  for (const c of codes) {
    for (const e of samples(c.code, c.params)) {
      assert.deepEqual(Object.keys(e.params).sort(), [...c.params].sort(), `${c.code}: the sample has the core's params`);
      for (const lang of ['fr', 'en']) {
        const m = message(e, lang);
        assert.ok(m && m !== e.code, `${c.code} ${lang}: a message`);
        assert.ok(!m.includes('{'), `${c.code} ${lang}: no placeholder left in "${m}"`);
        assert.ok(!/undefined|NaN/.test(m), `${c.code} ${lang}: "${m}"`);
        for (const w of expectedShown(lang, e)) {
          assert.ok(typeof w === 'string' && w.length > 0, `${c.code} ${lang}: the table names every value`);
          assert.ok(m.includes(w), `${c.code} ${lang}: "${m}" shows "${w}"`);
        }
        if (lang === 'fr') assert.notEqual(m, e.message, `${c.code}: French, not the core's English`);
        // Names never leak as codes outside the parentheses that give what to type.
        if (lang === 'fr' && (e.params.model || e.params.stage)) assert.ok(!/\bper_|\bheld\b|\bmeetings\b/.test(m), `${c.code}: "${m}"`);
        checked++;
      }
      const fr = describe(e, 'fr');
      if (e.field) assert.ok(fr.startsWith(fieldLabel(e.field, 'fr') + '\u00a0: '), `describe names the field: "${fr}"`);
    }
  }
  assert.ok(checked >= 2 * codes.length);
});

test('numbers go through ctx: a field value by its field, a count as a count', () => {
  const ctx = { format: (f, v) => `<${f}=${v * 100} %>`, count: (v) => `#${v}` };
  const r = message({ code: 'range', field: 'funnel.close_rate', params: { min: 0, max: 1, got: 1.5 } }, 'fr', ctx);
  assert.equal(r, 'doit être compris entre <funnel.close_rate=0 %> et <funnel.close_rate=100 %> (saisi\u00a0: <funnel.close_rate=150 %>)');
  assert.equal(message({ code: 'range', field: 'value.deal_value', params: { min: 0, max: 1e12, got: -500 } }, 'fr', ctx),
    'doit être au moins <value.deal_value=0 %> (saisi\u00a0: <value.deal_value=-50000 %>)');
  assert.equal(message({ code: 'range_above', field: 'time.talk_share', params: { min: 0, max: 1, got: 0 } }, 'en', ctx),
    'must be greater than <time.talk_share=0 %> (entered: <time.talk_share=0 %>)');
  // Beside the field that shows the value (the widget), the value is not repeated.
  assert.equal(message({ code: 'range', field: 'funnel.close_rate', params: { min: 0, max: 1, got: 1.5 } }, 'fr', { ...ctx, beside: true }),
    'doit être compris entre <funnel.close_rate=0 %> et <funnel.close_rate=100 %>');
  assert.equal(message({ code: 'range_above', field: 'time.talk_share', params: { min: 0, max: 1, got: 0 } }, 'en', { ...ctx, beside: true }),
    'must be greater than <time.talk_share=0 %>');
  assert.equal(message({ code: 'range', field: 'value.deal_value', params: { min: 0, max: 1e12, got: -500 } }, 'en', { ...ctx, beside: true }),
    'must be at least <value.deal_value=0 %>');
  const l = message({ code: 'link_range', field: 'funnel.close_rate', params: { key: 'close', min: 0, max: 1 } }, 'en', ctx);
  assert.match(l, /“close” must be between <funnel\.close_rate=0 %> and <funnel\.close_rate=100 %>/);
  assert.match(message({ code: 'too_big', field: '', params: { bytes: 1048577, max: 1048576 } }, 'fr', ctx), /#1048577 octets.*#1048576/);
  // An index and a version stay as the core gives them.
  assert.match(message({ code: 'link_channel', field: '', params: { key: 'c25.vol', max: 19 } }, 'fr', ctx), /entre c0 et c19\u00a0: ignorée/);
  assert.match(message({ code: 'version', field: 'version', params: { got: 2, supported: 1 } }, 'en', ctx), /version 2 .*version 1$/);
});

test('substitution is literal: $&, $1, $$ and {x} in a value stay as typed', () => {
  for (const v of ['$&', '$1', '$$', '$`', "$'", '{max}', '{key}', '{x}']) {
    for (const lang of ['fr', 'en']) {
      const m = message({ code: 'link_unknown_key', field: '', params: { key: v } }, lang);
      assert.ok(m.includes(v), `${lang}: "${m}" keeps ${v}`);
      const c = message({ code: 'currency', field: 'currency', params: { got: 'a' + v + 'b' } }, lang);
      assert.ok(c.includes('a' + v + 'b'), c);
    }
  }
  // The page's other texts too (a scenario saved under the name "$& {n}").
  assert.equal(tr('fr', 'lib.saved', { n: '$& {n} $1' }), '«\u00a0$& {n} $1\u00a0» enregistré.');
  // A value naming another param is not filled in a second time.
  assert.equal(fill('{a} {b}', { a: '{b}', b: 'B' }), '{b} B');
  assert.equal(fill('{a} {zz}', { a: '$&' }), '$& {zz}');
});

test('an unknown code falls back to its message; a known one never reads it', () => {
  const e = { code: 'from_the_future', field: 'x', params: { n: 1 }, message: 'something new (1)' };
  assert.equal(message(e, 'fr'), 'something new (1)');
  assert.equal(message(e, 'en'), 'something new (1)');
  assert.equal(describe(e, 'fr'), 'x\u00a0: something new (1)');
  // A link key without a field of its own is named once, by the message.
  assert.equal(describe({ code: 'link_unknown_key', field: 'foo', params: { key: 'foo' } }, 'fr'), 'la clé «\u00a0foo\u00a0» est inconnue\u00a0: ignorée');
  assert.equal(describe({ code: 'link_number', field: 'funnel.volume', params: { key: 'vol' } }, 'en'),
    'Count at that stage: link key “vol” is not a plain decimal number: ignored');
  assert.equal(message({ code: 'pair', field: 'uncertainty.ranges.funnel.close_rate', params: {}, message: 'IGNORED' }, 'fr'), 'deux nombres attendus\u00a0: [bas, haut]');
});

test('field labels in the page\'s words', () => {
  assert.equal(fieldLabel('funnel.close_rate', 'fr'), 'Taux de signature');
  assert.equal(fieldLabel('funnel.close_rate', 'en'), 'Close rate');
  assert.equal(fieldLabel('horizon_months', 'fr'), 'Horizon du ROI');
  // The form's label without its unit, as the user reads it beside the field.
  assert.equal(fieldLabel('channels[1].value.margin_rate', 'fr'), 'Canal 2 · Taux de marge brute');
  assert.equal(fieldLabel('funnel.volume', 'fr'), 'Volume à cette étape');
  assert.equal(fieldLabel('costs.fixed[0].amount', 'en'), 'Cost 1 · Amount');
  assert.equal(fieldLabel('uncertainty.ranges.funnel.close_rate', 'fr'), 'Fourchette de «\u00a0Taux de signature\u00a0»');
  assert.equal(fieldLabel('schedule.ramp[2]', 'en'), 'Ramp-up · Month 3');
  assert.equal(fieldLabel('funnel.skip[0]', 'fr'), 'Pas dans mon entonnoir');
  assert.equal(fieldLabel('no.such.field', 'fr'), 'no.such.field');
  assert.equal(fieldLabel('', 'fr'), '');
});

test('the French and English tables have the same keys (English adds the examples\' names)', () => {
  const fr = Object.keys(dict.fr);
  const en = Object.keys(dict.en).filter((k) => !k.startsWith('ex:'));
  assert.deepEqual(fr.filter((k) => !(k in dict.en)), []);
  assert.deepEqual(en.filter((k) => !(k in dict.fr)), []);
});
