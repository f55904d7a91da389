// The widget's side of the embed protocol, version 1 (docs/INTEGRATION.md
// section 3): roi:ready, roi:change, roi:cta and roi:height, posted to the
// host origin embed.js named and to no one else.  The payload is the full
// page's (scenario, link, results) plus `preset`: additive.
import { headlineResults } from '../io/payload.js';
import { hostPoster, announce } from '../io/host-protocol.js';

/** The full page's address for a link fragment: the whole calculator with
 *  this scenario, in the widget's language; null without a link. */
export function fullPageUrl(link, lang, base = location.href) {
  if (link === null || link === undefined) return null;
  const url = new URL('index.html', base);
  url.search = 'lang=' + lang;
  url.hash = link;
  return url.href;
}

/** config: { host, embedded, lang }; store: the widget's store; engine():
 *  the engine once loaded; preset(): the preset shown. */
export function connectHost(config, store, engine, preset) {
  const on = !!(config.embedded && config.host && window.parent !== window);
  const post = hostPoster(on && config.host);
  /** The last valid scenario (the canonical document, read back from its
   *  link: the lite engine has no canonical(); as validated when too big
   *  for a link), its full-page link and its figures. */
  const payload = () => {
    const { result, valid, link } = store.getState();
    return {
      scenario: valid && (link === null ? valid : engine().decodeLink(link).scenario),
      link: fullPageUrl(link, config.lang),
      results: headlineResults(result),
      preset: preset(),
    };
  };
  return {
    /** Once, after the first answer: roi:ready, then roi:change
     *  (host-protocol.js). */
    ready() {
      if (on) announce(store, payload, post);
    },
    cta() { post('roi:cta', payload()); },
    /** roi:height with the content's height, at once and whenever it
     *  changes (the browser may not run a cross-origin frame's observers
     *  before it scrolls into view: the first height does not wait for
     *  them); nothing while the frame has no width (a hidden tab, a closed
     *  modal): the height of a page laid out in 0 px means nothing. */
    height(root) {
      if (!on) return;
      let last = 0;
      const send = () => {
        if (!document.documentElement.clientWidth) return;
        const h = Math.ceil(root.getBoundingClientRect().height);
        if (h !== last) { last = h; post('roi:height', { height: h }); }
      };
      new ResizeObserver(send).observe(root);
      send();
    },
  };
}
