// The widget's answer in words: which sentence to say, from the core's
// result document and the scenario's price.  Pure (no DOM, no text): it
// returns text keys and params the renderer translates, each param a
// number with the format to show it in ({ v, fmt }) or a text key ({ key }).
// No figure is computed here: every number is the core's (break-even price,
// ROI, net, the prudent and ambitious scenarios); only comparisons of two
// of them choose the words.
import { PRICE_OF, priceUnit } from '../components/verdict/verdict.js';
import { getPath } from '../state/scenario.js';


/** The scenario values the sentence compares the core's numbers with (the
 *  scenario is the core's canonical document: every field is written). */
export function facts(scenario) {
  const get = (p) => getPath(scenario, p);
  const model = get('costs.model');
  return { model, basis: get('costs.meeting_basis'), price: get(PRICE_OF[model]) ?? 0, targetRoi: get('target_roi') ?? 0 };
}

/** The headline and the line under it: { tone, big, sub }.  tone: 'ok'
 *  (pays), 'ko' (does not), '' (nothing to judge yet).
 *    max price > 0, paid at most that: « Rentable jusqu'à 640 € par
 *      rendez-vous » / « À 150 €, chaque euro investi rapporte 3,27 € net. »
 *    paid more: « Pas rentable à 700 € par rendez-vous » / « Seuil : 640 €…
 *      chaque euro investi fait perdre 0,09 €. »
 *    max price 0 or less: « Pas rentable, même gratuit » and why.
 *    no max price (no hours for an hourly price, no meeting to pay for). */
export function answer(res, { model, basis, price, targetRoi = 0 }) {
  const max = res.breakeven.max_price;
  const unit = { key: 'u:' + priceUnit(model, basis) }; // « par rendez-vous tenu » when paid per meeting held
  const T = targetRoi !== 0 ? 'T' : ''; // a target ROI: the max price is the price that reaches it
  const p = { max: { v: max, fmt: 'upTo' }, paid: { v: price, fmt: 'price' }, unit, t: { v: targetRoi, fmt: 'pct0' } };
  // No deal because no lead became a meeting: that share is the one to raise.
  const noDeal = !(res.funnel.deals > 0) && (res.funnel.leads > 0 && res.funnel.meetings === 0 ? 'v:nodeal.sub:meet' : 'v:nodeal.sub');
  if (max === null) {
    const hours = (model === 'in_house' || model === 'hourly' || model === 'hybrid') && !(res.hours_total > 0);
    if (hours) return { tone: '', big: { key: 'v:hours' }, sub: { key: 'v:hours.sub' } };
    return { tone: noDeal ? 'ko' : '', big: { key: 'v:none' }, sub: { key: noDeal || 'v:none.sub' } };
  }
  if (max <= 0) {
    // No margin at all (no deal value or a 0 % margin): nothing to pay for
    // a meeting with, whatever the other costs.
    const why = noDeal || (!(res.margin > 0) ? 'v:nomargin.sub' : 'v:never.sub');
    return { tone: 'ko', big: { key: 'v:never' + T, params: p }, sub: { key: why, params: p } };
  }
  const each = { v: Math.abs(res.roi ?? 0), fmt: 'money' };
  // Within half a cent per euro of break-even, it is said as such: not
  // « chaque euro investi perd 0 € ».
  const even = res.roi !== null && Math.abs(res.roi) < 0.005;
  if (price <= max) {
    const sub = res.roi === null ? 'v:free.sub' : even ? 'v:even.sub' : res.roi < 0 ? 'v:loss.sub' : 'v:ok.sub';
    return { tone: 'ok', big: { key: 'v:ok' + T, params: p }, sub: { key: sub, params: { ...p, k: each } } };
  }
  // Past the max price: a loss, or (with a target ROI) a gain short of it.
  const sub = res.roi === null ? 'v:none.sub' : even ? 'v:even.sub' : res.roi >= 0 ? 'v:koT.sub' : 'v:ko.sub';
  return { tone: 'ko', big: { key: 'v:ko' + T, params: p }, sub: { key: sub, params: { ...p, k: each } } };
}

/** The three figures beside the answer: ROI, net, and the preset's own
 *  (cost per deal, hourly revenue, cost per lead): [{ key, path, fmt }]. */
export function figures(figure) {
  return [
    { key: 'f:roi', path: 'roi', fmt: 'pct0' },
    { key: 'f:net', path: 'net', fmt: 'figure' }, // compact past 100 000: a third of the width
    { key: 'f:' + figure, path: figure, fmt: 'figure' },
  ];
}

/** The span of the net result from the prudent to the ambitious scenario
 *  (every uncertain input at the low, then the high end of its range), so
 *  that the central figure is not read as a promise: { lo, hi } or null
 *  when both are equal (nothing uncertain). */
export function range(res) {
  const lo = res.scenarios.prudent.net, hi = res.scenarios.ambitious.net;
  const big = (v) => ({ v, fmt: 'figure' }); // as the net figure beside it shows it (« 2,1 M€ »)
  return lo === hi ? null : { lo: big(lo), hi: big(hi), rlo: { v: res.scenarios.prudent.roi, fmt: 'pct0' }, rhi: { v: res.scenarios.ambitious.roi, fmt: 'pct0' } };
}
