// One input row of the form: label, input (text or select), unit, hint,
// "derived" note and error line, all tied by ids for assistive technology.
import { node, idOf } from '../dom.js';

/** fd: { path, kind, options, maxlength }; extra: labelKey (i18n key of the
 *  label, default the path), form (the form the input belongs to). */
export function fieldRow(fd, t, extra = {}) {
  const id = idOf(fd.path);
  const row = node('div', { class: 'field k-' + fd.kind, 'data-field': fd.path });
  const label = node('label', { for: id, 'data-i18n': extra.labelKey || fd.path });
  let input;
  if (fd.kind === 'select') {
    input = node('select', { id, name: fd.path });
    for (const o of fd.options) input.append(node('option', { value: o, 'data-i18n': `o:${extra.labelKey || fd.path}:${o}` }));
  } else {
    const numeric = fd.kind !== 'text' && fd.kind !== 'currency';
    input = node('input', {
      id, name: fd.path, type: 'text', inputmode: numeric ? 'decimal' : false, spellcheck: 'false',
      maxlength: fd.maxlength || false, autocapitalize: fd.kind === 'currency' ? 'characters' : false,
    });
  }
  const desc = [];
  const hintKey = 'h:' + fd.path;
  if (t(hintKey) !== hintKey) desc.push(id + '-h');
  desc.push(id + '-d', id + '-e');
  input.setAttribute('aria-describedby', desc.join(' '));
  if (extra.form) input.setAttribute('form', extra.form);
  const box = node('div', { class: 'ctl' });
  box.append(input);
  if (fd.kind === 'pct') box.append(node('span', { class: 'unit', 'aria-hidden': 'true' }, '%'));
  if (fd.kind === 'money') box.append(node('span', { class: 'unit cur', 'aria-hidden': 'true' }));
  row.append(label, box);
  if (desc[0] === id + '-h') row.append(node('p', { class: 'hint', id: id + '-h', 'data-i18n': hintKey }));
  row.append(node('p', { class: 'derived', id: id + '-d', hidden: true }));
  row.append(node('p', { class: 'err', id: id + '-e', hidden: true }));
  return row;
}
