// The header: language buttons, "Copier le lien" (its message, and the link
// shown selected when the clipboard refused), the engine's version below.
import { $, setProp, say } from '../dom.js';

let engineSaid = null;
/** engine: { key, v } (the engine's line: loaded, or its figures written at build time), or null. */
export function render(state, prev, { t, fmt, engine }) {
  const lang = state.view.lang;
  if (lang !== prev.view.lang) {
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
  if (engine && (lang !== prev.view.lang || engine !== engineSaid)) $('engine').textContent = t(engine.key, { v: engine.v });
  engineSaid = engine;
  const { message, manual } = state.copy;
  setProp($('copied'), 'textContent', typeof message === 'string' ? t(message) : say(message, t, fmt));
  $('linkbox').hidden = manual === null;
  if (manual !== null) setProp($('linkfield'), 'value', manual);
}
