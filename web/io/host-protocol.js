// The events protocol v1 towards the host page (docs/INTEGRATION.md
// section 3) as the full page embedded (io/embed.js) and the widget
// (widget/host.js) both speak it: the message's shape, and roi:ready then
// roi:change.  No imports: the widget's bundle takes this file alone.

/** post(type, extra): event `type` (extra: its payload's keys) to the
 *  parent frame, for origin `host` only; nothing without a host or a
 *  parent frame. */
export function hostPoster(host) {
  const on = !!host && window.parent !== window;
  return (type, extra) => { if (on) window.parent.postMessage({ v: 1, type, ...extra }, host); };
}

/** roi:ready now with payload(); then roi:change 400 ms after the store's
 *  last new result, when the scenario differs from the one the host last
 *  heard of (its link, or the scenario itself when too big for one), and
 *  none while a value is refused: typing 150 into a close rate, its valid
 *  prefix 15 is no scenario of the visitor's.  payload(): { scenario,
 *  link, results, ... }, never throws. */
export function announce(store, payload, post) {
  const keyOf = (p) => p.link ?? JSON.stringify(p.scenario);
  const p = payload();
  let sent = keyOf(p);
  let timer = 0;
  post('roi:ready', p);
  store.subscribe((state, prev) => {
    if (state.result === prev.result && state.stale === prev.stale) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (store.getState().stale) return;
      const next = payload();
      if (keyOf(next) === sent) return;
      sent = keyOf(next);
      post('roi:change', next);
    }, 400);
  });
}
