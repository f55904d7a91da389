// The widget's first-paint guard, bundled by scripts/prerender.mjs into a
// classic script run in the <head> of widget.html and of each preset's
// widget-<preset>.html (data-preset: the page's preset): the questions and
// answer written there at build time are that preset's, in French; for any
// other address they are hidden (html.pre-off) until widget.js has built
// its own.  The host's theme is applied here too, before the first paint.
import { opensAsBuilt } from './config.js';
import { DEFAULT_PRESET } from './presets.js';

const root = document.documentElement;
const built = document.currentScript?.dataset.preset || DEFAULT_PRESET;
if (!opensAsBuilt(location.search, location.hash, navigator.languages || [navigator.language || ''], built)) root.classList.add('pre-off');
const theme = new URLSearchParams(location.search).get('theme');
if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
