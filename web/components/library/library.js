// "Mes scénarios": the saved scenarios (this browser only), their buttons,
// the two picked for comparison and the side-by-side table.  Storage and
// decoding are io/library.js.
import { getPath } from '../../state/scenario.js';
import { makeFormat, withWords } from '../../format.js';
import { whyNull } from '../results/null-reason.js';
import { $, node, setProp, say } from '../dom.js';

const SIDE = [['per_hour.revenue', 'money', 'r:per_hour.revenue'], ['roi', 'pct', 'r:roi'], ['net', 'money', 'r:net'],
  ['cost.total', 'money', 'r:cost.total'], ['revenue', 'money', 'r:revenue'], ['funnel.deals', 'num', 'r:funnel.deals'],
  ['unit_costs.deal', 'money', 'r:unit_costs.deal'], ['payback_months', 'payback', 'r:payback_months'], ['breakeven.max_price', 'upTo', 'bill.max']];

export function render(state, prev, ctx) {
  const lib = state.library, old = prev.library;
  const { t } = ctx;
  const lang = state.view.lang !== prev.view.lang;
  setProp($('lib-name'), 'value', lib.name);
  if (lib.items !== old.items || lang || !$('lib-list').firstChild) renderList(lib.items, t);
  for (const pick of document.querySelectorAll('.lib-pick')) pick.checked = lib.picked.includes(pick.dataset.name);
  $('lib-compare').disabled = lib.picked.length !== 2;
  if (lib.message !== old.message || lang) $('lib-msg').textContent = say(lib.message, t, ctx.fmt);
  if (lib.side !== old.side || lang) renderSide(lib.side, state.view.lang, t);
}

function renderList(items, t) {
  const list = $('lib-list');
  list.replaceChildren();
  for (const item of items) {
    const li = node('li', { class: 'lib-item' });
    const pick = node('input', { type: 'checkbox', class: 'lib-pick', 'data-name': item.name, id: 'lib-pick-' + list.children.length });
    li.append(pick, node('label', { for: pick.id, class: 'lib-label' }, item.name));
    li.append(node('button', { type: 'button', 'data-libopen': item.name, 'aria-label': t('lib.openN', { n: item.name }) }, t('lib.open')));
    li.append(node('button', { type: 'button', 'data-librename': item.name, 'aria-label': t('lib.renameN', { n: item.name }) }, t('lib.rename')));
    li.append(node('button', { type: 'button', 'data-libdel': item.name, 'aria-label': t('lib.deleteN', { n: item.name }) }, t('lib.delete')));
    list.append(li);
  }
  if (!list.children.length) list.append(node('li', { class: 'hint' }, t('lib.empty')));
}

/** side: [{ name, result }] of the two picked, as the core computed them. */
function renderSide(side, lang, t) {
  const box = $('lib-side');
  if (!side) { box.replaceChildren(); box.hidden = true; return; }
  const table = node('table', { class: 'side' });
  const head = node('tr');
  head.append(node('th', { scope: 'col' }, t('indicator')));
  for (const it of side) head.append(node('th', { scope: 'col' }, it.name));
  const thead = node('thead');
  thead.append(head);
  const tbody = node('tbody');
  for (const [path, kind, label] of SIDE) {
    const tr = node('tr');
    tr.append(node('th', { scope: 'row' }, t(label)));
    side.forEach(({ result: r }, i) => {
      const v = r.ok ? getPath(r, path) : null;
      const f = withWords(makeFormat(lang, r.ok ? r.currency : 'EUR'), t);
      tr.append(node('td', { 'data-side': `${i}.${path}`, 'data-value': v === null ? '' : String(v) }, v === null ? t(r.ok ? whyNull(path, r) : 'n:na') : f[kind](v)));
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  box.replaceChildren(table);
  box.hidden = false;
}
