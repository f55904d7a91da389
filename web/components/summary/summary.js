// The answer, kept in view: the headline figures chosen by the scenario and
// the verdicts in words (verdict.js decides, this only translates and
// writes).  Sticky beside the form on a desktop; a bar at the bottom of a
// phone's screen that opens on demand (a real button with aria-expanded).
import { setting } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { $, node, keepBuilt } from '../dom.js';
import { headline, verdicts, PRICE_OF } from '../verdict/verdict.js';

/** The scenario values the verdicts compare the core's numbers with. */
export function scenarioFacts(state) {
  const model = setting(state.scenario, 'costs.model');
  return {
    model, price: setting(state.scenario, PRICE_OF[model]) ?? 0, target: setting(state.scenario, 'target_ltv_cac'),
    marginRate: setting(state.scenario, 'value.margin_rate'), targetRoi: setting(state.scenario, 'target_roi') ?? 0,
    volume: setting(state.scenario, 'funnel.volume'), basis: setting(state.scenario, 'costs.meeting_basis'),
  };
}

/** A verdict's params in the page's language: { key } is a text, { v, fmt } a number. */
export function say({ key, params }, { t, fmt }) {
  const p = {};
  for (const [k, v] of Object.entries(params)) p[k] = v.key ? t(v.key) : fmt[v.fmt](v.v);
  return t(key, p);
}

export function render(state, prev, ctx) {
  const box = $('summary');
  const open = !!state.view.summaryOpen;
  const toggle = $('sum-toggle');
  toggle.setAttribute('aria-expanded', String(open));
  toggle.textContent = ctx.t(open ? 'sum.less' : 'sum.more');
  box.classList.toggle('open', open);
  const res = state.result;
  if (!res || (state.result === prev.result && state.view.lang === prev.view.lang && state.stale === prev.stale)) return;
  const { t, fmt } = ctx;
  const facts = scenarioFacts(state);
  box.classList.toggle('stale', state.stale);
  const figs = [];
  headline(res, facts).forEach((h, i) => {
    const v = getPath(res, h.path);
    const fig = node('div', { class: 'fig' + (i === 0 ? ' lead' : ''), 'data-head': h.path });
    // The value itself is written by the results renderer, as every [data-out];
    // the browser reports when it is painted (Element Timing, read by the
    // benchmark: the answer's first paint, written at build time or not).
    fig.append(node('span', { class: 'k' }, t(h.key)), node('strong', { 'data-out': h.path, 'data-fmt': h.fmt, elementtiming: h.path }, v === null ? '' : fmt[h.fmt](v)));
    if (h.paid !== undefined) fig.append(node('span', { class: 'paid' }, t('sum.paid', { p: fmt.price(h.paid) })));
    figs.push(fig);
  });
  keepBuilt($('sum-figs'), figs);
  keepBuilt($('sum-verdicts'), verdicts(res, facts).map((v) => node('li', { class: 'v ' + v.tone, 'data-verdict': v.key }, say(v, ctx))));
}
