// The printed report's assumptions: the inputs of the scenario that differ
// from the core's defaults (fields.json), in the form's order, as data the
// report renders in words.  Nothing is computed here.
import { getPath } from '../../state/scenario.js';

// Said even at their default: what the figures are for (the billing
// model, the stage the volume counts), without which a reader cannot
// rebuild the plan from the paper.
const ALWAYS = ['funnel.entry', 'costs.model'];

/** fields: the page's field definitions in display order (path, kind, dflt);
 *  observed: the counts typed in retrospective mode (stage -> count), or null.
 *  Returns the observed counts ({ observed: [[stage, count]] }), then
 *  [{ path, kind, value }], the ramp-up ({ ramp: [shares] }), the other costs
 *  ({ fixed: {label, amount} }), the ranges ({ range: field, low, high }) and
 *  the channels' names ({ channels: [...] }). */
export function assumptions(scenario, fields, observed = null) {
  const out = [];
  const seen = Object.entries(observed || {});
  if (seen.length) out.push({ observed: seen });
  for (const fd of fields) {
    if (fd.path === 'name') continue; // the report's title already
    const v = getPath(scenario, fd.path) ?? (ALWAYS.includes(fd.path) ? fd.dflt : undefined);
    if (v === undefined || v === null || (v === fd.dflt && !ALWAYS.includes(fd.path))) continue;
    out.push({ path: fd.path, kind: fd.kind, value: v });
  }
  const ramp = getPath(scenario, 'schedule.ramp') || [];
  if (ramp.length && getPath(scenario, 'schedule.months') > 0) out.push({ ramp });
  for (const f of getPath(scenario, 'costs.fixed') || []) if (f && f.amount) out.push({ fixed: { label: f.label || '', amount: f.amount } });
  for (const [field, r] of Object.entries(getPath(scenario, 'uncertainty.ranges') || {})) {
    if (Array.isArray(r) && r.length === 2) out.push({ range: field, low: r[0], high: r[1] });
  }
  const names = (scenario.channels || []).map((c, i) => c?.name || String(i + 1));
  if (names.length) out.push({ channels: names });
  return out;
}
