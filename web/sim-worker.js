// Runs the Monte Carlo simulation off the main thread, so typing never
// waits for it.  One request at a time; the page cancels by terminating
// this worker and starting a new one.
import * as roi from './roi.js';

self.onmessage = (e) => {
  const { id, scenario, samples, seed } = e.data;
  const t0 = performance.now();
  let result;
  try {
    result = roi.simulate(scenario, { samples, seed });
  } catch (err) {
    result = { ok: false, errors: [{ field: '', message: String(err && err.message || err) }] };
  }
  self.postMessage({ id, result, ms: performance.now() - t0 });
};
self.postMessage({ ready: true });
