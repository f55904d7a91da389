// The billing models side by side: one row per model the core compared,
// its cells [data-out] like every result (billing[i].key), the cost if the
// results halve (the core's cost_at_half), the risk of each model from the
// simulation run with that model ([data-billsim], filled by the simulation
// component) and who carries the risk, in words.  Every cell carries its
// column's name (data-label) for the narrow layout, where rows become cards.
import { setting } from '../../fields.js';
import { $, node } from '../dom.js';
import { carrier } from './risk.js';
import { PER_RESULT, priceUnit } from '../verdict/verdict.js';

const COLS = [['cost', 'money', 'r:cost.total'], ['net', 'money', 'r:net'], ['roi', 'pct', 'r:roi'],
  ['cost_per_deal', 'money', 'bill.cpd'], ['max_price', 'upTo', 'bill.max']];

export function render(state, prev, { t, fmt }) {
  const res = state.result;
  const model = setting(state.scenario, 'costs.model'), basis = setting(state.scenario, 'costs.meeting_basis');
  const body = $('billrows');
  body.replaceChildren();
  // One row is no comparison yet: say where the other offers' prices go.
  $('bill-one').hidden = res.billing.length > 1;
  res.billing.forEach((row, i) => {
    const tr = node('tr', { class: row.model === model ? 'chosen' : false, 'data-model': row.model });
    tr.append(node('th', { scope: 'row' }, t('o:costs.model:' + row.model) + (row.model === model ? ' ' + t('selected') : '')));
    // The maximum price is in the model's own unit (per hour, per meeting,
    // per deal, for the flat fee): said in the cell, not left to guess.
    for (const [key, kind, label] of COLS) {
      tr.append(node('td', { 'data-out': `billing[${i}].${key}`, 'data-fmt': kind, 'data-label': t(label),
        'data-unit': key === 'max_price' ? 'mu:' + priceUnit(row.model, basis) : false }));
    }
    const hc = row.cost_at_half;
    tr.append(node('td', { 'data-half': row.model, 'data-value': hc ?? '', 'data-label': t('bill.half') }, hc === null ? t('n:na') : fmt.money(hc)));
    tr.append(node('td', { class: 'riskcell', 'data-billsim': i, 'data-model': row.model, 'data-simkey': 'p_loss', 'data-fmt': 'pct', 'data-label': t('cmp.ploss') }, '…'));
    tr.append(node('td', { class: 'riskcell', 'data-billsim': i, 'data-model': row.model, 'data-simkey': 'roi.p10', 'data-fmt': 'pct', 'data-label': t('cmp.p10') }, '…'));
    const who = carrier(row.cost, hc, !PER_RESULT.includes(row.model) && !(res.hours_total > 0));
    const words = node('td', { class: 'risk', 'data-carrier': who ? who.key : '', 'data-label': t('bill.risk') });
    const p = who?.params || {};
    if (who) words.append(node('strong', {}, t(who.key, { c: p.c === undefined ? '' : fmt.money(p.c), d: p.d === undefined ? '' : fmt.pct(p.d) })), ' ');
    words.append(node('span', {}, t('risk:' + row.model)));
    tr.append(words);
    body.append(tr);
  });
}
