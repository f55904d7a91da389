// The scenario library against a fake localStorage: versioned entries that
// hold the scenario itself (any size), today's link entries migrated, and
// every storage failure reported as what it is, with nothing lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY, KEY_V1, MAX, readLibrary, loadLibrary, findScenario, saveScenario, renameScenario, deleteScenario, restoreScenario } from './library.js';

/** A Storage look-alike: fail = { get, set, remove } makes those calls throw;
 *  quota: the most characters it holds (setItem throws QuotaExceededError). */
function fakeStorage(initial = {}, { fail = {}, quota = Infinity } = {}) {
  const data = new Map(Object.entries(initial));
  const refuse = () => { const e = new Error('The operation is insecure.'); e.name = 'SecurityError'; throw e; };
  return {
    data,
    fail,
    getItem(k) { if (fail.get) refuse(); return data.has(k) ? data.get(k) : null; },
    setItem(k, v) {
      if (fail.set) refuse();
      const used = [...data].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
      if (used + k.length + String(v).length > quota) {
        const e = new Error('quota'); e.name = 'QuotaExceededError'; throw e;
      }
      data.set(k, String(v));
    },
    removeItem(k) { if (fail.remove) refuse(); data.delete(k); },
  };
}

const scenario = (n, channels = 0) => ({
  version: 1, name: 'S' + n, funnel: { entry: 'meetings', volume: 50, close_rate: 0.25 },
  channels: Array.from({ length: channels }, (_, i) => ({ name: 'Canal « très long » n°' + i + ' ' + 'é'.repeat(150) })),
});
const stored = (st) => JSON.parse(st.data.get(KEY));

test('v2: a scenario of any size round-trips, newest first, under a versioned key', () => {
  const st = fakeStorage();
  assert.deepEqual(readLibrary(st), { ok: true, items: [] });
  const big = scenario(1, 20);
  assert.ok(JSON.stringify(big).length > 3000);
  assert.deepEqual(saveScenario('Grand', big, st), { ok: true, replaced: false });
  assert.deepEqual(saveScenario('Petit', scenario(2), st), { ok: true, replaced: false });
  const doc = stored(st);
  assert.equal(doc.version, 2);
  assert.deepEqual(doc.items.map((x) => x.name), ['Petit', 'Grand']);
  assert.match(doc.items[0].saved, /^\d{4}-\d\d-\d\dT/);
  const { ok, items } = readLibrary(st);
  assert.ok(ok);
  assert.deepEqual(items[1].scenario, big);
  assert.deepEqual(findScenario('Grand', st), { ok: true, item: items[1] });
  assert.deepEqual(findScenario('Nope', st), { ok: false, reason: 'missing' });
  // Saving under a taken name replaces that entry, and says so.
  assert.deepEqual(saveScenario('Grand', scenario(3), st), { ok: true, replaced: true });
  assert.deepEqual(loadLibrary(st).map((x) => [x.name, x.scenario.name]), [['Grand', 'S3'], ['Petit', 'S2']]);
  // The stored scenario is a copy: changing the page's object changes nothing.
  const s = scenario(4);
  saveScenario('Copie', s, st);
  s.name = 'changed';
  assert.equal(findScenario('Copie', st).item.scenario.name, 'S4');
});

