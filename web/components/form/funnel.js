// Only the funnel fields that matter: rates into stages at or before the
// first known stage are hidden (they do nothing), each stage after it can be
// marked « pas dans mon entonnoir » (funnel.skip: its rate is set aside and
// hidden), and the hours are said optional for a model paid per result.
import { STAGES, RATE_INTO, setting } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { node } from '../dom.js';
import { PER_RESULT } from '../verdict/verdict.js';

/** A « pas dans mon entonnoir » box under each rate into a stage that can be skipped. */
export function build(fs) {
  for (const stage of STAGES) {
    const rate = RATE_INTO[stage];
    if (!rate || stage === 'deals') continue;
    const row = fs.querySelector(`[data-field="${rate}"]`);
    const id = 'f-skip-' + stage;
    const box = node('div', { class: 'check skipbox', 'data-skip': stage });
    const label = node('label', { for: id });
    label.append(node('span', { 'data-i18n': 'observed.' + stage }), document.createTextNode(' — '), node('span', { 'data-i18n': 'skipTail' }));
    box.append(node('input', { type: 'checkbox', id, name: 'skip.' + stage }), label);
    row.before(box);
  }
  fs.append(node('p', { class: 'hint skiphint', 'data-i18n': 'h:funnel.skip' }));
}

export function buildHoursNote(fs) {
  fs.querySelector('legend').after(node('p', { class: 'hint optional', id: 'hours-opt', 'data-i18n': 'hoursOptional', hidden: true }));
}

export function render(state) {
  const entry = setting(state.scenario, 'funnel.entry');
  const at = STAGES.indexOf(entry);
  const skip = getPath(state.scenario, 'funnel.skip') || [];
  STAGES.forEach((stage, i) => {
    const rate = RATE_INTO[stage];
    if (!rate) return;
    const row = document.querySelector(`#f [data-field="${rate}"]`);
    const box = document.querySelector(`#f [data-skip="${stage}"]`);
    const upstream = i <= at;
    const skipped = skip.includes(stage);
    if (box) {
      box.hidden = upstream;
      box.querySelector('input').checked = skipped;
    }
    // A refused rate stays in view, whatever hides it, so its error is seen.
    const refused = state.check.errors.some((e) => e.field === rate || e.field === 'uncertainty.ranges.' + rate);
    row.hidden = (upstream || skipped) && !refused;
  });
  const model = setting(state.scenario, 'costs.model');
  document.getElementById('hours-opt').hidden = !PER_RESULT.includes(model);
}
