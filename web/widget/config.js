// The widget's options, read once from its address: the query (set by
// embed.js from the host's data- attributes) and the fragment (the host's
// scenario, or starting values).  Everything here comes from the host's
// page: untrusted, so each option is checked against a narrow pattern and
// anything else is ignored (the default applies).  Pure.
import { PRESETS, QUESTIONS, DEFAULT_PRESET } from './presets.js';
import { pickLang } from '../state/view.js';

const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/i;

/** The host's slider bounds, "pmeet=50:400:10&close=0.05:0.5": by question
 *  key, { min, max, step? } in the field's units (rates as fractions, as in
 *  links); a pair that is not two (or three) plain numbers with min < max
 *  and step > 0 is dropped.  The core's own bounds are applied later. */
export function readBounds(text) {
  const out = {};
  for (const part of String(text || '').split('&')) {
    const [key, value = ''] = part.split('=');
    const n = value.split(':');
    if (!Object.hasOwn(QUESTIONS, key === 'price' ? 'pmeet' : key) || n.length < 2 || n.length > 3 || !n.every((x) => NUMBER.test(x))) continue;
    const [min, max, step] = n.map(Number);
    if (!(min < max) || (step !== undefined && !(step > 0))) continue;
    out[key] = step === undefined ? { min, max } : { min, max, step };
  }
  return out;
}

/** A host origin (for the events), or null. */
function originOf(text) {
  try {
    const u = new URL(text || '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch { return null; }
}

/** The options of an address (search: "?…", hash: "#…"), given the
 *  browser's languages.  The fragment is the host's scenario, or (values=1)
 *  the host's starting values for the preset's or example's scenario.
 *  built: the preset a widget-<preset>.html page was written for (its
 *  guard's data-preset), the preset when the address asks for none. */
export function readConfig(search, hash, languages = [], built = null) {
  const q = new URLSearchParams(search);
  const fragment = String(hash || '').replace(/^#/, '');
  const hostScenario = fragment !== '' && q.get('values') !== '1';
  const example = q.get('example');
  const currency = (q.get('currency') || '').toUpperCase();
  const label = (q.get('cta') || '').slice(0, 60);
  const ctaUrl = (() => {
    try { const u = new URL(q.get('ctaurl') || ''); return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null; } catch { return null; }
  })();
  const accent = q.get('accent') || '';
  const font = q.get('font') || '';
  const theme = q.get('theme');
  const asked = (q.get('questions') || '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    embedded: q.get('embed') === '1',
    host: q.get('embed') === '1' ? originOf(q.get('host')) : null,
    lang: pickLang(q.get('lang'), languages),
    // No preset asked: the page's own, or else the host scenario's (or
    // example's) model chooses (once decoded).
    preset: Object.hasOwn(PRESETS, q.get('preset')) ? q.get('preset')
      : !hostScenario && !example && Object.hasOwn(PRESETS, built || '') ? built : null,
    // A worked example's name (web/examples.js), checked once they are loaded.
    example: !hostScenario && /^[a-z-]{1,40}$/.test(example || '') ? example : null,
    fragment,
    hostScenario,
    // The view's currency, for a scenario whose link names none.
    currency: /^[A-Z]{3}$/.test(currency) && !/(^|&)cur?=/.test(fragment) ? currency : null,
    questions: asked.length ? asked : null,
    bounds: readBounds(q.get('bounds')),
    cta: label && ctaUrl ? { label, url: ctaUrl } : null,
    accent: /^#?[0-9a-f]{3}([0-9a-f]{3})?$/i.test(accent) ? (accent.startsWith('#') ? accent : '#' + accent) : null,
    font: /^[\w \-]{1,40}$/.test(font) ? font : null,
    theme: theme === 'light' || theme === 'dark' ? theme : null,
  };
}

/** The starting scenario, as a link for the core to decode: the host's
 *  scenario as it is, or the preset's (or the example's, its name left out:
 *  nothing the host did not give travels in the lead) starting values with
 *  the host's values after them (the decoder keeps a key's last value).
 *  examples: web/examples.js's table, when config.example is set. */
export function startLink(config, examples = {}) {
  if (config.hostScenario) return config.fragment;
  const base = Object.hasOwn(examples, config.example) ? examples[config.example].replace(/(^|&)n=[^&]*/, '')
    : PRESETS[config.preset || DEFAULT_PRESET].start;
  return config.fragment ? base + '&' + config.fragment : base;
}

/** Whether the widget at this address opens on the answer written into
 *  its page at build time (scripts/prerender.mjs): widget.html holds the
 *  default preset's, widget-<preset>.html each other preset's (built: the
 *  page's own preset), with the preset's starting values, in French, and
 *  nothing of the host's that changes the questions or the numbers (a
 *  scenario or values, an example, a currency, questions, bounds).
 *  Stricter than readConfig (a parameter given at all counts), and cheap:
 *  first-paint.js runs it before the first paint. */
export function opensAsBuilt(search, hash, languages = [], built = DEFAULT_PRESET) {
  const q = new URLSearchParams(search);
  return String(hash || '').replace(/^#/, '') === '' && pickLang(q.get('lang'), languages) === 'fr' &&
    (q.get('preset') ?? built) === built && ['example', 'currency', 'questions', 'bounds'].every((k) => !q.has(k));
}
