// The first paint's guard.  scripts/prerender.mjs writes the default
// example's summary (its figures and verdicts, in French, computed by the
// core) into index.html at build time, and this script, bundled into a
// classic script in its <head>, runs before the first paint: when the
// address opens anything else (another scenario, language, currency or
// example), those figures are hidden (html.pre-off) until the engine's own
// replace them.  The page's own rules decide (state/view.js), not a copy.
import { viewFromQuery, splitFragment, DEFAULT_SAMPLES, DEFAULT_SEED } from './state/view.js';
import { savedHere } from './library-keys.js';

/** The view and whether the address opens the default example: no
 *  fragment (and no other example asked), or the link the page writes for
 *  it itself. */
function opening(search, hash, languages, link) {
  const raw = String(hash).replace(/^#/, '');
  const view = viewFromQuery(search, languages, raw);
  const fragment = splitFragment(raw).link; // « préparé pour », counts: not the example's
  const example = fragment === '' ? !view.example || view.example === 'pay-per-meeting' : fragment === link;
  return { view, example: example && view.currency === null && !view.retroOn };
}

/** Whether the page at this address opens on the figures written at build
 *  time: the default example (no fragment, or the one it writes itself),
 *  in French, in its own currency, not in retrospective mode. */
export function firstPaintHolds(search, hash, languages, link) {
  const { view, example } = opening(search, hash, languages, link);
  return example && view.lang === 'fr';
}

/** Whether the page at this address opens on the whole result the core
 *  computed at build time (io/snapshot.js), in the page's language: the
 *  default example as that language's page writes it (links: its link by
 *  language), with the default number of simulations and seed, not framed
 *  by a host page. */
export function snapshotHolds(search, hash, languages, links) {
  const view = viewFromQuery(search, languages, String(hash).replace(/^#/, ''));
  const link = links[view.lang];
  return typeof link === 'string' && opening(search, hash, languages, link).example
    && new URLSearchParams(search).get('embed') !== '1' && view.samples === DEFAULT_SAMPLES && view.seedText === DEFAULT_SEED;
}

const me = typeof document === 'undefined' ? null : document.currentScript;
if (me) {
  const languages = navigator.languages || [navigator.language || ''];
  if (!firstPaintHolds(location.search, location.hash, languages, me.dataset.link)) document.documentElement.classList.add('pre-off');
  // The engine's preload hints (a <template> before this script): fetched
  // at once unless the page opens on the build's result, which needs none.
  // Framed by a host page: its styles (styles/embed.css, render-blocking,
  // in a <template> before this script), before the first paint.
  const embedStyle = document.getElementById('embed-style');
  if (embedStyle && new URLSearchParams(location.search).get('embed') === '1') document.head.append(embedStyle.content.cloneNode(true));
  const hints = document.getElementById('engine-hints');
  // (or in a browser with saved scenarios to list: io/snapshot.js).
  // The page's language table, fetched with the bundle (its hint in a
  // <template> per language, scripts/build-web.sh).
  const lang = viewFromQuery(location.search, languages, location.hash.replace(/^#/, '')).lang;
  const langHints = document.getElementById('lang-hints-' + lang);
  if (langHints) document.head.append(langHints.content.cloneNode(true));
  const links = { fr: me.dataset.link, en: me.dataset.linkEn };
  if (hints && (!snapshotHolds(location.search, location.hash, languages, links) || savedHere())) document.head.append(hints.content.cloneNode(true));
}
