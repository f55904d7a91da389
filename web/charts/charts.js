// The charts, as plain SVG built with DOM calls (no markup strings, so
// no text from a link can become markup).  Each chart is a <figure> with a
// caption, an SVG with role="img", a title and a description for screen
// readers, and a <details> table of its data for keyboard and non-visual use.
import { STAGES, FIELDS } from '../fields.js';
import { funnelBars, tornadoRows, cashflowShape, endLabels } from './geometry.js';
import { shownLength } from '../format.js';

const SVG = 'http://www.w3.org/2000/svg';
let uid = 0;

export function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function html(name, attrs = {}, text) {
  const node = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function svgRoot(width, height, title, desc) {
  const id = 'c' + ++uid;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}t ${id}d`, focusable: 'false' });
  svg.append(el('title', { id: id + 't' }, title), el('desc', { id: id + 'd' }, desc));
  return svg;
}

// Each figure's width, measured once and then kept by a ResizeObserver: a
// render never reads layout (a clientWidth read after the DOM changed forced
// a full layout of the page on every keystroke, 9 ms of each update).  The
// same observer redraws a figure whose width moved (onResize).
const widths = new WeakMap();
const redraws = new WeakMap(); // figure -> { redraw, at: the width it was last drawn at }
let sizes = null;

function resized(entries) {
  for (const e of entries) {
    const w = e.target.clientWidth, r = redraws.get(e.target);
    widths.set(e.target, w);
    if (r && Math.abs(w - r.at) > 8) { r.at = w; r.redraw(); }
  }
}

/** Calls redraw() whenever the figure's width moves by more than 8 px from
 *  the width it was last redrawn at (a window resized, a panel shown). */
export function onResize(figure, redraw) {
  chartWidth(figure);
  redraws.set(figure, { redraw, at: widths.get(figure) });
}

// While printing: at least the width a chart gets on the A4 page (15 cm,
// style.css), so a report printed from a phone is not a 360 px drawing
// blown up to the page's width.
const PRINT_PX = 560;
let printing = false;

/** Draws charts for the printed page (on) or the screen again (off); the
 *  caller redraws them. */
export function printWidths(on) { printing = on; }

/** Charts are drawn at their figure's own width (so labels keep their real
 *  size), within bounds that keep them readable. */
export function chartWidth(figure) {
  let w = widths.get(figure);
  if (w === undefined) {
    w = figure.clientWidth;
    widths.set(figure, w);
    if (typeof ResizeObserver === 'function') {
      sizes ||= new ResizeObserver(resized);
      sizes.observe(figure);
    }
  }
  return Math.max(printing ? PRINT_PX : 280, Math.min(720, Math.round(w || 560)));
}

export function dataTable(summary, columns, rows, name = '') {
  const details = html('details');
  details.append(html('summary', {}, summary));
  const table = html('table', { class: 'data' });
  const tr = html('tr');
  for (const h of columns) tr.append(html('th', { scope: 'col' }, h));
  const thead = html('thead');
  thead.append(tr);
  table.append(thead);
  const body = html('tbody');
  for (const r of rows) {
    const row = html('tr');
    row.append(html('th', { scope: 'row' }, r[0]));
    for (const c of r.slice(1)) row.append(html('td', {}, c));
    body.append(row);
  }
  table.append(body);
  // Wider than a phone's chart box: it scrolls in its own region.
  const box = html('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': name ? summary + ' — ' + name : summary });
  box.append(table);
  details.append(box);
  return details;
}

/** Text widths are estimated, not measured: the charts' 11–12 px type is
 *  about 6.6 px a character. */
const CHAR_PX = 6.6;
/** How many characters fit a chart W wide, its padding on both sides. */
const fits = (W, pad) => Math.floor((W - 2 * pad) / CHAR_PX);

/** A label that fits room characters: its start kept, then « … » before
 *  what must stay whole (keep: the values); the data table has it whole. */
export function fitLabel(text, keep, room) {
  if (text.length + keep.length <= room) return text + keep;
  return text.slice(0, Math.max(6, room - keep.length - 1)).trimEnd() + '…' + keep;
}

/** Funnel: one bar per known stage, its width proportional to its count. */
export function drawFunnel(figure, result, t, fmt) {
  const stages = [];
  for (const s of STAGES) {
    const v = s === 'deals' ? result.funnel.deals : result.funnel[s];
    if (v !== null && v !== undefined) stages.push({ s, v });
  }
  figure.replaceChildren();
  const caption = html('figcaption', {}, t('chartFunnel'));
  if (!stages.length) { figure.append(caption); return; }
  const W = 320, row = 38, H = stages.length * row + 4;
  const first = stages[0], last = stages[stages.length - 1];
  const svg = svgRoot(W, H, t('chartFunnel'),
    t('funnelDesc', { a: fmt.num(first.v), sa: t('r:funnel.' + first.s), b: fmt.num(last.v), sb: t('r:funnel.' + last.s) }));
  const rows = [];
  // Bars from the left, never thinner than a few pixels; the count written
  // after each bar, so a stage at 1 % of the one before still reads.
  const bars = funnelBars(stages.map((x) => x.v), { width: W });
  stages.forEach(({ s, v }, i) => {
    const y = i * row + 2;
    // The rate into a stage, from the counts the core gives; into deals from
    // the expected count (12,5 of 50: the 25 % typed), not the whole deals
    // rounded down (12 of 50 read « 24 % » beside a close rate of 25 %).
    const into = s === 'deals' ? result.funnel.deals_expected ?? v : v;
    const rate = i > 0 && stages[i - 1].v > 0 ? into / stages[i - 1].v : null;
    const label = t('r:funnel.' + s) + (rate === null ? '' : ' (' + fmt.pct(rate) + ')');
    svg.append(el('text', { x: 0, y: y + 12, class: 'lbl' }, label));
    svg.append(el('rect', { x: bars[i].x, y: y + 17, width: bars[i].width, height: 16, rx: 3, class: 'bar s' + i }));
    svg.append(el('text', { x: bars[i].numX, y: y + 29, class: 'lbl num' }, fmt.num(v)));
    rows.push([t('r:funnel.' + s), fmt.num(v), rate === null ? '—' : fmt.pct(rate)]);
  });
  figure.append(svg, caption, dataTable(t('chartTable'), [t('stage'), t('count'), t('rateFromPrev')], rows, t('chartFunnel')));
}

/** Cumulative net, month by month: the core's cash-flow series (the
 *  payback rule of the methodology), from minus the campaign cost.  cycle:
 *  the sales cycle, for the description. */
export function drawPayback(figure, result, cycle, t, fmt, stepText) {
  figure.replaceChildren();
  const caption = html('figcaption', {}, t('chartPb'));
  const series = result.cashflow || [];
  if (!series.length) { figure.append(caption); return; }
  if (cashflowShape(series) === 'step' && result.funnel.deals > 0) {
    // One jump (no recurring revenue): a sentence says it better than a step.
    figure.append(html('p', { class: 'pbwords' }, stepText(result)));
    return;
  }
  const cost = result.cost.total;
  const end = series[series.length - 1].month;
  const pb = result.payback_months;
  const pts = series.map((c) => [c.month, c.net]);
  const ys = pts.map((p) => p[1]);
  let lo = Math.min(0, ...ys), hi = Math.max(0, ...ys);
  if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
  const W = chartWidth(figure), H = 240, L = 64, R = 12, T = 12, B = 34;
  const x = (m) => L + (m / end) * (W - L - R);
  const y = (v) => T + (1 - (v - lo) / (hi - lo)) * (H - T - B);
  const desc = t('pbDesc', { c: fmt.money(-cost), m: fmt.num(cycle), p: pb === null ? (result.funnel.deals > 0 ? t('pbNever') : t('pbNone')) : t('pbAt', { m: fmt.num(pb) }) });
  const svg = svgRoot(W, H, t('chartPb'), desc);
  // Axes: zero line, the lowest and highest values, month ticks.
  for (const v of [lo, 0, hi]) {
    if (v !== 0 && Math.abs(y(v) - y(0)) < 14) continue;
    svg.append(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: v === 0 ? 'zero' : 'grid' }));
    svg.append(el('text', { x: L - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, fmt.compact(v)));
  }
  const step = Math.max(1, Math.ceil(end / 8));
  for (let m = 0; m <= end; m += step) {
    svg.append(el('text', { x: x(m), y: H - B + 16, class: 'tick', 'text-anchor': 'middle' }, fmt.plain(m)));
  }
  svg.append(el('text', { x: (L + W - R) / 2, y: H - 4, class: 'axis', 'text-anchor': 'middle' }, t('month')));
  if (pb !== null && pb <= end) {
    svg.append(el('line', { x1: x(pb), x2: x(pb), y1: T, y2: H - B, class: 'pbline' }));
    svg.append(el('text', { x: Math.min(x(pb) + 4, W - R - 90), y: T + 12, class: 'lbl' }, t('pbAt', { m: fmt.num(pb) })));
  }
  svg.append(el('path', { d: pts.map(([m, v], i) => (i ? 'L' : 'M') + x(m).toFixed(1) + ' ' + y(v).toFixed(1)).join(''), class: 'curve' }));
  const every = end <= 24 ? 1 : Math.ceil(end / 24);
  const rows = [];
  for (let m = 0; m <= end; m += every) rows.push([fmt.plain(m), fmt.money(series[m].net)]);
  figure.append(svg, caption, dataTable(t('chartTable'), [t('month'), t('cumNet')], rows, t('s:pb')));
}

/** Tornado: one bar per uncertain input, from the net at its low end to the
 *  net at its high end, around the central net; largest swing first (the
 *  core's order). */
export function drawTornado(figure, result, t, fmt, label) {
  figure.replaceChildren();
  const rows = result.sensitivity || [];
  const groups = tornadoRows(rows);
  const merged = groups.some((g) => g.fields.length > 1);
  const caption = html('figcaption', {}, rows.length ? (merged ? t('torMerged') : '') : t('torNone'));
  if (!rows.length) { figure.append(caption); return; }
  // An input's low and high values, in its own unit: « Taux de signature 20 % → 30 % ».
  const val = (field, v) => { const k = FIELDS.get(field)?.kind; return k === 'pct' ? fmt.pct(v) : k === 'money' ? fmt.money(v) : fmt.num(v); };
  const W = chartWidth(figure), line = 16, pad = 8;
  const name = (r) => fitLabel(label(r.field), ` ${val(r.field, r.low)} → ${val(r.field, r.high)}`, fits(W, pad));
  const heights = groups.map((g) => g.fields.length * line + 38);
  const H = heights.reduce((a, b) => a + b, 0) + 20;
  const center = result.net;
  const values = rows.flatMap((r) => [r.net_low, r.net_high]).concat(center);
  let lo = Math.min(...values), hi = Math.max(...values);
  if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
  const x = (v) => pad + ((v - lo) / (hi - lo)) * (W - 2 * pad);
  const svg = svgRoot(W, H, t('s:tor'), t('torDesc', { f: label(rows[0].field) }));
  let y = 0;
  const spans = []; // where the centre line is drawn: across the bars, not through their labels
  groups.forEach((g, i) => {
    g.fields.forEach((r, j) => svg.append(el('text', { x: pad, y: y + 12 + j * line, class: 'lbl' }, name(r))));
    const by = y + g.fields.length * line + 2;
    spans.push([by - 3, by + 19]);
    const a = Math.min(g.net_low, g.net_high), b = Math.max(g.net_low, g.net_high);
    svg.append(el('rect', { x: x(a), y: by, width: Math.max(2, x(b) - x(a)), height: 16, rx: 3, class: 'bar ' + (g.net_high >= g.net_low ? 's0' : 'neg') }));
    // The net at each end, under its end of the bar, or beside it when the
    // bar is too short for both.
    const [ta, tb] = [fmt.compact(a), fmt.compact(b)];
    const [la, lb] = endLabels(x(a), x(b), { width: W, pad, wa: shownLength(ta) * CHAR_PX, wb: shownLength(tb) * CHAR_PX });
    svg.append(el('text', { x: la.x, y: by + 29, class: 'tick', 'text-anchor': la.anchor }, ta));
    svg.append(el('text', { x: lb.x, y: by + 29, class: 'tick', 'text-anchor': lb.anchor }, tb));
    y += heights[i];
  });
  for (const [y1, y2] of spans) svg.append(el('line', { x1: x(center), x2: x(center), y1, y2, class: 'zero' }));
  svg.append(el('line', { x1: x(center), x2: x(center), y1: H - 24, y2: H - 16, class: 'zero' }));
  svg.append(el('text', { x: x(center), y: H - 4, class: 'tick', 'text-anchor': 'middle' }, fmt.compact(center)));
  const data = rows.map((r) => [label(r.field), val(r.field, r.low) + ' → ' + val(r.field, r.high), fmt.money(r.net_low), fmt.money(r.net_high)]);
  figure.append(svg, caption, dataTable(t('chartTable'), [t('param'), t('low') + ' → ' + t('high'), t('r:net') + ' (' + t('low') + ')', t('r:net') + ' (' + t('high') + ')'], data, t('s:tor')));
}

/** Histogram of the simulated net: bars by bin, losses in the warning colour. */
export function drawHistogram(figure, sim, t, fmt) {
  figure.replaceChildren();
  const { edges, counts } = sim.histogram;
  const W = chartWidth(figure), H = 200, B = 30, T = 8, pad = 8;
  const max = Math.max(...counts, 1);
  const lo = edges[0], hi = edges[edges.length - 1];
  const x = (v) => pad + ((v - lo) / (hi - lo)) * (W - 2 * pad);
  const svg = svgRoot(W, H, t('histTitle'), t('histDesc', { l: fmt.pct(sim.p_loss), m: fmt.money(sim.net.p50) }));
  counts.forEach((c, i) => {
    const h = (c / max) * (H - B - T);
    svg.append(el('rect', { x: x(edges[i]) + 0.5, y: H - B - h, width: Math.max(1, x(edges[i + 1]) - x(edges[i]) - 1), height: h,
      class: 'bar ' + (edges[i + 1] <= 0 ? 'neg' : 's0') }));
  });
  if (lo < 0 && hi > 0) svg.append(el('line', { x1: x(0), x2: x(0), y1: T, y2: H - B, class: 'zero' }));
  for (const v of [lo, sim.net.p50, hi]) {
    svg.append(el('text', { x: Math.min(Math.max(x(v), 30), W - 30), y: H - 10, class: 'tick', 'text-anchor': 'middle' }, fmt.compact(v)));
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const rows = counts.map((c, i) => [fmt.money(edges[i]) + ' → ' + fmt.money(edges[i + 1]), fmt.pct(c / total)]);
  figure.append(svg, html('figcaption', {}, t('histTitle')), dataTable(t('chartTable'), [t('bin'), t('share')], rows, t('histTitle')));
}

/** Horizontal bars of ROI, one per row, from a zero line (losses to the left). */
export function drawBars(figure, labels, values, t, fmt) {
  figure.replaceChildren();
  const W = chartWidth(figure), row = 38, H = labels.length * row + 6, pad = 8;
  const defined = values.filter((v) => v !== null);
  const lo = Math.min(0, ...defined), hi = Math.max(0, ...defined, 1e-9);
  const x = (v) => pad + ((v - lo) / (hi - lo)) * (W - 2 * pad);
  let best = -1;
  values.forEach((v, i) => { if (v !== null && (best < 0 || v > values[best])) best = i; });
  const svg = svgRoot(W, H, t('cmpChart'), best < 0 ? t('n:cost') : t('cmpDesc', { b: labels[best], r: fmt.pct(values[best]) }));
  labels.forEach((name, i) => {
    const v = values[i], y = i * row;
    svg.append(el('text', { x: pad, y: y + 12, class: 'lbl' }, fitLabel(name, ' · ' + (v === null ? t('n:cost') : fmt.pct(v)), fits(W, pad))));
    if (v !== null) {
      const a = Math.min(x(0), x(v)), w = Math.max(2, Math.abs(x(v) - x(0)));
      svg.append(el('rect', { x: a, y: y + 17, width: w, height: 16, rx: 3, class: 'bar ' + (v < 0 ? 'neg' : i === best ? 's0' : '') }));
    }
  });
  svg.append(el('line', { x1: x(0), x2: x(0), y1: 14, y2: H, class: 'zero' }));
  figure.append(svg, html('figcaption', {}, t('cmpChart')));
}
