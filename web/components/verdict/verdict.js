// The answer in words: which figures lead and which verdicts to say, from
// the core's result and a few scenario values.  Pure (no DOM, no text):
// it returns { key, params } the renderer translates; params keep raw
// numbers with the format to show them in ({ v, fmt }).  Only comparisons of
// two core numbers choose words; the one ratio said aloud ("4,8 fois
// moins") is the quotient of two numbers already shown.

// The price field each billing model's max_price is about (METHODOLOGY §3).
export const PRICE_OF = {
  in_house: 'costs.in_house_hourly_cost', hourly: 'costs.hourly_rate', hybrid: 'costs.bonus_per_meeting',
  per_call: 'costs.per_call', per_meeting: 'costs.per_meeting', per_deal: 'costs.per_deal', flat: 'costs.flat_fee',
};
// Models paid per result: hours are optional (they only give the hourly revenue).
export const PER_RESULT = ['per_call', 'per_meeting', 'per_deal', 'flat'];

/** The unit a model's price is in, as a text key's suffix: a meeting price
 *  paid per meeting held (costs.meeting_basis) is 'per_meeting:held', so
 *  its maximum is said « par rendez-vous tenu », not beside a maximum all-in
 *  cost per meeting booked that is lower. */
export const priceUnit = (model, basis) => (basis === 'held' && (model === 'per_meeting' || model === 'hybrid') ? model + ':held' : model);

const m = (v) => ({ v, fmt: 'money' });
/** A price typed, said as typed: cents kept (« vous payez 120,50 € »). */
const typed = (v) => ({ v, fmt: 'price' });
const x = (v) => ({ v, fmt: 'mult' }); // 4,8×
const times = (v) => ({ v: Math.round(v * 10) / 10, fmt: 'num' }); // « 4,8 fois »

/** The headline figures, most telling first: [{ path, fmt, key, extra? }].
 *  sc: { model, price } (price: the selected model's price, default applied). */
export function headline(res, sc) {
  const out = [];
  const hourly = { path: 'per_hour.revenue', fmt: 'money', key: 'r:per_hour.revenue' };
  const hours = res.hours_total > 0 && res.per_hour.revenue !== null;
  // Paid per result, up to what price leads, hours or not: it is the answer
  // a prospect came for; the hourly revenue, once hours are known, follows
  // ROI and net.  Paid by the hour (or flat), the hourly revenue leads.
  const priced = res.breakeven.max_price !== null && PER_RESULT.includes(sc.model) && sc.model !== 'flat';
  if (priced) out.push({ path: 'breakeven.max_price', fmt: 'upTo', key: 'mp:' + priceUnit(sc.model, sc.basis), paid: sc.price });
  else if (hours) out.push(hourly);
  else if (res.unit_costs.held !== null) out.push({ path: 'unit_costs.held', fmt: 'money', key: 'r:unit_costs.held' });
  for (const [path, fmt, key] of [['roi', 'pct', 'r:roi'], ['net', 'money', 'r:net']]) {
    if (get(res, path) !== null) out.push({ path, fmt, key });
  }
  if (priced && hours) out.push(hourly);
  if (get(res, 'unit_costs.deal') !== null) out.push({ path: 'unit_costs.deal', fmt: 'money', key: 'r:unit_costs.deal' });
  if (!out.length) out.push({ path: 'net', fmt: 'money', key: 'r:net' });
  return out.slice(0, 4);
}

/** The verdicts, in the order they are read: [{ key, params, tone }];
 *  tone 'ok' | 'ko' | '' (neutral or missing input). */
export function verdicts(res, sc) {
  return [priceVerdict(res, sc), meetingVerdict(res), cacVerdict(res, sc), paybackVerdict(res), scheduleVerdict(res),
    marginVerdict(res, sc)].filter(Boolean);
}

