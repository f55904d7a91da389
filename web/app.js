// The page's entry: builds the form, creates the store, connects the
// renderers (functions of the state that only write the DOM) and the
// effects (the engine, the address, the worker, the host page), and turns
// the user's typing and clicks into actions.  Every computation is the C
// core's (engine/roi.js).
import { tr, loadLang } from './i18n.js';
import { makeFormat, withWords } from './format.js';
import { applyCoreFields } from './fields.js';
import { createStore } from './state/store.js';
import { initialState, update } from './state/update.js';
import { viewFromQuery, splitFragment, readCounts } from './state/view.js';
import { $, translate } from './components/dom.js';
import { problemTexts } from './components/problems.js';
import * as form from './components/form/form.js';
import * as header from './components/header/header.js';
import * as notices from './components/notices/notices.js';
import * as billing from './components/billing/billing.js';
import * as comparison from './components/comparison/comparison.js';
import * as results from './components/results/results.js';
import * as summary from './components/summary/summary.js';
import * as simulation from './components/simulation/simulation.js';
import * as library from './components/library/library.js';
import * as report from './components/report/report.js';
import * as reportHead from './components/report/head.js';
import * as prudent from './components/simulation/prudent.js';
import * as schedule from './components/schedule/schedule.js';
import * as plan from './components/plan/plan.js';
import { openFromHash, openExample, followAddress, untouchedExample, isScenarioFragment, pageWords } from './io/links.js';
import { startSimulation } from './io/simulation.js';
import { linkFor } from './export.js';
import { onResize, printWidths } from './charts/charts.js';
import * as snapshot from './io/snapshot.js';
import { copyLink } from './io/copy-link.js';
import { rowName } from './components/comparison/comparison.js';
import { csvRows } from './components/schedule/text.js';
import { priceUnit } from './components/verdict/verdict.js';
// The core's field table (`roi fields`, written at build time, with what
// the form reads: scripts/build-engine.sh): a module, so that the
// production bundle holds it and nothing waits for a fetch.
import coreFields from './engine/fields-form.js';

