// Channels side by side, ranked by the core: a table whose cells are
// [data-out] like the rest, the ROI bars, the reallocation rule; the
// simulation fills each row's risk (data-simrow) when it answers.
import { orderRows } from '../channels/presets.js';
import { drawBars } from '../../charts/charts.js';
import { $, node } from '../dom.js';

export const rowName = (res, i, t) => res.comparison[i].name || (i === 0 ? t('thisCampaign') : t('channelN', { n: i }));

export function render(state, prev, { t, fmt }) {
  const res = state.result;
  const rows = res.comparison;
  const many = rows.length > 1;
  $('cmp-sort').setAttribute('aria-pressed', String(state.view.byRank));
  $('cmp-empty').hidden = many;
  $('cmp-body').hidden = !many;
  const body = $('cmprows');
  body.replaceChildren();
  if (!many) return;
  const order = orderRows(rows, state.view.byRank);
  for (const i of order) {
    const tr = node('tr', { class: i === 0 ? 'self' : false });
    tr.append(node('td', { 'data-out': `comparison[${i}].rank`, 'data-fmt': 'num' }));
    tr.append(node('th', { scope: 'row' }, rowName(res, i, t)));
    for (const [key, kind] of [['cost', 'money'], ['roi', 'pct'], ['net', 'money'], ['cost_per_lead', 'money'], ['cost_per_opportunity', 'money'],
      ['cac', 'money'], ['revenue_per_hour', 'money'], ['payback_months', 'months'], ['ltv_to_cac', 'mult']]) {
      tr.append(node('td', { 'data-out': `comparison[${i}].${key}`, 'data-fmt': kind }));
    }
    tr.append(node('td', { 'data-simrow': i, 'data-simkey': 'p_loss', 'data-fmt': 'pct' }, '…'));
    tr.append(node('td', { 'data-simrow': i, 'data-simkey': 'roi.p10', 'data-fmt': 'pct' }, '…'));
    body.append(tr);
  }
  drawBars($('cmpchart'), order.map((i) => rowName(res, i, t)), order.map((i) => rows[i].roi), t, fmt);
  const ra = res.reallocation;
  $('realloc-text').textContent = ra.moved > 0
    ? t('realloc.text', { s: fmt.pct(ra.shift), m: fmt.pct(ra.min_roi), f: ra.from.map((i) => rowName(res, i, t)).join(', '), to: rowName(res, ra.to, t) })
    : t('realloc.none', { m: fmt.pct(ra.min_roi) });
}
