#!/usr/bin/env node
// The first paint of index.html: the default example's summary (headline
// figures and verdicts, in French) as the page itself renders it with the
// core, written into build/site/index.html at build time, so that a visitor
// sees the answer before the engine has loaded.  The page's own renderers
// replace it as soon as the engine answers.
//   - Chromium (Debian's, through playwright-core) opens build/site at
//     1280 px in French and waits for the page's first result and address;
//   - each element of #sum-figs and #sum-verdicts, and the summary's toggle,
//     is marked data-pre and written into index.html;
//   - web/first-paint.js, bundled by esbuild into a classic script run in
//     <head>, hides them (html.pre-off) when the address opens anything
//     else: the link the page writes for the default example is given to it
//     (data-link), any other fragment, language, currency or example hides
//     them until the engine's figures are there.
// widget.html the same way: the default preset's questions in view
// (disabled until widget.js builds its own; the closed « Hypothèses » ones
// by their line only) and answer, its guard web/widget/first-paint.js;
// and one page per other preset, widget-<preset>.html, which embed.js
// frames for data-preset="<preset>" (their list, ROI_PRESET_PAGES, is written
// into build/site/embed.js here).
// Usage: node scripts/prerender.mjs   (after the site is assembled)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openSite, root } from '../bench/site.mjs';
import { loadPolicy, inlineHashes } from '../deploy/policy.mjs';
import { PRESETS, DEFAULT_PRESET } from '../web/widget/presets.js';
import { changes } from '../web/io/snapshot.js';

const site = path.join(root, 'build/site');
const file = path.join(site, 'index.html');
const fail = (msg) => { console.error(`prerender: ${msg}`); process.exit(1); };

const { base, browser, close } = await openSite();
let snap, built, builtEn;
const wsnaps = {};
// The widget's height at a few frame widths, for each preset (its starting
// values, « Hypothèses » closed), with and without a call to action: embed.js
// sizes the frame with them before the widget reports its own, so the host
// page does not jump when it does.  Between two widths the height is taken
// in proportion; each layout change is a pair of widths a pixel apart (one
// column up to 599 px, two from 600 px: widget.css; the answer's labels on
// one line from an answer 420 px wide: 452 px in one column, 908 in two).
const WIDTHS = [360, 451, 452, 599, 600, 907, 908, 1280];
const heights = {};
const bodyHeight = (w) => w.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() =>
  resolve(Math.ceil(document.body.getBoundingClientRect().height))))));
/** A page's body height at each of WIDTHS. */
async function heightsAt(page) {
  const out = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    out.push(await bodyHeight(page));
  }
  return out;
}
try {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  // ?snapshot: the page records the example's actions (web/io/snapshot.js).
  await page.goto(base + '?snapshot');
  await page.waitForSelector('html[data-ready]');
  await page.waitForFunction(() => location.hash.length > 1 && document.querySelector('#sum-figs [data-out]'));
  built = await page.waitForFunction(() => window.roiSnapshot).then((h) => h.jsonValue());
  // The same for an English visitor: kept as what its words change
  // (io/snapshot.js changes(): names and links; the figures are the same).
  const en = await context.newPage();
  en.on('pageerror', (e) => problems.push(String(e)));
  await en.goto(base + '?lang=en&snapshot');
  builtEn = await en.waitForFunction(() => window.roiSnapshot).then((h) => h.jsonValue());
  await en.close();
  if (problems.length) fail('the page reported: ' + problems.join('; '));
  snap = await page.evaluate(() => {
    const mark = (el) => { el.setAttribute('data-pre', ''); return el; };
    for (const el of document.querySelectorAll('#sum-figs > *, #sum-verdicts > *')) mark(el);
    const toggle = document.getElementById('sum-toggle');
    return {
      figs: document.getElementById('sum-figs').innerHTML,
      verdicts: document.getElementById('sum-verdicts').innerHTML,
      toggle: toggle.textContent,
      link: location.hash.slice(1),
    };
  });
  // The widget, as its frame opens each preset (the default: no options).
  for (const preset of Object.keys(PRESETS)) {
    const w = await context.newPage();
    w.on('pageerror', (e) => problems.push(String(e)));
    w.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await w.goto(base + 'widget.html' + (preset === DEFAULT_PRESET ? '' : '?preset=' + preset));
    await w.waitForSelector('html[data-ready]');
    await w.waitForFunction(() => document.querySelector('#figs [data-out]')?.dataset.value);
    if (problems.length) fail(`the widget (${preset}) reported: ` + problems.join('; '));
    heights[preset] = await heightsAt(w);
    // With a call to action (in two columns it may add nothing: the answer
    // is still shorter than the questions).
    const c = await context.newPage();
    await c.goto(base + 'widget.html?cta=Demo&ctaurl=https%3A%2F%2Fexample.com%2F' + (preset === DEFAULT_PRESET ? '' : '&preset=' + preset));
    await c.waitForSelector('html[data-ready]');
    heights[preset + '+cta'] = await heightsAt(c);
    await c.close();
    wsnaps[preset] = await w.evaluate(() => {
      const out = {};
      for (const el of document.querySelectorAll('#qs > *, #figs > *')) el.setAttribute('data-pre', '');
      // The figures' first paint, reported by Element Timing to the bench
      // (widget.js keeps these elements: answer.js build()).
      for (const el of document.querySelectorAll('#figs dd[data-out]')) el.setAttribute('elementtiming', el.dataset.out);
      // Seen, not yet usable: what is typed goes to widget.js's own fields.
      for (const el of document.querySelectorAll('#qs input')) {
        el.setAttribute('disabled', '');
        el.setAttribute('value', el.value); // the property, as the markup's attribute
        // What only matters once widget.js has built its own fields (typing,
        // spoken values, errors) would only add bytes to every load (about
        // 150 gzipped: issue 11's 40 KB); the looks and the labels stay.
        for (const a of ['name', 'inputmode', 'autocomplete', 'spellcheck', 'aria-describedby', 'aria-valuetext', 'data-path']) el.removeAttribute(a);
      }
      out.texts = Object.fromEntries([...document.querySelectorAll('[data-t]')].map((el) => [el.dataset.t, el.textContent]));
      for (const id of ['qs', 'figs']) out[id] = document.getElementById(id).innerHTML;
      for (const id of ['big', 'sub', 'range', 'more-text', 'more-do']) out[id + ':text'] = document.getElementById(id).textContent;
      out.tone = document.getElementById('answer').dataset.tone;
      out.more = !document.getElementById('more').hidden;
      return out;
    });
    await w.close();
  }
  await context.close();
} finally {
  await close();
}