let roi = null;
let lib = null, files = null, back = null; // once the engine is there
let builtState = null; // the store as the build's figures left it
let built = null; // the default example as the core computed it at build time (io/snapshot.js), when this load opens on it
const store = createStore(update, initialState(viewFromQuery(location.search, navigator.languages || [navigator.language || ''], location.hash.replace(/^#/, ''))));
const { dispatch } = store;

/** What renderers need besides the state: text and numbers in its language. */
const ctxCache = { key: null, ctx: null };
function ctxOf(state) {
  const cur = state.result?.currency || state.scenario.currency || 'EUR';
  const key = state.view.lang + ' ' + cur + ' ' + (roi ? 1 : 0) + (built ? 1 : 0);
  if (ctxCache.key !== key) {
    const lang = state.view.lang;
    ctxCache.key = key;
    const t = (k, p) => tr(lang, k, p), fmt = withWords(makeFormat(lang, cur), t);
    // explain, problem, labelled, item: the core's errors and warnings in
    // this language (errors.js), for the form, the results and the notices.
    // engine: the footer's line (computed here, or figures written at build time).
    const engine = roi ? { key: 'engine', v: roi.version } : built ? { key: 'engineLater', v: built.version } : null;
    ctxCache.ctx = { t, fmt, roi, engine, ...problemTexts(lang, fmt, t) };
  }
  return ctxCache.ctx;
}
const ctx = () => ctxOf(store.getState());

/** The state as the results see it: while the form holds a value the core
 *  refused (stale), the results shown are the last valid scenario's, and so
 *  are the prices, counts and assumptions said beside them (never « vous
 *  payez -50 € » over the figures of 120 €).  The form keeps the typing. */
const shownOf = new WeakMap(); // last valid scenario -> { name, scenario }: one object per name
const asShown = (s) => {
  if (!(s.stale && s.valid && s.result)) return s;
  // Its name is a word of the page, not a figure: the current one (it
  // follows a language switch made meanwhile).
  if (s.scenario.name === s.valid.name) return { ...s, scenario: s.valid };
  let m = shownOf.get(s.valid);
  if (!m || m.name !== s.scenario.name) shownOf.set(s.valid, (m = { name: s.scenario.name, scenario: { ...s.valid, name: s.scenario.name } }));
  return { ...s, scenario: m.scenario };
};

function render(state, prev) {
  const c = ctxOf(state);
  const rs = asShown(state), rp = asShown(prev);
  if (state.view.lang !== prev.view.lang) translate(document, c.t);
  header.render(state, prev, c);
  notices.render(state, prev, c);
  form.render(state, prev, c);
  const v = state.view, pv = prev.view;
  if (state.result !== prev.result || v.lang !== pv.lang || v.byRank !== pv.byRank || v.cmpAll !== pv.cmpAll || state.stale !== prev.stale || state.check !== prev.check) {
    if (state.result) {
      billing.render(rs, rp, c);
      comparison.render(state, prev, c);
    }
    schedule.render(rs, rp, c);
    plan.render(rs, rp, c);
    summary.render(rs, rp, c);
    results.render(rs, rp, c);
  } else if (v.summaryOpen !== pv.summaryOpen) summary.render(rs, rp, c);
  simulation.render(state, prev, c);
  if (state.result) prudent.render(rs, rp, c);
  reportHead.render(rs, rp, c);
  library.render(state, prev, c);
  if (roi || built) report.render(state, prev, c);
  // The summary written at build time, hidden for another address, is the
  // engine's own from the first result on.
  if (state.result && !prev.result) document.documentElement.classList.remove('pre-off');
}

/** The engine's answer for every new scenario (or refusal): one evaluate call. */
function evaluate(state, prev) {
  if (!roi || (state.scenario === prev.scenario && state.invalid === prev.invalid)) return;
  const result = roi.evaluate(state.scenario);
  let link = null, tooLong = null;
  if (result.ok && !Object.keys(state.invalid).length) {
    const l = linkFor(roi, state.scenario); // never throws; too big for a link: null and { bytes, max }
    if (l.ok) ({ link, tooLong = null } = l);
  }
  dispatch({ type: 'evaluated', result, link, tooLong });
}

/* ---- start ----------------------------------------------------------------- */

// Framed by a host page (?embed=1): its options and events (io/embed.js),
// fetched only then.
const host = new URLSearchParams(location.search).get('embed') === '1'
  ? await import('./io/embed.js').then(({ embedOptions, connectHost }) => connectHost(embedOptions(location.search), store, () => roi))
  : { apply() {}, ready() {} };
host.apply();
// The engine (wasm download and compile) loads while the form is built;
// when the address opens the default example, computed at build time, at
// the visitor's first key, tap, click or focus in the page instead.
built = snapshot.read(store.getState().view);
let engine = null;
// With it, what only acts on a valid scenario with the engine: « Mes
// scénarios » and the files (import, export, CSV, io/actions.js),
// and the words of the core's errors (no error comes before the engine).
// A failure is said (a module that failed stays failed in the browser: a
// reload tries again).
const needEngine = () => (engine ||= Promise.all([import('./engine/roi.js'), import('./io/actions.js'),
  loadLang(store.getState().view.lang, true)]).then(engineReady, (e) => {
  if ($('loading')) $('loading').textContent = ctx().t('noEngine');
  else dispatch({ type: 'notice', kind: 'bad', title: { key: 'noEngine' }, tag: 'noEngine' });
  throw e;
}));
const tryEngine = () => { needEngine().catch(() => {}); };
if (!built) tryEngine();
await loadLang(store.getState().view.lang);
applyCoreFields(coreFields);
form.build(ctx().t);
store.subscribe(evaluate);
followAddress(store);
store.subscribe(render);
render(store.getState(), { ...store.getState(), view: { ...store.getState().view, lang: null } });
// The build's actions, or (refused by the store: a block this page cannot
// read) the engine's own, as for any other address.
if (built && !snapshot.replay(store, built)) { built = null; tryEngine(); }
// The compact widget hides the risk section: no worker, no second engine.
const sim = document.documentElement.classList.contains('compact') ? null : startSimulation(store);

document.addEventListener('input', onInput);
document.addEventListener('click', onClick);
// The summary bar of a phone folds away when a field takes the focus: it
// never covers the field being typed.
$('f').addEventListener('focusin', () => dispatch({ type: 'summaryToggle', open: false }));
$('f').addEventListener('change', (e) => {
  if (e.target.name && e.target.type === 'text') dispatch({ type: 'commit', path: e.target.name });
});
$('lib-list').addEventListener('change', (e) => {
  if (e.target.classList.contains('lib-pick')) dispatch({ type: 'libPick', name: e.target.dataset.name, on: e.target.checked });
});
$('import').addEventListener('change', (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (!file) return;
  if (!files) return void needEngine().then(() => importRead(file), () => {});
  importRead(file);
});
function importRead(file) {
  if (file.size > 1024 * 1024) return files.importFile(file, null); // refused unread
  // Read first (the scenario it may replace is the one shown when it is read).
  file.text().then((text) => back.wayBack({ key: 'imported', params: { n: file.name } }, () => files.importFile(file, text), { always: true, focus: 'export-json' }),
    (err) => files.importFile(file, null, err));
}

// Printing: the QR code, and the charts drawn at the page's width, then at
// the window's again (the results rendered again: every chart).
const redrawAll = () => { const s = store.getState(); render(s, { ...s, result: null }); };
window.addEventListener('beforeprint', () => { report.drawQr(); printWidths(true); redrawAll(); });
// Printed before the engine loaded (the QR code is the core's): Ctrl+P waits for it.
document.addEventListener('keydown', (e) => {
  if (roi || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'p' || e.altKey || e.shiftKey) return;
  e.preventDefault();
  needEngine().catch(() => {}).finally(() => window.print());
});
window.addEventListener('afterprint', () => { printWidths(false); redrawAll(); });

/** The engine is there: the actions that need it, then (opened on the
 *  build's figures) the scenario as it is now, if it changed meanwhile. */
function engineReady([mod, { libraryActions, fileActions, wayBackActions }]) {
  roi = mod;
  lib = libraryActions(store, roi, ctx);
  files = fileActions(store, roi, ctx, { rowName, csvRows, priceUnit });
  back = wayBackActions(store, roi);
  lib.refresh();
  document.documentElement.dataset.engine = '1';
  if (snapshot.recording()) snapshot.record(store, roi.version);
  if (!built) return;
  const s = store.getState();
  if (s.scenario !== builtState.scenario || s.invalid !== builtState.invalid) evaluate(s, { ...s, scenario: null });
  render(store.getState(), store.getState()); // the footer's line, the report's QR code
}

if (built) {
  builtState = store.getState();
  $('loading').remove();
  // Every sign of use asks (needEngine loads once).
  for (const type of ['pointerdown', 'keydown', 'focusin', 'touchstart']) document.addEventListener(type, () => { if (!roi) tryEngine(); }, { capture: true, passive: true });
} else {
  await needEngine();
  $('loading').remove();
  openFromHash(store, roi);
  // A link shared in retrospective mode opens with its counts shown again.
  if (store.getState().view.retroOn) dispatch({ type: 'retro', on: true, counts: store.getState().view.retroCounts });
  render(store.getState(), store.getState()); // the footer's line
}
window.addEventListener('hashchange', () => {
  // Only a scenario link (key=value pairs) opens a scenario: "#results" and
  // the like are places in the page, not an empty scenario.
  const { link: h, own } = splitFragment(location.hash.replace(/^#/, ''));
  if (!isScenarioFragment(h)) return; // a place in the page (#results)
  needEngine().catch(() => null).then(() => {
    if (!roi) return; // not loaded: said in a notice
    if (h !== store.getState().link) openFromHash(store, roi);
    // A link pasted into this tab: in retrospective mode (the query's
    // retro=1) with its counts, and its own client and preparer (none: none).
    const counts = readCounts(own.get('obs'));
    if (new URLSearchParams(location.search).get('retro') === '1' && counts) dispatch({ type: 'retro', on: true, counts });
    for (const who of ['for', 'by']) dispatch({ type: 'prepared', who, text: own.get('p' + who) ?? '' });
  });
});
// The skip link moves focus to the results without touching the address
// (which holds the scenario's link, the one a rep copies).
document.querySelector('a.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  $('results').focus();
});
onResize($('pbchart'), () => results.redrawPayback(asShown(store.getState()), ctx()));
onResize($('schedchart'), () => schedule.redraw(asShown(store.getState()), ctx()));
// Ready for input: typing is kept in the state at once, the figures follow
// from the engine (here, or on its way since the first key).
document.documentElement.dataset.ready = '1';
performance.mark('roi:ready'); // figures on screen (the engine's, or the build's), input accepted (bench)
host.ready();

/* ---- the user's typing and clicks, as actions ------------------------------- */

function onInput(e) {
  const input = e.target;
  if (input.id === 'sim-samples') return dispatch({ type: 'samples', value: input.value });
  if (input.id === 'sim-seed') return dispatch({ type: 'seed', text: input.value });
  if (input.id === 'lib-name') return dispatch({ type: 'libName', text: input.value });
  if (input.id === 'prep-for' || input.id === 'prep-by') return dispatch({ type: 'prepared', who: input.id.slice(5), text: input.value });
  if (!input.name || input.form !== $('f')) return;
  if (input.name === 'retro') dispatch({ type: 'retro', on: input.checked });
  else if (input.name.startsWith('skip.')) dispatch({ type: 'skip', stage: input.name.slice(5), on: input.checked });
  else dispatch({ type: 'edit', path: input.name, text: input.value });
}

const STATE_ONLY = ['sum-toggle', 'cmp-sort', 'cmp-all', 'ramp-add', 'fixed-add', 'channel-add', 'sim-cancel'];
const stateOnly = (b) => STATE_ONLY.includes(b.id) || ['rampdel', 'del', 'chdup', 'clone'].some((k) => b.dataset[k] !== undefined)
  || (b.classList.contains('close') && !!b.closest('.notice'))
  // The link of the scenario the build computed (in the address already), copied in the click itself.
  || (b.id === 'copy' && store.getState().scenario === builtState?.scenario && !Object.keys(store.getState().invalid).length);

// Clicks that wait for the engine, in their order (and each button once).
const waiting = [];
function onClick(e) {
  const b = e.target.closest('button');
  if (!b) return;
  // Before the engine, on the build's figures: what changes the state alone
  // is done at once (the engine, on its way since the pointer went down,
  // evaluates the result), unless clicks wait already; the rest waits for
  // it, in order, each button once, and only while it is still on the page.
  if (!roi && (waiting.length || !built || !stateOnly(b))) {
    if (!waiting.includes(b)) waiting.push(b);
    needEngine().then(() => { for (const w of waiting.splice(0)) if (w.isConnected) press(w); }, () => { waiting.length = 0; });
    return;
  }
  press(b);
}

function press(b) {
  const d = b.dataset;
  if (b.id === 'ramp-add') {
    dispatch({ type: 'rampAdd' });
    // Its value (the previous month's) selected: typing replaces it, not « 10030 ».
    const input = document.querySelector('#ramp-list .ramp-row:last-child input');
    input?.focus();
    input?.select();
  } else if (d.rampdel !== undefined) {
    dispatch({ type: 'rampRemove', index: Number(d.rampdel) });
    $('ramp-add').focus();
  } else if (b.id === 'export-sched') {
    files.exportSchedule();
  } else if (b.id === 'fixed-add') {
    dispatch({ type: 'fixedAdd' });
    document.querySelector('#fixed-list .fixed-row:last-child input')?.focus();
  } else if (d.del !== undefined) {
    dispatch({ type: 'fixedRemove', index: Number(d.del) });
    $('fixed-add').focus();
  } else if (d.lang) {
    loadLang(d.lang, true).then(() => {
      if (!roi) return; // the engine failed: said in a notice
      // Judged once the texts are there (in the old language still): what
      // was typed meanwhile counts.
      const key = roi ? untouchedExample(roi, store.getState()) : null;
      const from = store.getState().view.lang;
      dispatch({ type: 'lang', lang: d.lang });
      // A worked example nobody has changed speaks the page's language: its
      // name and cost labels are the example's, not words the user typed.
      if (key) openExample(store, roi, key);
      // Changed since, the words the page wrote follow the language too
      // (not « Campaign billed per meeting » on the French page).
      else if (roi) for (const edit of pageWords(roi, store.getState().scenario, from, d.lang)) dispatch({ type: 'edit', ...edit });
    });
  } else if (b.id === 'channel-add') {
    const key = $('preset').value;
    dispatch({ type: 'channelAdd', preset: key, name: ctx().t('pn:' + key) });
    document.querySelector('#channel-list .channel:last-child [name]')?.focus();
  } else if (d.chdup !== undefined || d.chdel !== undefined) {
    const i = Number(d.chdup ?? d.chdel);
    if (d.chdup !== undefined) dispatch({ type: 'channelDuplicate', index: i });
    // A channel's fifteen fields go at once: with a way back.
    else back.wayBack({ key: 'chRemoved', params: { n: store.getState().scenario.channels?.[i]?.name || ctx().t('channelN', { n: i + 1 }) } }, () => (dispatch({ type: 'channelRemove', index: i }), true), { focus: 'channel-add', place: 'channel-undo' });
    (document.querySelector(`#channel-list [data-channel="${d.chdup !== undefined ? i + 1 : i}"] [name]`) || $('channel-add')).focus();
  } else if (d.clone !== undefined) {
    const { scenario } = store.getState(), t = ctx().t;
    dispatch({ type: 'cloneAsChannel', name: t('cloneName', { name: scenario.name || t('thisCampaign') }) });
    document.querySelector('#channel-list .channel:last-child [name]')?.focus();
  } else if (b.id === 'sum-toggle') {
    dispatch({ type: 'summaryToggle' });
  } else if (b.id === 'cmp-sort') {
    dispatch({ type: 'sortByRank' });
  } else if (b.id === 'cmp-all') {
    dispatch({ type: 'cmpAll' });
  } else if (b.id === 'lib-save') {
    lib.save();
  } else if (d.libopen !== undefined) {
    back.wayBack({ key: 'lib.replaced', params: { n: d.libopen } }, () => lib.open(d.libopen), { focus: 'lib-name' });
  } else if (d.librename !== undefined) {
    if (!lib.rename(d.librename)) $('lib-name').focus();
  } else if (d.libdel !== undefined) {
    lib.remove(d.libdel);
  } else if (b.id === 'lib-compare') {
    lib.compare();
  } else if (b.id === 'print') {
    window.print();
  } else if (b.id === 'export-json' || d.action === 'export-json') {
    files.exportJson();
  } else if (b.id === 'export-cmp' || b.id === 'export-bill') {
    files.exportCsv(b.id === 'export-cmp');
  } else if (b.id === 'sim-cancel') {
    sim?.cancel();
  } else if (b.id === 'copy') {
    copyLink(store);
  } else if (b.id === 'reset') {
    // The next prospect's report is not addressed to the last one: « Préparé
    // pour » goes too (« Préparé par », the rep, stays).
    const client = store.getState().view.preparedFor;
    back.wayBack({ key: 'resetDone' }, () => {
      openExample(store, roi, 'pay-per-meeting');
      if (client) dispatch({ type: 'prepared', who: 'for', text: '' });
      return true;
    }, { client });
  } else if (d.action === 'undo-libdel') {
    lib.restore(back.takeNotice(b).item);
  } else if (d.action === 'undo-reset') {
    back.giveBack(back.takeNotice(b));
  } else if (b.classList.contains('close') && b.closest('.notice')) {
    dispatch({ type: 'dismiss', id: Number(b.closest('.notice').dataset.notice) });
  }
}
