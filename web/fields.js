// Which inputs the page shows and how: grouping, order, input kind.  That is
// all this module decides.  Defaults, bounds and enum values come from the
// core's field table (engine/fields.json, written by `roi fields` at build
// time) through applyCoreFields(); nothing here copies them.
//
// Input kinds: text, currency, select, num, pct (a fraction typed as a
// percentage), money (with the currency's symbol).
import { getPath } from './state/scenario.js';

// The funnel stages (the core's funnel.entry values, in order), the billing
// models (costs.model values) and the uncertain fields (uncertainty.ranges.*):
// filled in place from the core's table.
export const STAGES = [];
export const MODELS = [];
export const UNCERTAIN = [];

// The rate that leads into each stage after the first.
export const RATE_INTO = {
  contacts: 'funnel.contact_rate', leads: 'funnel.lead_rate', meetings: 'funnel.meeting_rate',
  held: 'funnel.show_rate', opportunities: 'funnel.opportunity_rate', deals: 'funnel.close_rate',
};

// Price fields each billing model reads; the others go under "other prices".
export const MODEL_FIELDS = {
  in_house: ['costs.in_house_hourly_cost', 'costs.in_house_fixed'],
  hourly: ['costs.hourly_rate'],
  hybrid: ['costs.hourly_rate', 'costs.bonus_per_meeting', 'costs.meeting_basis'],
  per_call: ['costs.per_call'],
  per_meeting: ['costs.per_meeting', 'costs.meeting_basis'],
  per_deal: ['costs.per_deal'],
  flat: ['costs.flat_fee'],
};
export const PRICE_FIELDS = ['costs.in_house_hourly_cost', 'costs.in_house_fixed', 'costs.hourly_rate',
  'costs.bonus_per_meeting', 'costs.meeting_basis', 'costs.per_call', 'costs.per_meeting', 'costs.per_deal',
  'costs.flat_fee'];

const f = (path, kind, extra) => ({ path, kind, dflt: undefined, ...extra });

// target_roi: a setting of the advanced section, next to the LTV:CAC target.
export const TARGET_ROI = f('target_roi', 'pct');

// The order of the form: what the answer needs first (the funnel, the value,
// the chosen model's prices), then the time (optional for a model paid per
// result), the projection and the goal (form.js puts them after the time),
// the uncertainty, the channels, and the settings most users keep folded
// (« Réglages avancés »: currency, horizon, thresholds).
export const GROUPS = [
  { id: 'general', fields: [f('name', 'text')] },
  { id: 'funnel', fields: [
    f('funnel.entry', 'select'), f('funnel.volume', 'num'),
    f('funnel.contact_rate', 'pct'), f('funnel.lead_rate', 'pct'), f('funnel.meeting_rate', 'pct'), f('funnel.show_rate', 'pct'),
    f('funnel.opportunity_rate', 'pct'), f('funnel.close_rate', 'pct'), f('funnel.rounding', 'select'),
  ] },
  { id: 'value', fields: [
    f('value.deal_value', 'money'), f('value.monthly_value', 'money'), f('value.lifetime_months', 'num'),
    f('value.margin_rate', 'pct'), f('value.sales_cycle_months', 'num'),
  ] },
  { id: 'costs', fields: [
    f('costs.model', 'select'), f('costs.in_house_hourly_cost', 'money'), f('costs.in_house_fixed', 'money'),
    f('costs.hourly_rate', 'money'), f('costs.bonus_per_meeting', 'money'), f('costs.per_call', 'money'),
    f('costs.per_meeting', 'money'), f('costs.meeting_basis', 'select'), f('costs.per_deal', 'money'),
    f('costs.flat_fee', 'money'), f('costs.commission_rate', 'pct'), f('costs.internal_hours_per_meeting', 'num'),
    f('costs.internal_hourly_cost', 'money'),
  ] },
  { id: 'time', fields: [f('time.operators', 'num'), f('time.hours_per_operator', 'num'), f('time.talk_share', 'pct')] },
  { id: 'risk', fields: [f('uncertainty.spread', 'pct')] },
  { id: 'advanced', folded: true, fields: [f('currency', 'currency'), f('horizon_months', 'num'), f('target_ltv_cac', 'num'), TARGET_ROI] },
];

