// The form: built once from the field groups, then kept in step with the
// state (values, derived notes, the chosen model's prices first, currency
// units, error marks).  It never reads its inputs back: typing reaches the
// state as actions (app.js).
import { GROUPS, FIELDS, TARGET_ROI, PRICE_FIELDS, MODEL_FIELDS, STAGES, RATE_INTO, fieldOf, setting } from '../../fields.js';
import * as funnel from './funnel.js';
import { getPath } from '../../state/scenario.js';
import { $, node, idOf, inputOf, setProp, say } from '../dom.js';
import { fieldRow } from './field.js';
import { textOf } from './values.js';
import { showValue } from '../../state/values.js';
import * as fixed from '../fixed/fixed.js';
import * as ranges from '../ranges/ranges.js';
import * as channels from '../channels/channels.js';
import * as schedule from '../schedule/schedule.js';
import * as plan from '../plan/plan.js';

const form = () => $('f');

export function build(t) {
  let folded = null;
  for (const g of GROUPS) {
    if (g.folded) { folded = advanced(g, t); continue; }
    const fs = node('fieldset', { class: 'group g-' + g.id });
    fs.append(node('legend', { 'data-i18n': 'l:' + g.id }));
    if (g.id === 'funnel') fs.append(retroBlock(t));
    if (g.id === 'costs') {
      fs.append(fieldRow(g.fields[0], t));
      const own = node('div', { id: 'model-fields', class: 'sub' });
      const other = node('details', { id: 'other-prices' });
      other.append(node('summary', { 'data-i18n': 'otherPrices' }), node('div', { class: 'sub', id: 'other-fields' }));
      fs.append(own, other);
      for (const fd of g.fields.slice(1)) {
        if (!PRICE_FIELDS.includes(fd.path)) fs.append(fieldRow(fd, t));
        else other.lastChild.append(fieldRow(fd, t));
      }
      fs.append(fixed.build());
    } else {
      for (const fd of g.fields) fs.append(fieldRow(fd, t));
    }
    if (g.id === 'risk') fs.append(ranges.build(t));
    if (g.id === 'funnel') funnel.build(fs);
    if (g.id === 'time') funnel.buildHoursNote(fs);
    form().append(fs);
    // Time and goals come after the time: the projection, then the goal.
    if (g.id === 'time') form().append(schedule.build(t), plan.build(t));
  }
  form().append(channels.build(t));
  if (folded) form().append(folded);
}

/** The settings most users keep: folded under « Réglages avancés », every
 *  field still in the form (an error inside unfolds it, renderErrors). */
function advanced(g, t) {
  const box = node('details', { class: 'group g-' + g.id, id: 'advanced' });
  box.append(node('summary', { 'data-i18n': 'l:' + g.id }), node('p', { class: 'hint', 'data-i18n': 'h:advanced' }));
  const fs = node('fieldset', { class: 'sub' });
  fs.append(node('legend', { class: 'sr', 'data-i18n': 'l:' + g.id }));
  for (const fd of g.fields) fs.append(fieldRow(fd, t));
  box.append(fs);
  return box;
}

function retroBlock(t) {
  const wrap = node('div', { class: 'retro' });
  const sw = node('div', { class: 'check' });
  sw.append(node('input', { type: 'checkbox', id: 'f-retro', name: 'retro', 'aria-describedby': 'f-retro-h' }),
    node('label', { for: 'f-retro', 'data-i18n': 'retro' }));
  wrap.append(sw, node('p', { class: 'hint', id: 'f-retro-h', 'data-i18n': 'h:retro' }));
  const counts = node('div', { id: 'observed', class: 'sub observed', hidden: true });
  for (const s of STAGES) counts.append(fieldRow({ path: 'observed.' + s, kind: 'num' }, t));
  wrap.append(counts);
  return wrap;
}

/** The inputs of the form. */
const inputs = () => [...document.querySelectorAll('#f [name]')];

export function render(state, prev, ctx) {
  const { t } = ctx;
  fixed.render(state, prev, ctx);
  channels.render(state, prev, ctx);
  schedule.renderForm(state, prev, ctx);
  plan.renderForm(state, prev, ctx);
  $('f-retro').checked = state.view.retro;
  $('observed').hidden = !state.view.retro;
  // Placeholders (the defaults, formatted) change with the language only;
  // a field just built (a channel's) has none yet.
  const relabel = state.view.lang !== prev.view.lang;
  for (const input of inputs()) {
    const path = input.name;
    if (path === 'retro' || path.startsWith('skip.')) continue;
    setProp(input, 'value', textOf(state, path));
    const fd = FIELDS.get(path);
    if (fd && input.tagName === 'INPUT' && (relabel || !input.placeholder)) setProp(input, 'placeholder', showValue(fd, fd.dflt, state.view.lang));
  }
  const minRoi = inputOf('reallocation.min_roi');
  minRoi.placeholder = showValue(TARGET_ROI, setting(state.scenario, 'target_roi'), state.view.lang);
  ranges.render(state, prev, ctx);
  arrangeModelFields(state);
  funnel.render(state);
  renderDerived(state, ctx);
  currencyUnits(state);
  renderErrors(state, ctx);
}

