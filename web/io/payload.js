// The headline figures the host page receives in roi:ready, roi:change and
// roi:cta (protocol v1, docs/INTEGRATION.md section 3), from a result
// document: the full page and the widget send the same keys.  max_price
// (the billing model's break-even price) was added to version 1: additive.
export function headlineResults(r) {
  if (!r) return null;
  return {
    per_hour_revenue: r.per_hour.revenue, roi: r.roi, net: r.net, payback_months: r.payback_months,
    cac: r.unit_costs.deal, currency: r.currency, max_price: r.breakeven.max_price,
  };
}
