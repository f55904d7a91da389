// The charts' geometry as pure functions: numbers of the core's result and
// sizes in, coordinates out.  No DOM and no formula of the methodology: the
// drawing (charts.js, projection.js) turns these into SVG elements, and
// geometry.test.mjs checks them in node.

/** A linear map from [d0, d1] to [r0, r1]; an empty domain maps to r0. */
export function linear(d0, d1, r0, r1) {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** The value range of a chart that keeps 0 on its axis. */
export function withZero(values) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  let lo = Math.min(0, ...finite), hi = Math.max(0, ...finite);
  if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
  return [lo, hi];
}

/** Monthly projection: one band per month of the core's schedule.series,
 *  a bar of the month's net from the zero line (below it when negative), a
 *  line through the cumulative nets at the band centres, and the payback
 *  month (schedule.payback_month, null: none) marked at its band's centre. */
export function projectionGeometry(series, paybackMonth, { width, height, left = 60, right = 12, top = 16, bottom = 34 }) {
  const n = series.length;
  const [lo, hi] = withZero(series.flatMap((r) => [r.net, r.cumulative_net]));
  const y = linear(lo, hi, height - bottom, top);
  const band = (width - left - right) / Math.max(1, n);
  const cx = (i) => left + band * (i + 0.5);
  const barW = Math.max(2, Math.min(28, band * 0.7));
  const zero = y(0);
  const bars = series.map((r, i) => {
    const top0 = Math.min(y(r.net), zero), h = Math.abs(y(r.net) - zero);
    return { month: r.month, x: cx(i) - barW / 2, y: top0, width: barW, height: h, neg: r.net < 0 };
  });
  const line = series.map((r, i) => ({ month: r.month, x: cx(i), y: y(r.cumulative_net) }));
  const at = paybackMonth === null || paybackMonth === undefined ? -1 : series.findIndex((r) => r.month === paybackMonth);
  const marker = at < 0 ? null : { month: paybackMonth, x: cx(at), y: line[at].y };
  const step = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((width - left - right) / 28))));
  // Every step-th month, and the last one (in place of a regular tick too close to it).
  const idx = [];
  for (let i = 0; i < n; i += step) idx.push(i);
  if (n && idx.at(-1) !== n - 1) { if (n - 1 - idx.at(-1) < step) idx.pop(); idx.push(n - 1); }
  const xTicks = idx.map((i) => ({ month: series[i].month, x: cx(i) }));
  const yTicks = [lo, 0, hi].filter((v, i, a) => v === 0 || Math.abs(y(v) - zero) >= 14).filter((v, i, a) => a.indexOf(v) === i)
    .map((v) => ({ value: v, y: y(v) }));
  return { zero, bars, line, marker, xTicks, yTicks, lo, hi };
}

/** Funnel: bars from the left edge, widths proportional to the largest
 *  count, but never narrower than minWidth, so a stage at 1 % of the one
 *  before stays visible; its number is written just after the bar (numX). */
export function funnelBars(values, { width, numberSpace = 64, minWidth = 6 }) {
  const max = Math.max(...values, 0);
  const room = Math.max(minWidth, width - numberSpace);
  return values.map((v) => {
    const w = max > 0 ? Math.max(minWidth, (v / max) * room) : minWidth;
    return { x: 0, width: w, numX: w + 6 };
  });
}

/** Tornado rows: the core's sensitivity rows, those whose bars are the same
 *  (same net at the low and at the high end) merged into one row that names
 *  every field; the core's order (largest swing first) kept. */
export function tornadoRows(rows) {
  const same = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const out = [];
  for (const r of rows) {
    const g = out.find((o) => same(o.net_low, r.net_low) && same(o.net_high, r.net_high));
    if (g) g.fields.push(r);
    else out.push({ net_low: r.net_low, net_high: r.net_high, fields: [r] });
  }
  return out;
}

/** The payback curve's shape: 'step' when the cumulative net only jumps
 *  once (no recurring revenue), so words say more than a chart. */
export function cashflowShape(cashflow) {
  const values = [];
  for (const c of cashflow) if (!values.some((v) => Math.abs(v - c.net) < 1e-9)) values.push(c.net);
  return values.length <= 2 ? 'step' : 'curve';
}

/** Where the two end labels of a bar from x = a to x = b (a <= b) go, on
 *  one line under it, so that they never overlap or leave [pad, W - pad]:
 *  wa, wb their widths.  Under the bar's ends when it is wide enough,
 *  else outside them, pushed apart at the chart's edges.  Returns
 *  [{ x, anchor }, { x, anchor }] (SVG text-anchor). */
export function endLabels(a, b, { width: W, pad = 8, wa, wb, gap = 6 }) {
  if (b - a >= wa + wb + gap) return [{ x: a, anchor: 'start' }, { x: b, anchor: 'end' }];
  let left = a, right = b; // left label ends at left, right label starts at right
  if (left - wa < pad) left = pad + wa;
  if (right + wb > W - pad) right = W - pad - wb;
  // Too close: the one an edge pushed stays, the other moves away from it.
  if (right - left < gap) {
    if (left > a) right = left + gap;
    else left = right - gap;
  }
  return [{ x: left, anchor: 'end' }, { x: right, anchor: 'start' }];
}
