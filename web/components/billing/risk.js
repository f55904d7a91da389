// Who carries the risk of a billing model, in words, from two of the core's
// numbers: the cost (billing[].cost) and the cost if the results halve
// (billing[].cost_at_half).  The cost stays: you carry the risk; it falls:
// the provider shares it, by the share it falls.  A model paid by the hour
// with no hours entered (the core's hours_total 0) costs 0 only for lack of
// hours: the words ask for them instead.

/** { key, params } for the page's words, or null when the core gave no cost.
 *  noHours: the row's model is paid by the hour and no hour was entered. */
export function carrier(cost, half, noHours = false) {
  if (noHours) return { key: 'carry.hours', params: {} };
  if (cost === null || half === null || cost === undefined || half === undefined) return null;
  if (!(cost > 0) || Math.abs(half - cost) < 0.005 || half > cost) return { key: 'carry.you', params: { c: half } };
  return { key: 'carry.shared', params: { c: half, d: 1 - half / cost } };
}
