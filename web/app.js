// The page: builds the form, keeps the scenario, asks the C core (roi.js) for
// results on every input, and keeps the URL fragment in step with the
// scenario.  All computation is the core's; this file only reads typing,
// shows results and explains them.
import { tr, loadLang } from './i18n.js';
import { makeFormat } from './format.js';
import { parseNumber, percentToFraction } from './parse.js';
import { GROUPS, TARGET_ROI, REALLOCATION, UNCERTAIN, FIELDS, fieldOf, STAGES, RATE_INTO, MODEL_FIELDS, PRICE_FIELDS, getPath, setPath } from './fields.js';
import { MAX_CHANNELS, PRESETS, channelFromPreset, cardFields, orderRows } from './channels.js';
import { drawFunnel, drawPayback, drawTornado, drawHistogram, drawBars } from './charts.js';
import { toCsv, download, fileName, linkFor, scenarioDocument, scenarioJson } from './export.js';
import { loadLibrary, readLibrary, findScenario, saveScenario, renameScenario, deleteScenario } from './library.js';

// The worked examples, as links (the browser tests check them against
// tests/fixtures/ through the CLI).  Pay per meeting is what a first visit shows;
// an embed can ask for another with ?example=<name>.
const EXAMPLES = {
  "pay-per-meeting": "v=1&n=Campagne+factur%C3%A9e+au+rendez-vous&entry=meetings&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120",
  "lead-generation": "v=1&n=G%C3%A9n%C3%A9ration+de+leads+-+trimestre&entry=contacts&vol=300&lead=0.4&opp=0.3&close=0.25&deal=10000&margin=0.4&fix=6000:Marketing+(contenus,+emailing,+outils)&fix=7000:Temps+commercial&fix=2000:Fichiers+et+enrichissement",
  "hourly-revenue-subscription": "v=1&n=Abonnement+B2B+-+3+t%C3%A9l%C3%A9op%C3%A9rateurs&ops=3&hrs=20&vol=1800&contact=0.1&meet=0.3&close=0.3&deal=2000",
  "call-campaign-revenue": "v=1&n=Campagne+d'appels+-+ROI+sur+chiffre+d'affaires&entry=deals&vol=1&deal=30000&fix=12000:Co%C3%BBt+total+de+la+campagne",
};
const DEFAULT_LINK = EXAMPLES['pay-per-meeting'];
const FIXED_RE = /^costs\.fixed\[(\d+)\]\.(label|amount)$/;

const $ = (id) => document.getElementById(id);
const form = $('f');
const state = {
  lang: pickLang(),
  scenario: {},
  bad: new Map(), // path -> message, for typing the core never sees (not a number…)
  result: null, // last valid result
  retro: false,
  hash: '',
  lastValid: null, // copy of the last scenario the core accepted (what export, save and the host get)
  tooLong: null, // { bytes, max } while that scenario is too big for a link
  longNotice: null, // the notice that says so
  byRank: false, // comparison table sorted by rank instead of as entered
};
let roi = null;
let t = (key, params) => tr(state.lang, key, params);
let fmt = makeFormat(state.lang, 'EUR');

function pickLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'fr' || asked === 'en') return asked;
  for (const l of navigator.languages || [navigator.language || '']) {
    const m = /^(fr|en)\b/i.exec(l);
    if (m) return m[1].toLowerCase();
  }
  return 'fr';
}

function node(name, attrs = {}, text) {
  const n = document.createElement(name);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== false && v !== undefined) n.setAttribute(k, v === true ? '' : String(v));
  }
  if (text !== undefined) n.textContent = text;
  return n;
}

const idOf = (path) => 'f-' + path.replace(/[^a-z0-9_]+/gi, '-');

/* ---- the form ------------------------------------------------------------ */

function fieldRow(fd, extra = {}) {
  const id = idOf(fd.path);
  const row = node('div', { class: 'field k-' + fd.kind, 'data-field': fd.path });
  const label = node('label', { for: id, 'data-i18n': extra.labelKey || fd.path });
  let input;
  if (fd.kind === 'select') {
    input = node('select', { id, name: fd.path });
    for (const o of fd.options) input.append(node('option', { value: o, 'data-i18n': `o:${extra.labelKey || fd.path}:${o}` }));
  } else {
    const numeric = fd.kind !== 'text' && fd.kind !== 'currency';
    input = node('input', {
      id, name: fd.path, type: 'text', inputmode: numeric ? 'decimal' : false, spellcheck: 'false',
      maxlength: fd.kind === 'currency' ? 3 : (fd.maxlength || false), autocapitalize: fd.kind === 'currency' ? 'characters' : false,
    });
  }
  const desc = [];
  const hintKey = 'h:' + fd.path;
  if (t(hintKey) !== hintKey) desc.push(id + '-h');
  desc.push(id + '-d', id + '-e');
  input.setAttribute('aria-describedby', desc.join(' '));
  if (extra.form) input.setAttribute('form', extra.form);
  const box = node('div', { class: 'ctl' });
  box.append(input);
  if (fd.kind === 'pct') box.append(node('span', { class: 'unit', 'aria-hidden': 'true' }, '%'));
  if (fd.kind === 'money') box.append(node('span', { class: 'unit cur', 'aria-hidden': 'true' }));
  row.append(label, box);
  if (desc[0] === id + '-h') row.append(node('p', { class: 'hint', id: id + '-h', 'data-i18n': hintKey }));
  row.append(node('p', { class: 'derived', id: id + '-d', hidden: true }));
  row.append(node('p', { class: 'err', id: id + '-e', hidden: true }));
  return row;
}

function buildForm() {
  for (const g of GROUPS) {
    const fs = node('fieldset', { class: 'group g-' + g.id });
    fs.append(node('legend', { 'data-i18n': 'l:' + g.id }));
    if (g.id === 'funnel') fs.append(retroBlock());
    if (g.id === 'costs') {
      fs.append(fieldRow(g.fields[0]));
      const own = node('div', { id: 'model-fields', class: 'sub' });
      const other = node('details', { id: 'other-prices' });
      other.append(node('summary', { 'data-i18n': 'otherPrices' }), node('div', { class: 'sub', id: 'other-fields' }));
      fs.append(own, other);
      for (const fd of g.fields.slice(1)) {
        if (!PRICE_FIELDS.includes(fd.path)) fs.append(fieldRow(fd));
        else other.lastChild.append(fieldRow(fd));
      }
      fs.append(fixedBlock());
    } else {
      for (const fd of g.fields) fs.append(fieldRow(fd));
    }
    if (g.id === 'risk') fs.append(rangesBlock());
    form.append(fs);
  }
  form.append(channelsBlock());
  $('target-slot').append(fieldRow(TARGET_ROI, { form: 'f' }));
}

const RANGE_RE = /^uncertainty\.ranges\.(.+)\.(low|high)$/;

/** Per-field ranges: two bounds each, in the field's own unit. */
function rangesBlock() {
  const details = node('details', { id: 'ranges' });
  details.append(node('summary', { 'data-i18n': 'rangesTitle' }), node('p', { class: 'hint', 'data-i18n': 'h:ranges' }));
  for (const p of UNCERTAIN) {
    const fd = FIELDS.get(p);
    const row = node('div', { class: 'rangerow', 'data-range': p, role: 'group', 'aria-labelledby': idOf('rg-' + p) });
    row.append(node('span', { class: 'rlabel', id: idOf('rg-' + p), 'data-i18n': 'u:' + p }));
    for (const end of ['low', 'high']) {
      const r = fieldRow({ ...fd, path: `uncertainty.ranges.${p}.${end}` }, { labelKey: end });
      r.querySelector('label').classList.add('sr');
      row.append(r);
    }
    details.append(row);
  }
  return details;
}

