// The inputs of the page: which scenario fields, grouped the way a sales
// director thinks (time, funnel, value, costs), with their unit and default.
// A field's `path` is its canonical scenario path and its input's name.
// kind: 'num' plain number, 'money' in the scenario currency, 'pct' a rate
// typed as a percentage (stored as a fraction), 'text', 'currency', 'select'.

export const STAGES = ['calls', 'contacts', 'leads', 'meetings', 'held', 'opportunities', 'deals'];
// The rate that leads into each stage after the first.
export const RATE_INTO = {
  contacts: 'funnel.contact_rate', leads: 'funnel.lead_rate', meetings: 'funnel.meeting_rate',
  held: 'funnel.show_rate', opportunities: 'funnel.opportunity_rate', deals: 'funnel.close_rate',
};
export const MODELS = ['in_house', 'hourly', 'hybrid', 'per_call', 'per_meeting', 'per_deal', 'flat'];

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

const f = (path, kind, dflt, extra) => ({ path, kind, dflt, ...extra });

export const GROUPS = [
  { id: 'general', fields: [
    f('name', 'text', '', { maxlength: 80 }),
    f('currency', 'currency', 'EUR'),
    f('horizon_months', 'num', 12),
    f('target_ltv_cac', 'num', 3),
  ] },
  { id: 'time', fields: [
    f('time.operators', 'num', 1),
    f('time.hours_per_operator', 'num', 0),
    f('time.talk_share', 'pct', 1),
  ] },
  { id: 'funnel', fields: [
    f('funnel.entry', 'select', 'calls', { options: STAGES }),
    f('funnel.volume', 'num', 0),
    f('funnel.contact_rate', 'pct', 1),
    f('funnel.lead_rate', 'pct', 1),
    f('funnel.meeting_rate', 'pct', 1),
    f('funnel.show_rate', 'pct', 1),
    f('funnel.opportunity_rate', 'pct', 1),
    f('funnel.close_rate', 'pct', 1),
    f('funnel.rounding', 'select', 'floor', { options: ['floor', 'expected'] }),
  ] },
  { id: 'value', fields: [
    f('value.deal_value', 'money', 0),
    f('value.monthly_value', 'money', 0),
    f('value.lifetime_months', 'num', 0),
    f('value.margin_rate', 'pct', 1),
    f('value.sales_cycle_months', 'num', 0),
  ] },
  { id: 'costs', fields: [
    f('costs.model', 'select', 'in_house', { options: MODELS }),
    f('costs.in_house_hourly_cost', 'money', 0),
    f('costs.in_house_fixed', 'money', 0),
    f('costs.hourly_rate', 'money', 0),
    f('costs.bonus_per_meeting', 'money', 0),
    f('costs.per_call', 'money', 0),
    f('costs.per_meeting', 'money', 0),
    f('costs.meeting_basis', 'select', 'booked', { options: ['booked', 'held'] }),
    f('costs.per_deal', 'money', 0),
    f('costs.flat_fee', 'money', 0),
    f('costs.internal_hours_per_meeting', 'num', 0),
    f('costs.internal_hourly_cost', 'money', 0),
  ] },
];

GROUPS.push({ id: 'risk', fields: [f('uncertainty.spread', 'pct', 0.2)] });

// The uncertain fields, in the core's canonical order: each may get an
// explicit [low, high] range in uncertainty.ranges.
export const UNCERTAIN = ['funnel.volume', 'funnel.contact_rate', 'funnel.lead_rate', 'funnel.meeting_rate',
  'funnel.show_rate', 'funnel.opportunity_rate', 'funnel.close_rate', 'value.deal_value', 'value.monthly_value',
  'value.margin_rate', 'value.lifetime_months'];

// The reallocation rule's settings, shown with the channels.
export const REALLOCATION = [f('reallocation.min_roi', 'pct', null), f('reallocation.shift', 'pct', 0.2)];

// target_roi lives in the break-even panel, next to the figures it drives.
export const TARGET_ROI = f('target_roi', 'pct', 0);

export const FIELDS = new Map();
for (const g of GROUPS) for (const fd of g.fields) FIELDS.set(fd.path, fd);
FIELDS.set(TARGET_ROI.path, TARGET_ROI);
for (const fd of REALLOCATION) FIELDS.set(fd.path, fd);

/** The field definition of a path, channel paths included
 *  ("channels[2].funnel.close_rate" is a close rate). */
export function fieldOf(path) {
  const m = /^channels\[\d+\]\.(.+)$/.exec(path) || /^uncertainty\.ranges\.(.+?)(?:\.(?:low|high))?$/.exec(path);
  return FIELDS.get(m ? m[1] : path);
}

/** Value at a dotted path ("funnel.close_rate", "costs.fixed[1].amount"). */
export function getPath(obj, path) {
  let o = obj;
  for (const k of splitPath(path)) {
    if (o == null || typeof o !== 'object') return undefined;
    o = o[k];
  }
  return o;
}

/** Sets (or, for undefined, deletes) the value at a path, creating objects. */
export function setPath(obj, path, value) {
  const keys = splitPath(path);
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (o[k] == null || typeof o[k] !== 'object') o[k] = {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
}

function splitPath(path) {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.');
}
