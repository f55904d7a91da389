// Runs the simulation in a Web Worker, off the main thread: again 300 ms
// after the last valid edit or seed change, at once for a new sample count;
// a running one is cancelled by terminating its worker.  Answers reach the
// state as actions.
import { seedOf } from '../state/view.js';

export function startSimulation(store) {
  let worker = null, timer = 0, id = 0;
  const start = () => {
    // From the page's address (index.html at the site's root), not this
    // module's: the production build bundles this module elsewhere.
    worker = new Worker(new URL('io/sim-worker.js', document.baseURI), { type: 'module' });
    worker.onmessage = (e) => store.dispatch({ type: 'simDone', id: e.data.id, result: e.data.result, ms: e.data.ms });
  };
  const cancel = (quiet) => {
    if (!worker) return;
    worker.terminate();
    start();
    store.dispatch({ type: 'simCancel', quiet });
  };
  const run = () => {
    clearTimeout(timer);
    const state = store.getState();
    // The scenario of the results shown (the last valid one): a value typed
    // since and refused is not simulated (the core would refuse it too).
    if (!state.result || !state.valid) return;
    const seed = seedOf(state.view.seedText);
    if (seed === null) return;
    if (!worker) start();
    else if (state.sim.running) cancel(true);
    const samples = Number(state.view.samples);
    id = Math.max(id, state.sim.id) + 1;
    store.dispatch({ type: 'simStart', id, samples });
    // One run per billing model too (the billing table's risk columns).
    worker.postMessage({ id, scenario: state.valid, samples, seed, models: state.result.billing.map((r) => r.model) });
  };
  const schedule = () => { clearTimeout(timer); timer = setTimeout(run, 300); };
  // The worker (and its copy of the engine) starts with the first run, 300 ms
  // after the first result: never in the way of the page's first answer.
  store.subscribe((state, prev) => {
    if (state.view.samples !== prev.view.samples) run();
    else if (state.result !== prev.result || state.view.seedText !== prev.view.seedText) schedule();
  });
  return { cancel: () => cancel(false) };
}
