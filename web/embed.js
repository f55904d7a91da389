// One-line embed of the ROI calculator (protocol version 1).
//   <script src="https://calc.example/embed.js" data-lang="fr"
//           data-sections="compact" data-cta-label="Réserver une démo"
//           data-cta-url="https://example.com/demo" async></script>
// Creates a sandboxed iframe of the calculator (widget.html beside this
// script: the page under the name any site may frame; index.html is framed
// by its own origin only) where the script stands (or
// in the element named by data-target), sizes it to its content, and
// re-dispatches the widget's events on the container as DOM events:
// roi:ready, roi:change, roi:cta, roi:height (detail = the payload).
// The widget never reads this page; only messages from the widget's own
// origin and window are accepted.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const d = script.dataset;
  const widget = new URL('widget.html', script.src);
  const q = widget.searchParams;
  q.set('embed', '1');
  q.set('host', location.origin);
  for (const key of ['lang', 'currency', 'sections', 'accent', 'font', 'theme', 'samples', 'seed', 'example']) if (d[key]) q.set(key, d[key]);
  if (d.ctaLabel && d.ctaUrl) { q.set('cta', d.ctaLabel); q.set('ctaurl', d.ctaUrl); }
  widget.hash = (d.scenario || '').replace(/^#/, '');
  const frame = document.createElement('iframe');
  frame.src = widget.href;
  frame.title = d.title || (d.lang === 'en' ? 'ROI calculator' : 'Calculateur de ROI');
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals');
  frame.setAttribute('scrolling', 'no');
  frame.setAttribute('loading', 'lazy');
  const height = parseInt(d.height, 10); // "600" or "600px"
  frame.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;height:' + (height > 0 ? height : 600) + 'px';
  const host = (d.target && document.querySelector(d.target)) || script.parentNode;
  if (d.target && host !== script.parentNode) host.append(frame); else script.after(frame);
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (e.source !== frame.contentWindow || e.origin !== widget.origin || !m || m.v !== 1 || typeof m.type !== 'string') return;
    if (m.type === 'roi:height' && m.height > 0) frame.style.height = Math.ceil(m.height) + 'px';
    host.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
  });
})();
