// Embedding (?embed=1, events protocol v1): the framing options from the
// query string, and the events to the host page (roi:ready, roi:change,
// roi:cta, roi:height).  Everything here comes from the host's link:
// untrusted, so each option is checked against a narrow pattern and only
// ever set as text or a CSS value.
import { node } from '../components/dom.js';
import { shareUrl } from './links.js';
import { scenarioDocument } from '../export.js';
import { headlineResults } from './payload.js';
import { hostPoster, announce } from './host-protocol.js';

export function embedOptions(search) {
  const q = new URLSearchParams(search);
  if (q.get('embed') !== '1') return null;
  let host = null;
  try { const u = new URL(q.get('host') || ''); if (u.protocol === 'http:' || u.protocol === 'https:') host = u.origin; } catch { /* no host: no events */ }
  return { host, q };
}

/** engine(): the engine, once loaded. */
export function connectHost(embed, store, engine) {
  const post = hostPoster(embed && embed.host);
  /** The payload of roi:ready, roi:change and roi:cta: the last valid
   *  scenario, its link and its headline results, so the three always agree
   *  (while a field is invalid, they are what the widget still shows,
   *  greyed).  The scenario is its document (canonical when its link fits);
   *  link is null when the scenario is too big for one.  Never throws. */
  const payload = () => {
    const { result: r, valid, tooLong } = store.getState();
    const doc = r && valid ? scenarioDocument(engine(), valid) : null;
    return {
      scenario: doc && doc.ok ? doc.scenario : null,
      link: tooLong ? null : shareUrl(),
      results: headlineResults(r),
    };
  };
  return {
    /** roi:ready, then roi:change (host-protocol.js). */
    ready() {
      if (embed) announce(store, payload, post);
    },
    /** Framing: classes, accent, font, theme, call to action, height. */
    apply() {
      if (!embed) return;
      const { q } = embed;
      const root = document.documentElement;
      root.classList.add('embedded');
      // Its styles: linked before the first paint by the built page's guard (first-paint.js); here otherwise.
      if (!document.querySelector('link[href$="styles/embed.css"]')) document.head.append(node('link', { rel: 'stylesheet', href: 'styles/embed.css' }));
      if (q.get('sections') === 'compact') root.classList.add('compact');
      const accent = q.get('accent') || '';
      if (/^#?[0-9a-f]{3}([0-9a-f]{3})?$/i.test(accent)) root.style.setProperty('--accent', accent.startsWith('#') ? accent : '#' + accent);
      const font = q.get('font') || '';
      if (/^[\w \-]{1,40}$/.test(font)) root.style.setProperty('--font', `"${font}", system-ui, sans-serif`);
      const theme = q.get('theme');
      if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
      const label = (q.get('cta') || '').slice(0, 60);
      let url = null;
      try { const u = new URL(q.get('ctaurl') || ''); if (u.protocol === 'https:' || u.protocol === 'http:') url = u.href; } catch { /* no button */ }
      if (label && url) {
        const a = node('a', { class: 'cta', id: 'cta', href: url, target: '_blank', rel: 'noopener noreferrer' }, label);
        a.addEventListener('click', () => post('roi:cta', payload()));
        document.getElementById('results').prepend(a);
      }
      // The content's own height, not scrollHeight: that never drops below the
      // frame's current height, so the frame could grow but never shrink.
      const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
      new ResizeObserver(() => post('roi:height', { height: height() })).observe(document.body);
    },
  };
}
