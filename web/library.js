// The scenario library: named scenarios saved in this browser only
// (localStorage).  Pure: no DOM, no engine; the storage is a parameter
// (localStorage when left out) so that tests can hand in a fake one.
//
// Stored under KEY as { version: 2, items: [{ name, scenario, saved }] }: the
// scenario document itself, so a scenario of any size is kept (a link stops
// at 8 KiB).  Entries of the first format (KEY_V1: [{ name, link, saved }])
// are migrated on read, still as links: the page decodes a link, and
// validates a scenario, with the core like any input before using it.
//
// Every function reports what really happened: { ok: true, ... } or
// { ok: false, reason }, reason one of
//   'storage'  the browser refuses storage (private browsing, blocked site data)
//   'quota'    storage is full: nothing was written
//   'full'     the library holds MAX scenarios already (params: max)
//   'taken'    another scenario has that name (rename)
//   'missing'  no scenario of that name (deleted in another tab?)
//   'empty'    no name given
//   'invalid'  what was to be saved is not a scenario object
//   'corrupt'  the stored library is unreadable (read); it is set aside,
//              never overwritten, on the next write
//   'version'  the stored library comes from a later version of the page:
//              read-only here, never overwritten
// and nothing already stored is lost by a failed call.
import { KEY, KEY_V1 } from './library-keys.js';
export { KEY, KEY_V1 };
export const MAX = 100;
const VERSION = 2;

const fail = (reason, extra) => ({ ok: false, reason, ...extra });
const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const goodName = (x) => typeof x === 'string' && x.trim() !== '';

/** An entry as stored: { name, scenario, saved } or, migrated from v1,
 *  { name, link, saved }; anything else is left out. */
function entry(x) {
  if (!isObject(x) || !goodName(x.name)) return null;
  const saved = typeof x.saved === 'string' ? x.saved : '';
  const observed = counts(x.observed);
  if (isObject(x.scenario)) return { name: x.name, scenario: x.scenario, saved, ...(observed && { observed }) };
  if (typeof x.link === 'string') return { name: x.name, link: x.link, saved };
  return null;
}

/** Observed counts of a scenario saved in retrospective mode ({ stage:
 *  count }, at most 7 plain numbers): a copy, or null for anything else. */
function counts(x) {
  if (!isObject(x)) return null;
  const out = Object.entries(x).filter(([k, v]) => /^[a-z]{1,16}$/.test(k) && Number.isFinite(v) && v >= 0);
  return out.length && out.length <= 7 ? Object.fromEntries(out) : null;
}

function entries(list) {
  const seen = new Set();
  const out = [];
  for (const x of Array.isArray(list) ? list : []) {
    const e = entry(x);
    if (e && !seen.has(e.name)) { seen.add(e.name); out.push(e); }
  }
  return out.slice(0, MAX);
}

function reasonOf(e) {
  return e && (e.name === 'QuotaExceededError' || e.code === 22 || e.code === 1014) ? 'quota' : 'storage';
}

/** Reads the library: { ok: true, items } (newest first) or { ok: false,
 *  reason: 'storage' | 'corrupt' | 'version', items: [] }, plus raw (the
 *  unreadable text) for 'corrupt'.  A browser holding only v1 entries has
 *  them migrated (written as v2 when storage allows; v1 stays as it was). */
function read(storage) {
  let raw, rawV1;
  try {
    const st = storage === undefined ? globalThis.localStorage : storage;
    raw = st.getItem(KEY);
    rawV1 = raw === null ? st.getItem(KEY_V1) : null;
  } catch {
    return fail('storage', { items: [] });
  }
  if (raw !== null) {
    let doc;
    try { doc = JSON.parse(raw); } catch { return fail('corrupt', { items: [], raw }); }
    if (!isObject(doc) || !Number.isInteger(doc.version) || !Array.isArray(doc.items)) return fail('corrupt', { items: [], raw });
    if (doc.version > VERSION) return fail('version', { items: [] });
    return { ok: true, items: entries(doc.items) };
  }
  if (rawV1 === null) return { ok: true, items: [] };
  let v1 = [];
  try { v1 = JSON.parse(rawV1); } catch { /* unreadable v1: nothing to migrate, left where it is */ }
  const items = entries(Array.isArray(v1) ? v1.map((x) => (isObject(x) ? { name: x.name, link: x.link, saved: x.saved } : null)) : []);
  if (items.length) write(storage, items); // best effort: retried on the next read if refused
  return { ok: true, items };
}

