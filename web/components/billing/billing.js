// The billing models side by side: one row per model the core compared,
// its cells [data-out] like every result (billing[i].key), the cost if the
// results halve (the core's cost_at_half) and who carries the risk.
import { getPath } from '../../state/scenario.js';
import { FIELDS } from '../../fields.js';
import { $, node } from '../dom.js';

export function render(state, prev, { t, fmt }) {
  const res = state.result;
  const model = getPath(state.scenario, 'costs.model') ?? FIELDS.get('costs.model').dflt;
  const body = $('billrows');
  body.replaceChildren();
  res.billing.forEach((row, i) => {
    const tr = node('tr', { class: row.model === model ? 'chosen' : false, 'data-model': row.model });
    tr.append(node('th', { scope: 'row' }, t('o:costs.model:' + row.model) + (row.model === model ? ' ' + t('selected') : '')));
    for (const [key, kind] of [['cost', 'money'], ['net', 'money'], ['roi', 'pct'], ['cost_per_deal', 'money'], ['max_price', 'money']]) {
      tr.append(node('td', { 'data-out': `billing[${i}].${key}`, 'data-fmt': kind }));
    }
    const hc = row.cost_at_half;
    tr.append(node('td', { 'data-half': row.model, 'data-value': hc ?? '' }, hc === null ? t('n:na') : fmt.money(hc)));
    tr.append(node('td', { class: 'risk' }, t('risk:' + row.model) + (hc === null || row.cost === null ? '' : ' — ' +
      t(Math.abs(hc - row.cost) < 0.005 ? 'half.same' : 'half.falls', { c: fmt.money(hc), d: fmt.pct(1 - hc / row.cost) }))));
    body.append(tr);
  });
}