/** Reads the two bounds of one field's range: both or neither. */
function readRange(field) {
  const fd = FIELDS.get(field);
  const paths = ['low', 'high'].map((e) => `uncertainty.ranges.${field}.${e}`);
  for (const p of paths) state.bad.delete(p);
  const vals = paths.map((p) => readValue(fd, inputOf(p).value));
  vals.forEach((v, i) => { if (v.error) state.bad.set(paths[i], v.error); });
  if (vals.some((v) => v.error)) return;
  const ranges = ((state.scenario.uncertainty ||= {}).ranges ||= {});
  const [lo, hi] = vals.map((v) => v.value);
  if (lo === undefined && hi === undefined) delete ranges[field];
  else if (lo === undefined || hi === undefined) state.bad.set(paths[lo === undefined ? 0 : 1], t('e:bothBounds'));
  else ranges[field] = [lo, hi];
}

function fillRanges() {
  const ranges = state.scenario.uncertainty?.ranges || {};
  for (const p of UNCERTAIN) {
    const fd = FIELDS.get(p);
    ['low', 'high'].forEach((end, i) => {
      const input = inputOf(`uncertainty.ranges.${p}.${end}`);
      if (!state.bad.has(input.name)) input.value = ranges[p] ? showValue(fd, ranges[p][i]) : '';
    });
  }
}

/** Placeholders show the range in effect (from the core's sensitivity rows). */
function rangePlaceholders(res) {
  const eff = new Map(res.sensitivity.map((r) => [r.field, [r.low, r.high]]));
  for (const p of UNCERTAIN) {
    const fd = FIELDS.get(p);
    ['low', 'high'].forEach((end, i) => {
      inputOf(`uncertainty.ranges.${p}.${end}`).placeholder = eff.has(p) ? showValue(fd, eff.get(p)[i]) : '—';
    });
  }
}

function channelsBlock() {
  const fs = node('fieldset', { class: 'group g-channels', id: 'channels' });
  fs.append(node('legend', { 'data-i18n': 'l:channels' }), node('p', { class: 'hint', 'data-i18n': 'h:channels' }));
  fs.append(node('div', { id: 'channel-list', class: 'channel-list' }));
  const add = node('div', { class: 'field addrow' });
  const sel = node('select', { id: 'preset' });
  for (const k of Object.keys(PRESETS)) sel.append(node('option', { value: k, 'data-i18n': 'p:' + k }));
  const box = node('div', { class: 'ctl' });
  box.append(sel, node('button', { type: 'button', id: 'channel-add', class: 'add', 'data-i18n': 'channelAdd' }));
  add.append(node('label', { for: 'preset', 'data-i18n': 'preset' }), box);
  fs.append(add, node('p', { id: 'channel-max', class: 'hint', hidden: true, 'data-i18n': 'channelMax' }));
  for (const fd of REALLOCATION) fs.append(fieldRow(fd));
  return fs;
}

/** Rebuilds the channel cards from the scenario.  keepTexts keeps what the
 *  user typed (valid or not) when the indices did not move. */
function renderChannels(keepTexts) {
  const texts = new Map();
  if (keepTexts) for (const el of document.querySelectorAll('#channel-list [name]')) texts.set(el.name, el.value);
  const list = $('channel-list');
  list.replaceChildren();
  const channels = state.scenario.channels || [];
  channels.forEach((c, i) => {
    const card = node('fieldset', { class: 'channel', 'data-channel': i });
    card.append(node('legend', {}, t('channelN', { n: i + 1 }) + (c.name ? ' — ' + c.name : '')));
    const grid = node('div', { class: 'cardgrid' });
    for (const p of cardFields(c)) {
      const fd = FIELDS.get(p);
      const path = `channels[${i}].${p}`;
      const row = fieldRow({ ...fd, path }, { labelKey: p });
      row.querySelector('[name]').value = texts.has(path) ? texts.get(path) : showValue(fd, getPath(c, p) ?? fd.dflt);
      grid.append(row);
    }
    const tools = node('div', { class: 'cardtools' });
    tools.append(node('button', { type: 'button', class: 'add', 'data-chdup': i, 'aria-label': t('channelDupN', { n: i + 1 }) }, t('channelDup')),
      node('button', { type: 'button', class: 'del', 'data-chdel': i, 'aria-label': t('channelDelN', { n: i + 1 }) }, t('channelDel')));
    card.append(grid, tools);
    list.append(card);
  });
  translate(list);
  updateCurrencyUnits();
  $('channel-add').disabled = channels.length >= MAX_CHANNELS;
  $('channel-max').hidden = channels.length < MAX_CHANNELS;
}

function forgetChannelErrors() {
  for (const p of [...state.bad.keys()]) if (p.startsWith('channels[')) state.bad.delete(p);
}

function retroBlock() {
  const wrap = node('div', { class: 'retro' });
  const sw = node('div', { class: 'check' });
  sw.append(node('input', { type: 'checkbox', id: 'f-retro', name: 'retro', 'aria-describedby': 'f-retro-h' }),
    node('label', { for: 'f-retro', 'data-i18n': 'retro' }));
  wrap.append(sw, node('p', { class: 'hint', id: 'f-retro-h', 'data-i18n': 'h:retro' }));
  const counts = node('div', { id: 'observed', class: 'sub observed', hidden: true });
  for (const s of STAGES) counts.append(fieldRow({ path: 'observed.' + s, kind: 'num' }));
  wrap.append(counts);
  return wrap;
}

function fixedBlock() {
  const fs = node('fieldset', { class: 'fixed', id: 'fixed' });
  fs.append(node('legend', { 'data-i18n': 'l:fixed' }), node('p', { class: 'hint', 'data-i18n': 'h:fixed' }));
  fs.append(node('ol', { id: 'fixed-list', class: 'fixed-list' }));
  fs.append(node('button', { type: 'button', id: 'fixed-add', class: 'add', 'data-i18n': 'fixedAdd' }));
  return fs;
}

/** Rebuilds the fixed-cost rows with the given texts ([{label, amount}]). */
function renderFixedRows(texts) {
  const list = $('fixed-list');
  list.replaceChildren();
  texts.forEach((txt, i) => {
    const li = node('li', { class: 'fixed-row' });
    const lab = fieldRow({ path: `costs.fixed[${i}].label`, kind: 'text', maxlength: 80 }, { labelKey: 'fixedLabel' });
    const amt = fieldRow({ path: `costs.fixed[${i}].amount`, kind: 'money' }, { labelKey: 'fixedAmount' });
    lab.querySelector('input').value = txt.label;
    amt.querySelector('input').value = txt.amount;
    const del = node('button', { type: 'button', class: 'del', 'data-del': i });
    li.append(lab, amt, del);
    list.append(li);
  });
  translate(list);
  relabelFixed();
  updateCurrencyUnits();
}

function relabelFixed() {
  document.querySelectorAll('#fixed-list .del').forEach((b, i) => {
    b.textContent = t('fixedDel');
    b.setAttribute('aria-label', t('fixedDelN', { n: i + 1 }));
  });
  document.querySelectorAll('#fixed-list .fixed-row').forEach((li, i) => {
    li.querySelectorAll('label').forEach((l) => { l.textContent = t(l.dataset.i18n) + ' ' + (i + 1); });
  });
}

function fixedTexts() {
  return [...document.querySelectorAll('#fixed-list .fixed-row')].map((li) => {
    const [label, amount] = li.querySelectorAll('input');
    return { label: label.value, amount: amount.value };
  });
}

/** Re-reads every fixed-cost row: the list is small and its indices shift
 *  when a row goes, so the whole list is the unit of change. */
