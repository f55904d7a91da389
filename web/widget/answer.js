// The answer: the verdict in words, ROI, net and the preset's figure, the
// prudent-ambitious span, the one line of assumptions, the call to action
// with its figure, « Voir le calcul complet » and the way back to the
// host's values.  Writes the DOM from the state (verdict.js chooses the
// words); every box has a reserved height, so nothing moves while typing.
import { $, node, setProp } from '../components/dom.js';
import { fill } from '../i18n-dict.js';
import { getPath } from '../state/scenario.js';
import { answer, figures, range } from './verdict.js';
import { shortText } from './questions.js';
import { fullPageUrl } from './host.js';
import { shownLength } from '../format.js';


// Past 40 characters a headline would need a third line (« ROI de 50 %
// atteint jusqu'à 426 € par rendez-vous »), past 8 a figure would be wider
// than its third (« 234 720 % »): each takes the smaller size of its box
// (widget.css .long).  Counted on the text, never measured on the page.
const LONG_HEADLINE = 40, LONG_FIGURE = 8;

/** A verdict's params in the widget's language: { key } a text, { v, fmt }
 *  a number (null: a dash). */
export function say(msg, { t, fmt, each }) {
  if (!msg) return '';
  const p = { each: each.lower, Each: each.upper };
  for (const [k, v] of Object.entries(msg.params || {})) p[k] = v.key ? t(v.key) : v.v === null ? t('none') : fmt[v.fmt](v.v);
  return t(msg.key, p);
}

/** The call to action's label: {roi}, {net} and {max} filled in.  A figure
 *  that would not sell (none, zero or below, or shown as zero: an ROI of
 *  0,4 %) is left out, with the brackets around it: « Recevoir mon étude
 *  ({roi}) » reads « Recevoir mon étude » rather than offering a study of a
 *  loss.  res null (the answer greyed while a field is refused): no figure. */
export function ctaLabel(label, res, fmt) {
  const v = { roi: [res?.roi, fmt.pct0], net: [res?.net, fmt.money], max: [res?.breakeven.max_price, fmt.upTo] };
  for (const k in v) v[k] = v[k][0] >= 0.005 ? v[k][1](v[k][0]) : (label = label.replace(RegExp(` ?\\([^(]*{${k}}[^(]*\\)`), ''), '');
  return fill(label, v).trim();
}

/** The figures' boxes, once: ROI, net and the preset's own.  The build's
 *  (widget-<preset>.html) are kept when they are this widget's (asBuilt:
 *  the page opened as built, no html.pre-off, first-paint.js): the answer painted
 *  first stays the element shown, not one put in its place (its paint is
 *  the one Element Timing reports to the bench). */
export function build(figure, t, asBuilt) {
  if (asBuilt && $('figs').children.length) return;
  $('figs').replaceChildren(); // the build-time figures of another preset or language, if any
  for (const f of figures(figure)) {
    const box = node('div');
    box.append(node('dt', {}, t(f.key)), node('dd', { 'data-out': f.path }));
    $('figs').append(box);
  }
}

/** ctx: { t, fmt, each, lang, facts(scenario), figure, more (questions
 *  under « Hypothèses »), cta, baselineLink }. */
export function render(state, prev, ctx) {
  const { t, fmt } = ctx;
  const root = $('answer');
  root.classList.toggle('stale', state.stale);
  const res = state.result;
  const a = res && answer(res, ctx.facts(state.valid));
  // Asking for the hours, it shows no figure either: a team that costs
  // nothing is no profit to show (nor to put in the call to action).
  const hours = a?.big.key === 'v:hours';
  if (res && (res !== prev.result || !prev.result)) {
    root.dataset.tone = a.tone;
    const big = say(a.big, ctx);
    setProp($('big'), 'textContent', big);
    $('big').classList.toggle('long', big.length > LONG_HEADLINE);
    setProp($('sub'), 'textContent', say(a.sub, ctx));
    for (const f of figures(ctx.figure)) {
      const dd = document.querySelector(`[data-out="${f.path}"]`);
      const v = hours ? null : getPath(res, f.path) ?? null;
      dd.dataset.value = v === null ? '' : String(v);
      const text = v === null ? t('none') : fmt[f.fmt](v);
      setProp(dd, 'textContent', text);
      dd.classList.toggle('long', shownLength(text) > LONG_FIGURE);
    }
    const r = range(res);
    setProp($('range'), 'textContent', hours ? '' : r ? say({ key: 'range', params: r }, ctx) : t('range.none'));
    const full = fullPageUrl(state.link, ctx.lang);
    $('full').hidden = !full;
    if (full) setProp($('full'), 'href', full);
  }
  // The call to action offers no figure the answer greys out.
  if (ctx.cta && res) setProp($('cta-t'), 'textContent', ctaLabel(ctx.cta.label, state.stale || hours ? null : res, fmt));
  // « Hypothèses : 50 rendez-vous par mois · marge brute de 40 % », in full:
  // its values change only while it is open.
  if (state.scenario && (state.scenario !== prev.scenario || state.open !== prev.open)) {
    const list = ctx.more.map((q) => shortText(q, getPath(state.scenario, q.path), ctx)).join(' · ');
    // Open, its questions say it all: the line is a title.
    setProp($('more-text'), 'textContent', state.open ? t('more.title') : t('more', { list }));
    setProp($('more-do'), 'textContent', t(state.open ? 'more.close' : 'more.edit'));
    // Only a change of the state opens or closes it: the element itself
    // changes first (its toggle event comes a task later), and an edit in
    // between must not close it again.
    if (state.open !== prev.open) setProp($('more'), 'open', state.open);
  }
  // The way back to the host's values: there only when they changed (its
  // place stays, so the height does not move).
  $('reset').style.visibility = state.link === ctx.baselineLink && !state.stale ? 'hidden' : 'visible';
}
