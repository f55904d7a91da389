// The store: one state, changed only by dispatching actions through the
// pure update function; subscribers (renderers, effects) hear every change
// with the state before it.
export function createStore(update, initial) {
  let state = initial;
  const listeners = [];
  let depth = 0;
  const queue = [];
  return {
    getState: () => state,
    /** Applies an action; an action dispatched by a subscriber runs after
     *  every subscriber has seen the current change. */
    dispatch(action) {
      queue.push(action);
      if (depth) return;
      depth++;
      try {
        while (queue.length) {
          const prev = state;
          state = update(state, queue.shift());
          if (state !== prev) for (const fn of listeners) fn(state, prev);
        }
      } finally {
        depth--;
      }
    },
    subscribe(fn) {
      listeners.push(fn);
      return () => listeners.splice(listeners.indexOf(fn), 1);
    },
  };
}
