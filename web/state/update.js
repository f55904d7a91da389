// The one update function: update(state, action) -> state, pure.  Every
// change of the page goes through it; renderers only read the state.
import { fieldOf, RATE_INTO, FIELDS, COUNT, RAMP_MAX, STAGES } from '../fields.js';
import { channelFromPreset, MAX_CHANNELS } from '../components/channels/presets.js';
import { getPath, setPath, dropList, shiftList, omit } from './scenario.js';
import { readValue, showValue } from './values.js';
import { observe } from './observed.js';
import { cleanPrepared } from './view.js';

const FIXED_RE = /^costs\.fixed\[(\d+)\]\.(label|amount)$/;
const RAMP_RE = /^schedule\.ramp\[(\d+)\]$/;
const RANGE_RE = /^uncertainty\.ranges\.(.+)\.(low|high)$/;
// What a channel does not take from the campaign it is cloned from.
export const CAMPAIGN_ONLY = ['channels', 'uncertainty', 'reallocation', 'schedule', 'goal'];

/** The state before the engine answered anything. */
export function initialState(view) {
  return {
    view, // lang, retro, samples, seedText, byRank, currency, example
    scenario: {},
    texts: {}, // path -> what the user typed, until the next load or language change
    invalid: {}, // path -> { key, params, num }: typing the page itself refuses
    observed: {}, // stage -> typed count (retrospective mode)
    derived: {}, // path -> value taken from the observed counts
    check: { errors: [], warnings: [] }, // the core's verdict on the scenario
    result: null, // last valid result
    link: '', // link of the last valid scenario ('' when it is too big for one)
    valid: null, // the last valid scenario (what export, save and the host get)
    tooLong: null, // { bytes, max } while the last valid scenario is too big for a link
    stale: false, // the form holds something invalid: results are the last valid ones
    loads: 0, // scenarios opened: the form is refilled from the scenario
    sim: { id: 0, running: false, samples: 0, status: null, last: null },
    notices: [], // { id, kind, title: { key, params, num, suffix }, items: [core entry { field, code, params } or message { key, params }], action?: { id, key, ...its data }, tag? }
    noticeSeq: 0,
    library: { items: [], picked: [], name: '', current: null, confirm: null, message: null, side: null },
    copy: { message: null, manual: null },
    skipMemo: {}, // stage -> { rate, range, text } set aside while the stage is skipped
  };
}

export function update(state, action) {
  const fn = HANDLERS[action.type];
  if (!fn) throw new Error('unknown action ' + action.type);
  return fn(state, action);
}