const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const text = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
let html = fs.readFileSync(file, 'utf8');
const put = (pattern, replacement) => {
  if (!html.includes(pattern)) fail(`${pattern} not found in the page`);
  html = html.replace(pattern, () => replacement);
};
put('<div id="sum-figs" class="sum-figs" role="status" aria-live="polite" aria-atomic="false"></div>',
  `<div id="sum-figs" class="sum-figs" role="status" aria-live="polite" aria-atomic="false">${snap.figs}</div>`);
put('<ul id="sum-verdicts" class="sum-verdicts"></ul>', `<ul id="sum-verdicts" class="sum-verdicts">${snap.verdicts}</ul>`);
put('aria-controls="sum-more"></button>', `aria-controls="sum-more" data-pre>${text(snap.toggle)}</button>`);
// The example's result and simulation as the core computed them (the
// page opens on them and loads the engine at the visitor's first key, tap
// or click: web/io/snapshot.js); '<' escaped, so no text closes the block.
const fr = JSON.parse(built), enSnap = JSON.parse(builtEn);
const toEn = changes({ actions: fr.actions }, { actions: enSnap.actions });
if (!toEn || fr.samples !== enSnap.samples || fr.seed !== enSnap.seed) fail('the English page computed another example than the French one');
fr.other = { en: toEn };
const linkEn = enSnap.actions.find((a) => a.type === 'evaluated').link;
put('</body>', `<script type="application/json" id="roi-snap">${JSON.stringify(fr).replaceAll('<', '\\u003c')}</script>\n</body>`);
// The engine's preload hints move into a <template> the guard reads: the
// page that opens on the build's result fetches no engine until it is used.
const hints = html.match(/<link rel="(?:module)?preload" href="engine\/[^"]*"[^>]*>\n/g) || [];
if (hints.length < 2) fail('no preload hint of the engine in the page');
for (const h of hints) put(h, '');
put('<link rel="stylesheet" href="style.css">',
  `<link rel="stylesheet" href="style.css">\n<template id="engine-hints">${hints.join('').trim()}</template>\n` +
  // A host page's framing styles (web/style.css leaves them out), linked by the guard when framed.
  `<template id="embed-style"><link rel="stylesheet" href="styles/embed.css" blocking="render"></template>\n<script src="first-paint.js" data-link="${attr(snap.link)}" data-link-en="${attr(linkEn)}"></script>`);
fs.writeFileSync(file, html);

