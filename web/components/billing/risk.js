// Who carries the risk of a billing model, in words, from two of the core's
// numbers: the cost (billing[].cost) and the cost if the results halve
// (billing[].cost_at_half).  The cost stays: you carry the risk; it falls:
// the provider shares it, by the share it falls.

/** { key, params } for the page's words, or null when the core gave no cost. */
export function carrier(cost, half) {
  if (cost === null || half === null || cost === undefined || half === undefined) return null;
  if (!(cost > 0) || Math.abs(half - cost) < 0.005 || half > cost) return { key: 'carry.you', params: { c: half } };
  return { key: 'carry.shared', params: { c: half, d: 1 - half / cost } };
}
