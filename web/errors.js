// The core's errors and warnings (docs/ERRORS.md), in the page's language.
// Every entry carries a stable `code` and its `params`; the text comes from
// the "err:<code>" keys of i18n-err-fr.js / i18n-err-en.js (in the page's
// tables, and in the widget's) with the params shown in
// the page's own words (stage, model and option names from the same tables,
// numbers formatted for their field).  The English `message` of the core is
// never parsed: it is only the last resort for a code this page does not know.
import { dict, fill } from './i18n-dict.js';

const STAGES = ['calls', 'contacts', 'leads', 'meetings', 'held', 'opportunities', 'deals'];

// Params that hold a value of the entry's field (formatted as that field:
// a rate as a percentage...); every other number is a count (bytes, line...).
const FIELD_VALUES = new Set(['min', 'max', 'got', 'low', 'high', 'value']);
const FIELD_VALUED_CODES = new Set(['range', 'range_above', 'range_bounds', 'range_order', 'whole_range',
  'link_range', 'link_range_above', 'link_whole', 'link_fixed_amount']);
// Params shown exactly as the core gives them (an index, a version, text).
const RAW = { link_channel: ['max'], version: ['got', 'supported'], link_version: ['got', 'supported'] };

const QUOTES = { fr: ['« ', ' »'], en: ['“', '”'] };

/** The text of key in lang, or undefined when the table lacks it. */
function text(lang, key) {
  const d = dict[lang];
  return d && Object.hasOwn(d, key) ? d[key] : undefined;
}

export { fill };

/** A field path without its channel prefix and list indices:
 *  "channels[2].funnel.skip[0]" -> "funnel.skip". */
const bare = (field) => String(field || '').replace(/^channels\[\d+\]\./, '').replace(/\[\d+\]/g, '');

const stageName = (lang, s) => text(lang, 'o:funnel.entry:' + s) ?? s;

/** The page's word for an option value of a choice field, or undefined. */
function optionName(lang, field, v) {
  const f = bare(field);
  const prefix = f === 'funnel.skip' ? 'o:funnel.entry:' : 'o:' + f + ':';
  return text(lang, prefix + v);
}

/** "a, b, c" (the core's list of allowed names) in the page's words, each
 *  with the name to type in parentheses. */
function allowedList(lang, field, list, stages) {
  const [o, c] = QUOTES[lang] || QUOTES.en;
  return String(list).split(/,\s*/).map((v) => {
    const w = stages ? text(lang, 'o:funnel.entry:' + v) : optionName(lang, field, v);
    return w === undefined ? v : `${o}${w}${c} (${v})`;
  }).join(', ');
}

/** The param values of err as the message shows them. */
function shown(err, lang, ctx) {
  const p = err.params || {};
  const field = err.field || '';
  const format = ctx.format || ((f, v) => String(v));
  const count = ctx.count || ((v) => String(v));
  const raw = RAW[err.code] || [];
  const out = {};
  for (const [k, v] of Object.entries(p)) {
    if (typeof v === 'number' && !raw.includes(k)) {
      out[k] = FIELD_VALUED_CODES.has(err.code) && FIELD_VALUES.has(k) ? format(field, v) : count(v);
    } else if ((k === 'entry' || k === 'stage') && STAGES.includes(v)) {
      out[k] = stageName(lang, v);
    } else if (k === 'model') {
      out[k] = text(lang, 'o:costs.model:' + v) ?? v;
    } else if (k === 'unit') {
      out[k] = text(lang, 'unit:' + v) ?? v;
    } else if ((k === 'expected' || (k === 'got' && (err.code === 'type' || err.code === 'not_object')))) {
      out[k] = text(lang, 'jt:' + v) ?? v;
    } else if (k === 'allowed') {
      out[k] = allowedList(lang, field, v, err.code === 'link_skip');
    } else if (k === 'value' && err.code === 'duplicate') {
      out[k] = optionName(lang, field, v) ?? v;
    } else {
      out[k] = String(v);
    }
  }
  return out;
}

/** The template key of an entry: a few codes have a variant that says which
 *  case the params describe (a stage before the entry, or skipped). */
