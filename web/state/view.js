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

/** The view settings of a query string, given the browser's languages. */
export function viewFromQuery(search, languages = []) {
  const q = new URLSearchParams(search);
  const n = q.get('samples'), seed = q.get('seed');
  const c = (q.get('currency') || '').toUpperCase();
  return {
    lang: pickLang(q.get('lang'), languages),
    retro: false,
    samples: SAMPLES.includes(n) ? n : DEFAULT_SAMPLES,
    seedText: seed && isSeed(seed) ? seed : DEFAULT_SEED,
    byRank: false, // comparison table sorted by rank instead of as entered
    currency: /^[A-Z]{3}$/.test(c) ? c : null, // of a link that names none
    example: q.get('example'),
  };
}

function pickLang(asked, languages) {
  if (asked === 'fr' || asked === 'en') return asked;
  for (const l of languages) {
    const m = /^(fr|en)\b/i.exec(l);
    if (m) return m[1].toLowerCase();
  }
  return 'fr';
}

/** The query string with the simulation settings (defaults left out). */
export function writeSimParams(search, view) {
  const q = new URLSearchParams(search);
  if (view.samples === DEFAULT_SAMPLES) q.delete('samples'); else q.set('samples', view.samples);
  const seed = view.seedText.trim();
  if (seed === DEFAULT_SEED || !isSeed(seed)) q.delete('seed'); else q.set('seed', seed);
  return q;
}
