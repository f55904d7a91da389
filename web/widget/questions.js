// The questions: each a slider and a text field showing the same number,
// under one label.  build() makes the elements once; render() writes the
// state into them (it never reads them back).  A refused value replaces
// the slider by its message, in the slider's own place: the height stays.
import { node, setProp } from '../components/dom.js';
import { getPath } from '../state/scenario.js';
import { showValue } from '../state/values.js';

// A rate's slider runs in percent; 12 significant digits drop the binary noise.
const scale = (kind, v) => (kind === 'pct' ? Number((v * 100).toPrecision(12)) : v);
const decimals = (step) => (String(step).split('.')[1] || '').length;

/** A question's slider value for the scenario value v, snapped to its step
 *  (a slider set to "any" while showing a typed value off the grid). */
export function snap(q, text) {
  const min = scale(q.kind, q.min), step = scale(q.kind, q.step);
  const v = Number(text);
  return (min + Math.round((v - min) / step) * step).toFixed(decimals(step));
}

/** The slider's value n steps away from text (off the grid: a typed
 *  1 800 € on a 250 € grid), on the grid: one step up is the next grid
 *  value above (2 000 €), not 1 800 + 250 nor the browser's own step
 *  ("any": a hundredth of the track).  Kept within [lo, hi], the
 *  slider's bounds.  For the keys a slider answers to (widget.js). */
export function stepFrom(q, text, n, lo, hi) {
  const min = scale(q.kind, q.min), step = scale(q.kind, q.step);
  const k = (Number(text) - min) / step;
  const to = min + (n > 0 ? Math.floor(k + 1e-9) + n : Math.ceil(k - 1e-9) + n) * step;
  return Math.min(hi, Math.max(lo, Number(to.toFixed(decimals(step))))).toFixed(decimals(step));
}

/** The slider's attributes for value v: bounds widened to hold a value
 *  beyond them, step "any" for a value off the step grid, so that slider
 *  and field always show the same number.  held: values the bounds keep
 *  holding while the slider moves (the host's, the one typed), so that
 *  they do not follow the thumb. */
export function sliderOf(q, v, held = []) {
  const dv = scale(q.kind, v), min = scale(q.kind, q.min), max = scale(q.kind, q.max), step = scale(q.kind, q.step);
  const k = (dv - min) / step, all = [v, ...held].map((x) => scale(q.kind, x ?? v));
  return { min: Math.min(min, ...all), max: Math.max(max, ...all), step: Math.abs(k - Math.round(k)) < 1e-9 ? step : 'any', value: dv };
}

/** The elements of the questions in `box`: [{ key, path, kind, label, unit }]. */
export function build(box, list, t) {
  box.replaceChildren(); // the build-time questions of widget.html, if any
  for (const q of list) {
    const id = 'q-' + q.key;
    const field = node('input', { id, name: q.path, inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': id + '-e' });
    const slider = node('input', { type: 'range', id: id + '-s', 'aria-labelledby': id + '-l', 'data-path': q.path });
    const label = node('label', { id: id + '-l', for: id }, t(q.label));
    const track = wrap(node('div', { class: 'track' }), slider, node('p', { class: 'err', id: id + '-e' }));
    const num = wrap(node('span', { class: 'num' }), field, node('span', { class: q.kind === 'money' ? 'unit money' : 'unit', 'aria-hidden': 'true' }, q.unit));
    box.append(wrap(node('div', { class: 'q', 'data-q': q.key }), label, track, num));
  }
}

function wrap(parent, ...children) {
  parent.append(...children);
  return parent;
}

/** A question's value as a slider says it: "150 €", "20 %", "50
 *  rendez-vous par mois" (counts take their words from the short form). */
export function valueText(q, v, { t, fmt }) {
  if (q.kind === 'money') return fmt.money(v);
  if (q.kind === 'pct') return fmt.pct(v);
  return t(q.short, { v: fmt.num(v) }, v);
}

/** A question's value in the line of assumptions: "marge brute de 40 %". */
export function shortText(q, v, ctx) {
  return ctx.t(q.short, { v: q.kind === 'money' || q.kind === 'pct' ? valueText(q, v, ctx) : ctx.fmt.num(v) }, v);
}

/** ctx: { t, fmt, lang, explain(err) }: explain gives a refusal's text
 *  (empty until the error texts are loaded). */
export function render(state, prev, list, ctx) {
  if (!state.scenario) return;
  for (const q of list) {
    const id = 'q-' + q.key;
    const field = document.getElementById(id), slider = document.getElementById(id + '-s');
    const v = getPath(state.scenario, q.path);
    setProp(field, 'value', state.texts[q.path] ?? showValue(q, v, state.lang));
    const bad = state.invalid[q.path] || state.errors.find((e) => e.field === q.path);
    if (bad) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
    field.closest('.q').classList.toggle('invalid', !!bad);
    document.getElementById(id + '-e').textContent = bad ? ctx.explain(bad) : '';
    if (bad) continue; // the slider keeps the last valid value, under the message
    const s = sliderOf(q, v, [getPath(state.baseline, q.path), state.typed?.[q.path]]);
    // Bounds before the value: a value outside the old bounds would be clamped.
    setProp(slider, 'min', String(s.min));
    setProp(slider, 'max', String(s.max));
    setProp(slider, 'step', String(s.step));
    setProp(slider, 'value', String(s.value));
    slider.setAttribute('aria-valuetext', valueText(q, v, ctx));
  }
}
