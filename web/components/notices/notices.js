// Notices above the page (a link with problems, a refused file), each
// dismissible; the list is the state's, its titles and items kept as data
// (text keys, the core's codes and params) and translated here, so a change
// of language translates them again; a notice may carry an action button.
import { $, node, say } from '../dom.js';

// The boxes a notice may show in: the page's top, or beside the part of the
// form where its action was taken (update.js notice's place).
const PLACES = ['notices', 'channel-undo'];

export function render(state, prev, { t, fmt, item }) {
  if (state.notices === prev.notices && state.view.lang === prev.view.lang) return;
  for (const id of PLACES) $(id)?.replaceChildren();
  for (const n of state.notices) {
    const box = (n.place && $(n.place)) || $('notices');
    const el = node('div', { class: 'notice ' + n.kind, 'data-notice': n.id });
    el.append(node('p', {}, say(n.title, t, fmt) + (n.title.suffix ? ' ' + n.title.suffix : '')));
    if (n.items.length) {
      const ul = node('ul');
      for (const it of n.items) ul.append(node('li', {}, item(it)));
      el.append(ul);
    }
    if (n.action) el.append(node('button', { type: 'button', 'data-action': n.action.id }, t(n.action.key)));
    el.append(node('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '×'));
    box.append(el);
  }
}
