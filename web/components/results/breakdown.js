// What the cost breakdown adds up, in the selected model's words (« Au
// rendez-vous validé : rendez-vous facturés × prix »), how many units were
// billed (a fractional count is the expected average, said so), rows at
// zero left out, and panels whose figures are all null folded to one line
// saying what to enter.
import { setting, billedStage } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { $, setProp } from '../dom.js';
import { PRICE_OF } from '../verdict/verdict.js';

export function render(state, res, { t, fmt }) {
  const model = setting(state.scenario, 'costs.model');
  setProp($('costmodel-l'), 'textContent', t('cm:' + model));
  // Zero rows (no other costs, no sales time, no commission) say nothing.
  for (const el of document.querySelectorAll('#rbody [data-zero]')) {
    const dd = el.tagName === 'DD' ? el : el.nextElementSibling;
    setProp(el, 'hidden', getPath(res, dd.dataset.out) === 0);
  }
  const note = $('billednote');
  // The count the model bills (fields.js billedStage) and the price it bills it at.
  const stage = billedStage(state.scenario);
  const n = stage ? getPath(res, 'funnel.' + stage) : null;
  setProp(note, 'hidden', n === null || n === undefined);
  if (!note.hidden) {
    const whole = Math.abs(n - Math.round(n)) < 1e-9;
    const perMeeting = stage === 'meetings' || stage === 'held';
    const basis = t(fmt.agree('bu:' + (perMeeting ? setting(state.scenario, 'costs.meeting_basis') : model), n));
    setProp(note, 'textContent', t('billed', { n: fmt.num(n), u: basis, p: fmt.price(setting(state.scenario, PRICE_OF[model]) ?? 0) }) + (whole ? '' : ' ' + t('billedAvg')));
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