/** Writes the list; { ok: true } or { ok: false, reason: 'quota' | 'storage' }. */
function write(storage, items) {
  try {
    const st = storage === undefined ? globalThis.localStorage : storage;
    st.setItem(KEY, JSON.stringify({ version: VERSION, items }));
    return { ok: true };
  } catch (e) {
    return fail(reasonOf(e));
  }
}

/** Reads for a change: the items, with an unreadable library set aside
 *  (under KEY + '.unreadable.' + time) so that writing loses nothing. */
function readForChange(storage) {
  const r = read(storage);
  if (r.ok || r.reason !== 'corrupt') return r;
  try {
    const st = storage === undefined ? globalThis.localStorage : storage;
    st.setItem(KEY + '.unreadable.' + Date.now(), r.raw);
  } catch (e) {
    return fail(reasonOf(e));
  }
  return { ok: true, items: [] };
}

/** The saved scenarios, newest first: { ok: true, items: [{ name, scenario,
 *  saved } | { name, link, saved }] } or { ok: false, reason, items: [] }. */
export function readLibrary(storage) {
  const r = read(storage);
  return r.ok ? { ok: true, items: r.items } : { ok: false, reason: r.reason, items: [] };
}

/** The saved scenarios as a plain list (empty when storage fails). */
export function loadLibrary(storage) {
  return read(storage).items;
}

/** One saved scenario: { ok: true, item } or { ok: false, reason:
 *  'missing' | 'storage' | 'corrupt' | 'version' }. */
export function findScenario(name, storage) {
  const r = read(storage);
  if (!r.ok) return fail(r.reason);
  const item = r.items.find((x) => x.name === name);
  return item ? { ok: true, item } : fail('missing');
}

/** Saves a scenario document (a copy of it) under name, first in the list,
 *  replacing the entry of that name if any, with the counts observed in
 *  retrospective mode ({ stage: count }) when given: { ok: true, replaced }
 *  or { ok: false, reason: 'empty' | 'invalid' | 'full' (with max) |
 *  'quota' | 'storage' | 'version' }. */
export function saveScenario(name, scenario, storage, observed = null) {
  if (!goodName(name)) return fail('empty');
  if (!isObject(scenario)) return fail('invalid');
  const r = readForChange(storage);
  if (!r.ok) return fail(r.reason);
  const replaced = r.items.some((x) => x.name === name);
  if (!replaced && r.items.length >= MAX) return fail('full', { max: MAX });
  const items = r.items.filter((x) => x.name !== name);
  const seen = counts(observed);
  items.unshift({ name, scenario: JSON.parse(JSON.stringify(scenario)), saved: new Date().toISOString(), ...(seen && { observed: seen }) });
  const w = write(storage, items);
  return w.ok ? { ok: true, replaced } : w;
}

/** { ok: true } or { ok: false, reason: 'empty' | 'missing' | 'taken' |
 *  'quota' | 'storage' | 'version' }.  The same name again is a no-op. */
export function renameScenario(oldName, newName, storage) {
  if (!goodName(newName)) return fail('empty');
  const r = readForChange(storage);
  if (!r.ok) return fail(r.reason);
  const item = r.items.find((x) => x.name === oldName);
  if (!item) return fail('missing');
  if (oldName === newName) return { ok: true };
  if (r.items.some((x) => x.name === newName)) return fail('taken');
  item.name = newName;
  return write(storage, r.items);
}

/** { ok: true, item } (the entry deleted, which restoreScenario puts back)
 *  or { ok: false, reason: 'missing' | 'storage' | 'version' }. */
export function deleteScenario(name, storage) {
  const r = readForChange(storage);
  if (!r.ok) return fail(r.reason);
  const item = r.items.find((x) => x.name === name);
  if (!item) return fail('missing');
  const w = write(storage, r.items.filter((x) => x.name !== name));
  return w.ok ? { ok: true, item } : w;
}

/** Puts back an entry deleteScenario returned, first in the list:
 *  { ok: true } or { ok: false, reason: 'taken' (saved again meanwhile) |
 *  'full' | 'quota' | 'storage' | 'version' | 'invalid' }. */
export function restoreScenario(item, storage) {
  const e = entry(item);
  if (!e) return fail('invalid');
  const r = readForChange(storage);
  if (!r.ok) return fail(r.reason);
  if (r.items.some((x) => x.name === e.name)) return fail('taken');
  if (r.items.length >= MAX) return fail('full', { max: MAX });
  return write(storage, [e, ...r.items]);
}
