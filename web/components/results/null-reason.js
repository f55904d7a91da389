// Why a result is null, as an i18n key, so the user knows what to enter
// ("— aucun coût saisi").  The core writes null without a reason; this
// reads which input the figure lacks from the result itself.
import { getPath } from '../../state/scenario.js';

export function whyNull(path, res) {
  const f = res.funnel;
  const stage = (s) => (f[s] === null ? 'n:stage' : 'n:zero');
  if (/(^|\.)roi(_lifetime)?$/.test(path)) return 'n:cost';
  if (/^per_hour\.(calls|meetings)$/.test(path) && res.hours_total > 0) return 'n:stage';
  if (path.startsWith('per_hour.') || path.endsWith('revenue_per_hour')) return 'n:hours';
  if (path.startsWith('funnel.')) return 'n:stage';
  // A ratio to a cost is undefined when the cost is zero: with deals
  // signed, that is a campaign whose cost was not entered.
  if (path === 'unit_costs.deal' || path === 'ltv.to_cac') return f.deals > 0 ? 'n:cost' : 'n:nocac';
  if (path === 'ltv.to_meeting_cost') return f.held > 0 ? 'n:cost' : stage('held');
  if (path.startsWith('unit_costs.')) return stage(path.slice(11));
  if (path.endsWith('payback_months')) return dealsAt(res, path) ? 'n:never' : 'n:nodeal';
  if (path === 'breakeven.min_deals') return 'n:unreach';
  if (path === 'breakeven.max_cost_per_meeting') return stage('meetings');
  if (path === 'breakeven.min_deal_value') return f.deals > 0 ? 'n:na' : 'n:nodeal';
  return 'n:na';
}

/** Whether the campaign, scenario or channel row of a payback path signs
 *  deals: a comparison row gives no count, but a cost per deal (CAC) or a
 *  revenue only when it does. */
function dealsAt(res, path) {
  if (path === 'payback_months') return res.funnel.deals > 0;
  const row = getPath(res, path.replace(/\.payback_months$/, ''));
  if (row && row.deals === undefined && 'cac' in row) return row.cac !== null || row.revenue > 0;
  return getPath(res, path.replace('payback_months', 'deals')) > 0;
}