/** "Rentable jusqu'à 576 € par rendez-vous : vous payez 120 €, soit 4,8 fois moins". */
export function priceVerdict(res, { model, basis, price, targetRoi = 0, volume }) {
  const max = res.breakeven.max_price;
  const unit = { unit: { key: 'vu:' + priceUnit(model, basis) } };
  const goal = targetRoi > 0 ? 'T' : '';
  const t = { v: targetRoi, fmt: 'pct' };
  // No volume: nothing to price yet (not a funnel that starts too late).
  if (max === null) return { key: volume === 0 ? 'v:price.novol' : 'v:price.null:' + model, params: {}, tone: '' };
  if (max <= 0) return { key: 'v:price.never' + goal, params: { ...unit, t }, tone: 'ko' };
  const upTo = { v: max, fmt: 'upTo' };
  if (!(price > 0)) return { key: 'v:price.max' + goal, params: { max: upTo, ...unit, t }, tone: 'ok' };
  if (price <= max) return { key: 'v:price.ok' + goal, params: { max: upTo, paid: typed(price), k: times(max / price), ...unit, t }, tone: 'ok' };
  return { key: 'v:price.ko' + goal, params: { max: upTo, paid: typed(price), k: times(price / max), ...unit, t }, tone: 'ko' };
}

/** The 3 to 5× rule: the margin of a client against the cost of a held meeting. */
export function meetingVerdict(res) {
  const v = res.ltv.to_meeting_cost;
  if (v === null) return null; // no held meeting counted or no cost: the rule does not apply
  return { key: v >= 3 ? 'v:meet.ok' : 'v:meet.ko', params: { v: times(v) }, tone: v >= 3 ? 'ok' : 'ko' };
}

export function cacVerdict(res, { target }) {
  const v = res.ltv.to_cac;
  if (v === null) return { key: res.funnel.deals > 0 ? 'v:cac.nocost' : 'v:cac.nodeal', params: {}, tone: '' };
  const params = { v: x(v), t: x(target) };
  if (v >= target) return { key: 'v:cac.ok', params, tone: 'ok' };
  // Under the healthy ratio but each client's margin still pays for its
  // acquisition: a caution, not the red cross a loss gets (it stood beside
  // a 95 % ROI).
  return v >= 1 ? { key: 'v:cac.thin', params, tone: '' } : { key: 'v:cac.ko', params, tone: 'ko' };
}

/** The payback of the campaign as entered.  With a monthly projection the
 *  entered volumes are one month's, so the sentence says « un mois de
 *  campagne, seul » (key suffix '1'), which the projection's line that
 *  follows extends to the whole plan. */
export function paybackVerdict(res) {
  const p = res.payback_months, one = res.schedule ? '1' : '';
  // No deal signed: nothing is paid back, even at no cost (payback 0).
  if (!(res.funnel.deals > 0)) return { key: 'v:pb.nodeal' + one, params: {}, tone: 'ko' };
  if (p === null) return { key: 'v:pb.never' + one, params: {}, tone: 'ko' };
  if (p === 0) return { key: 'v:pb.now' + one, params: {}, tone: 'ok' };
  return { key: 'v:pb.months' + one, params: { m: { v: p, fmt: 'months' } }, tone: 'ok' };
}

/** With a monthly projection, the campaign is judged over its months: the
 *  payback month and the cumulative ROI at the end of the campaign months
 *  against the ROI over the whole series (schedule from the core). */
export function scheduleVerdict(res) {
  const sc = res.schedule;
  if (!sc) return null;
  const n = sc.months, last = sc.series[Math.min(n, sc.series.length) - 1];
  const early = { v: last ? last.cumulative_roi : null, fmt: 'pct' }, life = { v: sc.totals.roi, fmt: 'pct' };
  const params = { n: { v: n, fmt: 'num' }, m: { v: sc.payback_month, fmt: 'num' }, early, life };
  if (sc.payback_month === null) return { key: 'v:sched.never', params, tone: 'ko' };
  if (early.v === null || life.v === null) return { key: 'v:sched.pb', params, tone: 'ok' };
  // Paid back, but still at a loss when its months end: neither yes nor no.
  return { key: 'v:sched.pbRoi', params, tone: early.v < 0 ? '' : 'ok' };
}

/** A margin rate left at 100 %: the ROI is judged on revenue. */
export function marginVerdict(res, { marginRate }) {
  if (marginRate !== 1 || res.roi === null) return null;
  return { key: 'v:margin.revenue', params: {}, tone: '' };
}

function get(o, path) {
  return path.split('.').reduce((a, k) => (a == null ? null : a[k]), o) ?? null;
}
