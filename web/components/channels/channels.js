// Channel cards: one per channel of the scenario, with the fields its model
// and entry stage need; rebuilt when those change, values from the state.
import { REALLOCATION, fieldOf } from '../../fields.js';
import { $, node, translate, keepFocus } from '../dom.js';
import { fieldRow } from '../form/field.js';
import { PRESETS, MAX_CHANNELS, cardFields } from './presets.js';

export function build(t) {
  const fs = node('fieldset', { class: 'group g-channels', id: 'channels' });
  fs.append(node('legend', { 'data-i18n': 'l:channels' }), node('p', { class: 'hint', 'data-i18n': 'h:channels' }));
  fs.append(node('div', { id: 'channel-list', class: 'channel-list' }));
  // A channel removed: its way back here, where it was removed, not at the page's top.
  fs.append(node('div', { id: 'channel-undo', class: 'notices inline', 'aria-live': 'polite' }));
  const add = node('div', { class: 'field addrow' });
  const sel = node('select', { id: 'preset' });
  for (const k of Object.keys(PRESETS)) sel.append(node('option', { value: k, 'data-i18n': 'p:' + k }));
  const box = node('div', { class: 'ctl' });
  box.append(sel, node('button', { type: 'button', id: 'channel-add', class: 'add', 'data-i18n': 'channelAdd' }));
  add.append(node('label', { for: 'preset', 'data-i18n': 'preset' }), box);
  fs.append(add, node('p', { id: 'channel-max', class: 'hint', hidden: true, 'data-i18n': 'channelMax' }));
  for (const fd of REALLOCATION) fs.append(fieldRow(fd, t));
  return fs;
}

let shape = null; // the cards on screen: their field paths and the language

export function render(state, prev, { t }) {
  const channels = state.scenario.channels || [];
  const now = JSON.stringify([state.view.lang, channels.map(cardFields)]);
  const list = $('channel-list');
  if (now !== shape) {
    shape = now;
    keepFocus(() => {
      list.replaceChildren();
      channels.forEach((c, i) => {
        const card = node('fieldset', { class: 'channel', 'data-channel': i });
        card.append(node('legend'));
        const grid = node('div', { class: 'cardgrid' });
        for (const p of cardFields(c)) grid.append(fieldRow({ ...fieldOf(p), path: `channels[${i}].${p}` }, t, { labelKey: p === 'name' ? 'channelName' : p }));
        const tools = node('div', { class: 'cardtools' });
        tools.append(node('button', { type: 'button', class: 'add', 'data-chdup': i, 'aria-label': t('channelDupN', { n: i + 1 }) }, t('channelDup')),
          node('button', { type: 'button', class: 'del', 'data-chdel': i, 'aria-label': t('channelDelN', { n: i + 1 }) }, t('channelDel')));
        card.append(grid, tools);
        list.append(card);
      });
      translate(list, t);
    });
  }
  channels.forEach((c, i) => {
    const legend = list.children[i].querySelector('legend');
    const text = t('channelN', { n: i + 1 }) + (c.name ? ' — ' + c.name : '');
    if (legend.textContent !== text) legend.textContent = text;
  });
  $('channel-add').disabled = channels.length >= MAX_CHANNELS;
  for (const b of document.querySelectorAll('[data-clone]')) b.disabled = channels.length >= MAX_CHANNELS;
  $('channel-max').hidden = channels.length < MAX_CHANNELS;
}
