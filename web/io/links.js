// Scenario links: the worked examples, opening the fragment (or an example),
// the address to share, and keeping the address in step with the state
// (fragment = last valid scenario; lang, samples, seed in the query).
import { writeSimParams, writeRetroParams, writeFragment, splitFragment, PRIVATE } from '../state/view.js';
import { PRESETS as CHANNEL_PRESETS } from '../components/channels/presets.js';
import { observedCounts } from '../state/observed.js';
import { tr } from '../i18n.js';
import { problemData } from '../components/problems.js';
import { EXAMPLES } from '../examples.js';

// The worked examples live in web/examples.js (the widget reads them too).
export { EXAMPLES };
export const DEFAULT_LINK = EXAMPLES['pay-per-meeting'];

/** A worked example, its name and cost labels in lang when the language's
 *  table gives them ("ex:<example>", "ex:<example>:<i>"); the link's French
 *  otherwise. */
export function exampleScenario(roi, key, lang) {
  const sc = roi.decodeLink(EXAMPLES[key]).scenario;
  const own = (k) => (tr(lang, k) === k ? undefined : tr(lang, k));
  sc.name = own('ex:' + key) ?? sc.name;
  (sc.costs?.fixed || []).forEach((f, i) => { f.label = own(`ex:${key}:${i}`) ?? f.label; });
  return sc;
}

/** The worked example the state shows exactly as it opens in the state's
 *  language (the same canonical document, nothing typed and refused, not
 *  in retrospective mode), or null. */
export function untouchedExample(roi, state) {
  if (state.view.retro || Object.keys(state.invalid).length) return null;
  const text = (sc) => { const c = roi.canonical(sc); return c.ok === false ? null : JSON.stringify(c); };
  const now = text(state.scenario);
  if (now === null) return null;
  return Object.keys(EXAMPLES).find((k) => text(exampleScenario(roi, k, state.view.lang)) === now) ?? null;
}

/** The edits ({ path, text }) that put the words the page itself wrote,
 *  still as it wrote them in language `from`, into language `to`: a worked
 *  example's name and cost labels, and the names of channels still named
 *  as their preset named them (« Contenu / SEO »).  For a scenario changed
 *  since it opened (a language switch, a way back taken in the other
 *  language): words the user typed stay as typed. */
export function pageWords(roi, scenario, from, to) {
  const edits = [];
  const pairs = Object.keys(EXAMPLES).map((k) => [exampleScenario(roi, k, from), exampleScenario(roi, k, to)]);
  for (const [a, b] of pairs) {
    if (a.name && scenario.name === a.name && a.name !== b.name) edits.push({ path: 'name', text: b.name });
    if (scenario.name !== a.name && scenario.name !== b.name) continue;
    (scenario.costs?.fixed || []).forEach((f, i) => {
      const fa = a.costs?.fixed?.[i]?.label, fb = b.costs?.fixed?.[i]?.label;
      if (fa && f.label === fa && fa !== fb) edits.push({ path: `costs.fixed[${i}].label`, text: fb });
    });
    if (edits.length) break;
  }
  // The page's names, from -> to (a copy « Compare this campaign as a channel » named).
  const names = [[tr(from, 'thisCampaign'), tr(to, 'thisCampaign')], ...pairs.map(([a, b]) => [a.name, b.name])];
  (scenario.channels || []).forEach((c, i) => {
    const k = Object.keys(CHANNEL_PRESETS).find((p) => c?.name && c.name === tr(from, 'pn:' + p));
    const text = k ? tr(to, 'pn:' + k) : cloneWords(c?.name, from, to, names);
    if (text && text !== c.name) edits.push({ path: `channels[${i}].name`, text });
  });
  return edits;
}

/** A copy's name as « Compare this campaign as a channel » wrote it in
 *  language `from` (« {name} (copie) »), in language `to`: the campaign's
 *  name inside follows when the page wrote it too (names: [from, to] pairs,
 *  « Cette campagne » and the worked examples' names); null for any other
 *  name. */
function cloneWords(name, from, to, names) {
  const [pre, post] = tr(from, 'cloneName').split('{name}');
  if (typeof name !== 'string' || post === undefined || name.length < pre.length + post.length
    || !name.startsWith(pre) || !name.endsWith(post)) return null;
  const inner = name.slice(pre.length, name.length - post.length);
  return tr(to, 'cloneName', { name: names.find(([a]) => a === inner)?.[1] ?? inner });
}

/** Opens a worked example (the key of EXAMPLES; pay per meeting otherwise),
 *  named in the page's language; the address keeps the example's link. */
