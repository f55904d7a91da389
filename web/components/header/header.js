// The header: language buttons, "Copier le lien" (its message, and the link
// shown selected when the clipboard refused), the engine's version below.
import { $, setProp, say } from '../dom.js';

export function render(state, prev, { t, fmt, roi }) {
  const lang = state.view.lang;
  if (lang !== prev.view.lang) {
    document.documentElement.lang = lang;
    document.title = t('title');
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    if (roi) $('engine').textContent = t('engine', { v: roi.version });
  }
  const { message, manual } = state.copy;
  setProp($('copied'), 'textContent', typeof message === 'string' ? t(message) : say(message, t, fmt));
  $('linkbox').hidden = manual === null;
  if (manual !== null) setProp($('linkfield'), 'value', manual);
}