test('v1 entries (links) are migrated on read and kept as links for the core to validate', () => {
  const v1 = [
    { name: 'Ancien', link: 'v=1&close=0.3', saved: '2024-01-02T00:00:00.000Z' },
    { name: 'Trafiqué', link: 'v=1&close=9&zz=<img>' },
    5, null, { name: 3, link: 'x' }, { name: 'sans lien' },
  ];
  const st = fakeStorage({ [KEY_V1]: JSON.stringify(v1) });
  const r = readLibrary(st);
  assert.ok(r.ok);
  assert.deepEqual(r.items, [
    { name: 'Ancien', link: 'v=1&close=0.3', saved: '2024-01-02T00:00:00.000Z' },
    { name: 'Trafiqué', link: 'v=1&close=9&zz=<img>', saved: '' },
  ]);
  // Written as v2; v1 is left as it was (an older page still finds its entries).
  assert.deepEqual(stored(st), { version: 2, items: r.items });
  assert.equal(st.data.get(KEY_V1), JSON.stringify(v1));
  // Once v2 exists, v1 is not read again: a deleted migrated entry stays deleted.
  assert.deepEqual(deleteScenario('Ancien', st), { ok: true, item: { name: 'Ancien', link: 'v=1&close=0.3', saved: '2024-01-02T00:00:00.000Z' } });
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['Trafiqué']);
  // A new save sits beside the migrated links.
  saveScenario('Neuf', scenario(1), st);
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['Neuf', 'Trafiqué']);
});

test('v1 migration that cannot be written still shows the entries, and is retried', () => {
  const st = fakeStorage({ [KEY_V1]: JSON.stringify([{ name: 'Ancien', link: 'v=1' }]) }, { fail: { set: true } });
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['Ancien']);
  assert.equal(st.data.has(KEY), false);
  st.fail.set = false;
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['Ancien']);
  assert.equal(stored(st).items[0].link, 'v=1');
});

test('storage that refuses everything (private browsing) is reported, not shown as an empty success', () => {
  const st = fakeStorage({}, { fail: { get: true, set: true, remove: true } });
  assert.deepEqual(readLibrary(st), { ok: false, reason: 'storage', items: [] });
  assert.deepEqual(loadLibrary(st), []);
  assert.deepEqual(saveScenario('A', scenario(1), st), { ok: false, reason: 'storage' });
  assert.deepEqual(renameScenario('A', 'B', st), { ok: false, reason: 'storage' });
  assert.deepEqual(deleteScenario('A', st), { ok: false, reason: 'storage' });
  assert.deepEqual(findScenario('A', st), { ok: false, reason: 'storage' });
  // No localStorage at all (access throws, or none in this context).
  assert.deepEqual(readLibrary(undefined), { ok: false, reason: 'storage', items: [] });
});

test('writes refused after a good read: rename and delete say so and the entry stays', () => {
  const st = fakeStorage();
  saveScenario('A', scenario(1), st);
  st.fail.set = true;
  assert.deepEqual(renameScenario('A', 'B', st), { ok: false, reason: 'storage' });
  assert.deepEqual(deleteScenario('A', st), { ok: false, reason: 'storage' });
  assert.deepEqual(saveScenario('C', scenario(2), st), { ok: false, reason: 'storage' });
  st.fail.set = false;
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['A']);
});

test('a full quota is reported as such, and the library keeps what it had', () => {
  const st = fakeStorage({}, { quota: 4000 });
  assert.ok(saveScenario('Petit', scenario(1), st).ok);
  const before = st.data.get(KEY);
  assert.deepEqual(saveScenario('Grand', scenario(2, 20), st), { ok: false, reason: 'quota' });
  assert.equal(st.data.get(KEY), before);
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['Petit']);
});

test('rename: a taken name, a missing entry, an empty name are refused; the same name is a no-op', () => {
  const st = fakeStorage();
  saveScenario('A', scenario(1), st);
  saveScenario('B', scenario(2), st);
  assert.deepEqual(renameScenario('A', 'B', st), { ok: false, reason: 'taken' });
  assert.deepEqual(renameScenario('Z', 'C', st), { ok: false, reason: 'missing' });
  assert.deepEqual(renameScenario('A', '  ', st), { ok: false, reason: 'empty' });
  assert.deepEqual(renameScenario('A', 'A', st), { ok: true });
  assert.deepEqual(renameScenario('A', '$& et {n}', st), { ok: true });
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['B', '$& et {n}']);
  assert.deepEqual(deleteScenario('Z', st), { ok: false, reason: 'missing' });
  assert.deepEqual(saveScenario('', scenario(1), st), { ok: false, reason: 'empty' });
  assert.deepEqual(saveScenario('X', 'v=1&close=0.3', st), { ok: false, reason: 'invalid' });
});

