// The WebAssembly engine against the native CLI: same bytes on the worked
// examples and on generated scenarios; scenario links round-trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rng, scenario, brokenWithField, usesNewFields } from './gen.mjs';
import { cli, fixtures, roi, tempDir } from './env.mjs';

const tmp = tempDir('roi-wasm-');

function native(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

function nativeEval(text) {
  const file = path.join(tmp, 'scenario.json');
  fs.writeFileSync(file, text);
  return native(['eval', file]).out.replace(/\n$/, '');
}

test('version matches the CLI', () => {
  const v = execFileSync(cli, ['--version'], { encoding: 'utf8' });
  assert.match(v, new RegExp(`roi ${roi.version.replace(/\./g, '\\.')} `));
});

test('worked examples: wasm and CLI print identical JSON', () => {
  const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.json'));
  files.push(...fs.readdirSync(path.join(fixtures, 'invalid')).map((f) => `invalid/${f}`));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const text = fs.readFileSync(path.join(fixtures, f), 'utf8');
    assert.equal(roi.evaluateText(text), nativeEval(text), f);
  }
  assert.equal(roi.evaluate(JSON.parse(fs.readFileSync(path.join(fixtures, 'pay-per-meeting.json'), 'utf8'))).roi, 3.8);
});

test('300 generated scenarios: wasm and CLI print identical JSON', () => {
  const r = rng(20261123);
  let valid = 0, fresh = 0;
  for (let i = 0; i < 300; i++) {
    const [s, field, code] = i % 10 === 9 ? brokenWithField(r) : [scenario(r), null, null];
    const text = JSON.stringify(s);
    const wasm = roi.evaluateText(text);
    assert.equal(wasm, nativeEval(text), `scenario ${i}: ${text}`);
    assert.doesNotMatch(wasm, /NaN|Infinity/);
    const doc = JSON.parse(wasm);
    if (field) {
      assert.equal(doc.ok, false, text);
      assert.ok(doc.errors.some((e) => e.field === field && (!code || e.code === code)),
        `${field} ${code || ''} not in ${JSON.stringify(doc.errors)}`);
    } else {
      // Every document the generator calls valid is.
      assert.equal(doc.ok, true, `scenario ${i}: ${text}\n${JSON.stringify(doc.errors)}`);
      valid++;
      if (usesNewFields(s)) fresh++;
    }
  }
  assert.ok(valid >= 250, `only ${valid} valid scenarios generated`);
  // Skip, commission, schedule and goal in a good share of them.
  assert.ok(fresh >= 0.4 * valid, `only ${fresh} of ${valid} use the 2026-12 fields`);
});

test('links: decode(encode(s)) gives back the same scenario, channels and ranges included', () => {
  const r = rng(42);
  let withChannels = 0, withNew = 0;
  for (let i = 0; i < 300; i++) {
    const s = scenario(r);
    const link = roi.encodeLink(s);
    const { scenario: back, warnings } = roi.decodeLink(link);
    assert.deepEqual(warnings, [], link);
    // Same numbers, and the decoded scenario encodes to the same link.
    assert.equal(roi.evaluateText(JSON.stringify(back)), roi.evaluateText(JSON.stringify(s)), link);
    assert.equal(roi.encodeLink(back), link);
    // The decoded scenario is canonical: decoding its link gives it back.
    assert.deepEqual(roi.decodeLink(roi.encodeLink(back)).scenario, back, link);
    if ((s.channels || []).length) withChannels++;
    if (usesNewFields(s)) withNew++;
  }
  assert.ok(withChannels > 50);
  assert.ok(withNew >= 120, `only ${withNew} links with the 2026-12 fields`);
});

test('links: the CLI and wasm encode and decode alike', () => {
  const file = path.join(fixtures, 'lead-generation.json');
  const text = fs.readFileSync(file, 'utf8');
  const link = roi.encodeLink(text);
  assert.equal(native(['link', 'encode', file]).out.trim(), link);
  const decoded = native(['link', 'decode', link]);
  assert.equal(decoded.status, 0);
  assert.deepEqual(JSON.parse(decoded.out), roi.decodeLink(link).scenario);
});

test('links: the pay-per-meeting example fits in 160 characters, name included', () => {
  const s = JSON.parse(fs.readFileSync(path.join(fixtures, 'pay-per-meeting.json'), 'utf8'));
  const link = roi.encodeLink(s);
  assert.ok(link.length <= 160, `${link.length}: ${link}`);
  assert.match(link, /^v=2&/);
  assert.match(link, /n=Campagne\+factur%C3%A9e/);
  // Defaults are left out.
  assert.doesNotMatch(link, /&(g=1|cu=EUR|ro=0)(&|$)/);
});

test('links: a whole URL, a leading # and a bare fragment decode alike', () => {
  const link = 'v=1&entry=meetings&vol=50&close=0.25';
  const a = roi.decodeLink(link).scenario;
  assert.deepEqual(roi.decodeLink('#' + link).scenario, a);
  assert.deepEqual(roi.decodeLink('https://example.com/roi/?utm=x#' + link).scenario, a);
  assert.equal(a.funnel.volume, 50);
  assert.equal(a.funnel.close_rate, 0.25);
});

