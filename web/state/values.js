// Between what the user types and the scenario's values: "12,5" in a
// percentage field is 0.125; 0.125 is shown back as "12,5".
import { parseNumber, percentToFraction } from '../parse.js';

/** Text typed into a field -> { value } (undefined: use the default) or
 *  { error: i18n key }: e:number, or e:overflow / e:underflow for a number
 *  the page cannot hold as typed (never Infinity, never silently 0). */
export function readValue(fd, text, lang) {
  if (fd.kind === 'select') return { value: text };
  if (fd.kind === 'text') return { value: text === '' ? undefined : text };
  if (fd.kind === 'currency') {
    const c = text.trim().toUpperCase();
    return { value: c === '' ? undefined : c };
  }
  const n = parseNumber(text, lang);
  if (n.error) return { error: n.reason === 'overflow' || n.reason === 'underflow' ? 'e:' + n.reason : 'e:number' };
  if (n.value === null) return { value: undefined };
  return { value: fd.kind === 'pct' ? percentToFraction(n.text) : n.value };
}

const inputFormats = {};
function inputFormat(lang) {
  return (inputFormats[lang] ||= new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 10 }));
}

/** A value as the user would type it: "25" for 0.25 in a percentage field. */
export function showValue(fd, v, lang) {
  if (v === undefined || v === null) return '';
  if (fd.kind === 'select' || fd.kind === 'text' || fd.kind === 'currency') return String(v);
  const x = fd.kind === 'pct' ? Number((v * 100).toPrecision(15)) : v;
  return inputFormat(lang).format(x);
}
