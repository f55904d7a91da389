// The first paint's guard.  scripts/prerender.mjs writes the default
// example's summary (its figures and verdicts, in French, computed by the
// core) into index.html at build time, and this script, bundled into a
// classic script in its <head>, runs before the first paint: when the
// address opens anything else (another scenario, language, currency or
// example), those figures are hidden (html.pre-off) until the engine's own
// replace them.  The page's own rules decide (state/view.js), not a copy.
import { viewFromQuery, splitFragment } from './state/view.js';

/** Whether the page at this address opens on the figures written at build
 *  time: the default example (no fragment, or the one it writes itself),
 *  in French, in its own currency, not in retrospective mode. */
export function firstPaintHolds(search, hash, languages, link) {
  const raw = String(hash).replace(/^#/, '');
  const view = viewFromQuery(search, languages, raw);
  const fragment = splitFragment(raw).link; // « préparé pour », counts: not the summary's
  const scenario = fragment === '' ? !view.example || view.example === 'pay-per-meeting' : fragment === link;
  return scenario && view.lang === 'fr' && view.currency === null && !view.retroOn;
}

const me = typeof document === 'undefined' ? null : document.currentScript;
if (me && !firstPaintHolds(location.search, location.hash, navigator.languages || [navigator.language || ''], me.dataset.link)) {
  document.documentElement.classList.add('pre-off');
}