test('links: bad, unknown and truncated pairs are dropped with a warning, good ones kept', () => {
  const cases = [
    ['v=1&vol=50&entry=meetings&close=abc', 'funnel.close_rate'],
    ['v=1&vol=50&entry=meetings&close=1.5', 'funnel.close_rate'],
    ['v=1&vol=50&entry=meetings&colour=blue', 'colour'],
    ['v=1&vol=50&entry=meetings&model=per_lead', 'costs.model'],
    ['v=1&vol=50&entry=meetings&model=per_call&pcall=2', 'costs.model'],
    ['v=1&vol=50&entry=meetings&n=%E2%82', 'name'],
    ['v=1&vol=50&entry=meetings&c25.vol=3', 'channels'],
    ['v=1&vol=50&entry=meetings&r.close=0.1:0.2', 'uncertainty.ranges.funnel.close_rate'],
    ['v=1&vol=50&entry=meetings&fix=abc:Files', 'costs.fixed'],
    ['v=1&vol=50&entry=meetings&cl', ''],
  ];
  for (const [link, field] of cases) {
    const { scenario: s, warnings } = roi.decodeLink(link);
    assert.ok(warnings.some((w) => w.field === field), `${link}: ${JSON.stringify(warnings)}`);
    assert.equal(s.funnel.volume, 50, link);
    assert.equal(s.funnel.entry, 'meetings', link);
    assert.equal(roi.evaluate(s).ok, true, link);
  }
});

test('links: hostile input never crashes; over 8 KiB is refused', () => {
  const r = rng(7);
  const alphabet = 'v=1&%#+:.c0r.-é\u0000\uffffabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 500; i++) {
    const n = Math.floor(r() * 200);
    let s = '';
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(r() * alphabet.length)];
    let decoded;
    try {
      decoded = roi.decodeLink(s);
    } catch (e) {
      // The only refusal a short link can get: a version other than 1.
      assert.ok(e.errors.length > 0 && e.errors.every((x) => x.code === 'link_version'), s);
      continue;
    }
    assert.equal(roi.evaluate(decoded.scenario).ok, true, s);
  }
  assert.throws(() => roi.decodeLink('v=1&' + 'x'.repeat(9000)), /over the limit of 8192 bytes/);
  const big = native(['link', 'decode', 'v=1&' + 'x'.repeat(9000)]);
  assert.equal(big.status, 1);
  assert.match(big.err, /over the limit/);
});

test('links: another format version is refused with link_version, not misread', () => {
  assert.throws(() => roi.decodeLink('v=9&vol=50&entry=meetings'), (e) =>
    e.errors.some((x) => x.code === 'link_version' && x.field === 'version' && x.params.got === '9'));
  assert.equal(roi.decodeLink('vol=50&entry=meetings').scenario.funnel.volume, 50);
});

test('links: values that are not plain decimals are dropped with link_number', () => {
  for (const v of ['0x10', '0x1p3', '%0A7', '%207', 'inf', 'nan']) {
    const { scenario: s, warnings } = roi.decodeLink(`v=1&vol=${v}`);
    assert.equal(s.funnel.volume, 0, v);
    assert.ok(warnings.some((w) => w.field === 'funnel.volume' && w.code === 'link_number'), v);
  }
});

test('encodeLink refuses a scenario whose link would not open, with link_too_long', () => {
  const label = 'é'.repeat(80);
  const campaign = (name) => ({ name, costs: { fixed: Array.from({ length: 50 }, () => ({ label, amount: 1 })) } });
  const s = { ...campaign(label), channels: Array.from({ length: 20 }, () => campaign(label)) };
  assert.throws(() => roi.encodeLink(s), (e) =>
    e.errors.length === 1 && e.errors[0].code === 'link_too_long' && e.errors[0].params.max === 8192 && e.errors[0].params.bytes > 8192);
});

test('encodeLink refuses an invalid scenario with its errors', () => {
  assert.throws(() => roi.encodeLink({ funnel: { close_rate: 2 } }), (e) =>
    e.errors.some((x) => x.field === 'funnel.close_rate' && x.code === 'range' &&
      x.params.min === 0 && x.params.max === 1 && x.params.got === 2));
});

test('codes(): the table of `roi codes`, and every error a scenario gives has a code from it', () => {
  const table = roi.codes();
  assert.deepEqual(table, JSON.parse(native(['codes']).out));
  const byCode = new Map(table.map((c) => [c.code, c]));
  for (const c of ['type', 'range', 'range_above', 'enum', 'too_long', 'too_many', 'unknown_key',
    'needs_count', 'range_order', 'skip_rate', 'goal_stage', 'json', 'too_big', 'nul_char']) {
    assert.ok(byCode.has(c), c);
  }
  const r = roi.evaluate('{"name": 3, "funnel": {"close_rate": 2}, "colour": 1}');
  for (const e of [...r.errors, ...r.warnings]) {
    const row = byCode.get(e.code);
    assert.ok(row, JSON.stringify(e));
    assert.deepEqual(Object.keys(e.params), row.params);
  }
});

test('qrSvg: the same SVG as `roi link qr` (which zbar reads back), null past the capacity', () => {
  const link = 'https://calc.example/index.html#' + execFileSync(cli, ['link', 'encode', path.join(fixtures, 'pay-per-meeting.json')], { encoding: 'utf8' }).trim();
  const texts = [link, 'Campagne facturée au rendez-vous — 50 € · 日本語', link + '&c0.n=' + 'x'.repeat(2400), 'é'.repeat(1476) + 'a'];
  for (const text of texts) {
    const svg = roi.qrSvg(text);
    assert.equal(svg, native(['link', 'qr', '-'], text + '\n').out.replace(/\n$/, ''), `${Buffer.byteLength(text)} bytes`);
    assert.match(svg, /^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    assert.doesNotMatch(svg, /calc|é|日/); // numbers only, never the text
  }
  // 2953 bytes of UTF-8 fit version 40-L; one more byte does not.
  assert.equal(Buffer.byteLength('é'.repeat(1476) + 'a'), 2953);
  assert.equal(roi.qrSvg('é'.repeat(1477)), null);
  assert.equal(native(['link', 'qr', '-'], 'é'.repeat(1477)).status, 1);
});