function keyOf(err) {
  const p = err.params || {};
  const before = (s) => STAGES.indexOf(s) >= 0 && STAGES.indexOf(s) < STAGES.indexOf(p.entry);
  if (err.code === 'needs_count') return 'err:needs_count' + (before(p.stage) ? '' : ':skip');
  if (err.code === 'needs_held') return 'err:needs_held' + (before('held') ? '' : ':skip');
  // Below the bottom: only that bound is said (« doit être au moins 0 € »,
  // not « entre 0 € et 1 000 000 000 000 € »), a line a narrow field shows whole.
  if ((err.code === 'range' || err.code === 'range_above') && typeof p.got === 'number' &&
    (err.code === 'range' ? p.got < p.min : p.got <= p.min)) return 'err:' + err.code + ':low';
  return 'err:' + err.code;
}

/**
 * The text of a core error or warning in lang ('fr' or 'en'), from its code
 * and params.  ctx (optional):
 *   format(field, value): a number that is a value of the field (min, max,
 *     got... of range codes), e.g. a rate as a percentage; default String.
 *   count(value): any other number (bytes, line, a count); default String.
 * An unknown code gives err.message (the core's English text).
 */
export function message(err, lang, ctx = {}) {
  // Shown beside the field that holds the value (ctx.beside: the widget's
  // narrow row), a message need not repeat it: « (saisi : 150 %) » goes.
  const template = (ctx.beside && text(lang, keyOf(err) + ':beside')) || text(lang, keyOf(err));
  if (template === undefined) return err.message ?? String(err.code ?? '');
  const vals = shown(err, lang, ctx);
  vals.held = stageName(lang, 'held');
  vals.deals = stageName(lang, 'deals');
  return fill(template, vals);
}

/** The label of a field path in the page's words ("Taux de signature",
 *  "Canal 2 · Taux de marge brute"); the path itself when the page has none. */
export function fieldLabel(field, lang) {
  if (!field) return '';
  const t = (k, v) => fill(text(lang, k) ?? k, v || {});
  let m = /^channels\[(\d+)\]\.(.+)$/.exec(field);
  if (m) return t('channelN', { n: Number(m[1]) + 1 }) + ' · ' + (m[2] === 'name' ? t('channelName') : fieldLabel(m[2], lang));
  if ((m = /^channels\[(\d+)\]$/.exec(field))) return t('channelN', { n: Number(m[1]) + 1 });
  if ((m = /^uncertainty\.ranges\.(.+?)(?:\.(low|high))?$/.exec(field))) return t('e:rangeOf', { f: fieldLabel(m[1], lang) });
  if ((m = /^costs\.fixed\[(\d+)\](?:\.(label|amount))?$/.exec(field))) {
    const n = t('fixedN', { n: Number(m[1]) + 1 });
    return m[2] ? n + ' · ' + t(m[2] === 'label' ? 'fixedLabel' : 'fixedAmount') : n;
  }
  if ((m = /^schedule\.ramp\[(\d+)\]$/.exec(field))) return (plain(lang, 'schedule.ramp') ?? 'schedule.ramp') + ' · ' + t('month') + ' ' + (Number(m[1]) + 1);
  if (/^funnel\.skip\[\d+\]$/.test(field)) return plain(lang, 'funnel.skip') ?? field;
  if (field === 'costs.fixed') return t('l:fixed');
  if (field === 'channels') return t('l:channels');
  return plain(lang, field) ?? field;
}

/** A field's label without its unit: the form's label with a trailing
 *  "(%)", "(mois)"... removed, else its "u:" key. */
function plain(lang, path) {
  // The form's own label, as the user reads it beside the field, without
  // its unit (« Taux de marge brute », not a shorter « Taux de marge »);
  // the short name only for a field the form does not label.
  const l = text(lang, path);
  if (l !== undefined) return l.replace(/\s*\((?:%|±\s*%|×|mois|months)[^)]*\)$/, '');
  return text(lang, 'u:' + path);
}

/** "<label of field> : <text>" (text alone for the whole document, field ""). */
export function labelled(field, msg, lang) {
  if (!field) return msg;
  return fill(text(lang, 'e:where') ?? '{f}: {m}', { f: fieldLabel(field, lang), m: msg });
}

/** One line for a list of problems: "<field label> : <message>". */
export function describe(err, lang, ctx = {}) {
  const m = message(err, lang, ctx);
  // A link key the page has no word for ("foo"): the message names it already.
  if (String(err.code).startsWith('link_') && fieldLabel(err.field, lang) === err.field) return m;
  return labelled(err.field, m, lang);
}
