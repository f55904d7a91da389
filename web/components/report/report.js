// The printed report's own part: the date, the link as text and as a QR
// code drawn by the core.  The QR code is drawn a moment after the link
// changes (or at once when printing starts), not on every keystroke.
import { $ } from '../dom.js';
import { shareUrl } from '../../io/links.js';

let timer = 0;
let drawnFor = null; // the address and language of the QR code on screen
let roi = null, t = null;

export function render(state, prev, ctx) {
  ({ roi, t } = ctx);
  if (state.link === prev.link && state.view === prev.view && drawnFor !== null) return;
  $('rm-link').textContent = shareUrl();
  const now = new Date();
  $('rm-date').dateTime = now.toISOString().slice(0, 10);
  $('rm-date').textContent = new Intl.DateTimeFormat(state.view.lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }).format(now);
  clearTimeout(timer);
  timer = setTimeout(drawQr, 250);
}

export function drawQr() {
  clearTimeout(timer);
  if (!roi) return;
  const url = shareUrl();
  const key = url + ' ' + t('rm.qr');
  if (key === drawnFor) return;
  drawnFor = key;
  const svg = roi.qrSvg(url); // numbers only: safe as an image
  const img = $('rm-qr-img');
  img.hidden = svg === null;
  if (svg !== null) img.src = 'data:image/svg+xml,' + encodeURIComponent(svg);
  img.alt = t('rm.qrAlt');
  $('rm-qr-cap').textContent = t(svg === null ? 'rm.qrLong' : 'rm.qr');
}
