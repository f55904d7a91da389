// Channels side by side, ranked by the core: a table whose cells are
// [data-out] like the rest, the ROI bars, the reallocation rule; the
// simulation fills each row's risk (data-simrow) when it answers.  The risk
// comes right after ROI, net and cost, so it is never the column cut off;
// below 720 px each row is a card (style.css, cells named by data-label).
import { orderRows } from '../channels/presets.js';
import { drawBars } from '../../charts/charts.js';
import { $, node, setProp } from '../dom.js';
import { getPath } from '../../state/scenario.js';

// Columns: the ones a card keeps on a narrow screen (ROI, net, cost, then
// the risk), and the others, after the risk, hidden on cards.
const HEAD = [['roi', 'pct', 'r:roi'], ['net', 'money', 'r:net'], ['cost', 'money', 'r:cost.total']];
const MORE = [['cost_per_lead', 'money', 'cmp.cpl', 'more'], ['cost_per_opportunity', 'money', 'cmp.cpo', 'more'],
  ['cac', 'money', 'cmp.cac', 'more'], ['revenue_per_hour', 'money', 'sc:revenue_per_hour', 'more'],
  ['payback_months', 'payback', 'r:payback_months', 'more'], ['ltv_to_cac', 'mult', 'r:ltv.to_cac', 'more']];

export const rowName = (res, i, t) => res.comparison[i].name || (i === 0 ? t('thisCampaign') : t('channelN', { n: i }));

export function render(state, prev, { t, fmt }) {
  const res = state.result;
  const rows = res.comparison;
  const many = rows.length > 1;
  $('cmp-sort').setAttribute('aria-pressed', String(state.view.byRank));
  $('cmp-all').setAttribute('aria-pressed', String(state.view.cmpAll));
  $('cmp').classList.toggle('all', state.view.cmpAll);
  $('cmp-empty').hidden = many;
  $('cmp-body').hidden = !many;
  const body = $('cmprows');
  body.replaceChildren();
  if (!many) return;
  const order = orderRows(rows, state.view.byRank);
  for (const i of order) {
    const tr = node('tr', { class: i === 0 ? 'self' : false });
    tr.append(node('td', { class: 'rank', 'data-out': `comparison[${i}].rank`, 'data-fmt': 'num', 'data-label': t('cmp.rank') }));
    tr.append(node('th', { scope: 'row' }, rowName(res, i, t)));
    const cell = ([key, kind, label, cls]) => node('td', { class: cls || false, 'data-out': `comparison[${i}].${key}`, 'data-fmt': kind, 'data-label': t(label) });
    tr.append(...HEAD.map(cell));
    tr.append(node('td', { class: 'riskcell', 'data-simrow': i, 'data-simkey': 'p_loss', 'data-fmt': 'pct', 'data-label': t('cmp.ploss') }, '…'));
    tr.append(node('td', { class: 'riskcell', 'data-simrow': i, 'data-simkey': 'roi.p10', 'data-fmt': 'pct', 'data-label': t('cmp.p10') }, '…'));
    tr.append(...MORE.map(cell));
    body.append(tr);
  }
  drawBars($('cmpchart'), order.map((i) => rowName(res, i, t)), order.map((i) => rows[i].roi), t, fmt);
  const ra = res.reallocation;
  $('realloc-text').textContent = ra.moved > 0
    ? t('realloc.text', { s: fmt.pct(ra.shift), m: fmt.pct(ra.min_roi), f: ra.from.map((i) => rowName(res, i, t)).join(', '), to: rowName(res, ra.to, t) })
    : t('realloc.none', { m: fmt.pct(ra.min_roi) });
  // A row that works the same entry stage and volume as the campaign (its
  // copy, « Comparer cette campagne comme un canal », billed another way) is
  // an alternative, not one more campaign: the totals above add it anyway.
  const sc = state.valid;
  const same = (c) => c && ['funnel.entry', 'funnel.volume'].every((p) => getPath(c, p) === getPath(sc, p));
  const twins = sc ? (sc.channels || []).map((c, i) => (same(c) && rows[i + 1] ? rowName(res, i + 1, t) : null)).filter(Boolean) : [];
  setProp($('realloc-twice'), 'hidden', twins.length === 0);
  setProp($('realloc-twice'), 'textContent', twins.length ? t('realloc.twice', { f: twins.join(', ') }) : '');
}
