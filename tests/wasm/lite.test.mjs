// The widget's lite engine (roi_lite.js: evaluation and links only) against
// the native CLI: the same bytes as the full engine, on the worked examples,
// 200 generated scenarios and their links; and only what it promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rng, scenario } from './gen.mjs';
import { cli, fixtures, site } from './env.mjs';

const lite = await import(path.join(site, 'engine/roi_lite.js'));
const native = (args, input) => spawnSync(cli, args, { input, encoding: 'utf8' }).stdout.replace(/\n$/, '');

test('lite engine: the API it promises, nothing more', () => {
  assert.deepEqual(Object.keys(lite).sort(), ['decodeLink', 'encodeLink', 'evaluate', 'evaluateText', 'version']);
  assert.match(lite.version, /^\d+\.\d+\.\d+$/);
});

test('lite engine: worked examples and generated scenarios, same bytes and links as the CLI', () => {
  const texts = fs.readdirSync(fixtures).filter((f) => f.endsWith('.json'))
    .map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));
  const r = rng(20261202);
  for (let i = 0; i < 200; i++) texts.push(JSON.stringify(scenario(r)));
  assert.ok(texts.length > 200);
  for (const text of texts) {
    assert.equal(lite.evaluateText(text), native(['eval', '-'], text));
    const doc = JSON.parse(lite.evaluateText(text));
    if (!doc.ok) continue;
    const link = lite.encodeLink(text);
    assert.equal(link, native(['link', 'encode', '-'], text));
    assert.equal(lite.evaluateText(JSON.stringify(lite.decodeLink(link).scenario)), lite.evaluateText(text));
  }
});

test('full engine: its arena allocator starts over after every call, simulations, QR codes and tables included', async () => {
  const { load, bind, bindFull } = await import(path.join(site, 'engine/roi_bind.js'));
  const create = (await import(path.join(site, 'engine/roi_core.js'))).default;
  const mod = await load(create, path.join(site, 'engine/roi_core.wasm'));
  const api = { ...bind(mod), ...bindFull(mod) };
  const first = mod._malloc(1);
  mod._free(first);
  const text = fs.readFileSync(path.join(fixtures, 'pay-per-meeting.json'), 'utf8');
  const sim = native(['simulate', '--samples', '2000', '--seed', '3', '-'], text);
  const run = () => {
    assert.equal(api.simulateText(text, { samples: 2000, seed: 3 }), sim);
    assert.equal(api.evaluateText(text), native(['eval', '-'], text));
    assert.match(api.qrSvg('https://example.com/#v=2&q=50'), /^<svg/);
    assert.ok(api.fields().fields.length > 40);
    assert.ok(api.codes().length > 40);
    assert.equal(api.canonicalText(text), native(['canonical', '-'], text));
  };
  run();
  const size = mod.heap().length;
  for (let i = 0; i < 20; i++) run();
  assert.equal(mod.heap().length, size, 'no growth after the first round');
  const again = mod._malloc(1);
  mod._free(again);
  assert.equal(again, first, 'the arena started over');
});

test('lite engine: its arena allocator starts over after every call; memory stays as the largest call left it', async () => {
  // The module itself (roi_arena.c): the same address for a first block
  // before and after hundreds of calls, and no growth once the largest
  // call has run.
  const { load, bind } = await import(path.join(site, 'engine/roi_bind.js'));
  const create = (await import(path.join(site, 'engine/roi_lite_core.js'))).default;
  const mod = await load(create, path.join(site, 'engine/roi_lite_core.wasm'));
  const api = bind(mod);
  const first = mod._malloc(1);
  mod._free(first);
  const big = JSON.parse(fs.readFileSync(path.join(fixtures, 'lead-generation.json'), 'utf8'));
  big.name = 'x'.repeat(80);
  big.channels = Array.from({ length: 20 }, (_, i) => ({ name: `Canal ${i} ` + 'é'.repeat(60), funnel: { entry: 'calls', volume: 1000 + i } }));
  const bigText = JSON.stringify(big);
  const r = rng(7);
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      const text = i % 10 === 0 ? bigText : JSON.stringify(scenario(r));
      assert.equal(api.evaluateText(text), native(['eval', '-'], text));
      if (i % 25 === 0) assert.throws(() => api.decodeLink('v=99'));
    }
  };
  run(20);
  const size = mod.heap().length;
  run(100);
  assert.equal(mod.heap().length, size, 'no growth after the largest call');
  const again = mod._malloc(1);
  mod._free(again);
  assert.equal(again, first, 'the arena started over');
  // Every block on a 16-byte boundary; a stray free (nothing live) changes nothing.
  const blocks = [1, 3, 17, 100, 4096].map((n) => mod._malloc(n));
  assert.deepEqual(blocks.map((b) => b % 16), [0, 0, 0, 0, 0]);
  for (const b of blocks) mod._free(b);
  mod._free(first);
  assert.equal(api.evaluateText(bigText), native(['eval', '-'], bigText));
  const after = mod._malloc(1);
  mod._free(after);
  assert.equal(after, first, 'still starting over after a stray free');
});
