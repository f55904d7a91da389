// Fixed costs: a list of label + amount rows, added and removed.  Rows are
// rebuilt when their number changes; their texts come from the state.
import { FIXED_LABEL } from '../../fields.js';
import { getPath } from '../../state/scenario.js';
import { $, node, translate, keepFocus } from '../dom.js';
import { fieldRow } from '../form/field.js';

export function build() {
  const fs = node('fieldset', { class: 'fixed', id: 'fixed' });
  fs.append(node('legend', { 'data-i18n': 'l:fixed' }), node('p', { class: 'hint', 'data-i18n': 'h:fixed' }));
  fs.append(node('ol', { id: 'fixed-list', class: 'fixed-list' }));
  fs.append(node('button', { type: 'button', id: 'fixed-add', class: 'add', 'data-i18n': 'fixedAdd' }));
  return fs;
}

export function render(state, prev, { t }) {
  const n = (getPath(state.scenario, 'costs.fixed') || []).length;
  const list = $('fixed-list');
  if (list.children.length !== n) {
    keepFocus(() => {
      list.replaceChildren();
      for (let i = 0; i < n; i++) {
        const li = node('li', { class: 'fixed-row' });
        const lab = fieldRow({ ...FIXED_LABEL, path: `costs.fixed[${i}].label` }, t, { labelKey: 'fixedLabel' });
        const amt = fieldRow({ path: `costs.fixed[${i}].amount`, kind: 'money' }, t, { labelKey: 'fixedAmount' });
        li.append(lab, amt, node('button', { type: 'button', class: 'del', 'data-del': i }));
        list.append(li);
      }
      translate(list, t);
      relabel(t);
    });
  } else if (state.view.lang !== prev.view.lang) {
    relabel(t);
  }
}

function relabel(t) {
  document.querySelectorAll('#fixed-list .del').forEach((b, i) => {
    b.textContent = t('fixedDel');
    b.setAttribute('aria-label', t('fixedDelN', { n: i + 1 }));
  });
  document.querySelectorAll('#fixed-list .fixed-row').forEach((li, i) => {
    li.querySelectorAll('label').forEach((l) => { l.textContent = t(l.dataset.i18n) + ' ' + (i + 1); });
  });
}
