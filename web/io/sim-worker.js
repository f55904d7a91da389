// Runs the Monte Carlo simulation off the main thread, so typing never
// waits for it.  One request at a time; the page cancels by terminating
// this worker and starting a new one.
//
// Besides the scenario as it is, the worker simulates it once per billing
// model the core compared (costs.model set to that model, same samples and
// seed): each row of the billing table gets its own risk, from an input
// changed, not a formula.
//
// The engine is imported dynamically: with a static import this module's
// body (and so onmessage) would only run once the wasm had loaded, and a
// message arriving during that wait would be dropped.
const engine = import('../engine/roi.js');

/** The scenario with another billing model (the scenario itself is not touched). */
export function withModel(scenario, model) {
  return { ...scenario, costs: { ...(scenario.costs || {}), model } };
}

self.onmessage = async (e) => {
  const { id, scenario, samples, seed, models = [] } = e.data;
  let result;
  let t0 = performance.now();
  try {
    const roi = await engine;
    t0 = performance.now(); // time the simulation, not the engine's first load
    result = roi.simulate(scenario, { samples, seed });
    if (result.ok) {
      const own = scenario.costs?.model;
      result.billing = models.map((model) => {
        const r = model === own ? result : roi.simulate(withModel(scenario, model), { samples, seed });
        return r.ok ? { model, p_loss: r.p_loss, roi: r.roi, net: r.net } : { model, p_loss: null, roi: null, net: null };
      });
    }
  } catch (err) {
    result = { ok: false, errors: [{ field: '', message: String((err && err.message) || err) }] };
  }
  self.postMessage({ id, result, ms: performance.now() - t0 });
};
