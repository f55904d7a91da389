// The monthly projection chart: the core's schedule.series drawn as it is —
// each month's net as a bar (losses below the axis), the cumulative net as
// a line, the payback month marked.  Geometry: geometry.js.
import { el, html, svgRoot, chartWidth } from './charts.js';
import { projectionGeometry } from './geometry.js';

export function drawProjection(figure, schedule, t, fmt, desc) {
  figure.replaceChildren();
  const series = schedule.series;
  const caption = html('figcaption', {}, t('sched.chart'));
  if (!series.length) { figure.append(caption); return; }
  const W = chartWidth(figure), H = 260;
  const size = { width: W, height: H, left: 60, right: 12, top: 18, bottom: 34 };
  const g = projectionGeometry(series, schedule.payback_month, size);
  const svg = svgRoot(W, H, t('sched.chart'), desc);
  for (const tk of g.yTicks) {
    svg.append(el('line', { x1: size.left, x2: W - size.right, y1: tk.y, y2: tk.y, class: tk.value === 0 ? 'zero' : 'grid' }));
    svg.append(el('text', { x: size.left - 6, y: tk.y + 4, class: 'tick', 'text-anchor': 'end' }, fmt.compact(tk.value)));
  }
  // The campaign's own months, shaded: after them only signatures and recurring revenue come in.
  const inCampaign = g.bars.filter((b) => b.month <= schedule.months);
  if (inCampaign.length) {
    const x0 = inCampaign[0].x - 2, x1 = inCampaign.at(-1).x + inCampaign.at(-1).width + 2;
    svg.append(el('rect', { x: x0, y: size.top, width: x1 - x0, height: H - size.top - size.bottom, class: 'campaign' }));
  }
  for (const b of g.bars) {
    if (b.height > 0) svg.append(el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, class: 'bar ' + (b.neg ? 'neg' : 's0'), 'data-month': b.month }));
  }
  svg.append(el('path', { d: g.line.map((p, i) => (i ? 'L' : 'M') + p.x.toFixed(1) + ' ' + p.y.toFixed(1)).join(''), class: 'curve' }));
  for (const p of g.line) svg.append(el('circle', { cx: p.x, cy: p.y, r: 2.5, class: 'dot' }));
  if (g.marker) {
    svg.append(el('line', { x1: g.marker.x, x2: g.marker.x, y1: size.top, y2: H - size.bottom, class: 'pbline' }));
    const label = t('sched.pbMark', { m: fmt.num(g.marker.month) });
    const right = g.marker.x > W * 0.6;
    svg.append(el('text', { x: g.marker.x + (right ? -4 : 4), y: size.top - 4, class: 'lbl', 'text-anchor': right ? 'end' : 'start' }, label));
  }
  for (const tk of g.xTicks) svg.append(el('text', { x: tk.x, y: H - size.bottom + 16, class: 'tick', 'text-anchor': 'middle' }, fmt.plain(tk.month)));
  svg.append(el('text', { x: (size.left + W - size.right) / 2, y: H - 4, class: 'axis', 'text-anchor': 'middle' }, t('month')));
  figure.append(svg, caption);
}
