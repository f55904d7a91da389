// English words for what the core names by code: the page's own refusals
// of a typed number ("e:*") and the names of the core's enum values
// ("o:<path>:<value>": stages, billing models, options); its errors and
// warnings are in i18n-err-en.js.  The full page's table (i18n-en.js)
// and the widget both take them from here.

export const stages = { calls: 'Calls made', contacts: 'Decision-makers reached', leads: 'Qualified leads', meetings: 'Meetings booked', held: 'Meetings held', opportunities: 'Opportunities', deals: 'Deals signed' };
export const models = { in_house: 'In-house team', hourly: 'Time and materials', hybrid: 'Hybrid: time + bonus per meeting', per_call: 'Per call', per_meeting: 'Per validated meeting', per_deal: 'Commission per deal', flat: 'Flat fee' };

const names = {};
for (const [k, v] of Object.entries(stages)) names['o:funnel.entry:' + k] = v;
for (const [k, v] of Object.entries(models)) names['o:costs.model:' + k] = v;

export default {
  ...names,
  'o:funnel.rounding:floor': 'Whole deals, rounded down (prudent)', 'o:funnel.rounding:expected': 'Average expected number (not rounded)',
  'o:costs.meeting_basis:booked': 'Booked (validated)', 'o:costs.meeting_basis:held': 'Held',
  'o:goal.metric:revenue': 'Revenue', 'o:goal.metric:margin': 'Gross margin', 'o:goal.metric:net': 'Net result',
  'o:goal.metric:deals': 'Deals signed', 'o:goal.metric:meetings': 'Meetings booked', 'o:goal.metric:held': 'Meetings held',
  'e:number': 'a number is expected, e.g. 1,800 or 12.5',
  'e:overflow': 'number too large', 'e:underflow': 'number too small (it would be 0)',
};
