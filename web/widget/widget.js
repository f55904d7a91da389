// The lead-generation widget's entry (widget.html): a few questions with
// sliders, one answer in words, the call to action after it.  One store,
// one update function (state.js), renderers that only write the DOM
// (questions.js, answer.js) and the effects: the lite engine (evaluation
// and links: every number is the C core's), the host page (host.js).
import { createStore } from '../state/store.js';
import { makeFormat } from '../format.js';
import { dict, fill } from '../i18n-dict.js';
import { linkFor } from '../export.js';
import { setPath, getPath } from '../state/scenario.js';
import { readConfig, startLink } from './config.js';
import { QUESTIONS, PRESETS, PRESET_OF_MODEL, DEFAULT_PRESET, questionKeys, boundsOf, priceKey } from './presets.js';
import { initialState, update } from './state.js';
import { facts } from './verdict.js';
import * as questions from './questions.js';
import * as answerView from './answer.js';
import { connectHost } from './host.js';
import fr from './texts-fr.js';

const $ = (id) => document.getElementById(id);
// A preset's own page (widget-<preset>.html) opens on that preset when the
// address names none: its guard script carries it (scripts/prerender.mjs).
const built = document.querySelector('script[data-preset]')?.dataset.preset ?? null;
const config = readConfig(location.search, location.hash, navigator.languages || [navigator.language || ''], built);
const lang = config.lang;
// The engine (wasm download and compile) and, for data-example, the worked
// examples load side by side; so do the English texts, a chunk of their own
// (French, the default, is in this module: most visitors fetch one table).
const engine = import('../engine/roi_lite.js');
const examples = config.example ? import('../examples.js') : null;
const english = lang === 'en' ? import('./texts-en.js') : null;
dict[lang] = { ...(english ? (await english).default : fr) };
const plural = new Intl.PluralRules(lang === 'en' ? 'en-GB' : 'fr-FR');
/** A text of the widget; n: the number a ".one" form agrees with. */
const t = (key, params = {}, n) => {
  const d = dict[lang];
  const k = n !== undefined && Object.hasOwn(d, key + '.' + plural.select(n)) ? key + '.' + plural.select(n) : key;
  return fill(d[k] ?? key, params);
};

// Framing: language, theme, accent, font.
const root = document.documentElement;
root.lang = lang;
document.title = t('title');
if (config.theme) root.dataset.theme = config.theme;
if (config.accent) {
  root.style.setProperty('--accent', config.accent);
  root.style.setProperty('--on-accent', onAccent(config.accent));
}
if (config.font) root.style.setProperty('--font', `"${config.font}", system-ui, sans-serif`);
for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);

let roi;
try {
  roi = await engine;
} catch (e) {
  $('big').textContent = t('noEngine');
  throw e;
}

// The baseline: the host's scenario, or the preset's starting values with
// the host's after them, decoded by the core (a refused link: the preset's).
let baseline;
try {
  baseline = roi.decodeLink(startLink(config, examples ? (await examples).EXAMPLES : {})).scenario;
} catch {
  baseline = roi.decodeLink(PRESETS[config.preset || DEFAULT_PRESET].start).scenario;
}
if (config.currency) baseline.currency = config.currency;
const preset = config.preset || PRESET_OF_MODEL[baseline.costs.model] || DEFAULT_PRESET;
const entry = baseline.funnel.entry;

// The questions of this preset for this scenario, in the prospect's words;
// what the host's scenario sets beyond the preset's starting values joins
// « Hypothèses »: nothing that decides the answer is hidden.
const start = roi.decodeLink(PRESETS[preset].start).scenario;
const keys = questionKeys(preset, baseline.costs.model, config.questions,
  Object.keys(QUESTIONS).filter((k) => getPath(baseline, QUESTIONS[k].path) !== getPath(start, QUESTIONS[k].path)));
const fmt = makeFormat(lang, baseline.currency);
const symbol = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: baseline.currency })
  .formatToParts(0).find((p) => p.type === 'currency')?.value ?? baseline.currency;
const perCaller = keys.up.includes('ops') || keys.more.includes('ops') || baseline.time.operators !== 1;
// The host's slider bounds, each end one the core accepts for the field.
const accepts = (path, v) => roi.evaluate(setPath(baseline, path, v)).ok;
const hostBounds = {};
for (const [k, b] of Object.entries(config.bounds)) {
  const key = k === 'price' ? priceKey(baseline.costs.model) : k, path = QUESTIONS[key].path;
  if (accepts(path, b.min) && accepts(path, b.max)) hostBounds[key] = b;
}
const describe = (key) => {
  const q = QUESTIONS[key];
  const variant = key === 'vol' ? (Object.hasOwn(dict[lang], 'q:vol:' + entry) ? ':' + entry : '') : key === 'hrs' && !perCaller ? '1' : '';
  return {
    key, path: q.path, kind: q.kind, ...boundsOf(key, { entry, host: hostBounds }),
    label: 'q:' + key + variant, short: 'a:' + key + variant,
    unit: q.kind === 'money' ? symbol : q.kind === 'pct' ? '%' : q.kind === 'hours' ? 'h' : '',
  };
};
const up = keys.up.map(describe), more = keys.more.map(describe), all = [...up, ...more];
questions.build($('qs'), up, t);
questions.build($('qs-more'), more, t);
$('more').hidden = !more.length;
answerView.build(PRESETS[preset].figure, t, !root.classList.contains('pre-off'));
root.dataset.preset = preset;

