// The monthly projection in words and as a table, from the core's schedule
// object alone (schedule.series, totals, payback_month): nothing recomputed.

/** The columns of the table and of its CSV: [series key, label key, format].
 *  The answer first (each month's net, the running total, the cumulative
 *  ROI: when it pays back), then how it comes: the table is wider than
 *  its box, and the columns out of view were the ones that answer. */
export const COLUMNS = [
  ['month', 'month', 'plain'], ['net', 'r:net', 'money'], ['cumulative_net', 'r:cumulative_net', 'money'], ['cumulative_roi', 'r:cumulative_roi', 'pct'],
  ['volume', null, 'num'], ['meetings', 'r:funnel.meetings', 'num'], ['held', 'r:funnel.held', 'num'],
  ['deals', 'r:funnel.deals', 'num'], ['revenue', 'r:revenue', 'money'], ['margin', 'r:margin', 'money'], ['cost', 'r:cost.total', 'money'],
];

/** The columns for a funnel starting at entry: the volume, named after
 *  that stage, unless a column of its own shows it already (a funnel that
 *  starts at the meetings has one column of meetings, not two alike). */
export function columns(entry) {
  return COLUMNS.filter(([key]) => key !== 'volume' || !COLUMNS.some(([k]) => k === entry));
}

/** Column titles; the volume is named after the funnel's first stage. */
export function headers(entry, t) {
  return columns(entry).map(([key, label]) => (key === 'volume' ? t('r:funnel.' + entry) : t(label)));
}

/** A cell's text: the value in its format, « — » for null. */
export function cellText(value, format, fmt) {
  return value === null || value === undefined ? '—' : fmt[format](value);
}

/** The table for CSV: a header row, then the raw numbers (null: empty cell). */
export function csvRows(schedule, entry, t) {
  const cols = columns(entry);
  return [headers(entry, t), ...schedule.series.map((r) => cols.map(([key]) => r[key]))];
}

/** The month that ends the campaign (schedule.months) in the series. */
export function campaignEnd(schedule) {
  return schedule.series.find((r) => r.month === schedule.months) || null;
}

/** Two readings of the same campaign: judged when its months end
 *  (cumulative ROI then) and over its whole life (totals.roi, recurring
 *  revenue included); then the payback month in words. */
export function projectionSentence(schedule, t, fmt, recurring = true) {
  const n = schedule.months, total = schedule.series.length;
  const end = campaignEnd(schedule);
  const early = end ? end.cumulative_roi : null;
  const life = schedule.totals.roi;
  const parts = [];
  // « revenus récurrents compris » only when there are some: the months
  // after the campaign may hold nothing but deals signed late (sales cycle).
  const lifeText = life === null ? null : t(recurring ? 'sched.life' : 'sched.lifeOnly', { r: fmt.pct(life), m: fmt.num(total), net: fmt.money(schedule.totals.net) });
  if (early !== null && lifeText !== null) {
    parts.push(t('sched.early', { n: fmt.num(n), r: fmt.pct0(early) }) + t(life > early ? 'sched.but' : 'sched.then') + lifeText + '.');
  } else if (lifeText !== null) {
    parts.push(lifeText.charAt(0).toUpperCase() + lifeText.slice(1) + '.');
  }
  const pb = schedule.payback_month;
  const last = schedule.series.at(-1);
  parts.push(pb === null ? t('sched.never', { net: fmt.money(last ? last.cumulative_net : 0) })
    : t('sched.pb', { m: fmt.num(pb), n: fmt.num(n) }));
  return parts.join(' ');
}

/** The payback in words when the cash flow is one jump (words, not a chart). */
export function stepSentence(result, t, fmt) {
  const cf = result.cashflow;
  const net = fmt.money(cf[cf.length - 1].net), c = fmt.money(result.cost.total);
  const pb = result.payback_months;
  if (pb === null) return t('pbStepNever', { net, c });
  return t(pb === 0 ? 'pbStep0' : 'pbStep', { m: fmt.num(pb), c, net });
}

/** Why whole months alternate (12, 13, 12…) under floor rounding: the core
 *  rounds the deals signed so far, not each month (METHODOLOGY, schedule),
 *  so the total never loses more than one deal.  expected: one month's
 *  expected deals at full volume (result.funnel.deals_expected); null when
 *  nothing alternates (a whole number, or expected deals kept). */
export function roundingNote(expected, rounding, t, fmt) {
  if (rounding !== 'floor' || !(expected > 0) || Number.isInteger(expected)) return null;
  const lo = Math.floor(expected);
  return t('sched.round', { lo: fmt.num(lo), hi: fmt.num(lo + 1), x: fmt.num(expected) });
}
