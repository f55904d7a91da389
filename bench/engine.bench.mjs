// Engine benchmark in the browser (not a test): evaluate() of build/site's
// roi.js in headless Chromium, one call with a 60-month schedule
// (in-house-ramp-up.json with schedule.months = 60) and one with a goal
// (goal-net-result.json), batch mean in µs against the 50 µs aim.  Compare
// with the native figures of `roi_bench --latency`.
// Usage: scripts/build-web.sh && node bench/engine.bench.mjs
import fs from 'node:fs';
import path from 'node:path';
import { openSite, root } from './site.mjs';

const fixture = (f) => JSON.parse(fs.readFileSync(path.join(root, 'tests/fixtures', f), 'utf8'));
const rampUp = fixture('in-house-ramp-up.json');
rampUp.schedule.months = 60;
const cases = [
  ['in-house-ramp-up, schedule.months = 60', rampUp],
  ['goal-net-result (goal: net 50000)', fixture('goal-net-result.json')],
];
const AIM_US = 50;

const { base, browser, close } = await openSite();
try {
  const page = await browser.newPage();
  // A blank page of the same origin: only roi.js, not the calculator's UI.
  await page.route(base + 'bench-engine.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>engine</title>' }));
  await page.goto(base + 'bench-engine.html');
  const results = await page.evaluate(async (list) => {
    const roi = await import('./engine/roi.js');
    const out = [];
    for (const [what, s] of list) {
      const text = JSON.stringify(s);
      if (!roi.evaluate(s).ok) throw new Error(`${what} does not evaluate`);
      for (let i = 0; i < 100; i++) roi.evaluate(s); // warm-up
      // Batches of 200 calls until 1 s has passed: performance.now() is
      // coarse in a page, a batch mean is not.
      let calls = 0;
      const start = performance.now();
      while (performance.now() - start < 1000) { for (let i = 0; i < 200; i++) roi.evaluate(s); calls += 200; }
      const evaluateUs = ((performance.now() - start) / calls) * 1000;
      let textCalls = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 1000) { for (let i = 0; i < 200; i++) roi.evaluateText(text); textCalls += 200; }
      const textUs = ((performance.now() - t0) / textCalls) * 1000;
      out.push({ what, evaluateUs, textUs, calls, bytes: roi.evaluateText(text).length });
    }
    return out;
  }, cases);
  console.log(`evaluate() in headless Chromium, batch mean (aim: under ${AIM_US} µs):`);
  for (const r of results) {
    console.log(`  ${r.what.padEnd(42)} evaluate() ${r.evaluateUs.toFixed(1).padStart(7)} µs (${(r.evaluateUs / AIM_US).toFixed(2)}x the aim)` +
      `   evaluateText() ${r.textUs.toFixed(1).padStart(7)} µs   (${r.calls} calls, result ${r.bytes} bytes)`);
  }
} finally {
  await close();
}