/** The chosen model's prices first, the others folded under "other prices";
 *  both in the table's order. */
function arrangeModelFields(state) {
  const model = setting(state.scenario, 'costs.model');
  const own = $('model-fields'), other = $('other-fields');
  for (const p of PRICE_FIELDS) {
    const row = document.querySelector(`[data-field="${p}"]`);
    const target = MODEL_FIELDS[model].includes(p) ? own : other;
    if (row.parentNode !== target) target.append(row);
  }
  for (const box of [own, other]) {
    const rows = [...box.children];
    const sorted = [...rows].sort((a, b) => PRICE_FIELDS.indexOf(a.dataset.field) - PRICE_FIELDS.indexOf(b.dataset.field));
    if (sorted.some((r, i) => r !== rows[i])) sorted.forEach((r) => box.append(r));
  }
}

/** Fields taken from the observed counts: disabled, with what was derived. */
function renderDerived(state, { t, fmt }) {
  for (const input of document.querySelectorAll('#f [data-derived]')) {
    if (input.name in state.derived) continue;
    delete input.dataset.derived;
    input.disabled = false;
    document.getElementById(input.id + '-d').hidden = true;
  }
  for (const [path, value] of Object.entries(state.derived)) {
    const input = inputOf(path), note = document.getElementById(idOf(path) + '-d');
    const fd = fieldOf(path);
    input.dataset.derived = '1';
    input.disabled = true;
    // A stage left blank between two counts passes everything on: said as
    // « non mesuré », not as a 100 % the user would have observed.
    const stage = STAGES.find((s) => RATE_INTO[s] === path);
    const unmeasured = stage && !(state.observed[stage] ?? '').trim();
    note.textContent = unmeasured ? t('derivedPass', { v: fmt.pct(value) })
      : t('derived', { v: fd.kind === 'pct' ? fmt.pct(value) : fd.kind === 'select' ? t(`o:${path}:${value}`) : fmt.num(value) });
    note.hidden = false;
  }
}

const symbols = new Map(); // lang + currency -> symbol (an Intl formatter is slow to make)

function currencyUnits(state) {
  const cur = getPath(state.scenario, 'currency') || 'EUR';
  const key = state.view.lang + ' ' + cur;
  if (!symbols.has(key)) {
    let sym = cur;
    try {
      sym = new Intl.NumberFormat(state.view.lang, { style: 'currency', currency: cur }).formatToParts(0).find((p) => p.type === 'currency')?.value || cur;
    } catch { /* not a currency Intl knows: show the code */ }
    symbols.set(key, sym);
  }
  for (const u of document.querySelectorAll('.unit.cur')) setProp(u, 'textContent', symbols.get(key));
}

/** The page's own refusals and the core's errors, each beside its field;
 *  errors without a field of their own go to the form's error box. */
function renderErrors(state, { t, fmt, explain, labelled }) {
  const marks = new Map();
  const general = [];
  const mark = (path, message) => {
    // A range's error names the field's range: show it on its low bound.
    const input = inputOf(path) || (path.startsWith('uncertainty.ranges.') ? inputOf(path + '.low') : null);
    if (!input) general.push(labelled(path, message));
    else if (!marks.has(input)) marks.set(input, message);
  };
  for (const [path, msg] of Object.entries(state.invalid)) mark(path, say(msg, t, fmt));
  for (const err of state.check.errors) if (!(err.field in state.invalid)) mark(err.field, explain(err));
  for (const row of document.querySelectorAll('.field.invalid')) {
    if (marks.has(row.querySelector('[name]'))) continue;
    row.classList.remove('invalid');
    row.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
    const e = row.querySelector('.err');
    e.hidden = true;
    e.textContent = '';
  }
  for (const [input, message] of marks) {
    const row = input.closest('.field');
    const fresh = !row.classList.contains('invalid');
    row.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    const e = row.querySelector('.err');
    setProp(e, 'textContent', message);
    e.hidden = false;
    const details = input.closest('details');
    if (details && fresh) details.open = true;
  }
  const box = $('formerr');
  box.replaceChildren();
  box.hidden = !general.length;
  if (general.length) {
    box.append(node('span', {}, t('errGeneral')));
    const ul = node('ul');
    for (const g of general) ul.append(node('li', {}, g));
    box.append(ul);
  }
}
