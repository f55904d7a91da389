// The default example as the core computed it at build time: the page opens
// on it without downloading the engine, which loads at the visitor's first
// sign of use (a key, a tap, a click, the focus in the page).
//
// scripts/prerender.mjs opens the page with ?snapshot, and this module
// writes there, once the example's result and its simulation are in, the
// actions that put them into the store (record).  The build writes them
// into index.html (<script type="application/json" id="roi-snap">).  On a
// cold load, read() hands them back when the address opens exactly that
// page (the first paint's own rule, first-paint.js, and the same number of
// simulations and seed) in a browser with no saved scenario; replay()
// dispatches them.  Anything else (another scenario, language, currency,
// a host page, a library to list) loads the engine at once.
import { snapshotHolds } from '../first-paint.js';
import { savedHere } from '../library-keys.js';

/** Whether this load is the build's (scripts/prerender.mjs). */
export const recording = () => new URLSearchParams(location.search).has('snapshot');

/** Once the store holds the example's result, link and simulation: its
 *  actions, as JSON text in window.roiSnapshot (read by the build). */
export function record(store, version) {
  const grab = (state) => {
    const { scenario, result, link, tooLong, sim, view } = state;
    if (!result || sim.running || !sim.last || sim.lastFor !== result) return false;
    window.roiSnapshot = JSON.stringify({
      version, lang: view.lang, samples: view.samples, seed: view.seedText,
      actions: [
        { type: 'load', scenario, link },
        { type: 'evaluated', result, link, tooLong },
        { type: 'simStart', id: sim.id, samples: sim.samples },
        { type: 'simDone', id: sim.id, result: { ...sim.last, ms: undefined }, ms: 0, built: true },
      ],
    });
    return true;
  };
  let done = grab(store.getState());
  store.subscribe((s) => { if (!done) done = grab(s); });
}

/** The build's actions for this address and view, or null; null too in a
 *  browser that holds saved scenarios: « Mes scénarios » lists them at
 *  once, read with the engine. */
export function read(view) {
  if (savedHere()) return null;
  const el = document.getElementById('roi-snap');
  if (!el) return null;
  let snap;
  try { snap = JSON.parse(el.textContent); } catch { return null; }
  if (!snap || !Array.isArray(snap.actions) || snap.lang !== view.lang || snap.samples !== view.samples || snap.seed !== view.seedText) return null;
  const languages = navigator.languages || [navigator.language || ''];
  // The address the page writes for the example (its link) opens it too.
  const link = snap.actions.find((a) => a.type === 'evaluated')?.link;
  return typeof link === 'string' && snapshotHolds(location.search, location.hash, languages, link) ? snap : null;
}

/** Puts the build's result into the store. */
export function replay(store, snap) {
  for (const a of snap.actions) store.dispatch(a);
}