function readFixed() {
  for (const p of [...state.bad.keys()]) if (FIXED_RE.test(p)) state.bad.delete(p);
  const items = fixedTexts().map((txt, i) => {
    const amount = readValue({ kind: 'money' }, txt.amount);
    if (amount.error) state.bad.set(`costs.fixed[${i}].amount`, amount.error);
    return { label: txt.label, amount: amount.error ? 0 : (amount.value ?? 0) };
  });
  setPath(state.scenario, 'costs.fixed', items);
}

/* ---- reading and showing values ----------------------------------------- */

/** Text typed into a field -> { value } (undefined: use the default) or { error }. */
function readValue(fd, text) {
  if (fd.kind === 'select') return { value: text };
  if (fd.kind === 'text') return { value: text === '' ? undefined : text };
  if (fd.kind === 'currency') {
    const c = text.trim().toUpperCase();
    return { value: c === '' ? undefined : c };
  }
  const n = parseNumber(text, state.lang);
  if (n.error) return { error: t(n.reason === 'overflow' || n.reason === 'underflow' ? 'e:' + n.reason : 'e:number') };
  if (n.value === null) return { value: undefined };
  return { value: fd.kind === 'pct' ? percentToFraction(n.text) : n.value };
}

/** A value as the user would type it: "25" for 0.25 in a percentage field. */
function showValue(fd, v) {
  if (v === undefined || v === null) return '';
  if (fd.kind === 'select' || fd.kind === 'text' || fd.kind === 'currency') return String(v);
  const x = fd.kind === 'pct' ? Number((v * 100).toPrecision(15)) : v;
  return inputFormat(state.lang).format(x);
}

const inputFormats = {};
function inputFormat(lang) {
  return (inputFormats[lang] ||= new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 10 }));
}

function inputOf(path) {
  return document.getElementById(idOf(path));
}

/** Shows the scenario in the form: effective values, defaults as placeholders. */
function fillForm() {
  for (const fd of FIELDS.values()) {
    const input = inputOf(fd.path);
    if (!input || state.bad.has(fd.path)) continue;
    const v = getPath(state.scenario, fd.path);
    input.value = showValue(fd, v ?? fd.dflt);
    if (input.tagName === 'INPUT') input.placeholder = showValue(fd, fd.dflt);
  }
  const fixed = getPath(state.scenario, 'costs.fixed') || [];
  renderFixedRows(fixed.map((x) => ({ label: x.label ?? '', amount: showValue({ kind: 'money' }, x.amount ?? 0) })));
  arrangeModelFields();
  renderChannels(false);
  fillRanges();
  const minRoi = inputOf('reallocation.min_roi');
  minRoi.placeholder = showValue(FIELDS.get('target_roi'), getPath(state.scenario, 'target_roi') ?? 0);
}

function arrangeModelFields() {
  const model = getPath(state.scenario, 'costs.model') ?? 'in_house';
  const own = $('model-fields'), other = $('other-fields');
  for (const p of PRICE_FIELDS) {
    const row = document.querySelector(`[data-field="${p}"]`);
    const target = MODEL_FIELDS[model].includes(p) ? own : other;
    if (row.parentNode !== target) target.append(row);
  }
  // Keep the table's order in both places.
  for (const box of [own, other]) {
    [...box.children].sort((a, b) => PRICE_FIELDS.indexOf(a.dataset.field) - PRICE_FIELDS.indexOf(b.dataset.field))
      .forEach((r) => box.append(r));
  }
}

/* ---- retrospective mode: observed counts give the rates ------------------- */

function applyObserved() {
  for (const s of STAGES) state.bad.delete('observed.' + s);
  for (const p of Object.values(RATE_INTO).concat(['funnel.entry', 'funnel.volume'])) setDerived(p, null);
  if (!state.retro) return;
  const known = [];
  for (const [i, s] of STAGES.entries()) {
    const r = readValue({ kind: 'num' }, inputOf('observed.' + s).value);
    if (r.error) { state.bad.set('observed.' + s, r.error); continue; }
    if (r.value === undefined) continue;
    const prev = known[known.length - 1];
    if (prev && r.value > prev.n) { state.bad.set('observed.' + s, t('retroBad', { n: fmt.num(prev.n) })); continue; }
    if (prev && prev.n === 0) continue;
    known.push({ i, s, n: r.value });
  }
  if (!known.length) return;
  setPath(state.scenario, 'funnel.entry', known[0].s);
  setPath(state.scenario, 'funnel.volume', known[0].n);
  setDerived('funnel.entry', known[0].s);
  setDerived('funnel.volume', known[0].n);
  for (let k = 1; k < known.length; k++) {
    const a = known[k - 1], b = known[k];
    // A stage left blank between two counts passes everything on (rate 1);
    // the whole drop goes to the rate into the next counted stage.
    for (let j = a.i + 1; j <= b.i; j++) {
      const rate = j === b.i ? b.n / a.n : 1;
      setPath(state.scenario, RATE_INTO[STAGES[j]], rate);
      setDerived(RATE_INTO[STAGES[j]], rate);
    }
  }
}

/** Marks a field as derived from the observed counts (value) or free (null). */
function setDerived(path, value) {
  const input = inputOf(path);
  const note = document.getElementById(idOf(path) + '-d');
  const fd = FIELDS.get(path);
  if (value === null) {
    if (input.dataset.derived) { delete input.dataset.derived; input.disabled = false; note.hidden = true; }
    return;
  }
  input.dataset.derived = '1';
  input.disabled = true;
  input.value = showValue(fd, value);
  note.textContent = t('derived', { v: fd.kind === 'pct' ? fmt.pct(value) : fd.kind === 'select' ? t(`o:${path}:${value}`) : fmt.num(value) });
  note.hidden = false;
}

function setRetro(on) {
  state.retro = on;
  $('observed').hidden = !on;
  if (on) {
    const entry = getPath(state.scenario, 'funnel.entry') ?? 'calls';
    const vol = getPath(state.scenario, 'funnel.volume') ?? 0;
    for (const s of STAGES) inputOf('observed.' + s).value = s === entry ? showValue({ kind: 'num' }, vol) : '';
  }
  applyObserved();
}

/* ---- events --------------------------------------------------------------- */

function onInput(e) {
  const input = e.target;
  if (!input.name || input.form !== form) return;
  const path = input.name;
  if (path === 'retro') setRetro(input.checked);
  else if (path.startsWith('observed.')) applyObserved();
  else if (FIXED_RE.test(path)) readFixed();
  else if (RANGE_RE.test(path)) readRange(RANGE_RE.exec(path)[1]);
  else {
    const fd = fieldOf(path);
    if (!fd) return;
    const r = readValue(fd, input.value);
    if (r.error) state.bad.set(path, r.error);
    else { state.bad.delete(path); setPath(state.scenario, path, r.value); }
    if (path === 'costs.model') arrangeModelFields();
    if (path === 'currency') updateCurrencyUnits();
    // A channel's model or entry decides which fields its card shows.
    if (/^channels\[\d+\]\.(costs\.model|funnel\.entry)$/.test(path)) {
      renderChannels(true);
      inputOf(path)?.focus();
    } else if (/^channels\[\d+\]\.name$/.test(path)) {
      const card = input.closest('.channel');
      card.querySelector('legend').textContent = t('channelN', { n: Number(card.dataset.channel) + 1 }) + (input.value ? ' — ' + input.value : '');
    }
  }
  recompute();
}

