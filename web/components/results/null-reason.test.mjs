import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whyNull } from './null-reason.js';

const res = { funnel: { calls: null, meetings: 0, deals: 0 }, hours_total: 0, scenarios: { prudent: { deals: 3 } } };

test('each null result names what is missing', () => {
  assert.equal(whyNull('roi', res), 'n:cost');
  assert.equal(whyNull('scenarios.prudent.roi', res), 'n:cost');
  assert.equal(whyNull('per_hour.revenue', res), 'n:hours');
  assert.equal(whyNull('per_hour.calls', { ...res, hours_total: 10 }), 'n:stage');
  assert.equal(whyNull('funnel.calls', res), 'n:stage');
  assert.equal(whyNull('unit_costs.deal', res), 'n:nocac');
  assert.equal(whyNull('unit_costs.calls', res), 'n:stage');
  assert.equal(whyNull('unit_costs.meetings', res), 'n:zero');
  assert.equal(whyNull('payback_months', res), 'n:nodeal');
  assert.equal(whyNull('scenarios.prudent.payback_months', res), 'n:never');
  assert.equal(whyNull('breakeven.min_deals', res), 'n:unreach');
  assert.equal(whyNull('breakeven.max_cost_per_meeting', res), 'n:zero');
  assert.equal(whyNull('breakeven.min_deal_value', res), 'n:nodeal');
  assert.equal(whyNull('ltv.max_cac', res), 'n:na');
});

test('a ratio to a cost with deals signed and no cost entered asks for the cost', () => {
  // hourly-revenue-subscription: 16 deals, 0 € of cost; not « pas d'affaire ».
  const free = { funnel: { calls: 1800, meetings: 54, held: 54, deals: 16 }, hours_total: 60 };
  assert.equal(whyNull('ltv.to_cac', free), 'n:cost');
  assert.equal(whyNull('unit_costs.deal', free), 'n:cost');
  assert.equal(whyNull('ltv.to_meeting_cost', free), 'n:cost');
  assert.equal(whyNull('ltv.to_meeting_cost', { ...free, funnel: { ...free.funnel, held: null } }), 'n:stage');
  assert.equal(whyNull('ltv.to_cac', { ...free, funnel: { ...free.funnel, deals: 0 } }), 'n:nocac');
});

test('a channel row that signs deals and is never paid back says « jamais », not « aucune affaire »', () => {
  // The Salon channel of a reviewer: 3 deals (CAC 4 000 €), net -4 800 €.
  const r = { ...res, comparison: [{ cac: 500, revenue: 60000 }, { cac: 4000, revenue: 18000, payback_months: null }, { cac: null, revenue: 0, payback_months: null }] };
  assert.equal(whyNull('comparison[1].payback_months', r), 'n:never');
  assert.equal(whyNull('comparison[2].payback_months', r), 'n:nodeal');
});
