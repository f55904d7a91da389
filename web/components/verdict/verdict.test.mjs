// The verdict module: every verdict and its null cases, on results shaped
// like the core's (the pay-per-meeting example's numbers from roi eval).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headline, verdicts, priceVerdict, meetingVerdict, cacVerdict, paybackVerdict, marginVerdict, scheduleVerdict } from './verdict.js';

const ppm = () => ({
  hours_total: 0, funnel: { meetings: 50, held: 50, deals: 12 }, roi: 3.8, net: 22800,
  per_hour: { revenue: null }, unit_costs: { held: 120, deal: 500 },
  ltv: { to_cac: 4.8, to_meeting_cost: 20 }, payback_months: 0,
  breakeven: { max_price: 576 },
});
const sc = { model: 'per_meeting', price: 120, target: 3, marginRate: 0.4, targetRoi: 0 };

test('headline: the maximum price per meeting leads when no hours are known', () => {
  const h = headline(ppm(), sc);
  assert.deepEqual(h.map((f) => f.path), ['breakeven.max_price', 'roi', 'net', 'unit_costs.deal']);
  assert.equal(h[0].key, 'mp:per_meeting');
  assert.equal(h[0].paid, 120);
  // Paid per meeting held: its maximum is said per meeting held (it sat
  // beside a lower maximum all-in cost per meeting booked).
  assert.equal(headline(ppm(), { ...sc, basis: 'held' })[0].key, 'mp:per_meeting:held');
  assert.deepEqual(priceVerdict(ppm(), { ...sc, basis: 'held' }).params.unit, { key: 'vu:per_meeting:held' });
  assert.deepEqual(priceVerdict(ppm(), { ...sc, model: 'hybrid', basis: 'held' }).params.unit, { key: 'vu:hybrid:held' });
  assert.deepEqual(priceVerdict(ppm(), { ...sc, model: 'per_deal', basis: 'held' }).params.unit, { key: 'vu:per_deal' });
});

test('headline: paid per result, the maximum price leads with hours too, the hourly revenue after ROI and net; paid by the hour, the hourly revenue leads, else the cost per held meeting; never empty', () => {
  const r = { ...ppm(), hours_total: 60, per_hour: { revenue: 1200 } };
  assert.deepEqual(headline(r, sc).map((f) => f.path), ['breakeven.max_price', 'roi', 'net', 'per_hour.revenue']);
  assert.deepEqual(headline(r, { ...sc, model: 'hourly' }).map((f) => f.path), ['per_hour.revenue', 'roi', 'net', 'unit_costs.deal']);
  assert.equal(headline(r, { ...sc, model: 'in_house' })[0].path, 'per_hour.revenue');
  assert.equal(headline(r, { ...sc, model: 'flat' })[0].path, 'per_hour.revenue');
  assert.equal(headline(ppm(), { ...sc, model: 'hourly' })[0].path, 'unit_costs.held');
  const empty = { ...ppm(), roi: null, net: null, unit_costs: { held: null, deal: null }, breakeven: { max_price: null } };
  assert.deepEqual(headline(empty, sc).map((f) => f.path), ['net']);
});

test('price: under, over, no price, never profitable, unknown quantity', () => {
  assert.deepEqual(priceVerdict(ppm(), sc), { key: 'v:price.ok', tone: 'ok', params: {
    max: { v: 576, fmt: 'upTo' }, paid: { v: 120, fmt: 'price' }, k: { v: 4.8, fmt: 'num' }, unit: { key: 'vu:per_meeting' }, t: { v: 0, fmt: 'pct' } } });
  const ko = priceVerdict(ppm(), { ...sc, price: 1152 });
  assert.equal(ko.key, 'v:price.ko');
  assert.equal(ko.params.k.v, 2);
  assert.equal(priceVerdict(ppm(), { ...sc, price: 0 }).key, 'v:price.max');
  assert.equal(priceVerdict({ ...ppm(), breakeven: { max_price: -10 } }, sc).key, 'v:price.never');
  assert.equal(priceVerdict({ ...ppm(), breakeven: { max_price: null } }, sc).key, 'v:price.null:per_meeting');
  assert.equal(priceVerdict(ppm(), { ...sc, targetRoi: 0.5 }).key, 'v:price.okT');
});

test('meeting rule: respected at 3× or more, not below, silent without held meetings', () => {
  assert.equal(meetingVerdict(ppm()).key, 'v:meet.ok');
  assert.equal(meetingVerdict(ppm()).params.v.v, 20);
  assert.equal(meetingVerdict({ ...ppm(), ltv: { to_meeting_cost: 2.5 } }).key, 'v:meet.ko');
  assert.equal(meetingVerdict({ ...ppm(), ltv: { to_meeting_cost: null } }), null);
});

