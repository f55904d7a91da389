// Number formatting through Intl for the page language and scenario currency.
// Building Intl formatters is the slow part: they are made once per
// language and currency.
const cache = new Map();

export function makeFormat(lang, currency) {
  const key = lang + ' ' + currency;
  if (!cache.has(key)) cache.set(key, build(lang, currency));
  return cache.get(key);
}

/** fmt with the formats that need the page's words (t) or rules: a payback of 0
 *  months is "at signature", not "0 months"; a minimum that is zero or
 *  below is "none", not "-1 150 €" (any deal value reaches the target);
 *  plural: the plural category of a count in the page's language. */
export function withWords(fmt, t) {
  // Chosen on the count as num() shows it (two decimals at most): 1,004
  // shows as « 1 », and is one.
  const plural = new Intl.PluralRules(fmt.loc, { maximumFractionDigits: 2 });
  return { ...fmt, payback: (v) => (v === 0 ? t('pb.zero') : fmt.months(v)),
    minMoney: (v) => (v <= 0 ? t('min.none') : fmt.money(v)),
    /** The plural category of a count as shown ('one', 'other'…). */
    plural: (v) => plural.select(v),
    /** The text key agreeing with the count v: key + '.one' when v is one
     *  (« 1 appel », and in French « 0 appel »), else key. */
    agree: (key, v) => (plural.select(v) === 'one' ? key + '.one' : key) };
}

/** The characters a formatted text takes on screen: the word joiner held to
 *  a minus (below) takes no room.  For widths estimated by count. */
export const shownLength = (text) => text.replace(/\u2060/g, '').length;

function build(lang, currency) {
  const loc = lang === 'en' ? 'en-GB' : 'fr-FR';
  const nf = (o) => new Intl.NumberFormat(loc, o);
  // Each formatter is made on first use: building one costs about a
  // millisecond, and a first render needs only a few of them.
  const lazy = (make) => { let f = null; return () => (f ||= make()); };
  let cur = currency;
  let money0 = null;
  try { money0 = nf({ style: 'currency', currency: cur, minimumFractionDigits: 0, maximumFractionDigits: 0 }); } catch { cur = 'EUR'; }
  const m0 = lazy(() => money0 || nf({ style: 'currency', currency: cur, minimumFractionDigits: 0, maximumFractionDigits: 0 }));
  const m2 = lazy(() => nf({ style: 'currency', currency: cur, minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const pct = lazy(() => nf({ style: 'percent', maximumFractionDigits: 1 }));
  const pct0 = lazy(() => nf({ style: 'percent', maximumFractionDigits: 0 }));
  const num = lazy(() => nf({ maximumFractionDigits: 2 }));
  const mult = lazy(() => nf({ maximumFractionDigits: 1 }));
  const months = lazy(() => nf({ style: 'unit', unit: 'month', unitDisplay: 'long', maximumFractionDigits: 1 }));
  const hours = lazy(() => nf({ style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }));
  const compact = lazy(() => nf({ style: 'currency', currency: cur, notation: 'compact', maximumFractionDigits: 1 }));
  const plain = lazy(() => nf({ useGrouping: false, maximumFractionDigits: 10 }));
  // One precision per size, everywhere (page, widget, report): cents only
  // under 100 (a cost per call of 0,85 €), whole amounts above (a maximum
  // price of 806 €, not 806,40 €); a percentage to one decimal under 100 %
  // (a close rate of 4,8 %), whole above (an ROI of 706 %, not 706,4 %).
  // A value that shows as zero is written as zero: « 0 % », never « -0 % ».
  const z = (v, unit) => (Math.round(v / unit) === 0 ? 0 : v);
  // A minus before a currency sign (English: « -€2,568 ») is held to it by a
  // word joiner: a line never ends on « - » and reads on as a profit.
  const sign = (text) => text.replace(/^-(?=\D)/, '-\u2060');
  const whole = (v) => Math.abs(v - Math.round(v)) < 0.005;
  const money = (v) => sign(Math.abs(v) >= 100 || whole(v) ? m0().format(z(v, 1)) : m2().format(z(v, 0.01)));
  return {
    money,
    /** An amount as typed, cents kept at any size: a price of 640,50 € is
     *  not « 641 € ». */
    price: (v) => sign(whole(v) ? m0().format(z(v, 1)) : m2().format(v)),
    /** A maximum (a price, a cost) rounded down when shown whole: « jusqu'à
     *  426 € » for 426,67 €, never a price that no longer pays. */
    upTo: (v) => money(Math.abs(v) >= 100 ? Math.floor(v + 1e-9) : v),
    pct: (v) => (Math.abs(v) >= 1 ? pct0().format(z(v, 0.01)) : pct().format(z(v, 0.001))),
    pct0: (v) => pct0().format(z(v, 0.01)), // a rough reading (the ROI of a campaign judged too early)
    num: (v) => num().format(z(v, 0.01)),
    mult: (v) => mult().format(z(v, 0.1)) + '×',
    months: (v) => months().format(v),
    hours: (v) => hours().format(v),
    compact: (v) => sign(compact().format(v)),
    /** An amount in a figure's narrow box: compact from 100 000 on
     *  (« -179 k€ », « 2,1 M€ »), so that it never overflows it. */
    figure: (v) => (Math.abs(v) >= 1e5 ? sign(compact().format(v)) : money(v)),
    plain: (v) => plain().format(v),
    text: (v) => String(v),
    loc,
  };
}
