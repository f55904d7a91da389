// CSV for spreadsheets, and the scenario document that export, import, the
// library and the host payload share (any size, never a throw).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvNumber, toCsv, fileName } from './export.js';

test('CSV fields are quoted when they hold the separator, a quote or a line break', () => {
  assert.equal(csvField('plain', ';'), 'plain');
  assert.equal(csvField('a;b', ';'), '"a;b"');
  assert.equal(csvField('a,b', ';'), 'a,b');
  assert.equal(csvField('a,b', ','), '"a,b"');
  assert.equal(csvField('say "hi"', ','), '"say ""hi"""');
  assert.equal(csvField('two\nlines', ','), '"two\nlines"');
  assert.equal(csvField('cr\r', ','), '"cr\r"');
  assert.equal(csvField(null, ','), '');
  assert.equal(csvField(undefined, ','), '');
});

test('numbers: decimal comma in French, point in English, no grouping, empty for null', () => {
  assert.equal(csvNumber(1234.5, 'fr'), '1234,5');
  assert.equal(csvNumber(1234.5, 'en'), '1234.5');
  assert.equal(csvNumber(3, 'fr'), '3');
  assert.equal(csvNumber(null, 'fr'), '');
  assert.equal(csvNumber(1e-7, 'en'), '0.0000001');
  assert.equal(csvNumber(-0.5, 'fr'), '-0,5');
  assert.equal(csvNumber(46.080000000000005, 'fr'), '46,08', 'no binary noise');
  assert.equal(csvNumber(-0.6605374823196606, 'en'), '-0.66053748232');
  assert.equal(csvNumber(140.35714285714286, 'en'), '140.357142857');
});

test('toCsv: BOM, the language\'s separator, CRLF lines', () => {
  const fr = toCsv([['Canal', 'ROI'], ['Emailing; "printemps"', 0.25], ['Vide', null]], 'fr');
  assert.equal(fr, '\ufeffCanal;ROI\r\n"Emailing; ""printemps""";0,25\r\nVide;\r\n');
  const en = toCsv([['Channel', 'ROI'], ['a,b', 1.5]], 'en');
  assert.equal(en, '\ufeffChannel,ROI\r\n"a,b",1.5\r\n');
});

test('file names: letters, digits and dashes', () => {
  assert.equal(fileName('Campagne facturée au rendez-vous', '.json'), 'Campagne-facturee-au-rendez-vous.json');
  assert.equal(fileName('', '.csv'), 'scenario.csv');
  assert.equal(fileName('$&/..', '.json'), 'scenario.json');
});

/* ---- scenarioDocument / linkFor, against a fake engine and the real one ---- */

import fs from 'node:fs';
import { linkFor, scenarioDocument, scenarioJson } from './export.js';

/** An engine whose links pass 8 KiB above `limit` characters of JSON. */
function fakeEngine(limit = 200) {
  const invalid = (s) => (JSON.parse(typeof s === 'string' ? s : JSON.stringify(s)).bad ? [{ field: 'bad', code: 'range', params: {}, message: 'bad' }] : null);
  return {
    evaluate(s) { const e = invalid(s); return e ? { ok: false, errors: e, warnings: [] } : { ok: true, warnings: [] }; },
    encodeLink(s) {
      const text = typeof s === 'string' ? s : JSON.stringify(s);
      const e = invalid(s);
      if (e) throw Object.assign(new Error('invalid'), { errors: e });
      if (text.length > limit) throw Object.assign(new Error('too long'), { errors: [{ field: '', code: 'link_too_long', params: { bytes: text.length * 40, max: 8192 } }] });
      return 'L' + text;
    },
    decodeLink(l) { return { scenario: { ...JSON.parse(l.slice(1)), canonical: true }, warnings: [] }; },
  };
}

