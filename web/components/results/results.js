// The results: every [data-out] element shows the result at its path
// (data-value holds the raw number, empty for null, and the text says why
// it is null), the labels that depend on the scenario, the notes on talk
// time, only the funnel's known stages, and the funnel, payback and tornado charts.
import { getPath } from '../../state/scenario.js';
import { STAGES, setting } from '../../fields.js';
import { drawFunnel, drawPayback, drawTornado } from '../../charts/charts.js';
import { $, node, setProp } from '../dom.js';
import { whyNull } from './null-reason.js';
import { priceUnit } from '../verdict/verdict.js';
import { stepSentence } from '../schedule/text.js';
import * as breakdown from './breakdown.js';
import { fieldLabel as errorFieldLabel } from '../../errors.js';

/** Short name of an uncertain field: its form label without the unit. */
export function fieldLabel(path, t) {
  const key = 'u:' + path;
  return t(key) !== key ? t(key) : t(path).replace(/\s*\(.*\)$/, '');
}

/** A figure and its unit (data-unit, a text key): « 806 €/RDV », « 40 320 € (forfait) ». */
function withUnit(text, unit, t) {
  if (!unit) return text;
  const u = t(unit);
  return text + (u.startsWith('/') ? '' : '\u00a0') + u;
}


export function render(state, prev, ctx) {
  const res = state.result;
  const valid = !state.stale;
  $('rbody').classList.toggle('stale', !valid);
  $('stale').hidden = valid;
  // Which fields to correct, by name: on a long form « the flagged fields »
  // may all be out of sight.
  const bad = [...new Set([...Object.keys(state.invalid), ...state.check.errors.map((e) => e.field).filter(Boolean)])];
  setProp($('stale'), 'textContent', valid ? '' : bad.length
    ? ctx.t('staleFields', { f: bad.map((p) => errorFieldLabel(p, state.view.lang)).join(', ') }) : ctx.t('stale'));
  $('results').setAttribute('aria-busy', 'false');
  renderWarnings(state.check.warnings, ctx);
  if (!res) return;
  const { t, fmt } = ctx;
  setProp($('sc-note'), 'textContent', t('scNote', { s: fmt.pct(setting(state.scenario, 'uncertainty.spread')) }));
  const model = setting(state.scenario, 'costs.model');
  // Only what changed is written: an unchanged text left alone is a part of
  // the page the browser does not lay out again (most figures stay the same
  // from one keystroke to the next).
  for (const out of document.querySelectorAll('[data-out]')) {
    const path = out.dataset.out;
    // The scenario's name is words, not a figure: as typed, even while the
    // figures beside it are the last valid ones (a language switch renames
    // the example while a field is refused).
    const v = path === 'name' && typeof state.scenario.name === 'string' ? state.scenario.name : getPath(res, path);
    const none = v === null || v === undefined;
    out.classList.toggle('null', none);
    setProp(out, 'textContent', none ? t(whyNull(path, res)) : withUnit(fmt[out.dataset.fmt](v), out.dataset.unit, t));
    const value = none ? '' : String(v);
    if (out.dataset.value !== value) out.dataset.value = value;
  }
  // A row of the three cases with nothing to show (no hours: no hourly
  // revenue) says nothing three times: it goes.
  for (const row of document.querySelectorAll('table.sc tbody tr')) setProp(row, 'hidden', [...row.querySelectorAll('td')].every((td) => td.classList.contains('null')));
  // With a projection, the payback here is one month of campaign's, alone
  // (the projection's own is said beside it, months later): its label says so.
  setProp($('pb-l'), 'textContent', t(res.schedule ? 'r:payback_months:alone' : 'r:payback_months'));
  // So are the headline figures, the payback chart and the risk: the
  // campaign as entered is one month of the projection (its set-up cost and
  // ramp-up are the projection's), and their titles say so.
  for (const [id, key] of [['sum-h', 's:head'], ['h-funnel', 's:funnel'], ['h-costs', 's:costs'], ['h-sc', 's:sc'], ['h-bill', 's:bill'], ['h-pb', 's:pb'], ['h-sim', 's:sim']]) {
    const k = res.schedule ? key + ':month' : key;
    setProp($(id).dataset, 'i18n', k); // what a change of language translates
    setProp($(id), 'textContent', t(k));
  }
  setProp($('maxprice-l'), 'textContent', t('mp:' + priceUnit(model, setting(state.scenario, 'costs.meeting_basis'))));
  setProp($('maxcac-l'), 'textContent', t('r:ltv.max_cac', { t: fmt.mult(setting(state.scenario, 'target_ltv_cac')) }));
  setProp($('be-intro'), 'textContent', t('beIntro', { r: fmt.pct(res.breakeven.target_roi) }));
  renderTalkNote(state, res, ctx);
  breakdown.render(state, res, ctx);
  renderStages(state);
  drawFunnel($('funnelchart'), res, t, fmt);
  drawPayback($('pbchart'), res, setting(state.scenario, 'value.sales_cycle_months'), t, fmt, (r) => stepSentence(r, t, fmt));
  drawTornado($('torchart'), res, t, fmt, (p) => fieldLabel(p, t));
}

/** Only the known stages: a stage before the funnel's first known one, or
 *  skipped (funnel.skip), has no count and no unit cost to show. */
function renderStages(state) {
  const at = STAGES.indexOf(setting(state.scenario, 'funnel.entry'));
  const skip = getPath(state.scenario, 'funnel.skip') || [];
  for (const el of document.querySelectorAll('#rbody [data-stage]')) {
    const stage = el.dataset.stage;
    setProp(el, 'hidden', STAGES.indexOf(stage) < at || skip.includes(stage));
  }
}

/** Redraws the payback chart at its figure's new width. */
export function redrawPayback(state, { t, fmt }) {
  if (state.result) drawPayback($('pbchart'), state.result, setting(state.scenario, 'value.sales_cycle_months'), t, fmt, (r) => stepSentence(r, t, fmt));
}

function renderWarnings(warnings, { t, problem }) {
  const box = $('rwarn');
  box.replaceChildren();
  box.hidden = !warnings.length;
  if (!warnings.length) return;
  box.append(node('p', {}, t('calcWarn')));
  const ul = node('ul');
  for (const w of warnings) ul.append(node('li', {}, problem(w)));
  box.append(ul);
}

function renderTalkNote(state, res, { t, fmt }) {
  const a = res.per_hour.revenue_talk_only, b = res.per_hour.revenue;
  const share = setting(state.scenario, 'time.talk_share');
  let text = t('talkWhy');
  if (a !== null && b !== null && b > 0) {
    text += ' ' + (share < 1 ? t('talkGap', { s: fmt.pct(share), k: fmt.num(a / b), a: fmt.money(a), b: fmt.money(b) }) : t('talkSame'));
  }
  setProp($('talknote'), 'textContent', text);
}
