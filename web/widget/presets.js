// The widget's presets, as data: each one a starting scenario (a link, read
// by the core's decoder) and its questions in the prospect's words, up front
// and under « Hypothèses ».  Questions are named by their link key (the
// core's field table, `roi fields`); 'price' is the price of the scenario's
// billing model.  Slider bounds are UI choices inside the core's own bounds
// (engine/fields.js), which stay the only rule of what is valid.

// A question: the scenario path, how it is typed and shown (money, pct: a
// fraction typed as a percentage, num, hours), slider bounds in the field's
// own units (fractions for rates) and the slider's step.
const q = /* @__NO_SIDE_EFFECTS__ */ (path, kind, min, max, step) => ({ path, kind, min, max, step });

export const QUESTIONS = {
  pmeet: q('costs.per_meeting', 'money', 0, 1000, 5),
  ihc: q('costs.in_house_hourly_cost', 'money', 10, 100, 1),
  rate: q('costs.hourly_rate', 'money', 10, 150, 1),
  flat: q('costs.flat_fee', 'money', 0, 50000, 250),
  pdeal: q('costs.per_deal', 'money', 0, 10000, 50),
  pcall: q('costs.per_call', 'money', 0, 20, 0.1),
  bonus: q('costs.bonus_per_meeting', 'money', 0, 500, 5),
  deal: q('value.deal_value', 'money', 0, 50000, 250),
  close: q('funnel.close_rate', 'pct', 0, 0.6, 0.01),
  meet: q('funnel.meeting_rate', 'pct', 0, 1, 0.01),
  margin: q('value.margin_rate', 'pct', 0, 1, 0.01),
  vol: q('funnel.volume', 'num', 0, 200, 1),
  ops: q('time.operators', 'num', 1, 20, 1),
  hrs: q('time.hours_per_operator', 'hours', 0, 200, 5),
};

// The price question of each billing model (costs.model).
export const PRICE_KEY = {
  per_meeting: 'pmeet', in_house: 'ihc', hourly: 'rate', flat: 'flat', per_deal: 'pdeal', per_call: 'pcall', hybrid: 'bonus',
};

// The volume's slider bounds by the funnel's first known stage: meetings a
// month are counted in tens, calls in thousands.
export const VOLUME_MAX = { calls: 10000, contacts: 2000, leads: 500, meetings: 200, held: 200, opportunities: 100, deals: 50 };

// Each preset: its starting scenario (no name: nothing the prospect did not
// give travels in the lead), the questions asked up front, those under
// « Hypothèses » (shown in one line, opened on demand: never hidden), and the
// third figure beside ROI and net (a path of the result document).
export const PRESETS = {
  'pay-per-meeting': {
    start: 'v=1&round=expected&entry=meetings&model=per_meeting&pmeet=150&deal=8000&close=0.2&vol=50&margin=0.4',
    questions: ['price', 'deal', 'close'], more: ['vol', 'margin'], figure: 'unit_costs.deal',
  },
  'in-house': {
    start: 'v=1&round=expected&entry=meetings&model=in_house&ihc=35&vol=30&deal=8000&ops=2&hrs=140&close=0.2&margin=0.4',
    questions: ['price', 'vol', 'deal'], more: ['ops', 'hrs', 'close', 'margin'], figure: 'per_hour.revenue',
  },
  'provider-hourly': {
    start: 'v=1&round=expected&entry=meetings&model=hourly&rate=45&deal=8000&close=0.2&hrs=140&vol=20&margin=0.4',
    questions: ['price', 'deal', 'close'], more: ['hrs', 'vol', 'margin'], figure: 'per_hour.revenue',
  },
  'lead-generation': {
    start: 'v=1&round=expected&entry=leads&model=flat&flat=6000&vol=80&deal=10000&meet=0.25&close=0.2&margin=0.4',
    questions: ['price', 'vol', 'deal'], more: ['meet', 'close', 'margin'], figure: 'unit_costs.lead',
  },
};
export const DEFAULT_PRESET = 'pay-per-meeting';

// The preset a host scenario without data-preset reads best with, by its model.
export const PRESET_OF_MODEL = { per_meeting: 'pay-per-meeting', in_house: 'in-house', hourly: 'provider-hourly', flat: 'lead-generation' };

/** The price question of a billing model. */
export const priceKey = (model) => PRICE_KEY[model] || PRICE_KEY.per_meeting;

/** The question keys of a preset for a scenario's model: 'price' resolved,
 *  duplicates dropped, the host's own order up front (`asked`: link keys
 *  or 'price', unknown ones ignored), every other question of the preset
 *  under « Hypothèses », then those the host's scenario sets and the
 *  preset does not ask (`set`: a meeting rate from calls; another model's
 *  price left out).  Returns { up: [key], more: [key] }. */
export function questionKeys(preset, model, asked = null, set = []) {
  const p = PRESETS[preset] || PRESETS[DEFAULT_PRESET];
  const resolve = (k) => (k === 'price' ? priceKey(model) : k);
  const known = (k) => Object.hasOwn(QUESTIONS, k);
  const uniq = (list) => [...new Set(list.map(resolve).filter(known))];
  const all = uniq([...p.questions, ...p.more, ...set.filter((k) => !Object.values(PRICE_KEY).includes(k))]);
  const up = asked && uniq(asked).length ? uniq(asked).slice(0, 6) : uniq(p.questions);
  return { up, more: all.filter((k) => !up.includes(k)) };
}

/** A question's slider bounds: the preset's, the volume's by funnel entry,
 *  then the host's (data-bounds, each end checked by the core beforehand).
 *  The preset's own lie inside the core's bounds of each field
 *  (presets.test.mjs checks them against `roi fields`). */
export function boundsOf(key, { entry, host = {} } = {}) {
  let { min, max, step } = QUESTIONS[key];
  if (key === 'vol' && VOLUME_MAX[entry]) max = VOLUME_MAX[entry];
  const h = host[key];
  if (h) ({ min, max, step = step } = h);
  return { min, max, step };
}
