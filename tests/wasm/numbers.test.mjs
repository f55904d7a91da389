// Numbers in and out of the WebAssembly core go through JavaScript's exact
// conversions (wasm/roi_host.js) where the CLI uses the C library's strtod
// and printf: the same text for every kind of double, ties included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rng } from './gen.mjs';
import { cli, roi } from './env.mjs';

// Values whose next digit is exactly 5 (ties at 16 and 17 digits, which the C
// library rounds to even), the extremes of double, and random bit patterns.
function numbers() {
  const r = rng(20261202);
  const out = [1000000000000000.25, 123456789012345.125, 2251799813685247.75, 4503599627370495.5,
    5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 1 / 3, 2 / 3, 1e21, 1e-7,
    123456.789, 0.000123, 9007199254740993, -0, 100, 1e15, 999999999999999.9];
  for (let i = 0; i < 150; i++) {
    const whole = 1e15 + Math.floor(r() * 1.25e15);
    out.push(whole + [0.25, 0.75][i % 2]);                          // 18 digits, last a 5
    out.push(Math.floor(r() * 1e14) + [0.125, 0.375, 0.625, 0.875][i % 4]);
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(0, Math.floor(r() * 0x7fefffff));
    view.setUint32(4, Math.floor(r() * 0x100000000));
    out.push(view.getFloat64(0) * (i % 2 ? -1 : 1));                  // any finite double
    out.push(r() * 10 ** Math.floor(r() * 30 - 10));
  }
  return out;
}

test('numbers: wasm and CLI write and read every double the same way', () => {
  const values = numbers();
  // 20 channels of four numbers each per document: valid ones come back in
  // the canonical scenario, out-of-range ones in the errors' params.
  for (let start = 0; start < values.length; start += 80) {
    const chunk = values.slice(start, start + 80);
    const channels = [];
    for (let c = 0; c < chunk.length; c += 4) {
      channels.push({ name: `c${c}`, value: { deal_value: chunk[c] }, costs: { model: 'per_meeting', per_meeting: chunk[c + 1] ?? 1 },
        funnel: { entry: 'meetings', volume: chunk[c + 2] ?? 1, close_rate: chunk[c + 3] ?? 0.5 } });
    }
    const text = JSON.stringify({ channels });
    const native = spawnSync(cli, ['canonical', '-'], { input: text, encoding: 'utf8' }).stdout.replace(/\n$/, '');
    assert.ok(native.length > 100, 'the CLI answered');
    assert.equal(roi.canonicalText(text), native, `values ${start}..${start + chunk.length}`);
    assert.equal(roi.evaluateText(text), spawnSync(cli, ['eval', '-'], { input: text, encoding: 'utf8' }).stdout.replace(/\n$/, ''));
  }
});

test('numbers: ties are rounded to even, as the C library does', () => {
  const doc = roi.canonical({ value: { deal_value: 1000000000000000.25 } });
  assert.equal(doc.errors[0].params.got, 1000000000000000.2);
  assert.match(roi.canonicalText(JSON.stringify({ value: { deal_value: 123456789012345.125 } })), /"got":123456789012345\.12[,}]/);
});
