// Runs the Monte Carlo simulation off the main thread, so typing never
// waits for it.  One request at a time; the page cancels by terminating
// this worker and starting a new one.
//
// The engine is imported dynamically: with a static import this module's
// body (and so onmessage) would only run once the wasm had loaded, and a
// message arriving during that wait would be dropped.
const engine = import('../engine/roi.js');

self.onmessage = async (e) => {
  const { id, scenario, samples, seed } = e.data;
  let result;
  let t0 = performance.now();
  try {
    const roi = await engine;
    t0 = performance.now(); // time the simulation, not the engine's first load
    result = roi.simulate(scenario, { samples, seed });
  } catch (err) {
    result = { ok: false, errors: [{ field: '', message: String((err && err.message) || err) }] };
  }
  self.postMessage({ id, result, ms: performance.now() - t0 });
};
