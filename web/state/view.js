// The view settings that travel in the query string beside the fragment
// (?lang=en&samples=100000&seed=42&currency=GBP&example=…), read from an
// untrusted address: only known values are taken.
export const SAMPLES = ['1000', '10000', '100000', '1000000'];
export const DEFAULT_SAMPLES = '10000';
export const DEFAULT_SEED = '1';

/** A seed as the core takes it: a whole number from 0 to 2^53 - 1. */
export const isSeed = (text) => /^\d{1,16}$/.test(text) && Number(text) <= 9007199254740991;

/** The seed typed, spaces ignored, or null when it is not one. */
export function seedOf(text) {
  const s = String(text).replace(/[\s\u00a0\u202f]/g, '');
  return isSeed(s) ? Number(s) : null;
}

// « Préparé pour / par » of the printed report: plain text, one line, short.
export const PREPARED_MAX = 80;
export const cleanPrepared = (text) => [...String(text ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ')].slice(0, PREPARED_MAX).join('');

// What a reader's own link carries about people and results (« Préparé
// pour / par », observed counts) travels in the fragment, which the browser
// never sends to the server, after the scenario's keys; its keys start with
// '_', which no key of the core's link does.  Older links had them in the
// query string: still read there.
export const PRIVATE = ['pfor', 'pby', 'obs'];

/** A fragment (without '#') split into the scenario's link, for the core,
 *  and the page's own keys (URLSearchParams, '_' dropped from their names). */
export function splitFragment(raw) {
  const own = new URLSearchParams();
  const link = String(raw).split('&').filter((pair) => {
    if (!pair.startsWith('_')) return true;
    const [k, v = ''] = pair.slice(1).split('=');
    if (PRIVATE.includes(k)) { try { own.set(k, decodeURIComponent(v.replace(/\+/g, ' '))); } catch { /* broken: left out */ } }
    return false;
  }).join('&');
  return { link, own };
}

/** The fragment for a scenario's link and the view's private settings
 *  (empty ones left out): « Préparé pour / par », the observed counts. */
export function writeFragment(link, view, counts = null) {
  const own = new URLSearchParams();
  if (view.preparedFor?.trim()) own.set('_pfor', view.preparedFor);
  if (view.preparedBy?.trim()) own.set('_pby', view.preparedBy);
  const obs = view.retro && counts ? countsText(counts) : '';
  if (obs) own.set('_obs', obs);
  const tail = own.toString();
  return link && tail ? link + '&' + tail : link || tail;
}

/** The view settings of a query string and of the fragment (without '#'),
 *  given the browser's languages. */
export function viewFromQuery(search, languages = [], fragment = '') {
  const q = new URLSearchParams(search);
  const own = splitFragment(fragment).own;
  for (const k of PRIVATE) if (own.has(k)) q.set(k, own.get(k));
  const n = q.get('samples'), seed = q.get('seed');
  const c = (q.get('currency') || '').toUpperCase();
  return {
    lang: pickLang(q.get('lang'), languages),
    retro: false,
    samples: SAMPLES.includes(n) ? n : DEFAULT_SAMPLES,
    seedText: seed && isSeed(seed) ? seed : DEFAULT_SEED,
    byRank: false, // comparison table sorted by rank instead of as entered
    cmpAll: false, // on a phone, the channel cards show every indicator (CAC, payback…)
    currency: /^[A-Z]{3}$/.test(c) ? c : null, // of a link that names none
    example: q.get('example'),
    preparedFor: cleanPrepared(q.get('pfor')), // printed report: for whom, by whom
    preparedBy: cleanPrepared(q.get('pby')),
    summaryOpen: false, // the summary bar of a small screen, unfolded
    retroOn: q.get('retro') === '1', // the link was shared in retrospective mode
    retroCounts: readCounts(q.get('obs')), // its observed counts, by stage
  };
}

// The funnel's stages in order, as the core names them (funnel.entry).
const STAGE_ORDER = ['calls', 'contacts', 'leads', 'meetings', 'held', 'opportunities', 'deals'];

/** Observed counts of a link, "1800,180,,54": one whole or decimal number
 *  per stage, in the funnel's order, blank for a stage not counted.  An
 *  untrusted text: anything else gives null. */
export function readCounts(text) {
  if (!text || text.length > 120) return null;
  const parts = text.split(',');
  if (parts.length > STAGE_ORDER.length) return null;
  const out = {};
  for (const [i, p] of parts.entries()) {
    if (p === '') continue;
    if (!/^\d{1,10}(\.\d{1,6})?$/.test(p)) return null;
    out[STAGE_ORDER[i]] = Number(p);
  }
  return Object.keys(out).length ? out : null;
}

/** Observed counts as a link holds them, "1800,180,,54" (numbers read from
 *  the state's typed counts; blanks and refused texts left out). */
function countsText(counts) {
  const parts = STAGE_ORDER.map((s) => (counts[s] === undefined ? '' : String(counts[s])));
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts.join(',');
}

/** The query string with the retrospective mode (its counts go in the
 *  fragment: writeFragment). */
export function writeRetroParams(search, retro) {
  const q = new URLSearchParams(search);
  q.delete('obs');
  if (retro) q.set('retro', '1'); else q.delete('retro');
  return q;
}

/** The language to show: the one asked for (fr, en), else the browser's
 *  first fr… or en…, else French. */
export function pickLang(asked, languages) {
  if (asked === 'fr' || asked === 'en') return asked;
  for (const l of languages) {
    const m = /^(fr|en)\b/i.exec(l);
    if (m) return m[1].toLowerCase();
  }
  return 'fr';
}

/** The query string with the simulation settings (defaults left out; the
 *  report's « préparé pour / par » go in the fragment: writeFragment). */
export function writeSimParams(search, view) {
  const q = new URLSearchParams(search);
  if (view.samples === DEFAULT_SAMPLES) q.delete('samples'); else q.set('samples', view.samples);
  const seed = view.seedText.trim();
  if (seed === DEFAULT_SEED || !isSeed(seed)) q.delete('seed'); else q.set('seed', seed);
  q.delete('pfor'); q.delete('pby');
  return q;
}