const cta = config.cta;
if (cta) {
  const a = $('cta');
  a.href = cta.url;
  a.hidden = false;
} else $('cta').remove();

const store = createStore(update, initialState({ lang, kinds: Object.fromEntries(all.map((q) => [q.path, q])) }));
const { dispatch } = store;
const baselineLink = linkFor(roi, baseline).link;

const ctx = {
  t, fmt, lang, figure: PRESETS[preset].figure, more, cta, baselineLink,
  facts, // the scenario is the core's canonical document: every field is there
  each: baseline.currency === 'EUR' ? { lower: t('each'), upper: t('Each') } : { lower: fmt.money(1), upper: fmt.money(1) },
  // A refusal's text (empty until explain.js is loaded), numbers as the field shows them.
  explain(err) {
    const kind = (field) => all.find((q) => q.path === field)?.kind;
    return explainText ? explainText(err, {
      beside: true, // the field beside shows the value typed
      format: (field, v) => (kind(field) === 'pct' ? fmt.pct(v) : kind(field) === 'money' ? fmt.money(v) : fmt.num(v)),
      count: (v) => fmt.num(v),
    }) : '';
  },
};

/** The core's answer for every new scenario: one evaluate call, and its link. */
function evaluate(state, prev) {
  if (state.scenario === prev.scenario && state.invalid === prev.invalid) return;
  const result = roi.evaluate(state.scenario);
  const l = result.ok && !Object.keys(state.invalid).length ? linkFor(roi, state.scenario) : { link: null };
  dispatch({ type: 'evaluated', result, link: l.link ?? null });
}

/** The refusals' texts (explain.js), loaded the first time one is shown. */
let explainText = null, loading = false;
function loadErrorTexts(state) {
  if (loading || (!state.errors.length && !Object.keys(state.invalid).length)) return;
  loading = true;
  import('./explain.js').then((m) => m.load(lang)).then((fn) => {
    explainText = fn;
    dispatch({ type: 'errorTexts' });
  });
}

function render(state, prev) {
  questions.render(state, prev, all, ctx);
  answerView.render(state, prev, ctx);
  // What widget.html held from the build (scripts/prerender.mjs), hidden for
  // another address, is this widget's own from its first answer on.
  if (state.result && !prev.result) root.classList.remove('pre-off');
}

store.subscribe(evaluate);
store.subscribe(loadErrorTexts);
store.subscribe(render);
const host = connectHost(config, store, () => roi, () => preset);
dispatch({ type: 'load', scenario: baseline });
root.dataset.ready = '1';
host.height(document.body);
host.ready();

/** The text colour on a host's accent ("#c2410c" or "#c24"): white or ink,
 *  whichever contrasts more (WCAG relative luminance). */
function onAccent(hex) {
  const h = hex.length === 4 ? hex.replace(/\w/g, '$&$&') : hex;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#0b1220' : '#ffffff';
}

/* ---- the visitor's moves, as actions ---------------------------------------- */

$('w').addEventListener('submit', (e) => e.preventDefault());
$('w').addEventListener('input', (e) => {
  const el = e.target;
  const q = all.find((x) => x.path === (el.dataset.path || el.name));
  if (!q) return;
  if (el.type === 'range') dispatch({ type: 'slide', path: q.path, text: el.step === 'any' ? questions.snap(q, el.value) : el.value });
  else dispatch({ type: 'edit', path: q.path, text: el.value });
});
// A slider showing a typed value off its grid (step "any") steps to the
// grid's next value, as it does from a value on it.
$('w').addEventListener('keydown', (e) => {
  const el = e.target, n = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
  if (el.type !== 'range' || el.step !== 'any' || !n) return;
  const q = all.find((x) => x.path === el.dataset.path);
  if (!q) return;
  e.preventDefault();
  dispatch({ type: 'slide', path: q.path, text: questions.stepFrom(q, el.value, n, Number(el.min), Number(el.max)) });
});
$('w').addEventListener('change', (e) => {
  if (e.target.type !== 'range' && e.target.name) dispatch({ type: 'commit', path: e.target.name });
});
// « Hypothèses » opens or closes through the state, in one frame with its
// title's new text: the browser's own toggle would show the open section
// under the closed title's longer line for a frame first, and the host's
// frame would jump twice.  (The toggle event still follows whatever else
// opens it: the browser's find in page.)
$('more').querySelector('summary').addEventListener('click', (e) => {
  e.preventDefault();
  dispatch({ type: 'open', open: !store.getState().open });
});
$('more').addEventListener('toggle', () => dispatch({ type: 'open', open: $('more').open }));
// The button then hides: the focus goes to the first question, not the body.
$('reset').addEventListener('click', () => { dispatch({ type: 'reset' }); $('w').querySelector('input').focus(); });
$('cta')?.addEventListener('click', () => host.cta());
