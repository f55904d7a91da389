// The printed report's assumptions: the inputs of the scenario that differ
// from the core's defaults (fields.json), in the form's order, as data the
// report renders in words.  Nothing is computed here.
import { getPath } from '../../state/scenario.js';

/** fields: the page's field definitions in display order (path, kind, dflt).
 *  Returns [{ path, kind, value }], then the other costs ({ fixed: {label, amount} }),
 *  the ranges ({ range: field, low, high }) and the channels' names ({ channels: [...] }). */
export function assumptions(scenario, fields) {
  const out = [];
  for (const fd of fields) {
    if (fd.path === 'name') continue; // the report's title already
    const v = getPath(scenario, fd.path);
    if (v === undefined || v === null || v === fd.dflt) continue;
    out.push({ path: fd.path, kind: fd.kind, value: v });
  }
  for (const f of getPath(scenario, 'costs.fixed') || []) if (f && f.amount) out.push({ fixed: { label: f.label || '', amount: f.amount } });
  for (const [field, r] of Object.entries(getPath(scenario, 'uncertainty.ranges') || {})) {
    if (Array.isArray(r) && r.length === 2) out.push({ range: field, low: r[0], high: r[1] });
  }
  const names = (scenario.channels || []).map((c, i) => c?.name || String(i + 1));
  if (names.length) out.push({ channels: names });
  return out;
}
