// The monthly projection: its form section (months, ramp-up list, setup
// cost; folded while the projection is off) and its results panel (the
// sentence, the chart, the table and its CSV).  Everything shown comes from
// the core's result.schedule; renderers only write the DOM.
import { SCHEDULE, RAMP_ITEM, RAMP_MAX, setting } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { $, node, setProp, translate, keepFocus } from '../dom.js';
import { fieldRow } from '../form/field.js';
import { drawProjection } from '../../charts/projection.js';
import { columns, headers, cellText, projectionSentence, roundingNote } from './text.js';

/* ---- the form section ------------------------------------------------------- */

export function build(t) {
  const fs = node('fieldset', { class: 'group g-schedule', id: 'schedule' });
  fs.append(node('legend', { 'data-i18n': 'l:schedule' }), node('p', { class: 'hint', 'data-i18n': 'sched.intro' }));
  const box = node('details', { id: 'sched-box' });
  box.append(node('summary', { id: 'sched-sum' }));
  box.append(fieldRow(SCHEDULE[0], t));
  const ramp = node('fieldset', { class: 'ramp', id: 'ramp' });
  ramp.append(node('legend', { 'data-i18n': 'schedule.ramp' }), node('p', { class: 'hint', 'data-i18n': 'h:schedule.ramp' }));
  ramp.append(node('ol', { id: 'ramp-list', class: 'ramp-list' }));
  ramp.append(node('button', { type: 'button', id: 'ramp-add', class: 'add', 'data-i18n': 'rampAdd' }));
  box.append(ramp, fieldRow(SCHEDULE[1], t));
  fs.append(box);
  return fs;
}

const monthsOf = (state) => setting(state.scenario, 'schedule.months') ?? 0;

export function renderForm(state, prev, { t }) {
  const n = (getPath(state.scenario, 'schedule.ramp') || []).length;
  const list = $('ramp-list');
  if (list.children.length !== n) {
    keepFocus(() => {
      list.replaceChildren();
      for (let i = 0; i < n; i++) {
        const li = node('li', { class: 'ramp-row' });
        li.append(fieldRow({ ...RAMP_ITEM, path: `schedule.ramp[${i}]` }, t, { labelKey: 'rampMonth' }),
          node('button', { type: 'button', class: 'del', 'data-rampdel': i }));
        list.append(li);
      }
      translate(list, t);
    });
  }
  relabel(t);
  $('ramp-add').disabled = n >= RAMP_MAX;
  // Folded while the projection is off; opened when a scenario turns it on.
  const months = monthsOf(state), before = monthsOf(prev);
  const box = $('sched-box');
  if (state.loads !== prev.loads || (months > 0) !== (before > 0)) box.open = months > 0;
  $('sched-sum').textContent = months > 0 ? t('sched.sumOn', { n: months }) : t('sched.sumOff');
}

function relabel(t) {
  document.querySelectorAll('#ramp-list .ramp-row').forEach((li, i) => {
    li.querySelector('label').textContent = t('rampMonth', { n: i + 1 });
    const b = li.querySelector('.del');
    b.textContent = '×';
    b.setAttribute('aria-label', t('rampDelN', { n: i + 1 }));
    b.title = t('rampDelN', { n: i + 1 });
  });
}

/* ---- the results panel ------------------------------------------------------ */

const entryOf = (state) => setting(state.scenario, 'funnel.entry');
// Whether clients pay every month after signing (recurring revenue).
const recurring = (state) => setting(state.scenario, 'value.monthly_value') > 0 && setting(state.scenario, 'value.lifetime_months') > 0;

export function render(state, prev, ctx) {
  const sched = state.result?.schedule || null;
  $('sched').hidden = !sched;
  if (!sched) return;
  const { t, fmt } = ctx;
  $('sched-text').textContent = projectionSentence(sched, t, fmt, recurring(state));
  redraw(state, ctx);
  const head = $('sched-head');
  head.replaceChildren(...headers(entryOf(state), t).map((h) => node('th', { scope: 'col' }, h)));
  const body = $('sched-rows');
  const cols = columns(entryOf(state));
  body.replaceChildren(...sched.series.map((r) => {
    const tr = node('tr', { class: r.month <= sched.months ? 'on' : 'after' });
    cols.forEach(([key, , format], i) => {
      const v = r[key];
      const cell = node(i ? 'td' : 'th', i ? { 'data-value': v === null ? '' : v } : { scope: 'row', 'data-value': v }, cellText(v, format, fmt));
      if (v === null) cell.classList.add('null');
      if (typeof v === 'number' && v < 0 && format !== 'plain') cell.classList.add('neg');
      tr.append(cell);
    });
    if (r.month === sched.payback_month) tr.classList.add('pb');
    return tr;
  }));
  // On paper the months after the campaign are left out, but for the payback
  // month and the last one: said under the table (printed only).
  const left = sched.series.filter((r, i) => r.month > sched.months && r.month !== sched.payback_month && i < sched.series.length - 1).length;
  setProp($('sched-gap'), 'hidden', !left);
  setProp($('sched-gap'), 'textContent', left ? t(fmt.agree('sched.printGap', left), { n: fmt.num(left) }) : '');
  const note = roundingNote(state.result.funnel.deals_expected, setting(state.scenario, 'funnel.rounding'), t, fmt);
  setProp($('sched-round'), 'hidden', !note);
  setProp($('sched-round'), 'textContent', note ?? ''); // written only when it changes, as every figure
}

/** Redraws the chart at its figure's new width. */
export function redraw(state, { t, fmt }) {
  const sched = state.result?.schedule;
  if (!sched) return;
  const last = sched.series.at(-1);
  const desc = t('sched.desc', { n: fmt.num(sched.series.length), net: fmt.money(last ? last.cumulative_net : 0), pb: projectionSentence(sched, t, fmt, recurring(state)) });
  drawProjection($('schedchart'), sched, t, fmt, desc);
}