test('linkFor: the link, or null with the size and the limit, or the errors; never a throw', () => {
  const eng = fakeEngine();
  assert.deepEqual(linkFor(eng, { a: 1 }), { ok: true, link: 'L{"a":1}' });
  assert.deepEqual(linkFor(eng, { a: 'x'.repeat(300) }), { ok: true, link: null, tooLong: { bytes: 308 * 40, max: 8192 } });
  assert.equal(linkFor(eng, { bad: 1 }).ok, false);
  assert.equal(linkFor(eng, { bad: 1 }).errors[0].code, 'range');
  const broken = { encodeLink() { throw new Error('roi: out of memory'); } };
  assert.deepEqual(linkFor(broken, {}).errors.map((e) => e.code), ['internal']);
});

test('scenarioDocument: canonical when the link fits, the validated scenario itself when not', () => {
  const eng = fakeEngine();
  assert.deepEqual(scenarioDocument(eng, { a: 1 }), { ok: true, scenario: { a: 1, canonical: true }, link: 'L{"a":1}', tooLong: null, canonical: true });
  const big = { a: 'x'.repeat(300), list: [1, 2] };
  const d = scenarioDocument(eng, big);
  assert.deepEqual(d, { ok: true, scenario: big, link: null, tooLong: { bytes: JSON.stringify(big).length * 40, max: 8192 }, canonical: false });
  assert.notEqual(d.scenario, big); // a copy
  assert.deepEqual(scenarioDocument(eng, JSON.stringify(big)).scenario, big); // JSON text too
  assert.deepEqual(scenarioDocument(eng, { bad: 1 }).errors.map((e) => e.field), ['bad']);
  const throwing = { encodeLink() { throw new Error('boom'); }, evaluate() { throw new Error('boom'); } };
  assert.equal(scenarioDocument(throwing, {}).ok, false);
  assert.equal(scenarioJson({ a: 1 }), '{\n  "a": 1\n}\n');
});

// With the real engine (web/engine, from scripts/build-engine.sh), when built.
const site = new URL('./engine/roi.js', import.meta.url);
const roi = fs.existsSync(site) ? await import(site) : null;

test('scenarioDocument with the core: a 20-channel scenario past 8 KiB of link is kept whole', { skip: !roi && 'engine not built (scripts/build-engine.sh)' }, () => {
  const nm = (i) => ('Équipe télévente « élargie » — zone Île-de-France, été, spécialisée n°' + i).slice(0, 80);
  const big = {
    version: 1, name: 'Très grand scénario', funnel: { entry: 'meetings', volume: 50, close_rate: 0.25 },
    value: { deal_value: 6000, margin_rate: 0.4 }, costs: { model: 'per_meeting', per_meeting: 120 },
    channels: Array.from({ length: 20 }, (_, i) => ({ name: nm(i), funnel: { entry: 'contacts', volume: 5000, lead_rate: 0.02, meeting_rate: 0.4, close_rate: 0.2 }, costs: { model: 'flat', flat_fee: 1500, fixed: [{ label: 'Coûts annexes ' + 'è'.repeat(40), amount: 200 }] }, value: { deal_value: 6000 } })),
  };
  assert.throws(() => roi.encodeLink(big), (e) => e.errors[0].code === 'link_too_long');
  const d = scenarioDocument(roi, big);
  assert.equal(d.ok, true);
  assert.equal(d.link, null);
  assert.equal(d.tooLong.max, 8192);
  assert.ok(d.tooLong.bytes > 8192);
  // The canonical document of the whole scenario (core's canonical()), with
  // every field written out: it evaluates to the same result.
  assert.equal(d.canonical, true);
  assert.equal(d.scenario.channels.length, 20);
  assert.equal(d.scenario.channels[19].name, big.channels[19].name);
  assert.equal(d.scenario.channels[0].funnel.contact_rate, 1);
  assert.deepEqual(roi.evaluate(d.scenario), roi.evaluate(big));
  // A small one: the canonical document, every field written.
  const small = scenarioDocument(roi, { funnel: { entry: 'meetings', volume: 50 } });
  assert.equal(small.canonical, true);
  assert.equal(small.scenario.funnel.close_rate, roi.decodeLink(small.link).scenario.funnel.close_rate);
  assert.ok('reallocation' in small.scenario);
  // An invalid one: the core's errors.
  assert.deepEqual(scenarioDocument(roi, { funnel: { close_rate: 2 } }).errors.map((e) => e.field), ['funnel.close_rate']);
});
