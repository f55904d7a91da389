// One-line embed of the ROI calculator (protocol version 1).
//   <script src="https://calc.example/embed.js" data-preset="pay-per-meeting"
//           data-cta-label="Recevoir mon étude ({roi})"
//           data-cta-url="https://example.com/demo" async></script>
// Creates a sandboxed iframe where the script stands (or in the element
// named by data-target): the lead-generation widget (widget.html, a few
// questions and one answer; data-preset chooses which, and frames that
// preset's own page, widget-<preset>.html, when the build wrote one), or with
// data-sections="full" the whole calculator (full.html: index.html under
// the name any site may frame; index.html itself is framed by its own
// origin only).  Sizes it to its
// content and re-dispatches the widget's events on the container as DOM
// events: roi:ready, roi:change, roi:cta, roi:height (detail = the payload).
// The widget never reads this page; only messages from the widget's own
// origin and window are accepted.  Options: docs/INTEGRATION.md section 2.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const d = script.dataset;
  const full = d.sections === 'full';
  // The page written at build time for the preset, its answer already in
  // it: widget-<preset>.html (scripts/prerender.mjs lists those presets in
  // ROI_PRESET_PAGES); otherwise widget.html, which builds any preset itself.
  const pages = typeof ROI_PRESET_PAGES === 'object' ? ROI_PRESET_PAGES : [];
  const widget = new URL(full ? 'full.html' : pages.includes(d.preset) ? `widget-${d.preset}.html` : 'widget.html', script.src);
  const q = widget.searchParams;
  q.set('embed', '1');
  q.set('host', location.origin);
  const keys = full ? ['samples', 'seed'] : ['preset', 'questions', 'bounds'];
  for (const key of ['lang', 'currency', 'accent', 'font', 'theme', 'example', ...keys]) if (d[key]) q.set(key, d[key]);
  if (d.ctaLabel && d.ctaUrl) { q.set('cta', d.ctaLabel); q.set('ctaurl', d.ctaUrl); }
  // The figures travel in the fragment, never to the server: the host's
  // scenario, then the widget's starting values (values=1: over the preset's).
  const scenario = (d.scenario || '').replace(/^#/, ''), values = full ? '' : (d.values || '').replace(/^[#&]/, '');
  if (values && !scenario) q.set('values', '1');
  widget.hash = [scenario, values].filter(Boolean).join('&');
  const frame = document.createElement('iframe');
  frame.src = widget.href;
  frame.title = d.title || (d.lang === 'en' ? 'ROI calculator' : 'Calculateur de ROI');
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals');
  frame.setAttribute('scrolling', 'no');
  frame.setAttribute('loading', 'lazy');
  const host = (d.target && document.querySelector(d.target)) || script.parentNode;
  frame.style.cssText = 'display:block;width:100%;border:0;overflow:hidden';
  if (d.target && host !== script.parentNode) host.append(frame); else script.after(frame);
  // Until the widget reports its height: data-height, else what the build
  // measured for the preset at a few widths (ROI_WIDGET_HEIGHTS,
  // scripts/prerender.mjs), with or without a call to action, between two
  // widths in proportion, at the frame's own width (the host's less its
  // padding); else about what it will be (taller in one column, under 600 px).
  // Only the preset's own questions were measured: not for chosen questions,
  // nor for a scenario or example that may choose another preset.
  const asked = parseInt(d.height, 10); // "600" or "600px"
  const w = frame.clientWidth;
  const H = typeof ROI_WIDGET_HEIGHTS === 'object' ? ROI_WIDGET_HEIGHTS : {}, W = H.w;
  const key = (d.preset || H.d) + (d.ctaLabel && d.ctaUrl ? '+cta' : '');
  const hs = !full && !d.questions && w && (d.preset || (!d.scenario && !d.example)) && Object.hasOwn(H, key) && H[key];
  const at = (h) => {
    let i = 0;
    while (i < W.length - 2 && w > W[i + 1]) i++;
    return h[i] + (h[i + 1] - h[i]) * Math.min(1, Math.max(0, (w - W[i]) / (W[i + 1] - W[i])));
  };
  frame.style.height = (asked > 0 ? asked : hs ? Math.round(at(hs)) : full || (w && w < 600) ? 600 : 400) + 'px';
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (e.source !== frame.contentWindow || e.origin !== widget.origin || !m || m.v !== 1 || typeof m.type !== 'string') return;
    if (m.type === 'roi:height' && m.height > 0) frame.style.height = Math.ceil(m.height) + 'px';
    host.dispatchEvent(new CustomEvent(m.type, { detail: m, bubbles: true }));
  });
})();
