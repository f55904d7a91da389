// The charts' geometry, checked without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectionGeometry, funnelBars, tornadoRows, cashflowShape, withZero, endLabels } from './geometry.js';

// The first months of the in-house ramp-up example (roi eval), shortened.
const series = [
  { month: 1, net: -18140, cumulative_net: -18140 },
  { month: 2, net: -12140, cumulative_net: -30280 },
  { month: 3, net: 5000, cumulative_net: -25280 },
  { month: 4, net: 20000, cumulative_net: -5280 },
  { month: 5, net: 20000, cumulative_net: 14720 },
  { month: 6, net: 0, cumulative_net: 14720 },
];
const size = { width: 600, height: 240, left: 60, right: 12, top: 16, bottom: 34 };

test('projection: negative nets hang below the zero line, positive ones stand on it', () => {
  const g = projectionGeometry(series, 5, size);
  for (const [i, b] of g.bars.entries()) {
    if (series[i].net < 0) { assert.equal(b.y, g.zero); assert.ok(b.height > 0); assert.ok(b.neg); }
    else { assert.ok(Math.abs(b.y + b.height - g.zero) < 1e-9); assert.ok(!b.neg); }
  }
  assert.equal(g.bars[5].height, 0, 'a month at 0 has no bar');
  // Heights are proportional to the nets.
  assert.ok(Math.abs(g.bars[0].height / g.bars[1].height - 18140 / 12140) < 1e-9);
});

test('projection: the line goes through the cumulative nets, one point per month, left to right', () => {
  const g = projectionGeometry(series, 5, size);
  assert.equal(g.line.length, series.length);
  const yOf = (v) => g.zero - (v / (g.hi - 0)) * (g.zero - size.top);
  for (const [i, p] of g.line.entries()) {
    assert.ok(Math.abs(p.y - yOf(series[i].cumulative_net)) < 1e-6, `month ${i + 1}`);
    assert.ok(Math.abs(p.x - (g.bars[i].x + g.bars[i].width / 2)) < 1e-9, 'at its bar\'s centre');
    if (i) assert.ok(p.x > g.line[i - 1].x);
  }
  assert.ok(g.line[1].y > g.zero && g.line[4].y < g.zero, 'below the axis while negative, above once positive');
  assert.ok(Math.abs(g.bars[0].x + g.bars[0].width / 2 - 60) > 0 && g.line[5].x < 600 - 12);
});

test('projection: the payback marker stands at the payback month; none without one', () => {
  const g = projectionGeometry(series, 5, size);
  assert.equal(g.marker.month, 5);
  assert.equal(g.marker.x, g.line[4].x);
  assert.equal(projectionGeometry(series, null, size).marker, null);
  assert.equal(projectionGeometry(series, 99, size).marker, null);
});

test('projection: ticks — zero always, months within the chart', () => {
  const g = projectionGeometry(series, 5, size);
  assert.ok(g.yTicks.some((t) => t.value === 0));
  for (const t of g.xTicks) assert.ok(t.x > size.left && t.x < size.width - size.right);
  const long = Array.from({ length: 60 }, (_, i) => ({ month: i + 1, net: i - 10, cumulative_net: i * 3 - 100 }));
  const gl = projectionGeometry(long, null, { width: 300, height: 200 });
  assert.ok(gl.xTicks.length <= 12, 'month labels do not collide on a narrow chart');
  assert.equal(gl.xTicks.at(-1).month, 60, 'the last month is labelled');
});

test('funnel: a stage at 1 % of the one before keeps a visible bar and its number', () => {
  const bars = funnelBars([1000, 10, 0.1], { width: 320 });
  assert.ok(Math.abs(bars[0].width - 256) < 1e-9);
  assert.ok(bars[1].width >= 6 && bars[2].width >= 6, 'minimum visible width');
  for (const b of bars) assert.ok(b.numX > b.x + b.width, 'the number after the bar');
  assert.ok(bars[0].numX + 40 <= 320, 'room for the number of the widest bar');
});

test('tornado: rows with identical bars are merged, the core’s order kept', () => {
  const rows = [
    { field: 'funnel.close_rate', net_low: 10, net_high: 30 },
    { field: 'value.deal_value', net_low: 12, net_high: 28 },
    { field: 'value.margin_rate', net_low: 10, net_high: 30.000000000001 },
  ];
  const merged = tornadoRows(rows);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged[0].fields.map((r) => r.field), ['funnel.close_rate', 'value.margin_rate']);
  assert.deepEqual(merged[1].fields.map((r) => r.field), ['value.deal_value']);
});

test('cash flow: a single jump (paid back at signature, nothing recurring) is a step', () => {
  assert.equal(cashflowShape([{ month: 0, net: 22800 }, { month: 1, net: 22800 }]), 'step');
  assert.equal(cashflowShape([{ month: 0, net: -5 }, { month: 1, net: -5 }, { month: 2, net: 7 }]), 'step');
  assert.equal(cashflowShape([{ month: 0, net: -12140 }, { month: 2, net: 2260 }, { month: 3, net: 3220 }]), 'curve');
  assert.deepEqual(withZero([5, 5]), [0, 5]);
  assert.deepEqual(withZero([0]), [-1, 1]);
});

test('projection: month labels never closer than one step', () => {
  const long = Array.from({ length: 20 }, (_, i) => ({ month: i + 1, net: 1, cumulative_net: i }));
  const g = projectionGeometry(long, null, { width: 300, height: 200 });
  const gaps = g.xTicks.slice(1).map((tk, i) => tk.x - g.xTicks[i].x);
  assert.ok(Math.min(...gaps) >= Math.max(...gaps) / 2 - 1e-9, JSON.stringify(g.xTicks.map((x) => x.month)));
  assert.equal(g.xTicks.at(-1).month, 20);
});

test('tornado: the labels at a bar\'s ends never overlap, nor leave the chart', () => {
  const box = (l, w) => (l.anchor === 'start' ? [l.x, l.x + w] : [l.x - w, l.x]);
  const W = 312, wa = 40, wb = 48;
  for (const [a, b] of [[20, 300], [150, 160], [8, 12], [300, 304], [152, 152], [100, 180], [8, 304]]) {
    const [l, r] = endLabels(a, b, { width: W, wa, wb });
    const [l0, l1] = box(l, wa), [r0, r1] = box(r, wb);
    assert.ok(l1 + 6 - 1e-9 <= r0, `${a}-${b}: ${JSON.stringify([l, r])}`);
    assert.ok(l0 >= 8 - 1e-9 && r1 <= W - 8 + 1e-9, `${a}-${b}: inside the chart`);
  }
  // A wide bar keeps its labels under its ends.
  assert.deepEqual(endLabels(20, 300, { width: W, wa, wb }), [{ x: 20, anchor: 'start' }, { x: 300, anchor: 'end' }]);
});