// The reallocation rule's settings, shown with the channels.
export const REALLOCATION = [f('reallocation.min_roi', 'pct'), f('reallocation.shift', 'pct')];

// The monthly projection and the goal: their own form sections
// (components/schedule, components/plan).  A ramp month is one item of
// schedule.ramp, a share typed as a percentage; RAMP_MAX: the core's list bound.
export const SCHEDULE = [f('schedule.months', 'num'), f('schedule.setup_cost', 'money')];
export const GOAL = [f('goal.metric', 'select'), f('goal.value', 'num')];
export const RAMP_ITEM = f('ramp', 'pct');
export let RAMP_MAX = 12;

// Rows of lists, typed by the page: a fixed cost, an observed count.
export const FIXED_LABEL = f('label', 'text');
export const MONEY = f('amount', 'money');
export const COUNT = f('count', 'num');

export const FIELDS = new Map();
for (const g of GROUPS) for (const fd of g.fields) FIELDS.set(fd.path, fd);
for (const fd of REALLOCATION) FIELDS.set(fd.path, fd);
for (const fd of [...SCHEDULE, ...GOAL]) FIELDS.set(fd.path, fd);

/** A scenario's setting at path, or the core's default when it leaves it
 *  out (what the core will use): 'funnel.entry', 'costs.model'… */
export const setting = (scenario, path) => getPath(scenario, path) ?? FIELDS.get(path)?.dflt;

// The stage whose count each billing model pays a price for; per meeting
// (and the hybrid's bonus) the meetings booked or held, by costs.meeting_basis.
const BILLS = { per_call: 'calls', per_meeting: 'meetings', hybrid: 'meetings', per_deal: 'deals' };
/** The stage a scenario's provider bills per unit ('calls', 'meetings',
 *  'held', 'deals'), or null (paid by the hour, or a flat fee). */
export function billedStage(scenario) {
  const stage = BILLS[setting(scenario, 'costs.model')] ?? null;
  return stage === 'meetings' && setting(scenario, 'costs.meeting_basis') === 'held' ? 'held' : stage;
}

/** Takes defaults, bounds and enum values from the core's field table
 *  (the document of `roi fields`). */
export function applyCoreFields(doc) {
  const core = new Map(doc.fields.map((x) => [x.path, x]));
  for (const fd of FIELDS.values()) {
    const c = core.get(fd.path);
    if (!c) continue;
    fd.dflt = c.default;
    if (c.values) fd.options = c.values;
    if (c.max_chars !== undefined) fd.maxlength = c.max_chars;
    if (c.min !== undefined) Object.assign(fd, { min: c.min, max: c.max });
  }
  const fixed = core.get('costs.fixed')?.item?.fields?.find((x) => x.path === 'label');
  if (fixed?.max_chars) FIXED_LABEL.maxlength = fixed.max_chars;
  const ramp = core.get('schedule.ramp');
  if (ramp?.item) Object.assign(RAMP_ITEM, { min: ramp.item.min, max: ramp.item.max });
  if (ramp?.max_items) RAMP_MAX = ramp.max_items;
  STAGES.splice(0, STAGES.length, ...(core.get('funnel.entry')?.values || []));
  MODELS.splice(0, MODELS.length, ...(core.get('costs.model')?.values || []));
  UNCERTAIN.splice(0, UNCERTAIN.length, ...doc.fields.filter((x) => x.path.startsWith('uncertainty.ranges.'))
    .map((x) => x.path.slice('uncertainty.ranges.'.length)));
}

/** The field definition of a path, channel and range paths included
 *  ("channels[2].funnel.close_rate" is a close rate). */
export function fieldOf(path) {
  if (/^costs\.fixed\[\d+\]\.amount$/.test(path)) return MONEY;
  if (/^costs\.fixed\[\d+\]\.label$/.test(path)) return FIXED_LABEL;
  if (path.startsWith('observed.')) return COUNT;
  if (/^schedule\.ramp\[\d+\]$/.test(path)) return RAMP_ITEM;
  const m = /^channels\[\d+\]\.(.+)$/.exec(path) || /^uncertainty\.ranges\.(.+?)(?:\.(?:low|high))?$/.exec(path);
  return FIELDS.get(m ? m[1] : path);
}