export function openExample(store, roi, key) {
  const k = Object.hasOwn(EXAMPLES, key) ? key : 'pay-per-meeting';
  store.dispatch({ type: 'load', scenario: exampleScenario(roi, k, store.getState().view.lang), link: EXAMPLES[k] });
}

/** The notice of a refused link ({ errors } of the Error decodeLink threw)
 *  and of a link's warnings: entries kept as data (code, params), so a
 *  change of language translates them again. */
export const linkRefused = (e) => ({ type: 'notice', kind: 'bad', title: { key: 'linkBad' }, items: problemData(e?.errors) });
export const linkWarned = (warnings) => ({ type: 'notice', kind: 'warn', title: { key: 'linkWarn' }, items: problemData(warnings) });

// What a shared link keeps: the scenario (fragment) and the view settings a
// reader needs; not how one host page framed the widget.
const FRAMING = ['embed', 'host', 'sections', 'accent', 'font', 'theme', 'cta', 'ctaurl', 'currency', 'example'];

/** The address to share, print or hand to the host: this page, its scenario. */
export function shareUrl() {
  const url = new URL(pending || location.href); // the address as it is about to be
  // full.html, which embed.js frames for the full embed, is this page under
  // the name any site may frame (deploy/headers.json): the link opens the
  // full page at its own address.
  url.pathname = url.pathname.replace(/\/full\.html$/, '/index.html');
  for (const k of FRAMING) url.searchParams.delete(k);
  return url.href;
}

/** Whether a fragment (without '#') holds a scenario: key=value pairs, as
 *  every link the core writes; "#results" names a place in the page. */
export const isScenarioFragment = (raw) => /=/.test(raw);

/** Opens the scenario in the fragment, if any; the example otherwise. */
export function openFromHash(store, roi) {
  const { dispatch } = store;
  const raw = splitFragment(location.hash.replace(/^#/, '')).link;
  const asked = store.getState().view.example;
  if (!isScenarioFragment(raw)) return openExample(store, roi, asked);
  let decoded;
  try {
    decoded = roi.decodeLink(raw);
  } catch (e) {
    dispatch(linkRefused(e));
    return openExample(store, roi, asked);
  }
  if (decoded.warnings.length) dispatch(linkWarned(decoded.warnings));
  dispatch({ type: 'load', scenario: decoded.scenario, link: raw });
}

// The address is written once the frame that shows the change is painted:
// history.replaceState costs about 3 ms a call in Chromium, a fifth of the
// budget from a keystroke to the updated results.  pending holds the
// address to write until then (shareUrl reads it).
let pending = null;
function flushAddress() {
  if (pending) history.replaceState(null, '', pending);
  pending = null;
}
const later = () => requestAnimationFrame(() => setTimeout(flushAddress, 0));

/** Keeps the address in step: the fragment follows the last valid scenario
 *  (its link left out when that one is too big for a link, so that the
 *  address never holds another scenario), then « Préparé pour / par » and
 *  the observed counts; the query the view settings the user changed. */
export function followAddress(store) {
  // The visitor moved in the history (Back, a fragment typed): that address
  // is the one to follow, not a write still waiting.
  window.addEventListener('popstate', () => { pending = null; });
  store.subscribe((state, prev) => {
    const url = new URL(pending || location.href);
    let changed = false;
    const v = state.view, pv = prev.view;
    // An older link's names and counts in the query (which reaches the
    // server) move to the fragment at its first write.
    const legacy = PRIVATE.some((k) => url.searchParams.has(k));
    // The fragment: the scenario's link, then the private view settings.
    const now = splitFragment(url.hash.replace(/^#/, '')).link;
    const link = state.link !== prev.link && (state.link || state.tooLong) ? state.link : now;
    if (legacy || link !== now || v.preparedFor !== pv.preparedFor || v.preparedBy !== pv.preparedBy || v.retro !== pv.retro || state.observed !== prev.observed) {
      const hash = writeFragment(link, v, observedCounts(state.observed, v.lang));
      if (hash !== url.hash.replace(/^#/, '')) { url.hash = hash; changed = true; }
    }
    if (v.lang !== pv.lang) { url.searchParams.set('lang', v.lang); changed = true; }
    if (legacy || v.samples !== pv.samples || v.seedText !== pv.seedText || v.preparedFor !== pv.preparedFor || v.preparedBy !== pv.preparedBy) {
      url.search = writeSimParams(url.search, v).toString();
      changed = true;
    }
    if (legacy || v.retro !== pv.retro || state.observed !== prev.observed) {
      url.search = writeRetroParams(url.search, v.retro).toString();
      changed = true;
    }
    if (!changed) return;
    if (!pending) later();
    pending = url.href;
  });
}
