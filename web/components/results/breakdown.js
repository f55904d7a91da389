// What the cost breakdown adds up, in the selected model's words (« Au
// rendez-vous validé : rendez-vous facturés × prix »), how many units were
// billed (a fractional count is the expected average, said so), rows at
// zero left out, and panels whose figures are all null folded to one line
// saying what to enter.
import { setting } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { $, setProp } from '../dom.js';

// The count each model bills (result path) and the price it bills it at.
const BILLED = {
  per_call: ['funnel.calls', 'costs.per_call'],
  per_meeting: ['meetings', 'costs.per_meeting'],
  hybrid: ['meetings', 'costs.bonus_per_meeting'],
  per_deal: ['funnel.deals', 'costs.per_deal'],
};

export function render(state, res, { t, fmt }) {
  const model = setting(state.scenario, 'costs.model');
  setProp($('costmodel-l'), 'textContent', t('cm:' + model));
  // Zero rows (no other costs, no sales time, no commission) say nothing.
  for (const el of document.querySelectorAll('#rbody [data-zero]')) {
    const dd = el.tagName === 'DD' ? el : el.nextElementSibling;
    setProp(el, 'hidden', getPath(res, dd.dataset.out) === 0);
  }
  const note = $('billednote');
  const b = BILLED[model];
  let n = null;
  if (b) n = getPath(res, b[0] === 'meetings' ? (setting(state.scenario, 'costs.meeting_basis') === 'held' ? 'funnel.held' : 'funnel.meetings') : b[0]);
  setProp(note, 'hidden', n === null || n === undefined);
  if (!note.hidden) {
    const whole = Math.abs(n - Math.round(n)) < 1e-9;
    const basis = t(fmt.agree('bu:' + (b[0] === 'meetings' ? setting(state.scenario, 'costs.meeting_basis') : model), n));
    setProp(note, 'textContent', t('billed', { n: fmt.num(n), u: basis, p: fmt.price(setting(state.scenario, b[1]) ?? 0) }) + (whole ? '' : ' ' + t('billedAvg')));
  }
  collapseEmpty(t);
}

/** A panel whose figures are all null (data-opt ones aside) shows one line
 *  instead: what to enter to get them. */
function collapseEmpty(t) {
  for (const panel of document.querySelectorAll('#rbody .panel[data-empty]')) {
    const outs = [...panel.querySelectorAll('[data-out]:not([data-opt])')];
    const empty = outs.length > 0 && outs.every((o) => o.dataset.value === '');
    panel.classList.toggle('collapsed', empty);
    for (const c of panel.children) if (c.tagName !== 'H3') setProp(c, 'hidden', empty ? !c.classList.contains('empty-line') : c.classList.contains('empty-line'));
    setProp(panel.querySelector('.empty-line'), 'textContent', t(panel.dataset.empty));
  }
}
