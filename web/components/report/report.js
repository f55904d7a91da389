// The printed report's own part: the date, the link as text and as a QR
// code drawn by the core.  The QR code is drawn a moment after the link
// changes (or at once when printing starts), not on every keystroke.
import { $, say } from '../dom.js';
import { shareUrl } from '../../io/links.js';

let timer = 0;
let drawnFor = null; // the address and language of the QR code on screen
let roi = null, t = null;
let tooLong = null; // { bytes, max }: no link holds the scenario, so no QR code either

const dates = { lang: null, format: null }; // the date's formatter, made once per language

export function render(state, prev, ctx) {
  ({ roi, t } = ctx);
  if (state.link === prev.link && state.view === prev.view && state.tooLong === prev.tooLong && drawnFor !== null) return;
  tooLong = state.tooLong;
  $('rm-link').textContent = tooLong ? say({ key: 'linkLongShort', num: tooLong }, t, ctx.fmt) : shareUrl();
  const now = new Date();
  $('rm-date').dateTime = now.toISOString().slice(0, 10);
  const lang = state.view.lang === 'en' ? 'en-GB' : 'fr-FR';
  if (dates.lang !== lang) Object.assign(dates, { lang, format: new Intl.DateTimeFormat(lang, { dateStyle: 'long' }) });
  $('rm-date').textContent = dates.format.format(now);
  clearTimeout(timer);
  timer = setTimeout(drawQr, 250);
}

export function drawQr() {
  clearTimeout(timer);
  if (!roi) return;
  const url = tooLong ? '' : shareUrl(); // '': no link holds the scenario
  const key = url + ' ' + t('rm.qr');
  if (key === drawnFor) return;
  drawnFor = key;
  const svg = url ? roi.qrSvg(url) : null; // numbers only: safe as an image
  const img = $('rm-qr-img');
  img.hidden = svg === null;
  if (svg !== null) img.src = 'data:image/svg+xml,' + encodeURIComponent(svg);
  img.alt = t('rm.qrAlt');
  $('rm-qr-cap').textContent = t(svg !== null ? 'rm.qr' : url ? 'rm.qrLong' : 'rm.qrNone');
}