test('a full library refuses a new name instead of dropping the oldest entry', () => {
  const st = fakeStorage();
  for (let i = 0; i < MAX; i++) assert.ok(saveScenario('N' + i, scenario(i), st).ok);
  assert.deepEqual(saveScenario('one more', scenario(1), st), { ok: false, reason: 'full', max: MAX });
  assert.equal(loadLibrary(st).length, MAX);
  assert.equal(loadLibrary(st).at(-1).name, 'N0');
  assert.deepEqual(saveScenario('N0', scenario(7), st), { ok: true, replaced: true });
});

test('an unreadable or newer library is never overwritten', () => {
  const st = fakeStorage({ [KEY]: '{not json' });
  assert.deepEqual(readLibrary(st), { ok: false, reason: 'corrupt', items: [] });
  // Saving sets the unreadable text aside first, under a key of its own.
  assert.ok(saveScenario('A', scenario(1), st).ok);
  const aside = [...st.data.keys()].filter((k) => k.startsWith(KEY + '.unreadable'));
  assert.equal(aside.length, 1);
  assert.equal(st.data.get(aside[0]), '{not json');
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['A']);
  // A library written by a later version of the page: read-only here.
  const later = JSON.stringify({ version: 3, items: [{ name: 'futur' }] });
  const st3 = fakeStorage({ [KEY]: later });
  assert.deepEqual(readLibrary(st3), { ok: false, reason: 'version', items: [] });
  assert.deepEqual(saveScenario('A', scenario(1), st3), { ok: false, reason: 'version' });
  assert.equal(st3.data.get(KEY), later);
  // Bad entries inside a good v2 document are left out.
  const st4 = fakeStorage({ [KEY]: JSON.stringify({ version: 2, items: [null, 5, { name: 'a', scenario: [] }, { name: 'b', scenario: { version: 1 } }, { name: '', link: 'v=1' }] }) });
  assert.deepEqual(loadLibrary(st4).map((x) => x.name), ['b']);
});

test('a scenario saved in retrospective mode keeps its observed counts; rename keeps them; stored junk is dropped', () => {
  const st = fakeStorage();
  assert.equal(saveScenario('Réel', { version: 1 }, st, { calls: 1800, meetings: 54 }).ok, true);
  assert.deepEqual(findScenario('Réel', st).item.observed, { calls: 1800, meetings: 54 });
  assert.equal(renameScenario('Réel', 'Réel T1', st).ok, true);
  assert.deepEqual(findScenario('Réel T1', st).item.observed, { calls: 1800, meetings: 54 });
  assert.equal(saveScenario('Prévu', { version: 1 }, st).ok, true);
  assert.equal('observed' in findScenario('Prévu', st).item, false);
  // Untrusted storage: anything but plain counts is left out.
  const doc = stored(st);
  doc.items[0].observed = { calls: '<img>', '__proto__x': 3, held: -1 };
  st.data.set(KEY, JSON.stringify(doc));
  assert.equal('observed' in findScenario('Prévu', st).item, false);
});

test('a deleted scenario can be put back, unless its name was saved again meanwhile', () => {
  const st = fakeStorage();
  saveScenario('A', { version: 1, name: 'a' }, st, { calls: 10 });
  saveScenario('B', { version: 1 }, st);
  const del = deleteScenario('A', st);
  assert.equal(del.ok, true);
  assert.deepEqual(loadLibrary(st).map((x) => x.name), ['B']);
  assert.deepEqual(restoreScenario(del.item, st), { ok: true });
  assert.deepEqual(findScenario('A', st).item.scenario, { version: 1, name: 'a' });
  assert.deepEqual(findScenario('A', st).item.observed, { calls: 10 });
  assert.deepEqual(restoreScenario(del.item, st), { ok: false, reason: 'taken' });
  assert.deepEqual(restoreScenario({ name: 'x' }, st), { ok: false, reason: 'invalid' });
});