// widget.html: the default preset's questions (disabled) and answer;
// widget-<preset>.html the same for each other preset, from the same
// markup, its guard told which preset it holds (data-preset).  Each is an
// entry of deploy/headers.json, framed by any site as widget.html is.
const template = fs.readFileSync(path.join(site, 'widget.html'), 'utf8');
const policy = loadPolicy();
const pages = [];
for (const [preset, wsnap] of Object.entries(wsnaps)) {
  const name = preset === DEFAULT_PRESET ? 'widget.html' : `widget-${preset}.html`;
  if (!policy.entries.includes(name) || policy.frame_ancestors[name] !== '*') {
    fail(`${name}: list it in deploy/headers.json (entries, and frame_ancestors "*")`);
  }
  if (preset !== DEFAULT_PRESET) pages.push(preset);
  html = template;
  // The questions in view; the others (« Hypothèses : … Modifier », closed)
  // are written by widget.js once it runs: their line is here, their fields
  // would only add bytes to every load (issue 11's 40 KB).
  put('<div id="qs" class="qs"></div>', `<div id="qs" class="qs">${wsnap.qs}</div>`);
  if (!wsnap.more) put('<details id="more">', '<details id="more" hidden>');
  put('<dl id="figs" class="figs"></dl>', `<dl id="figs" class="figs">${wsnap.figs}</dl>`);
  for (const [id, tag, cls] of [['big', 'p', 'big'], ['sub', 'p', 'sub'], ['range', 'p', 'range'], ['more-text', 'span', 'more-text'], ['more-do', 'span', 'do']]) {
    put(`<${tag} id="${id}" class="${cls}"></${tag}>`, `<${tag} id="${id}" class="${cls}" data-pre>${text(wsnap[id + ':text'])}</${tag}>`);
  }
  // The texts widget.js writes at once (data-t): French in the markup; an
  // empty one filled here is the build's (data-pre: hidden for English).
  html = html.replace(/<(\w+)([^>]*) data-t="([\w.:-]+)"([^>]*)>([^<]*)<\/\1>/g, (all, tag, a, key, b, was) => {
    if (!Object.hasOwn(wsnap.texts, key)) fail(`data-t="${key}" has no text in the widget`);
    return `<${tag}${a} data-t="${key}"${b}${was ? '' : ' data-pre'}>${text(wsnap.texts[key])}</${tag}>`;
  });
  put('<section id="answer" class="answer"', `<section id="answer" class="answer" data-tone="${attr(wsnap.tone)}"`);
  put('<link rel="stylesheet" href="widget/widget.css">', '<link rel="stylesheet" href="widget/widget.css">\n<script src="widget/first-paint.js"' +
    (preset === DEFAULT_PRESET ? '' : ` data-preset="${attr(preset)}"`) + '></script>');
  // Line breaks between tags go (the widget counts its bytes: issue 11's
  // 40 KB); spaces within a line, which can matter between inline elements, stay.
  fs.writeFileSync(path.join(site, name), html.replace(/>\n\s*</g, '><'));
}

// The guards, classic scripts (they run before the first paint).
for (const [from, to] of [['web/first-paint.js', 'first-paint.js'], ['web/widget/first-paint.js', 'widget/first-paint.js']]) {
  execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [path.join(root, from), '--bundle',
    '--format=iife', '--minify', '--target=es2020', `--outfile=${path.join(site, to)}`,
    '--log-level=warning', '--allow-overwrite'], { stdio: 'inherit' });
}
// embed.js, told which presets have their own page (ROI_PRESET_PAGES), in
// a function of its own: nothing of it is left on the host's page.
// With them, the widget's heights (ROI_WIDGET_HEIGHTS: the widths under
// "w", the heights at them by preset, with a call to action under
// "<preset>+cta", and the default preset's name under "d").
execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [path.join(root, 'web/embed.js'), '--minify', '--format=iife', '--target=es2020',
  `--define:ROI_PRESET_PAGES=${JSON.stringify(pages)}`, `--define:ROI_WIDGET_HEIGHTS=${JSON.stringify({ ...heights, w: WIDTHS, d: DEFAULT_PRESET })}`,
  `--outfile=${path.join(site, 'embed.js')}`,
  '--log-level=warning', '--allow-overwrite'], { stdio: 'inherit' });
// The style sheet and the guard inside each entry page: nothing to fetch
// before the first paint (in one run of 21 cold loads on localhost, first
// contentful paint 160 -> 140 ms for the widget, 184 -> 164 for the page).  The files stay in the site for
// the unbundled page (web/), never fetched by these.  Each page's <meta>
// policy admits its blocks by hash; the HTTP policy lists the same hashes
// (deploy/policy.mjs siteInline, scripts/serve.py, scripts/build-dist.mjs).
const entriesHtml = ['index.html', ...[DEFAULT_PRESET, ...pages].map((p) => (p === DEFAULT_PRESET ? 'widget.html' : `widget-${p}.html`))];
for (const name of entriesHtml) {
  const page = path.join(site, name);
  let doc = fs.readFileSync(page, 'utf8');
  const read = (rel) => {
    const t = fs.readFileSync(path.join(site, rel), 'utf8').replace(/\n$/, '');
    if (/<\/(style|script)/i.test(t)) fail(`${rel} cannot be inlined: it holds a closing tag`);
    return t;
  };
  const sheet = /<link rel="stylesheet" href="([^"]+)">/.exec(doc);
  const guard = /<script src="([^"]*first-paint\.js)"([^>]*)><\/script>/.exec(doc);
  if (!sheet || !guard) fail(`${name}: no style sheet or first-paint guard to inline`);
  doc = doc.replace(sheet[0], () => `<style>${read(sheet[1])}</style>`).replace(guard[0], () => `<script${guard[2]}>${read(guard[1])}</script>`);
  const hashes = inlineHashes(doc);
  doc = doc.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/, (all, a, csp, b) => a +
    csp.split('; ').map((d) => { const k = d.split(' ')[0]; return hashes[k]?.length ? [d, ...hashes[k]].join(' ') : d; }).join('; ') + b);
  fs.writeFileSync(page, doc);
}
console.error(`prerender: index.html opens on the default example's summary, widget.html and widget-{${pages.join(',')}}.html on their preset's answer`);
