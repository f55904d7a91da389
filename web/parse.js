// Reads a number typed the French or English way: "0,25", "1 800", "25 %",
// "2 000 €", "1.800,5", "1,800.5", "12,5 k€" (k: thousands, M: millions,
// as directors write amounts).  A lone separator followed by exactly three
// digits is the other language's decimal mark or this one's grouping:
// "1,800" is 1 800 in English and 1,8 in French; "12.500" is 12 500 in
// French and 12.5 in English ("12.5" is 12,5 in both: a French numeric
// keypad types a dot).  Returns { value, text } (value null for an empty
// field: "use the default"; text the number as a plain decimal string) or
// { error: true, reason }: 'format' (not a number), 'overflow' (too large
// for a double: it would read as Infinity, then as the field's default) or
// 'underflow' (non-zero digits that would read as 0).  A number the page
// cannot hold as typed is refused, never silently replaced.
const GROUPS = { ',': /^[1-9]\d{0,2}(,\d{3})+$/, '.': /^[1-9]\d{0,2}(\.\d{3})+$/ };
const GROUPING = { en: ',', fr: '.' };
// What may stand around the number, and nothing else: a currency before it
// (a sign on either side), and after it a multiplier (k, M), a currency
// (with HT or TTC, per hour or month), %, ×, hours or months.  A letter typed
// by mistake is refused, never dropped: "6OOO" (O for 0) is not 6, "150abc"
// not 150.  Currencies: a symbol, alone or with a country's letters as Intl
// writes them ("$US", "US$", "CA$", "A$"), "euro(s)", or an ISO code of the
// list below (any three capitals would take "6OOO"'s "OOO" for one).
const CODES = 'eur|usd|gbp|chf|cad|aud|jpy|sek|nok|dkk|pln|czk|mad|xof';
const CUR = `(?:us|ca|a|au|nz|hk|sg)?\\$(?:us|ca|au|nz|hk|sg)?|[€£¥]|euros?|${CODES}`;
const HEAD = new RegExp(`^(?:${CUR}|[x×])`, 'i');
const PER = '(?:/(?:h|heures?|hr|hours?|mois|months?))?';
const UNIT = new RegExp(`^(?:(?:${CUR})(?:ht|ttc)?${PER}|${PER}|%|×|x|fois|times|h${PER}|heures?|hours?|mois|months?)?$`, 'i');
// A multiplier right after the number, then at most one of the above:
// "12,5 k€", "3 kEUR", "£2m", "1,2 M".
const SCALE = /^[km]/i;

export function parseNumber(text, lang) {
  let s = String(text).replace(/[\s\u00a0\u202f\u2009\u2060'\u2019]/g, '').replace(/\u2212/g, '-');
  if (!s) return { value: null };
  let sign = 1;
  const takeSign = () => {
    if (s[0] !== '-' && s[0] !== '+') return false;
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
    return true;
  };
  const signed = takeSign(); // "-€3"
  s = s.replace(HEAD, '');
  if (!signed) takeSign(); // "€-3"
  const tail = /[^\d,.]*$/.exec(s)[0];
  // The whole tail a unit ("mois", "MOIS": no multiplier), else a multiplier and a unit.
  const scale = !UNIT.test(tail) && SCALE.exec(tail) && UNIT.test(tail.slice(1)) ? tail[0] : null;
  if (!scale && !UNIT.test(tail)) return { error: true, reason: 'format' };
  s = s.slice(0, s.length - tail.length);
  const c = s.lastIndexOf(','), d = s.lastIndexOf('.');
  let dec = null;
  if (c >= 0 && d >= 0) dec = c > d ? ',' : '.';
  else if (c >= 0) dec = s.indexOf(',') !== c || (GROUPING[lang] === ',' && GROUPS[','].test(s)) ? null : ',';
  else if (d >= 0) dec = s.indexOf('.') !== d || (GROUPING[lang] === '.' && GROUPS['.'].test(s)) ? null : '.';
  let int = s, frac = '';
  if (dec) { int = s.slice(0, s.lastIndexOf(dec)); frac = s.slice(s.lastIndexOf(dec) + 1); }
  const sep = /[,.]/.exec(int);
  if (sep) {
    if (!GROUPS[sep[0]].test(int)) return { error: true, reason: 'format' };
    int = int.split(sep[0]).join('');
  }
  if (!/^\d*$/.test(int) || !/^\d*$/.test(frac) || !(int + frac)) return { error: true, reason: 'format' };
  if (scale) { // the decimal point moved in the text: exact
    const n = /m/i.test(scale) ? 6 : 3;
    int += frac.slice(0, n).padEnd(n, '0');
    frac = frac.slice(n);
    int = int.replace(/^0+(?=\d)/, '');
  }
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
