// The widget's first-paint guard, bundled by scripts/prerender.mjs into a
// classic script run in widget.html's <head>: the questions and answer
// written there at build time are the default preset's, in French; for any
// other address they are hidden (html.pre-off) until widget.js has built
// its own.  The host's theme is applied here too, before the first paint.
import { opensAsBuilt } from './config.js';

const root = document.documentElement;
if (!opensAsBuilt(location.search, location.hash, navigator.languages || [navigator.language || ''])) root.classList.add('pre-off');
const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