function onClick(e) {
  const b = e.target.closest('button');
  if (!b) return;
  if (b.id === 'fixed-add') {
    renderFixedRows([...fixedTexts(), { label: '', amount: '' }]);
    readFixed();
    recompute();
    const inputs = document.querySelectorAll('#fixed-list .fixed-row:last-child input');
    inputs[0]?.focus();
  } else if (b.dataset.del !== undefined) {
    const texts = fixedTexts();
    texts.splice(Number(b.dataset.del), 1);
    renderFixedRows(texts);
    readFixed();
    recompute();
    $('fixed-add').focus();
  } else if (b.dataset.lang) {
    loadLang(b.dataset.lang).then(() => setLang(b.dataset.lang, true));
  } else if (b.id === 'channel-add') {
    const channels = (state.scenario.channels ||= []);
    if (channels.length >= MAX_CHANNELS) return;
    const key = $('preset').value;
    channels.push(channelFromPreset(key, t('pn:' + key), state.scenario));
    renderChannels(true);
    recompute();
    document.querySelector('#channel-list .channel:last-child [name]')?.focus();
  } else if (b.dataset.chdup !== undefined || b.dataset.chdel !== undefined) {
    const channels = state.scenario.channels;
    const i = Number(b.dataset.chdup ?? b.dataset.chdel);
    if (b.dataset.chdup !== undefined) {
      if (channels.length >= MAX_CHANNELS) return;
      channels.splice(i + 1, 0, structuredClone(channels[i]));
    } else {
      channels.splice(i, 1);
    }
    forgetChannelErrors();
    renderChannels(false);
    recompute();
    (document.querySelector(`#channel-list [data-channel="${b.dataset.chdup !== undefined ? i + 1 : i}"] [name]`) || $('channel-add')).focus();
  } else if (b.id === 'cmp-sort') {
    state.byRank = !state.byRank;
    b.setAttribute('aria-pressed', String(state.byRank));
    if (state.result) render();
  } else if (b.id === 'lib-save') {
    librarySave();
  } else if (b.dataset.libopen !== undefined) {
    libraryOpen(b.dataset.libopen);
  } else if (b.dataset.librename !== undefined) {
    libraryRename(b.dataset.librename);
  } else if (b.dataset.libdel !== undefined) {
    const r = deleteScenario(b.dataset.libdel);
    renderLibrary(r.ok ? t('lib.deleted') : libFail(r, b.dataset.libdel));
  } else if (b.id === 'lib-compare') {
    libraryCompare();
  } else if (b.id === 'print') {
    window.print();
  } else if (b.id === 'export-json' || b.dataset.action === 'export-json') {
    exportJson();
  } else if (b.id === 'export-cmp' || b.id === 'export-bill') {
    exportCsv(b.id === 'export-cmp');
  } else if (b.id === 'sim-cancel') {
    cancelSimulation(false);
  } else if (b.id === 'copy') {
    copyLink();
  } else if (b.id === 'reset') {
    loadScenario(roi.decodeLink(DEFAULT_LINK).scenario, DEFAULT_LINK);
  } else if (b.classList.contains('close')) {
    b.closest('.notice').remove();
  }
}

// What a shared link keeps: the scenario (fragment) and the view settings a
// reader needs; not how one host page framed the widget.
const FRAMING = ['embed', 'host', 'sections', 'accent', 'font', 'theme', 'cta', 'ctaurl', 'currency', 'example'];

/** The address to share, print or hand to the host: this page, its scenario. */
function shareUrl() {
  const url = new URL(location.href);
  for (const k of FRAMING) url.searchParams.delete(k);
  return url.href;
}

async function copyLink() {
  const box = $('linkbox'), field = $('linkfield');
  if (state.tooLong) { box.hidden = true; flash(longText('linkLongShort')); return; }
  const url = shareUrl();
  field.value = url;
  try {
    await navigator.clipboard.writeText(url);
    box.hidden = true;
    flash(t('copied'));
  } catch {
    // No clipboard (permissions, http): show the link, selected, to copy by hand.
    box.hidden = false;
    field.focus();
    field.select();
    flash(t('copyManual'));
  }
}

let flashTimer = 0;
function flash(text) {
  const s = $('copied');
  s.textContent = text;
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => { s.textContent = ''; }, 4000);
}

