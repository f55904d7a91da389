// The planner: its form section (what the goal counts, and how much) and
// the plan in one sentence from the core's result.plan.
import { GOAL, setting } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { $, node } from '../dom.js';
import { fieldRow } from '../form/field.js';
import { planSentence } from './text.js';

const MONEY = ['revenue', 'margin', 'net'];

export function build(t) {
  const fs = node('fieldset', { class: 'group g-goal', id: 'goal' });
  fs.append(node('legend', { 'data-i18n': 'l:goal' }), node('p', { class: 'hint', 'data-i18n': 'plan.intro' }));
  // "No goal" first: the core's metrics after it.
  const metric = fieldRow({ ...GOAL[0], options: ['', ...(GOAL[0].options || [])] }, t);
  metric.querySelector('option[value=""]').dataset.i18n = 'goal.none';
  fs.append(metric, fieldRow({ ...GOAL[1], kind: 'money' }, t));
  return fs;
}

const metricOf = (state) => getPath(state.scenario, 'goal.metric') ?? null;

export function renderForm(state) {
  const m = metricOf(state);
  const row = document.querySelector('[data-field="goal.value"]');
  row.hidden = m === null;
  // A goal in money shows the currency; a count shows none.
  row.querySelector('.unit').hidden = !MONEY.includes(m);
}

export function render(state, prev, { t, fmt }) {
  const plan = state.result?.plan || null;
  $('plan').hidden = !plan;
  if (!plan) return;
  const p = $('plan-text');
  p.textContent = planSentence(plan, setting(state.scenario, 'funnel.entry'), t, fmt, !!state.result.schedule, state.result.costs?.fixed ?? 0);
  p.classList.toggle('ko', !plan.reachable);
}