test('LTV:CAC against the target; null with and without deals', () => {
  assert.equal(cacVerdict(ppm(), sc).key, 'v:cac.ok');
  // Under the target but above 1 (the margin pays for the acquisition): a caution; under 1: a loss per client.
  assert.deepEqual([cacVerdict(ppm(), { target: 5 }).key, cacVerdict(ppm(), { target: 5 }).tone], ['v:cac.thin', '']);
  assert.deepEqual([cacVerdict({ ...ppm(), ltv: { to_cac: 0.8 } }, sc).key, cacVerdict({ ...ppm(), ltv: { to_cac: 0.8 } }, sc).tone], ['v:cac.ko', 'ko']);
  assert.equal(cacVerdict({ ...ppm(), ltv: { to_cac: null } }, sc).key, 'v:cac.nocost');
  assert.equal(cacVerdict({ ...ppm(), funnel: { deals: 0 }, ltv: { to_cac: null } }, sc).key, 'v:cac.nodeal');
});

test('payback in words: at signature, months, never, no deal', () => {
  assert.equal(paybackVerdict(ppm()).key, 'v:pb.now');
  assert.deepEqual(paybackVerdict({ ...ppm(), payback_months: 4.5 }).params, { m: { v: 4.5, fmt: 'months' } });
  assert.equal(paybackVerdict({ ...ppm(), payback_months: null }).key, 'v:pb.never');
  assert.equal(paybackVerdict({ ...ppm(), payback_months: null, funnel: { deals: 0 } }).key, 'v:pb.nodeal');
});

test('no volume: the price verdict asks for one; no deal: never « paid back at signature », even at no cost', () => {
  assert.equal(priceVerdict({ ...ppm(), breakeven: { ...ppm().breakeven, max_price: null } }, { ...sc, volume: 0 }).key, 'v:price.novol');
  assert.equal(priceVerdict({ ...ppm(), breakeven: { ...ppm().breakeven, max_price: null } }, { ...sc, volume: 50 }).key, 'v:price.null:per_meeting');
  assert.equal(paybackVerdict({ ...ppm(), payback_months: 0, funnel: { deals: 0 } }).key, 'v:pb.nodeal');
});

test('with a projection, the payback is said of one month of campaign alone (the projection line follows)', () => {
  const schedule = { months: 6, series: [], totals: { roi: 0.7 }, payback_month: 8 };
  assert.equal(paybackVerdict({ ...ppm(), schedule, payback_months: 2 }).key, 'v:pb.months1');
  assert.equal(paybackVerdict({ ...ppm(), schedule }).key, 'v:pb.now1');
  assert.equal(paybackVerdict({ ...ppm(), schedule, payback_months: null }).key, 'v:pb.never1');
  assert.equal(paybackVerdict({ ...ppm(), schedule, payback_months: null, funnel: { deals: 0 } }).key, 'v:pb.nodeal1');
  const keys = verdicts({ ...ppm(), schedule, payback_months: 2 }, sc).map((v) => v.key);
  assert.deepEqual(keys.slice(-2), ['v:pb.months1', 'v:sched.pb']);
});

test('margin left at 100 %: the ROI is judged on revenue; silent otherwise or without ROI', () => {
  assert.equal(marginVerdict(ppm(), { marginRate: 1 }).key, 'v:margin.revenue');
  assert.equal(marginVerdict(ppm(), { marginRate: 0.4 }), null);
  assert.equal(marginVerdict({ ...ppm(), roi: null }, { marginRate: 1 }), null);
});

test('verdicts: the list in reading order', () => {
  assert.deepEqual(verdicts(ppm(), sc).map((v) => v.key), ['v:price.ok', 'v:meet.ok', 'v:cac.ok', 'v:pb.now']);
  assert.deepEqual(verdicts(ppm(), { ...sc, marginRate: 1 }).map((v) => v.key).at(-1), 'v:margin.revenue');
});

test('the projection judged over its months: payback month, ROI at the end of the campaign and over the life', () => {
  const series = Array.from({ length: 20 }, (_, k) => ({ month: k + 1, cumulative_roi: k === 5 ? -0.39 : 0 }));
  const res = { schedule: { months: 6, series, totals: { roi: 0.726 }, payback_month: 8 } };
  const v = scheduleVerdict(res);
  assert.equal(v.key, 'v:sched.pbRoi');
  assert.equal(v.tone, '', 'paid back in month 8, but -39 % when the 6 months end: no green tick');
  const after = { schedule: { ...res.schedule, series: series.map((r) => ({ ...r, cumulative_roi: 0.1 })) } };
  assert.equal(scheduleVerdict(after).tone, 'ok');
  assert.equal(v.params.m.v, 8);
  assert.equal(v.params.early.v, -0.39);
  assert.equal(v.params.life.v, 0.726);
  assert.equal(scheduleVerdict({ schedule: { ...res.schedule, payback_month: null } }).key, 'v:sched.never');
  assert.equal(scheduleVerdict({ schedule: null }), null);
});
