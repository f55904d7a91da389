// The widget's one update function: update(state, action) -> state, pure.
// The scenario starts as the host's baseline (its data-scenario, or the
// preset's starting values with the host's own) and every control edits a
// copy of it: nothing the widget does throws the baseline away, and
// « Revenir aux valeurs de départ » goes back to it.
import { setPath, getPath, omit } from '../state/scenario.js';
import { readValue } from '../state/values.js';

/** The state before the engine answered.  kinds: path -> input kind of
 *  each question ({ kind: 'money' | 'pct' | 'num' | 'hours' }). */
export function initialState({ lang, kinds = {} }) {
  return {
    lang,
    kinds,
    baseline: null, // the host's scenario: what a reset goes back to
    scenario: null,
    texts: {}, // path -> what the visitor typed, until a slider or a reset
    invalid: {}, // path -> { key }: typing the widget itself refuses
    errors: [], // the core's errors on the current scenario ({ field, code, params })
    result: null, // the last valid result
    link: null, // its link fragment (null: too big for a link)
    valid: null, // the last valid scenario (what the host is told about)
    stale: false, // the form holds something refused: the answer is the last valid one
    typed: {}, // path -> the last value typed, which the slider's span keeps holding
    open: false, // « Hypothèses » unfolded
    errorTexts: false, // the core's error texts are loaded
  };
}

export function update(state, action) {
  const fn = HANDLERS[action.type];
  if (!fn) throw new Error('unknown action ' + action.type);
  return fn(state, action);
}

/** A typed or slid text into the scenario: { scenario, invalid }. */
function read(state, path, text) {
  const r = readValue(state.kinds[path] || { kind: 'num' }, text, state.lang);
  if (r.error) return { scenario: state.scenario, invalid: { ...state.invalid, [path]: { key: r.error } } };
  // An emptied field goes back to its last valid value (the visitor is about
  // to type; a value the core refused, -5 €, is not brought back): when it
  // loses the focus, it shows that value again.
  const scenario = setPath(state.scenario, path, r.value ?? getPath(state.valid ?? state.scenario, path));
  return { scenario, invalid: omit(state.invalid, [path]) };
}

const HANDLERS = {
  /** The baseline, decoded by the core. */
  load(state, { scenario }) {
    return { ...state, baseline: scenario, scenario, texts: {}, invalid: {}, errors: [], result: null, stale: false };
  },

  /** Text typed into a question's field: kept as typed while it has the
   *  focus; its value held in the slider's span (typed: path -> value). */
  edit(state, { path, text }) {
    const r = read(state, path, text);
    return { ...state, ...r, texts: { ...state.texts, [path]: text }, typed: r.invalid[path] ? state.typed : { ...state.typed, [path]: getPath(r.scenario, path) } };
  },

  /** A slider moved: text is its value in the field's display units (a
   *  percentage for a rate); the field then shows the value formatted. */
  slide(state, { path, text }) {
    return { ...state, ...read(state, path, text), texts: omit(state.texts, [path]) };
  },

  /** The field left: a valid text is shown formatted again ("8000" -> "8 000"). */
  commit(state, { path }) {
    if (!(path in state.texts) || state.invalid[path]) return state;
    return { ...state, texts: omit(state.texts, [path]) };
  },

  /** Back to the host's baseline. */
  reset(state) {
    return { ...state, scenario: state.baseline, texts: {}, invalid: {}, typed: {} };
  },

  open(state, { open }) {
    return open === state.open ? state : { ...state, open };
  },

  errorTexts(state) {
    return { ...state, errorTexts: true };
  },

  /** The core's answer for the current scenario (result), and its link. */
  evaluated(state, { result, link }) {
    const errors = result.ok ? [] : result.errors;
    if (!result.ok || Object.keys(state.invalid).length) return { ...state, errors, stale: true };
    return { ...state, errors, stale: false, result, link, valid: state.scenario };
  },
};
