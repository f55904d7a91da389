// Reads a number typed the French or English way: "0,25", "1 800", "25 %",
// "2 000 €", "1.800,5", "1,800.5".  Returns { value, text } (value null for
// an empty field: "use the default"; text the number as a plain decimal
// string) or { error: true, reason }: 'format' (not a number), 'overflow'
// (too large for a double: it would read as Infinity, then as the field's
// default) or 'underflow' (non-zero digits that would read as 0).  A number
// the page cannot hold as typed is refused, never silently replaced.
const GROUPS = { ',': /^\d{1,3}(,\d{3})+$/, '.': /^\d{1,3}(\.\d{3})+$/ };

export function parseNumber(text, lang) {
  let s = String(text).replace(/[\s\u00a0\u202f\u2009'\u2019]/g, '').replace(/\u2212/g, '-');
  if (!s) return { value: null };
  // Currency symbols or codes, %, × around the number.
  s = s.replace(/^[^\d,.+-]+/, '').replace(/[^\d,.]+$/, '');
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') { if (s[0] === '-') sign = -1; s = s.slice(1); }
  s = s.replace(/^[^\d,.]+/, '');
  const c = s.lastIndexOf(','), d = s.lastIndexOf('.');
  let dec = null;
  if (c >= 0 && d >= 0) dec = c > d ? ',' : '.';
  else if (c >= 0) dec = s.indexOf(',') !== c || (lang === 'en' && GROUPS[','].test(s)) ? null : ',';
  else if (d >= 0) dec = s.indexOf('.') !== d ? null : '.';
  let int = s, frac = '';
  if (dec) { int = s.slice(0, s.lastIndexOf(dec)); frac = s.slice(s.lastIndexOf(dec) + 1); }
  const sep = /[,.]/.exec(int);
  if (sep) {
    if (!GROUPS[sep[0]].test(int)) return { error: true, reason: 'format' };
    int = int.split(sep[0]).join('');
  }
  if (!/^\d*$/.test(int) || !/^\d*$/.test(frac) || !(int + frac)) return { error: true, reason: 'format' };
  const plain = (sign < 0 ? '-' : '') + (int || '0') + (frac ? '.' + frac : '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return { error: true, reason: 'overflow' };
  if (value === 0 && /[1-9]/.test(int + frac)) return { error: true, reason: 'underflow' };
  return { value, text: plain };
}

/** A percentage typed by the user as the exact fraction: "12,5" -> 0.125,
 *  by moving the decimal point in the text (12.5 / 100 could be off by one
 *  unit in the last place). */
export function percentToFraction(text) {
  const neg = text.startsWith('-');
  let [int, frac = ''] = (neg ? text.slice(1) : text).split('.');
  int = int.padStart(3, '0');
  const digits = int.slice(0, -2) + '.' + int.slice(-2) + frac;
  return Number((neg ? '-' : '') + digits);
}
