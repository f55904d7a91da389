// Channels to compare with the campaign: presets, the fields each card shows,
// and the ranked comparison.  Every number still comes from the core; this
// module only decides what a card asks for.
import { STAGES, RATE_INTO, MODEL_FIELDS } from '../../fields.js';

export const MAX_CHANNELS = 20;

// Plausible starting points, labelled as examples on the page.  The value of
// a deal is copied from the campaign when the channel is added (same offer).
export const PRESETS = {
  calls_in_house: {
    time: { operators: 1, hours_per_operator: 140 },
    funnel: { entry: 'calls', volume: 1500, contact_rate: 0.1, meeting_rate: 0.25, show_rate: 0.8, opportunity_rate: 0.5, close_rate: 0.25 },
    costs: { model: 'in_house', in_house_hourly_cost: 35, in_house_fixed: 800 },
  },
  pay_per_meeting: {
    funnel: { entry: 'meetings', volume: 30, show_rate: 0.85, opportunity_rate: 0.6, close_rate: 0.25 },
    costs: { model: 'per_meeting', per_meeting: 150, meeting_basis: 'held' },
  },
  emailing: {
    funnel: { entry: 'contacts', volume: 5000, lead_rate: 0.02, meeting_rate: 0.4, show_rate: 0.8, opportunity_rate: 0.5, close_rate: 0.2 },
    costs: { model: 'flat', flat_fee: 1500 },
  },
  content: {
    funnel: { entry: 'leads', volume: 40, meeting_rate: 0.3, show_rate: 0.9, opportunity_rate: 0.5, close_rate: 0.2 },
    costs: { model: 'flat', flat_fee: 4000 },
  },
  events: {
    funnel: { entry: 'contacts', volume: 400, lead_rate: 0.25, meeting_rate: 0.3, show_rate: 0.85, opportunity_rate: 0.5, close_rate: 0.25 },
    costs: { model: 'flat', flat_fee: 12000 },
  },
};

/** A new channel from a preset: a whole scenario of its own (channels inherit
 *  nothing), with the campaign's offer (value) and currency. */
export function channelFromPreset(key, name, campaign) {
  const p = structuredClone(PRESETS[key]);
  return { name, currency: campaign.currency ?? 'EUR', ...p, value: structuredClone(campaign.value ?? {}) };
}

/** The scenario paths a channel card shows, given its model and entry stage. */
export function cardFields(channel) {
  const model = channel.costs?.model ?? 'in_house';
  const entry = channel.funnel?.entry ?? 'calls';
  const fields = ['name', 'costs.model', ...MODEL_FIELDS[model], 'funnel.entry', 'funnel.volume'];
  for (const s of STAGES.slice(STAGES.indexOf(entry) + 1)) fields.push(RATE_INTO[s]);
  if (model === 'in_house' || model === 'hourly' || model === 'hybrid') fields.push('time.operators', 'time.hours_per_operator');
  fields.push('value.deal_value', 'value.monthly_value', 'value.lifetime_months', 'value.margin_rate');
  return fields;
}

/** Comparison rows in display order: by rank (null rank last) or as entered. */
export function orderRows(rows, byRank) {
  const idx = rows.map((_, i) => i);
  if (!byRank) return idx;
  const key = (i) => (rows[i].rank === null ? Infinity : rows[i].rank);
  return idx.sort((a, b) => key(a) - key(b) || a - b);
}