/** A notice; action { id, label }: a button handled by onClick (data-action). */
function notice(kind, title, items, action) {
  const box = node('div', { class: 'notice ' + kind });
  box.append(node('p', {}, title));
  if (items.length) {
    const ul = node('ul');
    for (const it of items) ul.append(node('li', {}, it));
    box.append(ul);
  }
  if (action) box.append(node('button', { type: 'button', 'data-action': action.id }, action.label));
  box.append(node('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '×'));
  $('notices').append(box);
  return box;
}

/** An error or warning of the core as a line of a notice, translated. */
const errLine = (e) => (e.field ? e.field + ' : ' : '') + explain(e);

/** What a refused library call really met (library.js reasons). */
const libFail = (r, name) => t('lib.err.' + r.reason, { n: name, max: r.max ?? '' });

/** A text naming the link's size and limit, while the scenario is too big for one. */
const longText = (key) => t(key, { bytes: fmt.num(state.tooLong.bytes), max: fmt.num(state.tooLong.max) });

/* ---- the scenario library (this browser only) ----------------------------------- */

function renderLibrary(message) {
  const list = $('lib-list');
  list.replaceChildren();
  const lib = readLibrary();
  for (const item of lib.items) {
    const li = node('li', { class: 'lib-item' });
    const pick = node('input', { type: 'checkbox', class: 'lib-pick', 'data-name': item.name, id: 'lib-pick-' + list.children.length });
    li.append(pick, node('label', { for: pick.id, class: 'lib-label' }, item.name));
    li.append(node('button', { type: 'button', 'data-libopen': item.name, 'aria-label': t('lib.openN', { n: item.name }) }, t('lib.open')));
    li.append(node('button', { type: 'button', 'data-librename': item.name, 'aria-label': t('lib.renameN', { n: item.name }) }, t('lib.rename')));
    li.append(node('button', { type: 'button', 'data-libdel': item.name, 'aria-label': t('lib.deleteN', { n: item.name }) }, t('lib.delete')));
    list.append(li);
  }
  if (!list.children.length) list.append(node('li', { class: 'hint' }, lib.ok ? t('lib.empty') : libFail(lib, '')));
  if (message !== undefined) $('lib-msg').textContent = message;
  else if (!lib.ok) $('lib-msg').textContent = libFail(lib, '');
  updateCompareButton();
}

function updateCompareButton() {
  $('lib-compare').disabled = document.querySelectorAll('.lib-pick:checked').length !== 2;
}

/** Saves the scenario shown (valid) as its document: any size. */
function librarySave() {
  const doc = state.result && $('stale').hidden && state.lastValid ? scenarioDocument(roi, state.lastValid) : null;
  if (!doc || !doc.ok) { $('lib-msg').textContent = t('stale'); return; }
  const name = $('lib-name').value.trim() || state.result.name || t('lib.untitled');
  const r = saveScenario(name, doc.scenario);
  renderLibrary(r.ok ? t('lib.saved', { n: name }) : libFail(r, name));
}

/** Opens a saved scenario: a document is validated by the core, a link (first
 *  format) decoded by it; what it refuses changes nothing, and says so. */
function libraryOpen(name) {
  const found = findScenario(name);
  if (!found.ok) { renderLibrary(libFail(found, name)); return; }
  const { item } = found;
  let scenario;
  if (item.link !== undefined) {
    let decoded;
    try { decoded = roi.decodeLink(item.link); } catch (e) { notice('bad', t('lib.bad', { n: name }), (e.errors || []).map(errLine)); return; }
    if (decoded.warnings.length) notice('warn', t('linkWarn'), decoded.warnings.map((w) => (w.field ? w.field + ' : ' : '') + w.message));
    scenario = decoded.scenario;
  } else {
    const doc = scenarioDocument(roi, item.scenario);
    if (!doc.ok) { notice('bad', t('lib.bad', { n: name }), doc.errors.map(errLine)); return; }
    scenario = doc.scenario;
  }
  loadScenario(scenario);
  $('lib-msg').textContent = t('lib.opened', { n: name });
}

function libraryRename(name) {
  const next = $('lib-name').value.trim();
  if (!next) { $('lib-msg').textContent = t('lib.renameHow'); $('lib-name').focus(); return; }
  const r = renameScenario(name, next);
  renderLibrary(r.ok ? t('lib.renamed', { a: name, b: next }) : libFail(r, r.reason === 'taken' ? next : name));
}

/** Two saved scenarios, their key figures side by side, from the core. */
function libraryCompare() {
  const names = [...document.querySelectorAll('.lib-pick:checked')].map((x) => x.dataset.name);
  const items = names.map((n) => loadLibrary().find((x) => x.name === n)).filter(Boolean);
  if (items.length !== 2) return;
  const results = items.map((it) => { try { return roi.evaluate(it.link === undefined ? it.scenario : roi.decodeLink(it.link).scenario); } catch { return { ok: false }; } });
  const keys = [['per_hour.revenue', 'money', 'r:per_hour.revenue'], ['roi', 'pct', 'r:roi'], ['net', 'money', 'r:net'],
    ['cost.total', 'money', 'r:cost.total'], ['revenue', 'money', 'r:revenue'], ['funnel.deals', 'num', 'r:funnel.deals'],
    ['unit_costs.deal', 'money', 'r:unit_costs.deal'], ['payback_months', 'months', 'r:payback_months'], ['breakeven.max_price', 'money', 'bill.max']];
  const table = node('table', { class: 'side' });
  const head = node('tr');
  head.append(node('th', { scope: 'col' }, t('indicator')));
  for (const it of items) head.append(node('th', { scope: 'col' }, it.name));
  const thead = node('thead');
  thead.append(head);
  const tbody = node('tbody');
  for (const [path, kind, label] of keys) {
    const tr = node('tr');
    tr.append(node('th', { scope: 'row' }, t(label)));
    results.forEach((r, i) => {
      const v = r.ok ? getPath(r, path) : null;
      const f = makeFormat(state.lang, r.ok ? r.currency : 'EUR');
      tr.append(node('td', { 'data-side': `${i}.${path}`, 'data-value': v === null ? '' : String(v) }, v === null ? t(r.ok ? whyNull(path, r) : 'n:na') : f[kind](v)));
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  $('lib-side').replaceChildren(table);
  $('lib-side').hidden = false;
}

/* ---- export and import ------------------------------------------------------ */

/** The last valid scenario, as its document (export.js scenarioDocument:
 *  canonical when its link fits, the scenario itself when it is too big). */
function exportJson() {
  if (!state.result || !state.lastValid) return;
  const doc = scenarioDocument(roi, state.lastValid);
  if (!doc.ok) { notice('bad', t('stale'), doc.errors.map(errLine)); return; }
  download(fileName(doc.scenario.name, '.json'), 'application/json', scenarioJson(doc.scenario));
}

function exportCsv(channels) {
  const res = state.result;
  if (!res) return;
  const head = (keys) => keys.map((k) => t('csv:' + k));
  let rows;
  if (channels) {
    const keys = ['name', 'cost', 'revenue', 'margin', 'net', 'roi', 'cost_per_lead', 'cost_per_opportunity', 'cac', 'revenue_per_hour', 'payback_months', 'ltv_to_cac', 'rank'];
    rows = [head(keys), ...res.comparison.map((r, i) => keys.map((k) => (k === 'name' ? rowName(res, i) : r[k])))];
  } else {
    const keys = ['model', 'cost', 'net', 'roi', 'cost_per_deal', 'max_price'];
    rows = [head(keys), ...res.billing.map((r) => keys.map((k) => (k === 'model' ? t('o:costs.model:' + r.model) : r[k])))];
  }
  download(fileName(res.name, channels ? '-canaux.csv' : '-facturation.csv'), 'text/csv;charset=utf-8', toCsv(rows, state.lang));
}

/** Opens a scenario file: the core validates it as it does everything else;
 *  a refused file changes nothing. */
async function importFile(file) {
  $('import').value = '';
  if (file.size > 1024 * 1024) { notice('bad', t('importBad'), [t('importBig')]); return; }
  let text;
  try { text = await file.text(); } catch (e) { notice('bad', t('importBad') + ' ' + file.name, [String(e.message || e)]); return; }
  const res = roi.evaluate(text);
  if (!res.ok) {
    notice('bad', t('importBad') + ' ' + file.name, res.errors.map((e) => (e.field ? e.field + ' : ' : '') + e.message));
    return;
  }
  const doc = scenarioDocument(roi, text); // any size: not through a link
  if (!doc.ok) { notice('bad', t('importBad') + ' ' + file.name, doc.errors.map(errLine)); return; }
  if (res.warnings.length) notice('warn', t('linkWarn'), res.warnings.map((w) => (w.field ? w.field + ' : ' : '') + w.message));
  loadScenario(doc.scenario);
}

/* ---- computing and showing results ----------------------------------------- */

function recompute() {
  if (!roi) return;
  const res = roi.evaluate(state.scenario);
  showErrors(res.ok ? [] : res.errors);
  showWarnings(res.warnings || []);
  const valid = res.ok && state.bad.size === 0;
  if (valid) {
    state.result = res;
    render();
    writeHash();
    scheduleSimulation();
    notifyHost();
  }
  $('rbody').classList.toggle('stale', !valid);
  $('stale').hidden = valid;
  $('results').setAttribute('aria-busy', 'false');
}

function showErrors(coreErrors) {
  for (const row of document.querySelectorAll('.field.invalid')) {
    row.classList.remove('invalid');
    row.querySelector('[aria-invalid]')?.removeAttribute('aria-invalid');
    const e = row.querySelector('.err');
    e.hidden = true;
    e.textContent = '';
  }
  const general = [];
  const mark = (path, message) => {
    // A range's error names the field's range: show it on its low bound.
    const input = inputOf(path) || (path.startsWith('uncertainty.ranges.') ? inputOf(path + '.low') : null);
    if (!input) { general.push((path ? path + ' : ' : '') + message); return; }
    const row = input.closest('.field');
    row.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    const e = row.querySelector('.err');
    e.textContent = message;
    e.hidden = false;
    const details = input.closest('details');
    if (details) details.open = true;
  };
  for (const [path, message] of state.bad) mark(path, message);
  for (const err of coreErrors) if (!state.bad.has(err.field)) mark(err.field, explain(err));
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

function showWarnings(warnings) {
  const box = $('rwarn');
  box.replaceChildren();
  box.hidden = !warnings.length;
  if (!warnings.length) return;
  box.append(node('p', {}, t('calcWarn')));
  const ul = node('ul');
  for (const w of warnings) ul.append(node('li', {}, (w.field ? w.field + ' : ' : '') + w.message));
  box.append(ul);
}

/** The core's message for a field, in the page's language and units. */
function explain(err) {
  const fd = fieldOf(err.field) || (FIXED_RE.test(err.field) ? { kind: 'money' } : { kind: 'num' });
  const show = (x) => {
    const v = Number(x);
    if (!Number.isFinite(v)) return x;
    return fd.kind === 'pct' ? fmt.pct(v) : fmt.num(v);
  };
  // Translated from the core's code and params (docs/ERRORS.md); never parsed.
  const p = err.params || {};
  switch (err.code) {
    case 'range': return t('e:range', { a: show(p.min), b: show(p.max), g: show(p.got) });
    case 'range_above': return t('e:gt', { a: show(p.min) }) + ', ≤ ' + show(p.max) + ' (' + show(p.got) + ')';
    case 'too_long': return t('e:maxlen', { n: p.max });
    case 'currency': return t('e:currency');
    case 'needs_count': return t('e:model', { e: t('o:funnel.entry:' + p.entry) });
    case 'needs_held': return t('e:internal', { e: t('o:funnel.entry:' + p.entry) });
    case 'link_too_long': return t('e:linkLong', { bytes: fmt.num(p.bytes), max: fmt.num(p.max) });
    default: break;
  }
  return err.message;
}

function render() {
  const res = state.result;
  fmt = makeFormat(state.lang, res.currency);
  const model = getPath(state.scenario, 'costs.model') ?? 'in_house';
  renderBilling(res, model);
  renderComparison(res);
  rangePlaceholders(res);
  for (const out of document.querySelectorAll('[data-out]')) {
    const path = out.dataset.out;
    const v = getPath(res, path);
    out.classList.toggle('null', v === null || v === undefined);
    if (v === null || v === undefined) {
      out.textContent = t(whyNull(path, res));
      out.dataset.value = '';
    } else {
      out.textContent = fmt[out.dataset.fmt](v);
      out.dataset.value = String(v);
    }
  }
  $('maxprice-l').textContent = t('mp:' + model);
  $('maxcac-l').textContent = t('r:ltv.max_cac', { t: fmt.mult(getPath(state.scenario, 'target_ltv_cac') ?? 3) });
  $('be-intro').textContent = t('beIntro', { r: fmt.pct(res.breakeven.target_roi) });
  renderTalkNote(res);
  renderVerdict(res);
  drawFunnel($('funnelchart'), res, t, fmt);
  drawPayback($('pbchart'), state.scenario, res, t, fmt);
  drawTornado($('torchart'), res, t, fmt, fieldLabel);
  if (sim.last) renderSimulation();
}

/* ---- risk: the simulation runs in a worker, re-run after typing settles ---- */

const sim = { worker: null, id: 0, timer: 0, running: false, last: null };

function startWorker() {
  sim.worker = new Worker(new URL('./sim-worker.js', import.meta.url), { type: 'module' });
  sim.worker.onmessage = onSimulated;
}

function scheduleSimulation() {
  clearTimeout(sim.timer);
  sim.timer = setTimeout(runSimulation, 300);
}

/** A seed as the core takes it: a whole number from 0 to 2^53 - 1. */
const isSeed = (text) => /^\d{1,16}$/.test(text) && Number(text) <= 9007199254740991;

function readSeed() {
  const input = $('sim-seed'), err = $('sim-seed-e');
  const text = input.value.replace(/[\s\u00a0\u202f]/g, '');
  const ok = isSeed(text);
  input.toggleAttribute('aria-invalid', !ok);
  input.closest('.field').classList.toggle('invalid', !ok);
  err.hidden = ok;
  err.textContent = ok ? '' : t('sim.seedErr');
  return ok ? Number(text) : null;
}

/** Sample count and seed travel in the query string, beside lang: they are
 *  settings of the view, not of the scenario.  Untrusted: only a listed
 *  sample count and a plain whole seed are taken. */
function readSimParams() {
  const q = new URLSearchParams(location.search);
  const n = q.get('samples'), seed = q.get('seed');
  if (n && [...$('sim-samples').options].some((o) => o.value === n)) $('sim-samples').value = n;
  if (seed && isSeed(seed)) $('sim-seed').value = seed;
}

function writeSimParams() {
  const url = new URL(location.href);
  const n = $('sim-samples').value, seed = $('sim-seed').value.trim();
  if (n === '10000') url.searchParams.delete('samples'); else url.searchParams.set('samples', n);
  if (seed === '1' || !isSeed(seed)) url.searchParams.delete('seed'); else url.searchParams.set('seed', seed);
  history.replaceState(null, '', url);
}

function runSimulation() {
  if (!sim.worker || !state.result) return;
  const seed = readSeed();
  if (seed === null) return;
  if (sim.running) cancelSimulation(true);
  const samples = Number($('sim-samples').value);
  sim.id++;
  sim.running = true;
  $('sim-progress').hidden = false;
  $('sim-cancel').hidden = samples < 100000;
  $('sim-status').textContent = t('sim.running', { n: fmt.num(samples) });
  sim.worker.postMessage({ id: sim.id, scenario: state.scenario, samples, seed });
}

function cancelSimulation(quiet) {
  sim.worker.terminate();
  startWorker();
  sim.running = false;
  $('sim-progress').hidden = true;
  $('sim-cancel').hidden = true;
  if (!quiet) $('sim-status').textContent = t('sim.cancelled');
}

function onSimulated(e) {
  if (e.data.id !== sim.id) return; // the "ready" hello, or an answer to a replaced request
  sim.running = false;
  $('sim-progress').hidden = true;
  $('sim-cancel').hidden = true;
  const r = e.data.result;
  if (!r.ok) { $('sim-status').textContent = r.errors.map((x) => x.message).join(' ; '); return; }
  sim.last = { ...r, ms: e.data.ms };
  renderSimulation();
}

/** Each compared row's risk: the scenario's simulation, then its channels'. */
function renderSimRows() {
  const r = sim.last;
  for (const td of document.querySelectorAll('[data-simrow]')) {
    const i = Number(td.dataset.simrow);
    const outcome = i === 0 ? r : r.channels[i - 1];
    const v = outcome ? getPath(outcome, td.dataset.simkey) : undefined;
    td.dataset.value = v === null || v === undefined ? '' : String(v);
    td.textContent = v === undefined ? '…' : v === null ? t('n:cost') : fmt[td.dataset.fmt](v);
  }
}

function renderSimulation() {
  const r = sim.last;
  for (const out of document.querySelectorAll('[data-sim]')) {
    const v = getPath(r, out.dataset.sim);
    out.classList.toggle('null', v === null);
    out.dataset.value = v === null ? '' : String(v);
    out.textContent = v === null ? t('n:cost') : fmt[out.dataset.fmt](v);
  }
  $('sim-status').textContent = r.fields.length ? t('sim.done', { n: fmt.num(r.samples), ms: fmt.num(Math.round(r.ms)) }) : t('sim.none');
  renderSimRows();
  $('sim').dataset.samples = String(r.samples);
  $('sim').dataset.seed = String(r.seed);
  drawHistogram($('histchart'), r, t, fmt);
}

/** Short name of an uncertain field: its form label without the unit. */
function fieldLabel(path) {
  const key = 'u:' + path;
  return t(key) !== key ? t(key) : t(path).replace(/\s*\(.*\)$/, '');
}

const rowName = (res, i) => res.comparison[i].name || (i === 0 ? t('thisCampaign') : t('channelN', { n: i }));

/** Channels side by side, ranked by the core; cells are [data-out] like the rest. */
function renderComparison(res) {
  const rows = res.comparison;
  const many = rows.length > 1;
  $('cmp-empty').hidden = many;
  $('cmp-body').hidden = !many;
  const body = $('cmprows');
  body.replaceChildren();
  if (!many) return;
  for (const i of orderRows(rows, state.byRank)) {
    const tr = node('tr', { class: i === 0 ? 'self' : false });
    tr.append(node('td', { 'data-out': `comparison[${i}].rank`, 'data-fmt': 'num' }));
    tr.append(node('th', { scope: 'row' }, rowName(res, i)));
    for (const [key, kind] of [['cost', 'money'], ['roi', 'pct'], ['net', 'money'], ['cost_per_lead', 'money'], ['cost_per_opportunity', 'money'],
      ['cac', 'money'], ['revenue_per_hour', 'money'], ['payback_months', 'months'], ['ltv_to_cac', 'mult']]) {
      tr.append(node('td', { 'data-out': `comparison[${i}].${key}`, 'data-fmt': kind }));
    }
    // Filled by the simulation when it answers.
    tr.append(node('td', { 'data-simrow': i, 'data-simkey': 'p_loss', 'data-fmt': 'pct' }, '…'));
    tr.append(node('td', { 'data-simrow': i, 'data-simkey': 'roi.p10', 'data-fmt': 'pct' }, '…'));
    body.append(tr);
  }
  if (sim.last) renderSimRows();
  const order = orderRows(rows, state.byRank);
  drawBars($('cmpchart'), order.map((i) => rowName(res, i)), order.map((i) => rows[i].roi), t, fmt);
  const ra = res.reallocation;
  $('realloc-text').textContent = ra.moved > 0
    ? t('realloc.text', { s: fmt.pct(ra.shift), m: fmt.pct(ra.min_roi), f: ra.from.map((i) => rowName(res, i)).join(', '), to: rowName(res, ra.to) })
    : t('realloc.none', { m: fmt.pct(ra.min_roi) });
}

/** One row per billing model the core compared; the cells are filled by
 *  render() like every other [data-out] (their path is billing[i].key). */
/** The same campaign with half the results: the first converted stage
 *  halves (the contact rate when the funnel starts at calls, else the entry
 *  count itself), so every later count halves and the effort does not. */
function halfResults(scenario) {
  const half = structuredClone(scenario);
  const f = (half.funnel ||= {});
  if ((f.entry ?? 'calls') === 'calls') f.contact_rate = (f.contact_rate ?? 1) / 2;
  else f.volume = (f.volume ?? 0) / 2;
  return half;
}

function renderBilling(res, model) {
  const body = $('billrows');
  body.replaceChildren();
  const half = roi.evaluate(halfResults(state.scenario));
  const halfCost = new Map(half.ok ? half.billing.map((r) => [r.model, r.cost]) : []);
  res.billing.forEach((row, i) => {
    const tr = node('tr', { class: row.model === model ? 'chosen' : false, 'data-model': row.model });
    tr.append(node('th', { scope: 'row' }, t('o:costs.model:' + row.model) + (row.model === model ? ' ' + t('selected') : '')));
    for (const [key, kind] of [['cost', 'money'], ['net', 'money'], ['roi', 'pct'], ['cost_per_deal', 'money'], ['max_price', 'money']]) {
      tr.append(node('td', { 'data-out': `billing[${i}].${key}`, 'data-fmt': kind }));
    }
    const hc = halfCost.get(row.model);
    tr.append(node('td', { 'data-half': row.model, 'data-value': hc ?? '' }, hc === null || hc === undefined ? t('n:na') : fmt.money(hc)));
    tr.append(node('td', { class: 'risk' }, t('risk:' + row.model) + (hc == null || row.cost === null ? '' : ' — ' +
      t(Math.abs(hc - row.cost) < 0.005 ? 'half.same' : 'half.falls', { c: fmt.money(hc), d: fmt.pct(1 - hc / row.cost) }))));
    body.append(tr);
  });
}

function renderTalkNote(res) {
  const a = res.per_hour.revenue_talk_only, b = res.per_hour.revenue;
  const share = getPath(state.scenario, 'time.talk_share') ?? 1;
  let text = t('talkWhy');
  if (a !== null && b !== null && b > 0) {
    text += ' ' + (share < 1 ? t('talkGap', { s: fmt.pct(share), k: fmt.num(a / b), a: fmt.money(a), b: fmt.money(b) }) : t('talkSame'));
  }
  $('talknote').textContent = text;
}

function renderVerdict(res) {
  const target = getPath(state.scenario, 'target_ltv_cac') ?? 3;
  const v = res.ltv.to_cac;
  const el = $('verdict');
  el.className = 'verdict ' + (v === null ? '' : v >= target ? 'ok' : 'ko');
  el.textContent = v === null ? t('verdictNull') : t(v >= target ? 'verdictOk' : 'verdictKo', { v: fmt.mult(v), t: fmt.mult(target) });
  const m = res.ltv.to_meeting_cost;
  $('meetrule').textContent = m === null ? t('meetRule') : t(m >= 3 ? 'meetRuleOk' : 'meetRuleKo', { v: fmt.num(m) });
}

/** Why a result is null, as an i18n key: the user should know what to enter. */
function whyNull(path, res) {
  const f = res.funnel;
  const stage = (s) => (f[s] === null ? 'n:stage' : 'n:zero');
  if (/(^|\.)roi(_lifetime)?$/.test(path)) return 'n:cost';
  if (/^per_hour\.(calls|meetings)$/.test(path) && res.hours_total > 0) return 'n:stage';
  if (path.startsWith('per_hour.') || path.endsWith('revenue_per_hour')) return 'n:hours';
  if (path.startsWith('funnel.')) return 'n:stage';
  if (path === 'unit_costs.deal' || path === 'ltv.to_cac') return 'n:nocac';
  if (path.startsWith('unit_costs.')) return stage(path.slice(11));
  if (path.endsWith('payback_months')) return (path === 'payback_months' ? f.deals : getPath(res, path.replace('payback_months', 'deals'))) > 0 ? 'n:never' : 'n:nodeal';
  if (path === 'breakeven.min_deals') return 'n:unreach';
  if (path === 'breakeven.max_cost_per_meeting') return stage('meetings');
  if (path === 'breakeven.min_deal_value') return f.deals > 0 ? 'n:na' : 'n:nodeal';
  return 'n:na';
}

/* ---- language, links ---------------------------------------------------------- */

function translate(root = document) {
  for (const n of root.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of root.querySelectorAll('[data-i18n-label]')) n.setAttribute('aria-label', t(n.dataset.i18nLabel));
}

function setLang(lang, remember) {
  state.lang = lang;
  t = (key, params) => tr(lang, key, params);
  fmt = makeFormat(lang, state.result?.currency || getPath(state.scenario, 'currency') || 'EUR');
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (remember) {
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
  }
  translate();
  relabelFixed();
  fillForm();
  if (state.retro) applyObserved();
  updateCurrencyUnits();
  if (roi) {
    $('engine').textContent = t('engine', { v: roi.version });
    qrFor = null; // the caption and alt text change language
    updateReport();
  }
  if (state.result) render();
  if (roi) showErrors(roi.evaluate(state.scenario).errors || []);
}

function updateCurrencyUnits() {
  const cur = getPath(state.scenario, 'currency') || 'EUR';
  let sym = cur;
  try {
    sym = new Intl.NumberFormat(state.lang, { style: 'currency', currency: cur }).formatToParts(0).find((p) => p.type === 'currency')?.value || cur;
  } catch { /* not a currency Intl knows: show the code */ }
  for (const u of document.querySelectorAll('.unit.cur')) u.textContent = sym;
}

/** After a valid computation: the fragment holds the scenario's link, or
 *  nothing when the scenario is too big for one (then a notice says so, with
 *  the size and the limit, and offers the JSON file). */
function writeHash() {
  const l = linkFor(roi, state.scenario);
  if (!l.ok) return;
  state.lastValid = structuredClone(state.scenario);
  const wasLong = state.tooLong;
  state.tooLong = l.tooLong || null;
  if (state.tooLong && !wasLong) {
    state.longNotice = notice('warn', longText('linkLong'), [], { id: 'export-json', label: t('exportJson') });
  } else if (!state.tooLong && state.longNotice) {
    state.longNotice.remove();
    state.longNotice = null;
  }
  const link = l.link ?? '';
  if (link !== state.hash) {
    state.hash = link;
    const url = new URL(location.href);
    url.hash = link;
    history.replaceState(null, '', url);
  }
  updateReport();
}

/* The printed report carries the link as text and as a QR code, and the
 * date it was made.  The QR code is drawn a moment after typing stops (or
 * at once when printing starts), not on every keystroke. */
let qrTimer = 0;
let qrFor = null;
function updateReport() {
  $('rm-link').textContent = state.tooLong ? longText('linkLongShort') : shareUrl();
  const now = new Date();
  $('rm-date').dateTime = now.toISOString().slice(0, 10);
  $('rm-date').textContent = new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }).format(now);
  clearTimeout(qrTimer);
  qrTimer = setTimeout(drawQr, 250);
}

function drawQr() {
  clearTimeout(qrTimer);
  const url = state.tooLong ? '' : shareUrl(); // '': no link holds the scenario
  if (!roi || url === qrFor) return;
  qrFor = url;
  const svg = url ? roi.qrSvg(url) : null; // numbers only: safe as an image
  const img = $('rm-qr-img');
  img.hidden = svg === null;
  if (svg !== null) img.src = 'data:image/svg+xml,' + encodeURIComponent(svg);
  img.alt = t('rm.qrAlt');
  $('rm-qr-cap').textContent = t(svg !== null ? 'rm.qr' : url ? 'rm.qrLong' : 'rm.qrNone');
}
window.addEventListener('beforeprint', drawQr);

// ?currency=GBP (data-currency of the embed): the currency of a scenario
// whose link names none. A link's own `cur` wins.
const viewCurrency = (() => {
  const c = (new URLSearchParams(location.search).get('currency') || '').toUpperCase();
  return /^[A-Z]{3}$/.test(c) ? c : null;
})();

/** Shows a scenario. link: the link it came from, when the view's currency
 *  applies (links and examples; not the user's saved or imported files). */
function loadScenario(scenario, link = null) {
  if (viewCurrency && typeof link === 'string' && !/(^|&)cur=/.test(link)) scenario.currency = viewCurrency;
  state.scenario = scenario;
  state.bad.clear();
  state.result = null;
  $('f-retro').checked = false;
  state.retro = false;
  $('observed').hidden = true;
  applyObserved();
  fillForm();
  updateCurrencyUnits();
  recompute();
}

/** Opens the scenario in the fragment, if any; the example otherwise. */
function openFromHash() {
  const raw = location.hash.replace(/^#/, '');
  const asked = new URLSearchParams(location.search).get('example');
  const example = Object.hasOwn(EXAMPLES, asked) ? EXAMPLES[asked] : DEFAULT_LINK;
  if (!raw) return loadScenario(roi.decodeLink(example).scenario, example);
  let decoded;
  try {
    decoded = roi.decodeLink(raw);
  } catch (e) {
    notice('bad', t('linkBad'), (e.errors || []).map(errLine));
    return loadScenario(roi.decodeLink(example).scenario, example);
  }
  if (decoded.warnings.length) {
    notice('warn', t('linkWarn'), decoded.warnings.map((w) => (w.field ? w.field + ' : ' : '') + w.message));
  }
  state.hash = raw;
  loadScenario(decoded.scenario, raw);
}

/* ---- embedding: options from the query, events to the host page ------------- */

// Everything here comes from the host's link: untrusted, so each option is
// checked against a narrow pattern and only ever set as text or a CSS value.
const embed = (() => {
  const q = new URLSearchParams(location.search);
  if (q.get('embed') !== '1') return null;
  let host = null;
  try { const u = new URL(q.get('host') || ''); if (u.protocol === 'http:' || u.protocol === 'https:') host = u.origin; } catch { /* no host: no events */ }
  return { host, q };
})();

function postToHost(type, extra = {}) {
  if (embed && embed.host && window.parent !== window) window.parent.postMessage({ v: 1, type, ...extra }, embed.host);
}

/** The payload of roi:change and roi:cta: the last valid scenario, its link
 *  and its headline results, so the three always agree (while a field is
 *  invalid, they are what the widget still shows, greyed).  The scenario is
 *  its document (canonical when its link fits); link is null when the
 *  scenario is too big for one.  Never throws. */
function hostPayload() {
  const r = state.result;
  const doc = r && state.lastValid ? scenarioDocument(roi, state.lastValid) : null;
  return {
    scenario: doc && doc.ok ? doc.scenario : null,
    link: state.tooLong ? null : shareUrl(),
    results: r && { per_hour_revenue: r.per_hour.revenue, roi: r.roi, net: r.net, payback_months: r.payback_months, cac: r.unit_costs.deal, currency: r.currency },
  };
}

let changeTimer = 0;
let sentLink = null; // the link (or, too big for one, the scenario) the host was last told about

/** roi:change, 400 ms after the last valid edit, and only when the
 *  scenario differs from the one the host last heard of. */
function notifyHost() {
  if (!embed) return;
  clearTimeout(changeTimer);
  changeTimer = setTimeout(() => {
    const payload = hostPayload();
    const key = payload.link ?? JSON.stringify(payload.scenario);
    if (key === sentLink) return;
    sentLink = key;
    postToHost('roi:change', payload);
  }, 400);
}

function applyEmbedOptions() {
  if (!embed) return;
  const { q } = embed;
  const root = document.documentElement;
  root.classList.add('embedded');
  if (q.get('sections') === 'compact') root.classList.add('compact');
  const accent = q.get('accent') || '';
  if (/^#?[0-9a-f]{3}([0-9a-f]{3})?$/i.test(accent)) root.style.setProperty('--accent', accent.startsWith('#') ? accent : '#' + accent);
  const font = q.get('font') || '';
  if (/^[\w \-]{1,40}$/.test(font)) root.style.setProperty('--font', `"${font}", system-ui, sans-serif`);
  const theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  const label = (q.get('cta') || '').slice(0, 60);
  let url = null;
  try { const u = new URL(q.get('ctaurl') || ''); if (u.protocol === 'https:' || u.protocol === 'http:') url = u.href; } catch { /* no button */ }
  if (label && url) {
    const a = node('a', { class: 'cta', id: 'cta', href: url, target: '_blank', rel: 'noopener noreferrer' }, label);
    a.addEventListener('click', () => postToHost('roi:cta', hostPayload()));
    $('results').prepend(a);
  }
  // The content's own height, not scrollHeight: that never drops below the
  // frame's current height, so the frame could grow but never shrink.
  const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
  new ResizeObserver(() => postToHost('roi:height', { height: height() })).observe(document.body);
}

/* ---- start ----------------------------------------------------------------- */

applyEmbedOptions();
// The engine (wasm download and compile) loads while the form is built.
const engine = import('./roi.js');
await loadLang(state.lang);
buildForm();
setLang(state.lang);
document.addEventListener('input', onInput);
readSimParams();
$('lib-list').addEventListener('change', updateCompareButton);
$('import').addEventListener('change', (e) => { if (e.target.files[0]) importFile(e.target.files[0]); });
$('sim-samples').addEventListener('input', () => { writeSimParams(); runSimulation(); });
$('sim-seed').addEventListener('input', () => { writeSimParams(); scheduleSimulation(); });
// The compact widget hides the risk section: no worker, no second engine.
if (!document.documentElement.classList.contains('compact')) startWorker();
document.addEventListener('click', onClick);
try {
  roi = await engine;
} catch (e) {
  $('loading').textContent = t('noEngine');
  throw e;
}
$('loading').remove();
renderLibrary();
$('engine').textContent = t('engine', { v: roi.version });
openFromHash();
window.addEventListener('hashchange', () => {
  if (location.hash.replace(/^#/, '') !== state.hash) openFromHash();
});
let lastWidth = $('pbchart').clientWidth;
new ResizeObserver(() => {
  const w = $('pbchart').clientWidth;
  if (state.result && Math.abs(w - lastWidth) > 8) { lastWidth = w; drawPayback($('pbchart'), state.scenario, state.result, t, fmt); }
}).observe($('pbchart'));
document.documentElement.dataset.ready = '1';
const readyPayload = hostPayload();
sentLink = readyPayload.link ?? JSON.stringify(readyPayload.scenario);
postToHost('roi:ready', readyPayload);
