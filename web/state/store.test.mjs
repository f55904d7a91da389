import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStore } from './store.js';

test('dispatch runs the update function and tells subscribers, with the previous state', () => {
  const store = createStore((s, a) => (a.type === 'add' ? { n: s.n + a.by } : s), { n: 0 });
  const seen = [];
  store.subscribe((s, prev) => seen.push([prev.n, s.n]));
  store.dispatch({ type: 'add', by: 2 });
  store.dispatch({ type: 'noop' }); // unchanged state: nobody is told
  assert.equal(store.getState().n, 2);
  assert.deepEqual(seen, [[0, 2]]);
});

test('an action dispatched by a subscriber runs after the current change reached everyone', () => {
  const store = createStore((s, a) => ({ log: [...s.log, a.type] }), { log: [] });
  const order = [];
  store.subscribe((s) => { order.push('a:' + s.log.join()); if (s.log.length === 1) store.dispatch({ type: 'second' }); });
  store.subscribe((s) => order.push('b:' + s.log.join()));
  store.dispatch({ type: 'first' });
  assert.deepEqual(order, ['a:first', 'b:first', 'a:first,second', 'b:first,second']);
});
