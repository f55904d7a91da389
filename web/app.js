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
import { openFromHash, openExample, followAddress, shareUrl, untouchedExample, isScenarioFragment, pageWords } from './io/links.js';
import { embedOptions, connectHost } from './io/embed.js';
import { startSimulation } from './io/simulation.js';
import { observedCounts } from './state/observed.js';
import { libraryActions } from './io/library.js';
import { fileActions } from './io/files.js';
import { linkFor } from './export.js';
import { onResize, printWidths } from './charts/charts.js';
// The core's field table (`roi fields`, written at build time): a module, so
// that the production bundle holds it and nothing waits for a fetch.
import coreFields from './engine/fields.js';

let roi = null;
let lib = null, files = null; // once the engine is there
const store = createStore(update, initialState(viewFromQuery(location.search, navigator.languages || [navigator.language || ''], location.hash.replace(/^#/, ''))));
const { dispatch } = store;

/** What renderers need besides the state: text and numbers in its language. */
const ctxCache = { key: null, ctx: null };
function ctxOf(state) {
  const cur = state.result?.currency || state.scenario.currency || 'EUR';
  const key = state.view.lang + ' ' + cur + ' ' + (roi ? 1 : 0);
  if (ctxCache.key !== key) {
    const lang = state.view.lang;
    ctxCache.key = key;
    const t = (k, p) => tr(lang, k, p), fmt = withWords(makeFormat(lang, cur), t);
    // explain, problem, labelled, item: the core's errors and warnings in
    // this language (errors.js), for the form, the results and the notices.
    ctxCache.ctx = { t, fmt, roi, ...problemTexts(lang, fmt, t) };
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
  if (roi) report.render(state, prev, c);
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

const embed = embedOptions(location.search);
const host = connectHost(embed, store, () => roi);
host.apply();
// The engine (wasm download and compile) loads while the form is built.
const engine = import('./engine/roi.js');
await loadLang(store.getState().view.lang);
applyCoreFields(coreFields);
form.build(ctx().t);
store.subscribe(evaluate);
followAddress(store);
store.subscribe(render);
render(store.getState(), { ...store.getState(), view: { ...store.getState().view, lang: null } });
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
  if (!file || !files) return;
  if (file.size > 1024 * 1024) return files.importFile(file, null); // refused unread
  // Read first (the scenario it may replace is the one shown when it is read).
  file.text().then((text) => wayBack({ key: 'imported', params: { n: file.name } }, () => files.importFile(file, text), { always: true, focus: 'export-json' }),
    (err) => files.importFile(file, null, err));
});

/** Replaces the scenario shown (replace() returns whether it did), with a
 *  way back: the scenario replaced rides in a notice, « Revenir à mon
 *  scénario » reopens it, with its counts typed in retrospective mode and
 *  « Préparé pour » (client).  An example nobody changed is not worth one,
 *  unless always (an import says it was done either way).  focus: the id
 *  the focus goes back to; place: the box the notice shows in (update.js). */
function wayBack(title, replace, { client = '', always = false, focus = 'reset', place } = {}) {
  const state = store.getState();
  const { valid, view, observed, library } = state;
  const worth = valid && (client || !untouchedExample(roi, state));
  const counts = view.retro ? observedCounts(observed, view.lang) : null;
  // A way back offered already (reset, then another scenario opened over
  // the untouched example): it still leads to the work before, under the
  // words of what was just done.
  const before = state.notices.find((n) => n.tag === 'reset' && n.action)?.action;
  if (!replace()) return;
  // What « Revenir » gives back: the scenario, its counts, « Préparé pour »,
  // the name in « Mes scénarios » (the one it would be saved under) and
  // where the focus goes back to.
  const action = worth ? { id: 'undo-reset', key: 'undo', scenario: valid, counts, client, lib: { name: library.name, current: library.current }, focus, lang: view.lang } : before;
  if (action) dispatch({ type: 'notice', kind: 'info', title, action, tag: 'reset', place });
  else if (always) dispatch({ type: 'notice', kind: 'info', title, tag: 'done' }); // not over a way back still offered
}
/** « Revenir à mon scénario »: what wayBack's notice holds (its action),
 *  given back as it was left. */
function giveBack(a) {
  dispatch({ type: 'load', scenario: a.scenario }); // as it was: no view currency applied over it
  if (a.counts) dispatch({ type: 'retro', on: true, counts: a.counts });
  if (a.client) dispatch({ type: 'prepared', who: 'for', text: a.client });
  if (a.lib) dispatch({ type: 'libRestore', ...a.lib });
  // Given back in another language than it was left in: the words the page wrote follow.
  const lang = store.getState().view.lang;
  if (a.lang && a.lang !== lang) for (const edit of pageWords(roi, a.scenario, a.lang, lang)) dispatch({ type: 'edit', ...edit });
  $(a.focus || 'reset').focus();
}

/** The notice whose action button b is: dismissed; returns its action. */
function takeNotice(b) {
  const n = store.getState().notices.find((x) => x.id === Number(b.closest('.notice').dataset.notice));
  dispatch({ type: 'dismiss', id: n.id });
  return n.action;
}
// Printing: the QR code, and the charts drawn at the page's width, then at
// the window's again (the results rendered again: every chart).
const redrawAll = () => { const s = store.getState(); render(s, { ...s, result: null }); };
window.addEventListener('beforeprint', () => { report.drawQr(); printWidths(true); redrawAll(); });
window.addEventListener('afterprint', () => { printWidths(false); redrawAll(); });

try {
  roi = await engine;
} catch (e) {
  $('loading').textContent = ctx().t('noEngine');
  throw e;
}
lib = libraryActions(store, roi, ctx);
files = fileActions(store, roi, ctx);
$('loading').remove();
$('engine').textContent = ctx().t('engine', { v: roi.version });
lib.refresh();
openFromHash(store, roi);
// A link shared in retrospective mode opens with its counts shown again.
if (store.getState().view.retroOn) dispatch({ type: 'retro', on: true, counts: store.getState().view.retroCounts });
window.addEventListener('hashchange', () => {
  // Only a scenario link (key=value pairs) opens a scenario: "#results" and
  // the like are places in the page, not an empty scenario.
  const { link: h, own } = splitFragment(location.hash.replace(/^#/, ''));
  if (!isScenarioFragment(h)) return; // a place in the page (#results)
  if (h !== store.getState().link) openFromHash(store, roi);
  // A link pasted into this tab: in retrospective mode (the query's
  // retro=1) with its counts, and its own client and preparer (none: none).
  const counts = readCounts(own.get('obs'));
  if (new URLSearchParams(location.search).get('retro') === '1' && counts) dispatch({ type: 'retro', on: true, counts });
  for (const who of ['for', 'by']) dispatch({ type: 'prepared', who, text: own.get('p' + who) ?? '' });
});
// The skip link moves focus to the results without touching the address
// (which holds the scenario's link, the one a rep copies).
document.querySelector('a.skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  $('results').focus();
});
onResize($('pbchart'), () => results.redrawPayback(asShown(store.getState()), ctx()));
onResize($('schedchart'), () => schedule.redraw(asShown(store.getState()), ctx()));
document.documentElement.dataset.ready = '1';
performance.mark('roi:ready'); // the engine's figures on screen, input accepted (bench)
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

let flashTimer = 0;
async function copyLink() {
  const { tooLong } = store.getState();
  if (tooLong) {
    // No link holds this scenario: say so (size, limit), copy nothing.
    dispatch({ type: 'copy', message: { key: 'linkLongShort', num: tooLong } });
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => dispatch({ type: 'copy', message: null }), 4000);
    return;
  }
  const url = shareUrl();
  try {
    await navigator.clipboard.writeText(url);
    dispatch({ type: 'copy', message: 'copied' });
  } catch {
    // No clipboard (permissions, http): show the link, selected, to copy by hand.
    dispatch({ type: 'copy', message: 'copyManual', manual: url });
    $('linkfield').focus();
    $('linkfield').select();
  }
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => dispatch({ type: 'copy', message: null }), 4000);
}

function onClick(e) {
  const b = e.target.closest('button');
  if (!b || (!roi && !b.dataset.lang)) return;
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
    loadLang(d.lang).then(() => {
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
    else wayBack({ key: 'chRemoved', params: { n: store.getState().scenario.channels?.[i]?.name || ctx().t('channelN', { n: i + 1 }) } }, () => (dispatch({ type: 'channelRemove', index: i }), true), { focus: 'channel-add', place: 'channel-undo' });
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
    wayBack({ key: 'lib.replaced', params: { n: d.libopen } }, () => lib.open(d.libopen), { focus: 'lib-name' });
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
    copyLink();
  } else if (b.id === 'reset') {
    // The next prospect's report is not addressed to the last one: « Préparé
    // pour » goes too (« Préparé par », the rep, stays).
    const client = store.getState().view.preparedFor;
    wayBack({ key: 'resetDone' }, () => {
      openExample(store, roi, 'pay-per-meeting');
      if (client) dispatch({ type: 'prepared', who: 'for', text: '' });
      return true;
    }, { client });
  } else if (d.action === 'undo-libdel') {
    lib.restore(takeNotice(b).item);
  } else if (d.action === 'undo-reset') {
    giveBack(takeNotice(b));
  } else if (b.classList.contains('close') && b.closest('.notice')) {
    dispatch({ type: 'dismiss', id: Number(b.closest('.notice').dataset.notice) });
  }
}
