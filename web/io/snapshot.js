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
// simulations and seed, in French or in English) in a browser with no
// saved scenario; replay() dispatches them.  Anything else (another
// scenario, currency, a host page, a library to list) loads the engine at
// once.
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
 *  once, read with the engine.  Another language's are the same actions
 *  with its words (other[lang]: [path, value] pairs, scripts/prerender.mjs). */
export function read(view) {
  try {
    return readBlock(view);
  } catch {
    return null; // a block this page cannot read: the engine's own figures
  }
}

function readBlock(view) {
  if (savedHere()) return null;
  const el = document.getElementById('roi-snap');
  if (!el) return null;
  let snap;
  try { snap = JSON.parse(el.textContent); } catch { return null; }
  if (!snap || !Array.isArray(snap.actions) || snap.samples !== view.samples || snap.seed !== view.seedText) return null;
  if (snap.lang !== view.lang) {
    const changes = snap.other?.[view.lang];
    if (!Array.isArray(changes)) return null;
    for (const entry of changes) {
      if (!Array.isArray(entry) || !Array.isArray(entry[0]) || !entry[0].length) return null;
      const [path, value] = entry;
      const parent = path.slice(0, -1).reduce((o, k) => (o !== null && typeof o === 'object' ? o[k] : null), snap);
      if (parent === null || typeof parent !== 'object') return null;
      parent[path.at(-1)] = value;
    }
  }
  const languages = navigator.languages || [navigator.language || ''];
  const links = { [view.lang]: snap.actions.find((a) => a.type === 'evaluated')?.link };
  return snapshotHolds(location.search, location.hash, languages, links) ? snap : null;
}

/** What the actions of another language change: [path, value] pairs
 *  (paths as key lists) where b differs from a, the same example in both;
 *  null when their shapes differ. */
export function changes(a, b, path = [], out = []) {
  if (a === b) return out;
  const obj = (x) => x !== null && typeof x === 'object';
  if (!obj(a) || !obj(b)) { out.push([path, b]); return out; }
  if (Array.isArray(a) !== Array.isArray(b)) return null;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length || !keys.every((k) => Object.hasOwn(b, k))) return null;
  for (const k of keys) if (changes(a[k], b[k], [...path, Array.isArray(a) ? Number(k) : k], out) === null) return null;
  return out;
}

/** Puts the build's result into the store; false when the store refused
 *  one of its actions (then the engine's own take their place). */
export function replay(store, snap) {
  try {
    for (const a of snap.actions) store.dispatch(a);
    return true;
  } catch {
    return false;
  }
}
