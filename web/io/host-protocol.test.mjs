// The events towards the host page, shared by the embedded full page and the
// widget: the message's shape and origin, roi:ready once, roi:change
// debounced and only for another scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostPoster, announce } from './host-protocol.js';

/** A frame whose parent records what it is posted; framed: false, the top
 *  window (its own parent). */
function frame({ framed = true } = {}) {
  const sent = [];
  const postMessage = (data, origin) => sent.push({ data, origin });
  const top = { postMessage };
  top.parent = top;
  globalThis.window = framed ? { parent: { postMessage } } : top;
  return sent;
}

/** The least of a store: subscribe, and set() to call the subscribers. */
function fakeStore(state) {
  const subs = [];
  return {
    subscribe: (fn) => subs.push(fn),
    getState: () => state,
    set(next) { const prev = state; state = next; subs.forEach((fn) => fn(state, prev)); },
  };
}

test('hostPoster: { v: 1, type, ...extra } to the host origin only; nothing without a host or a parent', () => {
  let sent = frame();
  hostPoster('https://host.example')('roi:height', { height: 12 });
  hostPoster('https://host.example')('roi:cta');
  assert.deepEqual(sent, [
    { data: { v: 1, type: 'roi:height', height: 12 }, origin: 'https://host.example' },
    { data: { v: 1, type: 'roi:cta' }, origin: 'https://host.example' },
  ]);
  sent = frame();
  hostPoster(null)('roi:cta', {});
  hostPoster(false)('roi:cta', {});
  assert.deepEqual(sent, []);
  sent = frame({ framed: false });
  hostPoster('https://host.example')('roi:cta', {});
  assert.deepEqual(sent, []);
});

test('announce: roi:ready at once; roi:change 400 ms after the last new result, for another scenario only', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const store = fakeStore({ result: 0 });
  let current = { scenario: { a: 1 }, link: 'L1', results: { roi: 1 } };
  const posts = [];
  announce(store, () => current, (type, extra) => posts.push({ type, ...extra }));
  assert.deepEqual(posts, [{ type: 'roi:ready', ...current }]);

  // Three results in a row: one roi:change, 400 ms after the last.
  current = { scenario: { a: 2 }, link: 'L2', results: { roi: 2 } };
  store.set({ result: 1 });
  t.mock.timers.tick(300);
  store.set({ result: 2 });
  t.mock.timers.tick(399);
  assert.equal(posts.length, 1);
  t.mock.timers.tick(1);
  assert.deepEqual(posts.slice(1), [{ type: 'roi:change', ...current }]);

  // Another state with the same result: no timer; a new result whose link
  // the host already has: nothing.
  store.set({ result: 2, other: true });
  store.set({ result: 3 });
  t.mock.timers.tick(1000);
  assert.equal(posts.length, 2);

  // Too big for a link: the scenario itself tells one from another.
  current = { scenario: { a: 3 }, link: null, results: null };
  store.set({ result: 4 });
  t.mock.timers.tick(400);
  current = { scenario: { a: 3 }, link: null, results: { roi: 3 } };
  store.set({ result: 5 });
  t.mock.timers.tick(400);
  assert.deepEqual(posts.slice(2), [{ type: 'roi:change', scenario: { a: 3 }, link: null, results: null }]);
});

test('announce: a value refused before the 400 ms are up (150 typed into a close rate) sends no roi:change for its valid prefix', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const store = fakeStore({ result: 0, stale: false });
  let current = { scenario: { close: 0.2 }, link: 'L20', results: { roi: 1 } };
  const posts = [];
  announce(store, () => current, (type, extra) => posts.push({ type, ...extra }));
  current = { scenario: { close: 0.15 }, link: 'L15', results: { roi: 2 } };
  store.set({ result: 1, stale: false }); // « 15 »
  t.mock.timers.tick(100);
  store.set({ result: 1, stale: true }); // « 150 »: refused, the last valid answer greyed
  t.mock.timers.tick(1000);
  assert.deepEqual(posts.map((p) => p.type), ['roi:ready']);
  // Corrected: the host hears of the scenario the visitor now shows.
  current = { scenario: { close: 0.3 }, link: 'L30', results: { roi: 3 } };
  store.set({ result: 2, stale: false });
  t.mock.timers.tick(400);
  assert.deepEqual(posts.slice(1), [{ type: 'roi:change', ...current }]);
});
