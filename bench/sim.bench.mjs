// Simulation benchmark (not a test): 100 000 samples of the pay-per-meeting
// example natively (roi_bench, in-process), in WebAssembly under
// Node and in headless Chromium, with their ratios to native; then how time
// grows with samples and with channels.  Medians of several runs, one run of
// this script for every figure.
// Usage: scripts/build-web.sh && cmake --build build/release --target roi_bench && node bench/sim.bench.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSite, root } from './site.mjs';

const bench = path.join(root, 'build/release/roi_bench');
const roi = await import(path.join(root, 'build/site/engine/roi.js'));
const base = JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures/pay-per-meeting.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'roi-simbench-'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function withChannels(n) {
  const channel = { ...base, name: 'Canal', costs: { ...base.costs, per_meeting: 150 } };
  return { ...base, channels: Array.from({ length: n }, (_, i) => ({ ...channel, name: `Canal ${i + 1}` })) };
}

// Native: roi_bench times the same job (parse, validate, simulate, print)
// in-process, median of 7 runs.
function nativeMs(scenario, samples) {
  const file = path.join(tmp, 's.json');
  fs.writeFileSync(file, JSON.stringify(scenario));
  const r = spawnSync(bench, ['--simulate', String(samples), file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('roi_bench failed: ' + r.stderr);
  return Number(r.stdout);
}

function nodeMs(scenario, samples, runs) {
  const text = JSON.stringify(scenario);
  roi.simulateText(text, { samples: 1000 });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    roi.simulateText(text, { samples });
    times.push(performance.now() - t);
  }
  return median(times);
}

const { base: url, browser, close } = await openSite();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  const chromiumMs = (scenario, samples, runs) => page.evaluate(async ([text, n, k]) => {
    const roi = await import('./engine/roi.js');
    roi.simulateText(text, { samples: 1000 });
    const times = [];
    for (let i = 0; i < k; i++) {
      const t = performance.now();
      roi.simulateText(text, { samples: n });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  }, [JSON.stringify(scenario), samples, runs]);

  const n = nativeMs(base, 100000), w = nodeMs(base, 100000, 7), c = await chromiumMs(base, 100000, 7);
  console.log('100 000 samples of pay-per-meeting (median of 7):');
  console.log(`  native       ${n.toFixed(1)} ms (parse, simulate, print; in-process)`);
  console.log(`  wasm, Node   ${w.toFixed(1)} ms  = ${(w / n).toFixed(2)} x native`);
  console.log(`  wasm, Chromium ${c.toFixed(1)} ms  = ${(c / n).toFixed(2)} x native (aim: under 200 ms, within 2x)`);

  console.log('growth with samples (wasm in Node, native):');
  let prev = null;
  for (const samples of [10000, 100000, 1000000]) {
    const t = nodeMs(base, samples, 3), tn = nativeMs(base, samples);
    console.log(`  ${String(samples).padStart(8)} samples: wasm ${t.toFixed(1)} ms, native ${tn.toFixed(1)} ms` +
      (prev ? `  (wasm x${(t / prev[0]).toFixed(2)}, native x${(tn / prev[1]).toFixed(2)} for x10 samples)` : ''));
    prev = [t, tn];
  }
  console.log('growth with channels, 100 000 samples (wasm in Node):');
  const one = nodeMs(withChannels(1), 100000, 3);
  for (const k of [1, 5, 20]) {
    const t = k === 1 ? one : nodeMs(withChannels(k), 100000, 3);
    console.log(`  ${String(k).padStart(2)} channel(s): ${t.toFixed(1)} ms  (${(t / one).toFixed(2)} x one channel; campaigns simulated: ${k + 1})`);
  }
} finally {
  await close();
}