const HANDLERS = {
  /** A scenario to show (a link, an example, a saved or imported one).
   *  link: the link it came from, when the view's currency applies. */
  load(state, { scenario, link = null }) {
    let s = scenario;
    if (state.view.currency && typeof link === 'string' && !/(^|&)cur?=/.test(link)) s = { ...s, currency: state.view.currency };
    // The scenario shown is no saved one any more (libOpened says when it
    // is): « Enregistrer » asks before writing over any saved name.
    return {
      ...state, scenario: s, texts: {}, invalid: {}, observed: {}, derived: {}, result: null, stale: false, skipMemo: {},
      view: { ...state.view, retro: false }, loads: state.loads + 1, library: { ...state.library, current: null, confirm: null },
    };
  },

  /** Text typed into a field whose name is `path`. */
  edit(state, { path, text }) {
    const lang = state.view.lang;
    if (path.startsWith('observed.')) {
      return observe({ ...state, observed: { ...state.observed, [path.slice(9)]: text } });
    }
    let { scenario, invalid } = state;
    const texts = { ...state.texts, [path]: text };
    const fixed = FIXED_RE.exec(path);
    const range = RANGE_RE.exec(path);
    if (fixed) {
      if (fixed[2] === 'label') scenario = setPath(scenario, path, text);
      else {
        const r = readValue(fieldOf(path), text, lang);
        invalid = r.error ? { ...invalid, [path]: { key: r.error } } : omit(invalid, [path]);
        scenario = setPath(scenario, path, r.error ? 0 : (r.value ?? 0));
      }
    } else if (range) {
      // Both bounds or neither.
      const field = range[1], fd = FIELDS.get(field);
      const paths = ['low', 'high'].map((e) => `uncertainty.ranges.${field}.${e}`);
      const old = getPath(scenario, 'uncertainty.ranges')?.[field];
      const vals = paths.map((p, i) => (p in texts ? readValue(fd, texts[p], lang) : { value: old?.[i] }));
      invalid = omit(invalid, paths);
      vals.forEach((v, i) => { if (v.error) invalid[paths[i]] = { key: v.error }; });
      if (!vals.some((v) => v.error)) {
        const [lo, hi] = vals.map((v) => v.value);
        const ranges = { ...(getPath(scenario, 'uncertainty.ranges') || {}) };
        if (lo === undefined && hi === undefined) delete ranges[field];
        else if (lo === undefined || hi === undefined) invalid[paths[lo === undefined ? 0 : 1]] = { key: 'e:bothBounds' };
        else ranges[field] = [lo, hi];
        scenario = setPath(scenario, 'uncertainty.ranges', ranges);
      }
    } else if (RAMP_RE.test(path)) {
      // A ramp month keeps its place in the list: an empty one is refused, not dropped.
      const r = readValue(fieldOf(path), text, lang);
      if (r.error || r.value === undefined) invalid = { ...invalid, [path]: { key: r.error || 'e:rampEmpty' } };
      else { invalid = omit(invalid, [path]); scenario = setPath(scenario, path, r.value); }
    } else {
      const fd = fieldOf(path);
      if (!fd) return state;
      const r = readValue(fd, text, lang);
      // An empty choice ("no goal") removes the value.
      const value = fd.kind === 'select' && r.value === '' ? undefined : r.value;
      if (r.error) invalid = { ...invalid, [path]: { key: r.error } };
      // A field emptied while typing changes nothing yet (the figures do not
      // jump to the default's, a close rate of 100 %, between two
      // keystrokes): the field, left empty, takes its default (commit).
      else if (value === undefined && fd.kind !== 'select') invalid = omit(invalid, [path]);
      else { invalid = omit(invalid, [path]); scenario = setPath(scenario, path, value); }
    }
    const next = { ...state, scenario, texts, invalid };
    // Another billing model or basis: another stage must be counted (observe).
    return state.view.retro && (path === 'costs.model' || path === 'costs.meeting_basis') ? observe(next) : next;
  },

  /** A field left (its change event) empty: an amount or a count takes its
   *  default, none (0, the placeholder it shows), and the figures follow; a
   *  field whose default is something (a rate's 100 %, one téléopérateur)
   *  is refused instead, the figures kept on its previous value: a close
   *  rate left blank must not turn silently into 100 %. */
  commit(state, { path }) {
    const fd = fieldOf(path);
    if (state.texts[path]?.trim() !== '' || !fd || FIXED_RE.test(path) || RANGE_RE.test(path) || RAMP_RE.test(path)) return state;
    if (typeof fd.dflt === 'number' && fd.dflt !== 0) {
      // The message says which value the results keep (« 25 % »).
      const lang = state.view.lang, v = showValue(fd, getPath(state.scenario, path) ?? fd.dflt, lang);
      return { ...state, invalid: { ...state.invalid, [path]: { key: 'e:empty', params: { v: v + (fd.kind === 'pct' ? (lang === 'fr' ? '\u00a0%' : '%') : '') } } } };
    }
    return { ...state, scenario: setPath(state.scenario, path, undefined), texts: omit(state.texts, [path]) };
  },

  /** Retrospective mode on or off; on, the entry count is the first observed
   *  one, or the counts given (a link reopened with ?retro=1#…&_obs=…). */
  retro(state, { on, counts = null }) {
    let observed = state.observed;
    if (on && counts) {
      observed = {};
      for (const [s, n] of Object.entries(counts)) if (STAGES.includes(s)) observed[s] = showValue(COUNT, n, state.view.lang);
    } else if (on) {
      const entry = getPath(state.scenario, 'funnel.entry') ?? 'calls';
      observed = { [entry]: showValue(COUNT, getPath(state.scenario, 'funnel.volume') ?? 0, state.view.lang) };
    }
    return observe({ ...state, observed, view: { ...state.view, retro: on } });
  },

  /** A stage after the entry marked « pas dans mon entonnoir » (funnel.skip)
   *  or back.  The core takes no rate other than 1 (and no range) into a
   *  skipped stage: the rate and its range are set aside, and given back
   *  when the stage is back. */
  skip(state, { stage, on }) {
    const rate = RATE_INTO[stage];
    if (!rate || stage === 'deals') return state;
    const list = getPath(state.scenario, 'funnel.skip') || [];
    if (list.includes(stage) === on) return state;
    const skip = STAGES.filter((s) => (s === stage ? on : list.includes(s)));
    let scenario = setPath(state.scenario, 'funnel.skip', skip);
    const rangePath = 'uncertainty.ranges';
    const ranges = getPath(scenario, rangePath) || {};
    let memo = { ...(state.skipMemo || {}) };
    let texts = state.texts, invalid = state.invalid;
    if (on) {
      memo[stage] = { rate: getPath(scenario, rate), range: ranges[rate], text: texts[rate] };
      scenario = setPath(scenario, rate, 1);
      if (ranges[rate]) scenario = setPath(scenario, rangePath, omit(ranges, [rate]));
      texts = omit(texts, [rate, rate + '.low', rate + '.high'].map((p) => (p === rate ? p : 'uncertainty.ranges.' + p)));
      invalid = omit(invalid, [rate]);
    } else {
      const m = memo[stage] || {};
      scenario = setPath(scenario, rate, m.rate);
      if (m.range) scenario = setPath(scenario, rangePath, { ...ranges, [rate]: m.range });
      if (m.text !== undefined) texts = { ...texts, [rate]: m.text };
      memo = omit(memo, [stage]);
    }
    return { ...state, scenario, texts, invalid, skipMemo: memo };
  },

  /** The summary bar of a small screen, open or folded. */
  summaryToggle(state, { open = !state.view.summaryOpen } = {}) {
    if (open === !!state.view.summaryOpen) return state;
    return { ...state, view: { ...state.view, summaryOpen: open } };
  },

  fixedAdd(state) {
    const list = getPath(state.scenario, 'costs.fixed') || [];
    const i = list.length;
    return {
      ...state, scenario: setPath(state.scenario, 'costs.fixed', [...list, { label: '', amount: 0 }]),
      texts: { ...state.texts, [`costs.fixed[${i}].label`]: '', [`costs.fixed[${i}].amount`]: '' },
    };
  },

  fixedRemove(state, { index }) {
    const list = [...(getPath(state.scenario, 'costs.fixed') || [])];
    list.splice(index, 1);
    return {
      ...state, scenario: setPath(state.scenario, 'costs.fixed', list),
      texts: shiftList(state.texts, 'costs.fixed', index), invalid: shiftList(state.invalid, 'costs.fixed', index),
    };
  },

  /** One more ramp-up month, at the level of the month before it (100 % for
   *  the first); at most the core's number of months. */
  rampAdd(state) {
    const list = getPath(state.scenario, 'schedule.ramp') || [];
    if (list.length >= RAMP_MAX) return state;
    const i = list.length;
    return { ...state, scenario: setPath(state.scenario, 'schedule.ramp', [...list, list[i - 1] ?? 1]), texts: omit(state.texts, [`schedule.ramp[${i}]`]) };
  },

  /** A ramp-up month removed: the later months move up one place. */
  rampRemove(state, { index }) {
    const list = [...(getPath(state.scenario, 'schedule.ramp') || [])];
    list.splice(index, 1);
    return {
      ...state, scenario: setPath(state.scenario, 'schedule.ramp', list),
      texts: shiftList(state.texts, 'schedule.ramp', index), invalid: shiftList(state.invalid, 'schedule.ramp', index),
    };
  },

  /** A channel from a preset; name: the preset's name in the page's language. */
  channelAdd(state, { preset, name }) {
    const list = state.scenario.channels || [];
    if (list.length >= MAX_CHANNELS) return state;
    return { ...state, scenario: { ...state.scenario, channels: [...list, channelFromPreset(preset, name, state.scenario)] } };
  },

  channelDuplicate(state, { index }) {
    const list = [...(state.scenario.channels || [])];
    if (list.length >= MAX_CHANNELS || !list[index]) return state;
    list.splice(index + 1, 0, structuredClone(list[index]));
    return forgetChannels({ ...state, scenario: { ...state.scenario, channels: list } });
  },

  /** "Compare this campaign as a channel": the campaign itself, as the last
   *  channel (name: its name in the page's words), without what only a
   *  campaign has (channels, uncertainty, reallocation, schedule, goal), so
   *  its model or price can be changed there and compared. */
  cloneAsChannel(state, { name }) {
    const list = state.scenario.channels || [];
    if (list.length >= MAX_CHANNELS) return state;
    const channel = structuredClone(omit(state.scenario, CAMPAIGN_ONLY));
    const max = FIELDS.get('name')?.maxlength;
    channel.name = max ? [...name].slice(0, max).join('') : name;
    return { ...state, scenario: { ...state.scenario, channels: [...list, channel] } };
  },

  channelRemove(state, { index }) {
    const list = [...(state.scenario.channels || [])];
    list.splice(index, 1);
    return forgetChannels({ ...state, scenario: { ...state.scenario, channels: list } });
  },

  /** The core's answer for the scenario (result), and its link when it is
   *  valid: a string, or null with tooLong { bytes, max } when the scenario
   *  is valid but too big for a link.  Then the address holds no link (''),
   *  and a notice says so once, with the size and the limit, offering the
   *  JSON file; it goes when the scenario fits again. */
  evaluated(state, { result, link, tooLong = null }) {
    const check = { errors: result.ok ? [] : result.errors, warnings: result.warnings || [] };
    const valid = result.ok && Object.keys(state.invalid).length === 0 && (link !== null || tooLong !== null);
    if (!valid) return { ...state, check, stale: true };
    let next = { ...state, check, stale: false, result, link: link ?? '', valid: state.scenario, tooLong: link === null ? tooLong : null };
    if (next.tooLong && !state.tooLong) {
      next = HANDLERS.notice(next, { kind: 'warn', title: { key: 'linkLong', num: { bytes: tooLong.bytes, max: tooLong.max } }, action: { id: 'export-json', key: 'exportJson' }, tag: 'linkLong' });
    } else if (!next.tooLong && state.tooLong) {
      next = { ...next, notices: next.notices.filter((n) => n.tag !== 'linkLong') };
    }
    return next;
  },

  /** Another language: fields are shown again in its number format, except
   *  those whose text is refused (kept as typed). */
  lang(state, { lang }) {
    const texts = {};
    for (const p of Object.keys(state.invalid)) if (p in state.texts) texts[p] = state.texts[p];
    const next = { ...state, texts, view: { ...state.view, lang } };
    return next.view.retro ? observe(next) : next;
  },

  sortByRank(state) {
    return { ...state, view: { ...state.view, byRank: !state.view.byRank } };
  },

  /** On a phone: the channel cards with every indicator, or the short ones. */
  cmpAll(state) {
    return { ...state, view: { ...state.view, cmpAll: !state.view.cmpAll } };
  },

  /** « Préparé pour / par » of the printed report: who: 'for' or 'by'. */
  prepared(state, { who, text }) {
    const key = who === 'by' ? 'preparedBy' : 'preparedFor';
    return { ...state, view: { ...state.view, [key]: cleanPrepared(text) } };
  },

  samples(state, { value }) {
    return { ...state, view: { ...state.view, samples: value } };
  },

  seed(state, { text }) {
    return { ...state, view: { ...state.view, seedText: text } };
  },

  simStart(state, { id, samples }) {
    // runFor: the result whose scenario this run simulates (see simDone).
    return { ...state, sim: { ...state.sim, id, running: true, samples, runFor: state.result, status: { key: 'sim.running', num: { n: samples } } } };
  },

  simDone(state, { id, result, ms, built = false }) {
    if (id !== state.sim.id) return state; // an answer to a replaced request
    const sim = { ...state.sim, running: false };
    // The core's refusal by code and params, in the page's language (its message for what has none).
    if (!result.ok) return { ...state, sim: { ...sim, status: { errors: result.errors.map(({ field = '', code, params = {}, message }) => ({ field, code, params, message })) } } };
    // built: computed with the page, at build time (io/snapshot.js): no time of this machine to give.
    const status = !result.fields.length ? { key: 'sim.none' } : built ? { key: 'sim.built', num: { n: result.samples } }
      : { key: 'sim.done', num: { n: result.samples, ms: Math.round(ms) } };
    // lastFor: the result the figures belong to (shown as being refreshed until a newer run ends).
    return { ...state, sim: { ...sim, last: { ...result, ms }, lastFor: state.sim.runFor, status } };
  },

  simCancel(state, { quiet }) {
    return { ...state, sim: { ...state.sim, running: false, status: quiet ? state.sim.status : { key: 'sim.cancelled' } } };
  },

  /** A notice above the page: title { key, params, num, suffix }, items as
   *  data the notices component translates (core entries by code and
   *  params, the page's messages by key); action { id, key }: a button
   *  (data-action = id, label = key). */
  /** A notice; one with a tag replaces the one with the same tag. */
  /** A notice; place: the id of the box it shows in, where the action was
   *  taken (a channel removed, deep in the form), instead of the page's top. */
  notice(state, { kind, title, items = [], action, tag, place }) {
    const id = state.noticeSeq + 1;
    const kept = tag ? state.notices.filter((n) => n.tag !== tag) : state.notices;
    return { ...state, noticeSeq: id, notices: [...kept, { id, kind, title, items, ...(action && { action }), ...(tag && { tag }), ...(place && { place }) }] };
  },

  dismiss(state, { id }) {
    return { ...state, notices: state.notices.filter((n) => n.id !== id) };
  },

  /** The library as stored, after a load, save, rename or delete. */
  library(state, { items, message }) {
    // The side by side keeps only scenarios still saved as they were when
    // compared: one deleted or saved over takes the comparison away.
    const kept = (name) => {
      const was = state.library.items.find((i) => i.name === name), is = items.find((i) => i.name === name);
      return !!was && !!is && JSON.stringify(was) === JSON.stringify(is);
    };
    const side = state.library.side && state.library.side.every((c) => kept(c.name)) ? state.library.side : null;
    return { ...state, library: { ...state.library, items, picked: [], side, message: message === undefined ? state.library.message : message } };
  },

  libMessage(state, { message }) {
    return { ...state, library: { ...state.library, message } };
  },

  libName(state, { text }) {
    return { ...state, library: { ...state.library, name: text, confirm: null } };
  },

  /** A saved scenario opened or saved: its name in the name box, the one
   *  « Enregistrer » may save over without asking. */
  libOpened(state, { name }) {
    return HANDLERS.libRestore(state, { name, current: name });
  },

  /** « Revenir à mon scénario »: the name box and the saved scenario shown
   *  as they were with the scenario given back. */
  libRestore(state, { name, current }) {
    return { ...state, library: { ...state.library, name, current, confirm: null } };
  },

  /** « Enregistrer » over another saved scenario: asked once, done the second time. */
  libConfirm(state, { name, message }) {
    return { ...state, library: { ...state.library, confirm: name, message } };
  },

  libPick(state, { name, on }) {
    const picked = state.library.picked.filter((n) => n !== name);
    if (on) picked.push(name);
    return { ...state, library: { ...state.library, picked } };
  },

  /** Two saved scenarios side by side: [{ name, result }]. */
  libSide(state, { side }) {
    return { ...state, library: { ...state.library, side } };
  },

  /** "Copier le lien": a message (a key, or { key, params, num }), and the
   *  link to show when the clipboard refused. */
  copy(state, { message, manual = null }) {
    return { ...state, copy: { message, manual: manual ?? (message === null ? state.copy.manual : null) } };
  },
};

function forgetChannels(state) {
  return { ...state, texts: dropList(state.texts, 'channels'), invalid: dropList(state.invalid, 'channels') };
}
