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
// Usage: node scripts/prerender.mjs   (after the site is assembled)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openSite, root } from '../bench/site.mjs';

const site = path.join(root, 'build/site');
const file = path.join(site, 'index.html');
const fail = (msg) => { console.error(`prerender: ${msg}`); process.exit(1); };

const { base, browser, close } = await openSite();
let snap;
try {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(base);
  await page.waitForSelector('html[data-ready]');
  await page.waitForFunction(() => location.hash.length > 1 && document.querySelector('#sum-figs [data-out]'));
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
  await context.close();
} finally {
  await close();
}

const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const text = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
let html = fs.readFileSync(file, 'utf8');
const put = (pattern, replacement) => {
  if (!html.includes(pattern)) fail(`${pattern} not found in index.html`);
  html = html.replace(pattern, () => replacement);
};
put('<div id="sum-figs" class="sum-figs" role="status" aria-live="polite" aria-atomic="false"></div>',
  `<div id="sum-figs" class="sum-figs" role="status" aria-live="polite" aria-atomic="false">${snap.figs}</div>`);
put('<ul id="sum-verdicts" class="sum-verdicts"></ul>', `<ul id="sum-verdicts" class="sum-verdicts">${snap.verdicts}</ul>`);
put('aria-controls="sum-more"></button>', `aria-controls="sum-more" data-pre>${text(snap.toggle)}</button>`);
put('<link rel="stylesheet" href="style.css">',
  `<link rel="stylesheet" href="style.css">\n<script src="first-paint.js" data-link="${attr(snap.link)}"></script>`);
fs.writeFileSync(file, html);

// The guard, one classic script (it runs before the first paint).
execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [path.join(root, 'web/first-paint.js'), '--bundle',
  '--format=iife', '--minify', '--target=es2020', `--outfile=${path.join(site, 'first-paint.js')}`,
  '--log-level=warning', '--allow-overwrite'], { stdio: 'inherit' });
console.error(`prerender: index.html opens on the default example's summary (${snap.figs.length + snap.verdicts.length} bytes)`);
