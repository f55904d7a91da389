// Retrospective mode: the observed counts typed by the user (1 800 calls,
// 180 contacts, 54 meetings…) give the entry stage, its volume and the rates
// between counted stages.  A stage left blank between two counts passes
// everything on (rate 1); the whole drop goes to the rate into the next
// counted stage.  The counts are not part of the scenario (the core has no
// such input): this is the page's reading of them.
import { STAGES, RATE_INTO, COUNT, billedStage } from '../fields.js';
import { readValue } from './values.js';
import { setPath, omit } from './scenario.js';

// What the counts decide in retrospective mode.
const DERIVABLE = ['funnel.entry', 'funnel.volume', ...Object.values(RATE_INTO)];

/** texts: { stage: typed text }; billed: the stage the billing model pays
 *  for (meetings, held, calls, deals) or null.  Returns { values: { path:
 *  value } to set in the scenario, errors: { 'observed.<stage>': { key,
 *  params } } }.  The billed stage, after a stage counted, is asked for:
 *  left blank, it would be billed on rates nobody observed (passed through
 *  between two counts, or the scenario's, 100 % by default after the last):
 *  every call billed as a meeting. */
export function deriveFromObserved(texts, lang, billed = null) {
  const values = {};
  const errors = {};
  const known = [];
  for (const [i, s] of STAGES.entries()) {
    const r = readValue(COUNT, texts[s] ?? '', lang);
    if (r.error) { errors['observed.' + s] = { key: r.error }; continue; }
    if (r.value === undefined) continue;
    const prev = known[known.length - 1];
    if (prev && r.value > prev.n) { errors['observed.' + s] = { key: 'retroBad', num: { n: prev.n } }; continue; }
    if (prev && prev.n === 0) continue;
    known.push({ i, s, n: r.value });
  }
  if (!known.length) return { values, errors };
  const b = STAGES.indexOf(billed);
  if (b > known[0].i && !known.some((k) => k.i === b) && !errors['observed.' + billed]) {
    errors['observed.' + billed] = { key: 'retroBilled' };
  }
  values['funnel.entry'] = known[0].s;
  values['funnel.volume'] = known[0].n;
  for (let k = 1; k < known.length; k++) {
    const a = known[k - 1], b = known[k];
    for (let j = a.i + 1; j <= b.i; j++) values[RATE_INTO[STAGES[j]]] = j === b.i ? b.n / a.n : 1;
  }
  return { values, errors };
}

/** The observed counts the page could read, as numbers by stage (for the
 *  link that keeps them: ?retro=1#…&_obs=…). */
export function observedCounts(texts, lang) {
  const out = {};
  for (const s of STAGES) {
    const r = readValue(COUNT, texts[s] ?? '', lang);
    if (!r.error && r.value !== undefined) out[s] = r.value;
  }
  return out;
}

/** The store's reading of the observed counts (update.js): their derived
 *  values go into the scenario, their refusals into invalid. */
export function observe(state) {
  let invalid = state.invalid;
  invalid = Object.fromEntries(Object.entries(invalid).filter(([p]) => !p.startsWith('observed.')));
  if (!state.view.retro) return { ...state, invalid, derived: {} };
  const { values, errors } = deriveFromObserved(state.observed, state.view.lang, billedStage(state.scenario));
  let scenario = state.scenario;
  for (const [p, v] of Object.entries(values)) scenario = setPath(scenario, p, v);
  // A derived field's own refusal (typed, or emptied) goes with its text:
  // the counts decide it now, and it would hold the results stale.
  return { ...state, scenario, invalid: { ...omit(invalid, DERIVABLE), ...errors }, derived: values, texts: omit(state.texts, DERIVABLE) };
}
