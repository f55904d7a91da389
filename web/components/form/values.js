// What each input of the form shows, from the state alone: a value derived
// from observed counts, else the text the user typed, else the scenario's
// value (or the core's default) written the page's way.
import { fieldOf, FIELDS } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { showValue } from '../../state/values.js';

const RANGE_RE = /^uncertainty\.ranges\.(.+)\.(low|high)$/;
const FIXED_RE = /^costs\.fixed\[\d+\]\.(label|amount)$/;

export function textOf(state, path) {
  const lang = state.view.lang;
  if (path in state.derived) return showDerived(fieldOf(path), state.derived[path], lang);
  if (path in state.texts) return state.texts[path];
  if (path.startsWith('observed.')) return state.observed[path.slice(9)] ?? '';
  const range = RANGE_RE.exec(path);
  if (range) {
    const r = getPath(state.scenario, 'uncertainty.ranges')?.[range[1]];
    return r ? showValue(FIELDS.get(range[1]), r[range[2] === 'low' ? 0 : 1], lang) : '';
  }
  const fd = fieldOf(path);
  if (!fd) return '';
  const v = getPath(state.scenario, path);
  const fixed = FIXED_RE.exec(path);
  if (fixed) return fixed[1] === 'label' ? (v ?? '') : showValue(fd, v ?? 0, lang);
  return showValue(fd, v ?? fd.dflt, lang);
}

/** A rate derived from counts (54 / 180 = 0.296296…) shown rounded the way
 *  it is read, 29,6 %; the scenario keeps the exact value. */
export function showDerived(fd, v, lang) {
  if (fd.kind !== 'pct' || typeof v !== 'number') return showValue(fd, v, lang);
  return showValue(fd, Math.round(v * 1000) / 1000, lang);
}
