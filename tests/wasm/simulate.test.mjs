// The Monte Carlo simulation in WebAssembly against the native CLI: the same
// scenario, sample count and seed give the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rng, scenario } from './gen.mjs';
import { cli, fixtures, roi, tempDir } from './env.mjs';

const tmp = tempDir('roi-sim-');

function nativeSimulate(text, samples, seed) {
  const file = path.join(tmp, 'scenario.json');
  fs.writeFileSync(file, text);
  const r = spawnSync(cli, ['simulate', '--samples', String(samples), '--seed', String(seed), file], { encoding: 'utf8' });
  return r.stdout.replace(/\n$/, '');
}

test('worked examples: wasm and CLI simulate to identical bytes', () => {
  for (const f of fs.readdirSync(fixtures).filter((x) => x.endsWith('.json'))) {
    const text = fs.readFileSync(path.join(fixtures, f), 'utf8');
    for (const [samples, seed] of [[10000, 1], [777, 9007199254740991]]) {
      assert.equal(roi.simulateText(text, { samples, seed }), nativeSimulate(text, samples, seed), `${f} ${samples} ${seed}`);
    }
  }
});

test('60 generated scenarios with channels: wasm and CLI simulate to identical bytes', () => {
  const r = rng(20261123);
  for (let i = 0; i < 60; i++) {
    const text = JSON.stringify(scenario(r));
    const seed = Math.floor(r() * 1e9);
    assert.equal(roi.simulateText(text, { samples: 500, seed }), nativeSimulate(text, 500, seed), `scenario ${i}: ${text}`);
  }
});

test('simulate(): defaults, same seed same result, limits are errors naming the field', () => {
  const s = JSON.parse(fs.readFileSync(path.join(fixtures, 'pay-per-meeting.json'), 'utf8'));
  const a = roi.simulate(s);
  assert.equal(a.ok, true);
  assert.equal(a.samples, 10000);
  assert.equal(a.seed, 1);
  assert.deepEqual(roi.simulate(s, { samples: 10000, seed: 1 }), a);
  assert.notDeepEqual(roi.simulate(s, { seed: 2 }).net, a.net);
  assert.ok(a.roi.p10 <= a.roi.p50 && a.roi.p50 <= a.roi.p90);
  assert.equal(a.histogram.counts.reduce((x, y) => x + y, 0), 10000);
  for (const [opts, field] of [[{ samples: 1000001 }, 'samples'], [{ samples: 0 }, 'samples'], [{ samples: 'lots' }, 'samples'],
    [{ seed: -1 }, 'seed'], [{ seed: 2 ** 53 }, 'seed']]) {
    const r = roi.simulate(s, opts);
    assert.equal(r.ok, false);
    assert.ok(r.errors.some((e) => e.field === field && e.code === 'whole_range' &&
      e.params.max === (field === 'samples' ? 1000000 : 2 ** 53 - 1)), JSON.stringify(r.errors));
  }
  const zero = roi.simulate({ ...s, uncertainty: { spread: 0 } }, { samples: 100 });
  assert.deepEqual([zero.roi.p10, zero.roi.p50, zero.roi.p90], [3.8, 3.8, 3.8]);
});
