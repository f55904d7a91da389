// Per-field ranges: two bounds for each uncertain field, in the field's own
// unit; the placeholders show the range in effect (the core's sensitivity rows).
import { UNCERTAIN, FIELDS } from '../../fields.js';
import { showValue } from '../../state/values.js';
import { node, idOf, inputOf, setProp } from '../dom.js';
import { fieldRow } from '../form/field.js';

export function build(t) {
  const details = node('details', { id: 'ranges' });
  details.append(node('summary', { 'data-i18n': 'rangesTitle' }), node('p', { class: 'hint', 'data-i18n': 'h:ranges' }));
  for (const p of UNCERTAIN) {
    const fd = FIELDS.get(p);
    const row = node('div', { class: 'rangerow', 'data-range': p, role: 'group', 'aria-labelledby': idOf('rg-' + p) });
    row.append(node('span', { class: 'rlabel', id: idOf('rg-' + p), 'data-i18n': 'u:' + p }));
    for (const end of ['low', 'high']) {
      const r = fieldRow({ ...fd, path: `uncertainty.ranges.${p}.${end}` }, t, { labelKey: end });
      r.querySelector('label').classList.add('sr');
      row.append(r);
    }
    details.append(row);
  }
  return details;
}

export function render(state) {
  const res = state.result;
  if (!res) return;
  const eff = new Map(res.sensitivity.map((r) => [r.field, [r.low, r.high]]));
  for (const p of UNCERTAIN) {
    const fd = FIELDS.get(p);
    ['low', 'high'].forEach((end, i) => {
      setProp(inputOf(`uncertainty.ranges.${p}.${end}`), 'placeholder', eff.has(p) ? showValue(fd, eff.get(p)[i], state.view.lang) : '—');
    });
  }
}
