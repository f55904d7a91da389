// Page 1 of the printed report, besides the summary (figures and verdicts)
// and the chart: « Préparé pour / par » (printed only when filled), the
// simulation's risk in one line under the summary's verdicts (the verdict
// itself is the summary's, said once), and the assumptions (the inputs that
// differ from the defaults), rebuilt when the scenario, the result, the
// simulation or the language change.
import { FIELDS, fieldOf } from '../../fields.js';
import { $, node, setProp } from '../dom.js';
import { getPath } from '../../state/scenario.js';
import { assumptions } from './assumptions.js';
import { observedCounts } from '../../state/observed.js';

export function render(state, prev, { t, fmt }) {
  const v = state.view, pv = prev.view;
  setProp($('prep-for'), 'value', v.preparedFor);
  setProp($('prep-by'), 'value', v.preparedBy);
  for (const [id, text] of [['rh-for', v.preparedFor], ['rh-by', v.preparedBy]]) {
    const p = $(id);
    p.hidden = !text.trim();
    p.querySelector('strong').textContent = text;
  }
  if (state.result === prev.result && state.sim.last === prev.sim.last && v.lang === pv.lang && v.retro === pv.retro && state.observed === prev.observed && $('as-list').dataset.done) return;
  $('as-list').dataset.done = '1';
  risk(state, t, fmt);
  const items = assumptions(state.scenario, [...FIELDS.values()], v.retro ? observedCounts(state.observed, v.lang) : null);
  $('as-none').hidden = items.length > 0;
  $('as-list').replaceChildren(...items.map((a) => line(a, t, fmt, state.scenario)));
}

function risk(state, t, fmt) {
  const s = state.sim.last, el = $('rh-risk');
  const shown = !!(state.result && s && s.fields?.length && s.p_loss !== null && s.roi);
  el.textContent = shown ? t('rh.risk', { p: fmt.pct(s.p_loss), p10: fmt.pct(s.roi.p10) }) : '';
  el.hidden = !shown;
}

// Goals counted in money (the others count meetings or deals).  Amounts
// are said as typed, cents kept (a price of 120,50 €, not 121 €).
const MONEY_GOALS = ['revenue', 'margin', 'net'];

/** A value of a field in words: its option's name, or its number formatted. */
function shown(fd, v, t, fmt, scenario) {
  if (fd.kind === 'select') return t(`o:${fd.path}:${v}`);
  if (fd.path === 'goal.value' && MONEY_GOALS.includes(getPath(scenario, 'goal.metric'))) return fmt.price(v);
  if (fd.kind === 'pct') return fmt.pct(v);
  if (fd.kind === 'money') return fmt.price(v);
  if (fd.kind === 'num') return fmt.num(v);
  return String(v);
}

function line(a, t, fmt, scenario) {
  const li = node('li');
  let k, val;
  if (a.observed) { k = t('as.observed'); val = a.observed.map(([s, n]) => fmt.num(n) + '\u00a0' + t(fmt.agree('pu:' + s, n))).join(', '); }
  else if (a.ramp) { k = t('as.ramp'); val = a.ramp.map((x) => fmt.pct(x)).join(', '); }
  else if (a.fixed) { k = t('as.fixed') + (a.fixed.label ? ' — ' + a.fixed.label : ''); val = fmt.price(a.fixed.amount); }
  else if (a.range) {
    const fd = fieldOf('uncertainty.ranges.' + a.range) || { kind: 'num', path: a.range };
    k = t('as.range', { f: t(a.range) });
    val = t('as.rangeVal', { lo: shown(fd, a.low, t, fmt), hi: shown(fd, a.high, t, fmt) });
  } else if (a.channels) { k = t('as.channels'); val = a.channels.join(', '); }
  else { k = t(a.path); val = shown(FIELDS.get(a.path), a.value, t, fmt, scenario); }
  li.append(node('span', { class: 'as-k' }, k), ' ', node('span', { class: 'as-v' }, val));
  return li;
}
